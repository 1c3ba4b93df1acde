"""The read API over a small hand-built situation, on SQLite and PostgreSQL."""

from __future__ import annotations

import dataclasses
import json

import pytest
from query_helpers import add_namesakes, build_situation

from newsgraph import query as q
from newsgraph.errors import ConfigError
from newsgraph.store import Store


@pytest.fixture
def situation(store_url):
    ids = build_situation(store_url)
    with Store(store_url) as store:
        yield store, ids


def test_query_entity_profile_by_alias_and_by_id(situation):
    store, ids = situation
    by_alias = q.entity_profile(store, "Starmer")
    by_id = q.entity_profile(store, ids["Keir Starmer"])
    assert q.entity_profile(store, f"#{ids['Keir Starmer']}").entity == by_id.entity
    assert by_alias.entity == by_id.entity == q.EntityRef(ids["Keir Starmer"], "Keir Starmer", "person")
    assert "Sir Keir Starmer" in by_alias.aliases
    assert by_alias.counts["mentions"] == 3 and by_alias.counts["articles"] == 2
    assert [s.text for s in by_alias.statements_by] == ["We will stand with Ukraine for as long as it takes"]
    said = by_alias.statements_by[0].source
    assert (said.outlet, said.published, said.url) == ("BBC News", "2025-04-02", "https://www.bbc.co.uk/news/ukraine-1")
    assert [r.type for r in by_alias.events_as_actor] == ["CONSULT", "CONSULT"]
    assert by_alias.events_as_target == []


def test_query_entity_profile_statements_about_and_as_target(situation):
    store, _ = situation
    profile = q.entity_profile(store, "zelenskyy")  # an alias, in another case
    assert [s.text for s in profile.statements_about] == ["Zelensky's proposal is not serious"]
    assert profile.statements_about[0].speaker.name == "Dmitry Peskov"
    assert profile.counts["statements_about"] == 1
    report = profile.events_as_target[0]
    assert report.actors[0].name == "Keir Starmer" and report.source.text.startswith(report.source.text[:5])
    assert {r.source.outlet for r in profile.events_as_target} == {"BBC News", "The Guardian"}


def test_query_unknown_entity_is_a_clear_error(situation):
    store, _ = situation
    with pytest.raises(q.NotFoundError, match="no entity named 'Boris Johnson'"):
        q.entity_profile(store, "Boris Johnson")
    for missing in (99999, "99999", 2**40, "123456789012345678901234"):
        with pytest.raises(q.NotFoundError):
            q.entity_profile(store, missing)


@pytest.fixture
def namesakes(situation, store_url):
    store, ids = situation
    return store, {**ids, **add_namesakes(store_url)}


def test_query_one_naming_rule_refuses_an_ambiguous_name_listing_the_candidates(namesakes):
    store, ids = namesakes
    state, place = ids["Georgia state"], ids["Georgia place"]
    with pytest.raises(q.AmbiguousNameError) as caught:
        q.resolve_entity(store, "Georgia")
    assert str(caught.value) == (f"'Georgia' names 2 entities: #{state} Georgia (state), #{place} Georgia (place); "
                                 "name one by #id")
    assert [c.id for c in caught.value.candidates] == [state, place]
    with pytest.raises(q.AmbiguousNameError, match=f"'stubb' names 2 entities: #{ids['Alexander Stubb']} "):
        q.resolve_entity(store, "stubb")  # an alias two entities hold, in another case
    assert q.resolve_entity(store, f"#{place}") == q.EntityRef(place, "Georgia", "place")
    assert q.resolve_entity(store, f" #{state} ").id == state == q.resolve_entity(store, state).id


def test_query_a_canonical_name_beats_an_alias_and_digits_are_a_name(namesakes):
    store, ids = namesakes
    moscow = q.entity_profile(store, "Moscow")  # a place's name, and an alias of Russia
    assert moscow.entity.id == ids["Moscow"] and [o.id for o in moscow.others] == [ids["Russia"]]
    assert q.resolve_entity(store, "1984").id == ids["1984"]  # a name, not the id 1984
    russia = ids["Russia"]
    with pytest.raises(q.NotFoundError, match=f"no entity named '{russia}'; .* write #{russia}"):
        q.resolve_entity(store, str(russia))
    with pytest.raises(q.NotFoundError, match="no entity with id 99999"):
        q.resolve_entity(store, "#99999")


