"""Back-references: a noun that names again an act the article has already reported.

"Collins endorsed Trump on Wednesday. ... Collins' endorsement may open the floodgates":
the second sentence says something about the endorsement, it reports no second one. The
conventions code one event per act, so a definite or possessed noun trigger ("the meeting",
"his suspension", "their phone call") whose type an earlier sentence of the article already
reported is dropped. An indefinite noun ("a meeting", "another attack") may be a new act
and stays, and so does any verb ("they met again").

Read off the back-references coders found on PolNeAR articles (data/event_labels), which
recur across articles; checked against the tunable gold (AQUAINT tune, ours_dev, seed).
"""

from __future__ import annotations

from spacy.tokens import Token

from ..types import EventRecord
from ._reliability import trigger_token

__all__ = ["restates"]

_DEFINITE = frozenset({"the", "this", "that", "these", "those"})


def restates(trigger: Token | None, event: EventRecord, earlier: list[EventRecord]) -> bool:
    """Whether ``event``'s noun trigger names again an act of ``earlier`` (events of earlier sentences)."""
    if trigger is None or trigger.pos_ != "NOUN" or not _definite(trigger):
        return False
    if any(c.dep_ in ("acl", "relcl") for c in trigger.children):
        return False  # "the summit held in Paris on March 27": the clause tells the act anew
    if trigger.dep_ == "dobj":
        return False  # "strengthen their cooperation": a verb that does something to the act
    stem = trigger.lemma_.lower()[:4]
    # the same act named by the same word ("endorsed" ... "the endorsement", "met" ... "the
    # meeting"): another act of the type is often told by another word ("the attack" after
    # "troops shelled ...", "the cooperation" after "agreed to work together")
    return any(e.type == event.type and _lemma(e, trigger.doc)[:4] == stem for e in earlier)


def _lemma(event: EventRecord, doc) -> str:
    token = trigger_token(event, doc)
    return token.lemma_.lower() if token is not None else event.trigger[2].lower()


def _definite(noun: Token) -> bool:
    """ "the meeting", "his suspension", "Collins' endorsement": an act the reader already knows."""
    return any(c.dep_ == "poss" or c.dep_ == "det" and c.lower_ in _DEFINITE for c in noun.children)
