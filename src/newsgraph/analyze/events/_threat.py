"""Announced coercion read as a threat (PLOVER manual, THREATEN and "Auxiliary modes").

The manual codes a coercive act that its own actor announces, plans or makes
conditional ("X will impose sanctions", "X plans to impose restrictions", "X may
halt mediation if ...", "X is prepared to impose martial law") as THREATEN, the
verbal act made now: "THREATEN could be ASSAULT + hypothetical ... return the
single event category". The planned act itself is kept as well (with its
planned/hypothetical modality) because a timeline reader wants to know what was
announced, not only that a threat was made.

Not threats: acts others are asked to take ("called for sanctions", "urged Y to
expel"), obligations ("Iran must halt ..."), the condition of a conditional ("if
it is attacked"), negated acts, a coercive word that only describes something
else ("occupation forces"), and acts already under a threaten/warn word (that
word is the THREATEN event). Violence (ASSAULT) counts only when firmly
committed (will/would/shall, or a plan/readiness head): "could attack" is a
journalist's speculation more often than a threat.

A noun of violence counts under its actor's own disposition ("he is committed to a possible
strike against Iraq": ``_intent.disposed_to``). A coercive act held out to its target as a
consequence makes a threat as well (``framed_threats``), the threat taking the place of the act:
"Saddam can expect punishing air strikes ... if he doesn't stop", "Iran will face sanctions
unless ...", in someone's words: the speaker threatens the one who is to expect or face it. A
condition or a modal in a quotation is needed: "the company faces sanctions" reported by the
article is news, not a threat.
"""

from __future__ import annotations

from dataclasses import replace

from spacy.tokens import Token

from ..types import QuoteRecord
from ._acts import Reading
from ._intent import disposed_to
from ._lexicon import Lexicon
from ._modality import reports_speech
from ._participants import Participants

__all__ = ["threat_mode", "framed_threats"]

_COERCIVE = frozenset({"COERCE", "SANCTION", "ASSAULT"})
# THREATEN modes name the content of the threat (manual, Table "THREATEN modes").
_MODES = {
    ("COERCE", "arrest"): "arrest", ("COERCE", "seize"): "territory", ("COERCE", "deport"): "expel",
    ("SANCTION", "expel"): "expel", ("SANCTION", "convict"): "arrest",
}
_DEFAULT_MODE = {"COERCE": "restrict", "SANCTION": "relations", "ASSAULT": "violence"}
# Heads that put the act in someone else's hands or in wishes, not in the actor's commitment.
_NOT_OWN = frozenset({"urge", "call", "ask", "demand", "seek", "want", "hope", "need", "prevent", "press",
                      "appeal", "request", "push", "recommend", "pressure", "force", "help", "avoid",
                      "fear", "expect", "allow", "oppose", "condemn", "criticize", "accuse", "deny",
                      # predicted consequences ("it will mean direct intervention"), not announced acts
                      "mean", "become", "amount", "constitute", "lead", "result", "cause", "risk",
                      "provoke", "trigger", "spark", "entail"})
_OBLIGATION = frozenset({"must", "should", "ought"})
_FIRM_AUX = frozenset({"will", "would", "shall", "'ll", "wo"})
_POSSIBLE_AUX = frozenset({"may", "might", "could", "can"})
_CONDITION_MARKS = frozenset({"if", "unless"})
_DESCRIPTIVE_DEPS = frozenset({"compound", "amod", "nmod", "poss"})
_CLIMB = frozenset({"xcomp", "dobj", "pobj", "prep", "acl", "attr", "oprd", "conj", "pcomp", "nsubjpass",
                    "acomp", "ccomp"})