def test_query_every_entity_filter_uses_the_naming_rule(namesakes):
    store, ids = namesakes
    calls = [
        lambda name: q.entity_profile(store, name), lambda name: q.entity_summary(store, name),
        lambda name: q.who_said_what(store, speaker=name), lambda name: q.who_said_what(store, about=name),
        lambda name: q.timeline(store, entity=name), lambda name: q.search_events(store, actor=name),
        lambda name: q.search_events(store, target=name),
    ]
    for call in calls:
        with pytest.raises(q.AmbiguousNameError, match="'Georgia' names 2 entities"):
            call("Georgia")
        call(f"#{ids['Georgia state']}")
    assert [r.type for r in q.timeline(store, entity=f"#{ids['Ukraine']}")] == ["REJECT", "AID"]


def test_query_entity_summary_and_list(situation):
    store, ids = situation
    summary = q.entity_summary(store, "Starmer")
    assert (summary.id, summary.name, summary.type, summary.label) == (ids["Keir Starmer"], "Keir Starmer", "person",
                                                                      "PERSON")
    assert [a["alias"] for a in summary.aliases] == ["Keir Starmer", "Starmer", "Sir Keir Starmer"]
    assert (summary.mentions, summary.articles, summary.quotes, summary.events) == (3, 2, 1, 2)
    listed = q.list_entities(store)
    assert listed[0] == {"id": ids["Volodymyr Zelensky"], "name": "Volodymyr Zelensky", "type": "person",
                         "mentions": 4, "articles": 3}
    assert [r["name"] for r in q.list_entities(store, type="place")] == ["London"]


def test_query_who_said_what_filters(situation):
    store, _ = situation
    assert len(q.who_said_what(store)) == 3
    assert [s.speaker_name for s in q.who_said_what(store, speaker="Peskov")] == ["Dmitry Peskov"]
    assert [s.text for s in q.who_said_what(store, about="Russia")] == ["Russia's attacks on civilians must stop"]
    assert [s.source.outlet for s in q.who_said_what(store, outlet="Reuters")] == ["Reuters"]
    assert len(q.who_said_what(store, since="2025-04-03")) == 1
    assert len(q.who_said_what(store, until="2025-04-02")) == 2
    assert len(q.who_said_what(store, since="2025-04", until="2025-04")) == 3
    assert q.who_said_what(store, since="2025-05") == []
    assert len(q.who_said_what(store, limit=1)) == 1 and len(q.who_said_what(store, limit=2, offset=2)) == 1
    # A speaker not resolved to an entity is still found by the analysis's name.
    assert q.who_said_what(store, speaker="Nobody Known") == []


def test_query_timeline_orders_by_event_date_then_publication(situation):
    store, _ = situation
    reports = q.timeline(store)
    assert [r.date for r in reports] == sorted(r.date for r in reports)
    accuse = next(r for r in reports if r.type == "ACCUSE")
    assert accuse.time_value is None and accuse.date == "2025-04-02"  # falls back to publication date
    assert [r.type for r in q.timeline(store, entity="Ukraine")] == ["REJECT", "AID"]
    assert [r.type for r in q.timeline(store, modality="planned")] == ["AID"]
    assert [r.type for r in q.timeline(store, type="consult", until="2025-04-01")] == ["CONSULT", "CONSULT"]
    aid = q.timeline(store, type="AID")[0]
    assert aid.attributed_to.name == "Keir Starmer" and aid.attributed_text == "Starmer's office"
    assert aid.amounts[0]["unit"] == "GBP" and aid.context == ["military"] and aid.polarity == "cooperation"
    assert aid.source.text.startswith("Britain will send")


