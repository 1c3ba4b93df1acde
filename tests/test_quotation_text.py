"""A quotation stored as parts, shown whole (pure string work, no model)."""

from newsgraph.quotation_text import quotation_text


def _spans(text, *parts):
    spans, at = [], 0
    for part in parts:
        start = text.index(part, at)
        spans.append((start, start + len(part)))
        at = start + len(part)
    return spans


def test_parts_side_by_side_are_joined_by_what_stood_between_them():
    text = ('"Trump himself opposes a new war, but the Democrats want one. They meet European leaders," '
            'Knutov said.')
    spans = _spans(text, "Trump himself opposes a new war", "the Democrats want one.", "They meet European leaders,")
    assert quotation_text(text, spans) == ("Trump himself opposes a new war, but the Democrats want one. "
                                           "They meet European leaders,")


def test_parts_around_an_attribution_are_joined_by_an_ellipsis():
    text = '"Prices will rise," said Maria Lopez, chief economist. "Households should expect higher bills."'
    spans = _spans(text, "Prices will rise,", "Households should expect higher bills.")
    assert quotation_text(text, spans) == "Prices will rise, … Households should expect higher bills."


def test_parts_in_separate_paragraphs_are_joined_by_an_ellipsis():
    text = "The talks failed, the envoy said.\n\nThe talks will resume, the envoy added."
    spans = _spans(text, "The talks failed", "The talks will resume")
    assert quotation_text(text, spans) == "The talks failed … The talks will resume"
    assert quotation_text(text, []) == "" and quotation_text(text, spans[:1]) == "The talks failed"


def test_parts_either_side_of_an_inverted_attribution_are_joined_by_an_ellipsis():
    text = "``Nothing is certain,'' said a statement, read at a rally."
    spans = _spans(text, "Nothing is certain,", "a statement, read at a rally")
    assert quotation_text(text, spans) == "Nothing is certain, … a statement, read at a rally"


def test_a_quoted_fragment_joins_its_paraphrase_by_the_mark_between_them():
    text = 'He said the bombings "show that terror knows no borders."'
    spans = _spans(text, "the bombings", "show that terror knows no borders.")
    assert quotation_text(text, spans) == 'the bombings "show that terror knows no borders.'
