"""Benchmark of the date stage: TempEval-3 platinum, and its share of extract time.

    .venv/bin/python bench/dates.py            # (make bench-dates)

1. Runs `factx dates --published DCT FILE...` (the CLI, one process per DCT) over the
   articles of ../shared/bench/tempeval3/docs, converts the `factx.date/1` records to the
   kit's system format and scores them with the kit's score.py, beside the kit's runs
   (strict, relaxed, value and type F1).
2. Times the date stage against the whole extract pipeline on seeds/*.txt, in one
   process: each component of the pipeline is timed on each seed, and the share is the
   time of `factx_dates` over the time of all of them (tokenizer included).
3. Writes everything to bench/out/dates.json.

The kit is evaluation data: nothing of it is copied into the repository.
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
OUT = ROOT / "bench" / "out" / "dates.json"
SYSTEMS = ("heideltime-english-3", "navytime-1", "sutime", "cleartk-1")


def factx_command() -> list[str]:
    exe = ROOT / ".venv" / "bin" / "factx"
    return [str(exe)] if exe.exists() else [sys.executable, "-m", "factx"]


def run_factx(docs: list[dict]) -> tuple[list[dict], float]:
    """The kit's system rows from `factx dates`, and the wall time of the CLI runs."""
    by_dct: dict[str, list[dict]] = defaultdict(list)
    for d in docs:
        by_dct[d["dct"]].append(d)
    rows: list[dict] = []
    elapsed = 0.0
    for dct, group in sorted(by_dct.items()):
        paths = {str((KIT / d["path"]).resolve()): d["doc"] for d in group}
        started = time.perf_counter()
        proc = subprocess.run([*factx_command(), "dates", "--published", dct, *paths],
                              capture_output=True, text=True, cwd=ROOT)
        elapsed += time.perf_counter() - started
        if proc.returncode != 0:
            sys.exit(f"bench/dates.py: 'factx dates' failed ({proc.returncode}):\n{proc.stderr}")
        for line in proc.stdout.splitlines():
            record = json.loads(line)
            name = paths.get(str(Path(record["doc"]).resolve()))
            if name is None:
                sys.exit(f"bench/dates.py: unexpected doc {record['doc']!r} in factx output")
            rows.append({"doc": name, "start": record["start"], "end": record["end"],
                         "value": record["value"] or "", "type": record["type"],
                         "text": record["text"]})
    return rows, elapsed


def score(path: Path) -> dict:
    proc = subprocess.run([sys.executable, str(KIT / "score.py"), str(path), "--json"],
                          capture_output=True, text=True)
    if proc.returncode != 0:
        sys.exit(f"bench/dates.py: score.py failed on {path}:\n{proc.stderr}")
    return json.loads(proc.stdout)


def stage_share() -> dict:
    """Time of the date stage over the whole per-document pipeline on the seeds."""
    from factx.pipeline import load_model, make_doc
    from factx.rules import load_rules
    from factx.stages.ingest import read_inputs

    nlp = load_model(None)
    articles = [a for a in read_inputs([str(ROOT / "seeds")], rules=load_rules())
                if not isinstance(a, Exception)]
    per_stage: dict[str, float] = defaultdict(float)
    rounds = 3
    for _ in range(rounds):
        for article in articles:
            started = time.perf_counter()
            doc = make_doc(nlp, article)
            per_stage["tokenizer"] += time.perf_counter() - started
            for name, proc in nlp.pipeline:
                started = time.perf_counter()
                doc = proc(doc)
                per_stage[name] += time.perf_counter() - started
    total = sum(per_stage.values())
    return {"docs": len(articles), "rounds": rounds,
            "seconds": {k: round(v, 4) for k, v in per_stage.items()},
            "share": round(per_stage.get("factx_dates", 0.0) / total, 4) if total else None}


def main() -> int:
    docs = [json.loads(line) for line in (KIT / "docs.jsonl").read_text().splitlines() if line.strip()]
    rows, elapsed = run_factx(docs)
    with tempfile.NamedTemporaryFile("w", suffix=".jsonl", delete=False) as f:
        for row in rows:
            f.write(json.dumps(row) + "\n")
        run_path = Path(f.name)
    results = {"factx": score(run_path)}
    for system in SYSTEMS:
        results[system] = score(KIT / "runs" / f"{system}.jsonl")
    run_path.unlink()

    header = f"{'system':<22}{'strict':>8}{'relaxed':>9}{'value':>8}{'type':>8}"
    lines = [f"TempEval-3 platinum ({len(docs)} articles, {results['factx']['counts']['gold']} gold TIMEX3)",
             header, "-" * len(header)]
    for name, r in results.items():
        lines.append(f"{name:<22}{r['strict']['f1']:>8.2f}{r['relaxed']['f1']:>9.2f}"
                     f"{r['value']['f1']:>8.2f}{r['type']['f1']:>8.2f}")
    lines.append(f"factx dates: {len(docs)} articles in {elapsed:.1f} s "
                 f"({len(docs) / elapsed:.1f} articles/s with model loading)")
    share = stage_share()
    lines.append(f"date stage share of extract time on seeds: {share['share'] * 100:.1f}% "
                 f"({share['docs']} docs x {share['rounds']} rounds)")
    sys.stdout.write("\n".join(lines) + "\n")

    OUT.parent.mkdir(parents=True, exist_ok=True)
    OUT.write_text(json.dumps({"tempeval3": results, "factx_seconds": round(elapsed, 2),
                               "articles": len(docs), "stage_share": share,
                               "run": rows}, indent=1) + "\n")
    sys.stdout.write(f"wrote {OUT.relative_to(ROOT)}\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
