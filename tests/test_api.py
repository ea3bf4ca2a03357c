"""factx as a library: `import factx` gives records without the command line."""

from __future__ import annotations

import io
import json
import re
import sqlite3
import subprocess
import sys
import tomllib
from importlib import metadata
from pathlib import Path

import pytest
from typer.testing import CliRunner

import factx
from factx.cli import app

from conftest import ROOT


def cli_json(*args):
    result = CliRunner().invoke(app, [str(a) for a in args])
    assert result.exit_code == 0, result.stderr
    return json.loads(result.stdout)


def test_import_factx_is_light():
    code = ("import sys, factx\n"
            "db = factx.open_store\n"
            "print(','.join(m for m in ('spacy', 'thinc', 'dateparser', 'rapidfuzz', 'typer', 'rich')"
            " if m in sys.modules))")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT)
    assert result.returncode == 0 and result.stdout.strip() == "" and result.stderr == ""


def test_public_names():
    for name in ("extract", "open_store", "dates", "read_facts", "conflicts_in", "check_rules", "schema",
                 "FactStore", "Run", "FactxError", "UnknownEntity", "StoreError", "__version__"):
        assert hasattr(factx, name), name


def test_extract_stays_the_function_once_its_module_is_loaded():
    from factx.extract import run_extract  # noqa: F401  (loads the submodule factx/extract.py)

    import factx.extract  # noqa: F401

    assert callable(factx.extract) and factx.extract.__module__ == "factx.api"


# --- the store -------------------------------------------------------------------------------

def test_the_library_answers_what_the_command_line_prints(seeds_store):
    with factx.open_store(seeds_store) as db:
        assert list(db.facts(entity="asim omar", attribute="name")) == \
            [json.loads(line) for line in CliRunner().invoke(
                app, ["facts", "-e", "asim omar", "-a", "name", "--store", str(seeds_store)]).stdout.splitlines()]
        assert list(db.conflicts(entity="Asim Umar")) == \
            cli_json("conflicts", "-e", "Asim Umar", "-f", "json", "--store", seeds_store)
        assert list(db.conflicts()) == cli_json("conflicts", "-f", "json", "--store", seeds_store)
        assert db.entities("umar") == cli_json("entities", "umar", "-f", "json", "--store", seeds_store)
        assert db.documents() == cli_json("documents", "-f", "json", "--store", seeds_store)
        assert db.status() == cli_json("status", "-f", "json", "--store", seeds_store)


def test_store_queries(seeds_store):
    with factx.open_store(seeds_store) as db:
        assert db.path == Path(seeds_store)
        deaths = list(db.facts(entity="Asim Umar", attribute="date_of_death"))
        assert deaths and {f["entity"] for f in deaths} == {"Asim Omar"}  # the run's most frequent spelling
        assert {f["attribute"] for f in deaths} == {"date_of_death"}
        hard = list(db.conflicts(min_severity="hard"))
        assert all(c["severity"] == "hard" for c in hard)
        assert [e["entity"] for e in db.entities("raja umar")] == ["Raja Umar Khattab"]
        documents = db.documents()
        assert [d["doc"] for d in documents] == sorted(f"seeds/{p.name}" for p in (ROOT / "seeds").iterdir())
        assert sum(d["facts"] for d in documents) == db.status()["facts"]
        assert "Asim Omar" in db.entity_names() and "date_of_death" in db.attributes()


@pytest.mark.parametrize("call", [
    lambda db: list(db.facts(entity="Nobody Atall")),
    lambda db: list(db.conflicts(entity="Nobody Atall")),
    lambda db: db.entities("nobody atall"),
])
def test_unknown_entity_raises_with_closest_names(seeds_store, call):
    with factx.open_store(seeds_store) as db, pytest.raises(factx.UnknownEntity) as info:
        call(db)
    assert info.value.query.lower() == "nobody atall"


