"""Merged reports: one real-world event reported by several articles becomes one event."""

from __future__ import annotations

from sqlalchemy import select

from newsgraph.store import Store
from newsgraph.store.graph import Graph
from newsgraph.store.schema import event_participants, event_reports, events
from resolve_records import event, record, store_record

# Ours: two outlets report the same phone call.
CALL_A = "Donald Trump spoke by phone with Vladimir Putin on Tuesday, the Kremlin said."
CALL_B = "Putin and Trump held a telephone conversation on Tuesday, according to Washington."
AID_A = "Germany pledged 3 billion euros in military aid to Ukraine on Monday."
AID_B = "Germany promised Ukraine 4 billion euros of military aid on Monday."
PEOPLE = [("Donald Trump", "PERSON", ["Donald Trump"]), ("Vladimir Putin", "PERSON", ["Vladimir Putin"])]
PEOPLE_B = [("Vladimir Putin", "PERSON", ["Putin"]), ("Donald Trump", "PERSON", ["Trump"])]


def _events(store: Store) -> list[dict]:
    with store.engine.connect() as conn:
        return [Graph(conn).event(r[0]) for r in conn.execute(select(events.c.id).order_by(events.c.id))]


def test_resolve_events_two_outlets_one_call(store_url):
    with Store(store_url) as store:
        store_record(store, record(CALL_A, PEOPLE, "2025-04-02", [event("CONSULT", ["e1"], ["e2"], "2025-04-01", mode="phone")]),
                     outlet="Reuters")
        store_record(store, record(CALL_B, PEOPLE_B, "2025-04-02", [event("CONSULT", ["e1", "e2"], [], "2025-04-01")]), outlet="BBC")
        found = _events(store)
        assert len(found) == 1
        assert found[0]["reports"] == 2 and found[0]["date"] == "2025-04-01" and found[0]["contradictions"] == []
        with store.engine.connect() as conn:
            assert conn.execute(select(event_reports.c.id)).all().__len__() == 2
            assert len(conn.execute(select(event_participants)).all()) == 4


def test_resolve_events_unknown_date_within_window(store_url):
    with Store(store_url) as store:
        store_record(store, record(CALL_A, PEOPLE, "2025-04-02", [event("CONSULT", ["e1"], ["e2"], "2025-04-01")]))
        store_record(store, record(CALL_B, PEOPLE_B, "2025-04-03", [event("CONSULT", ["e1"], ["e2"])]))
        assert [e["reports"] for e in _events(store)] == [2]


def test_resolve_events_apart_when_dates_or_people_differ(store_url):
    with Store(store_url) as store:
        store_record(store, record(CALL_A, PEOPLE, "2025-04-02", [event("CONSULT", ["e1"], ["e2"], "2025-04-01")]))
        store_record(store, record(CALL_B, PEOPLE_B, "2025-04-02", [event("CONSULT", ["e1"], ["e2"], "2025-03-20")]))
        store_record(store, record(AID_A, [("Germany", "GPE", ["Germany"], {"iso3166": "DE"})], "2025-04-02",
                                   [event("CONSULT", ["e1"], [], "2025-04-01")]))
        store_record(store, record("Far later: " + CALL_A, PEOPLE, "2025-06-02", [event("CONSULT", ["e1"], ["e2"])]))
        assert len(_events(store)) == 4


def test_resolve_events_amounts_disagree(store_url):
    ents = [("Germany", "GPE", ["Germany"], {"iso3166": "DE"}), ("Ukraine", "GPE", ["Ukraine"], {"iso3166": "UA"})]
    with Store(store_url) as store:
        a = store_record(store, record(AID_A, ents, "2025-04-01", [event("AID", ["e1"], ["e2"], "2025-03-31", [0])],
                                       [("3 billion euros", 3e9, "EUR")]), outlet="Reuters")
        b = store_record(store, record(AID_B, ents, "2025-04-01", [event("AID", ["e1"], ["e2"], "2025-03-31", [0])],
                                       [("4 billion euros", 4e9, "EUR")]), outlet="Der Spiegel")
        [found] = _events(store)
        assert found["reports"] == 2
        [clash] = found["contradictions"]
        assert clash["field"] == "amount" and clash["unit"] == "EUR"
        assert [(v["value"], v["articles"], v["outlets"], v["stories"]) for v in clash["values"]] == [
            (3000000000, [a], ["Reuters"], 1), (4000000000, [b], ["Der Spiegel"], 1)]


def test_resolve_events_reresolving_an_article_is_idempotent(store_url):
    rec = record(CALL_A, PEOPLE, "2025-04-02", [event("CONSULT", ["e1"], ["e2"], "2025-04-01")])
    with Store(store_url) as store:
        store_record(store, rec)
        store_record(store, rec)
        assert [e["reports"] for e in _events(store)] == [1]


def test_resolve_events_same_story_counts_once(store_url):
    ents = [("Germany", "GPE", ["Germany"], {"iso3166": "DE"}), ("Ukraine", "GPE", ["Ukraine"], {"iso3166": "UA"})]
    with Store(store_url) as store:
        first = store_record(store, record(AID_A, ents, "2025-04-01", [event("AID", ["e1"], ["e2"], "2025-03-31", [0])],
                                           [("3 billion euros", 3e9, "EUR")]))
        store_record(store, record(AID_A + " (updated)", ents, "2025-04-01",
                                   [event("AID", ["e1"], ["e2"], "2025-03-31", [0])], [("3 billion euros", 3e9, "EUR")]),
                     story_of=first)
        store_record(store, record(AID_B, ents, "2025-04-01", [event("AID", ["e1"], ["e2"], "2025-03-31", [0])],
                                   [("4 billion euros", 4e9, "EUR")]))
        [found] = _events(store)
        values = {v["value"]: (len(v["articles"]), v["stories"]) for v in found["contradictions"][0]["values"]}
        assert found["reports"] == 3 and values == {3000000000: (2, 1), 4000000000: (1, 1)}


def test_resolve_events_fill_report_dates_and_network_edges(store_url):
    """Schema 4: resolution's reports get their report date and actor->target edges from the database."""
    from newsgraph import query as q
    from newsgraph.store.schema import event_edges, entities

    dated = record(CALL_A, PEOPLE, "2025-04-02", [event("CONSULT", ["e1"], ["e2"], "2025-04-01")])
    undated = record(CALL_B, PEOPLE_B, "2025-04-03", [event("CONSULT", ["e1"], ["e2"])])
    with Store(store_url) as store:
        store_record(store, dated)
        store_record(store, undated)
        store_record(store, undated)  # re-resolved: its old report and edges go
        with store.engine.connect() as conn:
            ids = dict(conn.execute(select(entities.c.name, entities.c.id)).all())
            dates = sorted(r[0] for r in conn.execute(select(event_reports.c.report_date)))
            e = event_edges.c
            edges = sorted(tuple(r) for r in conn.execute(select(e.source_id, e.target_id, e.type, e.report_date)))
        trump, putin = ids["Donald Trump"], ids["Vladimir Putin"]
        assert dates == ["2025-04-01", "2025-04-03"]  # the TIMEX value, else the publication date
        assert edges == sorted([(trump, putin, "CONSULT", "2025-04-01"), (putin, trump, "CONSULT", "2025-04-03")])
        graph = q.actor_network(store, since="2025-04-02")
        assert list(graph.edges(keys=True)) == [(putin, trump, "CONSULT")]