def test_query_search_events_merges_reports(situation):
    store, ids = situation
    events = q.search_events(store, actor="Starmer")
    assert [e.id for e in events] == [ids["meeting"]]
    meeting = events[0]
    assert meeting.report_count == 2 and meeting.place.name == "London"
    assert {r.source.outlet for r in meeting.reports} == {"BBC News", "The Guardian"}
    assert [e.type for e in q.search_events(store, target="Ukraine")] == ["AID", "REJECT"]
    assert [e.type for e in q.search_events(store, type="REJECT", outlet="Reuters")] == ["REJECT"]
    assert q.search_events(store, type="REJECT", outlet="BBC News") == []
    assert [e.type for e in q.search_events(store, since="2025-05")] == ["AID"]
    assert len(q.search_events(store, limit=2)) == 2


def test_query_actor_network(situation):
    store, ids = situation
    graph = q.actor_network(store)
    starmer, zelensky = ids["Keir Starmer"], ids["Volodymyr Zelensky"]
    edge = graph.edges[starmer, zelensky, "CONSULT"]
    assert edge["weight"] == 1 and edge["reports"] == 2 and edge["polarity"] == "cooperation"
    assert graph.edges[ids["Russia"], ids["Ukraine"], "REJECT"]["polarity"] == "conflict"
    assert graph.nodes[starmer]["label"] == "Keir Starmer" and graph.nodes[starmer]["entity_type"] == "person"
    assert not graph.has_edge(ids["United Kingdom"], ids["Ukraine"]) or "AID" in graph[ids["United Kingdom"]][ids["Ukraine"]]
    assert q.actor_network(store, modalities=("asserted",)).has_edge(ids["United Kingdom"], ids["Ukraine"]) is False
    assert set(q.actor_network(store, min_weight=2).edges) == set()
    assert set(q.actor_network(store, until="2025-04-01").edges(keys=True)) == {(starmer, zelensky, "CONSULT")}


def test_query_polarity_split_covers_plover():
    assert len(set(q.COOPERATIVE) | set(q.CONFLICTUAL)) == 16
    assert not set(q.COOPERATIVE) & set(q.CONFLICTUAL)


@pytest.mark.parametrize("bad", [dict(since="April"), dict(until="2025-4-1"), dict(limit=0), dict(offset=-1)])
def test_query_bad_arguments_are_config_errors(situation, bad):
    store, _ = situation
    with pytest.raises(ConfigError):
        q.who_said_what(store, **bad)


def test_query_bad_type_and_modality(situation):
    store, _ = situation
    with pytest.raises(ConfigError, match="PLOVER"):
        q.timeline(store, type="WAR")
    with pytest.raises(ConfigError, match="modality"):
        q.search_events(store, modality="rumoured")


def test_query_records_are_json_ready(situation):
    store, _ = situation
    profile = q.entity_profile(store, "Zelensky")
    assert json.loads(json.dumps(dataclasses.asdict(profile)))["entity"]["name"] == "Volodymyr Zelensky"


def test_query_existing_functions_still_work(situation):
    store, _ = situation
    assert len(q.list_articles(store)) == 3
    assert q.overview(store).info.articles == 3


def test_query_common_entity_plans_give_the_same_answers(situation, monkeypatch):
    """Leading entities are read newest-first (walk) instead of collected: same results."""
    store, _ = situation

    def answers():
        profile = q.entity_profile(store, "Zelensky")
        return (
            [s.id for s in profile.statements_by], [s.id for s in profile.statements_about],
            [r.id for r in profile.events_as_actor], [r.id for r in profile.events_as_target], profile.counts,
            [s.id for s in q.who_said_what(store, speaker="Starmer")],
            [s.id for s in q.who_said_what(store, about="Ukraine", since="2025-04")],
        )

    monkeypatch.setattr(q, "COMMON", 10**9)
    collected = answers()
    monkeypatch.setattr(q, "COMMON", 1)
    assert answers() == collected
    assert collected[1] and collected[3]


