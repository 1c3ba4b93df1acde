"""Trigger words that name no act in some of their uses: the use decides, not the word.

Each rule was written from the PLOVER manual's definitions and from the wording of news,
and says what it keeps and what it drops:

- "seek", "try" with an infinitive state an aim ("seeking to harm Trump"); with an
  object they ask for something ("seeking talks"), which is a REQUEST;
- "fight", "battle", "struggle" with an infinitive are figurative ("fought to keep the boy");
- "offer", "promise", "pledge", "vow" name an act only with what is offered or promised:
  an infinitive or clause ("promised to provide aid"), or an object that names aid, help,
  talks or an act ("offered assistance"); "offered a religious service" is no agreement;
- "insist" is a demand only over what someone must or should do ("insisted that he leave",
  "insisted they must withdraw"), not over a claim ("insisted his son wants to return");
- "warn" is a threat only of the warner's own act ("Moscow will warn about the use of
  weapons"), not when it tells of what others may do ("warning citizens that exiles could
  force the reversal");
- "provide", "send", "deliver" and other verbs of giving are AID only when what is given
  is aid: money, weapons, supplies ("provide 3 billion euros"), not "a better life";
- a noun trigger that only describes the people it modifies is no act: "riot police",
  "occupation forces".
"""

from __future__ import annotations

from spacy.tokens import Token

from ..constants import SUBJECTS

__all__ = ["names_an_act"]

_AIMING = frozenset({"seek", "try", "strive", "fight", "battle", "struggle"})
_PROMISING = frozenset({"offer", "promise", "pledge", "vow"})
# Objects that make an offer or a promise an act of its own.
_OFFERED = frozenset({"aid", "assistance", "help", "support", "talks", "negotiation", "money", "fund", "loan",
                      "weapon", "arm", "troop", "ceasefire", "truce", "deal", "concession", "amnesty",
                      "asylum", "compensation", "protection", "cooperation", "mediation", "guarantee"})
_OBLIGING = frozenset({"must", "should", "ought", "shall"})
# Verbs of giving that are aid only when what is given is: "provide 3 billion euros", "send
# weapons", not "provide him with a better life" or "deliver a speech".
_GIVING = frozenset({"provide", "supply", "deliver", "send", "grant", "contribute", "allocate", "donate"})
_AID_GOODS = frozenset({"aid", "assistance", "help", "support", "money", "fund", "funding", "loan", "credit",
                        "grant", "weapon", "arm", "ammunition", "equipment", "vehicle", "tank", "missile",
                        "system", "jet", "aircraft", "food", "medicine", "supply", "shelter", "relief",
                        "euro", "dollar", "pound", "billion", "million", "vaccine", "fuel", "shell", "drone",
                        "package", "tranche", "donation", "water", "blanket", "tent", "care", "treatment"})
# Nouns that a describing trigger can modify without naming an act.
_DESCRIBED = frozenset({"police", "force", "troop", "soldier", "officer", "unit", "policeman", "gear", "cry",
                        "zone", "leader", "group", "organizer", "organiser", "movement", "camp", "party"})


def names_an_act(tok: Token, kind: str) -> bool:
    lemma = tok.lemma_.lower()
    if tok.pos_ == "VERB":
        if lemma in _AIMING and any(c.dep_ == "xcomp" for c in tok.children):
            return False
        if lemma in _PROMISING:
            return _promises_something(tok)
        if lemma == "insist":
            return any(c.dep_ == "ccomp" and _obliged(c) for c in tok.children)
        if lemma == "warn":
            return not _warns_of_others(tok)
        if kind == "AID" and lemma in _GIVING:
            return any(c.dep_ in ("dobj", "nsubjpass") and c.lemma_.lower() in _AID_GOODS for c in tok.children)
        return True
    if tok.dep_ in ("compound", "amod") and tok.head.lemma_.lower() in _DESCRIBED:
        return False
    return True


def _promises_something(tok: Token) -> bool:
    for child in tok.children:
        if child.dep_ in ("xcomp", "ccomp"):
            return True
        if child.dep_ in ("dobj", "dative") and child.lemma_.lower() in _OFFERED:
            return True
    return False


def _obliged(verb: Token) -> bool:
    auxes = {c.lower_ for c in verb.children if c.dep_ in ("aux", "auxpass")}
    return bool(auxes & _OBLIGING) or verb.tag_ == "VB" and not auxes


def _warns_of_others(tok: Token) -> bool:
    own = {c.lower_ for c in tok.children if c.dep_ in SUBJECTS}
    for child in tok.children:
        if child.dep_ == "ccomp":
            subject = next((c for c in child.children if c.dep_ in SUBJECTS), None)
            if subject is not None and subject.lower_ not in own and subject.lower_ not in ("it", "we", "they"):
                return True
    return False
