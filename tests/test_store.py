"""The SQLite store on hand-built records: batches, reruns, replacement, locking, status."""

from __future__ import annotations

import threading

import pytest

from factx.errors import StoreError
from factx.records import Article, DocResult, FactDraft, FACT_KEYS
from factx.resolve import Entity, fold
from factx.store import Store

TEXT = "Line one.\nJohn Smith was born in Paris.\n"


def draft(name="John Smith", attribute="name", value="John Smith", start=10, end=20, **kw):
    return FactDraft(name=name, name_type="PERSON", attribute=attribute, value=value,
                     value_type=kw.pop("value_type", "name"), value_text=str(value), start=start, end=end,
                     quote_start=10, quote_end=len(TEXT) - 1, mention="John Smith", rule="test", **kw)


def result(path="a.txt", text=TEXT, drafts=None):
    return DocResult(Article(path=path, text=text, published="2019-10-08"),
                     tuple(drafts if drafts is not None else [draft()]), "test-model")


def entity(canonical, *names, entity_type="PERSON"):
    return Entity(entity_id="e-" + fold(canonical).replace(" ", "-"), canonical=canonical,
                  entity_type=entity_type, names=(canonical, *names))


def test_facts_follow_the_contract(tmp_path):
    store = Store.open(tmp_path)
    with store.writer() as w:
        w.add(result(drafts=[draft(), draft(attribute="place_of_birth", value="Paris", value_type="entity",
                                            start=33, end=38)]), "p1")
        w.set_entities([entity("John Smith"), entity("Paris", entity_type="GPE")], fold)
        w.finish()
    facts = list(store.facts())
    assert [tuple(f) for f in facts] == [FACT_KEYS, FACT_KEYS]
    name, born = facts
    assert name["schema"] == "factx.fact/1" and name["entity"] == "John Smith"
    assert name["line"] == 2 and name["quote"] == "John Smith was born in Paris."
    assert born["value"] == "Paris" and born["published"] == "2019-10-08" and born["doc"] == "a.txt"
    assert name["id"] != born["id"] and len(name["id"]) == 16


def test_rerun_classifies_and_replaces(tmp_path):
    store = Store.open(tmp_path)
    with store.writer() as w:
        w.add(result(), "p1")
        w.finish()
    with store.writer() as w:
        assert w.classify("a.txt", result().article.content_hash, "p1") == "unchanged"
        assert w.classify("a.txt", result().article.content_hash, "p2") == "changed"
        assert w.classify("b.txt", "x", "p1") == "new"
        w.add(result(drafts=[draft(), draft(start=0, end=4, value="Line")]), "p2")
        w.finish()
    assert store.status()["facts"] == 2
    assert store.status()["last_run"] == {"new": 0, "changed": 1, "unchanged": 0, "failed": 0}


def test_uncommitted_batch_is_lost_committed_kept(tmp_path):
    store = Store.open(tmp_path)
    w_cm = store.writer()
    w = w_cm.__enter__()
    w.add(result("a.txt"), "p1")
    w.commit()
    w.add(result("b.txt", text="Another text.\n"), "p1")
    # the process dies here: nothing after the last commit reaches the file
    store.conn.close()
    again = Store.open(tmp_path)
    assert [p for (p,) in again.conn.execute("SELECT path FROM documents")] == ["a.txt"]


def test_second_writer_waits_then_stops(tmp_path):
    store = Store.open(tmp_path)
    other = Store.open(tmp_path)
    with store.writer():
        with pytest.raises(StoreError) as info:
            with other.writer(wait=0.3):
                pass
    assert "another factx run is writing" in info.value.message


def test_open_missing_store_for_reading(tmp_path):
    with pytest.raises(StoreError) as info:
        Store.open(tmp_path / "none", create=False)
    assert "no factx store" in info.value.message and "factx extract" in info.value.hint


