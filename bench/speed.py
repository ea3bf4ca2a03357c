"""Throughput, stage shares and memory of `extract`; every ratio from interleaved pairs.

    .venv/bin/python bench/speed.py [--articles 300] [--rounds 3] [--skip-dask] [--quick]

Corpus: `--articles` distinct documents (bench/corpus.py: the real articles first, then
recombined ones; none repeats).

1. speed. In each round, in this order, each run in a fresh process and timed from
   before loading the spaCy pipeline to the end (bench/common.py records the load of
   other processes around each run):
     bare   spaCy `nlp.pipe` with the model's default pipeline over the texts (baseline)
     j1     `run_extract(jobs=1)` into a new store: ingest, every stage, store, resolve
     j2     the same with `jobs=2`
     dask   the same with `engine="dask"` on a 2-worker LocalCluster
   Ratios within each round: j1/bare, j1/j2, j1/dask; the median of the rounds with
   min and max.
2. stages. One process runs the pipeline stage by stage over the corpus (`--passes`
   passes) and gives each stage's share of its CPU time: ingest, spaCy's tokenizer and
   components, factx's stages, the records, the store and the resolver (median over
   the passes; the first pass alone too, which pays what is built once per process).
3. memory. Peak RSS of the whole process tree (parent and workers) of
   `factx extract -j N` on 50, 400 and 3,000 distinct documents, for -j 1 and -j 2:
   50 and 400 interleaved in every round, 3,000 once (it takes minutes).
Writes bench/out/speed.json.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import sys
import tempfile
import time
from pathlib import Path

sys.path[:0] = [str(Path(__file__).resolve().parent)]

from common import OUT, interleaved, load_of, measure, peak_tree_rss, python, ratio, spread  # noqa: E402
from corpus import write_corpus  # noqa: E402

CONFIGS = {"bare": "bare spaCy", "j1": "extract -j 1", "j2": "extract -j 2", "dask": "extract Dask (2 workers)"}


# ------------------------------------------------------------------ one run, in its own process

def _texts(folder: Path) -> list[str]:
    return [p.read_text(encoding="utf-8") for p in sorted(folder.glob("*.txt"))]


def one_run(name: str, folder: Path) -> dict:
    """Seconds of one configuration over the corpus, from before the model loads.

    Every configuration imports spaCy and the model's package before its clock starts
    (so neither side pays for that import); factx's own modules are imported on the clock.
    """
    import importlib

    from factx.models import default_model

    module = importlib.import_module(default_model())
    if name == "bare":
        start = time.perf_counter()
        nlp = module.load()
        loaded = time.perf_counter()
        for _ in nlp.pipe(_texts(folder), batch_size=16):
            pass
        end = time.perf_counter()
        return {"seconds": end - start, "load_seconds": loaded - start}
    from factx.extract import run_extract
    from factx.store import Store

    store_dir = Path(tempfile.mkdtemp(prefix="factx-bench-store-"))
    try:
        store = Store.open(store_dir)
        kw = {"engine": "dask"} if name == "dask" else {"jobs": int(name[1:])}
        start = time.perf_counter()
        report = run_extract([str(folder)], store=store, **kw)
        seconds = time.perf_counter() - start
        assert report.counts.failed == 0, report.errors
        store.close()
        return {"seconds": seconds}
    finally:
        shutil.rmtree(store_dir, ignore_errors=True)


def profile(folder: Path, passes: int) -> dict:
    """Each stage's CPU seconds over the corpus, stage by stage, per pass."""
    from factx.incremental import update_entities
    from factx.pipeline import _result, load_model, make_doc, model_version
    from factx.rules import load_rules
    from factx.stages.ingest import read_inputs
    from factx.store import Store

    nlp = load_model()
    version = model_version(nlp)
    rules = load_rules()
    spacy_names = [name for name, _ in nlp.pipeline if not name.startswith("factx_")]
    out = []
    for _ in range(passes):
        seconds: dict[str, float] = {}

        def timed(key: str, fn):
            # CPU time of this process: another process's load does not move it
            start = time.process_time()
            value = fn()
            seconds[key] = seconds.get(key, 0.0) + time.process_time() - start
            return value

        articles = timed("factx: ingest", lambda: list(read_inputs([str(folder)], rules=rules)))
        results = []
        for i in range(0, len(articles), 64):
            zone = articles[i:i + 64]
            with nlp.memory_zone():
                docs = timed("spaCy: tokenizer", lambda: [make_doc(nlp, a) for a in zone])
                for name, proc in nlp.pipeline:
                    key = f"spaCy: {name}" if name in spacy_names else f"factx: {name.removeprefix('factx_')}"
                    if hasattr(proc, "pipe"):
                        docs = timed(key, lambda: list(proc.pipe(docs, batch_size=16)))
                    else:
                        docs = timed(key, lambda: [proc(d) for d in docs])
                results += timed("factx: records", lambda: [_result(d, a, version) for d, a in zip(docs, zone)])
        store_dir = Path(tempfile.mkdtemp(prefix="factx-bench-profile-"))
        try:
            store = Store.open(store_dir)
            with store.writer() as writer:
                def write():
                    for result in results:
                        writer.add(result, "bench")
                    writer.commit()
                timed("factx: store", write)
                timed("factx: resolve", lambda: update_entities(store, rules=rules))
                writer.finish()
            store.close()
        finally:
            shutil.rmtree(store_dir, ignore_errors=True)
        out.append(seconds)
    return {"passes": out}


