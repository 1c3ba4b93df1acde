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
- "destroy" documents, evidence or records is no attack;
- "push", "encourage", "persuade" ask someone to act only with whom and what ("pushed
  Democrats to moderate their stance"); "pushed back", "encouraged by the results" ask nothing;
- a question put to "you" ("Do you support Trump?", a poll's or an interviewer's) reports no act;
- feeling glad at a thing that names no one and no act ("delighted by the controversy") is no
  SUPPORT; "heartened by the cooperation" of someone stays;
- supporting, praising or forgiving oneself ("would never have forgiven myself") supports no one;
- "agrees with" someone in the simple present shares their view ("the association agrees with
  Dean"), a stance; "agreed with", "agrees to" report an act;
- "discuss" alone, with no one to discuss with ("Carter discussed how he had ..." in an email),
  writes or speaks about something; CONSULT needs a partner ("with", or several who discuss);
- "suggest", "recommend" ask only that something be done ("suggested the aide be fired",
  "recommended that he should resign"), not when they say what is so ("suggested that he lied",
  "the poll suggests ...").
"""

from __future__ import annotations

from spacy.tokens import Token

from ._lexicon import lexicon
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
# Verbs that ask someone to act only with an object and an infinitive.
_PRESSING = frozenset({"push", "encourage", "persuade"})
# Verbs that ask only with a clause saying what should be done.
_ADVISING = frozenset({"suggest", "recommend"})
_OBLIGING = frozenset({"should", "must", "ought", "shall"})
# Feelings the lexicon reads as support of whoever or whatever causes them.
_GLAD = frozenset({"delight", "gratify", "hearten"})
# Auxiliaries that open a question ("Do you support ...?").
_QUESTION_AUX = frozenset({"do", "does", "did", "will", "would", "can", "could", "are", "were", "should"})
_PERSONAL_PRONOUNS = frozenset({"him", "her", "them", "he", "she", "they", "me", "us", "i", "we", "you"})


def names_no_verbal_act(tok: Token, kind: str) -> bool:
    """Whether this use of a trigger word names no act of the type ``kind``."""
    lemma = tok.lemma_.lower()
    children = list(tok.children)
    if tok.pos_ == "NOUN":
        return lemma == "admission" and not _admits_something(tok)
    if _asks_you(tok, children):
        return True
    if lemma in _GLAD and kind == "SUPPORT":
        causes = [g for c in children if c.dep_ in ("agent", "prep") and c.lower_ in ("by", "at", "with")
                  for g in c.children if g.dep_ == "pobj"]
        return bool(causes) and all(_a_thing(g) and (g.lemma_.lower(), "N") not in lexicon("en").single
                                    for g in causes)
    if kind == "SUPPORT" and any(c.dep_ == "dobj" and c.tag_ == "PRP" and c.lower_.endswith(("self", "selves"))
                                 for c in children):
        return True
    if lemma == "agree" and tok.tag_ in ("VBZ", "VBP") and not any(c.dep_ in ("aux", "auxpass") for c in children):
        return any(c.dep_ == "prep" and c.lower_ == "with" for c in children)
    if lemma == "discuss" and kind == "CONSULT":
        return not _with_partner(tok, children)
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
    if lemma in _PRESSING and kind == "REQUEST" and not any(c.dep_ == "prep" and c.lower_ == "for" for c in children):
        # ("pushed for his return" is the lexicon's "push for"); a thing that encourages asks nothing
        # ("low rates encourage borrowing", "a contest that will encourage the party to ...")
        return (not (any(c.dep_ == "dobj" for c in children) and any(c.dep_ == "xcomp" for c in children))
                or _a_thing(_doer(tok)))
    if lemma in _ADVISING and kind == "REQUEST":
        return not any(c.dep_ == "ccomp" and _mandative(c) for c in children)
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


def _mandative(verb: Token) -> bool:
    """ "(that) he resign", "the aide be fired", "he should resign": a clause of what is to be done."""
    auxes = [c for c in verb.children if c.dep_ in ("aux", "auxpass")]
    if any(a.lower_ in _OBLIGING for a in auxes):
        return True
    if not any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children):
        return False
    if auxes:  # "be fired": the bare "be" of the subjunctive passive
        return all(a.lower_ == "be" for a in auxes)
    # a bare verb after a third-person singular subject ("that he resign") is the subjunctive
    return verb.tag_ == "VB" or verb.tag_ == "VBP" and any(
        c.dep_ == "nsubj" and (c.lower_ in ("he", "she", "it") or c.tag_ in ("NN", "NNP"))
        and not any(g.dep_ == "conj" for g in c.children) for c in verb.children)


def _asks_you(verb: Token, children: list[Token]) -> bool:
    """ "Do you support Donald Trump?": an auxiliary before "you", in a sentence that ends in "?"."""
    if verb.pos_ != "VERB" or not verb.sent.text.rstrip().endswith("?"):
        return False
    subj = next((c for c in children if c.dep_ == "nsubj"), None)
    return (subj is not None and subj.lower_ == "you"
            and any(c.dep_ == "aux" and c.lower_ in _QUESTION_AUX and c.i < subj.i for c in children))


def _with_partner(verb: Token, children: list[Token]) -> bool:
    """Someone to discuss with: a "with" phrase, or several who discuss (a plural or coordinated
    subject, a passive: "the plan was discussed")."""
    if any(c.dep_ in ("prep", "agent") and c.lower_ in ("with", "between", "among", "by") for c in children):
        return True
    if any(t.dep_ == "prep" and t.lower_ == "with" for c in children if c.dep_ == "dobj" for t in c.subtree):
        return True  # "discussed the crisis with Blair", the parser hanging "with" on the object
    if any(c.dep_ in ("auxpass", "nsubjpass") for c in children) or verb.dep_ in ("acl", "amod", "pcomp", "pobj"):
        return True  # whoever discussed it is not said here: leave it to the other rules
    subj = _doer(verb)
    if subj is None:
        return True
    return (subj.tag_ in ("NNS", "NNPS") or subj.lower_ in ("they", "we", "both")
            or any(c.dep_ == "conj" for c in subj.children))


def _doer(verb: Token) -> Token | None:
    """The subject of a verb, through coordination and a relative pronoun ("a contest that will
    end ... and encourage": the contest)."""
    while verb.dep_ == "conj" and not any(c.dep_ == "nsubj" for c in verb.children):
        verb = verb.head
    subj = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    if subj is not None and subj.tag_ in ("WDT", "WP") and verb.dep_ == "relcl":
        return verb.head
    return subj


def _a_thing(tok: Token | None) -> bool:
    """A common noun that names no one ("the contest", "low rates")."""
    return (tok is not None and tok.pos_ == "NOUN" and not tok.ent_type_ and tok.lemma_.lower() not in _nouns("en")
            and not any(c.dep_ in ("poss", "compound") and (c.ent_type_ or c.pos_ == "PROPN") for c in tok.children))


def _a_fault(noun: Token) -> bool:
    return noun.lemma_.lower() in _FAULTS


def _a_person(tok: Token) -> bool:
    if tok.ent_type_ == "PERSON" or tok.lower_ in _PERSONAL_PRONOUNS:
        return True
    noun = _nouns("en").get(tok.lemma_.lower())
    return noun is not None and noun.kind in ("person", "individual")
