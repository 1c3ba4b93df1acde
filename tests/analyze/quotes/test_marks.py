"""Quotation-mark spans, without a model."""

from __future__ import annotations

import pytest

from newsgraph.analyze.quotes.marks import quote_spans


@pytest.mark.parametrize(
    "text, expected",
    [
        ("He said “we will win.” Then left.", ["we will win."]),
        ('He said "we will win." Then left.', ["we will win."]),
        ("''MacGyver is a name,'' he said. ''You know it.''", ["MacGyver is a name,", "You know it."]),
        ("“A,” Knutov said, “B.”", ["A,", "B."]),
        ("Don't say ‘no’ now.", []),  # single marks are apostrophes too: ignored
        ("“First paragraph.\n“Second paragraph.”", ["First paragraph.\n“Second paragraph."]),
        ("“Left open\nNext paragraph “x”", ["Left open", "x"]),
        # a straight mark after a comma that lost its space opens; one with a space after it closes
        ('He said,"we will win," and left.', ["we will win,"]),
    ],
)
def test_quote_marks_pair_openers_with_closers(text, expected):
    assert [text[s:e] for s, e in quote_spans(text)] == expected


def test_marks_a_closing_mark_opening_a_line_opens_the_quotation():
    # ours: a typo'd opener at the start of a line, before a word
    text = "Readers answered.\n”Fear. I am afraid the plan will fail.” ― Ana Ruiz\n“It is fine.” ― Tom Bell"
    spans = [text[a:b] for a, b in quote_spans(text)]
    assert spans == ["Fear. I am afraid the plan will fail.", "It is fine."]
