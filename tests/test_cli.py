"""The command line through Typer's runner: stdout, stderr and exit status checked apart."""

from __future__ import annotations

import json
import os
import re
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
    assert {f["entity"] for f in lines(result.stdout)} == {"Asim Omar"}


@pytest.mark.parametrize("command", ["facts", "conflicts", "entities"])
def test_a_users_titles_reach_entity_lookup(seeds_store, tmp_path, command):
    """`--rules` with a title of the user's: the lookup folds names as the user's rules do."""
    rules = tmp_path / "my-rules"
    rules.mkdir()
    (rules / "titles.yml").write_text("kind: honorifics\nrules:\n  - id: mine\n    type: PERSON\n"
                                      "    words: [Ustadh]\n", encoding="utf-8")
    query = ["Ustadh Asim Umar"] if command == "entities" else ["--entity", "Ustadh Asim Umar"]
    without = run(command, *query, "--format", "json", "--store", seeds_store)
    assert without.exit_code == 1 and "Ustadh Asim Umar" in without.stderr
    found = run(command, *query, "--format", "json", "--store", seeds_store, "--rules", rules)
    assert found.exit_code == 0, found.stderr
    assert found.stdout.strip() not in ("", "[]")
    assert {r["entity"] for r in json.loads(found.stdout)} == {"Asim Omar"}


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
    assert all(tuple(r) == ("schema", "entity", "entity_id", "entity_type", "variants") for r in records)
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
    assert tuple(info) == ("schema", "store", "documents", "facts", "entities", "last_run")
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


# --- a well-behaved command line (issue 16) ------------------------------------------------

COMMANDS = [["extract"], ["conflicts"], ["facts"], ["entities"], ["documents"], ["status"], ["dates"],
            ["report"], ["schema"], ["rules", "check"]]
STORE_COMMANDS = [["conflicts"], ["facts"], ["entities"], ["documents"], ["status"]]
DATA_COMMANDS = STORE_COMMANDS + [["schema", "fact"]]


def test_version():
    from factx import __version__

    result = run("--version")
    assert (result.exit_code, result.stdout, result.stderr) == (0, f"factx {__version__}\n", "")


@pytest.mark.parametrize("command", COMMANDS, ids=" ".join)
def test_help_has_an_example_and_no_type_names(command):
    result = run(*command, "--help")
    assert result.exit_code == 0 and result.stderr == ""
    text = result.stdout
    assert "Examples:\n" in text and f"factx {' '.join(command)}" in text.split("Examples:", 1)[1]
    # no Python types or click's {required} markers leak into the help
    assert not re.search(r"<[a-z_]+(\[[^\]]*\])?( range)?>|\{[a-z_.]+\}|list\[", text), text
    for option in ("--quiet", "--verbose", "--help"):
        assert option in text


@pytest.mark.parametrize("command", COMMANDS, ids=" ".join)
def test_quiet_and_verbose_on_every_command(command):
    for flag in ("--quiet", "-q", "--verbose", "-v"):
        result = run(*command, flag, "--help")
        assert result.exit_code == 0, (flag, result.stderr)


@pytest.mark.parametrize("command", DATA_COMMANDS + [["extract"], ["dates"]], ids=" ".join)
def test_output_file_wherever_output_is_data(command):
    result = run(*command, "--help")
    assert "-o, --output FILE" in result.stdout


@pytest.mark.parametrize("command", DATA_COMMANDS, ids=" ".join)
def test_output_file_holds_what_stdout_would(command, seeds_store, tmp_path):
    args = [*command] + (["--store", seeds_store] if command[0] != "schema" else [])
    shown = run(*args)
    out = tmp_path / "out.data"
    written = run(*args, "-o", out)
    assert written.exit_code == 0, written.stderr
    assert written.stdout == ""
    assert out.read_text(encoding="utf-8") == shown.stdout != ""


@pytest.mark.parametrize("command", STORE_COMMANDS, ids=" ".join)
def test_quiet_and_verbose_messages(command, seeds_store):
    quiet = run(*command, "--store", seeds_store, "--quiet")
    plain = run(*command, "--store", seeds_store)
    verbose = run(*command, "--store", seeds_store, "--verbose")
    assert quiet.exit_code == plain.exit_code == verbose.exit_code == 0
    assert quiet.stdout == plain.stdout == verbose.stdout != ""
    assert quiet.stderr == ""
    assert f"store {seeds_store}" in verbose.stderr and "done in" in verbose.stderr
    assert "done in" not in plain.stderr


def test_quiet_keeps_errors(tmp_path):
    result = run("facts", "--quiet", "--store", tmp_path / "none")
    assert result.exit_code == 1 and result.stdout == "" and "no factx store" in result.stderr


def _csv(text):
    import csv
    import io

    return list(csv.DictReader(io.StringIO(text)))


@pytest.mark.parametrize("kind, command", [("fact", ["facts"]), ("entity", ["entities"]),
                                           ("conflict", ["conflicts"]), ("document", ["documents"])])