def threat_mode(trigger: Token, kind: str, mode: str | None, modality: str, lex: Lexicon) -> str | None:
    """The THREATEN mode when the coercive event at ``trigger`` is a threat by its actor, else None."""
    if kind not in _COERCIVE or modality not in ("planned", "hypothetical"):
        return None
    if trigger.dep_ in _DESCRIPTIVE_DEPS or (trigger.dep_ == "acl" and trigger.tag_ == "VBN"):
        return None  # "occupation forces", "equipment seized last year": describes, announces nothing
    if kind == "ASSAULT" and trigger.pos_ != "VERB" and disposed_to(trigger) is None:
        # "stand up to the attacks": a noun of violence is too often verbal or someone else's; not
        # under its actor's own disposition ("he is committed to a possible strike against Iraq")
        return None
    firm = conditional = modal = False
    t, came_by = trigger, ""
    for _ in range(7):
        lemma = t.lemma_.lower()
        if t.i != trigger.i:
            if lemma in _NOT_OWN or (lemma == "be" and came_by == "attr"):  # "it will be an invasion"
                return None
            sense = lex.single.get((lemma, "V" if t.pos_ == "VERB" else "N"))
            if sense is not None and sense.type == "THREATEN":
                return None  # "warned it would impose sanctions": the warning is the THREATEN event
            if lex.cues.get((lemma, "head")) == "planned":
                firm = True
        auxes = {c.lower_ for c in t.children if c.dep_ in ("aux", "auxpass")}
        if auxes & _OBLIGATION or ("would" in auxes and "have" in auxes):
            return None  # "must halt" is asked of someone; "would have restricted" never happened
        firm = firm or bool(auxes & _FIRM_AUX)
        modal = modal or bool(auxes & _POSSIBLE_AUX)
        for child in t.children:
            if child.dep_ == "nsubj" and child.lower_ == "you":
                return None  # "you would be shooting yourself in the foot": advice, not a threat
            if child.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ in _CONDITION_MARKS
                                             for m in child.children):
                conditional = True  # "may halt mediation if cooperation founders"
        if t.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ in _CONDITION_MARKS for c in t.children):
            return None  # the condition ("if it is attacked"), not the announced consequence
        if t.dep_ == "ccomp":
            break  # the reporting verb above ("said it would ...") adds nothing to the act's own modality
        if t.dep_ not in _CLIMB or t.head.i == t.i:
            break
        came_by, t = t.dep_, t.head
    # A bare infinitive of purpose ("rules to cut emissions") commits no one: a threat needs a firm
    # commitment, or a possible act tied to a condition.
    if not (firm or (conditional and modal)) or (kind == "ASSAULT" and not firm):
        return None
    return _MODES.get((kind, mode or ""), _DEFAULT_MODE[kind])


# Verbs whose subject is to bear an act someone else holds out: "can expect strikes", "will face sanctions".
_BEARING = frozenset({"expect", "face"})
_HELD_OUT_MODALS = frozenset({"will", "would", "can", "could", "'ll", "may"})


def framed_threats(readings: list[Reading], parts: Participants, quotes: list[QuoteRecord]) -> list[Reading]:
    """The readings with each coercive act held out as a consequence replaced by the THREATEN made
    of it (one per framing word: "punishing air strikes" is one threat)."""
    threats: dict[int, Reading] = {}
    framed_acts: set[int] = set()
    for r in readings:
        if r.event.type not in _COERCIVE or r.derived:
            continue
        framed = _held_out(r.token, parts, quotes)
        if framed is None:
            continue
        head, actors, targets = framed
        framed_acts.add(id(r))
        if head.i in threats:
            if r.event.type == "ASSAULT":  # "punishing air strikes": the strikes say what is threatened
                threats[head.i].event = replace(threats[head.i].event, mode=_DEFAULT_MODE["ASSAULT"])
            continue
        if not actors and r.event.attributed_to is not None and r.event.attributed_to not in targets:
            actors = [r.event.attributed_to]  # a quotation with no resolved speaker: who reports it
        made = "historical" if "historical" in (r.event.modality or "") else "asserted"
        threats[head.i] = Reading(head, replace(
            r.event, type="THREATEN", mode=_DEFAULT_MODE[r.event.type], modality=made, actors=actors,
            targets=targets or [p for p in r.event.targets if p not in actors],
            trigger=(head.idx, head.idx + len(head.text), head.text)), derived=True)
    if not threats:
        return readings
    return [r for r in readings if id(r) not in framed_acts] + list(threats.values())


def _held_out(tok: Token, parts: Participants, quotes: list[QuoteRecord]):
    """(bearing verb, speaker, who is to bear it) for "<target> can expect / will face <coercive act>"
    held out under a condition or by a speaker's modal."""
    t = tok
    for _ in range(3):
        if t.dep_ not in ("dobj", "xcomp", "compound") or t.head.i == t.i:
            return None
        t = t.head
        if t.lemma_.lower() in _BEARING and t.pos_ == "VERB":
            break
    else:
        return None
    verb = t
    if any(c.dep_ == "neg" for c in verb.children):
        return None
    subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    if subject is None or subject.lower_ in ("i", "we"):
        return None
    conditional = any(c.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ in _CONDITION_MARKS
                                                for m in c.children) for c in verb.children)
    modal = any(c.dep_ == "aux" and c.lower_ in _HELD_OUT_MODALS for c in verb.children)
    quote = next((q for q in quotes if q.start <= verb.idx < q.end and reports_speech(q, verb.doc)), None)
    if quote is None or not (conditional or modal):
        return None
    speaker = quote.speaker.entity if quote.speaker is not None else None
    targets = parts.of(subject)
    if speaker is not None and speaker in targets:
        return None
    return verb, [speaker] if speaker is not None else [], targets
