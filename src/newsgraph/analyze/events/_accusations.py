"""Accusations made by telling of misconduct: "Gonzalez said they have manipulated his son".

A speaker who says that someone else lied, manipulated, betrayed or mistreated makes an
accusation: the event is the speaker's ACCUSE of whoever did it, asserted as made. The
verbs are a word list (``lexicons/<lang>/event_misconduct.txt``); violence is not on it,
since a claimed attack is an ASSAULT on the speaker's word. Only speech counts (not a
belief or an intention), and only when the speaker is named and is not the one accused.

Some misconduct is named by a verb and its object rather than by the verb alone: breaking or
violating a law or a commitment ("said Washington would break international law"), not telling
the truth ("He's not telling the truth"). The word list also holds verbs that judge what they
report ("abuse", "mistreat"): said of someone by a speaker, the saying is the accusation, and the
act the word would otherwise name is no event of its own (``judged_acts``). Plain verbs of
violence ("attack", "bomb") describe, and stay the claimed act.

An accused "he" or "they" the participants cannot resolve still leaves an accusation, with no
target: who says "they're abusing him" accuses someone, whoever it is.

Linking someone to a wrong is an accusation too, by whoever links ("intelligence linking the
sites struck overnight with the embassy attacks", "police tied the suspect to the bombing",
``linkings``): its target is who is linked, when what they are linked to is an attack, a
coercion or a word of wrongdoing ("crime"); linking a man to a party accuses no one, and an act
linked to someone ("a breach, which officials linked to Russian spies") is left alone.

Words that charge no one (``disowned``): a charge under a negation or a denial ("isn't saying if
the foundation violated any laws", "denies that the crime was a genocide"), one made a condition
("if he were a bigot"), and a yes-no question ("did you lie to them?"; "why do they get away with
manipulating the tax code?" is a charge).
"""

from __future__ import annotations

from functools import lru_cache

from spacy.tokens import Span, Token

from ..lexicons import words
from ..types import Participant, QuoteRecord
from ._args import subject_of
from ._lexicon import lexicon
from ._modality import reports_speech
from ._participants import Participants

__all__ = ["accusations", "accusing_lemmas", "disowned", "judged_acts", "linkings"]


# Breaking a rule or a commitment: the verb and what is broken together name the misconduct.
_BREAKING = frozenset({"break", "violate", "breach", "flout", "contravene"})
_RULES = frozenset({"law", "rule", "convention", "charter", "constitution", "treaty", "agreement", "accord",
                    "resolution", "norm", "obligation", "commitment", "promise", "pledge", "regulation"})
# Telling (or speaking) the truth, negated: lying.
_TRUTHFUL = frozenset({"tell", "speak"})
# Verbs that link someone to a wrong ("evidence linking X to the bombing").
_LINKING = frozenset({"link", "tie", "connect"})
# Acts whose name says a wrong was done, when someone is linked to them, and nouns of other wrongs.
_WRONGS = frozenset({"ASSAULT", "COERCE"})
_WRONG_NOUNS = frozenset({"crime", "atrocity", "genocide", "abuse", "fraud", "corruption", "plot", "scandal", "hack",
                          "hacking", "breach", "leak", "bribery", "murder"})
# How far after the linking verb the wrong may come: "linking the sites struck overnight with the embassy attacks".
_LINK_REACH = 10
# Subjects that point at someone the accusation still targets when they cannot be resolved.
_POINTING = frozenset({"he", "she", "they", "you"})


@lru_cache(maxsize=None)
def _misconduct(lang: str) -> frozenset[str]:
    return words(lang, "event_misconduct")


@lru_cache(maxsize=None)
def accusing_lemmas(lang: str = "en") -> frozenset[str]:
    """Lemmas that may name misconduct: a cheap check before a sentence is read for accusations."""
    return _misconduct(lang) | _BREAKING | _TRUTHFUL | _LINKING


def _names_misconduct(tok: Token, lang: str) -> bool:
    lemma = tok.lemma_.lower()
    if lemma in _BREAKING:
        return not _negated(tok) and any(c.dep_ == "dobj" and c.lemma_.lower() in _RULES for c in tok.children)
    if lemma in _TRUTHFUL:  # "he's not telling the truth", "never told the truth"
        return _negated(tok) and any(c.dep_ == "dobj" and c.lower_ == "truth" for c in tok.children)
    return lemma in _misconduct(lang) and not _negated(tok)


