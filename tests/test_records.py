"""Every record is defined once (factx/records.py) and published as a JSON Schema that
real output is validated against."""

from __future__ import annotations

import json

import pytest
from jsonschema import Draft202012Validator
from typer.testing import CliRunner

import factx
from factx.cli import app
from factx.output import csv_columns
from factx.records import (FACT_KEYS, RECORDS, Conflict, ConflictValue, Entity, Fact, RunCounts, Source,
                           Status, Variant, json_schema)

from conftest import ROOT

SCHEMAS = ROOT / "factx" / "schemas"
NAMES = ["fact", "conflict", "entity", "document", "date", "status"]


def validator(name: str) -> Draft202012Validator:
    return Draft202012Validator(json.loads((SCHEMAS / f"{name}.json").read_text(encoding="utf-8")))


def assert_valid(name: str, records: list[dict]) -> None:
    errors = [(i, e.message) for i, r in enumerate(records) for e in validator(name).iter_errors(r)]
    assert errors == []


def test_every_published_record_has_a_schema_file():
    assert sorted(RECORDS) == sorted(NAMES)
    assert sorted(p.stem for p in SCHEMAS.glob("*.json")) == sorted(NAMES)


@pytest.mark.parametrize("name", NAMES)
def test_schema_files_are_what_the_dataclasses_say(name):
    """The files are generated: after changing a record, run `make schemas`."""
    on_disk = json.loads((SCHEMAS / f"{name}.json").read_text(encoding="utf-8"))
    assert on_disk == json_schema(name)
    Draft202012Validator.check_schema(on_disk)
    assert on_disk["title"] == f"factx.{name}/1" and on_disk["additionalProperties"] is False


def test_fact_keys_are_the_contract_order():
    assert FACT_KEYS == ("schema", "id", "entity", "entity_id", "entity_type", "attribute", "value",
                         "value_type", "value_text", "polarity", "modality", "said_by", "doc", "published",
                         "line", "start", "end", "quote", "mention", "rule")
    assert tuple(json_schema("fact")["properties"]) == FACT_KEYS


FACT = Fact(id="f1", entity="Jane Roe", entity_id="e1", entity_type="PERSON", attribute="age", value=52,
            value_type="quantity", value_text="52", polarity="affirmed", modality="asserted", said_by=None,
            doc="a.txt", published="2019-10-08", line=3, start=10, end=12, quote="Jane Roe, 52, said.",
            mention="Jane Roe", rule="regex.age")
CONFLICT = Conflict("Jane Roe", "e1", "PERSON", "age", "value", "hard", (
    ConflictValue(52, ("52",), (Source("a.txt", 3, "q", None, "affirmed", "asserted", "f1"),)),
    ConflictValue(40, ("40",), (Source("b.txt", 1, "q", "Police", "affirmed", "reported", "f2"),))))
ENTITY = Entity("Jane Roe", "e1", "PERSON", (Variant("Jane Roe", 3, ("a.txt", "b.txt")),))
STATUS = Status(".factx", 2, 10, 1, RunCounts(1, 1, 0, 0))


@pytest.mark.parametrize("record, name", [(FACT, "fact"), (CONFLICT, "conflict"), (ENTITY, "entity"),
                                          (STATUS, "status")])
def test_records_round_trip_and_validate(record, name):
    data = record.to_json()
    assert next(iter(data)) == "schema" and data["schema"] == f"factx.{name}/1"
    assert type(record).from_json(data) == record
    assert json.loads(json.dumps(data)) == data  # plain JSON: lists, not tuples
    assert_valid(name, [data])


@pytest.mark.parametrize("change, words", [
    ({"polarity": "maybe"}, "is not one of"),
    ({"line": "3"}, "is not of type 'integer'"),
    ({"colour": "red"}, "Additional properties"),
    ({"schema": "factx.fact/2"}, "was expected"),
])
def test_the_fact_schema_rejects_what_the_contract_does_not_allow(change, words):
    errors = [e.message for e in validator("fact").iter_errors({**FACT.to_json(), **change})]
    assert len(errors) == 1 and words in errors[0]


def test_a_record_from_its_row_is_the_record():
    row = tuple(getattr(FACT, key) for key in FACT_KEYS[1:])
    assert Fact.row_json(row) == FACT.to_json() and tuple(Fact.row_json(row)) == FACT_KEYS


def test_stored_facts_are_fact_records(seeds_store):
    with factx.open_store(seeds_store) as db:
        facts = list(db.facts())
    assert facts and all(Fact.from_json(f).to_json() == f for f in facts)


def test_missing_key_is_invalid():
    data = FACT.to_json()
    del data["said_by"]
    assert [e.message for e in validator("fact").iter_errors(data)] == ["'said_by' is a required property"]


def test_csv_columns_come_from_the_records():
    assert csv_columns("fact") == list(FACT_KEYS[1:])
    assert csv_columns("conflict") == ["entity", "entity_id", "entity_type", "attribute", "kind", "severity",
                                       "value", "value_texts", "doc", "line", "quote", "said_by", "polarity",
                                       "modality", "fact_id", "published", "also", "reason", "context",
                                       "set_aside"]
    assert csv_columns("entity") == ["entity", "entity_id", "entity_type", "name", "count", "docs"]
    assert csv_columns("status")[-4:] == ["last_run_new", "last_run_changed", "last_run_unchanged",
                                          "last_run_failed"]


def test_conflicts_module_uses_the_one_conflict_record():
    import factx.conflicts as conflicts

    assert conflicts.Conflict is Conflict and conflicts.Source is Source


# --- real output ---------------------------------------------------------------------------

def test_golden_facts_validate():
    golden = [json.loads(line) for line in (ROOT / "tests" / "golden" / "seeds.jsonl").read_text().splitlines()]
    facts = [r for r in golden if r.get("schema") == "factx.fact/1"]
    assert len(facts) > 100
    assert_valid("fact", facts)


@pytest.mark.parametrize("name, command", [
    ("fact", ["facts", "-f", "jsonl"]), ("conflict", ["conflicts", "-f", "jsonl"]),
    ("entity", ["entities", "-f", "jsonl"]), ("document", ["documents", "-f", "jsonl"]),
    ("status", ["status", "-f", "jsonl"])])
def test_real_command_output_validates(seeds_store, name, command):
    result = CliRunner().invoke(app, [*command, "--store", str(seeds_store)])
    assert result.exit_code == 0, result.stderr
    records = [json.loads(line) for line in result.stdout.splitlines()]
    assert records
    assert_valid(name, records)


def test_real_library_output_validates(seeds_store):
    with factx.open_store(seeds_store) as db:
        assert_valid("fact", list(db.facts()))
        assert_valid("conflict", list(db.conflicts()))
        assert_valid("entity", db.entities())
        assert_valid("document", db.documents())
        assert_valid("status", [db.status()])


@pytest.mark.model
def test_real_dates_validate(monkeypatch):
    monkeypatch.chdir(ROOT)
    records = list(factx.dates("seeds/000_40d82d5786b2edf6.txt"))
    assert len(records) > 5
    assert_valid("date", records)
