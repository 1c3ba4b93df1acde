"""The text of a quotation stored as parts, as readers are shown it.

A quotation is split into parts around its attribution ('"A," she said, "B."') and,
for a long one, into sentences and independent clauses, so that each claim can be
found and checked on its own. Shown whole, parts that stood side by side in the
article are joined by what stood between them (a space, ", but "); parts the
attribution separated are joined by an ellipsis.
"""

from __future__ import annotations

__all__ = ["PART_JOINER", "quotation_text"]

PART_JOINER = " … "
_QUOTE_MARKS = "\"“”«»„'`‘’"


def quotation_text(text: str, spans: list[tuple[int, int]]) -> str:
    """The parts (character spans of text, in order) joined into one quotation."""
    if not spans:
        return ""
    out = [text[spans[0][0]:spans[0][1]]]
    for (_, previous_end), (start, end) in zip(spans, spans[1:]):
        gap = text[previous_end:start]
        out.append(gap if _side_by_side(gap) else PART_JOINER)
        out.append(text[start:end])
    return "".join(out)


def _side_by_side(gap: str) -> bool:
    """Nothing of the attribution between two parts: spaces, punctuation and quotation
    marks only, or, with no marks, the one conjunction a clause split left out."""
    if "\n" in gap or len(gap) > 12:
        return False
    words = [w for w in gap.split() if any(c.isalpha() for c in w)]
    return not words or (len(words) == 1 and not any(c in _QUOTE_MARKS for c in gap))
