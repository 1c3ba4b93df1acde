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
    assert not support.targets, support  # and no one else in particular


@pytest.mark.slow
def test_edges_the_subject_of_a_flattened_time_clause_is_not_the_verbs(analyze):
    # ours: the parser hangs "while he was minister of defence" on "was jailed"
    entities, events = analyze("The spy who first reported that Paul Berg met the envoy while he was minister of "
                               "defence was sentenced to six years on Monday by a federal judge in Denver.")
    sentence = _event(events, "SANCTION", "sentenced")
    assert not any("minister" in name for name in _names(entities, sentence.targets))


@pytest.mark.slow
def test_edges_a_participle_after_a_place_describes_the_noun_before_it(analyze):
    # ours: the suit seeks, not the court it was filed in
    entities, events = analyze("Harlow Holdings filed a suit in a Texas court seeking the removal of Beta "
                               "Corp.'s board.")
    seeking = _event(events, "REQUEST", "seeking")
    assert not any("court" in name for name in _names(entities, seeking.actors))


@pytest.mark.slow
def test_edges_the_fans_of_a_person_are_not_the_person(analyze):
    # ours: "Lopez fans" are people of their own
    entities, events = analyze("Maria Lopez spoke in Ohio. Lopez fans insist the delegates must back her.")
    insist = _event(events, "REQUEST", "insist")
    assert "Maria Lopez" not in _names(entities, insist.actors)


@pytest.mark.slow
def test_edges_he_in_a_content_clause_is_its_subject_not_the_speaker(analyze):
    # ours: "he" is the one who admitted it, not the one quoted saying so
    entities, events = analyze('Paul Adams endorsed the mayor on Friday. "Tom Baker has clearly admitted that he '
                               'lied to voters," Adams said.')
    lied = _event(events, "ACCUSE", "lied")
    assert _names(entities, lied.targets) == {"Tom Baker"}, lied


@pytest.mark.slow
def test_edges_an_object_them_takes_up_the_nearest_plural(analyze):
    # ours: the agency gave data on the migrants so that the army could round them up
    entities, events = analyze("In 1950, the Statistics Bureau handed over data on Haitian migrants so that "
                               "the army could round them up.")
    roundup = next(e for e in events if e.type == "COERCE")
    assert "Statistics Bureau" not in _names(entities, roundup.targets)
    entities, events = analyze("The protesters gathered outside the ministry, and police beat them.")
    assert _names(entities, _event(events, "ASSAULT", "beat").targets) == {"The protesters"}


@pytest.mark.slow
def test_edges_a_phrase_after_what_is_asked_for_belongs_to_it(analyze):
    # ours: the mother is met in the reunion asked for, she is not asked
    entities, events = analyze("The decision would allow the government to push for the girl's swift reunion in "
                               "Lima with her waiting mother, Ana Ruiz.")
    assert not _event(events, "REQUEST", "push").targets
    entities, events = analyze("Peru pleaded with Chile for restraint.")  # whom one pleads with comes first
    assert _names(entities, _event(events, "REQUEST", "pleaded").targets) == {"Chile"}


@pytest.mark.slow
def test_edges_him_is_not_a_woman_named_hillary(analyze):
    # ours: "him" is Tom Baker, not Hillary Lopez who criticized him
    entities, events = analyze("Tom Baker has set fundraising records, and Hillary Lopez has criticized him for "
                               "not doing more to help other candidates.")
    assert _names(entities, _event(events, "ACCUSE", "criticized").targets) == {"Tom Baker"}


@pytest.mark.slow
def test_edges_a_state_is_not_its_own_target(analyze):
    # ours: the Chilean government is Chile's; where it acts is no other party
    entities, events = analyze("The Chilean government occupies a strip of land in northern Chile.")
    occupation = next(e for e in events if e.type == "COERCE")
    assert "Chile" not in _names(entities, occupation.targets)


@pytest.mark.slow
def test_edges_a_with_clause_set_off_by_a_comma_names_no_one_reached(analyze):
    # ours: the Kenyan contingent arrives meanwhile; the vote is not aimed at it
    entities, events = analyze("Nine African nations voted for a regional force to protect Somalia, with the "
                               "vanguard of Kenya's contingent arriving Monday.")
    vote = _event(events, "SUPPORT", "voted")
    assert not any("contingent" in name for name in _names(entities, vote.targets)), vote


@pytest.mark.slow
def test_edges_what_is_bought_does_not_stand_behind_the_purchase(analyze):
    # ours: Harlow is bought; it receives no aid from the one who finances the buying
    entities, events = analyze("Apex Insurance plans to use the proceeds to help finance the acquisition of "
                               "Harlow Holdings.")
    aid = next(e for e in events if e.type == "AID")
    assert "Harlow Holdings" not in _names(entities, aid.targets)


@pytest.mark.slow
def test_edges_the_leaders_of_a_number_of_states_are_still_participants(analyze):
    # ours: a count of states is no thing that makes the leaders generic
    entities, events = analyze("The leaders of a number of Nordic states met the Chilean president in Oslo.")
    meeting = _event(events, "CONSULT", "met")
    assert meeting.actors, meeting
