"""Attribution patterns beyond speech verbs, on small sentences of our own (loads spaCy).

Noun cues, stance verbs, raising verbs, headline colons, "according to" at a
sentence edge, polls, "called X Y" and speakers of participles and relative clauses.
"""

from __future__ import annotations

import pytest

from newsgraph.analyze.entities import extract_entities
from newsgraph.analyze.quotes import extract_quotes

pytestmark = pytest.mark.slow


def _quotes(nlp, text: str):
    doc = nlp(text)
    return extract_quotes(doc, extract_entities(doc))


@pytest.mark.parametrize(
    "text, content, cue, speaker",
    [
        # noun cues: possessor, or the subject of the verb the noun is the object of
        ("Sanders's criticism of the trade deal grew louder.", "the trade deal", "criticism", "Sanders"),
        ("Republicans in Congress voiced concerns about the nuclear agreement.", "the nuclear agreement",
         "concerns", "Republicans"),
        # stance verbs PolNeAR counts as attribution
        ("The senator backed the infrastructure bill.", "the infrastructure bill", "backed", "The senator"),
        ("Most delegates voted for the amendment.", "the amendment", "voted", "Most delegates"),
        ("Several polls show Sanders within two points of Clinton.", "Sanders within two points of Clinton",
         "show", "Several polls"),
        # whom a stance is about and why, together: "criticized X for Y", "accused X of Y"
        ("The mayor criticized the council for its delays.", "the council for its delays", "criticized", "The mayor"),
        ("Democrats accused the governor of hiding the report.", "the governor of hiding the report", "accused",
         "Democrats"),
        # "in support of X" reports X; "the support of X" is X's own
        ("The senator spoke in support of the new bill.", "the new bill", "support", "The senator"),
        # "called X Y": the object and its predicate together
        ("Cruz called the plan a disaster.", "the plan a disaster", "called", "Cruz"),
        ("Sanders supporters have long called for her to resign.", "her to resign", "called", "Sanders supporters"),
        # a phrase after the object that says when or on what occasion is not what was said
        ("Clinton praised the union leaders during a rally in Ohio.", "the union leaders", "praised", "Clinton"),
        ("He called the deal a disaster in a radio interview.", "the deal a disaster", "called", "He"),
        ("The governor has repeatedly criticized the plan Tuesday.", "the plan", "criticized", "The governor"),
        ("Sanders criticized the trade deal in an interview with the Times.", "the trade deal", "criticized",
         "Sanders"),
        # a lemmatiser slip ("hopes" -> "hop") is listed too
        ("Clinton hopes to win Iowa.", "to win Iowa", "hopes", "Clinton"),
        ("Voters asked whether the candidate would release his tax returns.",
         "whether the candidate would release his tax returns", "asked", "Voters"),
        # "according to" / a poll closing or opening the sentence: the whole rest of it
        ("Turnout rose sharply in the suburbs, according to the county clerk.", "Turnout rose sharply in the suburbs",
         "according to", "the county clerk"),
        ("In a new Quinnipiac poll, Clinton leads Trump by six points.", "Clinton leads Trump by six points",
         "In", "a new Quinnipiac poll"),
        # a clausal complement is content whatever the verb's listed frames
        ("Diplomats in Geneva see that the ceasefire is fragile.", "the ceasefire is fragile", "see",
         "Diplomats in Geneva"),
        # the subject of a passive cue with an agent
        ("The registration problem was first reported by the Tribune.", "The registration problem", "reported",
         "the Tribune"),
        # participle and relative clause speakers
        ("Trump, refusing to concede, vowed to fight on.", "to concede", "refusing", "Trump"),
        # a document's participle, in the clause that issues it: the issuer
        ("The Harlow Council issued a statement calling the test a clear violation of the treaty.",
         "the test a clear violation of the treaty", "calling", "The Harlow Council"),
        ("Acme Corp. released a report saying that sales fell.", "sales fell", "saying", "Acme Corp."),
        ("The mayor, who praised the police response, said the city would recover.", "the police response",
         "praised", "The mayor"),
        # ours: a verb the tagger read as a noun keeps its subject
        ("But Harlow claims that the vote was rigged.", "the vote was rigged", "claims", "Harlow"),
        # ours: whoever was forced or urged to say something says it; not a means ("used X to")
        ("The committee forced Ms. Okafor, who had declined twice, to admit that the audit was late.",
         "the audit was late", "admit", "Ms. Okafor, who had declined twice"),
        ("The senator used a floor speech to call for an inquiry.", "an inquiry", "call", "The senator"),
        # ours: a participle on an occasion speaks for whoever spoke at it, held or gave it
        ("The minister said at a news conference announcing that the border would reopen.",
         "the border would reopen", "announcing", "The minister"),
        ("The governor gave a speech calling for calm.", "calm", "calling", "The governor"),
        # ours: a raising verb before a reporting infinitive leaves the report to the infinitive
        ("The mayor appeared to suggest that the tax would rise.", "the tax would rise", "suggest", "The mayor"),
    ],
)
def test_quotes_attribution_patterns(nlp, text, content, cue, speaker):
    found = [q for q in _quotes(nlp, text) if q.text == content]
    assert found, f"no quote {content!r} in {text!r}"
    q = found[0]
    assert q.cue and q.cue[2] == cue
    assert q.speaker is not None and q.speaker.text == speaker


