"""Demands phrased as reported obligations: "X said that Y must (needs to) ..." is a REQUEST by X of Y.

The PLOVER manual (REQUEST) covers "all requests, demands, and orders" and says
coding "will need to rely primarily on the language used by reporters". A news
report rarely writes "X demanded that Y ..." when the speaker said "Y must ...":
the modal inside a statement, a declaration or a reminder carries the demand.
The lexicon has no trigger for it (no event word), so it is read off the parse.

A direct quotation whose sentence is the obligation, its speaker named around it, asks it too
when it asks a state or a people to act with "must" or "need to" ('"Africans need to strengthen
their cooperation"'); a quoted "should" is most often an opinion ('"Mexico should be grateful"').
A state's or a body's belief that another must act is its position, so a demand too ("Russia
feels the US must hold off"); a person's belief is an opinion, no demand.

Not demands: a speaker's duty for itself ("we must", "Germany must" said by
Germany), impersonal obligations ("there must be", "it must be noted"), what is
to be done to someone ("the killers must be punished": a passive subject is not
asked to act) or to a place ("the sites should be off limits"), and
modals outside a statement ("Iran must pay, the court ruled" is caught only
when the parse puts the clause under the reporting verb).
"""

from __future__ import annotations

from spacy.tokens import Span, Token

from ..constants import NOMINAL_SUBJECTS
from ..types import Participant
from ._args import subject_of
from ._participants import Participants

__all__ = ["obligations", "wishes"]

_MODALS = frozenset({"must", "should", "ought"})
# Statement verbs and nouns that carry someone's words; verbs that already name a request
# or a threat (urge, demand, warn) are left to the lexicon.
_STATEMENT_VERBS = frozenset({"say", "tell", "add", "state", "declare", "announce", "stress", "emphasize",
                              "emphasise", "underline", "insist", "reiterate", "repeat", "write", "tweet",
                              "remind", "note", "argue", "maintain", "assert", "affirm", "make"})
_STATEMENT_NOUNS = frozenset({"reminder", "message", "statement", "declaration", "letter", "note", "word"})
# Verbs of opinion: a state or a body that "feels" or "believes" another must act states its
# position, a demand ("Russia feels the US must hold off"); a person's or a pundit's is an opinion.
_BELIEF_VERBS = frozenset({"feel", "believe", "think", "consider"})
_POSITION_HOLDERS = frozenset({"GPE", "ORG", "NORP"})
# Whom a quoted "must" with no reporting verb asks: states and peoples (a misread name is often an ORG).
_PEOPLES = frozenset({"GPE", "NORP"})
_SELF = frozenset({"i", "we", "us", "there", "one"})
_WANTING = frozenset({"want", "wish"})
_TO_PREPS = frozenset({"to"})


def _statement(verb: Token) -> tuple[Token, list[Token]] | None:
    """The word that reports the clause and the addressees named on it ("told Y", "a reminder to Y")."""
    head = verb.head
    if verb.dep_ == "ccomp" and head.pos_ in ("VERB", "AUX") and head.lemma_.lower() in _STATEMENT_VERBS | _BELIEF_VERBS:
        reporter = head
    elif verb.dep_ in ("acl", "ccomp") and head.pos_ == "NOUN" and head.lemma_.lower() in _STATEMENT_NOUNS:
        reporter = head
    else:
        return None
    holders = [reporter] + ([reporter.head] if reporter.pos_ == "NOUN" else [])
    addressees = []
    for h in holders:
        for child in h.children:
            if child.dep_ == "dobj" and h.pos_ in ("VERB", "AUX") and child.i != reporter.i:
                addressees.append(child)
            elif child.dep_ in ("dative", "prep") and child.lower_ in _TO_PREPS:
                addressees.extend(c for c in child.children if c.dep_ == "pobj")
    return reporter, addressees


