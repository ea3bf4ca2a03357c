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
from factx.errors import FactxError, InputError, StoreError, describe
from factx.incremental import Resolution, update_entities
from factx.published import published_option
from factx.records import Article, DocResult
from factx.rules import load_rules
from factx.stages.ingest import document_key, expand_inputs, read_path, with_published
from factx.store import RunCounts, Store

#: Documents per store transaction; a crash loses at most the batch in flight.
COMMIT_EVERY = int(os.environ.get("FACTX_COMMIT_EVERY", "64"))
COMMIT_SECONDS = 5.0
#: At most this many documents with a year-less dateline wait for the run to date them;
#: later ones are processed at once, their year left unknown (memory stays bounded).
MAX_HELD = 2000



@dataclass
class RunReport:
    """What a run did: counts, the run id whose facts to print, and its problems.

    `signal` is the number of the signal (SIGINT, SIGTERM, SIGHUP) that stopped the
    run early, or None.
    """

    run_id: int
    counts: RunCounts
    errors: list[InputError] = field(default_factory=list)
    interrupted: bool = False
    model: str = ""
    signal: int | None = None
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
_WORKER_ERROR: BaseException | None = None

#: The signals that stop a run like Ctrl-C: the terminal closing, `kill`, a service manager.
STOP_SIGNALS = tuple(getattr(signal, name) for name in ("SIGINT", "SIGTERM", "SIGHUP") if hasattr(signal, name))


class _StopOnSignal:
    """The first SIGINT (Ctrl-C), SIGTERM or SIGHUP asks the run to stop after the
    document in hand (so that no commit is cut in half); a second one stops at once.
    Main thread only; elsewhere the signals keep their handlers."""

    def __init__(self) -> None:
        self.signum: int | None = None
        self._previous: dict[int, object] = {}

    @property
    def requested(self) -> bool:
        return self.signum is not None

    def _handle(self, signum, frame) -> None:
        if self.signum is not None:
            raise KeyboardInterrupt
        self.signum = signum

    def __enter__(self) -> "_StopOnSignal":
        if threading.current_thread() is threading.main_thread():
            for signum in STOP_SIGNALS:
                self._previous[signum] = signal.signal(signum, self._handle)
        return self

    def __exit__(self, *exc) -> None:
        for signum, previous in self._previous.items():
            signal.signal(signum, previous)
        self._previous = {}


def _worker_init(model: str, rules_dir: str | None) -> None:
    global _WORKER_NLP, _WORKER_ERROR

    # Ctrl-C and a hang-up reach the whole process group: the parent decides when to
    # stop. SIGTERM keeps its default: it is how the parent ends a worker.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    if hasattr(signal, "SIGHUP"):
        signal.signal(signal.SIGHUP, signal.SIG_IGN)
    try:
        from factx.pipeline import load_model

        _WORKER_NLP = load_model(model, rules_dir=rules_dir)
    except BaseException as exc:  # said by the parent, not as a worker's traceback
        _WORKER_ERROR = exc if isinstance(exc, FactxError) else FactxError(
            f"a worker process cannot load the pipeline: {describe(exc)}")


def _worker_batch(articles: list[Article]) -> list[DocResult | InputError]:
    from factx.pipeline import process

    if _WORKER_ERROR is not None:
        raise _WORKER_ERROR
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


