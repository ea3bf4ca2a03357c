"""The benchmark corpus builds from whatever articles it finds: with the seeds alone
(../shared missing) it still ends, says what it left out, and gives distinct documents."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture()
def corpus(monkeypatch):
    spec = importlib.util.spec_from_file_location("bench_corpus", ROOT / "bench" / "corpus.py")
    module = importlib.util.module_from_spec(spec)
    monkeypatch.setitem(sys.modules, "bench_corpus", module)
    spec.loader.exec_module(module)
    return module


def test_seeds_alone_give_distinct_documents_and_a_message(corpus, monkeypatch, tmp_path, capsys):
    monkeypatch.setattr(corpus, "SOURCES", [ROOT / "seeds", tmp_path / "absent"])
    docs = corpus.documents(40, seed=3)
    assert len(docs) == 40 and len(set(docs)) == 40
    err = capsys.readouterr().err
    assert "absent" in err and "left out" in err


def test_no_articles_at_all_is_a_clear_error(corpus, monkeypatch, tmp_path):
    monkeypatch.setattr(corpus, "SOURCES", [tmp_path / "absent"])
    with pytest.raises(SystemExit, match="no article"):
        corpus.documents(3, real=False)
