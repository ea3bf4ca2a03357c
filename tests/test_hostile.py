"""Hostile input, in process: every reproduction of issue #18 that needs no model.

Reading (file types, sizes, names, JSONL), dates out of the calendar, tokenization of
pathological punctuation, per-document isolation and time limits, the store (read-only
readers, corrupt and foreign files, schema versions, a full disk, prune), rules that
could hurt, and safe display. The end-to-end runs are in test_hostile_cli.py.
"""

from __future__ import annotations

import io
import json
import os
import sqlite3
import threading

import pytest
import spacy
from hypothesis import given, settings
from hypothesis import strategies as st

from factx.errors import InputError, RuleError, StoreError, escape_undecodable, printable
from factx.records import Article, DocResult, FactDraft
from factx.resolve import Entity, fold
from factx.rules import SHIPPED_RULES, check, load_rules, parse_rule_file
from factx.stages import ingest
from factx.stages.ingest import calendar_date, document_key, expand_inputs, read_inputs, read_path
from factx.store import SCHEMA_VERSION, Store
from factx.timex import normalize
from factx.tokenizer import MAX_CHUNK, LinearTokenizer, pieces
from factx.watchdog import TimeLimit, time_limit

RULES = load_rules()


def read(path, **kw):
    return list(read_path(str(path), rules=RULES, **kw))


# --- safe display ------------------------------------------------------------------------

@pytest.mark.parametrize("raw, shown", [
    ("plain name.txt", "plain name.txt"),
    ("a\x1b[2Jb", "a\\x1b[2Jb"),
    ("bell\x07", "bell\\x07"),
    ("new\nline", "new\\nline"),
    ("csi\x9b31m", "csi\\x9b31m"),
    ("bidi\u202egnp.txt", "bidi\\u202egnp.txt"),
    ("caf\udce9.txt", "caf\\xe9.txt"),          # a Latin-1 byte of a file name
    ("lone \ud800 surrogate", "lone \\ud800 surrogate"),
    ("Zürich – ok", "Zürich – ok"),
])
def test_printable_escapes_what_could_drive_a_terminal(raw, shown):
    assert printable(raw) == shown


def test_printable_keeps_lines_of_messages():
    assert printable("one\ntwo\t\x1b", lines=True) == "one\ntwo\t\\x1b"


def test_messages_name_inputs_safely():
    error = InputError("in/a\x1b]0;pwned\x07.txt", "empty file")
    assert "\x1b" not in error.message and "\x07" not in error.message
    assert error.message == "in/a\\x1b]0;pwned\\x07.txt: empty file"
    assert error.path == "in/a\x1b]0;pwned\x07.txt"  # stored as given


def test_undecodable_bytes_are_escaped_for_storage():
    assert escape_undecodable("bad\udcff\udcfename.txt") == "bad\\xff\\xfename.txt"
    assert escape_undecodable("a\x1bb") == "a\x1bb"
    assert document_key(os.fsdecode(b"caf\xe9.txt")) == "caf\\xe9.txt"


# --- finding and reading inputs ---------------------------------------------------------

def test_fifo_is_refused_by_name_without_blocking(tmp_path):
    fifo = tmp_path / "f.txt"
    os.mkfifo(fifo)
    (tmp_path / "ok.txt").write_text("Jane Doe died.")
    found = list(expand_inputs([str(tmp_path), str(fifo)]))
    errors = [f for f in found if isinstance(f, InputError)]
    assert [f for f in found if isinstance(f, str)] == [str(tmp_path / "ok.txt")]
    assert len(errors) == 2 and all("named pipe (FIFO)" in e.problem for e in errors)


@pytest.mark.parametrize("device", ["/dev/zero", "/dev/urandom", "/dev/null"])
def test_devices_are_refused_by_name(device):
    if not os.path.exists(device):
        pytest.skip(f"no {device}")
    [error] = list(expand_inputs([device]))
    assert isinstance(error, InputError) and error.path == device and "a device" in error.problem


def test_a_pipe_swapped_in_after_the_walk_is_refused_not_read(tmp_path):
    fifo = tmp_path / "late.txt"
    os.mkfifo(fifo)
    [error] = read(fifo)  # read_path itself checks the opened file's type
    assert isinstance(error, InputError) and "named pipe" in error.problem