class _Pool:
    """Worker processes (spawned: a forked copy of a process with threads can deadlock).

    A `ProcessPoolExecutor`, not a `multiprocessing.Pool`: when a worker dies (killed,
    out of memory) its tasks fail at once instead of waiting for ever.
    """

    def __init__(self, jobs: int, model: str, rules_dir: str | None) -> None:
        import multiprocessing
        from concurrent.futures import ProcessPoolExecutor

        _start_resource_tracker()
        self.executor = ProcessPoolExecutor(jobs, mp_context=multiprocessing.get_context("spawn"),
                                            initializer=_worker_init, initargs=(model, rules_dir))

    def submit(self, batch: list[Article]):
        return self.executor.submit(_worker_batch, batch)

    def close(self, *, kill: bool) -> None:
        """Shut the pool down. `kill` ends the workers at once, and is only for a pool
        found broken (a worker died): a live worker ended while it writes a result
        leaves the executor's reader thread waiting for ever for the rest of the message,
        and `shutdown` with it (a run stopped by SIGTERM under -j 2 hung so). A live pool
        is closed by letting the batches already handed to the workers finish."""
        if kill:
            # Python 3.14 has `terminate_workers()`; before it, the executor's own list
            for process in list(getattr(self.executor, "_processes", {}).values()):
                if process.is_alive():
                    process.terminate()
        self.executor.shutdown(wait=True, cancel_futures=True)


def _start_resource_tracker() -> None:
    """Start multiprocessing's resource tracker process ignoring SIGHUP, as it ignores
    SIGINT and SIGTERM: a terminal that closes sends SIGHUP to the whole process group,
    and a tracker killed by it is relaunched and prints KeyError tracebacks (CPython
    ignores only SIGINT and SIGTERM there: multiprocessing/resource_tracker.py)."""
    from multiprocessing import resource_tracker

    if not hasattr(signal, "SIGHUP") or threading.current_thread() is not threading.main_thread():
        resource_tracker.ensure_running()
        return
    previous = signal.signal(signal.SIGHUP, signal.SIG_IGN)  # inherited by the tracker
    try:
        resource_tracker.ensure_running()
    finally:
        signal.signal(signal.SIGHUP, previous)


def _process_pool(articles: Iterable[Article], model: str, rules_dir: str | None, jobs: int,
                  stopping: Callable[[], bool] = lambda: False,
                  slot: list | None = None) -> Iterator[DocResult | InputError]:
    """Results of `jobs` worker processes, in input order, with a bounded window of
    batches in flight. Waiting polls `stopping`, so that a signal is acted on even
    when the workers it also reached are gone. A worker that dies fails only the
    document it had: its batch and those in flight go through again one document at
    a time, each alone in a fresh worker, so the one that kills it is found.

    `slot` (a one-item list) holds a pool that outlives this call (the run's second
    pass uses the workers of its first); without it the pool is this call's own."""
    from collections import deque
    from concurrent.futures import BrokenExecutor, Future, wait

    own = slot is None
    slot = [None] if slot is None else slot
    if slot[0] is None:
        slot[0] = _Pool(jobs, model, rules_dir)
    pool = slot[0]
    window: deque = deque()
    stopped = False

    def collect(batch, future) -> Iterator[DocResult | InputError]:
        nonlocal pool, stopped
        while not future.done():
            wait([future], timeout=0.25)
            if stopping():
                stopped = True
                return
        try:
            yield from future.result()
            return
        except BrokenExecutor:
            if stopping():
                stopped = True
                return
        # a worker died: retry what was in flight, one document per fresh worker
        lost = batch + [a for b, f in window for a in b]
        window.clear()
        pool.close(kill=True)
        slot[0] = None
        for article in lost:
            pool = _Pool(1, model, rules_dir)
            single = pool.submit([article])
            while not single.done():
                wait([single], timeout=0.25)
                if stopping():
                    stopped = True
                    return
            try:
                yield from single.result()
                pool.close(kill=False)
            except BrokenExecutor:
                pool.close(kill=True)
                yield InputError(article.path, "the worker process died while processing it (killed, or "
                                               "out of memory?); skipped")
        pool = slot[0] = _Pool(jobs, model, rules_dir)

    try:
        for batch in _batches(articles, 4):
            try:
                future = pool.submit(batch)
            except BrokenExecutor as exc:  # a worker died since the last result: retried below
                future = Future()
                future.set_exception(exc)
            window.append((batch, future))
            while len(window) >= jobs * 3 and not stopped:
                yield from collect(*window.popleft())
            if stopped:
                return
        while window and not stopped:
            yield from collect(*window.popleft())
    finally:
        if own or window or stopped or pool is not slot[0]:  # batches left in flight: no reuse
            pool.close(kill=False)
            if slot[0] is not None and slot[0] is not pool:
                slot[0].close(kill=False)
            slot[0] = None


