"""Participants named by a phrase (NOMINAL entities of the analysis record), on real stores.

They stay with their article's reports: no corpus entity, no mention, no merge across
articles; a phrase with refers_to takes part as the corpus entity it stands for.
"""

from __future__ import annotations

from sqlalchemy import select

from newsgraph import query as q
from newsgraph.store import Store
from newsgraph.store.schema import entities, event_participants, event_phrases, event_reports, mentions
from resolve_records import event, record, store_record

RIOT_A = "In one case, riot police had to use tear gas to clear the protesters in Miami."
RIOT_B = "Riot police used tear gas against the protesters in Havana on the same day."
CUBA = "Cuba spoke on Wednesday: the Cuban government urged Elian Gonzalez's relatives to return the boy."
CUBA_NAMED = "Cuba urged Elian Gonzalez's relatives to return the boy on Wednesday."
ELIAN = ("Elian Gonzalez", "PERSON", ["Elian Gonzalez"])


def _whole(ev: dict, text: str, trigger: str, **changes) -> dict:
    at = text.index(trigger)
    return {**ev, "sentence": {"start": 0, "end": len(text)},
            "trigger": {"start": at, "end": at + len(trigger), "text": trigger}, **changes}


def _riot(text: str, phrase: str) -> dict:
    return record(text, [(phrase, "NOMINAL", [phrase])], "2000-01-07",
                  [_whole(event("ASSAULT", ["e1"], [], "2000-01-06"), text, "tear gas")])


def test_phrases_are_no_corpus_entities_and_never_merge_across_articles(store_url):
    with Store(store_url) as store:
        a = store_record(store, _riot(RIOT_A, "riot police"), outlet="AP")
        b = store_record(store, _riot(RIOT_B, "Riot police"), outlet="Reuters")
        with store.engine.connect() as conn:
            assert conn.execute(select(entities.c.name)).scalars().all() == []
            assert conn.execute(select(mentions.c.id)).all() == []  # names only in the mentions table
            assert conn.execute(select(event_participants.c.report_id)).all() == []
            rows = conn.execute(select(event_phrases.c.text, event_phrases.c.role, event_phrases.c.entity_id,
                                       event_reports.c.article_id, event_reports.c.event_id)
                                .join(event_reports, event_reports.c.id == event_phrases.c.report_id)).all()
        assert sorted((r.text, r.role, r.entity_id, r.article_id) for r in rows) == sorted(
            [("riot police", "actor", None, a), ("Riot police", "actor", None, b)])
        assert len({r.event_id for r in rows}) == 2  # same words, same day: still two articles' own police
        assert q.list_entities(store) == [] and q.top_actors(store) == []
        assert list(q.actor_network(store).edges) == []
        found = q.search_events(store)
        assert [[(p.id, p.name, p.phrase) for p in e.reports[0].actors] for e in found] == [
            [(None, "Riot police", "Riot police")], [(None, "riot police", "riot police")]]
        assert q.search_events(store, shown="edge") == []


def _cuban_government() -> dict:
    ents = [("Cuba", "GPE", ["Cuba"], {"iso3166": "CU"}), ELIAN,
            ("the Cuban government", "NOMINAL", ["the Cuban government"], None, "e1")]
    return record(CUBA, ents, "2000-01-07", [_whole(event("REQUEST", ["e3"], ["e2"], "2000-01-05"), CUBA, "urged")])


def test_a_phrase_with_refers_to_links_the_event_to_the_corpus_entity(store_url):
    with Store(store_url) as store:
        first = store_record(store, _cuban_government(), outlet="AP")
        cuba = q.resolve_entity(store, "Cuba").id
        elian = q.resolve_entity(store, "Elian Gonzalez").id
        [report] = q.timeline(store)
        [actor] = report.actors
        assert (actor.id, actor.name, actor.phrase) == (cuba, "Cuba", "the Cuban government")
        assert q.participant_label(actor) == "the Cuban government (Cuba)"
        assert q.who_to_whom(report.actors, report.targets) == "the Cuban government (Cuba) → Elian Gonzalez"
        assert [e.id for e in q.search_events(store, actor="Cuba")] == [report.event_id]
        assert list(q.actor_network(store).edges(keys=True)) == [(cuba, elian, "REQUEST")]
        assert [e["name"] for e in q.list_entities(store)] == ["Cuba", "Elian Gonzalez"]
        assert q.entity_summary(store, "Cuba").mentions == 1  # the phrase is no mention of Cuba
        # Another article naming Cuba itself: the same request, one event.
        second = store_record(store, record(CUBA_NAMED, [("Cuba", "GPE", ["Cuba"], {"iso3166": "CU"}), ELIAN],
                                            "2000-01-06", [_whole(event("REQUEST", ["e1"], ["e2"], "2000-01-05"),
                                                                  CUBA_NAMED, "urged")]), outlet="Reuters")
        [merged] = q.search_events(store)
        assert merged.report_count == 2 and merged.contradictions == []
        assert sorted(r.source.article_id for r in merged.reports) == sorted([first, second])


def test_merging_an_entity_moves_its_phrases_and_undo_puts_them_back(store_url):
    from newsgraph.resolve import corrections, undo
    from newsgraph.store.graph import Graph

    with Store(store_url) as store:
        store_record(store, _cuban_government())
        store_record(store, record("The Republic of Cuba spoke.", [("Republic of Cuba", "GPE", ["Republic of Cuba"])]))
        cuba, republic = q.resolve_entity(store, "Cuba").id, q.resolve_entity(store, "Republic of Cuba").id

        def phrase_entities() -> list:
            with store.engine.connect() as conn:
                return conn.execute(select(event_phrases.c.entity_id)).scalars().all()

        with store.writer() as w:
            corrections.merge(Graph(w.conn), "Republic of Cuba", "#%d" % cuba)
        assert phrase_entities() == [republic]
        assert q.participant_label(q.timeline(store)[0].actors[0]) == "the Cuban government (Republic of Cuba)"
        with store.writer() as w:
            undo.undo_last(Graph(w.conn))
        assert phrase_entities() == [cuba]


# Ours: an office named by its title only, acting on a day its holder is known.
CHANCELLOR = "On March 27 the German Chancellor met Volodymyr Zelensky in Paris."


def test_phrases_an_office_takes_part_as_its_holder_at_the_date(store_url):
    ents = [("Germany", "GPE", ["German"], {"iso3166": "DE"}), ("Volodymyr Zelensky", "PERSON", ["Volodymyr Zelensky"]),
            ("the German Chancellor", "NOMINAL", ["the German Chancellor"], None, "e1")]
    rec = record(CHANCELLOR, ents, "2025-04-02", [_whole(event("CONSULT", ["e3"], ["e2"], "2025-03-27"), CHANCELLOR, "met")])
    with Store(store_url) as store:
        store_record(store, rec, outlet="NG")
        (found,) = q.search_events(store)
        (actor,) = found.reports[0].actors
        assert (actor.name, actor.phrase) == ("Olaf Scholz", "the German Chancellor")  # in office until 2025-05-06
