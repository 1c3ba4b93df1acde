"""Stated intentions, plans and willingness (events/_intent.py): the act they announce, done by
whoever would do it, with the modality the intention gives it.

Every sentence here is ours, written for the rule it checks (none comes from the gold data).
"""

from __future__ import annotations

import pytest

from event_helpers import participant_names as _names


def _event(events, kind):
    return next(e for e in events if e.type == kind)


@pytest.mark.slow
@pytest.mark.parametrize("text, kind, actor, modality", [
    # the copula's subject does what a disposition's infinitive names
    ("Chile was willing to withdraw its soldiers from the border.", "RETREAT", "Chile", "hypothetical"),
    ("Portugal is ready to contribute 300 troops to the mission in Mali.", "AID", "Portugal", "planned"),
    # a noun of intention: its possessor, or who announced or showed it
    ("The ministry said Colombia had shown its interest in resuming talks with the rebels.", "CONSULT", "Colombia",
     "hypothetical"),
    ("Kenya announced plans to withdraw its troops from Somalia.", "RETREAT", "Kenya", "planned"),
    # a bare "talk" under a willingness is talks
    ("Hamas said on Monday it was ready to talk.", "CONSULT", "Hamas", "planned"),
    # giving ground on one's aims
    ("Officials said Serbia was willing to modify its demands over the border.", "CONCEDE", "Serbia", "hypothetical"),
])
def test_intent_the_announced_act_has_its_doer_and_modality(analyze, text, kind, actor, modality):
    entities, events = analyze(text)
    event = _event(events, kind)
    assert any(actor in n for n in _names(entities, event.actors))
    assert event.modality == modality


@pytest.mark.slow
def test_intent_a_negated_disposition_negates_the_act(analyze):
    _entities, events = analyze("Chile was not willing to withdraw its soldiers from the border.")
    assert _event(events, "RETREAT").modality == "negated"


@pytest.mark.slow
@pytest.mark.parametrize("text", [
    "The senator talked about his record at length on Monday.",  # speaking, no talks
    "She said she was happy to talk about her family.",  # happy to speak, not to negotiate
])
def test_intent_talking_is_no_talks(analyze, text):
    _entities, events = analyze(text)
    assert "CONSULT" not in [e.type for e in events]


@pytest.mark.slow
def test_intent_what_someone_must_be_ready_for_is_the_demand(analyze):
    # the demand's content: "Y must be ready to mediate" is one REQUEST of Y, no CONSULT of its own
    _entities, events = analyze("The president said that Norway must be ready to mediate between the two sides.")
    assert [e.type for e in events] == ["REQUEST"]


@pytest.mark.slow
def test_intent_a_strike_one_is_committed_to_is_a_threat(analyze):
    # a noun of violence under its actor's own disposition is announced, so a threat made now
    entities, events = analyze("The president says he is committed to a possible strike against Syria.")
    threat = _event(events, "THREATEN")
    assert "Syria" in _names(entities, threat.targets)
    assert "ASSAULT" not in [e.type for e in events]


@pytest.mark.slow
def test_intent_getting_out_of_a_country_is_a_withdrawal_but_not_out_of_a_race(analyze):
    entities, events = analyze("Officials said Turkey would be happy to get out of Syria.")
    withdrawal = _event(events, "RETREAT")
    assert "Turkey" in _names(entities, withdrawal.actors)
    assert withdrawal.modality == "hypothetical"
    _entities, events = analyze("He said he would get out of the race in March.")
    assert "RETREAT" not in [e.type for e in events]


@pytest.mark.slow
def test_intent_a_fight_one_is_prepared_for_is_a_contest(analyze):
    # politics names its contests with the words of violence: no attack, no threat
    _entities, events = analyze("The senator says he is prepared for a floor fight at the party convention.")
    assert not {"ASSAULT", "THREATEN"} & {e.type for e in events}