@pytest.mark.parametrize(
    "text, content",
    [
        ("The governor appears to be gaining ground in Ohio.", "The governor appears to be gaining ground in Ohio"),
        ("The measure is expected to pass the Senate next week.",
         "The measure is expected to pass the Senate next week"),
    ],
)
def test_quotes_raising_verbs_have_no_speaker(nlp, text, content):
    q = next(q for q in _quotes(nlp, text) if q.text == content)
    assert q.speaker is None


def test_quotes_headline_colon(nlp):
    text = "Elizabeth Warren: Trump Is A Threat To Working Families\n\nThe senator spoke in Boston on Monday."
    q = next(q for q in _quotes(nlp, text) if q.cue and q.cue[2] == ":")
    assert q.text == "Trump Is A Threat To Working Families"
    assert q.speaker.text == "Elizabeth Warren"


def test_quotes_headline_colon_after_a_name_the_tagger_took_for_a_noun(nlp):
    # "Sanders" is a common noun to the tagger in a headline; the body names the man
    text = "Sanders: Pension Story Has Moved.\n\nBernie Sanders said on Sunday that voters had moved on."
    q = next(q for q in _quotes(nlp, text) if q.cue and q.cue[2] == ":")
    assert (q.text, q.speaker.text) == ("Pension Story Has Moved", "Sanders")


def test_quotes_a_transcript_turn_under_a_name_in_capitals_the_body_names(nlp):
    text = ("Governor Mary Fallin spoke to Jake Tapper on Sunday.\n\n"
            "FALLIN: I think the whole nation needs to work together on this.\n\n"
            "UPDATE: The interview was edited for length.")
    quotes = _quotes(nlp, text)
    found = [q for q in quotes if q.text.startswith("I think the whole nation")]
    assert found and found[0].speaker.text == "FALLIN"
    assert not [q for q in quotes if q.text.startswith("The interview was edited")]


def test_quotes_the_support_of_someone_is_theirs_not_what_is_supported(nlp):
    assert "women voters" not in [q.text for q in _quotes(nlp, "Clinton has the support of women voters.")]


@pytest.mark.parametrize("text, content, speaker", [
    ("Obama Seeks More Muslim Refugees As He Recognizes Major Islamic Holiday\n\nPresident Obama spoke on Monday.",
     "More Muslim Refugees As He Recognizes Major Islamic Holiday", "Obama"),
    ("Railing Against Trump, Sanders Vows To Eliminate Tax Breaks\n\nBernie Sanders spoke in Iowa.",
     "To Eliminate Tax Breaks", "Sanders"),
])
def test_quotes_title_case_headline_verb(nlp, text, content, speaker):
    # the tagger reads a capitalised headline verb as a proper noun; the name before it is the speaker
    found = [q for q in _quotes(nlp, text) if q.text == content]
    assert found, [q.text for q in _quotes(nlp, text)]
    assert found[0].speaker is not None and found[0].speaker.text == speaker


