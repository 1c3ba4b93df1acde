"""Condemnations and accusations told apart from the acts they condemn, and threats made of one's own
force: what a speaker says of someone else's act is the speaker's ACCUSE; a report of the act stays
the act; readiness for a strike, or a strike held out to someone, is a THREATEN.

Every sentence here is ours, written for the rule it checks (none comes from the gold data).
"""

from __future__ import annotations

import pytest

from event_helpers import participant_names as _names


def _accusations(events):
    return [e for e in events if e.type == "ACCUSE"]


@pytest.mark.slow
@pytest.mark.parametrize("text, speaker, accused, trigger", [
    # ours: a word that judges what it reports is the speaker's accusation, not an act of violence
    ('"The guards are abusing the prisoners," said Senator Maria Lopez.', "Lopez", "guards", "abusing"),
    # ours: not telling the truth is lying
    ('"The minister is not telling the truth," said Paolo Rossi.', "Rossi", "minister", "telling"),
    # ours: breaking a law is misconduct named by a verb and its object
    ("Senator Ana Ruiz said the government would break international law by expelling the refugees.", "Ruiz",
     "government", "break"),
])
def test_accusations_misconduct_said_of_someone_is_the_speakers_accusation(analyze, text, speaker, accused, trigger):
    entities, events = analyze(text)
    accusation = next(e for e in _accusations(events) if e.trigger[2] == trigger)
    assert any(speaker in n for n in _names(entities, accusation.actors))
    assert any(accused in n for n in _names(entities, accusation.targets))
    assert accusation.modality == "asserted"
    assert not [e for e in events if e.type == "ASSAULT" and e.trigger[2] == trigger]


@pytest.mark.slow
def test_accusations_an_unresolved_he_is_still_accused(analyze):
    # ours: "he" in one's own words is never oneself; unresolved, the accusation has no target
    entities, events = analyze('"He is abusing his power," said Rita Moreno.')
    accusation = next(e for e in _accusations(events))
    assert any("Moreno" in n for n in _names(entities, accusation.actors))
    assert accusation.targets == []


@pytest.mark.slow
@pytest.mark.parametrize("text", [
    "Senator Ana Ruiz did not say whether the company violated the law.",  # ours: not said, and a question
    '"Did the company lie to them?" asked Paolo Rossi.',  # ours: a question charges no one
    "Senator Paolo Rossi denied that the company had lied to regulators.",  # ours: a denial
])
def test_accusations_a_charge_not_made_is_no_accusation(analyze, text):
    _, events = analyze(text)
    assert _accusations(events) == []


@pytest.mark.slow
def test_accusations_the_same_charge_made_is_an_accusation(analyze):
    # ours: the control of the denial above
    entities, events = analyze("Senator Paolo Rossi said that the company had lied to regulators.")
    assert any("company" in n for e in _accusations(events) for n in _names(entities, e.targets))


@pytest.mark.slow
def test_accusations_a_reported_attack_stays_the_attack(analyze):
    # ours: a plain verb of violence describes; on the speaker's word it is the attack, claimed
    _, events = analyze("Senator Ana Ruiz said soldiers attacked the village on Monday.")
    assert [e.modality for e in events if e.type == "ASSAULT"] == ["claimed"]
    assert _accusations(events) == []


@pytest.mark.slow
@pytest.mark.parametrize("text, speaker, faulted", [
    # ours: calling someone a wrongdoer with the copula, in one's own words
    ('"The governor is a liar," said Tom Hale.', "Hale", "governor"),
    # ours: "this" stands for what "they" did; unresolved, no one is named
    ('"This is a crime, what they did to these families," Tom Hale said.', "Hale", None),
])
def test_accusations_saying_someone_is_a_wrongdoer_accuses(analyze, text, speaker, faulted):
    entities, events = analyze(text)
    accusation = next(e for e in _accusations(events))
    assert accusation.mode == "disapprove"
    assert any(speaker in n for n in _names(entities, accusation.actors))
    if faulted is None:
        assert accusation.targets == []
    else:
        assert any(faulted in n for n in _names(entities, accusation.targets))


