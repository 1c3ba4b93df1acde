"""The ingest runner's batch transaction, with a stand-in analyzer (no spaCy)."""

from __future__ import annotations

from newsgraph.analyze.record import FORMAT, document_block
from newsgraph.errors import InputError
from newsgraph.ingest import runner
from newsgraph.model import RawDocument, ReadOptions
from newsgraph.store import Store

# Three short reports written for this test.
REPORTS = [
    "Talks between the two delegations resumed in Geneva on Monday after a week-long pause.",
    "The central bank left interest rates unchanged on Thursday, citing slowing inflation.",
    "Rescue teams reached the flooded villages in the north of the country on Sunday.",
]


class RecordOnlyAnalyzer:
    """Yields minimal, valid analysis records: enough for the store and resolution."""

    def analyze(self, articles):
        for article in articles:
            yield article, {"format": FORMAT, "document": document_block(article), "sentences": [],
                            "entities": [], "quotes": [], "timexes": [], "quantities": [], "events": []}


def test_runner_a_failing_resolution_costs_one_article_not_the_batch(store_url, monkeypatch):
    real = runner.resolve_article

    def flaky(conn, article_id, record):
        if "central bank" in record["document"]["text"]:
            raise KeyError("no such role")
        return real(conn, article_id, record)

    monkeypatch.setattr(runner, "resolve_article", flaky)
    options = ReadOptions(language="en")
    items = [RawDocument(text=t, source=f"report{i}.txt", location=None) for i, t in enumerate(REPORTS)]
    with Store(store_url) as store:
        report = runner.run_ingest(items, store, options, RecordOnlyAnalyzer(), batch_size=10)
        assert (report.stored, report.analyzed, report.failed) == (3, 2, 1)
        error = report.errors[0]
        assert isinstance(error, InputError) and error.source == "report1.txt"
        assert "resolution failed: KeyError" in error.reason
        pending = store.pending_analysis()
        assert [a.source for a in pending] == ["report1.txt"]  # stored, analysis to be retried
        monkeypatch.setattr(runner, "resolve_article", real)
        again = runner.run_ingest(
            [RawDocument(text=REPORTS[1], source="report1.txt")], store, options, RecordOnlyAnalyzer())
        assert (again.stored, again.analyzed, again.failed) == (0, 1, 0)
        assert store.pending_analysis() == []