def test_open_store_without_a_store(tmp_path):
    with pytest.raises(factx.StoreError) as info:
        factx.open_store(tmp_path / "none")
    assert "no factx store" in info.value.message and not (tmp_path / "none").exists()
    with factx.open_store(tmp_path / "new", create=True) as db:
        assert db.status()["facts"] == 0 and db.documents() == [] and list(db.conflicts()) == []


# --- the facts_resolved view ---------------------------------------------------------------

def test_facts_resolved_view_is_what_facts_gives(seeds_store):
    """What a Datasette or sqlite-utils user queries is what factx prints."""
    conn = sqlite3.connect(f"file:{seeds_store / 'factx.sqlite'}?mode=ro", uri=True)
    conn.row_factory = sqlite3.Row
    rows = conn.execute("SELECT * FROM facts_resolved ORDER BY doc, seq").fetchall()
    with factx.open_store(seeds_store) as db:
        facts = list(db.facts())
    assert len(rows) == len(facts) > 100
    for row, fact in zip(rows, facts):
        as_fact = {key: row[key] for key in fact if key != "schema"}
        assert {**as_fact, "entity_id": as_fact["entity_id"] or ""} == {k: v for k, v in fact.items() if k != "schema"}
    # the README's example query
    deaths = conn.execute("SELECT entity, value, doc FROM facts_resolved "
                          "WHERE attribute = 'date_of_death' AND entity = 'Asim Omar'").fetchall()
    assert {r["value"] for r in deaths} >= {"2019-09-23"}


# --- facts from JSONL ------------------------------------------------------------------------

def test_read_facts_skips_other_records_and_names_a_bad_line(tmp_path):
    fact = {"schema": "factx.fact/1", "entity": "A"}
    path = tmp_path / "f.jsonl"
    path.write_text(json.dumps({"golden": 1}) + "\n\n" + json.dumps(fact) + "\n{oops\n")
    reader = factx.read_facts(path)
    assert next(reader) == fact
    with pytest.raises(factx.InputError) as info:
        next(reader)
    assert info.value.path == str(path) and info.value.line == 4
    assert list(factx.read_facts(io.StringIO(json.dumps(fact) + "\n"))) == [fact]
    with pytest.raises(factx.InputError, match="cannot read"):
        list(factx.read_facts(tmp_path / "missing.jsonl"))


def test_conflicts_in_facts_match_the_store(seeds_store):
    with factx.open_store(seeds_store) as db:
        facts = list(db.facts())
        assert list(factx.conflicts_in(facts, entity="Asim Umar")) == list(db.conflicts(entity="Asim Umar"))
        assert list(factx.conflicts_in(facts)) == list(db.conflicts())


# --- extract ---------------------------------------------------------------------------------

@pytest.mark.model
def test_extract_one_path_into_a_new_store(tmp_path):
    article = tmp_path / "a.txt"
    article.write_text("Oct 8, 2019\n\nJohn Smith, 52, met Mary Jones in Paris on Monday.\n")
    missing = tmp_path / "missing.txt"
    seen, errors = [], []
    run = factx.extract([article, missing], store=tmp_path / "store", published="2019-10-08",
                        on_document=lambda path, state: seen.append((path, state)), on_error=errors.append)
    assert (run.counts.new, run.counts.failed) == (1, 1)
    assert seen == [(str(article), "new")]
    assert [e.path for e in errors] == [e.path for e in run.errors] == [str(missing)]
    facts = list(run.facts())
    assert facts and {f["doc"] for f in facts} == {str(article)} and {f["published"] for f in facts} == {"2019-10-08"}
    again = factx.extract(str(article), store=run.store)  # one path as a string; the same open store
    assert (again.counts.new, again.counts.unchanged) == (0, 1)
    assert list(again.facts()) == facts
    with factx.open_store(tmp_path / "store") as db:
        assert db.status()["last_run"] == {"new": 0, "changed": 0, "unchanged": 1, "failed": 0}


def test_extract_with_invalid_rules_raises_before_reading(tmp_path):
    rules = tmp_path / "rules"
    rules.mkdir()
    (rules / "x.yml").write_text("kind: date_cues\nrules:\n  - id: c\n    tense: sideways\n    patterns: [x]\n")
    with pytest.raises(factx.RuleError) as info:
        factx.extract(tmp_path / "nothing.txt", store=tmp_path / "s", rules=rules)
    assert (info.value.rule_id, info.value.key) == ("c", "tense")


