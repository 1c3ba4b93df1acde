"""Cross-report merging on real stories: the 14 AQUAINT wire stories of the event gold, ingested together.

They report the US embassy bombings of 1998-08-07 again and again (on the day, in
condemnations, in later stories); each report of the bombings that names its target must
end up in one event, and different acts (the retaliation strikes, one condemner's words and
another's, one visitor's meetings) must stay apart: a wrong merge is worse than a missed one.
Analysed once per module with the real pipeline, then stored on SQLite and PostgreSQL.
"""

from __future__ import annotations

import pytest
from paths import DATA
from resolve_records import store_record

from newsgraph import query as q
from newsgraph.evaluate.events import OUTLETS, SEED_DOC, analyze
from newsgraph.store import Store

pytestmark = [pytest.mark.slow, pytest.mark.skipif(not (DATA / "events" / "txt").is_dir(),
                                                   reason=f"no event texts in {DATA / 'events' / 'txt'}")]

# Floors measured on 2026-12-04 (publication order: 9 reports from 6 articles; file-name order 8 from 5).
# 2026-12-05: 7 reports from 5 articles in either order. "those who were responsible for the
# bombings" is no longer a report of its own (an undated act named in passing, the event gold's
# convention); "probing into last Friday's bombings" still is, as its own words date it.
# 2026-12-05 (later): 10 reports from 7 articles in either order: the condemnations of 08-11 and
# 08-13 name "the bombings" undated and now join the act of the week before them.
BOMBING_ARTICLES = 7
BOMBING_REPORTS = 10


@pytest.fixture(scope="module")
def records(nlp) -> dict[str, dict]:
    from newsgraph.analyze import Analyzer

    found = analyze(Analyzer(nlp), DATA)
    found.pop(SEED_DOC)
    return found


def _ingest(store: Store, records: dict[str, dict], order: str) -> None:
    docs = sorted(records)
    if order == "published":
        docs.sort(key=lambda d: (records[d]["document"]["published"], d))
    for doc in docs:
        store_record(store, records[doc], outlet=OUTLETS[doc[:3]])


def _events(store: Store) -> list:
    return q.search_events(store, limit=200)


@pytest.mark.parametrize("order", ["published", "name"])
def test_aquaint_the_embassy_bombings_are_one_event(store_url, records, order):
    with Store(store_url) as store:
        _ingest(store, records, order)
        us = q.resolve_entity(store, "United States").id
        events = _events(store)
    # Every report of 1998-08-07 that names the US (its embassies) as the target: one event.
    bombing = {e.id for e in events for r in e.reports
               if e.type == "ASSAULT" and (r.time_value or "").startswith("1998-08-07")
               and us in {t.id for t in r.targets}}
    assert len(bombing) == 1, bombing
    [event] = [e for e in events if e.id in bombing]
    assert event.date == "1998-08-07"
    assert event.report_count >= BOMBING_ARTICLES and len(event.reports) >= BOMBING_REPORTS
    assert len({r.source.outlet for r in event.reports}) == 2  # Associated Press and Xinhua
    # The retaliation (US forces, 1998-08-20) is another event: the US never acts in the bombing.
    assert all(us not in {a.id for a in r.actors} for r in event.reports)


def test_aquaint_no_false_merges(store_url, records):
    with Store(store_url) as store:
        _ingest(store, records, "published")
        events = _events(store)
        us = q.resolve_entity(store, "United States").id
    assert [e for e in events if len(e.reports) > 1], "nothing merged"
    for e in events:
        actors = [{a.id for a in r.actors if a.id is not None} for r in e.reports]
        targets = [{t.id for t in r.targets if t.id is not None} for r in e.reports]
        # The bombing (the US suffers) and the retaliation strikes (the US acts) never meet.
        assert not (any(us in a for a in actors) and any(us in t for t in targets)), e
        dates = {r.time_value[:10] for r in e.reports if r.time_value and r.time_value[:1].isdigit()}
        # One day (a month holds its days: "last month" beside "Aug. 7"); a report the analysis
        # dated otherwise is flagged, not hidden.
        apart = [(a, b) for a in dates for b in dates if not (a.startswith(b) or b.startswith(a))]
        assert not apart or any(c["field"] == "date" for c in e.contradictions), e
        if e.type == "ACCUSE":  # each condemnation is its speaker's own act
            assert len({frozenset(a) for a in actors if a}) <= 1, e
