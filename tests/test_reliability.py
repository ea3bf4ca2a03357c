"""Reliability: a killed run leaves a consistent store and a rerun resumes; arbitrary
bytes never crash ingest; long documents go through in pieces with true offsets."""

from __future__ import annotations

import json
import os
import signal
import sqlite3
import subprocess
import sys
import time

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from factx.errors import InputError
from factx.pipeline import split_points
from factx.rules import load_rules
from factx.stages.ingest import decode, html_to_text, make_article

from conftest import ROOT, SEEDS

RULES = load_rules()


@given(st.binary(max_size=2000))
@settings(max_examples=200, deadline=None)
def test_decode_any_bytes_gives_text_or_input_error(data):
    try:
        text, warnings = decode(data, "f.txt")
    except InputError as exc:
        assert exc.path == "f.txt"
        return
    assert isinstance(text, str) and all(isinstance(w, str) for w in warnings)


@given(st.text(max_size=3000))
@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
def test_make_article_any_text(text):
    article = make_article("x.txt", text, rules=RULES)
    assert all(0 <= s <= e <= len(article.text) for s, e in article.boilerplate)
    assert article.published is None or len(article.published) >= 4


@given(st.text(max_size=2000))
@settings(max_examples=100, deadline=None)
def test_html_any_text(text):
    out, title, meta = html_to_text(text)
    assert isinstance(out, str)


@given(st.text(min_size=0, max_size=5000), st.integers(min_value=10, max_value=800))
@settings(max_examples=200, deadline=None)
def test_split_points_cover_text_in_bounded_pieces(text, limit):
    pieces = split_points(text, limit)
    assert pieces[0][0] == 0 and pieces[-1][1] == len(text)
    assert all(a[1] == b[0] for a, b in zip(pieces, pieces[1:]))
    assert all(0 < e - s <= limit for s, e in pieces if len(text))


def _documents(store_dir):
    conn = sqlite3.connect(store_dir / "factx.sqlite")
    try:
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        docs = conn.execute("SELECT doc_id, path FROM documents").fetchall()
        without_facts = conn.execute(
            "SELECT count(*) FROM documents d WHERE NOT EXISTS (SELECT 1 FROM facts f WHERE f.doc_id = d.doc_id)"
        ).fetchone()[0]
        return docs, without_facts
    finally:
        conn.close()


@pytest.mark.slow
def test_kill_9_mid_run_keeps_committed_batches_and_rerun_resumes(tmp_path):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    texts = [p.read_text(encoding="utf-8") for p in sorted(SEEDS.glob("*.txt"))]
    for i in range(30):
        # distinct texts: one document per content
        (corpus / f"{i:03d}.txt").write_text(texts[i % len(texts)] + f"\n\nCopy {i}.\n", encoding="utf-8")
    store = tmp_path / "store"
    env = {**os.environ, "FACTX_COMMIT_EVERY": "2"}
    proc = subprocess.Popen([sys.executable, "-m", "factx", "extract", str(corpus), "--store", str(store),
                             "-o", str(tmp_path / "out.jsonl")], cwd=ROOT, env=env,
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    deadline = time.monotonic() + 120
    committed = 0
    while time.monotonic() < deadline and proc.poll() is None:
        time.sleep(0.2)
        try:
            committed = len(_documents(store)[0])
        except (sqlite3.Error, AssertionError):
            continue
        if committed >= 4:
            break
    assert proc.poll() is None, "the run finished before it could be killed"
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    docs, without_facts = _documents(store)
    assert 4 <= len(docs) < 30 and without_facts == 0  # whole documents or nothing
    again = subprocess.run([sys.executable, "-m", "factx", "extract", str(corpus), "--store", str(store),
                            "-o", str(tmp_path / "out2.jsonl")], cwd=ROOT, capture_output=True, text=True)
    assert again.returncode == 0, again.stderr
    status = json.loads(subprocess.run([sys.executable, "-m", "factx", "status", "--format", "json",
                                        "--store", str(store)], cwd=ROOT, capture_output=True,
                                       text=True).stdout)
    assert status["documents"] == 30
    assert status["last_run"]["unchanged"] == len(docs)
    assert status["last_run"]["new"] == 30 - len(docs)


@pytest.mark.model
def test_long_document_offsets_point_into_the_whole_text(nlp, monkeypatch):
    import factx.pipeline as pipeline
    from factx.records import Article

    text = (SEEDS / "000_40d82d5786b2edf6.txt").read_text(encoding="utf-8")
    article = Article("long.txt", text, published="2019-10-08")
    [whole] = pipeline.process(nlp, [article])
    monkeypatch.setattr(pipeline, "CHUNK_CHARS", 1500)
    [pieces] = pipeline.process(nlp, [article])
    names = [d for d in pieces.drafts if d.attribute == "name"]
    assert names and all(text[d.start:d.end] == d.mention for d in names)
    assert all(text[t.start:t.end] == t.text for t in pieces.dates)
    assert {t.value for t in pieces.dates} == {t.value for t in whole.dates}


@pytest.mark.slow
def test_ctrl_c_stops_cleanly_and_says_what_was_stored(tmp_path):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    text = (SEEDS / "000_40d82d5786b2edf6.txt").read_text(encoding="utf-8")
    for i in range(300):
        (corpus / f"{i:03d}.txt").write_text(text + f"\n\nCopy {i}.\n", encoding="utf-8")
    store = tmp_path / "store"
    proc = subprocess.Popen([sys.executable, "-m", "factx", "extract", str(corpus), "--store", str(store),
                             "-o", str(tmp_path / "out.jsonl")], cwd=ROOT,
                            env={**os.environ, "FACTX_COMMIT_EVERY": "2"},
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline and proc.poll() is None:
        time.sleep(0.2)
        try:
            if len(_documents(store)[0]) >= 2:
                break
        except (sqlite3.Error, AssertionError):
            continue
    proc.send_signal(signal.SIGINT)
    _, stderr = proc.communicate(timeout=60)
    assert proc.returncode == 130, stderr
    assert "Traceback" not in stderr
    docs, without_facts = _documents(store)
    assert f"interrupted; stored {len(docs)} documents" in stderr
    assert 2 <= len(docs) < 300 and without_facts == 0
