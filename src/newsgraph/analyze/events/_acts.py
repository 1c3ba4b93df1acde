"""One event per act: the readings of a sentence folded into the acts it reports.

A sentence names one act with several words ("bombs exploded ..., killing dozens",
"promised to provide ... assistance") and speaks of acts that are not events of their
own (what is asked, refused or threatened). The rules, in order:

1. An act under a demand, refusal, threat or accusation is its content, not an event:
   "called on all states to cooperate" is one REQUEST, "refused to suspend sanctions"
   one REJECT, "warned it would strike" one THREATEN; the demand a protest carries is the
   protest's ("a demonstration demanding his return"). A refusal of no act ("refused to
   identify himself") and a warning of nothing done ("warned that the decision does not
   guarantee ...") are no events at all.
   What a sanction or a concession stops is no event either ("halted economic aid to
   Serbia" is one SANCTION, no AID).
2. A promise, pledge, offer or plan is the act it announces, planned: "promised to
   provide aid" is AID/planned, not AGREE as well (the type is the act; modality says
   whether it happened).
3. Readings of one type in one sentence are one event, unless they are told apart by
   modality (a past conversation and a planned meeting) or by disjoint actors; the
   event is the reading with most participants (then a verb's) and gathers the
   participants of all the others.
4. An event named by a noun alone stays only with a participant in the text ("the
   attacks" with neither actor nor target is a back-reference, not a report), and not
   when, with no actor, it is only what another act is against, looks into, leads to or is
   for ("protesting against the repatriation of X"); one named by a verb, only with a
   subject or an object ("Injured: 4,877" in a list is no report).
5. An act whose only actors are a class a clause defines ("those countries that will send
   ...", "any government that arms ...") describes or states a rule, and reports no event.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from spacy.tokens import Token

from ..types import EventRecord, PhraseRecord
from ._args import to_infinitive
from ._intent import predicate_verb

__all__ = ["Reading", "fold_acts"]

# Acts whose complement is what they ask, refuse, threaten or allege.
_CONTENT_TAKERS = frozenset({"REQUEST", "REJECT", "THREATEN", "ACCUSE"})
# Verbs of agreement whose complement is what was agreed: "agreed to hold a meeting" is the AGREE.
# Acts whose content is done by someone other than who makes them: "affidavits alleging X abused",
# "a call for X to withdraw".
_ASKED_OF_OTHERS = frozenset({"ACCUSE", "REQUEST"})
_AGREEING = frozenset({"agree", "agreement", "accept", "consent"})
_REFUSING = frozenset({"refuse", "decline"})
# What a source withholds when it refuses to give its name or its word: no political refusal.
_WITHHELD = frozenset({"identify", "name", "comment", "elaborate", "give", "say", "discuss", "disclose", "speak"})
_FIRM = frozenset({"will", "would", "shall", "'ll", "wo"})
_COERCIVE = frozenset({"COERCE", "ASSAULT", "SANCTION", "MOBILIZE", "REJECT", "RETREAT"})
_ARGUMENTS = frozenset({"nsubj", "nsubjpass", "csubj", "dobj", "dative", "agent", "expl"})
# Words that announce the act in their complement.
_ANNOUNCING = frozenset({"promise", "pledge", "vow", "offer", "plan", "intend", "prepare", "decide", "propose",
                         "proposal", "readiness", "ready", "commit", "commitment", "undertake"})
# How a complement hangs on the word that governs it.
_COMPLEMENT_DEPS = frozenset({"xcomp", "ccomp", "pcomp", "pobj", "prep", "dobj", "acl", "oprd", "conj"})
_COMPLEMENT_PREPS = frozenset({"of", "about", "for", "against", "on", "over", "into", "to", "from"})
# Acts that stop or end another: their object is what stops, not an event of its own.
_STOPPING = frozenset({"SANCTION", "CONCEDE"})
# First words of a phrase naming a class rather than someone: "those countries that ...".
_CLASS_WORDS = ("every ", "any ", "those ")
# Prepositions whose object is what another act is aimed at or leads to.
_PASSING_PREPS = frozenset({"against", "into", "to", "for"})
# Realised and announced readings of one type are different acts.
_KIND_OF_MODALITY = {"planned": "future", "hypothetical": "possible", "negated": "negated"}


@dataclass
class Reading:
    """One trigger's event, with the token that names it."""

    token: Token
    event: EventRecord
    derived: bool = False  # a threat or refusal read off another act


