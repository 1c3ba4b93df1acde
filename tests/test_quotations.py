"""A quotation stored as parts, shown whole (pure string work, no model)."""

import pytest

from newsgraph.quotations import quotation_text


def _spans(text, *parts):
    spans, at = [], 0
    for part in parts:
        start = text.index(part, at)
        spans.append((start, start + len(part)))
        at = start + len(part)
    return spans


@pytest.mark.parametrize("text, parts, shown", [
    # a long quotation split by clause and sentence: what stood between the parts
    ('"Trump himself opposes a new war, but the Democrats want one. They meet European leaders," Knutov said.',
     ["Trump himself opposes a new war", "the Democrats want one.", "They meet European leaders,"],
     "Trump himself opposes a new war, but the Democrats want one. They meet European leaders,"),
    # a quoted fragment after its paraphrase: the mark between them
    ('He said the bombings "show that terror knows no borders."',
     ["the bombings", "show that terror knows no borders."],
     'the bombings "show that terror knows no borders.'),
])
def test_parts_side_by_side_are_joined_by_what_stood_between_them(text, parts, shown):
    assert quotation_text(text, _spans(text, *parts)) == shown


@pytest.mark.parametrize("text, parts, shown", [
    # an attribution between the parts
    ('"Prices will rise," said Maria Lopez, chief economist. "Households should expect higher bills."',
     ["Prices will rise,", "Households should expect higher bills."],
     "Prices will rise, … Households should expect higher bills."),
    # ... also an inverted one with marks around it
    ("``Nothing is certain,'' said a statement, read at a rally.",
     ["Nothing is certain,", "a statement, read at a rally"],
     "Nothing is certain, … a statement, read at a rally"),
    # a paragraph break between the parts
    ("The talks failed, the envoy said.\n\nThe talks will resume, the envoy added.",
     ["The talks failed", "The talks will resume"],
     "The talks failed … The talks will resume"),
])
def test_parts_apart_in_the_article_are_joined_by_an_ellipsis(text, parts, shown):
    assert quotation_text(text, _spans(text, *parts)) == shown


def test_no_parts_and_one_part():
    text = "The talks failed, the envoy said."
    assert quotation_text(text, []) == "" and quotation_text(text, [(0, 16)]) == "The talks failed"


def _quotes(*part_of):
    return [{"start": 10 * i, "end": 10 * i + 5, **({} if p == "absent" else {"part_of": p})} for i, p in enumerate(part_of)]


@pytest.mark.parametrize("part_of, groups", [
    ((None, None, None), [[0], [1], [2]]),
    # '"A," she said, "B." Then another quotation, whose parts come after the first's.
    ((None, 0, None, 2, 0), [[0, 1, 4], [2, 3]]),
    # parts of one quotation linked to its first part, another quotation in between
    ((None, None, 0), [[0, 2], [1]]),
    # a part_of naming no earlier quote (a later one, or none at all) starts its own quotation
    ((2, None, None), [[0], [1], [2]]),
    ((None, 7), [[0], [1]]),
    ((None, True), [[0], [1]]),
    # an analysis that did not link parts
    (("absent", "absent"), [[0], [1]]),
])
def test_quotation_groups_every_quote_in_exactly_one_quotation(part_of, groups):
    from newsgraph.quotations import quotation_groups

    assert quotation_groups(_quotes(*part_of)) == groups


@pytest.mark.parametrize("part_of, starts", [
    ((None, 0, None), [0, 0, 20]),
    (("absent", "absent"), [None, None]),
    ((None, 5), [0, 10]),
])
def test_quotation_starts_for_the_store_from_the_same_groups(part_of, starts):
    from newsgraph.store.rows import quotation_starts

    assert quotation_starts(_quotes(*part_of)) == starts
