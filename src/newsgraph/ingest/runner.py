"""The ingest run: read, clean, deduplicate, analyse and store, in committed batches.

Each batch of articles is written in one transaction together with its analyses,
so a run stopped at any moment (Ctrl-C, kill -9, a full disk) keeps every batch it
had committed and nothing half-written; running the same command again skips
what is stored (the id is the hash of the cleaned text) and finishes the rest.
Stored articles that lack an analysis (ingested with analysis off) are analysed
when they are met again with analysis on.

The analysis may run elsewhere: given an :class:`~newsgraph.ingest.workers.AnalysisPool`
(worker processes) or the Ray engine's results, the runner submits each batch's articles
as soon as the batch is read and keeps a few batches in flight while it writes earlier
ones. Reading, cleaning, deduplicating and writing stay here, in input order, so the
store receives what one process would write. Articles of a batch in flight count as
stored for the batches read after it ("same text earlier in this run").
"""

from __future__ import annotations

from collections import deque
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field

from ..errors import InputError
from ..model import Article, RawDocument, ReadOptions
from ..resolve import resolve_article
from . import dedupe

__all__ = ["IngestReport", "IngestEvent", "run_ingest", "analyze_inputs"]


@dataclass(frozen=True)
class IngestEvent:
    """What happened to one item: stored, duplicate, near_duplicate, analyzed or error."""

    kind: str
    source: str
    article_id: str | None = None
    title: str | None = None
    detail: str | None = None
    error: InputError | None = None
    location: str | None = None


@dataclass
class IngestReport:
    stored: int = 0
    analyzed: int = 0
    duplicates: int = 0
    near_duplicates: int = 0
    errors: list[InputError] = field(default_factory=list)
    interrupted: bool = False

    @property
    def failed(self) -> int:
        return len(self.errors)

    def as_dict(self) -> dict:
        return {
            "stored": self.stored,
            "analyzed": self.analyzed,
            "duplicates": self.duplicates,
            "near_duplicates": self.near_duplicates,
            "failed": self.failed,
            "interrupted": self.interrupted,
        }


def _cleaned(items: Iterable[RawDocument | InputError], options: ReadOptions) -> Iterator[Article | InputError]:
    from . import clean

    for item in items:
        if isinstance(item, (InputError, Article)):  # an Article was cleaned already (the Ray engine)
            yield item
            continue
        try:
            yield clean(item, options)
        except InputError as exc:
            yield exc


def _batches(items: Iterator, size: int) -> Iterator[list]:
    batch = []
    for item in items:
        batch.append(item)
        if len(batch) >= size:
            yield batch
            batch = []
    if batch:
        yield batch


def run_ingest(
    items: Iterable[RawDocument | Article | InputError],
    store,
    options: ReadOptions,
    analyzer=None,
    batch_size: int = 32,
    on_event: Callable[[IngestEvent], None] | None = None,
) -> IngestReport:
    """Ingest reader output into the store; returns counts and every error met.

    ``analyzer`` None means store without analysis; an Analyzer analyses here, each batch
    right before it is written; an AnalysisPool (or anything with ``submit(articles)``
    returning a call that gives the (article, record) pairs, and a ``depth``) analyses
    elsewhere, ``depth`` batches ahead. KeyboardInterrupt ends the run after rolling back
    the batch in flight; the report says so.
    """
    report = IngestReport()
    emit = on_event or (lambda event: None)
    analysis = None if analyzer is None else analyzer if hasattr(analyzer, "submit") else _Here(analyzer)
    pending: deque[_Batch] = deque()
    in_flight: set[str] = set()
    try:
        for items_read in _batches(_cleaned(items, options), batch_size):
            batch = _plan_batch(items_read, store, analysis is not None, report, emit, in_flight)
            if analysis is not None and batch.to_analyze:
                batch.results = analysis.submit(batch.to_analyze)
            pending.append(batch)
            while len(pending) > (analysis.depth if analysis is not None else 0):
                _write_batch(pending.popleft(), store, report, emit, in_flight)
        while pending:
            _write_batch(pending.popleft(), store, report, emit, in_flight)
    except KeyboardInterrupt:
        report.interrupted = True
        if analysis is not None and hasattr(analysis, "cancel"):
            analysis.cancel()
    return report


class _Here:
    """Analysis in this process, when the batch is about to be written (no batch ahead)."""

    depth = 0

    def __init__(self, analyzer):
        self.analyzer = analyzer

    def submit(self, articles: list[Article]):
        return lambda: list(self.analyzer.analyze(articles))


