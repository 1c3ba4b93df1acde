"""Verbal attacks: "Clinton's aggressive attack on Trump", "she attacks her rival's inexperience",
"Democrats attacked Republicans for how they ran the inquiry".

In political news "attack" is as often criticism as violence. PLOVER codes criticism as ACCUSE
('disapprove'), violence as ASSAULT; typed ASSAULT, a verbal attack draws a false act of violence
between two politicians. The attack is verbal when what it is aimed at can only be criticised
(someone's record, policy, remarks: ``lexicons/<lang>/event_criticised_things.txt``), or when it is
aimed by a named person or a party at another and nothing in the sentence speaks of violence (no weapon, no
casualty, no armed force: ``event_violence_context.txt``), or when a word says so ("verbal",
"personal", "line of attack", "attack ad"). "Gunmen attacked the mayor's convoy", "the U.S.
attacked Saddam Hussein with cruise missiles" stay ASSAULT.
"""

from __future__ import annotations

from spacy.tokens import Token

from ..lexicons import words
from ..types import Participant, PhraseRecord
from ._participants import Participants

__all__ = ["verbal_attack"]

# Trigger lemmas that name either a verbal or a violent attack.
_ATTACK_WORDS = frozenset({"attack", "assault"})
# Modifiers and phrases that say the attack is made in words.
_VERBAL_MARKS = frozenset({"verbal", "personal", "political", "negative", "rhetorical", "hominem", "frontal", "phony",
                           "partisan", "ad", "ads", "line", "lines"})
# Targets whose entity type a violent attack rarely has without a word of violence around it.
_PEOPLE = frozenset({"PERSON"})
_PARTIES = frozenset({"democrats", "republicans", "gop", "tories", "labour", "conservatives", "liberals",
                      "democrat", "republican"})


def verbal_attack(tok: Token, actors: list[Participant], targets: list[Participant], parts: Participants,
                  lang: str = "en") -> bool:
    """Whether the attack named at ``tok`` is criticism rather than violence."""
    if tok.lemma_.lower() not in _ATTACK_WORDS:
        return False
    sent = tok.sent
    violence = words(lang, "event_violence_context")
    if any(t.lemma_.lower() in violence or t.lower_ in violence for t in sent if t.i != tok.i):
        return False
    if _marked_verbal(tok):
        return True
    aimed_at = _aimed_at(tok)
    if aimed_at is not None and aimed_at.lemma_.lower() in words(lang, "event_criticised_things"):
        return True  # "attacks her rival's inexperience", "an attack on his record"
    # a named politician or party against another: "a man attacked Senator Carter" may be a mugging
    return bool(actors) and all(_person_or_party(p, parts) for p in actors) and \
        any(_person_or_party(p, parts) for p in targets)


def _marked_verbal(tok: Token) -> bool:
    """ "a personal attack", "an ad hominem attack", "lines of attack", "attack ads"."""
    near = [c for c in tok.children if c.dep_ in ("amod", "compound", "nmod", "advmod")]
    if tok.dep_ in ("compound", "pobj"):
        near.append(tok.head)
    if tok.dep_ == "pobj" and tok.head.head.i != tok.i:
        near.append(tok.head.head)  # "lines of attack"
    return any(t.lower_ in _VERBAL_MARKS for t in near)


def _aimed_at(tok: Token) -> Token | None:
    """The head word of what the attack is aimed at: its object or its "on"/"against" phrase."""
    for c in tok.children:
        if c.dep_ == "dobj" and tok.pos_ == "VERB":
            return c
        if c.dep_ == "prep" and c.lower_ in ("on", "against"):
            return next((g for g in c.children if g.dep_ == "pobj"), None)
    return None


def _person_or_party(p: Participant, parts: Participants) -> bool:
    entity = p.refers_to if isinstance(p, PhraseRecord) else p
    if isinstance(p, PhraseRecord) and entity is None:
        return p.text.lower().split()[-1] in _PARTIES if p.text else False
    if entity is None:
        return False
    record = parts.entities[entity]
    return record.type in _PEOPLE or record.name.lower() in _PARTIES
