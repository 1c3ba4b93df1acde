"""Where an indirect or mixed quote's content ends.

A non-restrictive relative clause closing a paraphrase ("..., initiated by France,
where the ...", "..., which forced her to leave early") is most often the reporter's
aside, not the speaker's claim: both the seed annotation and PolNeAR end the content
before it. Restrictive relatives ("the people who voted") have no comma and stay.

So is a closing concessive set off by a comma ("..., although it may take days to tell",
"..., despite weeks of falling polls", "..., even as footage circulated"): the reporter's
qualification, outside the content in PolNeAR's annotation and the GGT coders'. A content
ends at a semicolon followed by a clause of its own ("... was not intentional; they only
learned on Friday ..."): the reporter goes on, or reports the next thing. A quotation
followed by a verb with no subject of its own ('retorted, "I'm a good swimmer" and then dropped
the mic') ends at its closing mark: what follows is what the speaker did, not said.
"""

from __future__ import annotations

from ..doc_text import text_of
from ..constants import CLOSING_MARK_TOKENS, OPENING_MARK_TOKENS

__all__ = ["without_trailing_aside"]

_ASIDE_OPENERS = frozenset({"which", "where", "who", "whom", "whose", "when"})
# Words opening a closing concessive after a comma; "even" only before "as" or "though".
_CONCESSIVE = frozenset({"although", "though", "despite"})
_EVEN = frozenset({"as", "though"})


def without_trailing_aside(doc, start: int, end: int) -> tuple[int, int]:
    """The content (start, end) with a closing ", which/where/who ..." clause, a closing
    concessive (", although ...") and what follows a semicolon and its own clause cut off."""
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None:
        return start, end
    start, end = _before_semicolon_or_concession(doc, span, start, end)
    start, end = _before_own_action(doc, start, end)
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
        text = text_of(doc)
        while cut > start and text[cut - 1].isspace():
            cut -= 1
        if cut > start:
            return start, cut
    return start, end


def _before_semicolon_or_concession(doc, span, start: int, end: int) -> tuple[int, int]:
    """Where a content ends before a semicolon that opens a clause of its own, or before a closing
    ", although / though / despite / even as ..." (text outside quotation marks only)."""
    for tok in span:
        if tok.i == span.start or tok.i + 1 >= span.end:
            continue
        nxt = doc[tok.i + 1]
        if tok.text == ";" and any(t.dep_ in ("nsubj", "nsubjpass", "expl") for t in doc[tok.i + 1:span.end]):
            cut = tok.idx
        elif tok.text == "," and (nxt.lower_ in _CONCESSIVE or nxt.lower_ == "even" and nxt.i + 1 < span.end
                                  and doc[nxt.i + 1].lower_ in _EVEN):
            cut = tok.idx
        else:
            continue
        if any(c in CLOSING_MARK_TOKENS or c in ('"', "“", "”") for c in text_of(doc)[cut:end]):
            continue  # a quotation goes on after it: the speaker's words, not the reporter's
        return start, cut
    return start, end


def _before_own_action(doc, start: int, end: int) -> tuple[int, int]:
    """Where a content ends that goes on past its closing quotation mark with "and (then) <verb>",
    a verb with no subject of its own joined to a quoted clause with its own subject: at that mark
    ('“I'm a good swimmer” and then dropped the mic'; not 'to "really call out Russia" and consider')."""
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None:
        return start, end
    for tok in span:
        if tok.text not in CLOSING_MARK_TOKENS or tok.i + 2 >= span.end or doc[tok.i + 1].lower_ != "and":
            continue
        verb = next((t for t in doc[tok.i + 2:min(tok.i + 4, span.end)] if t.pos_ == "VERB"), None)
        if verb is None or verb.dep_ != "conj" or verb.head.i > tok.i \
                or any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children):
            continue
        opening = max((t.i for t in doc[tok.sent.start:tok.i] if t.text in OPENING_MARK_TOKENS), default=None)
        if opening is None or not any(c.dep_ in ("nsubj", "nsubjpass") and c.i > opening for c in verb.head.children):
            continue  # 'to "really call out Russia" and consider ...': one phrase, quoted in part
        if any(t.text in CLOSING_MARK_TOKENS for t in doc[tok.i + 1:span.end]):
            continue  # a quotation goes on after it: the speaker's words
        return start, tok.idx + len(tok)
    return start, end