def test_any_depth_of_folders(tmp_path):
    deep = str(tmp_path)
    try:
        for _ in range(1200):  # deeper than Python's recursion limit
            deep = os.path.join(deep, "d")
            os.mkdir(deep)
        with open(os.path.join(deep, "x.txt"), "w") as handle:
            handle.write("Jane Doe died.")
    except OSError:
        pytest.skip("the file system refuses such a deep path")
    try:
        found = list(expand_inputs([str(tmp_path)]))
        assert [f for f in found if isinstance(f, str)] == [os.path.join(deep, "x.txt")]
    finally:  # from the bottom up: shutil.rmtree (pytest's clean-up) recurses
        os.remove(os.path.join(deep, "x.txt"))
        while deep != str(tmp_path):
            os.rmdir(deep)
            deep = os.path.dirname(deep)


def test_non_utf8_file_name_is_read_and_keyed_escaped(tmp_path):
    raw = os.path.join(os.fsencode(tmp_path), b"bad\xff\xfename.txt")
    with open(raw, "wb") as handle:
        handle.write(b"Jane Doe died in London.")
    [path] = list(expand_inputs([str(tmp_path)]))
    [article] = read(path)
    assert article.path == str(tmp_path) + "/bad\\xff\\xfename.txt"
    assert article.path.encode("utf-8")  # storable
    assert os.fsencode(article.source) == raw  # the file itself, for prune


@pytest.fixture
def small_limit(monkeypatch):
    monkeypatch.setattr(ingest, "MAX_DOCUMENT_BYTES", 100)
    return 100


def test_a_file_over_the_limit_is_refused_never_cut(tmp_path, small_limit):
    (tmp_path / "big.txt").write_text("word " * 21)  # 105 bytes
    (tmp_path / "fits.txt").write_text("x" * 100)
    [big] = read(tmp_path / "big.txt")
    assert isinstance(big, InputError) and "105 bytes: over the limit of 100 bytes" in big.problem
    [fits] = read(tmp_path / "fits.txt")
    assert fits.text == "x" * 100


def test_stdin_is_read_with_the_same_bound(small_limit):
    endless = io.BytesIO(b"\0" * 10_000)
    [error] = read_path("-", rules=RULES, stdin=endless)
    assert isinstance(error, InputError) and error.path == "stdin:1" and "more than 100 bytes" in error.problem
    assert endless.tell() == 101  # never more than the limit and one byte
    [article] = read_path("-", rules=RULES, stdin=io.BytesIO(b"Jane Doe died."))
    assert article.text == "Jane Doe died." and article.source is None


# --- JSONL records ----------------------------------------------------------------------

def jsonl(tmp_path, *lines):
    path = tmp_path / "c.jsonl"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


@pytest.mark.parametrize("line, problem", [
    ("[" * 100_000 + "]" * 100_000, "nested too deeply"),
    ('{"text": "x", ', "malformed JSON"),
    ('"just a string"', "needs a string 'text' key"),
    ('{"text": 5}', "needs a string 'text' key"),
    ('{"text": "  "}', "empty 'text'"),
])
def test_bad_jsonl_line_is_named_and_the_next_is_read(tmp_path, line, problem):
    path = jsonl(tmp_path, line, '{"id": "ok", "text": "Jane Doe died in London."}')
    error, article = read(path)
    assert isinstance(error, InputError) and error.line == 1 and problem in error.problem
    assert article.path == f"{path}:ok"


def test_lone_surrogate_is_replaced_with_a_warning(tmp_path):
    path = jsonl(tmp_path, '{"id": "a", "title": "t \\udc00", "text": "x \\ud800 y Jane Doe died."}')
    [article] = read(path)
    assert article.text == "x \ufffd y Jane Doe died." and article.title == "t \ufffd"
    assert any("lone surrogate" in w for w in article.warnings)
    article.text.encode("utf-8")


def test_paired_surrogates_are_one_character(tmp_path):
    path = jsonl(tmp_path, '{"text": "emoji \\ud83d\\ude00 here"}')
    [article] = read(path)
    assert article.text == "emoji \U0001F600 here" and not article.warnings


