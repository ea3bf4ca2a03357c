"""Reruns cost what changed: adding one document to stores of 1,000 and 10,000 documents.

    .venv/bin/python bench/rerun.py [--sizes 1000,10000] [--rounds 5] [--quick]

Stores. A pool of the first 1,000 distinct documents of bench/corpus.py (real articles,
then recombined ones) goes through the real pipeline once (-j 2). The store of 1,000
documents holds exactly those. The store of 10,000 holds them and 9,000 more
documents made from them: each is a pool document's text with a line of its own
added (so its file and hash are its own) and the pool document's facts, with every
person named by two or more words given a new surname per copy (so that the people
grow with the store, as in an archive; the report gives the names of each store). Every document is a file on disk, stored with its size, mtime and hash as
`extract` stores them, and the entities are resolved in full, as a first run would.

Runs. In each round a new distinct document (never in the pool) is extracted, each
run a fresh `python` process timed from start to exit (what a scheduled job waits):
  empty     into a new, empty store: the baseline
  1000      its folder of 1,000 files plus the new one, into the store of 1,000
  10000     the same with 10,000
  nothing   the 10,000 folder again with nothing new (no model load)
Ratios within each round: 1000/empty, 10000/empty, 10000/1000; targets: at most 2
and below 1.5. Writes bench/out/rerun.json.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import shutil
import sys
import tempfile
import time
from pathlib import Path

sys.path[:0] = [str(Path(__file__).resolve().parent)]

from common import OUT, interleaved, load_of, python, ratio, spread  # noqa: E402
from corpus import documents  # noqa: E402

TARGETS = {"rerun_over_empty": 2.0, "growth_10x": 1.5}
_SYLLABLES = ["ka", "ri", "mu", "sa", "lo", "de", "ni", "to", "ba", "zu", "ha", "me", "ro", "fi",
              "ga", "ye", "wa", "jo", "pe", "lu", "vi", "na", "ko", "she"]
AN_HOUR_AGO = time.time() - 3600


def one_run(store_dir: str, folder: str) -> dict:
    """run_extract over a folder into a store, as a scheduled job would; its report."""
    started = time.perf_counter()
    from factx.extract import run_extract
    from factx.store import Store

    store = Store.open(store_dir)
    report = run_extract([folder], store=store)
    seconds = time.perf_counter() - started
    assert report.counts.failed == 0, report.errors
    resolution = report.resolution
    return {"seconds_in_process": round(seconds, 3), "counts": report.counts.to_json(),
            "resolution": {"mode": resolution.mode, "changed_names": resolution.changed_names,
                           "resolved_names": resolution.resolved_names,
                           "total_names": resolution.total_names} if resolution else None,
            "spacy_imported": "spacy" in sys.modules}


def surname(generation: int, word: str) -> str:
    digest = hashlib.sha256(f"{generation}|{word}".encode()).digest()
    return "".join(_SYLLABLES[b % len(_SYLLABLES)] for b in digest[:3]).capitalize()


def renamed(result, generation: int, text: str, path: str):
    """A pool document's result as copy `generation`: own text, path, and surnames."""
    from dataclasses import replace

    people = {d.name for d in result.drafts if d.name_type == "PERSON" and len(d.name.split()) >= 2}
    names = {n: " ".join(n.split()[:-1] + [surname(generation, n.split()[-1])]) for n in people}

    def new(name):
        return names.get(name, name) if isinstance(name, str) else name

    drafts = tuple(replace(d, name=new(d.name), said_by=new(d.said_by),
                           value=new(d.value) if d.value_type == "entity" else d.value)
                   for d in result.drafts)
    return replace(result, article=replace(result.article, path=path, text=text), drafts=drafts)