def fold_acts(readings: list[Reading]) -> list[EventRecord]:
    """The events of one sentence, one per act, in trigger order."""
    kept = _drop_contents(readings)
    kept = _merge_same_type(kept)
    kept = [r for r in kept if r.event.actors or r.event.targets or r.derived or _verb_with_arguments(r.token)]
    kept = [r for r in kept if not _mentioned_in_passing(r) and not _done_by_a_class(r)]
    return [r.event for r in sorted(kept, key=lambda r: r.event.trigger[0])]


def _done_by_a_class(r: Reading) -> bool:
    """An act whose only actors are a class that a clause defines ("those countries that will
    send contingents", "any government that arms the rebels"): a description or a rule, not a report."""
    return bool(r.event.actors) and all(_class_defined_by_a_clause(a, r.token.doc) for a in r.event.actors)


def _class_defined_by_a_clause(actor, doc) -> bool:
    if not isinstance(actor, PhraseRecord) or not actor.text.lower().startswith(_CLASS_WORDS):
        return False
    span = doc.char_span(actor.start, actor.end, alignment_mode="expand")
    return span is not None and any(c.dep_ in ("relcl", "acl") for c in span.root.children)


def _mentioned_in_passing(r: Reading) -> bool:
    """A noun event with no actor that is only what another act is against, looks into, leads
    to or is for ("protesting against the repatriation of X", "probing into the bombings",
    "information leading to the arrest of the bombers"): named in passing, not reported."""
    tok = r.token
    return (tok.pos_ == "NOUN" and not r.event.actors and not r.derived and tok.dep_ == "pobj"
            and tok.head.lower_ in _PASSING_PREPS and not _dated_by_own_words(tok))


def _dated_by_own_words(tok: Token) -> bool:
    """Whether the noun's own phrase dates the act ("probing into last Friday's bombings"): such
    a mention is a dated report of that act, which lets reports of it in other articles merge."""
    return any(t.ent_type_ in ("DATE", "TIME") for t in tok.subtree if t.i != tok.i)


def _verb_with_arguments(tok: Token) -> bool:
    """A verb that names no participant still reports an act when the parse gives it a subject
    or an object ("at least 82 were killed"); a bare word in a list ("Injured: 4,877") does not."""
    # "we are willing to talk": the subject is the disposition's copula's (_intent)
    return tok.pos_ == "VERB" and (tok.dep_ in ("acl", "amod", "relcl") or
                                   any(c.dep_ in _ARGUMENTS for c in predicate_verb(tok).children))


def _governs(head: Token, dependent: Token, steps: int = 3) -> bool:
    """Whether ``dependent`` is in the complement of ``head``: its object, its clause or
    infinitive, or the object of a preposition that completes it ("accused X of attacking")."""
    t = dependent
    for _ in range(steps):
        if t.dep_ not in _COMPLEMENT_DEPS or t.head.i == t.i:
            return False
        if t.dep_ == "conj":
            if t.head.i == head.i:
                # "condemned ... and called on": coordinated acts, each its own; but "calls for X,
                # and for Y": a preposition the parser coordinates with the verb completes it again
                return t.pos_ == "ADP" and t.lower_ in _COMPLEMENT_PREPS
            t = t.head
            continue
        if t.dep_ == "prep" and t.lower_ not in _COMPLEMENT_PREPS:
            return False  # "warn ... in an appeal to the UN": an adjunct, not what is warned of
        t = t.head
        if t.i == head.i:
            return True
    return False