def test_invalid_utf8_in_a_jsonl_line_is_replaced_with_a_warning(tmp_path):
    path = tmp_path / "c.jsonl"
    path.write_bytes(b'{"id": "a", "text": "Jane \xff\xfe Doe died."}\n{"id": "b", "text": "Fine."}\n')
    first, second = read(path)
    assert first.text == "Jane \ufffd\ufffd Doe died." and "not valid UTF-8" in first.warnings[-1]
    assert not second.warnings


def test_huge_numeric_id_keeps_the_record(tmp_path):
    path = jsonl(tmp_path, '{"id": ' + "9" * 5000 + ', "text": "Jane Doe died."}',
                 '{"id": 12, "text": "John Roe died."}')
    first, second = read(path)
    assert first.path == f"{path}:1" and any("an 'id' of 5,000 characters" in w for w in first.warnings)
    assert second.path == f"{path}:12"


def test_duplicate_ids_are_kept_under_distinct_keys_the_same_on_every_read(tmp_path):
    path = jsonl(tmp_path, '{"id": "a", "text": "Jane Doe died."}', '{"id": "a", "text": "John Roe died."}',
                 '{"id": "a#2", "text": "Jim Poe died."}', '{"text": "No id."}', '{"id": "4", "text": "Four."}')
    keys = [a.path for a in read(path)]
    assert keys == [f"{path}:a", f"{path}:a#2", f"{path}:a#2#2", f"{path}:4", f"{path}:4#2"]
    assert [a.path for a in read(path)] == keys
    warned = [a for a in read(path) if a.warnings]
    assert [a.path for a in warned] == [f"{path}:a#2", f"{path}:a#2#2", f"{path}:4#2"]
    assert "duplicate 'id'" in warned[0].warnings[0]


def test_jsonl_line_over_the_limit_is_skipped_in_bounded_pieces(tmp_path, small_limit):
    path = jsonl(tmp_path, '{"text": "' + "x" * 500 + '"}', '{"id": "b", "text": "Jane Doe died."}')
    error, article = read(path)
    assert error.line == 1 and "over the limit" in error.problem and article.path == f"{path}:b"


def test_impossible_publication_dates_are_dropped_with_a_warning(tmp_path):
    path = jsonl(tmp_path, '{"id": "a", "text": "Jane Doe died.", "published": "2019-02-30"}',
                 '{"id": "b", "text": "John Roe died.", "published": "0000-00-00"}',
                 '{"id": "c", "text": "Jim Poe died.", "published": "2019-02-28"}')
    a, b, c = read(path)
    assert (a.published, b.published, c.published) == (None, None, "2019-02-28")
    assert "not a calendar date" in a.warnings[-1]
    html = tmp_path / "p.html"
    html.write_text('<html><head><meta property="article:published_time" content="2019-02-30T10:00:00Z">'
                    '</head><body><p>He was killed on Tuesday in Kabul.</p></body></html>')
    [page] = read(html)
    assert page.published is None


@pytest.mark.parametrize("value, ok", [
    ("2019-02-28", True), ("2020-02-29", True), ("2019-02-29", False), ("2019-13-45", False),
    ("0000-00-00", False), ("9999-12-31", True), ("2019-1-1", False), ("", False), (None, False),
])
def test_calendar_date(value, ok):
    assert (calendar_date(value) is not None) is ok


def test_reading_errors_never_escape(tmp_path, monkeypatch):
    (tmp_path / "a.txt").write_text("Jane Doe died.")
    (tmp_path / "b.txt").write_text("John Roe died.")

    def broken(path, text, **kw):
        if "Jane" in text:
            raise ValueError("something unforeseen")
        return Article(path, text)

    monkeypatch.setattr(ingest, "make_article", broken)
    first, second = read_inputs([str(tmp_path)], rules=RULES)
    assert isinstance(first, InputError) and "ValueError: something unforeseen" in first.problem
    assert second.path == str(tmp_path / "b.txt")


# --- dates out of the calendar ----------------------------------------------------------

@pytest.mark.parametrize("text, anchor", [
    ("tomorrow", "9999-12-31"),
    ("next year", "9999-06-01"),
    ("yesterday", "0001-01-01"),
    ("last month", "0001-01-15"),
    ("Easter 0000", None),
    ("Easter 0000", "2019-10-08"),
    ("December 31, 9999", "2019-10-08"),
    ("Tuesday", "0001-01-01"),
    ("the next day", "9999-12-31"),
])
def test_dates_beyond_the_calendar_give_no_value_not_an_error(text, anchor):
    result = normalize(text, anchor, context=f"He will be killed {text}.")
    assert result is None or isinstance(result[1], (str, type(None)))


