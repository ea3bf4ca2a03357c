"""One source of figures: the README's benchmark section and bench/results.md are rendered
from the committed bench/results.json; the report's ratios come from interleaved pairs."""

from __future__ import annotations

import importlib.util
import json
import sys

import pytest

from conftest import ROOT

BENCH = ROOT / "bench"


def _load(name: str):
    sys.path.insert(0, str(BENCH))
    try:
        spec = importlib.util.spec_from_file_location(f"bench_{name}", BENCH / f"{name}.py")
        module = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(module)
        return module
    finally:
        sys.path.remove(str(BENCH))


bench_run = _load("run")
common = _load("common")
REPORT = json.loads((BENCH / "results.json").read_text(encoding="utf-8"))


def test_readme_benchmark_section_is_rendered_from_the_committed_report():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    section = readme.split(bench_run.BEGIN, 1)[1].split(bench_run.END, 1)[0]
    expected = bench_run.readme_section(REPORT)
    assert bench_run.BEGIN + section + bench_run.END == expected, \
        "README figures differ from bench/results.json: run '.venv/bin/python bench/run.py --report-only'"


def test_results_md_is_rendered_from_results_json():
    assert (BENCH / "results.md").read_text(encoding="utf-8") == bench_run.render_markdown(REPORT), \
        "bench/results.md differs from bench/results.json: run '.venv/bin/python bench/run.py --report-only'"


def test_committed_report_is_a_full_run_of_every_benchmark():
    assert REPORT["quick"] is False
    for name in bench_run.BENCHES:
        assert "error" not in REPORT["results"][name], name
    assert REPORT["load"]["before"] and REPORT["load"]["after"]


def _ratios(data, path=()):
    if isinstance(data, dict):
        if "pairs" in data and "median" in data:
            yield path, data
        for key, value in data.items():
            if key not in ("runs",):
                yield from _ratios(value, path + (key,))


def test_every_ratio_of_the_report_is_a_median_of_three_pairs_or_says_otherwise():
    found = list(_ratios(REPORT["results"]))
    assert len(found) >= 10
    for path, value in found:
        if value["pairs"] < 3:
            assert "note" in value, path  # e.g. memory at 3,000 documents: one run, said so
        if value["pairs"] > 1 or "min" in value:  # one run: a spread only against its base's runs
            assert value["min"] <= value["median"] <= value["max"], path
        assert "under_load" in value, path


def test_a_figure_under_load_is_marked_and_one_without_is_not():
    report = {"machine": "m", "date": "d", "load": {"before": [0.1], "after": [0.2]},
              "results": {"speed": {"ratio_j1_over_bare": {"median": 1.2, "min": 1.1, "max": 1.3, "pairs": 3,
                                                           "under_load": True},
                                    "speedup_j2_over_j1": {"median": 1.7, "min": 1.6, "max": 1.8, "pairs": 3,
                                                           "under_load": False}}}}
    rows = {row[0]: row for row in bench_run.rows(report)}
    loaded = rows["extract -j 1 time / bare spaCy time (wall)"]
    assert loaded[1] == "1.20 (1.10-1.30)" and loaded[2] == "3 pairs" and loaded[4] == "under load"
    assert rows["extract -j 2 speed-up over -j 1"][4] == ""


@pytest.mark.parametrize("runs,expected", [
    ([1.0, 1.0, 1.0], 1.0),
    ([3, 1, 2], {"median": 2, "min": 1, "max": 3, "n": 3}),
    ([{"a": 1, "b": "x"}, {"a": 3, "b": "y"}], {"a": {"median": 2.0, "min": 1, "max": 3, "n": 2}, "b": "x"}),
    ([True, False], True),
])
def test_repeated_runs_merge_into_median_and_spread(runs, expected):
    assert bench_run.merge_runs(runs) == expected


def test_ratio_is_taken_within_each_round():
    runs = {"a": [{"seconds": 2.0, "others_cores": 0.0}, {"seconds": 4.0, "others_cores": 0.5},
                  {"seconds": 3.0, "others_cores": 0.0}],
            "b": [{"seconds": 1.0, "others_cores": 0.0}, {"seconds": 1.0, "others_cores": 0.0},
                  {"seconds": 2.0, "others_cores": 0.1}]}
    r = common.ratio(runs, "a", "b")
    assert r["values"] == [2.0, 4.0, 1.5] and r["median"] == 2.0 and (r["min"], r["max"]) == (1.5, 4.0)
    assert r["pairs"] == 3 and r["under_load"] is True and r["others_cores_max"] == 0.5


def test_stage_shares_give_cpu_seconds_the_first_pass_and_a_table_largest_first():
    speed = _load("speed")
    passes = [{"spaCy: ner": 6.0, "factx: mentions": 2.0, "factx: dates": 1.0},  # first pass: one-time costs
              {"spaCy: ner": 6.0, "factx: mentions": 1.0, "factx: dates": 1.0},
              {"spaCy: ner": 6.2, "factx: mentions": 1.0, "factx: dates": 0.8}]
    shares = speed.shares(passes)
    assert shares["first_pass"]["stages"]["factx: mentions"] == round(2 / 9, 4)
    assert shares["first_pass"]["factx"] == round(3 / 9, 4)
    assert shares["cpu_seconds"]["factx: mentions"]["median"] == 1.0
    assert shares["stages"]["factx: mentions"]["median"] == round(1 / 8, 4)
    table = bench_run.stage_table({"stage_shares": shares})
    assert [line.split(" | ")[0] for line in table[2:5]] == ["| spaCy: ner", "| factx: mentions", "| factx: dates"]
    assert "0.222" in table[3] and table[-1].startswith("| **spaCy** / **factx**")
    assert bench_run.stage_table({}) == []
