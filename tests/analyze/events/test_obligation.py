"""Demands phrased as obligations (events/_obligation.py): the cases a state's belief or a quotation
with its reporting verb in another sentence carries. Every sentence here is ours."""

from __future__ import annotations

import pytest

from event_helpers import participant_names as _names


@pytest.mark.slow
def test_obligation_a_states_belief_that_another_must_act_is_a_demand(analyze):
    entities, events = analyze("Officials said on Friday that Brazil feels Argentina must wait until the summit.")
    demand = next(e for e in events if e.type == "REQUEST")
    assert "Brazil" in _names(entities, demand.actors)
    assert "Argentina" in _names(entities, demand.targets)


@pytest.mark.slow
@pytest.mark.parametrize("text", [
    "Analysts believe the Federal Reserve must raise rates in June.",  # a pundit's opinion
    "The senator thinks Iran must stop its programme.",  # a person's belief
])
def test_obligation_a_persons_belief_is_no_demand(analyze, text):
    _entities, events = analyze(text)
    assert "REQUEST" not in [e.type for e in events]


@pytest.mark.slow
def test_obligation_a_quoted_must_asks_the_state_it_names(analyze):
    text = ('Foreign Minister Ana Costa spoke after the vote. "This was a dark day," she said. '
            '"Germany and France need to strengthen their cooperation against smuggling."')
    entities, events = analyze(text)
    demand = next(e for e in events if e.type == "REQUEST")
    assert "Ana Costa" in _names(entities, demand.actors)
    assert {"Germany", "France"} <= _names(entities, demand.targets)
    assert "COOPERATE" not in [e.type for e in events]  # what is asked is no event of its own


@pytest.mark.slow
@pytest.mark.parametrize("quoted", [
    "A leader must fight for what he believes in.",  # a maxim, no one named is asked
    "Germany should have closed the border in May.",  # a reproach for the past
    "Germany will need to learn from this.",  # a forecast
    "Germany should be grateful for the help.",  # a quoted "should": most often an opinion
])
def test_obligation_quoted_maxims_reproaches_and_forecasts_are_no_demands(analyze, quoted):
    text = f'Foreign Minister Ana Costa spoke after the vote. "This was a dark day," she said. "{quoted}"'
    _entities, events = analyze(text)
    assert "REQUEST" not in [e.type for e in events]