def _refuses_nothing(r: Reading, readings: list[Reading]) -> bool:
    """ "refused to identify himself", "declined to comment": a source keeping its name or its
    word is no rejection. Any other refusal is one, whether its infinitive names a PLOVER act
    ("refused to suspend sanctions") or not ("refused to help him", "refused to answer the
    survey", "declined to participate in the debate")."""
    if r.token.lemma_.lower() not in _REFUSING:
        return False
    acts = [c for c in r.token.children if c.dep_ == "xcomp"]
    return (bool(acts) and all(c.lemma_.lower() in _WITHHELD for c in acts)
            and not any(o is not r and _governs(r.token, o.token, steps=4) for o in readings)
            and not any(c.dep_ == "dobj" for c in r.token.children))


def _warns_of_nothing(r: Reading, readings: list[Reading]) -> bool:
    """ "warned that the decision does not guarantee ...": a warning is a threat only of an act
    its content names (a sanction, an attack, a measure), or with no content clause at all."""
    if r.event.type != "THREATEN" or r.derived or r.token.lemma_.lower() != "warn":
        return False
    clauses = [c for c in r.token.children if c.dep_ in ("ccomp", "xcomp")]
    if not clauses or any(a.dep_ == "aux" and a.lower_ in _FIRM for c in clauses for a in c.children):
        return False  # "warned that police will no longer tolerate rallies": a commitment
    return not any(o.event.type in _COERCIVE and _governs(r.token, o.token, steps=4) for o in readings)


def _drop_contents(readings: list[Reading]) -> list[Reading]:
    readings = [r for r in readings if not _refuses_nothing(r, readings) and not _warns_of_nothing(r, readings)]
    dropped: set[int] = set()
    for a in readings:
        if a.event.type == "REQUEST" and a.token.dep_ == "aux":
            # "X said Y must cooperate with Z": the modal's verb is what is asked, no act of its own
            # ("Y must be ready to mediate": what Y is asked to be ready for, _intent)
            dropped.update(id(b) for b in readings if b is not a and predicate_verb(b.token).i == a.token.head.i)
        for b in readings:
            if a is b or a.token.i == b.token.i:
                continue
            if a.event.type == "PROTEST" and b.event.type == "REQUEST" and _adjunct_of(b.token, a.token):
                dropped.add(id(b))  # "blocked roads, demanding that he be reinstated": what the protest demands
                continue
            if (a.event.type in _STOPPING and a.token.pos_ == "VERB" and b.token.pos_ == "NOUN"
                    and _object_of(b.token, a.token)):
                dropped.add(id(b))  # "halted economic aid to Serbia": no aid is given, it is stopped
                continue
            if a.event.type in _CONTENT_TAKERS and a.event.type != "ACCUSE" and _may_happen_in(b.token, a.token):
                dropped.add(id(b))  # "warnings that US air strikes could harm relations": what is warned of
                continue
            lemma = a.token.lemma_.lower()
            if not (_governs(a.token, b.token, steps=2) or lemma in _AGREEING and _reached_to(a.token, b.token)):
                continue
            if lemma in _ANNOUNCING and not a.derived:
                dropped.add(id(a))  # the promise is the act it announces
            elif a.event.type == "PROTEST" and b.event.type == "REQUEST":
                dropped.add(id(b))  # "a demonstration demanding his return": the demand is the protest's
            elif a.event.type in _CONTENT_TAKERS or lemma in _AGREEING:
                if b.token.pos_ == "VERB" or a.event.type != "ACCUSE":
                    dropped.add(id(b))  # "condemned the bombing" keeps the bombing, "accused X of attacking" not
                    if not a.event.actors and b.event.actors and a.event.type not in _ASKED_OF_OTHERS:
                        # "an agreement was reached to hold a meeting of X": X agreed; but who did what
                        # an allegation or a demand is about is its target, never who alleges or asks
                        a.event = replace(a.event, actors=list(b.event.actors))
    return [r for r in readings if id(r) not in dropped]


