"""Speed of `find_conflicts`, against the cost of just reading the facts.

    .venv/bin/python bench/conflicts.py [--facts 1000000]
    .venv/bin/python bench/conflicts.py --loader mymodule:load_store   # + store timings
    .venv/bin/python bench/conflicts.py --store .factx --entity "NAME"  # an existing store

Measured, in this order, in one run:
  read      JSONL of N generated facts (bench/gen_facts.py, sorted by entity), read
            and `json.loads`-ed: the baseline
  report    the same, through `find_conflicts` and `rank_conflicts`, every conflict
            `json.dumps`-ed: the full report from the pure library (target < 60 s)
            read and report alternate for `--rounds` rounds (A B A B ...): their ratio
            is the median of the rounds, with min and max
  entity    `find_conflicts` over one entity's facts, the largest and a median one
            (the library's share of `conflicts --entity`, target < 1 s wall in all)
  seeds     `factx extract seeds/` into a temporary store, then the wall time of
            `factx conflicts --entity NAME --format json` for the entity ranked first
            (target < 0.5 s), and of the same as the terminal memo (`--format table`):
            each the median of 5 with min and max
  store     optional: with `--loader MODULE:FUNCTION` (called as
            `FUNCTION(jsonl_path, store_dir)` to fill a store), or with `--store DIR`,
            the wall time of `factx conflicts --entity NAME --format json` (median of
            `--rounds`) and of the full `factx conflicts --format jsonl` (once) in a
            subprocess.
Writes bench/out/conflicts.json; the generated JSONL is removed unless `--keep`.
"""

from __future__ import annotations

import argparse
import importlib
import json
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from itertools import groupby
from operator import itemgetter
from pathlib import Path
from typing import Callable, Iterator

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "bench" / "out"
sys.path[:0] = [str(ROOT), str(ROOT / "bench")]

from common import interleaved, load_of, ratio, spread  # noqa: E402
from factx.conflicts import find_conflicts, rank_conflicts  # noqa: E402
from gen_facts import facts as generate  # noqa: E402

TARGETS = {"report_seconds": 60.0, "entity_seconds": 1.0, "seeds_entity_seconds": 0.5}


def read_facts(path: Path) -> Iterator[dict]:
    with path.open(encoding="utf-8") as lines:
        for line in lines:
            yield json.loads(line)


def ensure_facts(n: int) -> tuple[Path, float | None]:
    """The JSONL of `n` generated facts, written once and reused."""
    path = OUT / f"facts-{n}.jsonl"
    if path.exists():
        return path, None
    start = time.perf_counter()
    tmp = path.with_suffix(".tmp")
    with tmp.open("w", encoding="utf-8") as out:
        for record in generate(n):
            out.write(json.dumps(record, ensure_ascii=False) + "\n")
    tmp.replace(path)
    return path, round(time.perf_counter() - start, 2)


def timed(fn: Callable[[], object]) -> tuple[float, object]:
    start = time.perf_counter()
    result = fn()
    return time.perf_counter() - start, result


def full_report(path: Path) -> tuple[int, int]:
    conflicts = 0
    size = 0
    for conflict in rank_conflicts(find_conflicts(read_facts(path))):
        size += len(json.dumps(conflict, ensure_ascii=False))
        conflicts += 1
    return conflicts, size


def entity_samples(path: Path) -> tuple[list[dict], list[dict]]:
    """The facts of the largest entity and of a median-sized one."""
    largest: list[dict] = []
    sizes: list[int] = []
    median_facts: list[dict] = []
    for _, group in groupby(read_facts(path), key=itemgetter("entity_id")):
        facts = list(group)
        sizes.append(len(facts))
        if len(facts) > len(largest):
            largest = facts
    median = statistics.median(sizes)
    for _, group in groupby(read_facts(path), key=itemgetter("entity_id")):
        facts = list(group)
        if len(facts) == median:
            median_facts = facts
            break
    return largest, median_facts or largest


def best_of(fn: Callable[[], object], repeat: int = 20) -> float:
    return min(timed(fn)[0] for _ in range(repeat))


def cli_seconds(store: Path, *args: str) -> float:
    cmd = [sys.executable, "-m", "factx", "conflicts", "--store", str(store), *args]
    start = time.perf_counter()
    proc = subprocess.run(cmd, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                          text=True)
    took = time.perf_counter() - start
    if proc.returncode not in (0, 3):
        raise RuntimeError(f"{' '.join(cmd)}: exit {proc.returncode}: {proc.stderr[-500:]}")
    return round(took, 3)


def store_timings(store: Path, entity: str, rounds: int) -> dict:
    entity_runs = [cli_seconds(store, "--entity", entity, "--format", "json") for _ in range(rounds)]
    return {"store": str(store), "entity": entity,
            "entity_json_seconds": spread(entity_runs),
            "report_jsonl_seconds": cli_seconds(store, "--format", "jsonl")}