def obligations(sent: Span, parts: Participants) -> list[tuple[Token, list[Participant], list[Participant]]]:
    """(modal token, demanding entities, entities asked) for each reported obligation in ``sent``."""
    out = []
    for modal in sent:
        if modal.lower_ in _MODALS and modal.dep_ == "aux":
            verb = modal.head
        elif modal.lemma_.lower() == "need" and modal.pos_ == "VERB" and any(
                c.dep_ == "xcomp" and any(a.lower_ == "to" for a in c.children) for c in modal.children):
            verb = modal  # "Americans and Africans need to strengthen their cooperation," he said
        else:
            continue
        found = _statement(verb)
        quoted = _quoted_speaker(verb, modal, parts) if found is None else None
        if found is None and quoted is None:
            continue
        reporter, addressees = found if found is not None else (None, [])
        subj = next((c for c in verb.children if c.dep_ in NOMINAL_SUBJECTS), None)
        # pos check: "US" lowercases to "us" but is no pronoun
        if subj is None or (subj.lower_ in _SELF and subj.pos_ in ("PRON", "ADV")) or subj.dep_ == "expl":
            continue
        if subj.dep_ != "nsubj" or parts.kind_of(subj) == "site" or parts.names_a_thing(subj) \
                or any(c.dep_ == "xcomp" and any(a.dep_ == "auxpass" for a in c.children) for c in verb.children):
            # "the sites should be off limits", "X must be punished", "U.S. involvement in NATO may
            # need to be diminished": asks no one named to act
            continue
        if reporter is None:
            actors = [quoted]
        else:
            speaker_verb = reporter if reporter.pos_ != "NOUN" else reporter.head
            speaker, passive = subject_of(speaker_verb)
            actors = parts.of(speaker) if speaker is not None and not passive else []
        if reporter is not None and reporter.lemma_.lower() in _BELIEF_VERBS and not (actors and speaker.pos_ in ("PROPN", "NOUN") and
                                                            all(_holds_positions(a, parts) for a in actors)):
            continue  # "analysts believe the Fed must act", "I thought he should": an opinion, no demand
        targets = parts.of(subj)
        if not targets and subj.lower_ in ("it", "they", "he", "she"):
            targets = [e for a in addressees for e in parts.of(a)]  # "a reminder to Iraq that it must"
        if not targets or set(targets) & set(actors):
            continue  # nobody asked, or the speaker binding itself
        if reporter is None and not _asks_a_body(verb, modal, targets, parts):
            continue
        out.append((modal, actors, [t for t in targets if t not in actors]))
    return out


def _quoted_speaker(verb: Token, modal: Token, parts: Participants) -> int | None:
    """The named speaker of a direct quotation whose sentence is the obligation itself, its
    reporting verb in another sentence: '"Americans and Africans need to strengthen their
    cooperation" against terrorism.' after 'he said' (the quotation's speaker asks it)."""
    if verb.dep_ != "ROOT" or modal.lower_ in ("should", "ought"):
        return None  # '"Mexico should be grateful"': quoted "should" is most often an opinion
    return next((e for start, end, e in parts.spoken if start <= modal.idx < end), None)


def _asks_a_body(verb: Token, modal: Token, targets: list[Participant], parts: Participants) -> bool:
    """A quoted obligation with no reporting verb of its own is a demand only when it asks states or
    peoples to act, now: '"America must act"' is; '"A leader must fight"', '"Candidates should know
    that"' are maxims, '"he should have never been there"' a reproach, '"X will need to learn"' a
    forecast."""
    if any(c.dep_ == "aux" and c.lower_ in ("will", "would", "'ll") for c in verb.children) and verb.i == modal.i:
        return False
    if any(c.dep_ == "aux" and c.lemma_ == "have" for c in verb.children):
        return False
    return all(isinstance(t, int) and parts.entities[t].type in _PEOPLES for t in targets)


def _holds_positions(p: Participant, parts: Participants) -> bool:
    """A state or an organisation, whose stated belief is its position."""
    return isinstance(p, int) and parts.entities[p].type in _POSITION_HOLDERS


def wishes(sent: Span, parts: Participants) -> list[tuple[Token, list[Participant], list[Participant]]]:
    """(verb, who wants, who is wanted to act) for "X wants Y to ...": a request of Y by X
    ("The Justice Department wants the appeals court to suspend the injunction")."""
    out = []
    for verb in sent:
        if verb.pos_ != "VERB" or verb.lemma_.lower() not in _WANTING:
            continue
        act = next((c for c in verb.children if c.dep_ in ("xcomp", "ccomp") and c.pos_ == "VERB"), None)
        if act is None:
            continue
        obj = next((c for c in verb.children if c.dep_ == "dobj"), None) or \
            next((c for c in act.children if c.dep_ == "nsubj" and c.i < act.i), None)  # "wants the court to"
        if obj is None:
            continue
        subj, passive = subject_of(verb, climb=False)
        actors = parts.of(subj) if subj is not None and not passive else []
        targets = [t for t in parts.of(obj) if t not in actors]
        if actors and targets:
            out.append((verb, actors, targets))
    return out
