"""The SQLite store: documents, facts, names and entities under `--store DIR`.

Writes go through `Writer`, which commits once per batch of documents (WAL mode),
so that a crash or `kill -9` leaves every committed batch intact and a rerun
resumes where the last one stopped. A lock file keeps two writers apart.

Facts are stored as drafts that name entities by their in-document canonical
names; the `names` table maps each name to its resolved entity. Readers join the
two, so re-resolving entities never rewrites facts.

This module imports neither spaCy nor dateparser: the query commands use it.
"""

from __future__ import annotations

import json
import os
import sqlite3
import time
from contextlib import contextmanager
from pathlib import Path
from typing import Any, Iterable, Iterator

from factx.errors import StoreError
from factx.records import DocResult, Document, Fact, FactDraft, RunCounts, Status, fact_id, line_of

DB_NAME = "factx.sqlite"
LOCK_NAME = "write.lock"
SCHEMA_VERSION = "1"

_SCHEMA = """
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT);
CREATE TABLE IF NOT EXISTS documents (
    doc_id INTEGER PRIMARY KEY,
    path TEXT NOT NULL UNIQUE,
    content_hash TEXT NOT NULL,
    pipeline TEXT NOT NULL,
    published TEXT,
    title TEXT,
    chars INTEGER,
    run_id INTEGER,
    outlet TEXT,
    url TEXT,
    author TEXT,
    published_how TEXT,
    published_from TEXT,
    dateline TEXT,
    size INTEGER,
    mtime_ns INTEGER,
    file_hash TEXT
);
CREATE INDEX IF NOT EXISTS documents_hash ON documents(content_hash);
CREATE TABLE IF NOT EXISTS facts (
    doc_id INTEGER NOT NULL REFERENCES documents(doc_id) ON DELETE CASCADE,
    id TEXT NOT NULL,
    name TEXT NOT NULL,
    name_type TEXT,
    attribute TEXT NOT NULL,
    value TEXT,
    value_type TEXT,
    value_text TEXT,
    polarity TEXT,
    modality TEXT,
    said_by TEXT,
    line INTEGER,
    start INTEGER,
    "end" INTEGER,
    quote TEXT,
    mention TEXT,
    rule TEXT,
    seq INTEGER
);
CREATE INDEX IF NOT EXISTS facts_name ON facts(name, attribute);
CREATE INDEX IF NOT EXISTS facts_doc ON facts(doc_id);
CREATE INDEX IF NOT EXISTS facts_said_by ON facts(said_by);
CREATE INDEX IF NOT EXISTS facts_value_entity ON facts(json_extract(value, '$')) WHERE value_type = 'entity';
CREATE INDEX IF NOT EXISTS facts_declared ON facts(attribute) WHERE attribute = 'alternate_names';
CREATE INDEX IF NOT EXISTS facts_described ON facts(attribute) WHERE attribute = 'description';
CREATE TABLE IF NOT EXISTS names (
    name TEXT PRIMARY KEY,
    entity_id TEXT NOT NULL,
    folded TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS names_entity ON names(entity_id);
CREATE INDEX IF NOT EXISTS names_folded ON names(folded);
CREATE TABLE IF NOT EXISTS entities (
    entity_id TEXT PRIMARY KEY,
    canonical TEXT NOT NULL,
    entity_type TEXT,
    folded TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS entities_folded ON entities(folded);
-- Resolution state (factx.incremental): each name's node as last resolved, the keys
-- through which resolve() may compare nodes, and the names whose facts changed since
-- (the subject, source and entity value of every fact added or deleted, and the alias
-- of an "also known as" fact).
CREATE TABLE IF NOT EXISTS resolve_names (
    name TEXT PRIMARY KEY,
    node TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS resolve_names_node ON resolve_names(node);
CREATE TABLE IF NOT EXISTS resolve_keys (
    node TEXT NOT NULL,
    key TEXT NOT NULL,
    role TEXT NOT NULL,
    detail TEXT
);
CREATE INDEX IF NOT EXISTS resolve_keys_key ON resolve_keys(key, role);
CREATE INDEX IF NOT EXISTS resolve_keys_node ON resolve_keys(node);
CREATE TABLE IF NOT EXISTS resolve_pending (name TEXT PRIMARY KEY);
CREATE TRIGGER IF NOT EXISTS facts_added_names AFTER INSERT ON facts BEGIN
    INSERT OR IGNORE INTO resolve_pending VALUES (NEW.name);
    INSERT OR IGNORE INTO resolve_pending SELECT NEW.said_by WHERE NEW.said_by IS NOT NULL;
    INSERT OR IGNORE INTO resolve_pending SELECT json_extract(NEW.value, '$')
        WHERE (NEW.value_type = 'entity' OR NEW.attribute = 'alternate_names')
        AND json_extract(NEW.value, '$') IS NOT NULL;
END;
CREATE TRIGGER IF NOT EXISTS facts_removed_names AFTER DELETE ON facts BEGIN
    INSERT OR IGNORE INTO resolve_pending VALUES (OLD.name);
    INSERT OR IGNORE INTO resolve_pending SELECT OLD.said_by WHERE OLD.said_by IS NOT NULL;
    INSERT OR IGNORE INTO resolve_pending SELECT json_extract(OLD.value, '$')
        WHERE (OLD.value_type = 'entity' OR OLD.attribute = 'alternate_names')
        AND json_extract(OLD.value, '$') IS NOT NULL;
END;
CREATE TABLE IF NOT EXISTS runs (
    run_id INTEGER PRIMARY KEY,
    started REAL,
    finished REAL,
    status TEXT,
    new INTEGER DEFAULT 0,
    changed INTEGER DEFAULT 0,
    unchanged INTEGER DEFAULT 0,
    failed INTEGER DEFAULT 0
);
"""

