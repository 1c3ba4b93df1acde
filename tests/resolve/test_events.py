"""Merged reports: one real-world event reported by several articles becomes one event."""

from __future__ import annotations

import pytest
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


# Ours: the strike reported on its day, then named undated in a condemnation four days later.
STRIKE_DAY = "Russian missiles struck the Ukrainian port of Odesa on Friday, killing 12 people."
CONDEMNED = "The Japanese foreign minister on Tuesday condemned the strike on Odesa and offered condolences."
PORT = [("Russia", "GPE", ["Russian"], {"iso3166": "RU"}), ("Odesa", "GPE", ["Odesa"], {"geonames": "698740"})]


@pytest.mark.parametrize("undated_first", [False, True])
def test_resolve_events_undated_report_joins_the_act_of_the_week_before(store_url, undated_first):
    dated = record(STRIKE_DAY, PORT, "2025-04-04", [event("ASSAULT", ["e1"], ["e2"], "2025-04-04")])
    later = record(CONDEMNED, [PORT[1]], "2025-04-08", [event("ASSAULT", [], ["e1"])])
    with Store(store_url) as store:
        for rec in ([later, dated] if undated_first else [dated, later]):
            store_record(store, rec)
        assert [(e["reports"], e["date"]) for e in _events(store)] == [(2, "2025-04-04")]


def test_resolve_events_undated_report_of_a_later_week_stays_apart(store_url):
    with Store(store_url) as store:
        store_record(store, record(STRIKE_DAY, PORT, "2025-04-04", [event("ASSAULT", ["e1"], ["e2"], "2025-04-04")]))
        store_record(store, record(CONDEMNED, [PORT[1]], "2025-04-14", [event("ASSAULT", [], ["e1"])]))
        assert [e["reports"] for e in _events(store)] == [1, 1]


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


# -- modality and place (ours) -----------------------------------------------------------------
STRIKE = "Russia launched a missile strike on Ukraine's power grid on Sunday, the Ukrainian air force said."
DENIAL = ("Russia did not strike Ukraine's energy facilities at the weekend, the defence ministry in Moscow "
          "said on Monday, calling the reports a fabrication.")
WARRING = [("Russia", "GPE", ["Russia"], {"iso3166": "RU"}), ("Ukraine", "GPE", ["Ukraine"], {"iso3166": "UA"})]


def _as(ev: dict, **changes) -> dict:
    return {**ev, **changes}


def _ids_by_name(store: Store) -> dict[str, int]:
    from newsgraph.store.schema import entities

    with store.engine.connect() as conn:
        return dict(conn.execute(select(entities.c.name, entities.c.id)).all())


def _report_ids(store: Store) -> dict[str, list[int]]:
    with store.engine.connect() as conn:
        out: dict[str, list[int]] = {}
        for article_id, report_id in conn.execute(select(event_reports.c.article_id, event_reports.c.id)
                                                  .order_by(event_reports.c.id)):
            out.setdefault(article_id, []).append(report_id)
        return out


def test_resolve_events_denied_strike_is_one_event_with_a_modality_contradiction(store_url):
    with Store(store_url) as store:
        claim = store_record(store, record(STRIKE, WARRING, "2025-04-06",
                                           [event("ASSAULT", ["e1"], ["e2"], "2025-04-06")]), outlet="Reuters")
        # The denial names no date of its own and comes a day later: it must still meet the strike.
        denial = store_record(store, record(DENIAL, WARRING, "2025-04-07",
                                            [_as(event("ASSAULT", ["e1"], ["e2"]), modality="negated")]), outlet="TASS")
        [found] = _events(store)
        reports = _report_ids(store)
        assert found["reports"] == 2 and found["date"] == "2025-04-06"
        assert found["contradictions"] == [{"field": "modality", "values": [
            {"value": "asserted", "reports": reports[claim], "articles": [claim], "outlets": ["Reuters"], "stories": 1},
            {"value": "negated", "reports": reports[denial], "articles": [denial], "outlets": ["TASS"], "stories": 1},
        ]}]


