"""Russian events on our report of the seed's kind (tests/fixtures/ru/), by the English conventions."""

from __future__ import annotations

import pytest

from paths import REPO

pytestmark = pytest.mark.slow

FIXTURE = REPO / "tests" / "fixtures" / "ru" / "ours-contingents-report.txt"


@pytest.fixture(scope="module")
def events(analyze_ru):
    record = analyze_ru(FIXTURE.read_text(encoding="utf-8"), published="2025-04-02")
    names = {e["id"]: e["name"] for e in record["entities"]}
    assert "events" in record["analysis"]["stages"]
    return [{**e, "actors": [names[a] for a in e["actors"]], "targets": [names[t] for t in e["targets"]],
             "attributed_to": names.get(e["attributed_to"]), "amounts": [record["quantities"][i]["amount"]
                                                                          for i in e["quantities"]]}
            for e in record["events"]]


def _find(events, trigger):
    return next(e for e in events if e["trigger"]["text"] == trigger)


def test_events_promised_aid_is_aid_planned_by_whoever_promised_it_with_its_amounts(events):
    aid = _find(events, "выделить")
    assert (aid["type"], aid["modality"], aid["actors"]) == ("AID", "planned", ["Annalena Baerbock"])
    assert aid["amounts"] == [3_000_000_000, 8_250_000_000]


def test_events_a_call_is_a_request_by_the_resolved_pronoun(events):
    request = _find(events, "призвал")
    assert (request["type"], request["modality"], request["actors"]) == ("REQUEST", "asserted", ["Volodymyr Zelensky"])


def test_events_conversation_with_starmer_is_consult_with_him(events):
    consult = _find(events, "разговора")
    assert consult["type"] == "CONSULT" and "Keir Starmer" in consult["targets"]


def test_events_inside_a_quote_are_claimed_on_the_speakers_word_who_is_not_their_actor(events):
    strike = _find(events, "удар")
    assert (strike["type"], strike["modality"], strike["targets"]) == ("ASSAULT", "claimed", ["Yuzhmash"])
    assert strike["attributed_to"] == "Yuri Knutov" and "Yuri Knutov" not in strike["actors"]
    assert strike["time"]["value"] == "2024-11"


def test_events_a_future_deployment_is_planned(events):
    assert _find(events, "направят")["modality"] == "planned"
    assert _find(events, "высадке")["modality"] == "planned"  # "готовится к высадке"
