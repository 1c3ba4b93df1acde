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
