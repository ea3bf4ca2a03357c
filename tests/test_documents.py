"""`factx documents`, and what a run stores about its documents: identity by content,
publication dates found, given or inferred from the run."""

from __future__ import annotations

import json
import os

import pytest
from typer.testing import CliRunner

from factx.cli import app
from factx.records import DOCUMENT_KEYS, Article, DocResult
from factx.store import Store

runner = CliRunner()


def run(*args):
    return runner.invoke(app, [str(a) for a in args], catch_exceptions=False)


@pytest.fixture
def store_dir(tmp_path):
    store = Store.open(tmp_path / "s")
    with store.writer() as w:
        w.add(DocResult(Article("b.txt", "Text b.", published="2020-08-05", outlet="Wire", title="B [live]",
                                published_how="inferred from the run",
                                published_from="dateline 'BEIRUT, Aug. 5'; year from a.txt (2020-08-04)"), (), "m"), "p")
        w.add(DocResult(Article("a.txt", "Text a.", published=None, title="A"), (), "m"), "p")
        w.finish()
    store.close()
    return tmp_path / "s"


def test_documents_as_json(store_dir):
    result = run("documents", "--format", "json", "--store", store_dir)
    assert result.exit_code == 0 and result.stderr == ""
    docs = json.loads(result.stdout)
    assert [tuple(d) for d in docs] == [DOCUMENT_KEYS, DOCUMENT_KEYS]
    assert [(d["doc"], d["published"], d["published_how"]) for d in docs] == [
        ("a.txt", None, None), ("b.txt", "2020-08-05", "inferred from the run")]
    assert docs[1]["published_from"].endswith("year from a.txt (2020-08-04)") and docs[1]["outlet"] == "Wire"


def test_documents_as_jsonl_when_piped(store_dir):
    result = run("documents", "--store", store_dir)
    assert result.exit_code == 0
    assert [json.loads(line)["doc"] for line in result.stdout.splitlines()] == ["a.txt", "b.txt"]


def test_documents_table_prints_brackets_as_they_are(store_dir):
    result = run("documents", "--format", "table", "--store", store_dir)
    assert result.exit_code == 0
    assert "B [live]" in result.stdout and "inferred from the run" in result.stdout


def test_documents_without_a_store(tmp_path):
    result = run("documents", "--store", tmp_path / "none")
    assert result.exit_code == 1 and "no factx store" in result.stderr and result.stdout == ""


@pytest.mark.model
def test_a_rerun_by_another_path_reprocesses_nothing(tmp_path, monkeypatch):
    folder = tmp_path / "seeds"
    folder.mkdir()
    (folder / "a.txt").write_text("Oct 8, 2019\n\nJohn Smith met Mary Jones in Paris on Monday.\n")
    (folder / "b.txt").write_text("Mary Jones left Paris for Rome on Tuesday, officials said.\n")
    (tmp_path / "x").mkdir()
    monkeypatch.chdir(tmp_path)
    first = run("extract", "seeds/", "--store", "s")
    assert first.exit_code == 0, first.stderr
    again = run("extract", "./x/../seeds/", "--store", "s")
    assert again.exit_code == 0
    status = json.loads(run("status", "--format", "json", "--store", "s").stdout)
    assert status["documents"] == 2
    assert status["last_run"] == {"new": 0, "changed": 0, "unchanged": 2, "failed": 0}
    assert [json.loads(line)["doc"] for line in run("documents", "--store", "s").stdout.splitlines()] == [
        "seeds/a.txt", "seeds/b.txt"]


@pytest.mark.model
def test_the_run_dates_a_year_less_dateline(tmp_path):
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "wire.txt").write_text(
        "Ferry sinks near Lagos\n\nOct 3, 2019\n\nLAGOS — Ibrahim Farouk, a spokesman for the Lagos State "
        "Emergency Management Agency, said on Wednesday that 30 people were missing after the ferry sank.\n")
    (docs / "daily.txt").write_text(
        "LAGOS, Oct 2 — A ferry sank on Tuesday, said Ibrahim Farouk of the Lagos State Emergency "
        "Management Agency.\n")
    (docs / "other.txt").write_text("PARIS, Oct 2 — A museum reopened on Tuesday, its director said.\n")
    result = run("extract", docs, "--store", tmp_path / "s")
    assert result.exit_code == 0, result.stderr
    by_doc = {d["doc"]: d for d in map(json.loads, run("documents", "--store", tmp_path / "s").stdout.splitlines())}
    daily = by_doc[str(docs / "daily.txt")]
    assert (daily["published"], daily["published_how"]) == ("2019-10-02", "inferred from the run")
    assert f"{docs / 'wire.txt'} (2019-10-03)" in daily["published_from"]
    other = by_doc[str(docs / "other.txt")]       # shares no one with the dated story: stays unknown
    assert (other["published"], other["published_how"]) == (None, "dateline without year")
    facts = [json.loads(line) for line in result.stdout.splitlines()]
    tuesday = [f for f in facts if f["doc"] == str(docs / "daily.txt")]
    assert tuesday and all(f["published"] == "2019-10-02" for f in tuesday)
    status = json.loads(run("status", "--format", "json", "--store", tmp_path / "s").stdout)
    assert status["last_run"] == {"new": 3, "changed": 0, "unchanged": 0, "failed": 0}