@pytest.mark.slow
@pytest.mark.parametrize("text", [
    "Tom Hale said the situation in the north was dangerous.",  # ours: an opinion of a thing
    '"If he were a criminal, he would be in jail," Tom Hale said.',  # ours: a condition
    '"The mayor is not a criminal," Tom Hale said.',  # ours: negated
    "The governor is a liar.",  # ours: the article's own words are no one's accusation
])
def test_accusations_a_disparaging_word_that_faults_no_one_is_no_accusation(analyze, text):
    _, events = analyze(text)
    assert _accusations(events) == []


@pytest.mark.slow
def test_accusations_linking_someone_to_an_attack_accuses_them(analyze):
    # ours: who links is the actor, who is linked the target
    entities, events = analyze("Police linked the suspect to the bombing of the station.")
    accusation = next(e for e in _accusations(events))
    assert any("Police" in n for n in _names(entities, accusation.actors))
    assert any("suspect" in n for n in _names(entities, accusation.targets))


@pytest.mark.slow
def test_accusations_linking_someone_to_a_club_accuses_no_one(analyze):
    # ours: linked to no wrong
    _, events = analyze("Police linked the suspect to a local football club.")
    assert _accusations(events) == []


@pytest.mark.slow
def test_accusations_acts_condemned_as_cowardly_are_attacks(analyze):
    # ours: the condemning word says the acts were violence; the condemnation is kept too
    entities, events = analyze("President Laura Chinchilla condemned the cowardly acts against the embassy.")
    attack = next(e for e in events if e.type == "ASSAULT")
    assert any("embassy" in n for n in _names(entities, attack.targets))
    assert "ACCUSE" in [e.type for e in events]


@pytest.mark.slow
@pytest.mark.parametrize("text, threatener, threatened", [
    # ours: readiness for one's own force against someone
    ("Prime Minister Jan Novak said his government was ready for a military strike against the rebels.",
     "government", "rebels"),
    # ours: force held out to its target under a condition, in someone's words
    ('"The rebels can expect air strikes if they do not withdraw," said General Omar Haddad.', "Haddad", "rebels"),
])
def test_accusations_force_one_is_ready_for_or_holds_out_is_a_threat(analyze, text, threatener, threatened):
    entities, events = analyze(text)
    threat = next(e for e in events if e.type == "THREATEN")
    assert any(threatener in n for n in _names(entities, threat.actors))
    assert any(threatened in n for n in _names(entities, threat.targets))
    assert threat.modality == "asserted"
    assert "ASSAULT" not in [e.type for e in events]


@pytest.mark.slow
def test_accusations_sanctions_a_company_faces_are_news_not_a_threat(analyze):
    # ours: reported by the article, with no condition
    _, events = analyze("The company faces sanctions from the regulator.")
    assert "THREATEN" not in [e.type for e in events]


@pytest.mark.slow
def test_accusations_a_politician_attacking_another_criticises(analyze):
    # ours: a named politician against another, no word of violence: a verbal attack, ACCUSE
    entities, events = analyze("Senator Ted Cruz attacked Donald Trump on Monday over his tax plan.")
    accusation = next(e for e in _accusations(events))
    assert accusation.mode == "disapprove"
    assert "Ted Cruz" in _names(entities, accusation.actors)
    assert "ASSAULT" not in [e.type for e in events]


@pytest.mark.slow
@pytest.mark.parametrize("text", [
    "Gunmen attacked Governor Ali Musa in Kano on Monday, killing two guards.",  # ours: casualties
    "A man attacked Senator John Carter outside his office on Monday.",  # ours: no politician attacks
    "The U.S. attacked Saddam Hussein with cruise missiles.",  # ours: a weapon
])
def test_accusations_an_attack_among_violence_stays_an_assault(analyze, text):
    _, events = analyze(text)
    assert "ASSAULT" in [e.type for e in events]
    assert _accusations(events) == []