# --- tokenization in linear time --------------------------------------------------------

@given(st.text(alphabet=st.sampled_from("ab &.'(\n-"), max_size=600), st.integers(2, 50))
@settings(max_examples=200, deadline=None)
def test_pieces_join_to_the_text_with_bounded_runs(text, limit):
    parts = pieces(text, limit)
    assert "".join(parts) == text
    assert all(len(run) <= limit for part in parts for run in part.split())


def test_spacy_tokenizer_never_sees_a_long_run():
    nlp = spacy.blank("en")
    seen = []
    base = nlp.tokenizer

    def recording(text):
        seen.append(text)
        return base(text)

    tokenizer = LinearTokenizer(recording)
    for text in ["x " + "&" * 20_000, "a " + "-.,'\"()[]" * 3000 + " end", "(" * 101]:
        doc = tokenizer(text)
        assert doc.text == text
        longest = max(len(run) for chunk in seen for run in chunk.split())
        assert longest <= MAX_CHUNK
        seen.clear()


def test_ordinary_text_is_tokenized_as_by_spacy():
    nlp = spacy.blank("en")
    tokenizer = LinearTokenizer(nlp.tokenizer)
    text = "Mr. Smith, 45, said: \"It's over\" -- at 5 p.m. (local time) on Sept. 23, 2019.\n\nhttp://example.com/a"
    assert [t.text for t in tokenizer(text)] == [t.text for t in nlp.tokenizer(text)]


# --- per-document isolation and time limits ---------------------------------------------

def test_time_limit_stops_a_runaway_regex():
    import re

    with pytest.raises(TimeLimit) as info:
        with time_limit(0.3):
            re.match(r"(a+)+$", "a" * 40 + "!")
    assert "time limit for one document" in info.value.problem()


def test_time_limits_nest_and_the_outer_one_still_runs_out():
    import re
    import time

    def spin(seconds):
        end = time.monotonic() + seconds
        while time.monotonic() < end:
            pass

    with pytest.raises(TimeLimit) as info:
        with time_limit(0.4) as outer:
            with time_limit(5):  # a rule file probed while a document is processed
                pass
            spin(3)
    assert info.value.limit is outer
    with pytest.raises(TimeLimit) as info:
        with time_limit(5):
            with time_limit(0.3) as inner:
                re.match(r"(a|aa)+$", "a" * 64 + "!")
    assert info.value.limit is inner
    with pytest.raises(TimeLimit) as info:
        with time_limit(0.3) as outer:
            with time_limit(5):
                spin(3)
    assert info.value.limit is outer


def test_time_limit_is_inert_outside_the_main_thread():
    done = []

    def work():
        with time_limit(0.01):
            done.append(sum(range(10_000)))

    thread = threading.Thread(target=work)
    thread.start()
    thread.join()
    assert done == [sum(range(10_000))]


@pytest.fixture
def tiny_nlp():
    """A blank pipeline with a stage that fails on one document and hangs on another."""
    from spacy.language import Language
    from spacy.tokens import Doc

    for name in ("article", "dates", "mentions", "facts"):
        if not Doc.has_extension(name):
            Doc.set_extension(name, default=None)
    if "hostile_test_stage" not in Language.factories:
        @Language.component("hostile_test_stage")
        def stage(doc):
            if "EXPLODE" in doc.text:
                raise ValueError("year 0 is out of range")
            if "HANG" in doc.text:
                import re
                re.match(r"(a+)+$", "a" * 64 + "!")
            return doc
    nlp = spacy.blank("en")
    nlp.add_pipe("sentencizer")
    nlp.add_pipe("hostile_test_stage")
    return nlp


def test_one_failing_document_is_skipped_the_rest_processed_in_order(tiny_nlp, monkeypatch):
    from factx import pipeline

    monkeypatch.setattr(pipeline, "limit_for", lambda chars: 1.0)
    texts = ["One fine day.", "EXPLODE here.", "Three.", "HANG here.", "Five."]
    out = list(pipeline.process(tiny_nlp, [Article(f"{i}.txt", t) for i, t in enumerate(texts)], batch_size=2))
    assert [type(r).__name__ for r in out] == ["DocResult", "InputError", "DocResult", "InputError", "DocResult"]
    assert [r.path if isinstance(r, InputError) else r.article.path for r in out] == [f"{i}.txt" for i in range(5)]
    assert "ValueError: year 0 is out of range" in out[1].problem
    assert "time limit" in out[3].problem and "rules check" in out[3].problem


