"""Throughput and memory of `extract`, each as a ratio against a baseline of the same run.

    .venv/bin/python bench/speed.py [--articles 300] [--skip-dask]

Corpus: the seeds and the TempEval-3 articles of ../shared/bench, copied under
distinct names until there are `--articles` of them (content repeats; the
pipeline keeps no cache between documents, so repeats cost the same).

Measured, in this order, in one run:
  bare     spaCy `nlp.pipe` with the model's full default pipeline (the baseline)
  j1       `run_extract(jobs=1)` into a fresh store (all factx stages, store, resolve)
Every timing includes loading the spaCy pipeline: `run_extract` loads its own, so the
baseline's clock starts before `load()` too (`bare_spacy_load_seconds` says how much of
it that was).
  j2       the same with `jobs=2`
  dask     the same with `engine="dask"` on a 2-worker LocalCluster
  rss      peak RSS of `factx extract -j 1` in a subprocess at 50 and 400 articles
Writes bench/out/speed.json.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SOURCES = [ROOT / "seeds", ROOT.parent / "shared" / "bench" / "tempeval3" / "docs"]
OUT = ROOT / "bench" / "out"


def make_corpus(folder: Path, count: int) -> tuple[list[Path], int]:
    texts = [p.read_text(encoding="utf-8") for src in SOURCES if src.is_dir() for p in sorted(src.glob("*.txt"))]
    folder.mkdir(parents=True, exist_ok=True)
    paths, words = [], 0
    for i in range(count):
        # each copy its own text: factx stores one document per content and would skip repeats
        text = texts[i % len(texts)] + ("" if i < len(texts) else f"\n\nCopy {i}.\n")
        path = folder / f"{i:05d}.txt"
        path.write_text(text, encoding="utf-8")
        paths.append(path)
        words += len(text.split())
    return paths, words


def bare_spacy(paths: list[Path], model: str) -> tuple[float, float]:
    """Seconds of loading the pipeline and running it over the texts, and of the loading."""
    import importlib

    module = importlib.import_module(model)
    texts = [p.read_text(encoding="utf-8") for p in paths]
    start = time.perf_counter()
    nlp = module.load()
    loaded = time.perf_counter()
    for _ in nlp.pipe(texts, batch_size=16):
        pass
    return time.perf_counter() - start, loaded - start


def factx_run(folder: Path, **kw) -> float:
    from factx.extract import run_extract
    from factx.store import Store

    store_dir = Path(tempfile.mkdtemp(prefix="factx-bench-store-"))
    try:
        store = Store.open(store_dir)
        start = time.perf_counter()
        report = run_extract([str(folder)], store=store, **kw)
        elapsed = time.perf_counter() - start
        assert report.counts.failed == 0, report.errors
        store.close()
        return elapsed
    finally:
        shutil.rmtree(store_dir, ignore_errors=True)


def peak_rss(folder: Path) -> int:
    """Peak RSS in KiB of a whole `factx extract -j 1` process."""
    code = ("import resource, sys, tempfile\n"
            "from factx.cli import app\n"
            "try:\n"
            f"    app(['extract', {str(folder)!r}, '--store', tempfile.mkdtemp(), '-o', '/dev/null', '--quiet'])\n"
            "except SystemExit:\n    pass\n"
            "print(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)\n")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    return int(out.stdout.strip().splitlines()[-1])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--articles", type=int, default=300)
    parser.add_argument("--skip-dask", action="store_true")
    args = parser.parse_args()

    from factx.pipeline import default_model

    model = default_model()
    work = Path(tempfile.mkdtemp(prefix="factx-bench-"))
    results: dict[str, object] = {"articles": args.articles, "model": model, "cpus": os.cpu_count()}
    try:
        paths, words = make_corpus(work / "corpus", args.articles)
        results["words"] = words
        bare, bare_load = bare_spacy(paths, model)
        results["timing"] = "every timing includes loading the spaCy pipeline"
        results["bare_spacy_load_seconds"] = round(bare_load, 3)
        timings = {"bare_spacy": bare,
                   "factx_j1": factx_run(work / "corpus", jobs=1),
                   "factx_j2": factx_run(work / "corpus", jobs=2)}
        if not args.skip_dask:
            try:
                timings["factx_dask"] = factx_run(work / "corpus", engine="dask")
            except Exception as exc:  # the optional extra may be missing
                results["dask_error"] = repr(exc)
        results["seconds"] = timings
        results["words_per_second"] = {k: round(words / v) for k, v in timings.items()}
        base = timings["bare_spacy"]
        results["ratio_to_bare_spacy"] = {k: round(v / base, 3) for k, v in timings.items()}
        results["speedup_j2_over_j1"] = round(timings["factx_j1"] / timings["factx_j2"], 3)
        if "factx_dask" in timings:
            results["speedup_dask_over_j1"] = round(timings["factx_j1"] / timings["factx_dask"], 3)
        small, _ = make_corpus(work / "rss50", 50)
        large, _ = make_corpus(work / "rss400", 400)
        rss = {"50": peak_rss(work / "rss50"), "400": peak_rss(work / "rss400")}
        results["peak_rss_kib"] = rss
        results["rss_ratio_400_over_50"] = round(rss["400"] / rss["50"], 3)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    OUT.mkdir(parents=True, exist_ok=True)
    (OUT / "speed.json").write_text(json.dumps(results, indent=2) + "\n")
    print(json.dumps(results, indent=2))


if __name__ == "__main__":
    main()