# The facts as the fact record shows them: each row joined to its entity, its source's
# entity and its value's entity. A view, so that Datasette and sqlite-utils users query
# the same thing as factx (README, "The store"); `doc_id` and `seq` (the fact's place
# in its document) come last, for ordering.
_VIEW = """
CREATE VIEW IF NOT EXISTS facts_resolved AS
SELECT f.id AS id, coalesce(e.canonical, f.name) AS entity, n.entity_id AS entity_id,
       coalesce(e.entity_type, f.name_type) AS entity_type, f.attribute AS attribute,
       coalesce(ve.canonical, json_extract(f.value, '$')) AS value, f.value_type AS value_type,
       f.value_text AS value_text, f.polarity AS polarity, f.modality AS modality,
       coalesce(se.canonical, f.said_by) AS said_by, d.path AS doc, d.published AS published,
       f.line AS line, f.start AS start, f."end" AS "end", f.quote AS quote,
       f.mention AS mention, f.rule AS rule, f.doc_id AS doc_id, f.seq AS seq
FROM facts f
JOIN documents d ON d.doc_id = f.doc_id
LEFT JOIN names n ON n.name = f.name
LEFT JOIN entities e ON e.entity_id = n.entity_id
LEFT JOIN names sn ON sn.name = f.said_by
LEFT JOIN entities se ON se.entity_id = sn.entity_id
LEFT JOIN names vn ON f.value_type = 'entity' AND vn.name = json_extract(f.value, '$')
LEFT JOIN entities ve ON ve.entity_id = vn.entity_id;
"""

_FACT_SELECT = ("SELECT id, entity, coalesce(entity_id, ''), entity_type, attribute, value, value_type, "
                "value_text, polarity, modality, said_by, doc, published, line, start, \"end\", quote, "
                "mention, rule FROM facts_resolved")


#: Columns of the documents table added after stores were first written, with their SQL
#: types: a store made before them gets them on open (empty for its documents until they
#: are processed again). `size`, `mtime_ns` and `file_hash` describe the file a document
#: was read from, so that a rerun knows it unchanged without reading it.
_DOCUMENT_COLUMNS = (("outlet", "TEXT"), ("url", "TEXT"), ("author", "TEXT"), ("published_how", "TEXT"),
                     ("published_from", "TEXT"), ("dateline", "TEXT"),
                     ("size", "INTEGER"), ("mtime_ns", "INTEGER"), ("file_hash", "TEXT"))


def _add_document_columns(conn: sqlite3.Connection) -> None:
    have = {row[1] for row in conn.execute("PRAGMA table_info(documents)")}
    if not have:
        return  # a new store: the schema creates them
    for column, sql_type in _DOCUMENT_COLUMNS:
        if column not in have:
            conn.execute(f"ALTER TABLE documents ADD COLUMN {column} {sql_type}")


def default_store_dir() -> Path:
    return Path(os.environ.get("FACTX_STORE") or ".factx")


