"""Events the manual's categories name with words other than the commonest: each family of
verbs and nouns found with its actor, target and modality, and the uses that name no act left out.

Every sentence here is ours, written for the word or rule it checks (none comes from the gold data).
"""

from __future__ import annotations

import pytest

from event_helpers import participant_names as _names


@pytest.mark.slow
@pytest.mark.parametrize("text, kind, actor, target, modality", [
    # ours: one sentence per family, each with its doer and whom it reaches
    ("Poland assailed Belarus on Monday for the closure of the border.", "ACCUSE", "Poland", "Belarus", "asserted"),
    ("The Senate voted to impeach Governor Miller last week.", "ACCUSE", "Senate", "Miller", "asserted"),
    ("Police apprehended Tomas Ruiz in Lisbon on Friday.", "COERCE", "Police", "Tomas Ruiz", "asserted"),
    ("Police harassed journalists in the capital.", "COERCE", "Police", "journalists", "asserted"),
    ("Hungary opposed the sanctions package on Tuesday.", "REJECT", "Hungary", None, "asserted"),
    ("Chile barred Carlos Mendez from entering the country.", "REJECT", "Chile", "Carlos Mendez", "asserted"),
    ("Gunmen slaughtered twelve villagers near Goma on Sunday.", "ASSAULT", "Gunmen", "villagers", "asserted"),
    ("Detectives interrogated Paul Brennan for six hours.", "ACCUSE", "Detectives", "Paul Brennan", "asserted"),
    ("The president commuted the sentence of Maria Santos on Friday.", "CONCEDE", "president", None, "asserted"),
    ("Egypt withheld aid from the rebels in May.", "SANCTION", "Egypt", "rebels", "asserted"),
])
def test_events_each_family_gives_its_type_actor_target_and_modality(analyze, text, kind, actor, target, modality):
    entities, events = analyze(text)
    event = next(e for e in events if e.type == kind)
    assert any(actor in n for n in _names(entities, event.actors))
    if target is not None:
        assert any(target in n for n in _names(entities, event.targets))
    if modality is not None:
        assert event.modality == modality


@pytest.mark.slow
def test_events_a_planned_act_of_a_new_family_is_planned(analyze):
    # ours: the act is the type, the plan its modality
    entities, events = analyze("Kenya will extradite Omar Hassan to Germany next month.")
    extradition = next(e for e in events if e.type == "COOPERATE")
    assert extradition.modality == "planned"
    assert "Kenya" in _names(entities, extradition.actors)


@pytest.mark.slow
def test_events_receiving_a_delegation_hosts_a_visit(analyze):
    # ours: receiving a delegation is a visit (CAMEO 043, hosting); receiving a letter is none
    entities, events = analyze("The prime minister received a delegation from Somalia in Nairobi on Monday.")
    visit = next(e for e in events if e.type == "CONSULT")
    assert any("delegation" in n for n in _names(entities, visit.actors + visit.targets))
    _, events = analyze("The prime minister received a letter from Somalia on Monday.")
    assert "CONSULT" not in [e.type for e in events]


@pytest.mark.slow
def test_events_signing_a_treaty_is_one_support(analyze):
    # ours: the manual codes signing an agreement SUPPORT; the treaty is what is signed, no AGREE of its own
    entities, events = analyze("Peru and Bolivia signed a treaty on water rights on Friday.")
    assert [e.type for e in events] == ["SUPPORT"]


@pytest.mark.slow
def test_events_a_protest_demand_is_the_protest(analyze):
    # ours: the demand that a blockade or a rally carries is the protest's, not a REQUEST of its own
    _, events = analyze("Hundreds of farmers blocked roads near Lyon demanding lower fuel taxes.")
    assert [e.type for e in events] == ["PROTEST"]
    _, events = analyze("Students carried signs demanding the release of the journalists.")
    assert "PROTEST" in [e.type for e in events] and "REQUEST" not in [e.type for e in events]


@pytest.mark.slow
def test_events_a_bombing_whose_victim_the_parser_hangs_on_its_date_keeps_it(analyze):
    # ours: "this month of U.S. embassies": the embassies were bombed, not the month
    entities, events = analyze("The minister said that the bombings this month of two embassies in Lima "
                               "showed the danger.")
    bombing = next(e for e in events if e.type == "ASSAULT")
    assert any("embassies" in n for n in _names(entities, bombing.targets))