def test_query_counts_are_capped(situation, monkeypatch):
    store, _ = situation
    monkeypatch.setitem(q.COUNT_CAPS, "mentions", 2)
    monkeypatch.setitem(q.COUNT_CAPS, "statements_about", 1)
    counts = q.entity_profile(store, "Keir Starmer").counts
    assert counts["mentions"] == 2 and counts["articles"] == 2


def test_query_statements_tell_which_quotation_they_belong_to(situation):
    from quotation_helpers import SPLIT, starts, store_split

    from newsgraph.store.schema import quotes

    store, ids = situation
    store_split(store)
    first, second, other = starts()
    said = [s for s in q.who_said_what(store, speaker="Keir Starmer") if s.source.article_id == SPLIT.id]
    assert sorted((s.source.start, s.quotation_start, s.continues) for s in said) == [
        (first, first, False), (second, first, True)]
    assert all(isinstance(s, q.Statement) for s in said)  # a Statement, with two more fields
    peskov = [s for s in q.who_said_what(store, speaker="Dmitry Peskov") if s.source.article_id == SPLIT.id]
    assert [(s.quotation_start, s.continues) for s in peskov] == [(other, False)]
    # Quotes stored without part_of (build_situation writes rows directly): unknown, not a guess.
    older = q.who_said_what(store, speaker="Keir Starmer", until="2025-04-03")
    assert older and all(s.quotation_start is None and s.continues is None for s in older)
    with store.writer() as w:  # as resolution links speakers to entities
        w.conn.execute(quotes.update().where(quotes.c.article_id == SPLIT.id, quotes.c.speaker_name == "Keir Starmer")
                       .values(speaker_entity_id=ids["Keir Starmer"]))
    profile = q.entity_profile(store, "Keir Starmer")
    assert sorted((s.quotation_start or 0, s.continues or False) for s in profile.statements_by) == [
        (0, False), (first, False), (first, True)]
    assert dataclasses.asdict(said[0])["quotation_start"] == first


def test_query_top_actors_carry_their_entity_ids(situation):
    store, ids = situation
    actors = q.top_actors(store, limit=20)
    assert actors and all(set(a) == {"name", "type", "mentions", "articles", "entity_id"} for a in actors)
    assert {a["name"]: a["entity_id"] for a in actors}["Keir Starmer"] == ids["Keir Starmer"]
    assert all(a["entity_id"] == ids[a["name"]] for a in actors)


def test_query_outlets_over_all_articles(situation):
    from quotation_helpers import store_split

    store, _ = situation
    store_split(store)
    found = q.outlets(store)
    assert found == [
        {"outlet": "BBC News", "articles": 1, "stories": 1, "first_published": "2025-04-02",
         "last_published": "2025-04-02"},
        {"outlet": "Reuters", "articles": 1, "stories": 1, "first_published": "2025-04-03",
         "last_published": "2025-04-03"},
        {"outlet": "Sky News", "articles": 1, "stories": 1, "first_published": "2025-04-04",
         "last_published": "2025-04-04"},
        {"outlet": "The Guardian", "articles": 1, "stories": 1, "first_published": "2025-04-02",
         "last_published": "2025-04-02"},
    ]
    assert [o["outlet"] for o in q.outlets(store, limit=2, offset=1)] == ["Reuters", "Sky News"]
    assert q.overview(store, outlets=2).outlets == found[:2]
    with pytest.raises(ConfigError):
        q.outlets(store, limit=0)


def test_query_outlets_count_independent_stories(store_url):
    from newsgraph.model import Article

    with Store(store_url) as store:
        with store.writer() as w:
            wire = Article(text="A wire story about the summit.", source="a.txt", outlet="Wire", published="2025-03-01")
            copy = Article(text="A wire story about the summit!", source="b.txt", outlet="Wire", published="2025-03-09")
            own = Article(text="Our own reporting.", source="c.txt", outlet="Wire", published="2025-02-20")
            w.insert_article(wire)
            w.insert_article(copy, story_id=wire.id)  # a near-duplicate: the same story
            w.insert_article(own)
            w.insert_article(Article(text="No outlet here.", source="d.txt"))
        assert q.outlets(store) == [{"outlet": "Wire", "articles": 3, "stories": 2, "first_published": "2025-02-20",
                                     "last_published": "2025-03-09"}]


