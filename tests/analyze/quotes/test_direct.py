"""Direct quotations attributed to their speakers: across paragraphs, nested marks, split
quotations, and quotations that a neighbouring sentence attributes (sentences of our own; loads spaCy)."""

from __future__ import annotations

import pytest

from newsgraph.analyze.entities import extract_entities
from newsgraph.analyze.quotes import extract_quotes
from newsgraph.analyze.quotes.marks import quote_spans

pytestmark = pytest.mark.slow


def _quotes(nlp, text: str):
    doc = nlp(text)
    return extract_quotes(doc, extract_entities(doc))


def _said(nlp, text: str) -> list[tuple[str, str | None]]:
    return [(q.text, q.speaker.text if q.speaker else None) for q in _quotes(nlp, text)]


@pytest.mark.parametrize("text, inner", [
    # ours: a title in guillemets inside a quotation is part of it
    ("“I have read «War and Peace» twice, and it is long,” the minister said.",
     "I have read «War and Peace» twice, and it is long,"),
    # ours: curly marks inside guillemets
    ("«Je relis “Guerre et Paix” chaque hiver», a-t-il dit.", "Je relis “Guerre et Paix” chaque hiver"),
    # ours: two curly single marks standing for a double one
    ("‘‘We print anything by anyone,’’ says the founder.", "We print anything by anyone,"),
])
def test_direct_nested_and_doubled_marks(text, inner):
    assert [text[a:b] for a, b in quote_spans(text)] == [inner]


def test_direct_nested_title_keeps_its_speaker(nlp):
    text = "“I have read «War and Peace» twice, and it is long,” Maria Petrova said on Monday."
    assert _said(nlp, text) == [("I have read «War and Peace» twice, and it is long,", "Maria Petrova")]


def test_direct_doubled_single_marks_give_the_speaker_not_the_mark(nlp):
    text = "‘‘We dedicate ourselves to local creators,’’ says the 39-year-old founder of Studiocomix Press."
    [(content, speaker)] = _said(nlp, text)
    assert content == "We dedicate ourselves to local creators," and speaker.startswith("the 39-year-old founder")


def test_direct_split_quotation_is_one_quotation_in_two_parts(nlp):
    quotes = _quotes(nlp, '"We will not give up," Keir Starmer said on Friday. "We will defend every town."')
    assert [q.text for q in quotes] == ["We will not give up,", "We will defend every town."]
    assert quotes[1].part_of == 0 and {q.speaker.name for q in quotes} == {"Keir Starmer"}


def test_direct_quotation_across_paragraphs(nlp):
    text = ("“The land underneath is very unstable,” Mayor Doug McCallum said.\n\n"
            "“Our engineering department says we could not build on it without pile driving.\n\n"
            "“Pile driving is very expensive construction.”")
    quotes = _quotes(nlp, text)
    assert len(quotes) == 3 and all(q.speaker is not None and "Doug McCallum" in q.speaker.name for q in quotes)
    assert quotes[1].part_of == quotes[2].part_of == 0


def test_direct_quotation_the_next_sentence_attributes(nlp):
    text = "The vote was close. “We are ready for the season.” Coach Dana Ruiz said that after practice."
    assert ("We are ready for the season.", "Coach Dana Ruiz") in _said(nlp, text)


def test_direct_quotation_later_in_the_paragraph_keeps_its_speaker(nlp):
    # ours: a sentence of the reporter's between two quotations of one speaker
    text = ("“We dedicate ourselves to independent comic books,” says Alfonso Espinos. The store, which opened "
            "in a Kitchener mall last year, is the region's only indie comic-book shop that also prints and "
            "publishes. “If you want Marvel, you can go to another comic book shop.”")
    assert _said(nlp, text)[-1] == ("If you want Marvel, you can go to another comic book shop.", "Alfonso Espinos")


def test_direct_quotation_after_someone_else_is_given_words_stays_unattributed(nlp):
    # ours: another speaker in between: the later quotation is not the first speaker's
    text = ("“We dedicate ourselves to independent comic books,” says Alfonso Espinos. His partner said the "
            "shop would move. “If you want Marvel, you can go to another comic book shop.”")
    found = dict(_said(nlp, text))
    assert found.get("If you want Marvel, you can go to another comic book shop.") != "Alfonso Espinos"


def test_direct_quotation_signed_by_a_dash_and_a_name(nlp):
    # ours: readers' answers in a list, each quotation signed at the end of its line
    text = ("Readers told us what they think of the new stadium.\n\n"
            "“It is far too expensive. The city should have fixed the roads first.” ― Marco Delgado\n"
            "“I will go to every game, and so will my kids.” — Priya Raman.\n")
    said = _said(nlp, text)
    assert ("It is far too expensive.", "Marco Delgado") in said
    assert ("I will go to every game, and so will my kids.", "Priya Raman") in said


@pytest.mark.parametrize("text, second, speaker", [
    # ours: a short second part right after the sentence that attributed the first
    ('"I would," Melanie said to the TV. "I would, Donald."', "I would, Donald.", "Melanie"),
    ('"It is over," the coach said. "Totally."', "Totally.", "the coach"),
])
def test_direct_short_second_part_after_its_attribution(nlp, text, second, speaker):
    quotes = _quotes(nlp, text)
    part = next((q for q in quotes if q.text == second), None)
    assert part is not None, [q.text for q in quotes]
    assert part.speaker is not None and part.speaker.text == speaker
    assert part.part_of == 0


def test_direct_short_quotation_alone_is_a_scare_quote(nlp):
    # ours: a short quoted phrase a reporter's sentence away from the last quotation is no quote
    text = '"We will appeal," the lawyer said. The ruling was a "disaster" for the town.'
    assert [q.text for q in _quotes(nlp, text)] == ["We will appeal,"]


def test_direct_chanted_words_are_speech(nlp):
    quotes = _quotes(nlp, 'Protesters marching downtown chanted "What curfew?" until midnight.')
    assert [(q.text, q.attribution) for q in quotes] == [("What curfew?", "speech")]


def test_direct_quotation_paragraph_after_a_reported_speech(nlp):
    # ours: a paragraph reporting someone's words, then a paragraph that is only a quotation
    text = ("Howell says she wants the government to consider the changes from the students' side.\n\n"
            '"When my kids come home and say they do not want to use the toilets, the school is failing them."\n\n'
            "The ministry did not comment.")
    said = _said(nlp, text)
    assert ("When my kids come home and say they do not want to use the toilets, the school is failing them.",
            "Howell") in said


def test_direct_quotation_paragraph_after_the_reporters_words_stays_unattributed(nlp):
    # ours: no one was reported in the paragraph before, so no one is given the quotation
    text = ("The storm closed every school in the region on Monday.\n\n"
            '"We are going to have to shovel a lot more often this winter."')
    assert not any(q.kind == "direct" and q.speaker is not None for q in _quotes(nlp, text))


@pytest.mark.parametrize("text, speaker", [
    # ours: the parser gives "said" two subjects, the quotation's last words and the name after the marks
    ("“The budget is a mess. A total mess,” said Harriet Olsen, a member of the finance committee.",
     "Harriet Olsen, a member of the finance committee"),
    ("“She is a fine coach. Not good, great. One of the best coaches in the whole league,” Mayor Tom Briggs "
     "said in an interview.", "Mayor Tom Briggs"),
])
def test_direct_quotations_last_words_are_not_its_speaker(nlp, text, speaker):
    assert {said for _, said in _said(nlp, text)} == {speaker}
