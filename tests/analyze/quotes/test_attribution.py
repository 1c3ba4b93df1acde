"""What kind of attribution each quote is: speech, belief, intention, stance (sentences of our own; loads spaCy)."""

from __future__ import annotations

import pytest

from newsgraph.analyze.entities import extract_entities
from newsgraph.analyze.quotes import extract_quotes, learned

pytestmark = pytest.mark.slow


def _quotes(nlp, text: str):
    doc = nlp(text)
    return extract_quotes(doc, extract_entities(doc))


def _find(quotes, starting: str):
    found = [q for q in quotes if q.text.startswith(starting)]
    assert found, f"no quote starts with {starting!r}: {[q.text for q in quotes]}"
    return found[0]


@pytest.mark.parametrize(
    "text, starting, attribution",
    [
        # ours: speech, by a verb, "according to", quotation marks
        ("The mayor said the arena would close in March.", "the arena would close", "speech"),
        ("Police told reporters that the driver had fled.", "the driver had fled", "speech"),
        ("The league announced that the season would start late.", "the season would start", "speech"),
        ("The fire started in the kitchen, according to the fire chief.", "The fire started", "speech"),
        ('"We are not going anywhere," the coach said after the game.', "We are not going anywhere", "speech"),
        ("The column advises that the rookie may well be the next star to break out.", "the rookie may well", "speech"),
        # ours: belief
        ("The coach believes the team can still make the playoffs.", "the team can still make", "belief"),
        ("Residents fear that the plant will close next year.", "the plant will close", "belief"),
        # ours: intention
        ("The council plans to cut the arena budget by half.", "to cut the arena budget", "intention"),
        ("The minister wants to double the number of nurses.", "to double the number", "intention"),
        # ours: stance (an evaluation, a position)
        ("The union criticized the hospital for its staffing levels.", "the hospital", "stance"),
        ("Most residents support the new bike lanes on Main Street.", "the new bike lanes", "stance"),
        ("The senator opposes the pipeline through the reserve.", "the pipeline", "stance"),
    ],
)
def test_attribution_classes(nlp, text, starting, attribution):
    assert _find(_quotes(nlp, text), starting).attribution == attribution


@pytest.mark.parametrize(
    "text, starting",
    [
        # ours: a speech verb reporting a thing, not a proposition, is no speech
        ("The club thanked her parents for their support.", "her parents"),
        ("City staff described the numbers at the meeting.", "the numbers"),  # a rule cue (describe: obj)
        ("The two players talked about the upcoming season.", "the upcoming season"),
    ],
)
def test_attribution_of_a_thing_is_no_speech(nlp, text, starting):
    assert _find(_quotes(nlp, text), starting).attribution != "speech"


@pytest.mark.parametrize("text", [
    # ours: whom one talks about, or whom one asked, is not what was said
    "I was talking about Alfonso Espinos yesterday.",
    "I'm talking about Alfonso Espinos, who like Montalban was born in Mexico.",
    "The coach never mentioned Justin Trudeau.",
])
def test_attribution_a_name_alone_is_no_quote(nlp, text):
    assert not any(q.text.startswith(("Alfonso", "Justin")) for q in _quotes(nlp, text))


def test_attribution_parts_of_a_quotation_are_all_speech(nlp):
    # ours: a quotation over two sentences, then split around its cue
    text = ('"We found that a little misleading. Two of the arenas will be taken away," '
            'Marty Jones told the paper. "You are only getting one new rink."')
    quotes = _quotes(nlp, text)
    assert len(quotes) == 3 and {q.attribution for q in quotes} == {"speech"}


def test_attribution_is_in_the_record(nlp):
    doc = nlp("The mayor said the arena would close in March.")
    quote = extract_quotes(doc, extract_entities(doc))[0]
    assert quote.as_dict([])["attribution"] == "speech"


def test_attribution_a_quoted_term_is_no_quote(nlp):
    # ours: scare quotes under a cue that is no speech are words being named, not said
    quotes = _quotes(nlp, 'Schools around the country hold what are known as "blackouts" during exams.')
    assert not any(q.text == "blackouts" for q in quotes)


@pytest.mark.parametrize("text, starting", [
    # ours: an intention with quoted words in it is still an intention
    ('The diocese promised to take appropriate action "up to and including expulsion."', "to take appropriate"),
    ('The group intends to launch a campaign next month to pressure the government to enact "Audrey\'s '
     'amendment," which would allow advance consent.', "to launch a campaign"),
])
def test_attribution_a_mixed_quote_takes_its_cue_class(nlp, text, starting):
    quote = _find(_quotes(nlp, text), starting)
    assert quote.kind == "mixed" and quote.attribution == "intention"


def test_link_lines_give_no_quotes(nlp):
    # ours: a line linking to another story is that story's headline, not this article's reporting
    text = ("The school closed its doors on Tuesday.\n\n"
            "READ MORE: Trump says students at the rally were treated unfairly\n\n"
            "WATCH: Mayor says the city will rebuild the arena\n\n"
            "The principal said classes would resume on Monday.")
    quotes = _quotes(nlp, text)
    assert [q.text for q in quotes] == ["classes would resume on Monday"]