# --- rules and schemas -----------------------------------------------------------------------

def test_check_rules(tmp_path):
    assert factx.check_rules() == []
    (tmp_path / "x.yml").write_text("kind: honorifics\nrules:\n  - id: h\n    words: [Dr.]\n    type: PERSN\n")
    problems = factx.check_rules(tmp_path)
    assert [(p.path, p.rule_id, p.key) for p in problems] == [(str(tmp_path / "x.yml"), "h", "type")]


def test_schema():
    assert factx.schema("fact")["title"] == "factx.fact/1"
    with pytest.raises(KeyError, match="known: fact, conflict"):
        factx.schema("person")


# --- dependencies ----------------------------------------------------------------------------

def _declared() -> list[str]:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]
    extras = [d for group in project["optional-dependencies"].values() for d in group]
    return [re.split(r"[<>=!\[ ;]", d, maxsplit=1)[0] for d in project["dependencies"] + extras]


def _imported_in(folders: list[str]) -> set[str]:
    found = set()
    for folder in folders:
        for path in (ROOT / folder).rglob("*.py"):
            found |= set(re.findall(r"^\s*(?:import|from)\s+([A-Za-z_]\w*)", path.read_text(), re.M))
    return found


def _import_names(dependency: str) -> set[str]:
    """The top-level modules a distribution installs (dask's cluster is distributed)."""
    names = {name for name, dists in metadata.packages_distributions().items()
             if dependency.lower() in (d.lower() for d in dists)}
    return {n for n in names if not n.startswith("_")} | ({"distributed"} if dependency == "dask" else set())


#: declared to bound the version of what another declared dependency runs with it
THROUGH = {"htmldate": "trafilatura"}  # trafilatura's date finder, whose date factx reads


@pytest.mark.parametrize("dependency", _declared())
def test_every_declared_dependency_is_used(dependency):
    test_only = dependency in ("pytest", "hypothesis", "jsonschema")
    used = _imported_in(["factx"]) | (_imported_in(["tests", "bench"]) if test_only else set())
    if dependency in THROUGH:
        user = THROUGH[dependency]
        assert any(re.match(rf"{dependency}\b", r) for r in metadata.requires(user) or [])
        dependency = user
    names = _import_names(dependency)
    assert names and names & used


@pytest.mark.parametrize("given, expected", [
    ("2019-10-08", "2019-10-08"), ("Tue, 08 Oct 2019 06:00:00 GMT", "2019-10-08"), (None, None)])
def test_published_dates_the_library_reads(given, expected):
    from datetime import date

    from factx.api import _iso

    assert _iso(given) == expected
    assert _iso(date(2019, 10, 8)) == "2019-10-08"


def test_an_impossible_published_date_stops_before_the_run(tmp_path):
    with pytest.raises(factx.UsageError) as info:
        factx.extract(tmp_path / "a.txt", store=tmp_path / "s", published="2019-02-30")
    assert "is not a calendar date" in info.value.message and not (tmp_path / "s").exists()


def test_conflicts_of_a_place_take_in_the_events_placed_there(seeds_store):
    # the seeds' raid is placed in its district: its disagreements are the district's too
    with factx.open_store(seeds_store) as db:
        with_events = list(db.conflicts(entity="Musa Qala"))
        assert with_events and {c["entity_type"] for c in with_events} == {"EVENT"}
        assert {c["entity"] for c in with_events} == {"raid in Musa Qala"}
        assert list(db.conflicts(entity="Musa Qala", events=False)) == []
        # the person is no place: nothing is added to his own conflicts
        own = list(db.conflicts(entity="Asim Umar"))
        assert own == list(db.conflicts(entity="Asim Umar", events=False))
        assert list(factx.conflicts_in(list(db.facts()), entity="Musa Qala")) == with_events
