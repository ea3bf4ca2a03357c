"""The command line through Typer's runner: stdout, stderr and exit status checked apart."""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest
from typer.testing import CliRunner

from factx.cli import app
from factx.records import FACT_KEYS

from conftest import ROOT

runner = CliRunner()


def run(*args, **kw):
    return runner.invoke(app, [str(a) for a in args], catch_exceptions=False, **kw)


def lines(text):
    return [json.loads(line) for line in text.splitlines() if line.strip()]


@pytest.mark.model
def test_extract_pipes_jsonl_with_contract_keys(tmp_path):
    os.chdir(ROOT)
    result = run("extract", "seeds/", "--store", tmp_path / "s")
    assert result.exit_code == 0, result.stderr
    facts = lines(result.stdout)
    assert facts and all(tuple(f) == FACT_KEYS for f in facts)
    assert result.stderr == ""
    docs = {f["doc"] for f in facts}
    assert docs == {f"seeds/{name}" for name in os.listdir(ROOT / "seeds")}
    published = {f["doc"]: f["published"] for f in facts}
    assert published["seeds/000_40d82d5786b2edf6.txt"] == "2019-10-08"
    # a rerun processes nothing again, and prints the same facts
    again = run("extract", "seeds/", "--store", tmp_path / "s")
    assert lines(again.stdout) == facts
    status = json.loads(run("status", "--format", "json", "--store", tmp_path / "s").stdout)
    assert status["last_run"] == {"new": 0, "changed": 0, "unchanged": 5, "failed": 0}
    assert status["documents"] == 5 and status["facts"] == len(facts)


@pytest.mark.model
def test_extract_bad_inputs_go_on_and_exit_1(tmp_path):
    good = tmp_path / "good.txt"
    good.write_text("Oct 8, 2019\n\nJohn Smith met Mary Jones in Paris on Monday.\n")
    empty = tmp_path / "empty.txt"
    empty.write_text("")
    result = run("extract", good, empty, tmp_path / "missing.txt", "--store", tmp_path / "s")
    assert result.exit_code == 1
    assert f"factx: {empty}: empty file" in result.stderr
    assert f"factx: {tmp_path / 'missing.txt'}: no such file" in result.stderr
    assert "Traceback" not in result.stderr
    assert {f["doc"] for f in lines(result.stdout)} == {str(good)}


def test_conflicts_spelling_by_any_variant(seeds_store):
    result = run("conflicts", "--entity", "asim omar", "--format", "json", "--store", seeds_store)
    assert result.exit_code == 0, result.stderr
    records = json.loads(result.stdout)
    spelling = [c for c in records if c["kind"] == "spelling"]
    assert spelling and spelling[0]["entity"] in ("Asim Umar", "Asim Omar")
    spelled = {v["value"] for v in spelling[0]["values"]}
    assert any("Umar" in v for v in spelled) and any("Omar" in v for v in spelled)
    same = run("conflicts", "--entity", "Asim Umar", "--format", "json", "--store", seeds_store)
    assert json.loads(same.stdout) == records


def test_unseen_transliteration_finds_the_entity(seeds_store):
    result = run("facts", "--entity", "asim omer", "--attribute", "name", "--store", seeds_store)
    assert result.exit_code == 0, result.stderr
    assert {f["entity"] for f in lines(result.stdout)} == {"Asim Umar"}


def test_conflicts_from_a_facts_file_match_the_store(seeds_store):
    facts = run("facts", "--store", seeds_store).stdout
    from_store = run("conflicts", "--entity", "Asim Umar", "--format", "json", "--store", seeds_store)
    from_pipe = run("conflicts", "--facts", "-", "--entity", "asim omar", "--format", "json", input=facts)
    assert from_pipe.exit_code == 0, from_pipe.stderr
    assert json.loads(from_pipe.stdout) == json.loads(from_store.stdout)


def test_conflicts_jsonl_is_one_record_per_line(seeds_store):
    result = run("conflicts", "--entity", "Asim Umar", "--format", "jsonl", "--store", seeds_store)
    records = lines(result.stdout)
    assert records and all(r["schema"] == "factx.conflict/1" for r in records)


def test_conflicts_exit_status(seeds_store):
    result = run("conflicts", "--entity", "Asim Umar", "--exit-status", "--format", "jsonl", "--store", seeds_store)
    assert result.exit_code == 3


def test_unknown_entity_lists_closest(seeds_store):
    result = run("conflicts", "--entity", "Asim Umer Khan", "--store", seeds_store)
    assert result.exit_code == 1
    assert result.stdout == ""
    assert "no entity matches 'Asim Umer Khan'" in result.stderr
    assert "closest known entities:" in result.stderr and "Asim" in result.stderr
    assert "Traceback" not in result.stderr