def test_variants_and_lookup(tmp_path):
    store = Store.open(tmp_path)
    with store.writer() as w:
        w.add(result("a.txt"), "p")
        w.add(result("b.txt", text=TEXT + "Another line.\n", drafts=[draft(name="Jon Smith", value="Jon Smith")]), "p")
        w.set_entities([entity("John Smith", "Jon Smith")], fold)
        w.finish()
    [eid] = store.entity_ids_for_folded(fold("JON SMITH"))
    assert store.variants(eid) == [{"name": "John Smith", "count": 1, "docs": ["a.txt"]},
                                   {"name": "Jon Smith", "count": 1, "docs": ["b.txt"]}]


def test_a_name_written_inside_a_titled_mention_is_a_variant(tmp_path):
    # "Captain John Smith" is how the document writes him; "John Smith" is written there too
    store = Store.open(tmp_path)
    with store.writer() as w:
        w.add(result("a.txt", drafts=[draft(value="Captain John Smith"), draft(value="Captain Smith"),
                                      draft(name="raid", value="US raid")]), "p")
        w.add(result("b.txt", text=TEXT + "Another line.\n", drafts=[draft(name="Jon Smith", value="Jon Smith")]), "p")
        w.set_entities([entity("John Smith", "Jon Smith"), entity("raid", entity_type="EVENT")], fold)
        w.finish()
    [raid] = store.entity_ids_for_folded(fold("raid"))
    assert store.variants(raid) == [{"name": "US raid", "count": 1, "docs": ["a.txt"]}]  # "raid" is no name
    [eid] = store.entity_ids_for_folded(fold("John Smith"))
    assert store.variants(eid) == [{"name": "Captain John Smith", "count": 1, "docs": ["a.txt"]},
                                   {"name": "Captain Smith", "count": 1, "docs": ["a.txt"]},
                                   {"name": "John Smith", "count": 1, "docs": ["a.txt"]},
                                   {"name": "Jon Smith", "count": 1, "docs": ["b.txt"]}]


# --- one document per content ----------------------------------------------------------

def test_the_same_content_by_another_path_is_the_stored_document(tmp_path):
    store = Store.open(tmp_path)
    with store.writer() as w:
        w.add(result("seeds/a.txt"), "p1")
        w.finish()
    digest = result().article.content_hash
    with store.writer() as w:
        assert w.classify("./x/../seeds/a.txt", digest, "p1") == "unchanged"
        assert w.classify("copy/a.txt", digest, "p2") == "changed"
        w.touch("./x/../seeds/a.txt", digest)
        counts = w.finish()
    assert counts.unchanged == 1
    assert [d["doc"] for d in store.documents()] == ["seeds/a.txt"]
    assert store.conn.execute("SELECT run_id FROM documents").fetchone()[0] == w.run_id


def test_adding_known_content_under_another_path_keeps_one_row(tmp_path):
    store = Store.open(tmp_path)
    with store.writer() as w:
        w.add(result("a.txt"), "p1")
        w.add(result("b.txt"), "p2")                    # same text, reprocessed by another pipeline
        w.add(result("c.txt", text="Other text.\n"), "p1")
        w.finish()
    assert [d["doc"] for d in store.documents()] == ["a.txt", "c.txt"]
    assert store.status()["facts"] == 2


def test_a_path_whose_text_became_another_documents_text_is_dropped(tmp_path):
    store = Store.open(tmp_path)
    with store.writer() as w:
        w.add(result("a.txt"), "p1")
        w.add(result("b.txt", text="Other text.\n"), "p1")
        w.finish()
    with store.writer() as w:
        w.add(result("b.txt"), "p1")                    # b.txt now holds a.txt's text
        w.finish()
    assert [d["doc"] for d in store.documents()] == ["a.txt"]