def _row_to_fact(row: tuple) -> dict[str, Any]:
    return Fact.row_json(row)  # the columns of _FACT_SELECT are the record's fields, in order


class Store:
    """A factx store in a directory. Open with `Store.open(dir)`; readers never lock."""

    def __init__(self, directory: Path, conn: sqlite3.Connection) -> None:
        self.directory = directory
        self.conn = conn

    @classmethod
    def open(cls, directory: str | os.PathLike[str] | None = None, *, create: bool = True) -> "Store":
        directory = Path(directory) if directory is not None else default_store_dir()
        db = directory / DB_NAME
        if not db.exists() and not create:
            raise StoreError(f"{directory}: no factx store here",
                             hint="run 'factx extract PATH' first, or pass --store DIR")
        try:
            directory.mkdir(parents=True, exist_ok=True)
            conn = sqlite3.connect(db, timeout=30, isolation_level=None)
            conn.execute("PRAGMA journal_mode=WAL")
            conn.execute("PRAGMA synchronous=NORMAL")
            conn.execute("PRAGMA foreign_keys=ON")
            _add_document_columns(conn)
            conn.executescript(_SCHEMA + _VIEW)
            conn.execute("INSERT OR IGNORE INTO meta VALUES ('schema', ?)", (SCHEMA_VERSION,))
        except (OSError, sqlite3.DatabaseError) as exc:
            raise StoreError(f"{directory}: cannot open the store: {exc}",
                             hint="check the path and its permissions, or pass another --store") from None
        return cls(directory, conn)

    def close(self) -> None:
        self.conn.close()

    # --- reading ------------------------------------------------------------------

    def document_state(self, path: str) -> tuple[int, str, str] | None:
        row = self.conn.execute(
            "SELECT doc_id, content_hash, pipeline FROM documents WHERE path = ?", (path,)).fetchone()
        return row

    def file_state(self, path: str) -> tuple[str, int | None, int | None, str | None] | None:
        """(pipeline, size, mtime_ns, file_hash) of the file a stored document was read from."""
        return self.conn.execute(
            "SELECT pipeline, size, mtime_ns, file_hash FROM documents WHERE path = ?", (path,)).fetchone()

    def facts(self, *, entity_ids: Iterable[str] | None = None, attribute: str | None = None,
              doc_ids: Iterable[int] | None = None, run_id: int | None = None,
              order_by_entity: bool = False, docs: Iterable[str] | None = None) -> Iterator[dict[str, Any]]:
        """Fact records (`factx.fact/1` dicts), streamed from the store; `docs` keeps
        the facts of these document paths only."""
        where, params = [], []
        if docs is not None:
            paths = list(docs)
            where.append(f"doc IN ({','.join('?' * len(paths))})")
            params += paths
        if entity_ids is not None:
            ids = list(entity_ids)
            where.append(f"entity_id IN ({','.join('?' * len(ids))})")
            params += ids
        if attribute is not None:
            where.append("attribute = ?")
            params.append(attribute)
        if run_id is not None:
            where.append("doc_id IN (SELECT doc_id FROM documents WHERE run_id = ?)")
            params.append(run_id)
        sql = _FACT_SELECT + (" WHERE " + " AND ".join(where) if where else "")
        sql += " ORDER BY entity_id, attribute, doc, seq" if order_by_entity else " ORDER BY doc, seq"
        for row in self.conn.execute(sql, params):
            yield _row_to_fact(row)

    def name_stats(self, names: Iterable[str] | None = None) -> Iterator[tuple[str, str, int]]:
        """Every distinct name (or each of `names` the facts still hold) with its majority
        type and mention count, in name order. A type tie goes to the first type in
        alphabetical order, so that the same facts always give the same stats."""
        if names is None:
            wanted, only = "", ""
            params: tuple = ()
        else:
            wanted = "WITH wanted(name) AS (SELECT value FROM json_each(?)), "
            only = " AND {} IN wanted"
            params = (json.dumps(sorted(set(names)), ensure_ascii=False),)
        sql = (wanted or "WITH ") + f"""counted AS (
            SELECT name, name_type, count(*) AS c FROM facts WHERE attribute = 'name'{only.format('name')}
            GROUP BY name, name_type
            UNION ALL
            SELECT said_by, NULL, 0 FROM facts WHERE said_by IS NOT NULL{only.format('said_by')} GROUP BY said_by
            UNION ALL
            SELECT json_extract(value, '$'), NULL, 0 FROM facts
            WHERE value_type = 'entity'{only.format("json_extract(value, '$')")} GROUP BY value
            UNION ALL
            SELECT name, name_type, 0 FROM facts WHERE attribute != 'name'{only.format('name')}
            GROUP BY name, name_type)
        SELECT name, name_type, c FROM counted WHERE name IS NOT NULL
        ORDER BY name, c DESC, name_type IS NULL, name_type"""
        current, best_type, total = None, None, 0
        for name, name_type, count in self.conn.execute(sql, params):
            if name != current:
                if current is not None:
                    yield current, best_type or "UNKNOWN", total
                current, best_type, total = name, name_type, 0
            if best_type is None and name_type is not None:
                best_type = name_type
            total += count
        if current is not None:
            yield current, best_type or "UNKNOWN", total

    def entities(self) -> Iterator[tuple[str, str, str]]:
        yield from self.conn.execute("SELECT entity_id, canonical, entity_type FROM entities ORDER BY canonical")

    def entity(self, entity_id: str) -> tuple[str, str, str] | None:
        return self.conn.execute("SELECT entity_id, canonical, entity_type FROM entities WHERE entity_id = ?",
                                 (entity_id,)).fetchone()

    def entity_ids_for_folded(self, folded: str) -> list[str]:
        rows = self.conn.execute(
            "SELECT DISTINCT entity_id FROM names WHERE folded = ? UNION "
            "SELECT entity_id FROM entities WHERE folded = ?", (folded, folded)).fetchall()
        return [r[0] for r in rows]

    def place_parents(self, name: str) -> list[str]:
        """Canonical names of the places a place (by canonical name) is said to lie in."""
        ids = [r[0] for r in self.conn.execute("SELECT entity_id FROM entities WHERE canonical = ?", (name,))]
        if not ids:
            return []
        return sorted({str(f["value"]) for f in self.facts(entity_ids=ids, attribute="located_in")
                       if f["polarity"] == "affirmed" and f["value"] is not None})

    def meta(self, key: str) -> str | None:
        """A value the store remembers about itself (`meta` table), or None."""
        row = self.conn.execute("SELECT value FROM meta WHERE key = ?", (key,)).fetchone()
        return row[0] if row else None

    def known_names(self) -> Iterator[str]:
        for (name,) in self.conn.execute("SELECT canonical FROM entities"):
            yield name

    def variants(self, entity_id: str) -> list[dict[str, Any]]:
        """How the documents spell an entity: each spelling with its count and documents."""
        rows = self.conn.execute(
            """SELECT json_extract(f.value, '$'), count(*), group_concat(DISTINCT d.path)
               FROM names n JOIN facts f ON f.name = n.name AND f.attribute = 'name'
               JOIN documents d ON d.doc_id = f.doc_id
               WHERE n.entity_id = ? GROUP BY 1 ORDER BY 2 DESC, 1""", (entity_id,)).fetchall()
        return [{"name": name, "count": count, "docs": sorted(docs.split(","))} for name, count, docs in rows]

    def documents(self) -> Iterator[dict[str, Any]]:
        """The stored documents as `factx.document/1` dicts, by path: outlet, title,
        publication date and how it was found, content hash and number of facts.

        `published_how` is "metadata", "date line", "dateline", "dateline, year from
        the text", "given" (`--published`), "inferred from the run" (`published_from`
        then names the documents that gave the year), or "dateline without year" (no
        date: `published_from` holds the dateline, whose month and day are known).
        """
        sql = """SELECT d.path, d.outlet, d.title, d.author, d.url, d.published, d.published_how,
                        d.published_from, d.content_hash, d.chars,
                        (SELECT count(*) FROM facts f WHERE f.doc_id = d.doc_id)
                 FROM documents d ORDER BY d.path"""
        for row in self.conn.execute(sql):  # the columns are the record's fields, in order
            yield Document.row_json(row)

    def document_by_hash(self, content_hash: str) -> tuple[int, str, str] | None:
        """(doc_id, path, pipeline) of the stored document with this content, or None."""
        return self.conn.execute("SELECT doc_id, path, pipeline FROM documents WHERE content_hash = ? "
                                 "ORDER BY doc_id LIMIT 1", (content_hash,)).fetchone()

    def top_entities(self, *, limit: int = 25) -> list[tuple[str, int]]:
        """(entity_id, documents) of the entities with facts beyond their names in most
        documents, most first."""
        return self.conn.execute(
            """SELECT n.entity_id, count(DISTINCT f.doc_id) AS docs FROM facts f
               JOIN names n ON n.name = f.name
               WHERE f.attribute != 'name' GROUP BY n.entity_id
               ORDER BY docs DESC, n.entity_id LIMIT ?""", (limit,)).fetchall()

    def status(self) -> dict[str, Any]:
        one = lambda sql: self.conn.execute(sql).fetchone()[0]  # noqa: E731
        last = self.conn.execute(
            "SELECT new, changed, unchanged, failed FROM runs WHERE finished IS NOT NULL "
            "ORDER BY run_id DESC LIMIT 1").fetchone()
        return Status(store=str(self.directory), documents=one("SELECT count(*) FROM documents"),
                      facts=one("SELECT count(*) FROM facts"),
                      entities=one("SELECT count(*) FROM entities"),
                      last_run=RunCounts(*last) if last else None).to_json()

    # --- writing ------------------------------------------------------------------

    @contextmanager
    def writer(self, *, wait: float = 30.0) -> Iterator["Writer"]:
        """An exclusive writer; a second one waits up to `wait` seconds, then stops."""
        import fcntl

        lock = open(self.directory / LOCK_NAME, "a+")
        deadline = time.monotonic() + wait
        while True:
            try:
                fcntl.flock(lock, fcntl.LOCK_EX | fcntl.LOCK_NB)
                break
            except BlockingIOError:
                if time.monotonic() >= deadline:
                    lock.close()
                    raise StoreError(f"{self.directory}: another factx run is writing to this store",
                                     hint="wait for it to finish, or pass another --store") from None
                time.sleep(0.2)
        try:
            writer = Writer(self)
            yield writer
        finally:
            fcntl.flock(lock, fcntl.LOCK_UN)
            lock.close()


