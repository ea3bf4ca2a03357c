"""`extract`: read inputs, run the per-document pipeline, resolve entities, store.

The library side of `factx extract`. Articles stream from ingest through the
pipeline (in this process, in `jobs` worker processes, or on a Dask cluster) to
the one process that writes the store; nothing holds the whole corpus.
"""

from __future__ import annotations

import os
import signal
import threading
import time
from dataclasses import dataclass, field
from importlib import metadata
from typing import Callable, Iterable, Iterator

from factx import __version__
from factx.errors import FactxError, InputError
from factx.published import published_option
from factx.records import Article, DocResult
from factx.resolve import NameStat, resolve
from factx.rules import load_rules
from factx.stages.ingest import read_inputs, with_published
from factx.store import RunCounts, Store

#: Documents per store transaction; a crash loses at most the batch in flight.
COMMIT_EVERY = int(os.environ.get("FACTX_COMMIT_EVERY", "64"))
COMMIT_SECONDS = 5.0
#: At most this many documents with a year-less dateline wait for the run to date them;
#: later ones are processed at once, their year left unknown (memory stays bounded).
MAX_HELD = 2000



@dataclass
class RunReport:
    """What a run did: counts, the run id whose facts to print, and its problems."""

    run_id: int
    counts: RunCounts
    errors: list[InputError] = field(default_factory=list)
    interrupted: bool = False
    model: str = ""


def model_key(model: str) -> str:
    """The pipeline's name and installed version, without loading it."""
    try:
        return f"{model}=={metadata.version(model.replace('_', '-'))}"
    except metadata.PackageNotFoundError:
        return model


def _process_local(articles: Iterable[Article], model: str, rules_dir: str | None) -> Iterator[DocResult]:
    from factx.pipeline import load_model, process

    nlp = load_model(model, rules_dir=rules_dir)
    yield from process(nlp, articles)


_WORKER_NLP = None


class _StopOnInterrupt:
    """The first Ctrl-C asks the run to stop after the document in hand (so that no
    commit is cut in half); a second one stops at once. Main thread only."""

    def __init__(self) -> None:
        self.requested = False
        self._previous = None

    def _handle(self, signum, frame) -> None:
        if self.requested:
            raise KeyboardInterrupt
        self.requested = True

    def __enter__(self) -> "_StopOnInterrupt":
        if threading.current_thread() is threading.main_thread():
            self._previous = signal.signal(signal.SIGINT, self._handle)
        return self

    def __exit__(self, *exc) -> None:
        if self._previous is not None:
            signal.signal(signal.SIGINT, self._previous)


def _worker_init(model: str, rules_dir: str | None) -> None:
    global _WORKER_NLP
    from factx.pipeline import load_model

    # Ctrl-C reaches the whole process group: the parent decides when to stop.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    _WORKER_NLP = load_model(model, rules_dir=rules_dir)


def _worker_batch(articles: list[Article]) -> list[DocResult]:
    from factx.pipeline import process

    return list(process(_WORKER_NLP, articles))


def _batches(items: Iterable[Article], size: int) -> Iterator[list[Article]]:
    batch: list[Article] = []
    for item in items:
        batch.append(item)
        if len(batch) >= size:
            yield batch
            batch = []
    if batch:
        yield batch


def _process_pool(articles: Iterable[Article], model: str, rules_dir: str | None, jobs: int) -> Iterator[DocResult]:
    import multiprocessing
    from collections import deque

    # spawn: a forked copy of a process with threads can deadlock.
    context = multiprocessing.get_context("spawn")
    with context.Pool(jobs, initializer=_worker_init, initargs=(model, rules_dir)) as pool:
        # Batches are submitted from this thread (the input generator reads the store)
        # with a bounded window, and collected in input order: the store and the JSONL
        # come out the same as with -j 1, and memory stays flat.
        window: deque = deque()
        for batch in _batches(articles, 4):
            window.append(pool.apply_async(_worker_batch, (batch,)))
            while len(window) >= jobs * 3:
                yield from window.popleft().get()
        while window:
            yield from window.popleft().get()