def pool_results(folder: Path, paths: list[Path]):
    """The real pipeline's results for the pool documents, in order (two workers)."""
    from factx.extract import _Runner
    from factx.models import default_model
    from factx.rules import load_rules
    from factx.stages.ingest import read_path

    rules = load_rules()
    articles = [next(iter(read_path(str(p), rules=rules))) for p in paths]
    with _Runner(default_model(), None, jobs=2) as run:
        results = list(run(iter(articles)))
    failed = [r for r in results if not hasattr(r, "article")]
    if failed:
        raise SystemExit(f"rerun: pool documents failed: {failed}")
    return results


def fill(store_dir: Path, items: list[tuple[Path, object]]) -> None:
    """Write documents (their file is already on disk) as `extract` stores them."""
    from factx.extract import pipeline_key
    from factx.models import default_model
    from factx.rules import load_rules
    from factx.store import Store

    key = pipeline_key(default_model(), load_rules())
    store = Store.open(store_dir)
    with store.writer() as writer:
        for path, result in items:
            writer.add(result, key)
            data = path.read_bytes()
            stat = path.stat()
            writer.set_file(str(path), stat.st_size, stat.st_mtime_ns, hashlib.sha256(data).hexdigest())
            if writer.pending >= 500:
                writer.commit()
        writer.commit()
        writer.finish()
    store.close()


def resolve_in_full(store_dir: Path) -> dict:
    from factx.incremental import update_entities
    from factx.rules import load_rules
    from factx.store import Store

    store = Store.open(store_dir)
    with store.writer() as writer:
        started = time.perf_counter()
        done = update_entities(store, rules=load_rules(), full=True)
        seconds = time.perf_counter() - started
        writer.finish()
    counts = {t: store.conn.execute(f"SELECT count(*) FROM {t}").fetchone()[0]
              for t in ("documents", "facts", "names", "entities")}
    store.close()
    return {"full_resolve_seconds": round(seconds, 2), "names": done.total_names, **counts}


