"""Participants and events the rules read through a path that is not to be trusted.

Read off errors on the data we may tune on (the PLOVER sample, the tune half of the AQUAINT
event gold, the seed), each a rule that holds beyond those texts:

- **a borrowed passive subject**: "she was heartened by cooperation ... in probing into the
  bombings": the probing's subject is looked for up the tree (``_args.subject_of`` climbs a
  gerund after a preposition, an adverbial clause) and the verb found there is passive, so
  its subject became the probing's target. Who undergoes the governing verb is not whom the
  act below it reaches: the target is dropped (an act whose own verb is passive keeps it,
  and so does a coordinated verb that shares the subject: "was arrested and charged");
- **a stretch of ground as the recipient of a deployment**: "dispatched FBI agents to
  Africa": forces are sent to a state or a body, not to a continent or a region (the
  convention ``_args._destination`` follows for phrases); a LOC entity is no MOBILIZE target;
- **no one at all**: a name of a work, a law, an event, a product, a date or an amount
  ("signs demanding ``Freedom for Elian''") is never an actor or a target.

Tried and left out: dropping acts whose only actors are "every"/"any" + a noun ("every nation
has the duty to refrain from ... assisting") raised tune precision by two events, but "every
member state pledged to send aid" is a report (tests/analyze/events/test_precision.py).
"""

from __future__ import annotations

from dataclasses import replace

from spacy.tokens import Doc, Span, Token

from ..constants import PASSIVE_SUBJECTS
from ..types import EventRecord
from ._args import subject_of

__all__ = ["reliable", "trigger_token"]

# Entity types that name no one who can act or be acted on.
_NO_ONE = frozenset({"WORK_OF_ART", "LAW", "EVENT", "PRODUCT", "LANGUAGE", "DATE", "TIME", "MONEY", "PERCENT",
                     "QUANTITY", "CARDINAL", "ORDINAL"})
# Links up which a subject is borrowed from a verb that is not the act's own.
_ADJUNCT_CLIMBS = frozenset({"pcomp", "advcl"})


def reliable(events: list[EventRecord], sent: Span, parts) -> list[EventRecord]:
    """The events with the participants read through untrusted paths dropped."""
    out = []
    for event in events:
        trigger = trigger_token(event, sent.doc)
        actors = [a for a in event.actors if _someone(a, parts)]
        targets = [t for t in event.targets if _someone(t, parts)]
        if trigger is not None:
            borrowed = _borrowed_passive_subject(trigger, parts)
            targets = [t for t in targets if t not in borrowed]
        if event.type == "MOBILIZE":
            targets = [t for t in targets if not (isinstance(t, int) and parts.entities[t].type == "LOC")]
        if actors != event.actors or targets != event.targets:
            event = replace(event, actors=actors, targets=targets)
        out.append(event)
    return out


def _someone(p, parts) -> bool:
    return not (isinstance(p, int) and parts.entities[p].type in _NO_ONE)


def trigger_token(event: EventRecord, doc: Doc) -> Token | None:
    """The token an event's trigger starts with."""
    span = doc.char_span(event.trigger[0], event.trigger[0] + 1, alignment_mode="expand")
    return span[0] if span is not None and len(span) else None


def _borrowed_passive_subject(trigger: Token, parts) -> list:
    """What the passive subject of a verb up an adjunct link names, when ``subject_of`` lent it."""
    if trigger.pos_ not in ("VERB", "AUX"):
        return []
    subj, passive = subject_of(trigger)
    if subj is None or not passive or subj.dep_ not in PASSIVE_SUBJECTS or subj.head.i == trigger.i:
        return []
    links, t = set(), trigger
    while t.i != subj.head.i and t.head.i != t.i:
        links.add(t.dep_)
        t = t.head
    if t.i != subj.head.i or not links & _ADJUNCT_CLIMBS:
        return []
    return parts.of(subj)