def test_resolve_events_denial_first_then_the_strike(store_url):
    with Store(store_url) as store:
        store_record(store, record(DENIAL, WARRING, "2025-04-06",
                                   [_as(event("ASSAULT", ["e1"], ["e2"], "2025-04-06"), modality="negated")]))
        store_record(store, record(STRIKE, WARRING, "2025-04-06", [event("ASSAULT", ["e1"], ["e2"], "2025-04-06")]))
        [found] = _events(store)
        assert [c["field"] for c in found["contradictions"]] == ["modality"]
        assert [v["value"] for v in found["contradictions"][0]["values"]] == ["asserted", "negated"]


MEETING_PLANNED = "Volodymyr Zelensky will meet Recep Tayyip Erdogan in Ankara on Friday, his office said."
MEETING_EARLY = "Zelensky met Erdogan in Istanbul on Thursday for talks on a Black Sea ceasefire."
MEETING_HELD = "Zelensky held talks with Erdogan in Ankara on Friday, the Turkish presidency said."
LEADERS = [("Volodymyr Zelensky", "PERSON", ["Volodymyr Zelensky"]),
           ("Recep Tayyip Erdogan", "PERSON", ["Recep Tayyip Erdogan"])]
LEADERS_SHORT = [("Volodymyr Zelensky", "PERSON", ["Zelensky"]), ("Recep Tayyip Erdogan", "PERSON", ["Erdogan"])]


def test_resolve_events_planned_meeting_follows_the_date_rule(store_url):
    with Store(store_url) as store:
        planned = store_record(store, record(MEETING_PLANNED, LEADERS, "2025-03-05",
                                             [_as(event("CONSULT", ["e1"], ["e2"], "2025-03-07"), modality="planned")]))
        early = store_record(store, record(MEETING_EARLY, LEADERS_SHORT, "2025-03-06",
                                           [event("CONSULT", ["e1"], ["e2"], "2025-03-06")]))
        # Different known dates: apart, whatever the modality.
        assert [(e["date"], e["reports"]) for e in _events(store)] == [("2025-03-07", 1), ("2025-03-06", 1)]
        held = store_record(store, record(MEETING_HELD, LEADERS_SHORT, "2025-03-07",
                                          [event("CONSULT", ["e1"], ["e2"], "2025-03-07")]))
        # The plan and the meeting held on the planned day: one event, and no disagreement.
        found = _events(store)
        assert [(e["date"], e["reports"], e["contradictions"]) for e in found] == [
            ("2025-03-07", 2, []), ("2025-03-06", 1, [])]
        with store.engine.connect() as conn:
            by_article = dict(conn.execute(select(event_reports.c.article_id, event_reports.c.event_id)).all())
        assert by_article[planned] == by_article[held] != by_article[early]


AIRSTRIKE_CLAIMED = "Israel's military said it struck a Hamas command centre in Gaza City on Tuesday."
AIRSTRIKE_ASSERTED = "Israel carried out an air strike on a Hamas position in northern Gaza on Tuesday."
AIRSTRIKE_THREAT = "Israel could strike Hamas targets again on Tuesday if rocket fire continues, a minister warned."
SIDES = [("Israel", "GPE", ["Israel"], {"iso3166": "IL"}), ("Hamas", "ORG", ["Hamas"])]