@pytest.mark.slow
@pytest.mark.parametrize("text, absent", [
    # ours: uses of trigger words that name no act
    ("Helicopters evacuated the wounded from the town on Friday.", "ASSAULT"),  # people, not an attack
    ("Ministers called them an occupying army.", "COERCE"),  # who they are
    ("The party mobilized its supporters before the vote.", "MOBILIZE"),  # no armed move
    ("Despite warnings of famine by aid agencies, the blockade went on.", "THREATEN"),  # a danger foretold
    ("The two leaders sought to ease tensions between their countries.", "CONCEDE"),  # no concession
    ("Extremists opposed to the truce planted a bomb.", "REJECT"),  # who they are
])
def test_events_uses_that_name_no_act_give_none(analyze, text, absent):
    _, events = analyze(text)
    assert absent not in [e.type for e in events]


@pytest.mark.slow
def test_events_a_halted_mediation_is_not_a_consultation(analyze):
    # ours: what a sanction stops is not an event of its own
    _, events = analyze("The European Union halted its mediation efforts between the two republics.")
    assert "CONSULT" not in [e.type for e in events]


@pytest.mark.slow
def test_events_who_is_engaged_in_an_act_does_it(analyze):
    # ours: "were engaged in" puts its subject into the act, as "were placed on alert" does
    entities, events = analyze("Rebel fighters were engaged in ethnic cleansing in the north, the report said.")
    cleansing = next(e for e in events if e.type == "ASSAULT")
    assert any("fighters" in n for n in _names(entities, cleansing.actors))


@pytest.mark.slow
def test_events_questioning_people_is_an_investigation_doubting_a_plan_is_none(analyze):
    # ours: "questioned two suspects" looks into them; "questioned the wisdom" doubts
    entities, events = analyze("Police questioned two suspects on Friday.")
    questioning = next(e for e in events if e.type == "ACCUSE")
    assert any("suspects" in n for n in _names(entities, questioning.targets))
    _, events = analyze("Senator Dole questioned the wisdom of the plan.")
    assert "ACCUSE" not in [e.type for e in events]


@pytest.mark.slow
def test_events_agents_sent_to_investigate_are_no_mobilization(analyze):
    # ours: the investigation is the event, the agents sent are no military move
    _, events = analyze("The FBI dispatched agents to Kenya to investigate the bombing.")
    assert "MOBILIZE" not in [e.type for e in events] and "ACCUSE" in [e.type for e in events]


@pytest.mark.slow
def test_events_i_in_a_direct_quotation_is_its_speaker(analyze):
    # ours: the speaker of a quotation is who "I" is inside it
    entities, events = analyze('"I condemn this attack on our soldiers," said Prime Minister John Howard.')
    condemnation = next(e for e in events if e.type == "ACCUSE")
    assert _names(entities, condemnation.actors) == {"John Howard"}


@pytest.mark.slow
@pytest.mark.parametrize("text, kind", [
    # ours: revenge vowed threatens; a demand dropped concedes; positions pounded are attacked
    ("The president vowed revenge against the bombers.", "THREATEN"),
    ("The union dropped its demand for a pay rise on Monday.", "CONCEDE"),
    ("Government jets pounded rebel positions near the border on Friday.", "ASSAULT"),
    # ours: objections raised are a disapproval (manual ACCUSE disapprove: "object to")
    ("Britain filed objections to the tribunal's jurisdiction in 1995.", "ACCUSE"),
    # ours: bringing a case to court sues (manual ACCUSE allege: "sue or bring to court")
    ("Portugal brought the case to the International Court of Justice in 1991.", "ACCUSE"),
    # ours: talking to someone consults them, as talking with them does
    ("The envoy flew to Cairo to talk to Egyptian officials on Monday.", "CONSULT"),
])
def test_events_object_rows_name_the_act(analyze, text, kind):
    _, events = analyze(text)
    assert kind in [e.type for e in events]


@pytest.mark.slow
def test_events_saying_someone_rigged_a_vote_accuses_them(analyze):
    # ours: misconduct told by a named speaker is the speaker's accusation
    entities, events = analyze('"The government rigged the election," opposition leader Raila Odinga said.')
    accusation = next(e for e in events if e.type == "ACCUSE")
    assert _names(entities, accusation.actors) == {"Raila Odinga"}
    assert any("government" in n for n in _names(entities, accusation.targets))


@pytest.mark.slow
@pytest.mark.parametrize("text, kind, actor, target", [
    # ours: the parser labels "to X" after give/offer "dative"; it is the act's recipient all the same
    ("The government offered its condolences to the families of the victims.", "SUPPORT", "government", "families"),
    # ours: a noun event taken as object by a light verb shares the verb's recipient
    ("Germany gave military aid to Ukraine on Monday.", "AID", "Germany", "Ukraine"),
    ("Peru has granted asylum to five army officers.", "AID", "Peru", "officers"),
])
def test_events_a_recipient_hung_on_the_verb_is_the_target(analyze, text, kind, actor, target):
    entities, events = analyze(text)
    event = next(e for e in events if e.type == kind)
    assert any(actor in n for n in _names(entities, event.actors))
    assert any(target in n for n in _names(entities, event.targets))