def test_csv_rows_and_columns(kind, command, seeds_store):
    from factx.output import csv_columns

    as_json = json.loads(run(*command, "--format", "json", "--store", seeds_store).stdout)
    result = run(*command, "--format", "csv", "--store", seeds_store)
    assert result.exit_code == 0 and result.stderr == ""
    rows = _csv(result.stdout)
    assert result.stdout.splitlines()[0] == ",".join(csv_columns(kind))
    # one row per innermost item: a conflict's source, an entity's spelling
    if kind == "entity":
        expected = sum(max(1, len(e["variants"])) for e in as_json)  # one row without spellings
    elif kind == "conflict":
        expected = sum(len(v["sources"]) for c in as_json for v in c["values"])
    else:
        expected = len(as_json)
    assert len(rows) == expected > 0


def test_csv_conflict_rows_carry_their_conflict(seeds_store):
    rows = _csv(run("conflicts", "--entity", "Asim Umar", "-f", "csv", "--store", seeds_store).stdout)
    conflict = json.loads(run("conflicts", "--entity", "Asim Umar", "-f", "json", "--store", seeds_store).stdout)[0]
    first = conflict["values"][0]
    assert rows[0]["entity"] == conflict["entity"] and rows[0]["kind"] == conflict["kind"]
    assert rows[0]["value"] == str(first["value"]) and rows[0]["doc"] == first["sources"][0]["doc"]
    assert rows[0]["value_texts"] == "; ".join(first["value_texts"])


@pytest.mark.parametrize("width", [40, 60, 100, 160])
def test_facts_table_never_cuts_path_and_line(seeds_store, width):
    result = run("facts", "--entity", "Asim Umar", "-f", "table", "--store", seeds_store, env={"COLUMNS": str(width)})
    assert result.exit_code == 0 and result.stderr == ""
    facts = lines(run("facts", "--entity", "Asim Umar", "--store", seeds_store).stdout)
    shown = result.stdout
    for fact in facts:
        assert f"{fact['doc']}:{fact['line']}" in shown
    assert max(len(line) for line in shown.splitlines()) <= width


@pytest.mark.parametrize("command, header", [(["entities"], "spellings"), (["documents"], "document"),
                                             (["status"], "last run"), (["conflicts"], "source")])
def test_tables(command, header, seeds_store):
    result = run(*command, "-f", "table", "--store", seeds_store)
    assert result.exit_code == 0 and result.stderr == "" and header in result.stdout


def test_empty_table_says_so_on_stderr(seeds_store):
    result = run("facts", "--attribute", "no_such_attribute", "-f", "table", "--store", seeds_store)
    assert (result.exit_code, result.stdout, result.stderr) == (0, "", "no facts\n")


@pytest.mark.parametrize("name", ["fact", "conflict", "entity", "document", "date", "status"])
def test_schema_prints_the_published_file(name):
    from conftest import ROOT as root

    result = run("schema", name)
    assert result.exit_code == 0 and result.stderr == ""
    assert json.loads(result.stdout) == json.loads((root / "factx" / "schemas" / f"{name}.json").read_text())
    assert json.loads(result.stdout)["title"] == f"factx.{name}/1"


def test_schema_unknown_name_is_a_usage_error():
    result = run("schema", "person")
    assert result.exit_code == 2 and result.stdout == ""
    assert "'person' is not one of" in result.stderr and "'fact'" in result.stderr


def test_unwritable_output_fails_before_the_run(tmp_path):
    result = run("extract", "seeds/", "-o", tmp_path / "missing" / "x.jsonl", "--store", tmp_path / "s")
    assert result.exit_code == 2 and result.stdout == ""
    assert "missing/x.jsonl: cannot write" in result.stderr
    assert not (tmp_path / "s").exists()  # nothing was run


def test_shell_completion_script():
    result = runner.invoke(app, ["--show-completion", "bash"], prog_name="factx")
    assert result.exit_code == 0 and "_FACTX_COMPLETE=complete_bash" in result.stdout


@pytest.mark.parametrize("words, expected", [
    ("factx con", {"conflicts"}),
    ("factx schema d", {"date", "document"}),
    ("factx facts --format js", {"json", "jsonl"}),
])
def test_shell_completion(words, expected):
    result = runner.invoke(app, [], prog_name="factx", env={
        "_FACTX_COMPLETE": "complete_bash", "COMP_WORDS": words, "COMP_CWORD": str(len(words.split()) - 1)})
    assert result.exit_code == 0 and set(result.stdout.split()) == expected


def test_entity_completion_from_the_store(seeds_store):
    words = f"factx conflicts --store {seeds_store} --entity Asim"
    result = runner.invoke(app, [], prog_name="factx", env={
        "_FACTX_COMPLETE": "complete_bash", "COMP_WORDS": words, "COMP_CWORD": "5"})
    assert result.exit_code == 0 and result.stdout.split("\n")[:1] == ["Asim Omar"]


