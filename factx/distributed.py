"""`--engine dask`: the per-document stages on a Dask cluster, the store on the client.

Each worker loads the spaCy pipeline once (a `WorkerPlugin`) and returns plain
`DocResult`s; the client resolves entities and writes the store, exactly as a
local run does, so both give the same facts. Without `--scheduler` a
`LocalCluster` is started for the run.

Requires the optional extra: `pip install 'factx[dask]'` (installed by `make test`).
"""

from __future__ import annotations

from collections import deque
from typing import Iterable, Iterator

from factx.errors import UsageError
from factx.records import Article, DocResult

#: Articles per task, and tasks in flight per worker thread: bounded memory.
BATCH = 8
IN_FLIGHT_PER_THREAD = 2

_PLUGIN_NAME = "factx-model"


def _import_distributed():
    try:
        import distributed
    except ImportError:
        raise UsageError("--engine dask needs the dask extra",
                         hint="install it with: pip install 'factx[dask]'") from None
    return distributed


try:
    from distributed import WorkerPlugin as _PluginBase
except ImportError:  # the optional extra is missing; process_dask() says so
    _PluginBase = object


class ModelPlugin(_PluginBase):
    """Loads the pipeline once per worker process, on setup."""

    name = _PLUGIN_NAME

    def __init__(self, model: str, rules_dir: str | None) -> None:
        self.model, self.rules_dir = model, rules_dir

    def setup(self, worker) -> None:
        from factx.pipeline import load_model

        worker.factx_nlp = load_model(self.model, rules_dir=self.rules_dir)

    def teardown(self, worker) -> None:
        worker.__dict__.pop("factx_nlp", None)


def _run_batch(articles: list[Article]) -> list[DocResult]:
    from distributed import get_worker

    from factx.pipeline import process

    return list(process(get_worker().factx_nlp, articles))


def _batches(items: Iterable[Article], size: int) -> Iterator[list[Article]]:
    batch: list[Article] = []
    for item in items:
        batch.append(item)
        if len(batch) == size:
            yield batch
            batch = []
    if batch:
        yield batch


def process_dask(articles: Iterable[Article], model: str, rules_dir: str | None, *,
                 scheduler: str | None = None, workers: int | None = None) -> Iterator[DocResult]:
    """Run the per-document pipeline on a Dask cluster; results in input order."""
    distributed = _import_distributed()
    cluster = None
    if scheduler is None:
        cluster = distributed.LocalCluster(n_workers=workers or 2, threads_per_worker=1, processes=True,
                                           dashboard_address=None, silence_logs=40)
        client = distributed.Client(cluster)
    else:
        try:
            client = distributed.Client(scheduler, timeout="20s")
        except OSError as exc:
            raise UsageError(f"cannot reach the Dask scheduler at {scheduler}: {exc}",
                             hint="check the address (e.g. tcp://host:8786) and that the scheduler runs") from None
    try:
        plugin = ModelPlugin(model, rules_dir)
        client.register_plugin(plugin, name=_PLUGIN_NAME)
        threads = max(1, sum(client.nthreads().values()))
        window: deque = deque()
        for batch in _batches(articles, BATCH):
            window.append(client.submit(_run_batch, batch, pure=False))
            # Keep a bounded number of tasks in flight; yield in submission order.
            while len(window) >= threads * IN_FLIGHT_PER_THREAD:
                yield from window.popleft().result()
        while window:
            yield from window.popleft().result()
    finally:
        client.close()
        if cluster is not None:
            cluster.close()