@pytest.mark.parametrize("text", [
    # ours: the reporter asked; the one asked is not the asker
    "When asked whether he was overstating the debt, McCallum said the figures were public.",
    "Asked if other locations would vote, Traeger said it was too early to tell.",
])
def test_the_reporters_question_has_no_speaker(nlp, text):
    quotes = _quotes(nlp, text)
    asked = [q for q in quotes if q.cue and q.cue[2].lower() == "asked"]
    assert asked and all(q.speaker is None for q in asked)
    said = [q for q in quotes if q.cue and q.cue[2] == "said"]
    assert said and said[0].speaker.text in ("McCallum", "Traeger")


@pytest.mark.parametrize("text, starting, attribution", [
    # ours: "agree" reports speech with a clause, an intention with an infinitive
    ("The union agreed that the talks had been fair.", "the talks had been fair", "speech"),
    ("China Eastern agreed to purchase twenty Airbus jets.", "to purchase twenty", "intention"),
    # ours: "to" as a preposition takes no proposition
    ("The 29-year-old pleaded guilty to six counts of first-degree murder.", "six counts", "stance"),
])
def test_attribution_by_the_frame_that_found_the_content(nlp, monkeypatch, text, starting, attribution):
    # the frame decides the kind, whatever the learned model's score: keep every proposal
    weights = learned.load_model("en")[1]
    monkeypatch.setattr(learned, "load_model", lambda lang: (0.0, weights))
    assert _find(_quotes(nlp, text), starting).attribution == attribution


@pytest.mark.parametrize("text", [
    # ours: a name given is nothing said
    "Apple unveiled a video calling feature called FaceTime.",
    'Five billion applications, commonly called "apps," have been sold.',
    "The antenna trouble, dubbed Antennagate by the press, did not hurt sales.",
])
def test_naming_participles_give_no_quote(nlp, text):
    assert _quotes(nlp, text) == []


@pytest.mark.parametrize("text, speaker", [
    # ours: the one quoted is the speaker, what the saying reports the content
    ("Kuchma was quoted by the Interfax news agency as saying that Ukraine would not join NATO.", "Kuchma"),
    ("The agency quoted an official as saying that the border would stay closed.", "an official"),
])
def test_quoted_as_saying(nlp, text, speaker):
    quotes = _quotes(nlp, text)
    assert len(quotes) == 1 and quotes[0].speaker.text == speaker
    assert quotes[0].text in ("Ukraine would not join NATO", "the border would stay closed")


@pytest.mark.parametrize(
    "text, starting",
    [
        # ours: a negated speech verb reports that nothing was said
        ("The coach won't say what he will do if the team loses again.", "what he will do"),
        ("The mayor didn't respond to interview requests through city staff.", "to interview requests"),
        ("The coach did not say whether he would return next season.", "whether he would return"),
        # ours: a question with no asker is the reporter's, not a speaker's
        ("When asked whether the plant would close, the manager smiled and left the room.", "whether the plant"),
    ],
)
def test_unsaid_and_unasked_are_no_speech(nlp, text, starting):
    found = [q for q in _quotes(nlp, text) if q.text.startswith(starting)]
    assert all(q.attribution != "speech" for q in found)


def test_said_and_done_is_no_cue(nlp):
    # ours: "when all was said and done" attributes nothing
    text = "When all was said and done, the team had won six games in a row."
    assert not [q for q in _quotes(nlp, text) if q.text.startswith("the team had won")]


def test_quoted_name_of_a_show_is_no_quotation(nlp):
    # ours: quoted words that modify a noun outside the marks name a show, not what was said
    text = "The goalie was asked about the game. He told NBC’s “Tonight” show on Friday that he has nothing to hide."
    assert not [q for q in _quotes(nlp, text) if q.text == "Tonight"]


def test_a_belief_that_says_is_no_speech(nlp):
    # ours: "conventional wisdom says" reports what is believed, not what anyone said
    quote = _find(_quotes(nlp, "Conventional wisdom says the team will trade its captain before March."), "the team")
    assert quote.attribution == "belief"


@pytest.mark.parametrize("text, starting, attribution", [
    # ours: records and findings report evidence, not speech; people who indicate still speak
    ("City financial records from last year indicated the debt was then 267 million dollars.", "the debt", "belief"),
    ("A provincial study concluded the bridge would cost twice as much.", "the bridge", "belief"),
    ("Police indicated that the driver had fled.", "the driver", "speech"),
])
def test_evidence_is_no_speech(nlp, text, starting, attribution):
    assert _find(_quotes(nlp, text), starting).attribution == attribution


@pytest.mark.parametrize("text, absent", [
    # ours: what an elided verb leaves ("say it is") has no word of the speaker's
    ("Costs are lower than the agency says they are, the mayor claims.", "they are"),
    # ours: a clause of when, after the cue, is the reporter's circumstance
    ("He shook his head and said no when reporters asked if the talks would resume.", "when reporters"),
    ("Fear is spreading across the country, the premier said, though he did not name any groups.", "though he"),
    # ours: a bare "saying" after "quoted as" is no content: what was said is the quotation beside it
    ('"The debt load is simply untenable," the mayor was quoted as saying in the press release.', "saying"),
])
def test_a_content_that_says_nothing_is_no_quote(nlp, text, absent):
    assert not any(q.text.startswith(absent) for q in _quotes(nlp, text))