@pytest.mark.parametrize("text, rule_id, key, allowed", [
    ("kind: date_cues\nrules:\n  - id: c\n    tense: sideways\n    patterns: [x]\n", "c", "tense", "past, future, none"),
    ("kind: entity_types\nrules:\n  - id: t\n    label: PERSN\n    words: [x]\n", "t", "label", "PERSON, NORP"),
    ("kind: hedges\nrules:\n  - id: h\n    scope: everywhere\n    words: [x]\n", "h", "scope", "adverb, modal"),
    ("kind: attributes\nrules:\n  - id: a\n    family: telepathy\n    words: [x]\n", "a", "family", "death, death_noun"),
])
def test_rules_check_names_file_rule_key_and_allowed_values(tmp_path, text, rule_id, key, allowed):
    (tmp_path / "mine.yml").write_text(text)
    result = run("rules", "check", tmp_path)
    assert result.exit_code == 2 and result.stdout == ""
    assert f"factx: {tmp_path / 'mine.yml'}: rule '{rule_id}': key '{key}': " in result.stderr
    assert f"is not allowed (allowed: {allowed}" in result.stderr


@pytest.mark.parametrize("flag, expected", [("-q", ""), ("", "rule files valid\n"), ("-v", "valid    ")])
def test_rules_check_messages(flag, expected):
    result = run("rules", "check", *([flag] if flag else []))
    assert result.exit_code == 0 and result.stdout == ""
    assert expected in result.stderr if expected else result.stderr == ""


def test_rules_check_never_imports_spacy(tmp_path):
    code = ("import sys, runpy\n"
            "sys.argv = ['factx', 'rules', 'check']\n"
            "try:\n    runpy.run_module('factx', run_name='__main__')\n"
            "except SystemExit as e:\n    code = e.code\n"
            "heavy = [m for m in ('spacy', 'thinc', 'dateparser', 'factx.stages') if m in sys.modules]\n"
            "sys.stderr.write(f'CODE={code} HEAVY=' + ','.join(heavy))\n")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT)
    assert result.stderr.rsplit("CODE=", 1)[1] == "0 HEAVY="


def test_model_hint_names_only_installed_pipelines(tmp_path):
    import spacy

    (tmp_path / "a.txt").write_text("Some text.")
    result = run("extract", tmp_path / "a.txt", "--model", "xx_no_such_model", "--store", tmp_path / "s")
    assert result.exit_code == 2 and result.stdout == ""
    hint = result.stderr.split("installed pipeline:", 1)[1]
    installed = spacy.util.get_installed_models()
    assert installed and all(name in hint for name in installed)
    assert all(name in installed for name in re.findall(r"[a-z]{2}_\w+", hint))


# --- the one writer ----------------------------------------------------------------------

def _written(records, fmt, kind="entity", **kw):
    import io

    from factx.output import write

    out = io.StringIO()
    count = write(records, kind=kind, fmt=fmt, out=out, **kw)
    return count, out.getvalue()


ENTITY_RECORDS = [{"schema": "factx.entity/1", "entity": "Jane Roe", "entity_id": "e1", "entity_type": "PERSON",
                   "variants": [{"name": "Jane Roe", "count": 2, "docs": ["a.txt", "b, c.txt"]},
                                {"name": "Roe", "count": 1, "docs": ["a.txt"]}]}]


@pytest.mark.parametrize("fmt, expected", [
    ("jsonl", json.dumps(ENTITY_RECORDS[0], ensure_ascii=False, separators=(", ", ": ")) + "\n"),
    ("json", "[" + json.dumps(ENTITY_RECORDS[0], ensure_ascii=False, separators=(", ", ": ")) + "]\n"),
    ("csv", 'entity,entity_id,entity_type,name,count,docs\nJane Roe,e1,PERSON,Jane Roe,2,"a.txt; b, c.txt"\n'
            "Jane Roe,e1,PERSON,Roe,1,a.txt\n"),
])
def test_writer_formats(fmt, expected):
    assert _written(ENTITY_RECORDS, fmt) == (1, expected)


def test_writer_json_of_nothing_is_an_empty_array():
    assert _written([], "json") == (0, "[]\n")


def test_writer_table_and_its_replacement():
    count, text = _written(ENTITY_RECORDS, "table")
    assert count == 1 and "Jane Roe (2: a.txt, b, c.txt)" in text and "Roe (1: a.txt)" in text
    assert _written(ENTITY_RECORDS, "table", table=lambda rows: (f"* {r['entity']}" for r in rows)) == \
        (1, "* Jane Roe\n")
    said = []
    assert _written([], "table", empty=lambda: said.append("none")) == (0, "") and said == ["none"]


def test_writer_never_reads_data_as_markup():
    record = {**ENTITY_RECORDS[0], "entity": "[bold]X[/bold] [See reports]"}
    assert "[bold]X[/bold] [See reports]" in _written([record], "table")[1]


def test_conflicts_of_a_place_list_its_events_unless_told_not_to(seeds_store):
    both = run("conflicts", "--entity", "Musa Qala", "--format", "jsonl", "--store", seeds_store)
    assert both.exit_code == 0, both.stderr
    assert {json.loads(line)["entity"] for line in both.stdout.splitlines()} == {"raid in Musa Qala"}
    own = run("conflicts", "--entity", "Musa Qala", "--no-events", "--format", "jsonl", "--store", seeds_store)
    assert own.exit_code == 0 and own.stdout == ""
    assert own.stderr == ""  # machine formats say nothing of an empty answer
