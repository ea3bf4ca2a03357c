"""Golden end-to-end test: `factx extract seeds/` against tests/golden/seeds.jsonl.

The golden file's first line records the model it was made with; the test is
skipped under any other model version, because every model change shifts NER.
Regenerate after an intended change with:

    FACTX_UPDATE_GOLDEN=1 .venv/bin/python -m pytest tests/test_golden.py
"""

from __future__ import annotations

import json
import os

import pytest

from conftest import ROOT

GOLDEN = ROOT / "tests" / "golden" / "seeds.jsonl"

pytestmark = pytest.mark.model


def _model_header():
    from factx.extract import model_key
    from factx.pipeline import default_model

    model = default_model()
    return {"golden": "factx extract seeds/", "model": model, "model_version": model_key(model).split("==")[-1]}


def _current(seeds_store):
    from factx.store import Store

    return list(Store.open(seeds_store, create=False).facts())


def test_seeds_match_golden(seeds_store):
    header = _model_header()
    facts = _current(seeds_store)
    if os.environ.get("FACTX_UPDATE_GOLDEN"):
        with open(GOLDEN, "w", encoding="utf-8") as out:
            out.write(json.dumps(header) + "\n")
            for fact in facts:
                out.write(json.dumps(fact, ensure_ascii=False) + "\n")
    with open(GOLDEN, encoding="utf-8") as handle:
        recorded = json.loads(handle.readline())
        golden = [json.loads(line) for line in handle if line.strip()]
    if (recorded["model"], recorded["model_version"]) != (header["model"], header["model_version"]):
        pytest.skip(f"golden made with {recorded['model']} {recorded['model_version']}, "
                    f"running {header['model']} {header['model_version']}")
    assert len(facts) == len(golden)
    for got, want in zip(facts, golden):
        assert got == want


def test_seeds_name_facts_cover_every_mention(seeds_store):
    facts = _current(seeds_store)
    names = [f for f in facts if f["attribute"] == "name"]
    for fact in names:
        text = (ROOT / fact["doc"]).read_text(encoding="utf-8")
        assert text[fact["start"]:fact["end"]] == fact["mention"] == fact["value"]
        assert fact["quote"] and " ".join(fact["quote"].split()) in " ".join(text.split())
        assert text.count("\n", 0, fact["start"]) + 1 == fact["line"]
    assert {f["entity_type"] for f in names} >= {"PERSON", "ORG", "GPE", "NORP"}
