"""actor_network against a straightforward reference computed in Python from the raw rows.

The network reads ``event_edges`` (schema version 4), rows the database derives from
event_reports and event_participants with triggers; these tests check, on SQLite and
PostgreSQL, that the answer equals the reference for many date ranges, after every kind
of change (new reports, entity merges, dropped reports, dates filled or changed) and
after upgrading a version-3 database that already holds reports.
"""

from __future__ import annotations

import itertools

import pytest
from sqlalchemy import create_engine, select, update

from newsgraph import query as q
from newsgraph.query_records import polarity
from newsgraph.store import Store, resolve_url
from newsgraph.store import migrations
from newsgraph.store.graph import Graph
from newsgraph.store.schema import (
    articles, entities, event_edges, event_participants, event_reports, events,
)

NOW = "2025-01-01T00:00:00+00:00"
NAMES = ["Keir Starmer", "Volodymyr Zelensky", "Vladimir Putin", "Ukraine", "Russia", "NATO", "Sir Keir"]

# (article key, published) -- one undated article, dates at month edges.
ARTICLES = [("a1", "2025-01-31"), ("a2", "2025-02-01"), ("a3", "2025-02-28"), ("a4", None), ("a5", "2025-03-15"),
            ("a6", "2024-12-31"), ("a7", "2025-01-02")]

# (event key, type); reports: (event key, article, time_value, modality, actors, targets)
EVENTS = [("call", "CONSULT"), ("aid", "AID"), ("strike", "ASSAULT"), ("talks", "CONSULT"), ("threat", "THREATEN")]
REPORTS = [
    # One event reported in two months (January by its TIMEX, February by publication date).
    ("call", "a1", "2025-01-31", "asserted", ["Keir Starmer"], ["Volodymyr Zelensky"]),
    ("call", "a2", None, "asserted", ["Keir Starmer"], ["Volodymyr Zelensky"]),
    ("call", "a3", "PAST_REF", "claimed", ["Keir Starmer", "Sir Keir"], ["Volodymyr Zelensky"]),
    # Same pair and type, another event: weight 2 over the year.
    ("talks", "a5", "2025-03", "planned", ["Keir Starmer"], ["Volodymyr Zelensky", "Keir Starmer"]),
    ("aid", "a1", "2025-02-01T10:00", "asserted", ["NATO", "Keir Starmer"], ["Ukraine"]),
    ("aid", "a6", "2024-12-31", "asserted", ["NATO"], ["Ukraine"]),
    ("aid", "a4", None, "asserted", ["NATO"], ["Ukraine"]),  # no date at all
    ("aid", "a4", "2025-W05", "negated", ["NATO"], ["Ukraine"]),
    ("strike", "a7", "P3D", "asserted", ["Russia", "Vladimir Putin"], ["Ukraine"]),
    ("strike", "a2", "2025-01-02", "hypothetical", ["Russia"], ["Ukraine"]),
    ("strike", "a5", "2025-01-02", "claimed", ["Russia"], ["Ukraine", "Volodymyr Zelensky"]),
    ("threat", "a3", None, "asserted", ["Vladimir Putin"], ["NATO"]),
    ("threat", "a3", None, "asserted", ["Vladimir Putin"], []),  # nobody acted upon: no edge
]

BOUNDS = [None, "2024", "2024-12-31", "2025", "2025-01", "2025-01-02", "2025-01-31", "2025-02", "2025-02-01",
          "2025-02-28", "2025-03", "2025-03-14", "2026"]
MODALITY_SETS = [q.NETWORK_MODALITIES, ("asserted",), ("claimed", "negated", "hypothetical", "planned")]


