"""Sentence starts at line breaks (the component before the parser) and the record's sentences."""

from __future__ import annotations

import pytest

from newsgraph.analyze.sentences import line_breaks_start_sentences, sentence_spans

pytestmark = pytest.mark.slow


def _starts(doc):
    return [t.text for t in doc if t.is_sent_start]


def test_a_line_break_starts_a_sentence_at_the_next_word(nlp):
    doc = line_breaks_start_sentences(nlp.make_doc("Storm hits the coast\n\nThe rain fell all night\nroads closed"))
    assert _starts(doc) == ["Storm", "The", "roads"]  # the first token starts the document anyway


def test_spaces_around_the_line_break_do_not_move_the_start(nlp):
    doc = line_breaks_start_sentences(nlp.make_doc("Storm hits \n  \t The rain fell\n"))
    assert _starts(doc) == ["Storm", "The"]
    assert [t.is_sent_start for t in doc if t.text in ("hits", "rain", "fell")] == [None, None, None]


def test_the_record_sentences_leave_out_the_line_breaks(nlp):
    text = "Storm hits the coast\n\nThe rain fell. Roads closed."
    spans = sentence_spans(nlp(text))
    assert [text[s["start"]:s["end"]] for s in spans] == ["Storm hits the coast", "The rain fell.", "Roads closed."]