def test_input_errors_cross_process_boundaries():
    import pickle

    error = InputError("a.jsonl", "malformed JSON", line=3)
    again = pickle.loads(pickle.dumps(error))
    assert (again.path, again.line, again.problem, again.message) == ("a.jsonl", 3, "malformed JSON",
                                                                     "a.jsonl:3: malformed JSON")
    rule = pickle.loads(pickle.dumps(RuleError("r.yml", "x", "pattern", "bad")))
    assert rule.message == "r.yml: rule 'x': key 'pattern': bad"


# --- the store --------------------------------------------------------------------------

TEXT = "Line one.\nJohn Smith was born in Paris.\n"


def stored(path="a.txt", source=None, name="John Smith"):
    draft = FactDraft(name=name, name_type="PERSON", attribute="name", value=name, value_type="name",
                      value_text=name, start=10, end=20, quote_start=10, quote_end=len(TEXT) - 1,
                      mention=name, rule="test")
    # one document per content: each path its own text
    return DocResult(Article(path=path, text=TEXT + path + "\n", source=source), (draft,), "test-model")


def store_with(tmp_path, *results):
    store = Store.open(tmp_path)
    with store.writer() as w:
        for r in results:
            w.add(r, "p")
        w.set_entities([Entity("e-john", "John Smith", "PERSON", ("John Smith",))], fold)
        w.finish()
    store.close()
    return tmp_path


def test_readers_do_not_wait_for_a_writer(tmp_path):
    store_with(tmp_path, stored())
    writer = Store.open(tmp_path)
    with writer.writer() as w:  # a run in progress: write lock and an open transaction
        w.add(stored("b.txt"), "p")
        reader = Store.open(tmp_path, create=False)
        assert reader.status()["documents"] == 1  # the committed state, at once
        assert [f["doc"] for f in reader.facts()] == ["a.txt"]
        w.finish()
    assert reader.status()["documents"] == 2


def test_readers_never_write(tmp_path):
    store_with(tmp_path, stored())
    reader = Store.open(tmp_path, create=False)
    with pytest.raises(StoreError) as info:
        reader.conn.execute("DELETE FROM documents")
    assert info.value.kind == "readonly"