def test_resolve_events_claimed_joins_asserted_but_a_threat_stays_apart(store_url):
    with Store(store_url) as store:
        store_record(store, record(AIRSTRIKE_CLAIMED, SIDES, "2025-05-13",
                                   [_as(event("ASSAULT", ["e1"], ["e2"], "2025-05-13"), modality="claimed",
                                        attributed_to="e1", attributed_text="Israel's military")]), outlet="AP")
        store_record(store, record(AIRSTRIKE_ASSERTED, SIDES, "2025-05-13",
                                   [event("ASSAULT", ["e1"], ["e2"], "2025-05-13")]), outlet="Al Jazeera")
        store_record(store, record(AIRSTRIKE_THREAT, SIDES, "2025-05-13",
                                   [_as(event("ASSAULT", ["e1"], ["e2"], "2025-05-13"), modality="hypothetical")]))
        assert [(e["reports"], e["contradictions"]) for e in _events(store)] == [(2, []), (1, [])]


KHARKIV = "Russia hit an apartment block in Kharkiv, Ukraine's second-largest city, with drones on Saturday night."
IN_UKRAINE = "Russia attacked a residential building in Ukraine on Saturday, regional officials said."
SUMY = "Russia shelled a residential building in Sumy, in north-eastern Ukraine, on Saturday, the governor said."


def test_resolve_events_place_a_city_and_its_country_agree_two_cities_do_not(store_url):
    kharkiv = ("Kharkiv", "GPE", ["Kharkiv"], {"geonames": "706483"})
    sumy = ("Sumy", "GPE", ["Sumy"], {"geonames": "692194"})
    with Store(store_url) as store:
        store_record(store, record(KHARKIV, [*WARRING, kharkiv], "2025-06-01",
                                   [_as(event("ASSAULT", ["e1"], ["e2"], "2025-05-31"), place="e3")]), outlet="BBC")
        store_record(store, record(IN_UKRAINE, WARRING, "2025-06-01",
                                   [_as(event("ASSAULT", ["e1"], ["e2"], "2025-05-31"), place="e2")]), outlet="CNN")
        [found] = _events(store)
        assert found["reports"] == 2 and found["contradictions"] == []
        third = store_record(store, record(SUMY, [*WARRING, sumy], "2025-06-01",
                                           [_as(event("ASSAULT", ["e1"], ["e2"], "2025-05-31"), place="e3")]),
                             outlet="Kyiv Independent")
        [found] = _events(store)
        ids = _ids_by_name(store)
        [clash] = found["contradictions"]
        assert clash["field"] == "place"
        assert [(v["value"], v["outlets"], v["stories"]) for v in clash["values"]] == sorted([
            (ids["Kharkiv"], ["BBC"], 1), (ids["Ukraine"], ["CNN"], 1), (ids["Sumy"], ["Kyiv Independent"], 1)])
        assert next(v for v in clash["values"] if v["value"] == ids["Sumy"])["articles"] == [third]


def test_places_apart_uses_gazetteer_ids():
    from newsgraph.resolve.events import _where, places_apart

    def apart(a: dict, b: dict) -> bool:
        return places_apart(_where(a), _where(b))

    kharkiv, kyiv, ukraine = {"geonames": "706483"}, {"geonames": "703448"}, {"iso3166": "UA"}
    assert not apart(kharkiv, ukraine) and apart(kharkiv, kyiv) and apart(kharkiv, {"iso3166": "RU"})
    assert apart(ukraine, {"iso3166": "RU"}) and not apart(ukraine, {"iso3166": "UA"})
    houston, texas, new_york = {"geonames": "4699066"}, {"geonames": "4736286"}, {"geonames": "5128581"}
    assert not apart(houston, texas) and apart(new_york, texas) and not apart(texas, {"iso3166": "US"})
    assert not apart(new_york, {"geonames": "5110302"})  # Brooklyn: a borough is not another city
    assert not apart(kharkiv, {}) and not apart({"geonames": "0"}, kyiv)  # unknown: never flagged


# -- what keeps reports apart (precision first) ------------------------------------------------
THREE = [("Russia", "GPE", ["Russia"], {"iso3166": "RU"}), ("Ukraine", "GPE", ["Ukraine"], {"iso3166": "UA"}),
         ("Poland", "GPE", ["Poland"], {"iso3166": "PL"})]
