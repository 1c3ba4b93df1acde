"""Where an indirect or mixed quote's content ends.

A non-restrictive relative clause closing a paraphrase ("..., initiated by France,
where the ...", "..., which forced her to leave early") is most often the reporter's
aside, not the speaker's claim: both the seed annotation and PolNeAR end the content
before it. Restrictive relatives ("the people who voted") have no comma and stay.
"""

from __future__ import annotations

from ..constants import CLOSING_MARK_TOKENS

__all__ = ["without_trailing_aside"]

_ASIDE_OPENERS = frozenset({"which", "where", "who", "whom", "whose", "when"})


def without_trailing_aside(doc, start: int, end: int) -> tuple[int, int]:
    """The content (start, end) with a closing ", which/where/who ..." clause cut off."""
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None:
        return start, end
    for tok in span:
        if tok.dep_ != "relcl" or not (start <= tok.head.idx < end):
            continue
        first = tok.left_edge
        if first.lower_ not in _ASIDE_OPENERS or first.i == 0:
            continue
        before = doc[first.i - 1]
        if before.text in CLOSING_MARK_TOKENS and first.i > 1 and doc[first.i - 2].text == ",":
            cut = before.idx + len(before)  # '... “at the latest,” which ...': the fragment keeps its marks
        elif before.text == ",":
            cut = before.idx
        else:
            continue
        if tok.right_edge.idx + len(tok.right_edge) < end - 1:
            continue  # the clause sits inside the content, the content goes on after it
        text = doc.text
        while cut > start and text[cut - 1].isspace():
            cut -= 1
        if cut > start:
            return start, cut
    return start, end