def populate(conn) -> dict[str, int]:
    """The rows above, written with plain inserts (as any writer would); entity ids by name."""
    ids = {}
    for name in NAMES:
        ids[name] = conn.execute(entities.insert().values(name=name, type="person", created_at=NOW)
                                 .returning(entities.c.id)).scalar_one()
    for key, published in ARTICLES:
        conn.execute(articles.insert().values(
            id=key, source=f"tests/{key}", published=published, published_inferred=False, text=key, chars=2,
            ingested_at=NOW, story_id=key))
    for key, type_ in EVENTS:
        ids[key] = conn.execute(events.insert().values(type=type_, reports=1, created_at=NOW)
                                .returning(events.c.id)).scalar_one()
    for event, article, time_value, modality, actors, targets in REPORTS:
        rid = conn.execute(event_reports.insert().values(
            event_id=ids[event], article_id=article, type=dict(EVENTS)[event], modality=modality, trigger="x",
            sentence_start=0, sentence_end=1, time_value=time_value).returning(event_reports.c.id)).scalar_one()
        rows = [{"report_id": rid, "entity_id": ids[n], "role": "actor"} for n in actors]
        rows += [{"report_id": rid, "entity_id": ids[n], "role": "target"} for n in targets]
        conn.execute(event_participants.insert(), rows)
    return ids


def reference(conn, since, until, modalities, min_weight) -> dict:
    """The network by the documented rules, from raw rows, in Python."""
    published = dict(conn.execute(select(articles.c.id, articles.c.published)).all())
    people: dict[int, dict[str, set]] = {}
    for r in conn.execute(select(event_participants)):
        people.setdefault(r.report_id, {"actor": set(), "target": set()})[r.role].add(r.entity_id)
    found: dict[tuple, dict] = {}
    for r in conn.execute(select(event_reports)):
        calendar = bool(r.time_value) and r.time_value[0] in "0123456789"
        day = r.time_value if calendar else published[r.article_id]
        if r.modality not in modalities:
            continue
        if (since or until) and day is None:
            continue
        if since and day < since:
            continue
        if until and day[:len(until)] > until:  # until is an inclusive prefix
            continue
        roles = people.get(r.id, {"actor": set(), "target": set()})
        for a, t in itertools.product(roles["actor"], roles["target"]):
            if a == t:
                continue
            edge = found.setdefault((a, t, r.type), {"events": set(), "reports": 0, "dates": []})
            edge["events"].add(r.event_id)
            edge["reports"] += 1
            edge["dates"] += [day] if day else []
    return {key: {"weight": len(e["events"]), "reports": e["reports"], "first": min(e["dates"], default=""),
                  "last": max(e["dates"], default=""), "polarity": polarity(key[2])}
            for key, e in found.items() if len(e["events"]) >= min_weight}


def answered(store, since, until, modalities, min_weight) -> dict:
    graph = q.actor_network(store, since=since, until=until, modalities=modalities, min_weight=min_weight)
    return {(a, t, k): {f: d[f] for f in ("weight", "reports", "first", "last", "polarity")}
            for a, t, k, d in graph.edges(keys=True, data=True)}


def assert_matches_reference(store, min_weights=(1, 2)) -> int:
    """Every range of BOUNDS x modality set x min weight; returns how many non-empty answers."""
    non_empty = 0
    with store.engine.connect() as conn:
        for since, until in itertools.product(BOUNDS, BOUNDS):
            if since and until and since > until:
                continue
            for modalities, min_weight in itertools.product(MODALITY_SETS, min_weights):
                expected = reference(conn, since, until, modalities, min_weight)
                assert answered(store, since, until, modalities, min_weight) == expected, (since, until, modalities)
                non_empty += bool(expected)
    return non_empty


def test_network_equals_the_reference_over_many_ranges(store_url):
    with Store(store_url) as store:
        with store.writer() as w:
            ids = populate(w.conn)
        assert assert_matches_reference(store) > 100
        year = answered(store, "2025", "2025", q.NETWORK_MODALITIES, 1)
        call = year[(ids["Keir Starmer"], ids["Volodymyr Zelensky"], "CONSULT")]
        # The call, reported in January and February, counts once; the talks (March) make two.
        assert (call["weight"], call["reports"], call["first"], call["last"]) == (2, 4, "2025-01-31", "2025-03")
        january = answered(store, "2025-01", "2025-01", q.NETWORK_MODALITIES, 1)
        assert january[(ids["Keir Starmer"], ids["Volodymyr Zelensky"], "CONSULT")]["weight"] == 1
        february = answered(store, "2025-02", "2025-02", q.NETWORK_MODALITIES, 1)
        assert february[(ids["Keir Starmer"], ids["Volodymyr Zelensky"], "CONSULT")]["reports"] == 2
        # Edge days: a time value with a clock time belongs to its day, an undated report to nothing dated.
        first_feb = answered(store, "2025-02-01", "2025-02-01", ("asserted",), 1)
        assert first_feb[(ids["Keir Starmer"], ids["Ukraine"], "AID")]["first"] == "2025-02-01T10:00"
        everything = answered(store, None, None, ("asserted",), 1)
        assert everything[(ids["NATO"], ids["Ukraine"], "AID")]["reports"] == 3
        assert answered(store, "2025", "2025", ("asserted",), 1)[(ids["NATO"], ids["Ukraine"], "AID")]["reports"] == 1