THREE_TEXT = "Russia, Ukraine and Poland were named in the report of the day."


def _store_events(store_url, *events_by_article, published="2025-04-02") -> list[dict]:
    with Store(store_url) as store:
        for i, events in enumerate(events_by_article):
            store_record(store, record(f"{THREE_TEXT} ({i})", THREE, published, events), outlet=f"Outlet {i}")
        return _events(store)


def test_resolve_events_reversed_roles_and_other_targets_are_other_events(store_url):
    found = _store_events(store_url, [event("ACCUSE", ["e1"], ["e2"], "2025-04-01")],
                          [event("ACCUSE", ["e2"], ["e1"], "2025-04-01")],  # B accused A
                          [event("ACCUSE", ["e1"], ["e3"], "2025-04-01")],  # A accused C
                          [event("ACCUSE", ["e1"], ["e2"], "2025-04-01")])  # A accused B again
    assert [e["reports"] for e in found] == [2, 1, 1]


def test_resolve_events_a_meeting_is_told_by_its_parties(store_url):
    found = _store_events(store_url, [event("CONSULT", ["e1"], [], "2025-04-01")],
                          [event("CONSULT", [], ["e1"], "2025-04-01")],  # one party only, twice: not evidence
                          [event("CONSULT", ["e1"], ["e2"], "2025-04-01")],
                          [event("CONSULT", ["e2", "e1"], [], "2025-04-01")],  # the same two, roles aside
                          [event("CONSULT", ["e1"], ["e3"], "2025-04-01")])  # A met C: another meeting
    assert sorted(e["reports"] for e in found) == [1, 1, 1, 2]


def test_resolve_events_one_article_repeats_an_act_only_whole(store_url):
    found = _store_events(store_url, [event("CONSULT", ["e1"], ["e2"], "2025-04-01"),
                                      event("CONSULT", ["e1"], ["e2"]),  # the lead told again in the body
                                      event("ACCUSE", ["e1"], []), event("ACCUSE", ["e1"], [])])  # two accusations
    with Store(store_url) as store:
        with store.engine.connect() as conn:
            counts = sorted(len(conn.execute(select(event_reports.c.id).where(event_reports.c.event_id == e["id"]))
                                .all()) for e in found)
    assert counts == [1, 1, 2]


def test_resolve_events_dates_agree_by_containment_and_ties_stay_apart(store_url):
    from newsgraph.resolve.events import compatible_dates, dates_agree

    assert dates_agree("1998-08", "1998-08-07") and dates_agree("1998-08-07TMO", "1998-08-07")
    assert not dates_agree("1998-08-07", "1998-08-08") and not dates_agree("1998-08-07TMO", "1998-08-07TEV")
    assert not dates_agree("1998-1", "1998-10")
    assert compatible_dates("1998-08-07TMO") == ["1998", "1998-08", "1998-08-07"]
    assert len(compatible_dates("1998-02")) == 2 + 28 and len(compatible_dates("2000")) == 1 + 12 + 366
    # "last month" (1998-08) joins the one August strike on Ukraine; a second one makes it ambiguous.
    month = _store_events(store_url, [event("ASSAULT", ["e1"], ["e2"], "1998-08-07")],
                          [event("ASSAULT", ["e1"], ["e2"], "1998-08")], published="1998-09-11")
    assert [(e["date"], e["reports"], e["contradictions"]) for e in month] == [("1998-08-07", 2, [])]


def test_resolve_events_a_vague_date_between_two_events_joins_neither(store_url):
    found = _store_events(store_url, [event("ASSAULT", ["e1"], ["e2"], "1998-08-07")],
                          [event("ASSAULT", ["e1"], ["e2"], "1998-08-20")],
                          [event("ASSAULT", ["e1"], ["e2"], "1998-08")], published="1998-09-11")
    assert [e["reports"] for e in found] == [1, 1, 1]
