"""Accusations made by telling of misconduct: "Gonzalez said they have manipulated his son".

A speaker who says that someone else lied, manipulated, betrayed or mistreated makes an
accusation: the event is the speaker's ACCUSE of whoever did it, asserted as made. The
verbs are a word list (``lexicons/<lang>/event_misconduct.txt``); violence is not on it,
since a claimed attack is an ASSAULT on the speaker's word. Only speech counts (not a
belief or an intention), and only when the speaker is named and is not the one accused.
"""

from __future__ import annotations

from functools import lru_cache

from spacy.tokens import Span, Token

from ..lexicons import words
from ..types import Participant, QuoteRecord
from ._args import subject_of
from ._modality import reports_speech
from ._participants import Participants

__all__ = ["accusations"]


@lru_cache(maxsize=None)
def _misconduct(lang: str) -> frozenset[str]:
    return words(lang, "event_misconduct")


def accusations(sent: Span, parts: Participants, quotes: list[QuoteRecord],
                lang: str = "en") -> list[tuple[Token, int, list[Participant]]]:
    """(misconduct verb, accusing speaker, accused) for each accusation made in ``sent``."""
    out = []
    for tok in sent:
        if tok.pos_ != "VERB" or tok.lemma_.lower() not in _misconduct(lang) or _negated(tok):
            continue
        quote = next((q for q in quotes if q.start <= tok.idx < q.end), None)
        if quote is None or quote.speaker is None or quote.speaker.entity is None or not reports_speech(quote, sent.doc):
            continue
        subj, passive = subject_of(tok)
        if passive:  # "he is being manipulated by Fidel Castro"
            doers = [p for a in tok.children if a.dep_ == "agent" for p in a.children if p.dep_ == "pobj"]
        else:
            doers = [subj] if subj is not None else []
        accused = [p for d in doers for p in parts.of(d) if p != quote.speaker.entity]
        if accused:
            out.append((tok, quote.speaker.entity, accused))
    return out


def _negated(tok: Token) -> bool:
    return any(c.dep_ == "neg" for c in tok.children)