def test_documents_describe_outlet_and_how_the_date_was_found(tmp_path):
    from factx.records import DOCUMENT_KEYS

    article = Article(path="a.txt", text=TEXT, published="2019-10-08", title="T", outlet="Wire", url="https://x.example/a",
                      author="Jane Roe", published_how="date line", published_from="Oct 8, 2019")
    store = Store.open(tmp_path)
    with store.writer() as w:
        w.add(DocResult(article, (draft(),), "m"), "p1")
        w.finish()
    [doc] = list(store.documents())
    assert tuple(doc) == DOCUMENT_KEYS
    assert doc == {"schema": "factx.document/1", "doc": "a.txt", "outlet": "Wire", "title": "T", "author": "Jane Roe",
                   "url": "https://x.example/a", "published": "2019-10-08", "published_how": "date line",
                   "published_from": "Oct 8, 2019", "content_hash": article.content_hash, "chars": len(TEXT),
                   "facts": 1}


def test_a_store_made_before_the_document_columns_gets_them(tmp_path):
    import sqlite3

    conn = sqlite3.connect(tmp_path / "factx.sqlite")
    conn.executescript("""CREATE TABLE documents (doc_id INTEGER PRIMARY KEY, path TEXT NOT NULL UNIQUE,
        content_hash TEXT NOT NULL, pipeline TEXT NOT NULL, published TEXT, title TEXT, chars INTEGER, run_id INTEGER);
        INSERT INTO documents (path, content_hash, pipeline) VALUES ('old.txt', 'h', 'p');""")
    conn.commit()
    conn.close()
    store = Store.open(tmp_path)
    [doc] = list(store.documents())
    assert doc["doc"] == "old.txt" and doc["outlet"] is None and doc["published_how"] is None


def _store_with_a_place(tmp_path):
    store = Store.open(tmp_path)
    with store.writer() as w:
        w.add(result(drafts=[draft(), draft(name="Paris", attribute="located_in", value="France",
                                            value_type="entity", start=33, end=38)]), "p1")
        w.set_entities([entity("John Smith"), entity("Paris", entity_type="GPE"),
                        entity("France", entity_type="GPE")], fold)
        w.finish()
    store.close()


def test_an_index_added_to_the_schema_is_made_by_the_next_writer_and_readers_work_without_it(tmp_path):
    import sqlite3

    _store_with_a_place(tmp_path)
    conn = sqlite3.connect(tmp_path / "factx.sqlite")
    conn.execute("DROP INDEX entities_canonical")  # a store of this schema made before the index
    conn.commit()
    conn.close()
    reader = Store.open(tmp_path, create=False)
    assert not reader.indexed("entities_canonical")
    assert reader.place_parents("Paris") == ["France"] and reader.all_place_parents() == {"Paris": ["France"]}
    reader.close()
    Store.open(tmp_path).close()  # a writer
    reader = Store.open(tmp_path, create=False)
    assert reader.indexed("entities_canonical") and reader.place_parents("Paris") == ["France"]
    assert [f["doc"] for f in reader.facts()] == ["a.txt", "a.txt"]  # nothing lost



def test_a_store_made_before_the_person_index_gets_it_and_answers_the_same(tmp_path):
    import sqlite3

    from factx.lookup import misspelled_names

    _store_with_a_place(tmp_path)
    conn = sqlite3.connect(tmp_path / "factx.sqlite")
    conn.execute("DROP INDEX facts_person")  # a store of schema 2 made before the index
    conn.commit()
    conn.close()
    reader = Store.open(tmp_path, create=False)
    assert not reader.indexed("facts_person")
    before = misspelled_names(reader, names=["John Smith"]), reader.fact_names()
    reader.close()
    writer = Store.open(tmp_path)
    assert writer.indexed("facts_person")
    assert (misspelled_names(writer, names=["John Smith"]), writer.fact_names()) == before
    assert before[1] == ["John Smith", "Paris"]


def test_the_parents_of_a_place_asked_one_by_one_or_all_at_once_agree(tmp_path):
    _store_with_a_place(tmp_path)
    store = Store.open(tmp_path, create=False)
    every = store.all_place_parents()
    assert every == {"Paris": ["France"]}
    for name in ("Paris", "France", "John Smith", "Nowhere"):
        assert store.place_parents(name) == every.get(name, [])
