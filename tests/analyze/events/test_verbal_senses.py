"""Verbal acts of political news (admitting, refusing, rebutting) and the uses of their words that
name none (``_verbal_senses``, ``_acts._refuses_nothing``).

Every sentence here is ours, written for the rule it checks (none comes from the gold data).
"""

from __future__ import annotations

import pytest


def _types(events) -> list[tuple[str, str]]:
    return [(e.type, e.trigger[2]) for e in events]


@pytest.mark.slow
@pytest.mark.parametrize("text, kind, trigger", [
    # ours: a refusal of something that is no PLOVER act is still a refusal
    ("The governor refused to answer questions about the audit.", "REJECT", "refused"),
    ("Senator Brown declined to attend the hearing on Tuesday.", "REJECT", "declined"),
    # ours: admitting a fault, or pleading guilty, concedes it
    ("The mayor admitted that his office had mishandled the contracts.", "CONCEDE", "admitted"),
    ("The ministry acknowledged its responsibility for the delays.", "CONCEDE", "acknowledged"),
    ("Jones pleaded guilty on Monday to two counts of fraud.", "CONCEDE", "pleaded"),
    # ours: defending one's kin or a colleague supports them; it is no self-defence
    ("The senator's daughter defended her father on Tuesday in a radio interview.", "SUPPORT", "defended"),
    # ours: pressing someone to act, asking that something be done, and calls by advocates are requests
    ("The teachers' union pushed lawmakers to raise the minimum wage.", "REQUEST", "pushed"),
    ("Senator Smith suggested the treasurer be replaced.", "REQUEST", "suggested"),
    ("Advocates for the homeless called for the mayor's resignation.", "REQUEST", "called"),
    ("The minister resigned at the urging of his party's leaders.", "REQUEST", "urging"),
    # ours: discussing with a partner, or several discussing, is a consultation; agreeing to act is agreement
    ("The prime minister discussed the crisis with the king of Jordan.", "CONSULT", "discussed"),
    ("Obama and Putin discussed the war in Syria on Monday.", "CONSULT", "discussed"),
    ("Iran agrees to resume talks with the agency.", "AGREE", "agrees"),
    # ours: blocking a bill or a nomination rejects it
    ("Senate Republicans blocked the immigration bill on Thursday.", "REJECT", "blocked"),
    # ours: rebutting a claim rejects it
    ("The Democrats rebutted the claim of a breakthrough in the inquiry.", "REJECT", "rebutted"),
])
def test_events_verbal_acts_of_political_news(analyze, text, kind, trigger):
    _entities, events = analyze(text)
    assert (kind, trigger) in _types(events), _types(events)


@pytest.mark.slow
@pytest.mark.parametrize("text, trigger", [
    # ours: a source keeping its name or its word makes no rejection
    ("A city official, who declined to be identified, said the budget would pass.", "declined"),
    ("A spokesman for the campaign declined to comment.", "declined"),
    # ours: admitting patients, or a passive "admitted to hospital", concedes nothing
    ("The clinic admitted forty patients on Sunday.", "admitted"),
    ("Smith was admitted to hospital on Sunday.", "admitted"),
    # ours: a plea of not guilty asks for nothing
    ("Jones pleaded not guilty on Monday.", "pleaded"),
    # ours: "demonstrate that", "demonstrate their resolve" show something; no protest
    ("The senator has demonstrated that she can win rural votes.", "demonstrated"),
    ("The candidates must demonstrate their resolve.", "demonstrate"),
    # ours: recognising a fact, or being counted as something, supports no one
    ("European leaders recognize that the region needs investment.", "recognize"),
    ("The ruling is widely recognized as a landmark.", "recognized"),
    # ours: dismissing someone from a post rejects no claim
    ("Jones was dismissed on Friday as the team's manager.", "dismissed"),
    # ours: pushing back, being encouraged, a thing that encourages, and a clause of what is so ask nothing
    ("The campaign pushed back on the report.", "pushed"),
    ("Investors were encouraged by the figures.", "encouraged"),
    ("A win in the state would encourage donors to return.", "encourage"),
    ("The survey suggests that Smith and Jones are the strongest candidates.", "suggests"),
    ("Analysts suggested that the senator had misled the committee.", "suggested"),
    # ours: a question put to "you" reports nothing; gladness at a thing supports no one
    ("Do you support the mayor's plan for the stadium?", "support"),
    ("The candidate was delighted by the resulting uproar.", "delighted"),
    # ours: forgiving oneself, sharing someone's view, discussing alone are no acts between parties
    ("I would never have forgiven myself for missing the vote.", "forgiven"),
    ("The teachers' association agrees with the mayor.", "agrees"),
    ("In a memo, Smith discussed how the files had been lost.", "discussed"),
    # ours: shredding papers attacks no one
    ("The clerks were told to destroy the old records.", "destroy"),
])
def test_events_uses_that_name_no_verbal_act(analyze, text, trigger):
    _entities, events = analyze(text)
    assert trigger not in [t for _k, t in _types(events)], _types(events)


@pytest.mark.slow
def test_events_demonstrating_in_the_street_is_still_a_protest(analyze):
    # ours: with neither object nor clause, "demonstrate" is a demonstration
    _entities, events = analyze("Thousands of students demonstrated in the capital against the new fees.")
    assert ("PROTEST", "demonstrated") in _types(events)


@pytest.mark.slow
def test_events_dismissing_a_report_is_still_a_rejection(analyze):
    # ours: what is dismissed is a claim, not a person
    _entities, events = analyze("The White House dismissed the report as a fabrication.")
    assert ("REJECT", "dismissed") in _types(events)


@pytest.mark.slow
def test_events_whom_an_owned_endorsement_backs_is_its_target(analyze):
    # ours: "X's endorsement of Y": X endorses, Y is endorsed
    from event_helpers import participant_names

    entities, events = analyze("Voters cheered Governor Smith's endorsement of Senator Jones.")
    support = next(e for e in events if e.type == "SUPPORT")
    assert "Jones" in " ".join(participant_names(entities, support.targets))
    assert "Jones" not in " ".join(participant_names(entities, support.actors))


@pytest.mark.slow
@pytest.mark.parametrize("text, trigger", [
    # ours: an act supposed in a condition, or asked about, is not reported (``_conditions``)
    ("If the governor vetoes the budget again, the session will run into August.", "vetoes"),
    ("If tourists visited the border town without visas, officials would hardly notice.", "visited"),
    ("A reporter asked the spokesman whether the minister would resign.", "resign"),
])
def test_events_acts_supposed_or_asked_are_no_events(analyze, text, trigger):
    _entities, events = analyze(text)
    assert trigger not in [t for _k, t in _types(events)], _types(events)


@pytest.mark.slow
def test_events_a_threat_with_a_condition_and_the_terms_of_an_offer_stay(analyze):
    # ours: the threat is made in the main clause; a condition of willingness is the other side of an offer
    _entities, events = analyze("The army will attack the rebels if the talks fail.")
    assert "THREATEN" in [k for k, _t in _types(events)], _types(events)
    _entities, events = analyze("If the rebels will cooperate with the monitors, the army will withdraw from the valley.")
    assert ("COOPERATE", "cooperate") in _types(events), _types(events)