def accusations(sent: Span, parts: Participants, quotes: list[QuoteRecord],
                lang: str = "en") -> list[tuple[Token, int, list[Participant]]]:
    """(misconduct verb, accusing speaker, accused) for each accusation made in ``sent``."""
    out = []
    for tok in sent:
        if tok.pos_ != "VERB" or not _names_misconduct(tok, lang) or disowned(tok):
            continue
        quote = next((q for q in quotes if q.start <= tok.idx < q.end), None)
        if quote is None or quote.speaker is None or quote.speaker.entity is None or not reports_speech(quote, sent.doc):
            continue
        subj, passive = subject_of(tok)
        if passive:  # "he is being manipulated by Fidel Castro"
            doers = [p for a in tok.children if a.dep_ == "agent" for p in a.children if p.dep_ == "pobj"]
        else:
            doers = [subj] if subj is not None else []
        speaker = quote.speaker.entity
        # in one's own words "he" or "they" is never oneself: a pronoun resolved to the speaker is unresolved
        named = [p for d in doers for p in parts.of(d) if not (d.lower_ in _POINTING and p == speaker)]
        accused = [p for p in named if p != speaker]
        if accused or (not named and any(d.lower_ in _POINTING for d in doers)):
            out.append((tok, speaker, accused))
    return out


# Verbs whose content is denied or doubted, not charged.
_DENYING = frozenset({"deny", "dispute", "reject", "doubt", "question", "refute", "wonder", "ask"})
_CONDITIONS = frozenset({"if", "unless", "whether"})
_CLOSING = " \"'”’)"


def disowned(tok: Token) -> bool:
    """Whether the charge a word makes is not made: negated or denied above, a condition, a question."""
    if tok.sent.text.strip().rstrip(_CLOSING).endswith("?") and not any(t.tag_ in ("WRB", "WP") for t in tok.sent):
        return True  # "did you lie to them?" asks; "why do they get away with manipulating ...?" charges
    for t in (tok, *tok.ancestors):
        if any(c.dep_ == "mark" and c.lower_ in _CONDITIONS for c in t.children) and t.dep_ != "ROOT":
            return True
        if t.i != tok.i and (t.lemma_.lower() in _DENYING or _negated(t)):
            return True
    return False


def linkings(sent: Span, parts: Participants, lang: str = "en") -> list[tuple[Token, list[Participant], list[Participant]]]:
    """(linking verb, who links, who is linked) for each linking of someone to a wrong in ``sent``."""
    out = []
    for verb in sent:
        if verb.pos_ != "VERB" or verb.lemma_.lower() not in _LINKING or _negated(verb) or disowned(verb):
            continue
        passive = any(c.dep_ == "nsubjpass" for c in verb.children)
        linked = next((c for c in verb.children if c.dep_ == ("nsubjpass" if passive else "dobj")), None)
        if linked is None or linked.tag_ in ("WDT", "WP") or not _links_to_a_wrong(verb, sent, lang):
            continue  # "a breach, which officials linked to Russian spies": the breach is linked, not a party
        if passive:  # "the suspect was linked to the bombing by police"
            linkers = [p for a in verb.children if a.dep_ == "agent" for p in a.children if p.dep_ == "pobj"]
        else:
            linkers = [_linker(verb)]
        actors = [p for t in linkers if t is not None for p in parts.of(t)]
        targets = [p for p in parts.of(linked) if p not in actors]
        if targets:
            out.append((verb, actors, targets))
    return out


def _links_to_a_wrong(verb: Token, sent: Span, lang: str) -> bool:
    """Whether a "to"/"with" phrase after the verb names an attack, a coercion or a wrong (the parser
    often hangs that phrase on a word between, so it is looked for by position)."""
    lex = lexicon(lang)
    for t in sent.doc[verb.i + 1:min(sent.end, verb.i + 1 + _LINK_REACH)]:
        if t.dep_ != "pobj" or t.head.lower_ not in ("to", "with") or t.pos_ != "NOUN":
            continue
        sense = lex.single.get((t.lemma_.lower(), "N"))
        if (sense is not None and sense.type in _WRONGS) or t.lemma_.lower() in _WRONG_NOUNS:
            return True
    return False


def _linker(verb: Token) -> Token | None:
    """Who links: the verb's subject, or whoever holds the evidence that links ("the United States
    had intelligence linking ...", "Britain's evidence linking ...")."""
    subj, _passive = subject_of(verb)
    if subj is not None or verb.dep_ != "acl":
        return subj
    evidence = verb.head
    owner = next((c for c in evidence.children if c.dep_ == "poss"), None)
    if owner is not None:
        return owner
    if evidence.dep_ == "dobj":
        return next((c for c in evidence.head.children if c.dep_ == "nsubj"), None)
    return None


def judged_acts(accused: list[tuple[Token, int, list[Participant]]], readings: list) -> list:
    """The readings left once the accusations are made: a word that both judges and names an act
    ("they're abusing him", said by the boy's father) is the speaker's accusation, not the act."""
    judged = {tok.i for tok, _speaker, _accused in accused}
    return [r for r in readings if r.token.i not in judged or r.event.type == "ACCUSE"]


def _negated(tok: Token) -> bool:
    return any(c.dep_ == "neg" or c.lower_ in ("never", "not", "n't") and c.dep_ == "advmod" for c in tok.children)
