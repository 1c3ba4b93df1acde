"""An edge joins two actors the text says took part in the act: the doer and the one it reaches.

Every sentence here is ours, written for the rule it checks (none comes from the gold data or
the event labels). Each test checks that a participant that is no party is not given.
"""

from __future__ import annotations

import pytest

from event_helpers import participant_names as _names


def _event(events, kind: str, trigger: str):
    return next(e for e in events if e.type == kind and e.trigger[2] == trigger)


@pytest.mark.slow
@pytest.mark.parametrize("text", [
    # ours: the newspaper tells of the talks; "it" is not the newspaper
    "The Daily Courier newspaper said on Sunday that the ministry's signals show that it wants to renew talks "
    "between the two countries.",
    # ours: the outlet whose report holds the talks is not at them
    "A Radio Tirana report citing unnamed officials said that the president called for a summit to be convened "
    "to hold talks with Greece.",
])
def test_edges_a_news_outlet_reporting_talks_takes_no_part_in_them(analyze, text):
    entities, events = analyze(text)
    for e in events:
        actors = " ".join(_names(entities, e.actors))
        assert "newspaper" not in actors and "Radio Tirana" not in actors, e


@pytest.mark.slow
def test_edges_the_parties_of_a_topic_are_not_those_of_the_talks(analyze):
    # ours: what is discussed is a withdrawal from Chad; Chad is not at the meeting
    entities, events = analyze("The ministers met in Geneva to discuss a Libyan withdrawal from Chad.")
    for e in events:
        assert "Chad" not in _names(entities, e.targets), e


@pytest.mark.slow
@pytest.mark.parametrize("text, kind, trigger, thing", [
    # ours: a building with no one named behind it is no party to a suspension
    ("Nestle suspended work on a $2 billion coffee plant.", "SANCTION", "suspended", "plant"),
    # ours: money spent is no partner
    ("The group skirted the rules by investing millions in television advertising.", "COOPERATE", "investing",
     "millions"),
    # ours: the services a firm runs are no body
    ("Air Fiji suspended several services between Fiji and Samoa.", "SANCTION", "suspended", "services"),
    # ours: the channel she spoke on is not whom she called on
    ("On NBC on Monday, his daughter, Mary, called for an open convention.", "REQUEST", "called", "NBC"),
])
def test_edges_a_thing_is_no_target(analyze, text, kind, trigger, thing):
    entities, events = analyze(text)
    event = _event(events, kind, trigger)
    assert not any(thing in name for name in _names(entities, event.targets)), event


@pytest.mark.slow
def test_edges_a_site_is_still_the_target_of_an_attack_and_counted_people_of_a_deportation(analyze):
    # ours: a place attacked and millions deported are what the acts reach
    entities, events = analyze("Rebels shelled a power plant near the capital. He vowed to deport millions.")
    assert _names(entities, _event(events, "ASSAULT", "shelled").targets) == {"a power plant"}
    assert _names(entities, _event(events, "THREATEN", "deport").targets) == {"millions"}


@pytest.mark.slow
def test_edges_a_role_described_by_its_own_phrase_is_no_one_named_before(analyze):
    # ours: "the candidate of their choice" is whoever they choose, not Maria Lopez
    entities, events = analyze("Maria Lopez won the primary in Ohio. Party leaders may support the candidate "
                               "of their choice at the convention.")
    support = _event(events, "SUPPORT", "support")
    assert "Maria Lopez" not in _names(entities, support.targets)
