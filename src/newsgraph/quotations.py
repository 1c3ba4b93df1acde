"""Quotations read from their parts: which quotes form one quotation, and its text.

The analysis reports a statement per part: a quotation is split into parts around
its attribution ('"A," she said, "B."') and, for a long one, into sentences and
independent clauses, so that each claim can be found and checked on its own. Shown whole, parts that stood side by side in the
article are joined by what stood between them (a space, ", but "); parts the
attribution separated are joined by an ellipsis.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from .analyze.constants import QUOTATION_MARKS

__all__ = ["PART_JOINER", "quotation_groups", "quotation_text"]

PART_JOINER = " … "


def quotation_groups(quotes: Sequence[Mapping]) -> list[list[int]]:
    """The quotes of an analysis record grouped into quotations, as lists of indices.

    A quote's ``part_of`` is the index of its quotation's first part (null for a first
    or only part). Quotations come in the order of their first parts, each with its
    parts in record order. A part_of that names no earlier quote starts a quotation of
    its own, so that no quote is ever lost from a reading.
    """
    group_of: dict[int, list[int]] = {}
    groups: list[list[int]] = []
    for index, quote in enumerate(quotes):
        first = quote.get("part_of")
        group = group_of.get(first) if type(first) is int and first < index else None
        if group is None:
            group = []
            groups.append(group)
        group.append(index)
        group_of[index] = group
    return groups


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
    return not words or (len(words) == 1 and not any(c in QUOTATION_MARKS for c in gap))
