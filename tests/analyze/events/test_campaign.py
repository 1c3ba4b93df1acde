"""Campaign and verbal uses of material trigger words name no act (``events._campaign``).

Every sentence here is ours, written for the rule it checks (none comes from labelled data).
"""

from __future__ import annotations

import pytest


def _types(events, trigger_text, text):
    return [e.type for e in events if text[e.trigger[0]:e.trigger[1]] == trigger_text]


@pytest.mark.slow
@pytest.mark.parametrize("text, trigger, kept", [
    # ours: publishing a document is no RETREAT; freeing people is
    ("The senator refused to release her tax returns before the vote.", "release", False),
    ("The governor's office put out a press release on Monday.", "release", False),
    ("Aides said the committee would publish the notes that the chairman plans to release next week.", "release", False),
    ("The rebels released twelve hostages on Sunday.", "released", True),
])
def test_events_releasing_a_document_is_no_retreat(analyze, text, trigger, kept):
    _, events = analyze(text)
    assert ("RETREAT" in _types(events, trigger, text)) is kept


@pytest.mark.slow
@pytest.mark.parametrize("text, trigger, kept", [
    # ours: a candidate's rally is a campaign stop; a rally against something is a protest
    ("The governor spoke at a campaign rally in Denver on Friday.", "rally", False),
    ("She told cheering supporters at a rally in Reno that the race was close.", "rally", False),
    ("The mayor toured the county, holding three rallies a day.", "holding", False),
    ("The candidate rallied his supporters before the primary.", "rallied", False),
    ("Thousands of students held a rally against the tuition increase.", "held", True),
    ("Police arrested dozens of students at a rally in the capital.", "rally", True),
])
def test_events_a_campaign_rally_is_no_protest(analyze, text, trigger, kept):
    _, events = analyze(text)
    assert ("PROTEST" in _types(events, trigger, text)) is kept


@pytest.mark.slow
@pytest.mark.parametrize("text, trigger, kept", [
    # ours: an attack made with words is no ASSAULT; an armed one is
    ("Senator Ross stepped up her attacks on the governor's budget.", "attacks", False),
    ("The debate turned into a personal attack on the mayor.", "attack", False),
    ("The challenger attacked the incumbent for his votes on trade.", "attacked", False),
    ("In a radio interview the senator attacked the governor's record.", "attacked", False),
    ("Gunmen attacked a police checkpoint near the border on Tuesday.", "attacked", True),
])
def test_events_a_verbal_attack_is_no_assault(analyze, text, trigger, kept):
    _, events = analyze(text)
    assert ("ASSAULT" in _types(events, trigger, text)) is kept


@pytest.mark.slow
@pytest.mark.parametrize("text, verbal", [
    # ours: a person's attacks are words, unless the sentence tells of armed violence
    ("Senator Ross's attacks on the governor continued on Monday.", True),
    ("Officials said Karimov's attacks on the border posts killed nine guards.", False),
])
def test_events_a_persons_attack_is_verbal_without_violence(nlp, text, verbal):
    from newsgraph.analyze.events._campaign import names_no_political_act
    token = next(t for t in nlp(text) if t.text == "attacks")
    assert names_no_political_act(token, "ASSAULT") is verbal


@pytest.mark.slow
def test_events_a_group_named_by_whom_it_backs_does_not_support(analyze):
    # ours: "a committee backing the mayor" says which committee, the donation is the report
    text = "A developer gave two million dollars to a committee backing the mayor."
    _, events = analyze(text)
    assert "SUPPORT" not in _types(events, "backing", text)


@pytest.mark.slow
@pytest.mark.parametrize("text, trigger, kept", [
    # ours: a question put to someone is no request; asking someone to act is
    ("When asked by a reporter about the deficit, the senator said nothing.", "asked", False),
    ("Voters should ask themselves why the plan failed.", "ask", False),
    ("The mayor asked residents to leave the flooded district.", "asked", True),
])
def test_events_a_question_is_no_request(analyze, text, trigger, kept):
    _, events = analyze(text)
    assert ("REQUEST" in _types(events, trigger, text)) is kept