def _profile_answers(store, name):
    profile = q.entity_profile(store, name)
    return (
        [s.id for s in profile.statements_by], [s.id for s in profile.statements_about],
        [r.id for r in profile.events_as_actor], [r.id for r in profile.events_as_target], profile.counts,
    )


@pytest.mark.parametrize("name", ["Keir Starmer", "Volodymyr Zelensky", "Dmitry Peskov", "Ukraine"])
def test_query_profile_walks_put_undated_articles_last(situation, monkeypatch, name):
    """PostgreSQL reads a walk's dated and undated articles apart (Q.newest_first_ids):
    the same pages as one ``published DESC NULLS LAST`` statement, with undated rows last."""
    from sqlalchemy import text

    store, _ = situation
    with store.engine.begin() as conn:  # one article loses its date: its rows must come last
        first = conn.execute(text("SELECT min(id) FROM articles")).scalar()
        conn.execute(text("UPDATE articles SET published = NULL WHERE id = :id"), {"id": first})
    monkeypatch.setattr(q, "COMMON", 10**9)
    collected = _profile_answers(store, name)
    monkeypatch.setattr(q, "COMMON", 1)
    assert _profile_answers(store, name) == collected
    for limit in (1, 2):  # a page cut inside the dated rows, or at their end
        monkeypatch.setattr(q, "COMMON", 10**9)
        small = [ids[:limit] for ids in collected[:4]]
        monkeypatch.setattr(q, "COMMON", 1)
        profile = q.entity_profile(store, name, limit=limit)
        assert [[s.id for s in profile.statements_by], [s.id for s in profile.statements_about],
                [r.id for r in profile.events_as_actor], [r.id for r in profile.events_as_target]] == small
    profile = q.entity_profile(store, name)
    for items in (profile.statements_by, profile.statements_about, profile.events_as_actor, profile.events_as_target):
        dates = [i.source.published for i in items]
        assert dates == sorted([d for d in dates if d], reverse=True) + [None] * dates.count(None)


def test_query_newest_first_ids_pages_like_one_statement(situation):
    from sqlalchemy import select, text

    from newsgraph.store import queries as Q
    from newsgraph.store.schema import articles, quotes

    store, _ = situation
    with store.engine.begin() as conn:
        first = conn.execute(text("SELECT min(id) FROM articles")).scalar()
        conn.execute(text("UPDATE articles SET published = NULL WHERE id = :id"), {"id": first})
    with store.engine.connect() as conn:
        page = select(quotes.c.id).join(articles, articles.c.id == quotes.c.article_id)
        everything = [r.id for r in conn.execute(
            page.order_by(articles.c.published.desc().nulls_last(), quotes.c.id.desc()))]
        assert len(everything) >= 3
        for limit in (None, 1, 2, 3, 10):
            for offset in range(len(everything) + 1):
                expected = everything[offset:] if limit is None else everything[offset:offset + limit]
                assert Q.newest_first_ids(conn, page, quotes.c.id, limit, offset) == expected


def test_query_quotes_about_count_is_exact_up_to_the_cap(situation):
    from sqlalchemy import text

    from newsgraph.store import queries as Q

    store, ids = situation
    with store.engine.connect() as conn:
        for name, eid in ids.items():
            if not isinstance(eid, int):
                continue
            exact = conn.execute(text(
                'SELECT count(DISTINCT q.id) FROM quotes q JOIN mentions m ON m.article_id = q.article_id '
                'AND m.start >= q.start AND m."end" <= q."end" WHERE m.entity_id = :e'), {"e": eid}).scalar()
            for cap in (1, 2, 1000):
                assert Q.quotes_about_count(conn, [eid], cap) == min(exact, cap), name
            with Q.serial(conn):
                assert Q.quotes_about_count(conn, [eid], 1000) == exact