def seeds_timing() -> dict | None:
    """`conflicts --entity` on a store of the seed articles, for the entity the full
    report ranks first; None when the seeds or the extractor are unavailable."""
    seeds = ROOT / "seeds"
    if not seeds.is_dir():
        return None
    store = Path(tempfile.mkdtemp(prefix="factx-bench-seeds-"))
    extract = subprocess.run([sys.executable, "-m", "factx", "extract", str(seeds), "--store",
                              str(store), "--quiet"], cwd=ROOT, capture_output=True, text=True)
    if extract.returncode != 0:
        return {"error": f"extract exit {extract.returncode}: {extract.stderr[-300:]}"}
    report = subprocess.run([sys.executable, "-m", "factx", "conflicts", "--store", str(store),
                             "--format", "jsonl"], cwd=ROOT, capture_output=True, text=True)
    first = report.stdout.splitlines()[:1]
    if not first:
        return {"error": "no conflicts in the seeds' store"}
    entity = json.loads(first[0])["entity"]
    runs = [cli_seconds(store, "--entity", entity, "--format", "json") for _ in range(5)]
    memo = [cli_seconds(store, "--entity", entity, "--format", "table") for _ in range(5)]
    return {"entity": entity, "entity_json_seconds": spread(runs), "entity_memo_seconds": spread(memo),
            "report_jsonl_seconds": cli_seconds(store, "--format", "jsonl")}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--facts", type=int, default=int(os.environ.get("FACTX_BENCH_FACTS", 1_000_000)))
    parser.add_argument("--loader", help="MODULE:FUNCTION filling a store from the JSONL")
    parser.add_argument("--store", type=Path, help="time `factx conflicts` on this store")
    parser.add_argument("--entity", help="entity for the store timing (default: the largest)")
    parser.add_argument("--rounds", type=int, default=3, help="interleaved read/report pairs")
    parser.add_argument("--keep", action="store_true",
                        help="keep bench/out/facts-N.jsonl (about 530 MB for 1M) for the next run")
    args = parser.parse_args(argv)
    OUT.mkdir(parents=True, exist_ok=True)

    path, generate_seconds = ensure_facts(args.facts)
    sizes: list[tuple[int, int]] = []

    def report_run() -> float:
        seconds, counted = timed(lambda: full_report(path))
        sizes.append(counted)  # type: ignore[arg-type]
        return seconds

    runs = interleaved({"read": lambda: timed(lambda: sum(1 for _ in read_facts(path)))[0],
                        "report": report_run}, args.rounds)
    read_seconds = statistics.median(r["seconds"] for r in runs["read"])
    report_seconds = statistics.median(r["seconds"] for r in runs["report"])
    conflicts, size = sizes[0]
    largest, median = entity_samples(path)
    result = {
        "facts": args.facts,
        "generate_seconds": generate_seconds,
        "baseline_read_seconds": spread([r["seconds"] for r in runs["read"]], 2),
        "report_seconds": spread([r["seconds"] for r in runs["report"]], 2),
        "report_ratio_vs_read": ratio(runs, "report", "read", digits=2),
        "library_facts_per_second": round(args.facts / max(report_seconds - read_seconds, 1e-9)),
        "report_facts_per_second": round(args.facts / report_seconds),
        "conflicts": conflicts,
        "report_json_mb": round(size / 1e6, 1),
        "entity_largest": {"facts": len(largest),
                           "seconds": round(best_of(lambda: list(find_conflicts(largest))), 4)},
        "entity_median": {"facts": len(median),
                          "seconds": round(best_of(lambda: list(find_conflicts(median))), 5)},
        "peak_rss_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024),
        "targets": TARGETS,
        "store": None,
    }
    result["seeds"] = seeds_timing()
    if args.loader or args.store:
        store = args.store
        if args.loader:
            module, _, function = args.loader.partition(":")
            store = Path(tempfile.mkdtemp(prefix="factx-bench-store-"))
            load_seconds, _ = timed(lambda: getattr(importlib.import_module(module), function)(
                str(path), str(store)))
            result["store_load_seconds"] = round(load_seconds, 1)
        entity = args.entity or largest[0]["entity"]
        result["store"] = store_timings(store, entity, args.rounds)  # type: ignore[arg-type]
    seeds = result["seeds"] or {}
    result["pass"] = (report_seconds < TARGETS["report_seconds"]
                      and result["entity_largest"]["seconds"] < TARGETS["entity_seconds"]
                      and (seeds.get("entity_json_seconds") or {}).get("median", 0) < TARGETS["seeds_entity_seconds"])
    result.update(load_of(runs["read"] + runs["report"]))
    if not args.keep:
        path.unlink()
    (OUT / "conflicts.json").write_text(json.dumps(result, indent=2) + "\n")
    print(json.dumps(result, indent=2))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