def test_entities_json_keeps_people_apart(seeds_store):
    result = run("entities", "--format", "json", "--store", seeds_store)
    assert result.exit_code == 0
    records = json.loads(result.stdout)
    assert all(tuple(r) == ("entity", "entity_id", "entity_type", "variants") for r in records)
    by_variant = {v["name"]: r for r in records for v in r["variants"]}
    asim = by_variant["Asim Omar"]
    # "Mr. Umar": the model's span leaves the honorific out, so the variant is "Umar"
    assert by_variant["Asim Umar"] is asim and by_variant["Umar"] is asim
    assert by_variant["Raja Umar Khattab"] is not asim
    assert all(set(v) == {"name", "count", "docs"} for v in asim["variants"])


def test_facts_filters(seeds_store):
    result = run("facts", "--entity", "Asim Umar", "--attribute", "name", "--store", seeds_store)
    facts = lines(result.stdout)
    assert facts and {f["attribute"] for f in facts} == {"name"}
    assert len({f["entity_id"] for f in facts}) == 1


def test_status_json(seeds_store):
    result = run("status", "--format", "json", "--store", seeds_store)
    info = json.loads(result.stdout)
    assert set(info) == {"documents", "facts", "entities", "last_run"}
    assert info["documents"] == 5 and set(info["last_run"]) == {"new", "changed", "unchanged", "failed"}


def test_query_without_store_says_how_to_fix(tmp_path):
    result = run("facts", "--store", tmp_path / "none")
    assert result.exit_code == 1 and result.stdout == ""
    assert "no factx store" in result.stderr and "factx extract" in result.stderr


@pytest.mark.parametrize("args, code, words", [
    (["extract"], 2, "Missing argument"),
    (["conflicts", "--format", "xml"], 2, "xml"),
    (["extract", "x", "--published", "yesterday"], 2, "is not a date"),
        (["extract", "x", "--published", "2019-02-30"], 2, "is not a calendar date"),
        (["dates", "x", "--published", "2019-10-32"], 2, "is not a calendar date"),
    (["extract", "x", "-j", "0"], 2, "--jobs"),
])
def test_usage_errors_exit_2(args, code, words):
    result = run(*args)
    assert result.exit_code == code and words in result.stderr and result.stdout == ""


def test_rules_check(tmp_path):
    assert run("rules", "check").exit_code == 0
    (tmp_path / "bad.yml").write_text("kind: honorifics\nrules:\n  - id: x\n    wordz: [a]\n")
    result = run("rules", "check", tmp_path)
    assert result.exit_code == 2
    assert f"{tmp_path / 'bad.yml'}: rule 'x': key 'wordz': unknown key" in result.stderr


def test_extract_with_invalid_rules_exits_2_naming_file_rule_and_key(tmp_path):
    rules = tmp_path / "rules"
    rules.mkdir()
    (rules / "mine.yml").write_text("kind: never_merge\nrules:\n  - id: pair\n    names: [A, B]\n    colour: x\n")
    (tmp_path / "a.txt").write_text("Some text.")
    result = run("extract", tmp_path / "a.txt", "--rules", rules, "--store", tmp_path / "s")
    assert result.exit_code == 2 and result.stdout == ""
    assert f"{rules / 'mine.yml'}: rule 'pair': key 'colour': unknown key" in result.stderr
    broken = tmp_path / "broken"
    broken.mkdir()
    (broken / "bad.yml").write_text("kind: [unclosed\n")
    result = run("extract", tmp_path / "a.txt", "--rules", broken, "--store", tmp_path / "s")
    assert result.exit_code == 2 and "bad.yml" in result.stderr and "invalid YAML" in result.stderr


def test_rules_check_compiles_attribute_rules(tmp_path):
    (tmp_path / "mine.yml").write_text("kind: attributes\nrules:\n  - id: my.rule\n    family: telepathy\n"
                                       "    words: [know]\n")
    result = run("rules", "check", tmp_path)
    assert result.exit_code == 2
    assert "mine.yml" in result.stderr and "my.rule" in result.stderr and "family" in result.stderr


def _factx(*args, **kw):
    return subprocess.run([sys.executable, "-m", "factx", *map(str, args)], capture_output=True, text=True,
                          cwd=ROOT, **kw)


QUERY_COMMANDS = [["conflicts", "--entity", "Asim Umar"], ["facts"], ["entities"], ["status"]]


@pytest.mark.parametrize("args", QUERY_COMMANDS)
def test_query_commands_never_import_spacy_or_dateparser(seeds_store, args):
    code = ("import sys, runpy\n"
            f"sys.argv = ['factx', *{args!r}, '--store', {str(seeds_store)!r}]\n"
            "try:\n    runpy.run_module('factx', run_name='__main__')\n"
            "except SystemExit:\n    pass\n"
            "heavy = [m for m in ('spacy', 'dateparser', 'thinc', 'torch') if m in sys.modules]\n"
            "sys.stderr.write('HEAVY=' + ','.join(heavy))\n")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT)
    assert "HEAVY=" in result.stderr and result.stderr.rsplit("HEAVY=", 1)[1] == ""


def test_closed_pipe_ends_quietly(seeds_store):
    result = subprocess.run(f"{sys.executable} -m factx facts --store {seeds_store} | head -1",
                            shell=True, capture_output=True, text=True, cwd=ROOT)
    assert result.returncode == 0 and result.stderr == ""
    assert len(result.stdout.splitlines()) == 1