def build(work: Path, sizes: list[int]) -> dict:
    """The input folders and stores of each size; what they hold."""
    pool_size = min(sizes)
    texts = documents(pool_size)
    pool_dir = work / "pool"
    pool_dir.mkdir(parents=True)
    pool_paths = []
    for i, text in enumerate(texts):
        path = pool_dir / f"{i:05d}.txt"
        path.write_text(text, encoding="utf-8")
        pool_paths.append(path)
    started = time.perf_counter()
    results = pool_results(pool_dir, pool_paths)
    info: dict = {"pool_documents": pool_size, "pool_extract_seconds": round(time.perf_counter() - started, 1)}
    previous = None
    for size in sorted(sizes):
        folder, store = work / f"in{size}", work / f"store{size}"
        if previous is None:
            shutil.copytree(pool_dir, folder)
            items = [(folder / p.name, _moved(r, folder / p.name)) for p, r in zip(pool_paths, results)]
            store.mkdir()
        else:
            shutil.copytree(work / f"in{previous}", folder)
            shutil.copytree(work / f"store{previous}", store)
            _rename_folder(store, work / f"in{previous}", folder)
            items = []
            for i in range(previous, size):
                base = results[i % pool_size]
                path = folder / f"{i:05d}.txt"
                text = base.article.text + f"\nCopy {i} of this report.\n"
                path.write_text(text, encoding="utf-8")
                items.append((path, renamed(base, i // pool_size, text, str(path))))
        for path, _ in items:
            os.utime(path, (AN_HOUR_AGO, AN_HOUR_AGO))
        started = time.perf_counter()
        fill(store, items)
        info[str(size)] = {"fill_seconds": round(time.perf_counter() - started, 1), **resolve_in_full(store)}
        previous = size
    return info


def _rename_folder(store_dir: Path, old: Path, new: Path) -> None:
    """The copied store's documents live in the copied folder."""
    from factx.store import Store

    store = Store.open(store_dir)
    store.conn.execute("UPDATE documents SET path = ? || substr(path, ?)", (str(new), len(str(old)) + 1))
    store.close()


def _moved(result, path: Path):
    from dataclasses import replace

    return replace(result, article=replace(result.article, path=str(path)))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", default="1000,10000")
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--quick", action="store_true", help="stores of 100 and 1,000, 3 rounds")
    parser.add_argument("--one", nargs=2, metavar=("STORE", "FOLDER"), help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.one:
        print(json.dumps(one_run(*args.one)))
        return
    if args.quick:
        args.sizes, args.rounds = "100,1000", 3
    sizes = sorted(int(n) for n in args.sizes.split(","))
    small, large = str(sizes[0]), str(sizes[-1])
    work = Path(tempfile.mkdtemp(prefix="factx-bench-rerun-"))
    results: dict = {"sizes": sizes, "rounds": args.rounds, "targets": TARGETS}
    try:
        print(f"rerun: building stores of {sizes}", file=sys.stderr, flush=True)
        results["stores"] = build(work, sizes)
        new_docs = documents(args.rounds, seed=1_000_003, real=False)
        state = {"round": -1}

        def timed(store: Path, folder: Path):
            out = json.loads(python(["bench/rerun.py", "--one", str(store), str(folder)]).stdout.strip()
                             .splitlines()[-1])
            return out

        def empty():
            state["round"] += 1
            r = state["round"]
            folder = work / f"new{r}"
            folder.mkdir()
            (folder / f"new{r:03d}.txt").write_text(new_docs[r], encoding="utf-8")
            store = work / f"empty{r}"
            out = measure_wall(lambda: timed(store, folder))
            assert out["counts"]["new"] == 1, out
            return out

        def into(size: str):
            def run():
                r = state["round"]
                src = work / f"new{r}" / f"new{r:03d}.txt"
                shutil.copy(src, work / f"in{size}" / src.name)
                out = measure_wall(lambda: timed(work / f"store{size}", work / f"in{size}"))
                assert out["counts"]["new"] == 1 and out["counts"]["unchanged"] >= int(size), out
                return out
            return run

        def nothing():
            out = measure_wall(lambda: timed(work / f"store{large}", work / f"in{large}"))
            assert out["counts"]["new"] == 0 and not out["spacy_imported"], out
            return out

        runs = interleaved({"empty": empty, small: into(small), large: into(large), "nothing": nothing},
                           args.rounds)
        results["runs"] = runs
        results["seconds"] = {k: spread([r["seconds"] for r in v], 2) for k, v in runs.items()}
        results[f"ratio_{small}_over_empty"] = ratio(runs, small, "empty")
        results[f"ratio_{large}_over_empty"] = ratio(runs, large, "empty")
        results[f"growth_{large}_over_{small}"] = ratio(runs, large, small)
        results["ratio_nothing_new_over_empty"] = ratio(runs, "nothing", "empty")
        results["resolution"] = {k: v[-1]["resolution"] for k, v in runs.items()}
        results["pass"] = (results[f"ratio_{large}_over_empty"]["median"] <= TARGETS["rerun_over_empty"]
                           and results[f"ratio_{small}_over_empty"]["median"] <= TARGETS["rerun_over_empty"]
                           and results[f"growth_{large}_over_{small}"]["median"] < TARGETS["growth_10x"])
        results.update(load_of([r for v in runs.values() for r in v]))
    finally:
        shutil.rmtree(work, ignore_errors=True)
    OUT.mkdir(parents=True, exist_ok=True)
    (OUT / "rerun.json").write_text(json.dumps(results, indent=2) + "\n")
    print(json.dumps({k: v for k, v in results.items() if k != "runs"}, indent=2))


def measure_wall(fn) -> dict:
    """Wall seconds of a subprocess run, start to exit, with what it printed."""
    started = time.perf_counter()
    out = fn()
    out["seconds"] = round(time.perf_counter() - started, 3)
    return out


if __name__ == "__main__":
    main()
