"""Who did it, to whom, where: event arguments read off the dependency parse.

Verb events: the subject (or a passive's "by" agent) is the actor; the direct
object, a passive subject, and the objects of with/to/against/on/at/from are
targets; with none of those, the recipients inside its complement ("threatened to
cut off gas to X", "demanded that X ...", "rejected an offer from X"). Noun events: a possessor, a "by" agent or an entity compound is the
actor, else the subject of the verb that governs the noun; "with/to/against/on"
objects are targets. A token is mapped to entities through the mention spans,
then through "of" complements, possessors, modifiers and appositions ("the
leaders of Britain, France and Germany" -> three), and coordination.

Limits: pronouns are resolved only as quote speakers ("she said") or to the
latest person mentioned before them (he/she); "they", "it" stay unresolved.
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

from ..types import EntityRecord, QuoteRecord
from ..constants import ACTIVE_SUBJECTS, NOMINAL_SUBJECTS, PASSIVE_SUBJECTS

__all__ = ["EntityIndex", "actors_targets", "place_of", "subject_of"]

_TARGET_PREPS = frozenset({"with", "to", "against", "on", "at", "from", "toward", "towards", "into"})
_NOUN_TARGET_PREPS = frozenset({"with", "to", "against", "on", "between", "among", "toward", "towards", "into", "from"})
_OF_IS_ACTOR = frozenset({"CONSULT", "AGREE", "COOPERATE", "PROTEST", "MOBILIZE", "RETREAT", "SUPPORT", "REQUEST"})
_PLACE_PREPS = frozenset({"in", "at"})
_PLACE_TYPES = frozenset({"GPE", "LOC", "FAC"})
_PERSONAL = frozenset({"he", "she", "him", "her"})
_RELATIVE = frozenset({"who", "which", "that"})
_MODIFIER_DEPS = frozenset({"compound", "poss", "amod", "nmod", "appos"})


class EntityIndex:
    """Token index -> entity index for one Doc, plus quote speakers by token."""

    def __init__(self, doc: Doc, entities: list[EntityRecord], quotes: list[QuoteRecord]):
        self.doc = doc
        self.entities = entities
        self.by_token: dict[int, int] = {}
        persons: list[tuple[int, int]] = []  # (token index, entity) for he/she
        for e_index, entity in enumerate(entities):
            for m in entity.mentions:
                span = doc.char_span(m.start, m.end, alignment_mode="expand")
                if span is None:
                    continue
                for t in range(span.start, span.end):
                    self.by_token.setdefault(t, e_index)
                if entity.type == "PERSON":
                    persons.append((span.start, e_index))
        self.persons = sorted(persons)
        self.speakers: dict[int, int] = {}
        for q in quotes:
            s = q.speaker
            if s is not None and s.entity is not None:
                span = doc.char_span(s.start, s.end, alignment_mode="expand")
                if span is not None:
                    for t in range(span.start, span.end):
                        self.speakers.setdefault(t, s.entity)

    def resolve(self, token: Token, depth: int = 0) -> list[int]:
        """Entities a noun phrase headed by ``token`` stands for, coordinated ones included."""
        out: list[int] = []
        for t in [token, *token.conjuncts]:
            for e in self._one(t, depth):
                if e not in out:
                    out.append(e)
        return out

    def _one(self, token: Token, depth: int) -> list[int]:
        if token.i in self.by_token:
            return [self.by_token[token.i]]
        if token.i in self.speakers:
            return [self.speakers[token.i]]
        low = token.lower_
        if low in _RELATIVE and token.head.dep_ == "relcl":
            return self.resolve(token.head.head, depth + 1) if depth < 3 else []
        if low in _PERSONAL:
            before = [e for i, e in self.persons if i < token.i]
            return before[-1:]
        if depth >= 3:
            return []
        found: list[int] = []
        for child in token.children:  # "the leaders of Britain", "Starmer's office", "Russian exports"
            if child.dep_ in _MODIFIER_DEPS and child.i in self.by_token:
                found.append(self.by_token[child.i])
            elif child.dep_ == "prep" and child.lower_ == "of":
                for pobj in child.children:
                    if pobj.dep_ == "pobj":
                        found.extend(self.resolve(pobj, depth + 1))
            elif child.dep_ == "appos":
                found.extend(self.resolve(child, depth + 1))
        return found


def subject_of(verb: Token, climb: bool = True) -> tuple[Token | None, bool]:
    """The subject token of a verb (climbing infinitives and relative clauses), and whether it is passive."""
    for _ in range(4 if climb else 1):
        for child in verb.children:
            if child.dep_ in ACTIVE_SUBJECTS:
                return child, False
            if child.dep_ in PASSIVE_SUBJECTS:
                return child, True
        if verb.dep_ in ("xcomp", "conj") and verb.head.i != verb.i:
            verb = verb.head
        elif verb.dep_ == "relcl":
            return verb.head, False
        else:
            break
    return None, False


def _pobjs(prep: Token) -> list[Token]:
    return [c for c in prep.children if c.dep_ == "pobj"]


def _governing_verb(noun: Token) -> Token | None:
    """The verb a noun is an object, complement or prepositional object of (not its subject)."""
    t = noun
    for _ in range(4):
        if t.dep_ in NOMINAL_SUBJECTS or t.dep_ == "ROOT" or t.head.i == t.i:
            return None
        t = t.head
        if t.pos_ in ("VERB", "AUX"):
            return t
    return None


def actors_targets(trigger: Token, index: EntityIndex, kind: str = "") -> tuple[list[int], list[int]]:
    actors: list[int] = []
    targets: list[int] = []
    if trigger.pos_ in ("VERB", "AUX"):
        subj, passive = subject_of(trigger)
        if subj is not None:
            (targets if passive else actors).extend(index.resolve(subj))
        for child in trigger.children:
            if child.dep_ in ("dobj", "dative", "attr"):
                targets.extend(index.resolve(child))
            elif child.dep_ == "agent":
                for pobj in _pobjs(child):
                    actors.extend(index.resolve(pobj))
            elif child.dep_ == "prep" and child.lower_ in _TARGET_PREPS:
                for pobj in _pobjs(child):
                    targets.extend(index.resolve(pobj))
        if not targets:
            targets.extend(_inner_targets(trigger, index))
    else:
        for child in trigger.children:
            if child.dep_ in ("poss", "compound", "amod", "nmod") and child.i in index.by_token:
                actors.append(index.by_token[child.i])
            elif child.dep_ == "prep" and child.lower_ == "by":
                for pobj in _pobjs(child):
                    actors.extend(index.resolve(pobj))
                    for prep in pobj.children:  # "the attack by X on Y": the parser often hangs "on Y" on X
                        if prep.dep_ == "prep" and prep.lower_ in ("on", "against"):
                            targets.extend(e for p in _pobjs(prep) for e in index.resolve(p))
            elif child.dep_ == "prep" and child.lower_ in _NOUN_TARGET_PREPS:
                for pobj in _pobjs(child):
                    targets.extend(index.resolve(pobj))
            elif child.dep_ == "prep" and child.lower_ == "of" and trigger.lemma_ not in ("use",):
                # "a meeting of the leaders of X", "the deployment of NATO troops": participants act;
                # "the arrest of X", "the bombing of Y": the "of" phrase suffers the act.
                side = actors if kind in _OF_IS_ACTOR else targets
                for pobj in _pobjs(child):
                    side.extend(index.resolve(pobj))
        if not actors:
            verb = _governing_verb(trigger)
            if verb is not None:
                subj, passive = subject_of(verb, climb=False)
                if subj is not None and not passive:
                    actors.extend(index.resolve(subj))
    actors = list(dict.fromkeys(actors))
    targets = [t for t in dict.fromkeys(targets) if t not in actors]
    return actors, targets


def _inner_targets(verb: Token, index: EntityIndex) -> list[int]:
    """Recipients named inside the verb's complement, when the verb names none itself.

    "threatened to cut off electricity to Nakhichevan", "refused to meet King Abdullah":
    whoever the intended act reaches is the recipient of the threat or refusal.
    "demanded that the United States match ...": the one asked to act is the recipient.
    "rejected calls by Kofi Annan", "rejected an offer from Afghanistan": the one who
    asked or offered receives the rejection.
    """
    found: list[int] = []
    for child in verb.children:
        if child.dep_ == "xcomp" and child.pos_ in ("VERB", "AUX"):
            for c in child.children:
                if c.dep_ in ("dobj", "dative"):
                    found.extend(index.resolve(c))
                elif c.dep_ == "prep" and c.lower_ in _TARGET_PREPS:
                    found.extend(e for p in _pobjs(c) for e in index.resolve(p))
        elif child.dep_ == "ccomp" and child.pos_ in ("VERB", "AUX"):
            subj, passive = subject_of(child, climb=False)
            if subj is not None and not passive:
                found.extend(index.resolve(subj))
        elif child.dep_ == "dobj" and child.pos_ == "NOUN":
            for prep in child.children:
                if prep.dep_ == "prep" and prep.lower_ in ("by", "from"):
                    found.extend(e for p in _pobjs(prep) for e in index.resolve(p))
    return found


def place_of(trigger: Token, index: EntityIndex, exclude: list[int]) -> int | None:
    """A GPE/LOC/FAC entity in an "in"/"at" phrase of the event word or of its clause's verb."""
    holders = [trigger]
    if trigger.pos_ in ("VERB", "AUX"):  # "imposed a curfew in Mandalay": the place hangs on the object
        holders += [c for c in trigger.children if c.dep_ == "dobj"]
    else:
        holders += [c for c in trigger.children if c.dep_ in ("acl", "relcl")]
        verb = _governing_verb(trigger)
        if verb is not None:
            holders.append(verb)
        elif trigger.dep_ in ("nsubj", "nsubjpass"):  # "the meeting was held in Paris"
            holders.append(trigger.head)
    for holder in holders:
        for child in holder.children:
            if child.dep_ == "prep" and child.lower_ in _PLACE_PREPS:
                for pobj in _pobjs(child):
                    for e in index.resolve(pobj):
                        if index.entities[e].type in _PLACE_TYPES and e not in exclude:
                            return e
    return None