class _Runner:
    """The per-document pipeline of one run: in this process, in `jobs` worker processes,
    or on a Dask cluster. It starts with the first article there is to process (a rerun
    with nothing new loads no model) and serves the run's second pass too (documents
    dated by the run), so that each process loads the model once per run."""

    def __init__(self, model: str, rules_dir: str | None, *, jobs: int = 1, engine: str = "local",
                 scheduler: str | None = None, stopping: Callable[[], bool] = lambda: False) -> None:
        self.model, self.rules_dir, self.jobs = model, rules_dir, jobs
        self.engine, self.scheduler, self.stopping = engine, scheduler, stopping
        self._nlp = None
        self._slot: list = [None]

    def __call__(self, articles: Iterable[Article]) -> Iterator[DocResult | InputError]:
        if self.engine == "dask":
            from factx.distributed import process_dask

            return process_dask(articles, self.model, self.rules_dir, scheduler=self.scheduler)
        if self.jobs > 1:
            return _process_pool(articles, self.model, self.rules_dir, self.jobs, stopping=self.stopping,
                                 slot=self._slot)
        return self._local(articles)

    def _local(self, articles: Iterable[Article]) -> Iterator[DocResult | InputError]:
        from factx.pipeline import load_model, process

        if self._nlp is None:
            self._nlp = load_model(self.model, rules_dir=self.rules_dir)
        yield from process(self._nlp, articles)

    def __enter__(self) -> "_Runner":
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def close(self) -> None:
        if self._slot[0] is not None:
            self._slot[0].close(kill=False)
            self._slot[0] = None
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

    Problems with single inputs or documents go to `on_error` and the run goes on;
    Ctrl-C, SIGTERM or SIGHUP commit what was finished, and the report says so. A
    store that cannot be written (a full disk) stops the run with a `StoreError`;
    the batches committed before stay.
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
    stop = _StopOnSignal()
    run = _Runner(model, rules_dir, jobs=jobs, engine=engine, scheduler=scheduler,
                  stopping=lambda: stop.requested)
    resolutions: list[Resolution] = []

    with store.writer() as writer, stop, run:
        # files read this run, by document key: (size, mtime_ns, hash) to record once stored
        files: dict[str, tuple[int, int | None, str]] = {}

        def failed(error: InputError) -> None:
            errors.append(error)
            writer.failed()
            on_error(error)

        def to_process() -> Iterator[Article]:
            stdin_count = 0
            for path in expand_inputs(inputs):
                if stop.requested:
                    return
                if isinstance(path, InputError):
                    failed(path)
                    continue
                if path == "-":
                    stdin_count += 1
                else:
                    name = document_key(path)
                    seen = _known_file(writer, path, name, key)
                    if seen == "unchanged":
                        writer.touch(name, None, os.path.abspath(path))
                        on_document(name, "unchanged")
                        continue
                    if seen is not None:
                        files[name] = seen
                for item in read_path(path, rules=rules, stdin_count=stdin_count):
                    if stop.requested:
                        return
                    if isinstance(item, InputError):
                        failed(item)
                        continue
                    for warning in item.warnings:
                        on_error(InputError(item.path, f"warning: {warning}"))
                    if published is not None:
                        item = with_published(item, published)
                    state = writer.classify(item.path, item.content_hash, key)
                    if state == "unchanged":
                        writer.touch(item.path, item.content_hash, item.source)
                        _record_file(writer, item.path, files)
                        on_document(item.path, state)
                        continue
                    if item.dateline and item.published is None and len(held) < MAX_HELD:
                        held.append(item)
                        continue
                    yield item

        def store_one(result: DocResult, state: str) -> None:
            try:
                writer.add(result, key)
            except StoreError as exc:
                if exc.kind != "other":  # a full disk, a broken file: no document can be stored
                    raise
                failed(InputError(result.article.path, f"cannot be stored: {exc.message}; skipped"))
            except Exception as exc:
                failed(InputError(result.article.path, f"cannot be stored: {describe(exc)}; skipped"))
            else:
                _record_file(writer, result.article.path, files)
                on_document(result.article.path, state)

        def store_results(articles: Iterator[Article]) -> bool:
            """Process and store articles as they come; False when a signal stopped the
            run. The model loads only when there is an article to process."""
            results: Iterator[DocResult | InputError] = iter(())
            last_commit = time.monotonic()
            try:
                first = _first(articles)
                if first is not None:
                    results = run(first)
                for result in results:
                    if isinstance(result, InputError):
                        failed(result)
                    else:
                        article = result.article
                        state = writer.classify(article.path, article.content_hash, key)
                        if state == "unchanged":  # the same text reached twice in this run
                            writer.touch(article.path, article.content_hash, article.source)
                            on_document(article.path, state)
                        else:
                            store_one(result, state)
                    if stop.requested:
                        return False
                    if writer.pending >= COMMIT_EVERY or time.monotonic() - last_commit > COMMIT_SECONDS:
                        writer.commit()
                        last_commit = time.monotonic()
            except KeyboardInterrupt:  # a second signal, or one outside the main thread
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
    return RunReport(writer.run_id, counts, errors, interrupted, model,
                     stop.signum if interrupted and stop.signum is not None else
                     (signal.SIGINT if interrupted else None),
                     resolutions[-1] if resolutions else None)


