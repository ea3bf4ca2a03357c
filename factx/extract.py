"""`extract`: read inputs, run the per-document pipeline, resolve entities, store.

The library side of `factx extract`. Articles stream from ingest through the
pipeline (in this process, in `jobs` worker processes, or on a Dask cluster) to
the one process that writes the store; nothing holds the whole corpus.
"""

from __future__ import annotations

import hashlib
import itertools
import os
import signal
import threading
import time
from dataclasses import dataclass, field
from importlib import metadata
from typing import Callable, Iterable, Iterator

from factx import __version__
from factx.errors import FactxError, InputError
from factx.incremental import Resolution, update_entities
from factx.published import published_option
from factx.records import Article, DocResult
from factx.rules import load_rules
from factx.stages.ingest import expand_inputs, read_path, with_published
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
    resolution: Resolution | None = None


def model_key(model: str) -> str:
    """The pipeline's name and installed version, without loading it."""
    try:
        return f"{model}=={metadata.version(model.replace('_', '-'))}"
    except metadata.PackageNotFoundError:
        return model


def pipeline_key(model: str, rules) -> str:
    """What a stored document's facts depend on besides its text: model, rules, factx."""
    return f"{model_key(model)}|rules:{rules.version}|factx:{__version__}"


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


class _Runner:
    """The per-document pipeline of one run: in this process, in `jobs` worker processes,
    or on a Dask cluster. It starts with the first article there is to process (a rerun
    with nothing new loads no model) and serves the run's second pass too (documents
    dated by the run), so that each process loads the model once per run."""

    def __init__(self, model: str, rules_dir: str | None, *, jobs: int = 1, engine: str = "local",
                 scheduler: str | None = None) -> None:
        self.model, self.rules_dir, self.jobs = model, rules_dir, jobs
        self.engine, self.scheduler = engine, scheduler
        self._nlp = None
        self._pool = None

    def __call__(self, articles: Iterable[Article]) -> Iterator[DocResult]:
        if self.engine == "dask":
            from factx.distributed import process_dask

            return process_dask(articles, self.model, self.rules_dir, scheduler=self.scheduler)
        if self.jobs > 1:
            return self._pooled(articles)
        return self._local(articles)

    def _local(self, articles: Iterable[Article]) -> Iterator[DocResult]:
        from factx.pipeline import load_model, process

        if self._nlp is None:
            self._nlp = load_model(self.model, rules_dir=self.rules_dir)
        yield from process(self._nlp, articles)

    def _pooled(self, articles: Iterable[Article]) -> Iterator[DocResult]:
        from collections import deque

        if self._pool is None:
            import multiprocessing

            # spawn: a forked copy of a process with threads can deadlock.
            context = multiprocessing.get_context("spawn")
            self._pool = context.Pool(self.jobs, initializer=_worker_init, initargs=(self.model, self.rules_dir))
        # Batches are submitted from this thread (the input generator reads the store)
        # with a bounded window, and collected in input order: the store and the JSONL
        # come out the same as with -j 1, and memory stays flat.
        window: deque = deque()
        for batch in _batches(articles, 4):
            window.append(self._pool.apply_async(_worker_batch, (batch,)))
            while len(window) >= self.jobs * 3:
                yield from window.popleft().get()
        while window:
            yield from window.popleft().get()

    def __enter__(self) -> "_Runner":
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def close(self) -> None:
        if self._pool is not None:
            self._pool.terminate()
            self._pool.join()
            self._pool = None
        self._nlp = None


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
        from factx.models import default_model

        model = default_model()
    key = pipeline_key(model, rules)
    errors: list[InputError] = []
    interrupted = False
    # documents whose dateline has no year: processed last, once the run's dated
    # documents are stored and can give it (factx.runyear)
    held: list[Article] = []

    run = _Runner(model, rules_dir, jobs=jobs, engine=engine, scheduler=scheduler)

    stop = _StopOnInterrupt()
    resolutions: list[Resolution] = []
    with store.writer() as writer, stop, run:
        files: dict[str, tuple[int, int | None, str]] = {}

        def to_process() -> Iterator[Article]:
            stdin_count = 0
            for path in expand_inputs(inputs):
                if stop.requested:
                    return
                if isinstance(path, InputError):
                    errors.append(path)
                    writer.failed()
                    on_error(path)
                    continue
                if path == "-":
                    stdin_count += 1
                else:
                    seen = _known_file(writer, path, key)
                    if seen == "unchanged":
                        writer.touch(path)
                        on_document(path, "unchanged")
                        continue
                    if seen is not None:
                        files[path] = seen
                for item in read_path(path, rules=rules, stdin_count=stdin_count):
                    if isinstance(item, InputError):
                        errors.append(item)
                        writer.failed()
                        on_error(item)
                        continue
                    for warning in item.warnings:
                        on_error(InputError(item.path, f"warning: {warning}"))
                    if published is not None:
                        item = with_published(item, published)
                    state = writer.classify(item.path, item.content_hash, key)
                    if state == "unchanged":
                        writer.touch(item.path, item.content_hash)
                        _record_file(writer, item.path, files)
                        on_document(item.path, state)
                        continue
                    if item.dateline and item.published is None and len(held) < MAX_HELD:
                        held.append(item)
                        continue
                    yield item

        def store_results(articles: Iterator[Article]) -> bool:
            """Process and store articles as they come; False when Ctrl-C stopped the run.
            The model loads only when there is an article to process."""
            results: Iterator[DocResult] = iter(())
            last_commit = time.monotonic()
            try:
                first = _first(articles)
                if first is not None:
                    results = run(first)
                for result in results:
                    article = result.article
                    state = writer.classify(article.path, article.content_hash, key)
                    if state == "unchanged":  # the same text reached twice in this run
                        writer.touch(article.path, article.content_hash)
                    else:
                        writer.add(result, key)
                        _record_file(writer, article.path, files)
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
            return not stop.requested

        interrupted = not store_results(to_process())
        writer.commit()
        resolutions.append(resolve_store(store, writer, rules_dir=rules_dir, rules=rules))
        if held and not interrupted:
            from factx.published import HOW_RUN
            from factx.runyear import infer_years

            years = infer_years(store, writer.run_id, held)
            articles = [with_published(a, years[a.path].value, HOW_RUN, years[a.path].source)
                        if a.path in years else a for a in held]
            held.clear()
            interrupted = not store_results(iter(articles))
            writer.commit()
            resolutions.append(resolve_store(store, writer, rules_dir=rules_dir, rules=rules))
        counts = writer.finish("interrupted" if interrupted else "done")
    return RunReport(writer.run_id, counts, errors, interrupted, model, resolutions[-1] if resolutions else None)