def test_corrupt_store_is_named(tmp_path):
    store_with(tmp_path, *(stored(f"{i}.txt") for i in range(300)))
    db = tmp_path / "factx.sqlite"
    conn = sqlite3.connect(db)
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    conn.close()
    size = db.stat().st_size
    with open(db, "r+b") as handle:
        handle.seek(size // 3)
        handle.write(b"\xa5" * (size // 3))
    with pytest.raises(StoreError) as info:
        store = Store.open(tmp_path, create=False)
        list(store.facts())
        store.status()
    assert info.value.kind == "corrupt" and str(db) in info.value.message
    assert "rebuild" in info.value.hint


@pytest.mark.parametrize("content, words", [
    (b"", "empty file (0 bytes)"),
    (b"this is not a database\n" * 50, "not a SQLite database"),
])
def test_foreign_files_are_refused_by_readers(tmp_path, content, words):
    (tmp_path / "factx.sqlite").write_bytes(content)
    with pytest.raises(StoreError) as info:
        Store.open(tmp_path, create=False)
    assert words in info.value.message and str(tmp_path / "factx.sqlite") in info.value.message


def test_a_foreign_sqlite_database_is_not_a_store(tmp_path):
    conn = sqlite3.connect(tmp_path / "factx.sqlite")
    conn.execute("CREATE TABLE documents (x)")
    conn.commit()
    conn.close()
    for create in (True, False):
        with pytest.raises(StoreError) as info:
            Store.open(tmp_path, create=create)
        assert "not a factx store" in info.value.message


def _version_1_store(tmp_path):
    """A store as factx wrote it before schema 2 (no documents.source)."""
    store_with(tmp_path, stored())
    conn = sqlite3.connect(tmp_path / "factx.sqlite")
    conn.execute("ALTER TABLE documents DROP COLUMN source")
    conn.execute("UPDATE meta SET value = '1' WHERE key = 'schema'")
    conn.commit()
    conn.close()


def test_an_older_store_is_upgraded_in_place_by_a_writer(tmp_path):
    _version_1_store(tmp_path)
    with pytest.raises(StoreError) as info:
        Store.open(tmp_path, create=False)
    assert "older than this factx" in info.value.message and "factx extract" in info.value.hint
    store = Store.open(tmp_path)
    assert store.conn.execute("SELECT value FROM meta WHERE key = 'schema'").fetchone()[0] == str(SCHEMA_VERSION)
    assert [f["doc"] for f in store.facts()] == ["a.txt"]  # nothing lost
    with store.writer() as w:
        w.add(stored("b.txt", source="/x/b.txt"), "p")
        w.finish()
    assert Store.open(tmp_path, create=False).status()["documents"] == 2


def test_a_newer_store_is_refused_with_the_rebuild_command(tmp_path):
    store_with(tmp_path, stored())
    conn = sqlite3.connect(tmp_path / "factx.sqlite")
    conn.execute("UPDATE meta SET value = '99' WHERE key = 'schema'")
    conn.commit()
    conn.close()
    for create in (True, False):
        with pytest.raises(StoreError) as info:
            Store.open(tmp_path, create=create)
        assert "newer factx" in info.value.message and "factx extract" in info.value.hint


def test_a_full_disk_stops_with_a_message_and_keeps_what_was_committed(tmp_path):
    store = Store.open(tmp_path)
    with pytest.raises(StoreError) as info:
        with store.writer() as w:
            w.add(stored("first.txt"), "p")
            w.commit()
            pages = store.conn.execute("PRAGMA page_count").fetchone()[0]
            store.conn.execute(f"PRAGMA max_page_count = {pages + 1}")  # the disk is now full
            big = DocResult(Article("big.txt", "x" * 200_000), stored().drafts * 50, "m")
            for i in range(20):
                w.add(DocResult(Article(f"{i}.txt", big.article.text + str(i)), big.drafts, "m"), "p")
                w.commit()
    assert info.value.kind == "full" and "disk is full" in info.value.message
    store.close()
    again = Store.open(tmp_path, create=False)
    paths = [p for (p,) in again.conn.execute("SELECT path FROM documents")]
    assert paths[0] == "first.txt" and "big.txt" not in paths
    assert again.conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"


def test_prune_removes_documents_whose_file_is_gone(tmp_path):
    from factx.extract import prune

    kept, gone = tmp_path / "kept.txt", tmp_path / "gone.txt"
    kept.write_text("x")
    store_with(tmp_path / "s", stored("kept.txt", str(kept)), stored("gone.txt", str(gone), name="Jim Poe"),
               stored("stdin:1"))
    store = Store.open(tmp_path / "s")
    assert prune(store, dry_run=True) == (["gone.txt"], 1)
    assert store.status()["documents"] == 3
    assert prune(store) == (["gone.txt"], 1)
    assert [p for (p,) in store.conn.execute("SELECT path FROM documents ORDER BY path")] == ["kept.txt", "stdin:1"]
    assert {f["doc"] for f in store.facts()} == {"kept.txt", "stdin:1"}
    assert "Jim Poe" not in set(store.known_names())
    assert store.status()["last_run"] is not None and prune(store) == ([], 1)


def test_a_comma_in_a_file_name_stays_one_document(tmp_path):
    store = Store.open(store_with(tmp_path, stored("in/a,b.txt"), stored("c.txt")))
    [(entity_id, _, _)] = list(store.entities())
    assert store.variants(entity_id) == [{"name": "John Smith", "count": 2, "docs": ["c.txt", "in/a,b.txt"]}]


# --- rules that cannot hurt -------------------------------------------------------------

BOMB = "\n".join(["kind: honorifics", 'a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
                 + [f"{n}: &{n} [" + ",".join([f"*{p}"] * 9) + "]" for p, n in zip("abcdefgh", "bcdefghi")]
                 + ["rules:", "  - id: x", "    words: *i"]) + "\n"


@pytest.mark.parametrize("text, rule_id, key, words", [
    ("kind: boilerplate\nrules:\n  - id: bomb\n    pattern: '^(\\w+\\s?)*$'\n", "bomb", "pattern", "backtracks"),
    ("kind: attributes\nrules:\n  - id: bomb\n    family: regex\n    regex: '(a|aa)+$'\n", "bomb", "regex",
     "backtracks"),
    ("kind: date_patterns\nrules:\n  - id: bomb\n    pattern: '(a+)+b'\n", "bomb", "pattern", "backtracks"),
    ("kind: date_events\nrules:\n  - id: bomb\n    pattern: 'x'\n    value: '01-01'\n    context: '(x+x+)+y'\n",
     "bomb", "context", "backtracks"),
    ("kind: date_cues\nrules:\n  - id: bomb\n    tense: past\n    patterns: ['\\bwas\\b', '(\\w|\\w)+!']\n",
     "bomb", "patterns", "backtracks"),
    ("kind: entity_context\nrules:\n  - id: bomb\n    label: GPE\n    before: '(\\w+\\s?)*x'\n", "bomb", "before",
     "backtracks"),
    ("kind: transliteration\nrules:\n  - id: bomb\n    rewrites:\n      '(a|aa)+$': 'b'\n", "bomb", "rewrites",
     "backtracks"),
    ("kind: transliteration\nrules:\n  - id: bad\n    rewrites:\n      '(unclosed': 'x'\n", "bad", "rewrites",
     "bad pattern"),
    ("kind: transliteration\nrules:\n  - id: bad\n    rewrites:\n      'a': '\\9'\n", "bad", "rewrites",
     "bad replacement"),
    ("kind: transliteration\nrules:\n  - id: bad\n    rewrites:\n      'a': [b]\n", "bad", "rewrites",
     "maps a regular expression"),
    ("kind: entity_patterns\nrules:\n  - id: bad\n    label: ORG\n    pattern: [{NOPE: x}]\n", "bad", "pattern",
     "bad token pattern"),
    ("kind: entity_patterns\nrules:\n  - id: bad\n    label: ORG\n    pattern: 42\n", "bad", "pattern",
     "a phrase (a string) or a token pattern"),
    ("kind: entity_patterns\nrules:\n  - id: bad\n    label: ORG\n    pattern: [{TEXT: {REGEX: '(a|a)+$'}}]\n",
     "bad", "pattern", "backtracks"),
    (BOMB, None, None, "aliases"),
    ("kind: entity_patterns\nrules:\n  - id: a\n    label: ORG\n    pattern: &a [{LOWER: lol}, {LOWER: lol}]\n"
     "  - id: b\n    label: ORG\n    pattern: [*a, *a, *a]\n", None, None, "aliases"),
    ("kind: date_lexicon\nrules:\n  - id: months\n    entries: {smarch: 13}\n", "months", "entries",
     "13 is not allowed for months"),
    ("kind: date_lexicon\nrules:\n  - id: numbers\n    entries: {umpteen: lots}\n", "numbers", "entries",
     "'lots' is not allowed for numbers"),
])
def test_rules_that_could_hurt_are_refused_by_name(tmp_path, text, rule_id, key, words):
    path = tmp_path / "r.yml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(RuleError) as info:
        parse_rule_file(path)
    assert (info.value.rule_id, info.value.key) == (rule_id, key)
    assert words in info.value.message and str(path) in info.value.message
    assert [p.message for p in check([tmp_path])] == [info.value.message]


def test_good_user_patterns_pass_and_shipped_rules_survive_the_probes(tmp_path):
    (tmp_path / "r.yml").write_text(
        "kind: date_patterns\nrules:\n  - id: ok\n    pattern: '\\b(?:\\d+|a few) (?:days|weeks) ago\\b'\n"
        "---\n" if False else
        "kind: date_patterns\nrules:\n  - id: ok\n    pattern: '\\b(?:\\d+|a few) (?:days|weeks) ago\\b'\n",
        encoding="utf-8")
    assert check([tmp_path]) == []
    assert check([SHIPPED_RULES]) == []


def test_a_run_refuses_a_bad_user_rule_before_reading_anything(tmp_path):
    from factx.extract import run_extract

    rules = tmp_path / "rules"
    rules.mkdir()
    (rules / "r.yml").write_text("kind: boilerplate\nrules:\n  - id: bomb\n    pattern: '(a+)+b'\n")
    with pytest.raises(RuleError) as info:
        run_extract([str(tmp_path / "none")], store=Store.open(tmp_path / "s"), model="none",
                    rules_dir=str(rules))
    assert info.value.rule_id == "bomb"


# --- output ------------------------------------------------------------------------------

@pytest.mark.parametrize("kind", ["fact", "entity", "document", "date"])
def test_tables_show_names_escaped(kind):
    from factx.output import write

    records = {
        "fact": [{"entity": "Jane\x1b[2J Doe", "entity_id": "e", "entity_type": "PERSON", "attribute": "name",
                  "value": "Jane\x1b[2J Doe", "value_text": "x", "doc": "in/a\x1b]0;pwned\x07.txt", "line": 1,
                  "quote": "said \x1b[31mred", "said_by": None, "polarity": "affirmed", "modality": "asserted",
                  "value_type": "name", "published": None, "start": 0, "end": 1, "mention": "m", "rule": "r",
                  "id": "1", "schema": "factx.fact/1"}],
        "entity": [{"entity": "Jane\x1b[2J Doe", "entity_id": "e", "entity_type": "PERSON",
                    "variants": [{"name": "Jane\x1b[2J Doe", "count": 1, "docs": ["in/a\x1b]0;pwned\x07.txt"]}]}],
        "document": [{"doc": "in/a\x1b]0;pwned\x07.txt", "outlet": None, "title": "t\x1b[2J", "author": None,
                      "url": None, "published": None, "published_how": None, "published_from": None,
                      "content_hash": "h", "chars": 1, "facts": 0, "schema": "factx.document/1"}],
        "date": [{"doc": "in/a\x1b]0;pwned\x07.txt", "line": 1, "start": 0, "end": 1, "text": "Tue\x1b[2J",
                  "type": "DATE", "value": "2019", "anchor": None, "schema": "factx.date/1"}],
    }[kind]
    out = io.StringIO()
    write(records, kind=kind, fmt="table", out=out)
    shown = out.getvalue()
    assert "\x1b" not in shown and "\x07" not in shown
    assert "\\x1b" in shown  # there, escaped


def test_an_unwritable_output_is_refused_before_any_work(tmp_path, monkeypatch):
    import sys

    from factx.errors import FactxError
    from factx.output import ClosedStdout, open_output

    with pytest.raises(FactxError) as info:
        with open_output(tmp_path / "missing" / "x.jsonl"):
            raise AssertionError("never reached")
    assert "x.jsonl: cannot write" in info.value.message
    monkeypatch.setattr(sys, "stdout", ClosedStdout())
    with pytest.raises(FactxError) as info:
        with open_output(None):
            raise AssertionError("never reached")
    assert "standard output is closed" in info.value.message


def test_status_json_is_plain(tmp_path):
    store = Store.open(store_with(tmp_path, stored()), create=False)
    assert json.loads(json.dumps(store.status()))["documents"] == 1


def test_conflicts_memo_shows_names_and_quotes_escaped(tmp_path):
    from typer.testing import CliRunner

    from factx.cli import app
    from factx.records import FACT_KEYS, FACT_SCHEMA

    def fact(doc, value):
        values = dict.fromkeys(FACT_KEYS)
        values.update(schema=FACT_SCHEMA, id=f"id-{doc}", entity="Jane\x1b[2J Doe", entity_id="e-1",
                      entity_type="PERSON", attribute="date_of_death", value=value, value_type="date",
                      value_text=value, polarity="affirmed", modality="asserted", doc=doc, line=1, start=0,
                      end=4, quote=f"Jane Doe died on {value}.\x07", mention="Jane\x1b[2J Doe", rule="t")
        return json.dumps(values)

    facts = tmp_path / "facts.jsonl"
    facts.write_text(fact("a\x1b]0;x\x07.txt", "2019-09-22") + "\n" + fact("b.txt", "2019-10-30") + "\n")
    result = CliRunner().invoke(app, ["conflicts", "--facts", str(facts), "--format", "table"])
    assert result.exit_code == 0, result.stderr
    assert "Jane\\x1b[2J Doe" in result.stdout
    assert "\x1b" not in result.stdout and "\x07" not in result.stdout
