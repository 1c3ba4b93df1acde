"""A participant named by a description ("the Vermont senator") is the person the text titled so.

Every sentence here is ours, written for the rule it checks (none comes from the gold data).
"""

from __future__ import annotations

import pytest

from event_helpers import participant_names as _names

pytestmark = pytest.mark.slow


def _event(events, kind: str, trigger: str):
    return next(e for e in events if e.type == kind and e.trigger[2] == trigger)


@pytest.mark.parametrize("text, kind, trigger, side, name", [
    # an abbreviated title and a party tag: "Sen." is a senator, "Vt." Vermont
    ("Sen. Paul Whitcomb (D-Vt.) toured a dairy farm on Monday. Later the Vermont senator criticized Dana Reyes "
     "over her vote.", "ACCUSE", "criticized", "actors", "Paul Whitcomb"),
    # a nationality names the state the title was given in; "leader" is held by a head of government
    ("Norwegian Prime Minister Ingrid Dahl rejected the tariff plan. On Tuesday the Norwegian leader met "
     "Carl Meyer in Oslo.", "CONSULT", "met", "actors", "Ingrid Dahl"),
    # an "of" phrase is part of the description; "former" tells no one apart
    ("Former Secretary of State Helen Marsh spoke in Denver on Monday. Tom Hale has accused the former "
     "secretary of state of lying.", "ACCUSE", "accused", "targets", "Helen Marsh"),
    # an abbreviated title stands for each of its words: "Rep." is a congressman
    ("Rep. Tomas Ruiz, D-Ariz., criticized the plan. The Arizona congressman urged Dana Reyes to resign.",
     "REQUEST", "urged", "actors", "Tomas Ruiz"),
])
def test_a_description_names_the_person_titled_so_before(analyze, text, kind, trigger, side, name):
    entities, events = analyze(text)
    assert name in _names(entities, getattr(_event(events, kind, trigger), side))


def test_a_description_another_persons_titles_do_not_carry_names_no_one(analyze):
    # ours: Reyes is the Ohio senator; nobody was titled a Texas senator
    entities, events = analyze("Ohio Sen. Dana Reyes toured a steel mill on Monday. The Texas senator later "
                               "criticized Carl Meyer over the tariff.")
    assert "Dana Reyes" not in _names(entities, _event(events, "ACCUSE", "criticized").actors)


def test_a_description_right_after_someone_untitled_stays_unresolved(analyze):
    # ours: the candidate may be Hale, named just before with no title; the titled Reyes is not sure
    entities, events = analyze("Republican presidential candidate Dana Reyes spoke in Ohio. Tom Hale left the "
                               "rally early. The Republican presidential candidate later criticized Carl Meyer.")
    assert "Dana Reyes" not in _names(entities, _event(events, "ACCUSE", "criticized").actors)