def test_quotes_title_case_headline_without_a_name_before_the_verb_is_no_attribution(nlp):
    text = "Small Business Owners Weigh Options On Trade\n\nMany owners said little."
    assert not [q for q in _quotes(nlp, text) if q.start < text.index("\n")]


@pytest.mark.parametrize("text, content", [
    ("Police say he posed a deadly threat and refused to drop the gun.",
     "he posed a deadly threat and refused to drop the gun"),
    ("A spokesman said the group is not an advocacy group and supports candidates on both sides of the aisle.",
     "the group is not an advocacy group and supports candidates on both sides of the aisle"),
])
def test_quotes_a_cue_coordinated_inside_a_content_stays_in_it(nlp, text, content):
    # the second verb agrees with the verb of the content, not with the cue: one content
    assert content in [q.text for q in _quotes(nlp, text)]


@pytest.mark.parametrize("text, source", [
    ("Poll: Mayor Leads Challenger By Six Points In Final Week\n\nThe survey ran on Monday.", "Poll"),
    ("Harris camp: Opponent's Plan Would Cut Pensions\n\nThe campaign spoke on Monday.", "Harris camp"),
])
def test_quotes_headline_colon_after_a_source_noun(nlp, text, source):
    q = next(q for q in _quotes(nlp, text) if q.cue and q.cue[2] == ":")
    assert q.speaker.text == source


@pytest.mark.parametrize("text", [
    "Update: the story has been corrected.\n\nIt ran on Monday.",
    "Big Win For Bernie: Sanders Takes Michigan\n\nIt ran on Monday.",
    "Editor's note: An earlier version misstated the date.\n\nIt ran on Monday.",
])
def test_quotes_labels_are_not_headline_speakers(nlp, text):
    assert not [q for q in _quotes(nlp, text) if q.cue and q.cue[2] == ":"]


@pytest.mark.parametrize("text, actor_clause", [
    # a participle that says what the subject did next, not who said the clause
    ("Bernie Sanders prevailed in Wisconsin's Democratic primary Tuesday, continuing his win streak over "
     "Hillary Clinton.", "Bernie Sanders prevailed"),
    # a listed cue word with a complement of its own is an action, not "..., X said"
    ("Boutique banks are turning heads as they continue to rake in bigger fees.", "are turning heads"),
    # a reduced relative describing a noun, and a subordinate clause, are no attributions (our sentences)
    ("The new jet will be the basis for a freight version of the airliner, announced last November.",
     "will be the basis"),
    ("The airline has received five orders for the new jet since it was announced in February.",
     "has received five orders"),
])
def test_quotes_cue_words_acting_on_their_own_report_no_clause(nlp, text, actor_clause):
    assert not [q for q in _quotes(nlp, text) if actor_clause in q.text]


@pytest.mark.parametrize("text", [
    "That said, the governor cannot realistically win the primary outright.",
    "That being said, the senator expects a close vote on Tuesday.",
    "All told, the campaigns spent more than $2 million on advertising in the state.",
])
def test_quotes_idioms_built_on_a_reporting_verb_attribute_nothing(nlp, text):
    assert _quotes(nlp, text) == []


def test_quotes_a_cue_before_a_quotation_reports_the_quotation_not_the_phrase_before_it(nlp):
    text = "Stressing the risk of a flood, Harris said, “If we do not move quickly, we are not going to have a town left.”"
    quotes = [(q.kind, q.text, q.cue[2]) for q in _quotes(nlp, text) if q.cue[2] == "said"]
    assert quotes == [("direct", "If we do not move quickly, we are not going to have a town left.", "said")]


