"""Uses of words of verbal acts (admitting, recognising, dismissing) that name no act.

Read off the errors of the rules on US political news (the tunable part of our PolNeAR event
gold), each a use of the word that holds beyond those texts:

- "demonstrate" with an object or a clause shows something ("demonstrated that he has the
  guts", "demonstrate their resolve"); only with neither is it a demonstration (PROTEST);
- "recognise" with a clause or an "as" phrase is knowing or counting as ("leaders recognize
  that ...", "widely recognized as a violation"), not recognising a state or a government;
- "dismiss" someone dismisses them from a post ("was dismissed as campaign manager"), which
  rejects no claim; "dismissed the report" stays a REJECT;
- "admit", "acknowledge" concede only what they admit: a clause ("admitted that he lied"),
  a fault ("admitted some culpability"), "to" and a deed ("admitted to lying"); "admitted 40
  patients", "was admitted to hospital", "acknowledged the crowd" concede nothing, nor does an
  "admission" that admits no fault ("admission to the school");
- "plead" with an adjective is a plea to a charge ("pleaded not guilty"), no request ("pleaded
  guilty" is the CONCEDE phrase of the lexicon);
- "destroy" documents, evidence or records is no attack.
"""

from __future__ import annotations

from spacy.tokens import Token

from ._participants import _nouns

__all__ = ["names_no_verbal_act"]

# What one admits or acknowledges when conceding.
_FAULTS = frozenset({"guilt", "mistake", "error", "wrongdoing", "responsibility", "culpability", "fault", "failure",
                     "liability", "defeat", "lie", "misconduct", "involvement", "blame", "negligence", "misstep",
                     "crime", "wrong", "violation", "breach", "shortcoming", "abuse", "complicity", "misjudgment",
                     "misjudgement", "loss"})
_ADMITTING = frozenset({"admit", "acknowledge"})
# What is destroyed without harm to anyone: papers and what they hold.
_PAPERS = frozenset({"document", "evidence", "record", "email", "e-mail", "file", "paper", "data", "note", "tape",
                     "message", "letter", "card", "drive", "log", "memo"})
_PERSONAL_PRONOUNS = frozenset({"him", "her", "them", "he", "she", "they", "me", "us", "i", "we", "you"})


def names_no_verbal_act(tok: Token, kind: str) -> bool:
    """Whether this use of a trigger word names no act of the type ``kind``."""
    lemma = tok.lemma_.lower()
    children = list(tok.children)
    if tok.pos_ == "NOUN":
        return lemma == "admission" and not _admits_something(tok)
    if lemma == "demonstrate" and kind == "PROTEST":
        return any(c.dep_ in ("ccomp", "dobj", "xcomp") for c in children)
    if lemma in ("recognize", "recognise") and kind == "SUPPORT":
        return any(c.dep_ == "ccomp" or c.dep_ == "prep" and c.lower_ == "as" for c in children)
    if lemma == "dismiss" and kind == "REJECT":
        return any(c.dep_ in ("dobj", "nsubjpass") and _a_person(c) for c in children)
    if lemma in _ADMITTING and kind == "CONCEDE":
        return any(c.dep_ == "auxpass" for c in children) or not _admits_something(tok)
    if lemma == "plead" and kind == "REQUEST":
        return any(c.dep_ in ("acomp", "oprd") for c in children)
    if lemma == "destroy" and kind == "ASSAULT":
        return any(c.dep_ in ("dobj", "nsubjpass") and c.lemma_.lower() in _PAPERS for c in children)
    return False


def _admits_something(tok: Token) -> bool:
    """A clause, a fault, or "to" and a deed or a fault: what an admission concedes."""
    for c in tok.children:
        if c.dep_ in ("ccomp", "acl") and any(m.dep_ == "mark" and m.lower_ == "that" for m in c.children):
            return True
        if c.dep_ == "ccomp" and tok.pos_ == "VERB":
            return True  # "admitted he lied": the clause without "that"
        if c.dep_ == "dobj" and _a_fault(c):
            return True
        if c.dep_ == "prep" and c.lower_ in ("to", "of"):
            if any(g.dep_ == "pcomp" or g.dep_ == "pobj" and (_a_fault(g) or g.tag_ == "VBG") for g in c.children):
                return True
    return False


def _a_fault(noun: Token) -> bool:
    return noun.lemma_.lower() in _FAULTS


def _a_person(tok: Token) -> bool:
    if tok.ent_type_ == "PERSON" or tok.lower_ in _PERSONAL_PRONOUNS:
        return True
    noun = _nouns("en").get(tok.lemma_.lower())
    return noun is not None and noun.kind in ("person", "individual")