def test_a_condition_before_a_parenthetical_cue_stays_content(nlp):
    # ours: "When the plant closes" is the speaker's condition, the first part of the quotation
    quotes = _quotes(nlp, "When the plant closes, she said, hundreds of jobs will go.")
    assert _find(quotes, "When the plant closes").attribution == "speech"
    assert _find(quotes, "hundreds of jobs will go").attribution == "speech"


def test_a_try_to_say_is_no_speech(nlp):
    # ours: an attempt to confirm something is not its confirmation
    text = "Attempts by reporters to confirm with the city that the soil was unstable were stymied."
    assert _find(_quotes(nlp, text), "the soil was unstable").attribution == "intention"


@pytest.mark.parametrize("text", [
    # ours: what was seen is no attribution
    "Investigators saw the company reimbursing employees for their donations.",
    "The letters offer a glimpse into how the premier ran his office.",
    "Residents can view details of the plan on the city's website.",
])
def test_seeing_is_no_attribution(nlp, text):
    assert _quotes(nlp, text) == []


@pytest.mark.parametrize("text, starting", [
    # ours: seeing something as something, or that something is so, is a stance
    ("Critics view him as a threat to the party.", "him as a threat"),
    ("Analysts see that the market is cooling.", "the market is cooling"),
])
def test_seeing_as_is_a_stance(nlp, text, starting):
    assert _find(_quotes(nlp, text), starting).attribution == "stance"


@pytest.mark.parametrize("text, starting", [
    # ours: feelings and plans reported are not speech
    ("She was happy to attend the ceremony in Ottawa.", "to attend the ceremony"),
    ("The council plans to review his release next spring.", "to review his release"),
])
def test_feelings_and_plans_are_no_speech(nlp, text, starting):
    assert all(q.attribution != "speech" for q in _quotes(nlp, text) if q.text.startswith(starting))


@pytest.mark.parametrize("text", [
    # ours: single quoted words listed or defined are terms, not speech
    'This year\'s list included "couth," "compunction," and "nugatory," which does not describe candy.',
    'A "renoviction" is when a landlord tells a tenant they have to move out.',
])
def test_a_lone_quoted_word_is_a_term(nlp, text):
    assert not any(q.kind == "direct" for q in _quotes(nlp, text))


@pytest.mark.parametrize("text, word", [
    # ours: one word is a quotation when its cue stands beside it or takes it as what was said
    ('"Yes," Smith said.', "Yes,"),
    ('"One!" says the owner of the shop.', "One!"),
    ('The candidate calls people "losers" and "sad."', "losers"),
])
def test_a_lone_word_beside_its_cue_is_speech(nlp, text, word):
    assert any(word in q.text for q in _quotes(nlp, text))


def test_questions_put_to_someone_are_not_theirs(nlp):
    # ours: who responds to questions did not ask them; a holder of the noun did
    text = "The mayor didn't respond to questions about whether the figures were wrong."
    assert _find(_quotes(nlp, text), "whether the figures").attribution != "speech"
    text = "The senator's questions about whether the figures were wrong went unanswered."
    assert _find(_quotes(nlp, text), "whether the figures").attribution == "speech"



@pytest.mark.parametrize("text, starting, attribution", [
    # ours: quoted words in a thing talked about do not make it something said
    ('The mayor talks to reporters about the issue of policing in "the new city."', "the issue of policing", "stance"),
    ('The guests will tell stories about the first time they "fell in love."', "the first time", "stance"),
    # ours: quoted words in what something was called are
    ('The governor described the senator as a "disgrace to the state."', "the senator as", "speech"),
])
def test_a_mixed_quote_of_a_thing_talked_about_is_a_stance(nlp, text, starting, attribution):
    assert _find(_quotes(nlp, text), starting).attribution == attribution


def test_a_quotation_a_thing_is_billed_as_is_no_quote(nlp):
    # ours: a naming verb in the passive with no agent gives what something is called
    text = ('The 40-minute performance, ticketed separately, is billed as "a conversation between dancers, '
            'objects and environment, celebrating the intimacy present in all things."')
    assert not any(q.text.startswith("a conversation") for q in _quotes(nlp, text))


@pytest.mark.parametrize("text, starting, attribution", [
    # ours: a negated verb before a quotation: the quotation is not what was said
    ('The list included "nugatory," which doesn\'t describe the candy known as nougat but means "no value or '
     'importance."', "no value", "stance"),
    # ours: the quotation's own "not", which the parser may hang on the verb after it, does not count
    ('"Are we where we need to be? Probably not," Ms. Moore said.', "Are we where", "speech"),
])
def test_a_negated_cue_of_a_quotation(nlp, text, starting, attribution):
    assert _find(_quotes(nlp, text), starting).attribution == attribution
