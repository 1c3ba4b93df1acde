"""Accusations made by naming: "X called the exiles criminals", "described the attacks as
senseless", "attempted to portray Gonzalez as a pawn of Castro".

Calling someone or something by a disparaging word (``lexicons/<lang>/event_pejoratives.txt``)
is the PLOVER ACCUSE 'disapprove' of whoever says it: its actor is the subject of the naming
verb, its target whom the name is given to (none when that is a thing: "the attacks"). The
naming verbs do not name an act otherwise ("described the plan", "called the meeting"), so
only a disparaging word among the verb's right dependents makes the event. The parser often
hangs the named one and the name together ("the exiles criminals" as one phrase), so both
are looked for among the words after the verb, not at fixed relations.

A speaker may name with the copula as well: "This is child abuse, what they're doing to this
boy", "terrorism is an indiscriminate killer of innocent people" (``predications``). Said in
someone's words, that is their accusation too; said by the article, it is no one's. A noun of
wrongdoing ("killer", "crime", "abuse") faults whatever it is said of; a disparaging adjective
("dangerous", "illegal") faults only someone or an act, not "the situation".
"""

from __future__ import annotations

from spacy.tokens import Span, Token

from ..lexicons import words
from ..types import Participant, QuoteRecord
from ._accusations import disowned
from ._args import subject_of
from ._modality import reports_speech
from ._participants import Participants

__all__ = ["NAMING_VERBS", "characterisations", "disparaging", "predications"]

# Verbs that give someone a name or a description ("call X Y", "describe X as Y").
NAMING_VERBS = frozenset({"call", "describe", "portray", "label", "depict", "paint", "characterize",
                          "characterise", "dub", "term"})
# How far after the verb the name may come: "called the exiles criminals", "portray Juan Miguel
# Gonzalez as a pawn".
_REACH = 8


def _clause_after(verb: Token, sent: Span) -> list[Token]:
    """The words after the verb up to the next clause: a comma, a colon or another verb (the parser
    hangs "as a puppet" on the verb above as often as on the naming verb)."""
    out = []
    for t in sent.doc[verb.i + 1:min(sent.end, verb.i + 1 + _REACH)]:
        if t.text in (",", ";", ":", "--") or t.pos_ == "VERB":
            break
        out.append(t)
    return out


def characterisations(sent: Span, parts: Participants,
                      lang: str = "en") -> list[tuple[Token, list[Participant], list[Participant]]]:
    """(naming verb, who names, who is named) for each disparaging naming in ``sent``."""
    out = []
    pejoratives = words(lang, "event_pejoratives")
    for verb in sent:
        if verb.pos_ != "VERB" or verb.lemma_.lower() not in NAMING_VERBS or any(c.dep_ == "neg" for c in verb.children):
            continue
        after = _clause_after(verb, sent)
        name = next((t for t in after if t.lemma_.lower() in pejoratives or t.lower_ in pejoratives), None)
        if name is None:
            continue
        subj, passive = subject_of(verb)
        if verb.dep_ == "acl" and subj is None and verb.head.i < verb.i:
            subj = verb.head  # "Trump called Clinton a liar", misread as "Trump [who] called ..."
        actors = parts.of(subj) if subj is not None and not passive else []
        # whom the name is given to: the noun hung on the verb or on the name itself ("the exiles
        # criminals" read as one phrase), not one inside its own phrase ("the attack on the embassy")
        head = next((t for t in after if t.i < name.i and t.pos_ in ("NOUN", "PROPN", "PRON")
                     and t.head.i in (verb.i, name.i, verb.head.i)), None)
        targets = [p for p in (parts.of(head) if head is not None else []) if p not in actors]
        if not targets and (head is None or parts.act_of is None or parts.act_of(head) is None):
            continue  # "described the situation as dangerous": no one and no act is faulted
        out.append((verb, actors, targets))
    return out


# Disparaging words that judge no wrongdoing: said of a thing they are an opinion, not an accusation.
_OPINIONS = frozenset({"disaster", "absurd", "ridiculous", "dangerous", "unacceptable", "reckless", "irresponsible",
                       "provocative", "cynical", "outrageous", "shameful", "disgraceful", "menace"})
# Subjects that stand for what was just said or done ("this is a crime"): the act, not a party.
_POINTERS = frozenset({"this", "that", "it", "what"})


def disparaging(tok: Token, lang: str = "en") -> bool:
    """Whether the word is a disparaging one: a cheap check before a sentence is read for namings."""
    pejoratives = words(lang, "event_pejoratives")
    return tok.lemma_.lower() in pejoratives or tok.lower_ in pejoratives


def predications(sent: Span, parts: Participants, quotes: list[QuoteRecord],
                 lang: str = "en") -> list[tuple[Token, int, list[Participant]]]:
    """(disparaging word, speaker, who is faulted) for each "X is <disparaging word>" said by a
    named speaker in ``sent``."""
    out = []
    for word in sent:
        if word.dep_ not in ("attr", "acomp") or not disparaging(word, lang):
            continue
        copula = word.head
        if copula.lemma_.lower() != "be" or any(c.dep_ == "neg" for c in copula.children) or disowned(copula):
            continue
        quote = next((q for q in quotes if q.start <= word.idx < q.end), None)
        if quote is None or quote.speaker is None or quote.speaker.entity is None or not reports_speech(quote, sent.doc):
            continue
        speaker = quote.speaker.entity
        subject = next((c for c in copula.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        if subject is None:
            continue
        if subject.lower_ in ("i", "we", "you"):
            continue  # oneself, one's side or one's listener: a confession, a boast or a quarrel
        faulted = _doers_described(copula, parts) if subject.lower_ in _POINTERS else parts.of(subject)
        if speaker in faulted:
            continue
        opinion = word.lemma_.lower() in _OPINIONS or word.lower_ in _OPINIONS
        is_act = not opinion and parts.act_of is not None and parts.act_of(subject) is not None
        wrongdoing = word.pos_ == "NOUN" and not opinion
        if faulted or is_act or wrongdoing:
            out.append((word, speaker, faulted))
    return out


def _doers_described(copula: Token, parts: Participants) -> list[Participant]:
    """Who does what a "this" or "it" subject stands for, when a clause says it: "this is child
    abuse, what they're doing to this boy" faults "they" (none when "they" stays unresolved)."""
    for clause in copula.children:
        if clause.pos_ == "VERB" and any(c.lower_ == "what" for c in clause.children):
            doer = next((c for c in clause.children if c.dep_ == "nsubj"), None)
            return parts.of(doer) if doer is not None else []
    return []
