"""The Ray engine (``newsgraph ingest --engine ray``): reading and analysis on a Ray cluster.

The inputs become a Ray dataset of file paths, read and cleaned by Ray tasks where the files
are (shared storage for a real cluster), then analysed by an actor pool of analyzers, one
spaCy model per actor, in batches of 16 articles: each actor first asks the store which of
its articles are analysed already and skips them, so a rerun after a stop analyses only
what is missing. The results come back to this process in input order (Ray Data's
``preserve_order``) and go through the ordinary runner: deduplication, near-duplicates,
writing and resolution happen here, in order, exactly as in a plain run, into any store
(PostgreSQL for a real cluster, since the actors must reach it too).

With no address (``--ray-address`` or $RAY_ADDRESS) a local Ray is started for the run and
stopped after it (``ray.init(num_cpus=...)``; Ray has no local mode any more). ``ray`` is
an optional dependency: ``pip install newsgraph[ray]``.
Limits: standard input cannot be read on a cluster; every node needs newsgraph installed
(the same version), and the inputs at the same paths.
"""

from __future__ import annotations

import logging
import os
import pickle
from collections import OrderedDict
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path

from ..errors import ConfigError, InputError
from ..model import Article, RawDocument, ReadOptions
from .runner import IngestEvent, IngestReport, run_ingest
from .sources import Source, expand_paths

__all__ = ["ray_ingest", "import_ray"]

ANALYSIS_BATCH = 16


def import_ray():
    """The ray module, or a ConfigError saying how to install it."""
    try:
        import ray
        import ray.data  # noqa: F401 - the Data library is the extra's point
    except ImportError as exc:
        raise ConfigError(f"the Ray engine needs Ray Data, which is not installed ({exc}): "
                          "pip install newsgraph[ray]") from None
    return ray


def _read_file(row: dict, options: ReadOptions) -> list[dict]:
    """One file's articles, cleaned (or the InputErrors of its bad items), pickled: a Ray task."""
    from . import clean
    from .inputs import read_source

    out = []
    for item in read_source(Source(row["path"], Path(row["path"])), options):
        if isinstance(item, RawDocument):
            try:
                item = clean(item, options)
            except InputError as error:
                item = error
        out.append({"item": pickle.dumps(item)})
    return out


class _RayAnalyzer:
    """An actor of the pool: the spaCy model loaded once; skips articles the store has analysed.

    ``db`` is set on a subclass made for the run (``_analyzer_for``): Ray keeps constructor
    arguments in its object store, where a restarted actor may no longer find them.
    """

    db = ""

    def __init__(self):
        from ..analyze import Analyzer
        from ..store import Store

        self.analyzer = Analyzer(batch_size=ANALYSIS_BATCH)
        self.store = Store(self.db, create=False)

    def __call__(self, batch):
        import pyarrow as pa

        items = [pickle.loads(b) for b in batch.column("item").to_pylist()]
        articles = [i for i in items if isinstance(i, Article)]
        states = self.store.states(a.id for a in articles)
        wanted = [a for a in articles if not states.get(a.id)]
        results = {a.id: r for a, r in self.analyzer.analyze(wanted)}
        records = [pickle.dumps(results[i.id]) if isinstance(i, Article) and i.id in results else None
                   for i in items]
        return pa.table({"item": batch.column("item"), "result": pa.array(records, pa.binary())})


class _Analysed:
    """The results that came back with the items, handed to the runner as its analysis."""

    depth = 0

    def __init__(self, keep: int):
        self.ready: OrderedDict[str, dict | InputError] = OrderedDict()
        self.keep = keep

    def add(self, article: Article, result) -> None:
        self.ready[article.id] = result
        while len(self.ready) > self.keep:  # results of duplicates, never asked for
            self.ready.popitem(last=False)

    def submit(self, articles: list[Article]) -> Callable[[], list]:
        pairs = [(a, self.ready.pop(a.id, None) or InputError(
            a.source, "analysis failed: Ray returned no analysis for it (it was analysed in the store "
            "when Ray looked); ingest it again", a.location)) for a in articles]
        return lambda: pairs


def ray_ingest(paths: Iterable[str], store, options: ReadOptions, address: str | None = None,
               workers: int | None = None, batch_size: int = 32,
               on_event: Callable[[IngestEvent], None] | None = None) -> IngestReport:
    """Ingest ``paths`` with the analysis on Ray (see the module's docstring); the runner's report."""
    ray = import_ray()
    sources, problems = [], []
    for item in expand_paths(paths):
        if isinstance(item, InputError):
            problems.append(item)
        elif item.stream is not None:
            raise ConfigError("the Ray engine reads files, not standard input: save it to a file first")
        else:
            sources.append(item.name)
    started = not ray.is_initialized()
    for name in ("ray", "ray.data"):
        logging.getLogger(name).setLevel(logging.ERROR)  # the run's own feedback is the runner's
    if started:
        address = address or os.environ.get("RAY_ADDRESS")
        local = {} if address else {"num_cpus": workers or None}
        ray.init(address=address, include_dashboard=False, log_to_driver=False, logging_level="ERROR",
                 configure_logging=False, **local)
    try:
        analysed = _Analysed(keep=4 * batch_size)
        items = _rows(ray, sources, store.url, options, workers, analysed) if sources else iter(())
        return run_ingest(_chain(problems, items), store, options, analysed, batch_size, on_event)
    finally:
        if started:
            ray.shutdown()


def _chain(first: list, then: Iterator) -> Iterator:
    yield from first
    yield from then


def _rows(ray, sources: list[str], db: str, options: ReadOptions, workers: int | None,
          analysed: _Analysed) -> Iterator[Article | InputError]:
    context = ray.data.DataContext.get_current()
    context.execution_options.preserve_order = True
    context.enable_progress_bars = False
    actors = workers or max(1, int(ray.cluster_resources().get("CPU", 1)))
    dataset = (
        ray.data.from_items([{"path": p} for p in sources], override_num_blocks=min(len(sources), 4 * actors))
        .flat_map(_read_file, fn_kwargs={"options": options}, num_cpus=0)
        .map_batches(type("RayAnalyzer", (_RayAnalyzer,), {"db": db}), batch_size=ANALYSIS_BATCH,
                     batch_format="pyarrow", compute=ray.data.ActorPoolStrategy(size=actors), num_cpus=1)
    )
    for row in dataset.iter_rows():
        item = pickle.loads(row["item"])
        if isinstance(item, Article) and row["result"] is not None:
            analysed.add(item, pickle.loads(row["result"]))
        yield item
