"""Is a Russian place name used as an actor? ("Москва заявила" = the Russian state; "в Москве" = the city.)

From the UD parse, conservatively, as the English ``entities/_roles.py``:
  - the nominal subject of a verb that is not a place-predicate ("Москва заявила";
    not "Киев находится"), verbs listed in ``ru/entity_place_verbs.txt``;
  - the genitive dependent of an actor noun ("позиция Москвы", "усилия Москвы и
    Вашингтона"), nouns listed in ``ru/entity_state_nouns.txt``;
  - a conjunct of a name used as an actor.
Limits: a passive's agent in the instrumental is not read; no coreference ("столица").
"""

from __future__ import annotations

from ..lexicons import words

__all__ = ["used_as_actor"]


def used_as_actor(span) -> bool:
    token = span.root
    seen = 0
    while token.dep_ == "conj" and seen < 10:  # the first conjunct carries the slot
        token = token.head
        seen += 1
    head = token.head
    if token.dep_ == "nsubj" and head.pos_ in ("VERB", "AUX") and head.i != token.i:
        return head.lemma_.lower() not in words("ru", "entity_place_verbs")
    if token.dep_ == "nmod" and "Gen" in token.morph.get("Case") and head.pos_ == "NOUN":
        return head.lemma_.lower() in words("ru", "entity_state_nouns")
    return False
