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