def run_extract(
    inputs: Iterable[str],
    *,
    store: Store,
    model: str | None = None,
    rules_dir: str | None = None,
    jobs: int = 1,
    engine: str = "local",
    scheduler: str | None = None,
    published: str | None = None,
    on_error: Callable[[InputError], None] = lambda e: None,
    on_document: Callable[[str, str], None] = lambda path, state: None,
) -> RunReport:
    """Extract facts from `inputs` into `store`; return what the run did.

    Problems with single inputs go to `on_error` and the run goes on; Ctrl-C
    commits what was finished, and the report says so.
    """
    rules = load_rules(rules_dir).validate()
    published = published_option(published)
    if model is None:
        from factx.pipeline import default_model

        model = default_model()
    pipeline_key = f"{model_key(model)}|rules:{rules.version}|factx:{__version__}"
    errors: list[InputError] = []
    interrupted = False
    # documents whose dateline has no year: processed last, once the run's dated
    # documents are stored and can give it (factx.runyear)
    held: list[Article] = []

    def run(articles: Iterable[Article]) -> Iterator[DocResult]:
        if engine == "dask":
            from factx.distributed import process_dask

            return process_dask(articles, model, rules_dir, scheduler=scheduler)
        if jobs > 1:
            return _process_pool(articles, model, rules_dir, jobs)
        return _process_local(articles, model, rules_dir)

    with store.writer() as writer:
        def to_process() -> Iterator[Article]:
            for item in read_inputs(inputs, rules=rules):
                if isinstance(item, InputError):
                    errors.append(item)
                    writer.failed()
                    on_error(item)
                    continue
                for warning in item.warnings:
                    on_error(InputError(item.path, f"warning: {warning}"))
                if published is not None:
                    item = with_published(item, published)
                state = writer.classify(item.path, item.content_hash, pipeline_key)
                if state == "unchanged":
                    writer.touch(item.path, item.content_hash)
                    on_document(item.path, state)
                    continue
                if item.dateline and item.published is None and len(held) < MAX_HELD:
                    held.append(item)
                    continue
                yield item

        def store_results(results: Iterator[DocResult]) -> bool:
            """Store results as they come; False when Ctrl-C stopped the run."""
            last_commit = time.monotonic()
            stop = _StopOnInterrupt()
            try:
                with stop:
                    for result in results:
                        article = result.article
                        state = writer.classify(article.path, article.content_hash, pipeline_key)
                        if state == "unchanged":  # the same text reached twice in this run
                            writer.touch(article.path, article.content_hash)
                        else:
                            writer.add(result, pipeline_key)
                        on_document(article.path, state)
                        if stop.requested:
                            return False
                        if writer.pending >= COMMIT_EVERY or time.monotonic() - last_commit > COMMIT_SECONDS:
                            writer.commit()
                            last_commit = time.monotonic()
            except KeyboardInterrupt:  # a second Ctrl-C, or one outside the main thread
                return False
            finally:
                close = getattr(results, "close", None)
                if close is not None:
                    close()
            return True

        interrupted = not store_results(run(to_process()))
        writer.commit()
        resolve_store(store, writer, rules_dir=rules_dir)
        if held and not interrupted:
            from factx.published import HOW_RUN
            from factx.runyear import infer_years

            years = infer_years(store, writer.run_id, held)
            articles = [with_published(a, years[a.path].value, HOW_RUN, years[a.path].source)
                        if a.path in years else a for a in held]
            held.clear()
            interrupted = not store_results(run(articles))
            writer.commit()
            resolve_store(store, writer, rules_dir=rules_dir)
        counts = writer.finish("interrupted" if interrupted else "done")
    return RunReport(writer.run_id, counts, errors, interrupted, model)


def resolve_store(store: Store, writer, *, rules_dir: str | None = None) -> None:
    """Cluster every distinct name of the store into entities (over names, not mentions)."""
    from factx.lookup import RULES_KEY, declared_names, described_names
    from factx.names import fold, name_rules

    rules = load_rules(rules_dir)
    stats = [NameStat(name, entity_type, count) for name, entity_type, count in store.name_stats()]
    # "X, also known as Y": Y is a name of X's entity (resolve decides, never blindly)
    declared = declared_names(store)
    stats += [NameStat(alias, entity_type, 0) for _, alias, entity_type in declared]
    # "Norway's intelligence agency": the one entity the run ties that description to
    entities = resolve(stats, rules=rules, same=[(name, alias) for name, alias, _ in declared],
                       described=described_names(store))
    # names are folded for lookups as the run's rules fold them, and the store remembers
    # those rules, so that `--entity` finds what the run's particles and titles make one
    nr = name_rules(rules)
    writer.set_entities(entities, lambda name: fold(name, nr=nr))
    writer.set_meta(RULES_KEY, os.path.abspath(rules_dir) if rules_dir else None)


def find_entity(store: Store, query: str, **options) -> list[str]:
    """Entity ids matching `query`: kept here for older callers; see `factx.lookup`."""
    from factx.lookup import find_entity as lookup

    return lookup(store, query, **options)


__all__ = ["run_extract", "find_entity", "RunReport", "FactxError"]