class Writer:
    """Writes documents and facts in batches; each `commit()` is one transaction."""

    def __init__(self, store: Store) -> None:
        self.store = store
        self.conn = store.conn
        self.conn.execute("BEGIN IMMEDIATE")
        cur = self.conn.execute("INSERT INTO runs (started, status) VALUES (?, 'running')", (time.time(),))
        self.run_id = cur.lastrowid
        self.counts = {"new": 0, "changed": 0, "unchanged": 0, "failed": 0}
        self.pending = 0

    def classify(self, path: str, content_hash: str, pipeline: str) -> str:
        """'new', 'changed' or 'unchanged' for a document about to be processed.

        A document is its content: the same text reached by another path ("seeds/" and
        "./x/../seeds/", or a copy) is the stored document, unchanged when it was
        processed with the same pipeline.
        """
        state = self.store.document_state(path)
        if state is not None and state[1] == content_hash:
            return "unchanged" if state[2] == pipeline else "changed"
        same = self.store.document_by_hash(content_hash)
        if same is not None:
            return "unchanged" if same[2] == pipeline else "changed"
        return "new" if state is None else "changed"

    def touch(self, path: str, content_hash: str | None = None) -> None:
        """Mark an unchanged document as part of this run (found by path, else by content)."""
        cur = self.conn.execute("UPDATE documents SET run_id = ? WHERE path = ? AND "
                                "(? IS NULL OR content_hash = ?)", (self.run_id, path, content_hash, content_hash))
        if cur.rowcount == 0 and content_hash is not None:
            self.conn.execute("UPDATE documents SET run_id = ? WHERE doc_id = "
                              "(SELECT min(doc_id) FROM documents WHERE content_hash = ?)",
                              (self.run_id, content_hash))
        self.counts["unchanged"] += 1
        self._tick()

    def set_file(self, path: str, size: int, mtime_ns: int | None, file_hash: str) -> None:
        """Record the file a stored document was read from, so that a rerun knows it
        unchanged by its size and mtime (or, when those moved, by its hash)."""
        self.conn.execute("UPDATE documents SET size = ?, mtime_ns = ?, file_hash = ? WHERE path = ?",
                          (size, mtime_ns, file_hash, path))

    def failed(self) -> None:
        self.counts["failed"] += 1

    def add(self, result: DocResult, pipeline: str, *, recount: bool = True) -> None:
        """Store one document's facts, replacing what an older version of it held.

        A savepoint makes the document all or nothing, even when Ctrl-C lands
        between its rows.
        """
        self.conn.execute("SAVEPOINT document")
        try:
            self._add(result, pipeline, recount)
        except BaseException:
            self.conn.execute("ROLLBACK TO document")
            self.conn.execute("RELEASE document")
            raise
        self.conn.execute("RELEASE document")

    def _add(self, result: DocResult, pipeline: str, recount: bool = True) -> None:
        article = result.article
        doc_hash = article.content_hash
        state = self.store.document_state(article.path)
        same = self.store.document_by_hash(doc_hash)
        if state is not None and state[1] != doc_hash and same is not None and same[0] != state[0]:
            # this path now holds the text of another stored document: one document per content
            self.conn.execute("DELETE FROM documents WHERE doc_id = ?", (state[0],))
            state = None
        doc_id = state[0] if state is not None else (same[0] if same is not None else None)
        described = (article.published, article.title, len(article.text), self.run_id, article.outlet,
                     article.url, article.author, article.published_how, article.published_from,
                     article.dateline)
        if doc_id is not None:
            self.conn.execute("DELETE FROM facts WHERE doc_id = ?", (doc_id,))
            self.conn.execute(
                "UPDATE documents SET content_hash=?, pipeline=?, published=?, title=?, chars=?, run_id=?, "
                "outlet=?, url=?, author=?, published_how=?, published_from=?, dateline=? WHERE doc_id=?",
                (doc_hash, pipeline, *described, doc_id))
            counter = "changed"
        else:
            cur = self.conn.execute(
                "INSERT INTO documents (path, content_hash, pipeline, published, title, chars, run_id, "
                "outlet, url, author, published_how, published_from, dateline) "
                "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", (article.path, doc_hash, pipeline, *described))
            doc_id = cur.lastrowid
            counter = "new"
        text = article.text
        self.conn.executemany(
            'INSERT INTO facts VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)',
            [_draft_row(doc_id, doc_hash, text, seq, d) for seq, d in enumerate(result.drafts)])
        if recount:
            self.counts[counter] += 1
            self._tick()

    def _tick(self) -> None:
        self.pending += 1

    def commit(self) -> None:
        """End the current batch's transaction and start the next."""
        self.conn.execute("UPDATE runs SET new=?, changed=?, unchanged=?, failed=? WHERE run_id=?",
                          (*self.counts.values(), self.run_id))
        if self.conn.in_transaction:
            self.conn.execute("COMMIT")
        self.conn.execute("BEGIN IMMEDIATE")
        self.pending = 0

    def set_meta(self, key: str, value: str | None) -> None:
        """Remember a value about the store (None forgets it)."""
        if value is None:
            self.conn.execute("DELETE FROM meta WHERE key = ?", (key,))
        else:
            self.conn.execute("INSERT OR REPLACE INTO meta VALUES (?, ?)", (key, value))

    def set_entities(self, entities: Iterable[Any], fold) -> None:
        """Replace the name → entity mapping with a new resolution."""
        self.conn.execute("DELETE FROM names")
        self.conn.execute("DELETE FROM entities")
        for entity in entities:
            self.conn.execute("INSERT OR REPLACE INTO entities VALUES (?, ?, ?, ?)",
                              (entity.entity_id, entity.canonical, entity.entity_type, fold(entity.canonical)))
            self.conn.executemany("INSERT OR REPLACE INTO names VALUES (?, ?, ?)",
                                  [(n, entity.entity_id, fold(n)) for n in entity.names])

    def finish(self, status: str = "done") -> RunCounts:
        self.conn.execute("UPDATE runs SET new=?, changed=?, unchanged=?, failed=?, finished=?, status=? "
                          "WHERE run_id=?", (*self.counts.values(), time.time(), status, self.run_id))
        if self.conn.in_transaction:
            self.conn.execute("COMMIT")
        return RunCounts(**self.counts)

    def rollback(self) -> None:
        if self.conn.in_transaction:
            self.conn.execute("ROLLBACK")


def _draft_row(doc_id: int, doc_hash: str, text: str, seq: int, d: FactDraft) -> tuple:
    return (doc_id, fact_id(doc_hash, d), d.name, d.name_type, d.attribute,
            json.dumps(d.value, ensure_ascii=False) if d.value is not None else None,
            d.value_type, d.value_text, d.polarity, d.modality, d.said_by,
            line_of(text, d.start), d.start, d.end, " ".join(text[d.quote_start:d.quote_end].split()),
            d.mention, d.rule, seq)
