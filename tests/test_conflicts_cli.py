"""`factx conflicts` options through the runner: --kind, --min-severity, --quotes,
--rules; stdout, stderr and exit status checked apart. Facts come from a JSONL file
built by hand, so no model is needed."""

from __future__ import annotations

import json

import pytest
from typer.testing import CliRunner

from factx.cli import app

from test_conflicts import D0, D1, D2, UMAR_DEATH, UMAR_DENIAL, UMAR_NAMES, fact

runner = CliRunner()

CONFLICT_KEYS = ["schema", "entity", "entity_id", "entity_type", "attribute", "kind", "severity",
                 "values", "reason", "context", "set_aside"]


@pytest.fixture
def facts_file(tmp_path):
    path = tmp_path / "facts.jsonl"
    records = UMAR_DEATH + UMAR_DENIAL + UMAR_NAMES
    path.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    return path


def run(*args):
    return runner.invoke(app, ["conflicts", *map(str, args)], catch_exceptions=False)


def records(result):
    assert result.exit_code == 0, result.stderr
    return json.loads(result.stdout)


@pytest.mark.parametrize("kinds, expected", [
    (None, [("death", "denial"), ("date_of_death", "value"), ("name", "spelling")]),
    ("spelling", [("name", "spelling")]),
    ("value,denial", [("death", "denial"), ("date_of_death", "value")]),
    ("denial", [("death", "denial")]),
])
def test_kind_selects_whole_conflicts(facts_file, kinds, expected) -> None:
    args = ["--facts", facts_file, "--format", "json"] + (["--kind", kinds] if kinds else [])
    found = records(run(*args))
    assert [(c["attribute"], c["kind"]) for c in found] == expected
    assert all(list(c) == CONFLICT_KEYS for c in found)


def test_unknown_kind_is_a_usage_error(facts_file) -> None:
    result = run("--facts", facts_file, "--kind", "rumour")
    assert result.exit_code == 2
    assert result.stdout == ""
    assert "--kind" in result.stderr and "value,denial,spelling" in result.stderr


def test_min_severity_hard_keeps_whole_conflicts(facts_file) -> None:
    found = records(run("--facts", facts_file, "--format", "json", "--min-severity", "hard"))
    assert [(c["attribute"], c["severity"]) for c in found] == [("death", "hard")]
    everything = records(run("--facts", facts_file, "--format", "json"))
    assert found[0] == everything[0]  # the same conflict, not a part of it


def test_terminal_report_is_a_memo(facts_file) -> None:
    result = run("--facts", facts_file, "--format", "table")
    assert result.exit_code == 0 and result.stderr == ""
    lines = result.stdout.splitlines()
    assert lines[0].startswith("Asim Umar (person): 2 disagreements among 5 sources: the death itself")
    assert "  1. The death itself: affirmed and denied (hard)" in lines
    assert "  Spellings (listed after the disagreements):" in lines
    quoted = run("--facts", facts_file, "--format", "table", "--quotes", "--kind", "value")
    assert "The Associated Press reported that anti-Taliban raids and U.S. airstrikes in" in quoted.stdout
    assert "“quote of seeds/000.txt:9”" in quoted.stdout


def test_no_conflicts_is_said_on_stderr(tmp_path) -> None:
    path = tmp_path / "facts.jsonl"
    path.write_text(json.dumps(fact("Asim Umar", "origin", "Pakistan", D0, 1, value_type="country")) + "\n")
    result = run("--facts", path, "--format", "table")
    assert result.exit_code == 0 and result.stdout == ""
    assert "no conflicts" in result.stderr


def test_a_users_rules_reach_conflicts(tmp_path) -> None:
    path = tmp_path / "facts.jsonl"
    facts = [fact("Karim Haddad", "title", "herald of the Northern Front", D0, 2),
             fact("Karim Haddad", "title", "former spokesman of the Northern Front", D1, 2),
             fact("Karim Haddad", "title", "spokesman of the Northern Front", D2, 2)]
    path.write_text("".join(json.dumps(f) + "\n" for f in facts))
    rules = tmp_path / "rules"
    rules.mkdir()
    (rules / "roles.yml").write_text(
        "kind: roles\nrules:\n  - id: herald\n    role: spokesperson\n    words: [herald]\n")
    shipped = records(run("--facts", path, "--format", "json"))
    users = records(run("--facts", path, "--format", "json", "--rules", rules))
    assert [sorted(s["doc"] for v in c["values"] for s in v["sources"]) for c in shipped] == [[D1, D2]]
    assert [sorted(s["doc"] for v in c["values"] for s in v["sources"]) for c in users] == [[D0, D1, D2]]


def test_an_invalid_rule_file_exits_2_naming_it(tmp_path, facts_file) -> None:
    rules = tmp_path / "rules"
    rules.mkdir()
    (rules / "roles.yml").write_text("kind: roles\nrules:\n  - id: bad\n    role: x\n    wrods: [y]\n")
    result = run("--facts", facts_file, "--rules", rules)
    assert result.exit_code == 2
    assert result.stdout == ""
    assert "roles.yml" in result.stderr and "bad" in result.stderr and "wrods" in result.stderr


@pytest.mark.model
def test_sources_are_named_by_the_outlet_the_store_knows(tmp_path) -> None:
    records = [{"text": "Karim Haddad, 52, a trader, was killed on Saturday in Herat, police said.",
                "published": "2031-03-09", "source": "Daily Wire Service"},
               {"text": "Karim Haddad, 58, was killed on Saturday in Herat, his family said.",
                "published": "2031-03-09"}]
    path = tmp_path / "news.jsonl"
    path.write_text("".join(json.dumps(r) + "\n" for r in records))
    store = tmp_path / "store"
    assert runner.invoke(app, ["extract", str(path), "--store", str(store), "--quiet"]).exit_code == 0
    result = run("--store", store, "--format", "table")
    assert result.exit_code == 0, result.stderr
    lines = result.stdout.splitlines()
    assert lines[0] == "Karim Haddad (person): 1 disagreement among 2 sources: age"
    assert any(line.startswith(f"      • Daily Wire Service · police · {path}:1:1") for line in lines)
    # no outlet: the path alone names the document
    assert any(line.startswith(f"      • his family · {path}:2:1") for line in lines)
