"""Load a JSONL file of `factx.fact/1` records straight into a store (for benchmarks).

    load_store(jsonl_path, store_dir)

Used by `bench/conflicts.py --loader load_facts:load_store` to time the query
commands on a store of a million generated facts without running the NLP.
"""

from __future__ import annotations

import json
from itertools import islice

from factx.resolve import fold
from factx.store import Store


def load_store(jsonl_path: str, store_dir: str, *, chunk: int = 50_000) -> int:
    store = Store.open(store_dir)
    conn = store.conn
    docs: dict[str, int] = {}
    entities: dict[str, tuple[str, str]] = {}
    count = 0
    conn.execute("BEGIN")
    with open(jsonl_path, encoding="utf-8") as handle:
        while True:
            lines = list(islice(handle, chunk))
            if not lines:
                break
            rows = []
            for line in lines:
                f = json.loads(line)
                doc_id = docs.get(f["doc"])
                if doc_id is None:
                    doc_id = conn.execute(
                        "INSERT INTO documents (path, content_hash, pipeline, published) VALUES (?, 'bench', 'bench', ?)",
                        (f["doc"], f["published"])).lastrowid
                    docs[f["doc"]] = doc_id
                entities.setdefault(f["entity"], (f["entity_id"], f["entity_type"]))
                value = json.dumps(f["value"], ensure_ascii=False) if f["value"] is not None else None
                rows.append((doc_id, f["id"], f["entity"], f["entity_type"], f["attribute"], value,
                             f["value_type"], f["value_text"], f["polarity"], f["modality"], f["said_by"],
                             f["line"], f["start"], f["end"], f["quote"], f["mention"], f["rule"], count))
                count += 1
            conn.executemany("INSERT INTO facts VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)", rows)
    conn.executemany("INSERT OR REPLACE INTO entities VALUES (?, ?, ?, ?)",
                     [(eid, name, etype, fold(name)) for name, (eid, etype) in entities.items()])
    conn.executemany("INSERT OR REPLACE INTO names VALUES (?, ?, ?)",
                     [(name, eid, fold(name)) for name, (eid, _) in entities.items()])
    conn.execute("COMMIT")
    store.close()
    return count