# ------------------------------------------------------------------ the benchmark

def shares(passes: list[dict[str, float]]) -> dict:
    """Each stage's share of the total and its CPU seconds, median over passes with min
    and max; and the first pass's shares alone, where what a stage builds once per
    process (its rules, a gazetteer) is paid, as a one-run `extract` pays it."""
    stages = list(passes[0])
    per_stage = {s: spread([p[s] / sum(p.values()) for p in passes], 4) for s in stages}
    groups = {}
    for prefix in ("spaCy", "factx"):
        groups[prefix] = spread([sum(v for k, v in p.items() if k.startswith(prefix)) / sum(p.values())
                                 for p in passes], 4)
    first = passes[0]
    return {"stages": per_stage, "groups": groups,
            "cpu_seconds": {s: spread([p[s] for p in passes], 3) for s in stages},
            "first_pass": {"stages": {s: round(v / sum(first.values()), 4) for s, v in first.items()},
                           "factx": round(sum(v for k, v in first.items() if k.startswith("factx"))
                                          / sum(first.values()), 4),
                           "cpu_seconds": round(sum(first.values()), 2)},
            "seconds_per_pass": spread([sum(p.values()) for p in passes], 2),
            "clock": "CPU time of the profiling process (time.process_time)"}


def memory_run(folder: Path, jobs: int) -> dict:
    store = Path(tempfile.mkdtemp(prefix="factx-bench-rss-"))
    try:
        return peak_tree_rss([sys.executable, "-m", "factx", "extract", str(folder), "--store", str(store),
                              "-o", os.devnull, "--quiet", "-j", str(jobs)])
    finally:
        shutil.rmtree(store, ignore_errors=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--articles", type=int, default=300)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--passes", type=int, default=3)
    parser.add_argument("--memory", default="50,400,3000", help="document counts for peak RSS")
    parser.add_argument("--skip-dask", action="store_true")
    parser.add_argument("--quick", action="store_true", help="60 articles, memory at 50 and 200, no Dask")
    parser.add_argument("--one", choices=list(CONFIGS), help=argparse.SUPPRESS)
    parser.add_argument("--profile", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument("--corpus", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.one:
        print(json.dumps(one_run(args.one, args.corpus)))
        return
    if args.profile:
        print(json.dumps(profile(args.corpus, args.passes)))
        return
    if args.quick:
        args.articles, args.memory, args.skip_dask = 60, "50,200", True

    from factx.models import default_model

    sizes = [int(n) for n in args.memory.split(",")]
    work = Path(tempfile.mkdtemp(prefix="factx-bench-"))
    results: dict[str, object] = {"articles": args.articles, "model": default_model(), "cpus": os.cpu_count(),
                                  "rounds": args.rounds}
    try:
        corpus = work / "corpus"
        _, words = write_corpus(corpus, args.articles)
        results["words"] = words
        results["corpus"] = "distinct documents (bench/corpus.py): real articles first, then recombined ones"
        print(f"speed: {args.articles} articles, {words} words, {args.rounds} rounds", file=sys.stderr)

        def run_config(name: str):
            return lambda: json.loads(python(["bench/speed.py", "--one", name, "--corpus", str(corpus)])
                                      .stdout.strip().splitlines()[-1])

        configs = [c for c in CONFIGS if not (c == "dask" and args.skip_dask)]
        runs = interleaved({c: run_config(c) for c in configs}, args.rounds)
        results["runs"] = runs
        results["timing"] = ("each run in a fresh process, timed from before loading the spaCy pipeline "
                             "(run_extract loads its own) to the end")
        results["seconds"] = {c: spread([r["seconds"] for r in runs[c]], 2) for c in configs}
        results["words_per_second"] = {c: round(words / results["seconds"][c]["median"]) for c in configs}
        results["bare_spacy_load_seconds"] = spread([r["load_seconds"] for r in runs["bare"]], 3)
        results["ratio_j1_over_bare"] = ratio(runs, "j1", "bare")
        # CPU time of the whole process (start-up and imports included), less sensitive to load
        results["ratio_j1_over_bare_cpu"] = ratio(runs, "j1", "bare", key="own_cpu_seconds")
        results["speedup_j2_over_j1"] = ratio(runs, "j1", "j2")
        if "dask" in runs:
            results["speedup_dask_over_j1"] = ratio(runs, "j1", "dask")

        print("stages: profile", file=sys.stderr)
        prof = measure(lambda: json.loads(python(["bench/speed.py", "--profile", "--corpus", str(corpus),
                                                  "--passes", str(args.passes)]).stdout.strip().splitlines()[-1]))
        results["stage_shares"] = shares(prof["passes"])
        results["stage_shares"].update(load_of([prof]))

        print("memory", file=sys.stderr)
        folders = {}
        for n in sizes:
            folders[n] = work / f"rss{n}"
            write_corpus(folders[n], n)
        small = [n for n in sizes if n <= 400]
        large = [n for n in sizes if n > 400]
        memory: dict[str, object] = {}
        for jobs in (1, 2):
            runs_rss = interleaved({str(n): (lambda n=n: memory_run(folders[n], jobs)) for n in small},
                                   args.rounds)
            for n in large:
                runs_rss[str(n)] = [measure(lambda n=n: memory_run(folders[n], jobs))]
            memory[f"j{jobs}"] = {
                n: {"peak_tree_kib": spread([r["peak_tree_kib"] for r in rs], 0),
                    "sum_of_process_peaks_kib": spread([r["sum_of_process_peaks_kib"] for r in rs], 0),
                    "processes": rs[0]["processes"], **load_of(rs)}
                for n, rs in runs_rss.items()}
            base = str(sizes[0])
            for n in sizes[1:]:
                key = f"ratio_{n}_over_{base}"
                if len(runs_rss[str(n)]) == len(runs_rss[base]):
                    memory[f"j{jobs}"][key] = ratio(runs_rss, str(n), base, key="peak_tree_kib")
                else:
                    one, against = runs_rss[str(n)][0]["peak_tree_kib"], memory[f"j{jobs}"][base]["peak_tree_kib"]
                    memory[f"j{jobs}"][key] = {
                        "median": round(one / against["median"], 3),
                        # the spread of the runs of `base` it is divided by
                        "min": round(one / against["max"], 3), "max": round(one / against["min"], 3),
                        "pairs": 1, "note": f"one run of {n} against the median of {base} (min-max: against "
                                            f"the largest and smallest run of {base})",
                        **load_of(runs_rss[str(n)] + runs_rss[base])}
        results["memory"] = memory
        results["memory_note"] = ("peak RSS of the whole process tree of `factx extract -j N -o /dev/null`, "
                                  "sampled every 20 ms; RSS counts shared libraries once per process")
    finally:
        shutil.rmtree(work, ignore_errors=True)
    OUT.mkdir(parents=True, exist_ok=True)
    (OUT / "speed.json").write_text(json.dumps(results, indent=2) + "\n")
    summary = {k: v for k, v in results.items() if k != "runs"}
    print(json.dumps(summary, indent=2))


if __name__ == "__main__":
    main()