@pytest.mark.parametrize("text, content, cue, speaker", [
    ("The closures have brought stability to the remaining casinos, the commission continued.",
     "The closures have brought stability to the remaining casinos", "continued", "the commission"),
    ("Turnout will be lower this year, Smith said in a statement.", "Turnout will be lower this year", "said",
     "Smith"),
    # "as" opens a parenthetical; other subordinators do not (our sentence)
    ("As the minister recalled, floods closed the old bridge twice last winter.",
     "floods closed the old bridge twice last winter", "recalled", "the minister"),
])
def test_quotes_true_parentheticals_report_the_clause(nlp, text, content, cue, speaker):
    quotes = _quotes(nlp, text)
    assert [(q.text, q.cue[2], q.speaker.text) for q in quotes] == [(content, cue, speaker)]


def test_quotes_a_clause_after_the_cue_is_the_content_before_one_the_parser_also_hung_on_it(nlp):
    text = ("It was no idle worry: soon the governor had declared that he would close the border crossings, "
            "drawing a fresh round of protests.")
    assert [(q.text, q.cue[2]) for q in _quotes(nlp, text)] == [
        ("he would close the border crossings, drawing a fresh round of protests", "declared")]


@pytest.mark.parametrize("text", ["Reuters reported on Friday.", "The state news agency, KCNA, reported on Friday."])
def test_quotes_a_date_after_the_cue_is_when_not_what(nlp, text):
    assert _quotes(nlp, text) == []


@pytest.mark.parametrize("text, content", [
    ("Most of the voters said that the new tax hurts small farms, according to an exit poll by the state university.",
     "Most of the voters said that the new tax hurts small farms"),
    ("The bridge will not reopen this year as many drivers expected, according to a letter from the transport ministry.",
     "The bridge will not reopen this year as many drivers expected"),
])
def test_quotes_a_closing_according_to_reports_the_attribution_before_it(nlp, text, content):
    assert [(q.text, q.cue[2]) for q in _quotes(nlp, text)] == [(content, "according to")]


def test_quotes_an_attributing_adverb_reports_its_clause_with_no_speaker(nlp):
    text = "The mining company is reportedly planning to close two pits in the north next year."
    assert [(q.kind, q.text, q.cue[2], q.speaker) for q in _quotes(nlp, text)] == [
        ("indirect", "The mining company is reportedly planning to close two pits in the north next year",
         "reportedly", None)]


@pytest.mark.parametrize("text, content", [
    ("In a Harris/Decision Desk/NewsNation poll released Monday, 48 percent of voters backed the plan.",
     "48 percent of voters backed the plan"),
    ("The mayor leads her rival by nine points in the latest city poll.", "The mayor leads her rival by nine points"),
])
def test_quotes_a_poll_opening_or_closing_the_sentence_reports_it(nlp, text, content):
    assert [(q.text, q.cue[2].lower()) for q in _quotes(nlp, text)] == [(content, "in")]


@pytest.mark.parametrize("text, expected", [
    # what a sign or an email "read"
    ("“Stop the pipeline now, before the river dies,” read one of the banners.",
     [("direct", "Stop the pipeline now, before the river dies,", "read")]),
    # "ask": the one asked is no content; the question is
    ("“Will the school reopen before the winter?” Lopez asked the mayor.",
     [("direct", "Will the school reopen before the winter?", "asked")]),
    ("Lopez asked the mayor whether the school would reopen before the winter.",
     [("indirect", "whether the school would reopen before the winter", "asked")]),
])
def test_quotes_signs_read_and_questions_asked(nlp, text, expected):
    assert [(q.kind, q.text, q.cue[2]) for q in _quotes(nlp, text)] == expected


def test_quotes_an_inverted_attribution_after_a_quotation_keeps_the_quotation_as_its_content(nlp):
    # "said a communique, read ...": the participle after the speaker is no second content
    text = ("The leadership warned on Thursday.\n\n``Nothing is certain concerning his return to the island,'' "
            "said a government communique, read Wednesday night at a rally attended by the president.")
    assert [(q.kind, q.text) for q in _quotes(nlp, text)] == [
        ("direct", "Nothing is certain concerning his return to the island,")]


