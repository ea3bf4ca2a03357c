"""`make bench`: run every benchmark and write one report, bench/results.md (+ JSON).

Each benchmark is a script of its own that writes bench/out/NAME.json; this one runs
them in turn (a failing one is reported, the rest go on) and puts their numbers,
each as a ratio against its baseline from the same run, into one Markdown report
with the machine described.
"""

from __future__ import annotations

import json
import os
import platform
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
OUT = HERE / "out"
BENCHES = ["speed", "dates", "aliases", "facts", "conflicts"]
ARGS = {"conflicts": ["--loader", "load_facts:load_store"]}


def machine() -> str:
    cpu = "?"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    mem = "?"
    try:
        kib = int(Path("/proc/meminfo").read_text().split()[1])
        mem = f"{kib / 1024 / 1024:.0f} GiB"
    except (OSError, ValueError, IndexError):
        pass
    return f"{os.cpu_count()} cores ({cpu}), {mem} RAM, Python {platform.python_version()}, {platform.platform()}"


def run(name: str) -> dict:
    script = HERE / f"{name}.py"
    if not script.exists():
        return {"error": "not written yet"}
    start = time.perf_counter()
    proc = subprocess.run([sys.executable, str(script), *ARGS.get(name, [])], cwd=HERE.parent, capture_output=True, text=True)
    took = round(time.perf_counter() - start, 1)
    sys.stderr.write(proc.stderr[-2000:])
    print(proc.stdout[-4000:])
    if proc.returncode != 0:
        return {"error": f"exit {proc.returncode}", "seconds": took}
    try:
        data = json.loads((OUT / f"{name}.json").read_text())
    except (OSError, ValueError):
        data = {"error": "no bench/out JSON"}
    data["bench_seconds"] = took
    return data


def _get(data: dict, *path, default="n/a"):
    for key in path:
        if not isinstance(data, dict) or key not in data:
            return default
        data = data[key]
    return data


def summary(results: dict) -> str:
    """The headline numbers, each beside its target or baseline."""
    sp, da, al, fa, co = (results.get(k, {}) for k in ("speed", "dates", "aliases", "facts", "conflicts"))
    ratio = _get(sp, "ratio_to_bare_spacy")
    rows = [
        ("extract -j 1 time / bare spaCy time (both incl. model load)", _get(ratio, "factx_j1"), "<= 1.25"),
        ("extract -j 2 speed-up over -j 1", _get(sp, "speedup_j2_over_j1"), ">= 1.6"),
        ("extract Dask (2 workers) speed-up over -j 1", _get(sp, "speedup_dask_over_j1"), ""),
        ("peak RSS 400 / 50 articles", _get(sp, "rss_ratio_400_over_50"), "<= 1.3"),
        ("words/s bare spaCy, -j 1, -j 2, Dask", " / ".join(str(v) for v in _get(sp, "words_per_second", default={}).values()), ""),
        ("date stage share of extract time (seeds)", _get(da, "stage_share", "share"), "<= 0.15"),
        ("TempEval-3 value F1 (HeidelTime 77.61)", _get(da, "tempeval3", "factx", "value", "f1"), "> 77.61"),
        ("TempEval-3 relaxed F1 (HeidelTime 90.30)", _get(da, "tempeval3", "factx", "relaxed", "f1"), "> 90.30"),
        ("AQUAINT value F1: all / development / held-out (HeidelTime 72.95)",
         " / ".join(str(_get(da, "aquaint", k, "value", "f1"))
                    for k in ("factx", "factx development part", "factx held-out part")), "> 72.95"),
        ("AQUAINT relaxed F1: all / development / held-out (HeidelTime 91.78)",
         " / ".join(str(_get(da, "aquaint", k, "relaxed", "f1"))
                    for k in ("factx", "factx development part", "factx held-out part")), "> 91.78"),
        ("date stage share of extract time (TempEval-3 articles)", _get(da, "stage_share", "tempeval3", "share"), "<= 0.15"),
        ("alias pairs precision / recall", f"{_get(al, 'joint', 'precision')} / {_get(al, 'joint', 'recall')}", "precision first"),
        ("alias resolution 10k / 100k names (s)", f"{_get(al, 'scale', '10k', 'seconds')} / {_get(al, 'scale', '100k', 'seconds')}", "100k < 10"),
        ("conflicts --entity on the seeds' store (s)", _get(co, "seeds", "entity_json_seconds_median"), "< 0.5"),
        ("conflicts --entity on 1M facts (s)", _get(co, "store", "entity_json_seconds"), "< 1"),
        ("full conflicts report on 1M facts (s)", _get(co, "store", "report_jsonl_seconds"), "< 60"),
    ]
    lines = ["## Summary", "", "| measure | value | target |", "|---|---|---|"]
    lines += [f"| {a} | {b} | {c} |" for a, b, c in rows]
    return "\n".join(lines) + "\n"


def section(name: str, data: dict) -> str:
    lines = [f"## {name}", ""]
    if "error" in data:
        lines.append(f"not measured: {data['error']}")
    lines += ["```json", json.dumps(data, indent=2)[:6000], "```", ""]
    return "\n".join(lines)


def main() -> None:
    OUT.mkdir(exist_ok=True)
    args = sys.argv[1:]
    results = {}
    if args == ["--report-only"]:  # rebuild the report from bench/out/*.json
        for name in BENCHES:
            try:
                results[name] = json.loads((OUT / f"{name}.json").read_text())
            except (OSError, ValueError):
                results[name] = {"error": "no bench/out JSON"}
    else:
        for name in args or BENCHES:
            print(f"== bench {name}", flush=True)
            results[name] = run(name)
    report = {"machine": machine(), "date": time.strftime("%Y-%m-%d"), "results": results}
    (HERE / "results.json").write_text(json.dumps(report, indent=2) + "\n")
    md = [f"# factx benchmarks\n\nMachine: {report['machine']}  \nDate: {report['date']}\n", summary(results)]
    md += [section(name, data) for name, data in results.items()]
    (HERE / "results.md").write_text("\n".join(md))
    print(f"wrote {HERE / 'results.md'}")


if __name__ == "__main__":
    main()
