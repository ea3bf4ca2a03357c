"""Reruns cost what changed: unchanged files are known before they are read, the model is
not loaded when nothing is new. The NLP is replaced by a stand-in that counts its calls."""

from __future__ import annotations

import importlib
import os
import subprocess
import sys
import time

import pytest

from factx.extract import run_extract
from factx.records import DocResult, FactDraft
from factx.store import Store

from conftest import ROOT

YEAR_AGO = time.time() - 365 * 86400
# the module (the package's `factx.extract` is the library function of that name)
extract_module = importlib.import_module("factx.extract")


class FakeNLP:
    """Stands in for the per-document pipeline: one `name` fact per article."""

    def __init__(self) -> None:
        self.calls = 0
        self.articles: list[str] = []

    def __call__(self, runner, articles):
        self.calls += 1
        for article in articles:
            self.articles.append(article.path)
            name = article.text.split()[0]
            yield DocResult(article, (FactDraft(name=name, name_type="PERSON", attribute="name", value=name,
                                                value_type="name", value_text=name, start=0, end=len(name),
                                                quote_start=0, quote_end=len(name), mention=name,
                                                rule="fake"),), "fake")


@pytest.fixture
def nlp(monkeypatch):
    fake = FakeNLP()
    monkeypatch.setattr(extract_module._Runner, "_local", lambda runner, articles: fake(runner, articles))
    return fake


def write(path, text: str, mtime: float | None = YEAR_AGO) -> None:
    path.write_text(text, encoding="utf-8")
    if mtime is not None:
        os.utime(path, (mtime, mtime))


@pytest.fixture
def corpus(tmp_path):
    folder = tmp_path / "docs"
    folder.mkdir()
    for i, name in enumerate(["Karim Haddad", "Samir Nasser", "Layla Khoury"]):
        write(folder / f"{i}.txt", f"{name} spoke on Monday.\n")
    return folder


def extract(folder, store_dir, **kw):
    store = Store.open(store_dir)
    try:
        return run_extract([str(folder)], store=store, **kw)
    finally:
        store.close()


def test_unchanged_files_are_not_read_and_nothing_is_processed(corpus, tmp_path, nlp, monkeypatch):
    first = extract(corpus, tmp_path / "store")
    assert first.counts.new == 3 and nlp.calls == 1

    def no_reading(*args, **kw):
        raise AssertionError("an unchanged file was read")

    monkeypatch.setattr(extract_module, "read_path", no_reading)
    monkeypatch.setattr(extract_module.hashlib, "sha256", no_reading)
    again = extract(corpus, tmp_path / "store")
    assert (again.counts.new, again.counts.changed, again.counts.unchanged) == (0, 0, 3)
    assert nlp.calls == 1  # the pipeline (and so the model) was never asked for


def test_a_file_touched_but_not_changed_is_known_by_its_hash(corpus, tmp_path, nlp, monkeypatch):
    extract(corpus, tmp_path / "store")
    later = YEAR_AGO + 3600
    os.utime(corpus / "1.txt", (later, later))
    monkeypatch.setattr(extract_module, "read_path", lambda *a, **kw: (_ for _ in ()).throw(AssertionError))
    again = extract(corpus, tmp_path / "store")
    assert again.counts.unchanged == 3 and nlp.calls == 1
    row = Store.open(tmp_path / "store").file_state(str(corpus / "1.txt"))
    assert row[2] == os.stat(corpus / "1.txt").st_mtime_ns  # the new mtime is trusted from now on


def test_changed_and_new_files_are_processed(corpus, tmp_path, nlp):
    extract(corpus, tmp_path / "store")
    write(corpus / "1.txt", "Samira Nasser spoke on Tuesday.\n")
    write(corpus / "3.txt", "Nadia Saleh spoke.\n")
    again = extract(corpus, tmp_path / "store")
    assert (again.counts.new, again.counts.changed, again.counts.unchanged) == (1, 1, 2)
    assert sorted(nlp.articles[3:]) == [str(corpus / "1.txt"), str(corpus / "3.txt")]
    names = {n for (n,) in Store.open(tmp_path / "store").conn.execute("SELECT name FROM names")}
    assert names == {"Karim", "Samira", "Layla", "Nadia"}


def test_a_file_written_during_the_run_is_checked_by_hash_next_time(corpus, tmp_path, nlp):
    """Its mtime may not move when it changes again within the same clock tick."""
    write(corpus / "0.txt", "Karim Haddad spoke on Monday.\n", mtime=None)  # just now
    extract(corpus, tmp_path / "store")
    assert Store.open(tmp_path / "store").file_state(str(corpus / "0.txt"))[2] is None
    stat = os.stat(corpus / "0.txt")
    write(corpus / "0.txt", "Karim Hadded spoke on Monday.\n", mtime=None)  # same size
    os.utime(corpus / "0.txt", ns=(stat.st_atime_ns, stat.st_mtime_ns))  # same mtime
    again = extract(corpus, tmp_path / "store")
    assert again.counts.changed == 1


def test_other_rules_reprocess_unchanged_files(corpus, tmp_path, nlp):
    extract(corpus, tmp_path / "store")
    rules = tmp_path / "rules"
    rules.mkdir()
    (rules / "honorifics.yml").write_text("kind: honorifics\nrules:\n  - id: extra\n    words: [sheikh]\n",
                                          encoding="utf-8")
    again = extract(corpus, tmp_path / "store", rules_dir=str(rules))
    assert again.counts.changed == 3


def test_a_rerun_with_nothing_new_never_imports_spacy(corpus, tmp_path, nlp):
    extract(corpus, tmp_path / "store")
    code = ("import sys\nfrom factx.extract import run_extract\nfrom factx.store import Store\n"
            f"report = run_extract([{str(corpus)!r}], store=Store.open({str(tmp_path / 'store')!r}))\n"
            "print(report.counts.unchanged, 'spacy' in sys.modules)\n")
    out = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True)
    assert out.stdout.split() == ["3", "False"]


# --- people told apart, for the names a rerun resolves again ---------------------------
# Invented people: a widow with a title and her husband, a namesake, a second couple.
_APART_DOCS = [
    [("Kofi Adaro", "Kofi Adaro, a driver, died when a bus hit his car.")],
    [("Mrs. Adaro", "Mrs. Adaro said her husband had left early.")],
    [("Esi Adaro", "Esi Adaro said she was at home.")],
    [("Yaw Benti", "Yaw Benti said he saw the fire from his shop.")],
    [("Mrs. Benti", "Mrs. Benti said she called the police.")],
    [("Mr. Adaro", "Mr. Adaro said his sister had moved away.")],
]


def test_people_told_apart_for_some_names_are_the_whole_answer_restricted_to_them(tmp_path):
    """`distinct_names(store, names)` reads only the facts of `names` (a rerun's cost);
    its answer must be the whole store's pairs of two of them, for any choice of names."""
    from itertools import combinations

    from factx.lookup import distinct_names
    from test_lookup import _said_store

    db = _said_store(tmp_path, _APART_DOCS)
    everything = distinct_names(db)
    assert ("Kofi Adaro", "Mrs. Adaro") in everything and ("Mrs. Benti", "Yaw Benti") in everything
    names = sorted({name for doc in _APART_DOCS for name, _ in doc})
    for size in (1, 2, 3, len(names)):
        for chosen in combinations(names, size):
            expected = [pair for pair in everything if pair[0] in chosen and pair[1] in chosen]
            assert distinct_names(db, chosen) == expected, chosen
