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
from factx.records import Article, DocResult
from factx.resolve import NameStat, fold, resolve
from factx.rules import load_rules
from factx.stages.ingest import read_inputs, with_published
from factx.store import RunCounts, Store

#: Documents per store transaction; a crash loses at most the batch in flight.
COMMIT_EVERY = int(os.environ.get("FACTX_COMMIT_EVERY", "64"))
COMMIT_SECONDS = 5.0


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
    if model is None:
        from factx.pipeline import default_model

        model = default_model()
    pipeline_key = f"{model_key(model)}|rules:{rules.version}|factx:{__version__}"
    errors: list[InputError] = []
    interrupted = False

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
                    writer.touch(item.path)
                    on_document(item.path, state)
                    continue
                yield item

        if engine == "dask":
            from factx.distributed import process_dask

            results = process_dask(to_process(), model, rules_dir, scheduler=scheduler)
        elif jobs > 1:
            results = _process_pool(to_process(), model, rules_dir, jobs)
        else:
            results = _process_local(to_process(), model, rules_dir)

        last_commit = time.monotonic()
        stop = _StopOnInterrupt()
        try:
            with stop:
                for result in results:
                    state = writer.classify(result.article.path, result.article.content_hash, pipeline_key)
                    writer.add(result, pipeline_key)
                    on_document(result.article.path, state)
                    if stop.requested:
                        interrupted = True
                        break
                    if writer.pending >= COMMIT_EVERY or time.monotonic() - last_commit > COMMIT_SECONDS:
                        writer.commit()
                        last_commit = time.monotonic()
        except KeyboardInterrupt:  # a second Ctrl-C, or one outside the main thread
            interrupted = True
        finally:
            close = getattr(results, "close", None)
            if close is not None:
                close()
        writer.commit()
        resolve_store(store, writer, rules_dir=rules_dir)
        counts = writer.finish("interrupted" if interrupted else "done")
    return RunReport(writer.run_id, counts, errors, interrupted, model)


def resolve_store(store: Store, writer, *, rules_dir: str | None = None) -> None:
    """Cluster every distinct name of the store into entities (over names, not mentions)."""
    from factx.lookup import declared_names

    stats = [NameStat(name, entity_type, count) for name, entity_type, count in store.name_stats()]
    # "X, also known as Y": Y is a name of X's entity (resolve decides, never blindly)
    declared = declared_names(store)
    stats += [NameStat(alias, entity_type, 0) for _, alias, entity_type in declared]
    entities = resolve(stats, rules=load_rules(rules_dir), same=[(name, alias) for name, alias, _ in declared])
    writer.set_entities(entities, fold)


def find_entity(store: Store, query: str, **options) -> list[str]:
    """Entity ids matching `query`: kept here for older callers; see `factx.lookup`."""
    from factx.lookup import find_entity as lookup

    return lookup(store, query, **options)


__all__ = ["run_extract", "find_entity", "RunReport", "FactxError"]
