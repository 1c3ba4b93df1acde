"""Accusations made by naming: "X called the exiles criminals", "described the attacks as
senseless", "attempted to portray Gonzalez as a pawn of Castro".

Calling someone or something by a disparaging word (``lexicons/<lang>/event_pejoratives.txt``)
is the PLOVER ACCUSE 'disapprove' of whoever says it: its actor is the subject of the naming
verb, its target whom the name is given to (none when that is a thing: "the attacks"). The
naming verbs do not name an act otherwise ("described the plan", "called the meeting"), so
only a disparaging word among the verb's right dependents makes the event. The parser often
hangs the named one and the name together ("the exiles criminals" as one phrase), so both
are looked for among the words after the verb, not at fixed relations.
"""

from __future__ import annotations

from spacy.tokens import Span, Token

from ..lexicons import words
from ..types import Participant
from ._args import subject_of
from ._participants import Participants

__all__ = ["NAMING_VERBS", "characterisations"]

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