@pytest.mark.slow
def test_events_a_light_verbs_phrase_about_a_thing_names_no_target(analyze):
    # ours: "into an allegation by X" hangs the noun's own phrase on the verb: X accused, is not investigated
    entities, events = analyze("The committee completed its investigation into an allegation by the Liberian Peace "
                               "Council that rebels had taken the city.")
    investigation = next(e for e in events if e.type == "ACCUSE" and e.trigger[2] == "investigation")
    assert not any("Liberian" in n for n in _names(entities, investigation.targets))


@pytest.mark.slow
@pytest.mark.parametrize("text, actor, target", [
    # ours: a threat's condition names whom it is aimed at
    ("Hamas threatened to resume attacks unless Israel released the prisoners.", "Hamas", "Israel"),
    ("Turkey warned it would retaliate if Syria did not expel the rebels.", "Turkey", "Syria"),
])
def test_events_a_threat_is_aimed_at_whom_its_condition_asks_to_act(analyze, text, actor, target):
    entities, events = analyze(text)
    threat = next(e for e in events if e.type == "THREATEN")
    assert actor in _names(entities, threat.actors)
    assert target in _names(entities, threat.targets)


@pytest.mark.slow
def test_events_a_threat_conditioned_on_what_befalls_its_maker_has_no_target(analyze):
    # ours: "if it is not paid" asks no one to act
    entities, events = analyze("The union threatened to strike if it is not paid.")
    threat = next(e for e in events if e.type == "THREATEN")
    assert threat.targets == []


@pytest.mark.slow
def test_events_they_is_the_plural_group_named_just_before(analyze):
    # ours: no group was a subject: "they" is the relatives named in the sentence before
    entities, events = analyze("Carlos Mendez lashed out at his relatives in Lisbon on Sunday. He said they have "
                               "manipulated his daughter.")
    accusation = next(e for e in events if e.type == "ACCUSE" and e.trigger[2] == "manipulated")
    assert any("relatives" in n for n in _names(entities, accusation.targets))


@pytest.mark.slow
@pytest.mark.parametrize("text, actor, target", [
    # ours: naming someone by a disparaging word accuses them; a faulted act has no one to target
    ("Senator Ted Cruz called Donald Trump a liar on Friday.", "Cruz", "Trump"),
    ("The relatives attempted to portray Carlos Mendez as a puppet of the regime.", "relatives", "Mendez"),
    ("A statement by the Foreign Ministry described the bombings as barbaric.", "Foreign Ministry", None),
])
def test_events_naming_by_a_disparaging_word_is_an_accusation(analyze, text, actor, target):
    entities, events = analyze(text)
    accusation = next(e for e in events if e.type == "ACCUSE")
    assert any(actor in n for n in _names(entities, accusation.actors))
    if target is None:
        assert accusation.targets == []
    else:
        assert any(target in n for n in _names(entities, accusation.targets))


@pytest.mark.slow
def test_events_describing_a_situation_accuses_no_one(analyze):
    # ours: a disparaging word said of something that is neither someone nor an act
    _, events = analyze("Officials described the situation in the north as dangerous.")
    assert "ACCUSE" not in [e.type for e in events]


@pytest.mark.slow
@pytest.mark.parametrize("text, kind, actor, target", [
    # ours: who feels acts; what stirred it, read for who stands behind it, is the target
    ("Minister Ana Lopez said she was heartened by cooperation from Kenya and Tanzania.", "SUPPORT", "Lopez", "Kenya"),
    ("China was angered by the decision of the United States.", "ACCUSE", "China", "United States"),
])
def test_events_who_feels_about_an_act_is_its_actor(analyze, text, kind, actor, target):
    entities, events = analyze(text)
    event = next(e for e in events if e.type == kind)
    assert any(actor in n for n in _names(entities, event.actors))
    assert any(target in n for n in _names(entities, event.targets))


@pytest.mark.slow
def test_events_a_feeling_that_describes_someone_is_no_event(analyze):
    # ours: "hackers angered by the cartoons" says who the hackers are
    _, events = analyze("Hackers angered by the cartoons defaced thousands of Danish web sites.")
    assert "ACCUSE" not in [e.type for e in events]