def _reached_to(agreement: Token, tok: Token) -> bool:
    """ "an agreement was reached during the call to hold a meeting": the infinitive completes the
    agreement, though the parser hangs it on a phrase of the verb the agreement is the subject of."""
    verb, infinitive = agreement.head, tok.head
    if agreement.dep_ not in ("nsubj", "nsubjpass") or tok.dep_ != "dobj" or infinitive.dep_ not in ("acl", "advcl"):
        return False
    if not to_infinitive(infinitive):
        return False
    return any(a.i == verb.i for a in list(infinitive.ancestors)[:3])


def _may_happen_in(tok: Token, head: Token) -> bool:
    """A noun act that is the subject of a modal clause completing ``head``: "warnings that air
    strikes could harm relations", "demanded that talks should resume". It is what may happen."""
    verb = tok.head
    return (tok.pos_ == "NOUN" and tok.dep_ in ("nsubj", "nsubjpass") and verb.dep_ in ("ccomp", "acl")
            and verb.head.i == head.i and any(c.dep_ == "aux" and c.tag_ == "MD" for c in verb.children))


def _adjunct_of(tok: Token, head: Token) -> bool:
    """ "blocked streets to demand reforms", "marched, demanding his release": a clause hung on the
    act, or on the verb the act is the object of ("attended a rally to demand his return")."""
    if tok.dep_ not in ("advcl", "acl", "xcomp", "conj"):
        return False
    return tok.head.i == head.i or head.dep_ == "dobj" and tok.head.i == head.head.i


def _object_of(noun: Token, verb: Token) -> bool:
    """The verb's object, or the word naming its kind ("halt mediation efforts")."""
    if noun.dep_ == "dobj" and noun.head.i == verb.i:
        return True
    return noun.dep_ == "compound" and noun.head.dep_ == "dobj" and noun.head.head.i == verb.i


def _merge_same_type(readings: list[Reading]) -> list[Reading]:
    groups: list[list[Reading]] = []
    for r in readings:
        for group in groups:
            if all(_same_act(r, other) for other in group):
                group.append(r)
                break
        else:
            groups.append([r])
    return [_merged(group) for group in groups]


def _same_act(a: Reading, b: Reading) -> bool:
    if a.event.type != b.event.type or a.derived != b.derived:
        return False
    if _KIND_OF_MODALITY.get(a.event.modality) != _KIND_OF_MODALITY.get(b.event.modality):
        return False
    ta, tb = a.event.time_value, b.event.time_value
    if ta and tb and ta != tb:
        return False
    if a.event.actors and b.event.actors and not set(a.event.actors) & set(b.event.actors):
        return False
    # "withdraw from X and release soldiers", "condemned X but criticized Y": coordinated verbs
    # that reach different targets are two acts; pooled, each target would be drawn from the other's.
    # Not so an attack's casualties ("killed scores and injured 1,000 others"): one attack.
    return not (a.event.type != "ASSAULT" and _coordinated_verbs(a.token, b.token) and a.event.targets
                and b.event.targets and not set(a.event.targets) & set(b.event.targets))


def _coordinated_verbs(a: Token, b: Token) -> bool:
    return a.pos_ == b.pos_ == "VERB" and (a.dep_ == "conj" and a.head.i == b.i or b.dep_ == "conj" and b.head.i == a.i)


def _merged(group: list[Reading]) -> Reading:
    if len(group) == 1:
        return group[0]
    main = min(group, key=lambda r: (-len(r.event.actors) - len(r.event.targets), r.token.pos_ != "VERB", r.token.i))
    actors = list(dict.fromkeys(p for r in group for p in r.event.actors))
    targets = list(dict.fromkeys(p for r in group for p in r.event.targets if p not in actors))
    event = main.event
    first_time = next((r.event for r in group if r.event.time_value), event)
    return Reading(main.token, replace(
        event, actors=actors, targets=targets,
        place=event.place if event.place is not None else next((r.event.place for r in group if r.event.place is not None), None),
        time_value=first_time.time_value, time_timex=first_time.time_timex,
        quantities=sorted({q for r in group for q in r.event.quantities}),
    ), main.derived)