@dataclass
class _Batch:
    """A batch read and checked against the store, waiting for its analysis and its write."""

    articles: list[Article]  # the batch's articles, first copies only, in input order
    new: list[Article]  # not stored yet
    to_analyze: list[Article]  # new, or stored without analysis, when analysing
    results: Callable[[], list] | None = None


def analyze_inputs(items: Iterable[RawDocument | InputError], options: ReadOptions,
                   analyzer) -> Iterator[dict | InputError]:
    """Analysis records of the inputs, stored nowhere (``newsgraph analyze``).

    Every input is read and cleaned first: the errors of those that cannot be come
    first, then one record (or the InputError of a failed analysis) per good input.
    """
    cleaned = list(_cleaned(items, options))
    yield from (item for item in cleaned if isinstance(item, InputError))
    for _article, record in analyzer.analyze(item for item in cleaned if not isinstance(item, InputError)):
        yield record


def _plan_batch(batch, store, analyzing: bool, report: IngestReport, emit, in_flight: set[str]) -> _Batch:
    articles: list[Article] = []
    seen: set[str] = set()
    for item in batch:
        if isinstance(item, InputError):
            report.errors.append(item)
            emit(IngestEvent("error", item.source, detail=item.reason, error=item))
        elif item.id in seen or item.id in in_flight:
            report.duplicates += 1
            emit(IngestEvent("duplicate", item.source, item.id, item.title, "same text earlier in this run"))
        else:
            seen.add(item.id)
            articles.append(item)
    in_flight.update(seen)

    states = store.states(a.id for a in articles)
    new = [a for a in articles if a.id not in states]
    for article in articles:
        if article.id in states and (states[article.id] or not analyzing):
            report.duplicates += 1
            emit(IngestEvent("duplicate", article.source, article.id, article.title, "already stored"))
    to_analyze = [a for a in articles if a.id not in states or (analyzing and not states[a.id])]
    return _Batch(articles, new, to_analyze)


def _write_batch(batch: _Batch, store, report: IngestReport, emit, in_flight: set[str]) -> None:
    records: dict[str, dict] = {}
    for article, result in batch.results() if batch.results else ():
        if isinstance(result, InputError):
            report.errors.append(result)
            emit(IngestEvent("error", article.source, article.id, detail=result.reason, error=result))
        else:
            records[article.id] = result

    inserted: set[str] = set()
    with store.writer() as writer:
        for article in batch.new:
            # Stored even when its analysis failed: the text is kept and the
            # analysis stays pending, to be retried when the article is met again.
            stored, link = _store_article(writer, article)
            if not stored:  # another process stored it since we looked
                report.duplicates += 1
                emit(IngestEvent("duplicate", article.source, article.id, article.title, "already stored"))
                continue
            report.stored += 1
            inserted.add(article.id)
            emit(IngestEvent("stored", article.source, article.id, article.title, location=article.location))
            if link:
                report.near_duplicates += 1
                emit(IngestEvent("near_duplicate", article.source, article.id, article.title,
                                 f"same story as {link[0][:12]} (similarity {link[1]:.2f})"))
        for article in batch.to_analyze:
            if article.id in records:
                try:
                    with writer.savepoint():
                        writer.save_analysis(article.id, records[article.id], fresh=article.id in inserted)
                        resolve_article(writer.conn, article.id, records[article.id])
                except Exception as exc:  # a bug in one article's resolution must not cost the batch
                    error = InputError(article.source, f"resolution failed: {type(exc).__name__}: {exc} "
                                       "(the article is stored; its analysis stays pending; please report this)",
                                       article.location)
                    report.errors.append(error)
                    emit(IngestEvent("error", article.source, article.id, detail=error.reason, error=error))
                    continue
                report.analyzed += 1
    in_flight.difference_update(a.id for a in batch.articles)


def _store_article(writer, article: Article) -> tuple[bool, tuple[str, float] | None]:
    """Insert an article, linking it to the stored reports of the same story.

    Returns whether it was inserted, and its closest near duplicate if any.
    """
    sig = dedupe.signature(article.text)
    best: tuple[str, str, float] | None = None
    links = []
    for other_id, story_id, other_text in writer.band_candidates(sig.bands, exclude=article.id):
        same, score = dedupe.is_near_duplicate(sig.shingles, dedupe.shingles(other_text))
        if same:
            links.append((other_id, score))
            if best is None or score > best[2]:
                best = (other_id, story_id, score)
    if not writer.insert_article(article, story_id=best[1] if best else None):
        return False, None
    writer.add_bands(article.id, sig.bands)
    for other_id, score in links:
        writer.link_near_duplicate(article.id, other_id, score)
    return True, ((best[0], best[2]) if best else None)