def prune(store: Store, *, dry_run: bool = False, rules_dir: str | None = None) -> tuple[list[str], int]:
    """Remove the documents whose file is gone, with their facts, and resolve entities
    again; the paths removed (or that would be, with `dry_run`) and how many documents
    could not be checked (see `Store.gone_documents`)."""
    with store.writer() as writer:
        gone, unchecked = store.gone_documents()
        if dry_run or not gone:
            writer.rollback()
            return [path for _, path in gone], unchecked
        writer.remove(doc_id for doc_id, _ in gone)
        resolve_store(store, writer, rules_dir=rules_dir)
        store.conn.execute("DELETE FROM runs WHERE run_id = ?", (writer.run_id,))  # not a run
        writer.finish("pruned")
    return [path for _, path in gone], unchecked


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


def _known_file(writer, path: str, name: str, key: str) -> str | tuple[int, int | None, str] | None:
    """'unchanged' for a file stored (as document `name`) by this pipeline that has not
    changed since, told by its size and mtime, or (when those moved) by the hash of its
    bytes; otherwise the (size, mtime_ns, hash) to record once it is stored, or None when
    it is not an ordinary readable file within the document limit (reading it gives the
    error). JSONL files hold many documents: None."""
    import stat as stat_module

    from factx.stages.ingest import MAX_DOCUMENT_BYTES

    if path.lower().endswith(".jsonl"):
        return None
    try:
        info = os.stat(path)
    except OSError:
        return None
    if not stat_module.S_ISREG(info.st_mode) or info.st_size > MAX_DOCUMENT_BYTES:
        return None  # never opened here: a FIFO would block, a huge file is refused by ingest
    known = writer.store.file_state(name)
    if known is not None and known[0] == key and known[1] == info.st_size \
            and known[2] is not None and known[2] == info.st_mtime_ns:
        return "unchanged"
    try:
        with open(path, "rb") as handle:
            digest = hashlib.sha256(handle.read(MAX_DOCUMENT_BYTES + 1)).hexdigest()
    except OSError:
        return None
    mtime = info.st_mtime_ns if time.time() - info.st_mtime > RACY_SECONDS else None
    if known is not None and known[0] == key and known[3] == digest:
        writer.set_file(name, info.st_size, mtime, digest)
        return "unchanged"
    return (info.st_size, mtime, digest)


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


__all__ = ["run_extract", "prune", "find_entity", "RunReport", "FactxError"]
