"""Is a place name used as an actor? ("London assured" = the British state; "in London" = the city.)

Decided from the dependency parse, conservatively: the name is
  - the active subject of a verb that is not a place-predicate ("Paris hosted", "Kyiv is");
  - the agent of a passive ("was condemned by Moscow");
  - the possessor, or the "of"-complement, of an actor noun ("Moscow's position",
    "the efforts of Moscow and Washington"), nouns listed in ``en/entity_state_nouns.txt``;
  - a conjunct of a name used as an actor ("Moscow and Washington should ...").
Limits: no coreference ("the capital"), no semantic roles beyond these slots; a subject
that is a place in fact ("Moscow froze overnight") is taken as an actor unless its verb is listed in
``en/entity_place_verbs.txt``.
"""

from __future__ import annotations

from ..lexicons import words
from ..constants import ACTIVE_SUBJECTS, NOMINAL_SUBJECTS

__all__ = ["used_as_actor"]

# "London assured": a place acts as the active, nominal subject of a verb.
_ACTING = ACTIVE_SUBJECTS & NOMINAL_SUBJECTS


def used_as_actor(span) -> bool:
    """Whether the span (a spaCy Span naming a place) stands for the state acting."""
    token = span.root
    seen = 0
    while token.dep_ == "conj" and seen < 10:  # the first conjunct carries the slot
        token = token.head
        seen += 1
    return _actor_slot(token)


def _actor_slot(token) -> bool:
    dep, head = token.dep_, token.head
    if dep in _ACTING and head.pos_ in ("VERB", "AUX"):
        return head.lemma_.lower() not in words("en", "entity_place_verbs")
    if dep == "pobj" and head.lower_ == "by" and head.dep_ == "agent":
        return True
    nouns = words("en", "entity_state_nouns")
    if dep == "poss":
        return head.lower_ in nouns or head.lemma_.lower() in nouns
    if dep == "pobj" and head.lower_ == "of" and head.head.pos_ == "NOUN":
        return head.head.lower_ in nouns or head.head.lemma_.lower() in nouns
    return False