@pytest.mark.slow
@pytest.mark.parametrize("text, trigger", [
    # ours: a poll measures support, nobody gives it
    ("A new poll shows the governor's support slipping among older voters.", "support"),
    ("The survey shows support among young voters for the senator has doubled.", "support"),
    ("In the survey, 52 percent of voters said they would vote for the senator.", "vote"),
    ("Approval of Senator Ross has fallen four points since June.", "Approval"),
])
def test_events_support_measured_by_a_poll_is_no_act(analyze, text, trigger):
    _, events = analyze(text)
    assert "SUPPORT" not in _types(events, trigger, text)


@pytest.mark.slow
@pytest.mark.parametrize("text, trigger, type_", [
    # ours: idioms and senses that name no act
    ("The delays begged the question of who was in charge.", "begged", "REQUEST"),
    ("Analysts point to the senator's broad suburban appeal.", "appeal", "REQUEST"),
    ("The candidate won enough pledged delegates to force a floor fight.", "pledged", "AGREE"),
    ("The convention began the roll call vote on Tuesday.", "call", "CONSULT"),
])
def test_events_idioms_name_no_act(analyze, text, trigger, type_):
    _, events = analyze(text)
    assert type_ not in _types(events, trigger, text)


@pytest.mark.slow
def test_events_a_definite_noun_naming_a_reported_act_again_is_no_new_event(analyze):
    # ours: the second sentence says something about the suspension, it reports no second one
    text = ("The league suspended the pitcher on Monday for two games. "
            "After his suspension, the team signed a replacement.")
    _, events = analyze(text)
    assert [e.trigger[2] for e in events if e.type == "SANCTION"] == ["suspended"]


@pytest.mark.slow
@pytest.mark.parametrize("text, noun, restated", [
    # ours: a definite noun is a back-reference, unless a clause of its own tells the act anew
    ("Ross met Lee. Officials praised their meeting with the mayor.", "meeting", False),  # a verb's object
    ("Ross met Lee. After their meeting, the mayor left.", "meeting", True),
    ("Ross met Lee. At the meeting held in Geneva on Friday, they agreed.", "meeting", False),
    ("Ross met Lee. At a meeting in Geneva, they agreed.", "meeting", False),  # indefinite: maybe a new one
])
def test_events_which_nouns_name_a_reported_act_again(nlp, text, noun, restated):
    from types import SimpleNamespace

    from newsgraph.analyze.events._restated import restates
    token = next(t for t in nlp(text) if t.text == noun)
    earlier = [SimpleNamespace(type="CONSULT", trigger=(5, 8, "met"))]
    assert restates(token, SimpleNamespace(type="CONSULT"), earlier) is restated


@pytest.mark.slow
@pytest.mark.parametrize("text, trigger, kept", [
    # ours: beating a rival at the polls is no ASSAULT; beating a prisoner is
    ("The latest poll gives the senator the best chance of beating the governor in November.", "beating", False),
    ("Guards beat the prisoner with batons, the report said.", "beat", True),
])
def test_events_winning_an_election_is_no_assault(analyze, text, trigger, kept):
    _, events = analyze(text)
    assert ("ASSAULT" in _types(events, trigger, text)) is kept


@pytest.mark.slow
@pytest.mark.parametrize("text, trigger, kept", [
    # ours: the meeting where a speech was given is no CONSULT; a summit of parties is
    ("Protesters gathered at the conference to denounce the pipeline.", "conference", False),
    ("At the summit of the Nordic leaders in Oslo, Finland pledged to send aid to Ukraine.", "summit", True),
])
def test_events_a_venue_is_no_consultation(analyze, text, trigger, kept):
    _, events = analyze(text)
    assert ("CONSULT" in _types(events, trigger, text)) is kept


@pytest.mark.slow
def test_events_fighting_near_an_election_stays_an_assault(analyze):
    # ours: no person is beaten at the polls here, armies fight
    text = "Government troops fought rebels near the capital ahead of the presidential election."
    _, events = analyze(text)
    assert "ASSAULT" in _types(events, "fought", text)