def test_network_stays_exact_as_reports_entities_and_dates_change(store_url):
    with Store(store_url) as store:
        with store.writer() as w:
            ids = populate(w.conn)
        with store.writer() as w:  # entity resolution merges an alias entity into its person
            Graph(w.conn).merge_entities(ids["Keir Starmer"], ids["Sir Keir"])
        assert_matches_reference(store, min_weights=(1,))
        with store.writer() as w:  # an article re-resolved: its reports go
            assert sorted(Graph(w.conn).drop_article_reports("a3")) == sorted([ids["call"], ids["threat"]])
        assert_matches_reference(store, min_weights=(1,))
        with store.writer() as w:  # an undated article gets an (inferred) date; a report's time is corrected
            w.conn.execute(update(articles).where(articles.c.id == "a4").values(published="2025-02-27"))
            w.conn.execute(update(event_reports).where(event_reports.c.time_value == "P3D")
                           .values(time_value="2025-03-01"))
            w.conn.execute(update(event_reports).where(event_reports.c.modality == "hypothetical")
                           .values(modality="asserted"))
        assert_matches_reference(store, min_weights=(1,))
        with store.writer() as w:  # a participant moved to another report, then an entity deleted
            first = w.conn.execute(select(event_reports.c.id).order_by(event_reports.c.id)).scalars().first()
            strike = w.conn.execute(select(event_reports.c.id).where(event_reports.c.article_id == "a7")).scalar_one()
            w.conn.execute(update(event_participants).where(event_participants.c.entity_id == ids["Vladimir Putin"],
                                                            event_participants.c.report_id == strike)
                           .values(report_id=first))
            w.conn.execute(entities.delete().where(entities.c.id == ids["NATO"]))
        assert_matches_reference(store, min_weights=(1,))
        with store.engine.connect() as conn:
            assert conn.execute(select(event_edges).where(event_edges.c.source_id == ids["NATO"])).all() == []


def test_network_after_upgrading_a_version_3_database_in_place(store_url):
    engine = create_engine(resolve_url(store_url))
    with engine.begin() as conn:  # a database as version 3 left it, with reports in it
        migrations.migrate(conn, store_url, target=3)
    with engine.begin() as conn:
        ids = populate(conn)
        reports = conn.execute(select(event_reports.c.id, event_reports.c.time_value)).all()
    engine.dispose()
    with Store(store_url) as store:
        assert store.schema_version() == migrations.LATEST >= 4
        with store.engine.connect() as conn:
            assert conn.execute(select(event_reports.c.id, event_reports.c.time_value)).all() == reports
            dates = dict(conn.execute(select(event_reports.c.time_value, event_reports.c.report_date)
                                      .where(event_reports.c.article_id == "a1")).all())
            assert dates == {"2025-01-31": "2025-01-31", "2025-02-01T10:00": "2025-02-01T10:00"}
        assert assert_matches_reference(store) > 100
        with store.writer() as w:  # and the upgraded database keeps its edges up to date
            Graph(w.conn).merge_entities(ids["Keir Starmer"], ids["Sir Keir"])
        assert_matches_reference(store, min_weights=(1,))


@pytest.mark.parametrize("bad", ["2025-13-99x", "last year"])
def test_network_rejects_malformed_dates(sqlite_url, bad):
    from newsgraph.errors import ConfigError

    with Store(sqlite_url) as store, pytest.raises((ConfigError, ValueError)):
        q.actor_network(store, since=bad)