@pytest.mark.parametrize("text, speaker, name", [
    # ours: the parser takes the dateline for the subject and hangs the name on it
    ("WASHINGTON -- President Obama, opening the new library on Monday, said it would tell the story of the city.",
     "President Obama", "Barack Obama"),
    # ours: or gives the verb two subjects, the dateline first
    ("BEDFORD, N.H. (AP) — Senator Marco Rubio said Tuesday that the race was far from over.",
     "Senator Marco Rubio", "Marco Rubio"),
    # ours: a dateline the parser hung on the name is no part of its mention
    ("LONDON (Reuters) - Mayor Sadiq Khan said on Monday that the plan was dead.", "Mayor Sadiq Khan", None),
    # ours: an acronym opening a paragraph, with a clause between dashes, is no dateline
    ("Officials said the road was closed.\n\nNASA - which had planned the launch - said it would wait.",
     "NASA - which had planned the launch", "NASA"),
])
def test_quotes_a_dateline_is_not_the_speaker(nlp, text, speaker, name):
    q = _quotes(nlp, text)[-1]
    assert q.speaker is not None and q.speaker.text == speaker
    assert name is None or q.speaker.name == name


def test_quotes_a_dateline_is_not_a_noun_cues_speaker(nlp):
    # ours: the holder of a stance noun ("concerns about") is the verb's subject, not the dateline
    text = ("City news.\n\nPORTLAND - Dana Ortiz, who needs a win in the state, voiced concerns about the "
            "judges on Friday.")
    assert [q.speaker.text for q in _quotes(nlp, text)] == ["Dana Ortiz"]



def test_quotes_the_speaker_is_never_inside_a_quotation_the_cue_is_outside(nlp):
    # ours: the parser hangs "telling" on a verb of the quotation, whose subject is the quotation's words
    text = ("Warren seemed to be ready to riff on the incident in Iowa, telling the crowd, “Some people get a "
            "little carried away, have you noticed that?”")
    q = next(q for q in _quotes(nlp, text) if q.text.startswith("Some people"))
    assert q.speaker is not None and q.speaker.text == "Warren"


def test_quotes_the_phrase_between_a_closing_mark_and_its_cue_is_the_speaker_outside_it(nlp):
    # ours: what takes the place of a speaker the parser found inside the quotation
    from newsgraph.analyze.quotes.cues import _phrase_after_mark
    doc = nlp("“We were wrong to wait,” Harbour Police Chief Dana Reyes, 61, told reporters.")
    told = next(t for t in doc if t.text == "told")
    assert _phrase_after_mark(doc, told).text == "Reyes"


@pytest.mark.parametrize("text, is_dateline", [
    ("Ottawa (AFP) – Anna Lind said the border would reopen.", True),
    ("OTTAWA — Anna Lind said the border would reopen.", True),
    ("Ottawa said the border would reopen.", False),
])
def test_quotes_datelines_in_capitals_or_in_title_case_with_an_agency(nlp, text, is_dateline):
    # ours: "Washington (AFP) –" is where the story was filed, as "WASHINGTON —" is
    from newsgraph.analyze.quotes.cues import _dateline
    assert _dateline(nlp(text)[0]) is is_dateline


@pytest.mark.parametrize("text, content, speaker", [
    # ours: a speech verb opening its sentence before a name and a colon, which the parser reads as
    # the name's modifier
    ("Continued Stone: “So I think it is a very real risk.”", "So I think it is a very real risk.", "Stone"),
    ("Added Harlow: “We will not give up on the harbour.”", "We will not give up on the harbour.", "Harlow"),
])
def test_quotes_an_inverted_speech_verb_before_a_name_and_a_colon(nlp, text, content, speaker):
    q = next(q for q in _quotes(nlp, text) if q.text == content)
    assert q.cue is not None and q.speaker is not None and (q.speaker.text, q.speaker.name) == (speaker, speaker)