def resolve_store(store: Store, writer=None, *, rules_dir: str | None = None, full: bool = False,
                  rules=None) -> Resolution:
    """Bring the store's entities up to date with its facts (see `factx.incremental`),
    inside the transaction of the writer in hand. Names are folded for lookups as the
    run's rules fold them, and the store remembers those rules, so that `--entity`
    finds what the run's particles and titles make one."""
    from factx.lookup import RULES_KEY

    rules = rules if rules is not None else load_rules(rules_dir)
    done = update_entities(store, rules=rules, full=full)
    folder = os.path.abspath(rules_dir) if rules_dir else None
    if writer is not None:
        writer.set_meta(RULES_KEY, folder)
    elif folder is None:
        store.conn.execute("DELETE FROM meta WHERE key = ?", (RULES_KEY,))
    else:
        store.conn.execute("INSERT OR REPLACE INTO meta VALUES (?, ?)", (RULES_KEY, folder))
    return done


#: A file modified this close to the moment its stat is taken may change again within
#: the same mtime tick without its size changing: its stat is not trusted on the next run.
RACY_SECONDS = 2.0


def _known_file(writer, path: str, key: str) -> str | tuple[int, int | None, str] | None:
    """'unchanged' for a file stored by this pipeline that has not changed since, told by
    its size and mtime, or (when those moved) by the hash of its bytes; otherwise the
    (size, mtime_ns, hash) to record once it is stored, or None when it cannot be read
    here (reading it again gives the error). JSONL files hold many documents: None."""
    if path.lower().endswith(".jsonl"):
        return None
    try:
        stat = os.stat(path)
    except OSError:
        return None
    known = writer.store.file_state(path)
    if known is not None and known[0] == key and known[1] == stat.st_size \
            and known[2] is not None and known[2] == stat.st_mtime_ns:
        return "unchanged"
    try:
        with open(path, "rb") as handle:
            digest = hashlib.sha256(handle.read()).hexdigest()
    except OSError:
        return None
    mtime = stat.st_mtime_ns if time.time() - stat.st_mtime > RACY_SECONDS else None
    if known is not None and known[0] == key and known[3] == digest:
        writer.set_file(path, stat.st_size, mtime, digest)
        return "unchanged"
    return (stat.st_size, mtime, digest)


def _record_file(writer, path: str, files: dict[str, tuple[int, int | None, str]]) -> None:
    seen = files.pop(path, None)
    if seen is not None:
        writer.set_file(path, *seen)


def _first(items: Iterator[Article]) -> Iterator[Article] | None:
    """The same items, or None when there are none (pulling the first one to know)."""
    for item in items:
        return itertools.chain((item,), items)
    return None


def find_entity(store: Store, query: str, **options) -> list[str]:
    """Entity ids matching `query`: kept here for older callers; see `factx.lookup`."""
    from factx.lookup import find_entity as lookup

    return lookup(store, query, **options)


__all__ = ["run_extract", "find_entity", "RunReport", "FactxError"]
