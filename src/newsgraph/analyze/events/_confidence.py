"""A learned confidence gate over the events the rules make: keep the event? draw its edge?

The rules (``_extract``, ``_args``, ``_acts``) read every event they can; some are wrong,
and a wrong actor-target pair draws a false edge in the actor network, which is worse than
no edge. Two small logistic models, fitted on gold we may read, score what the rules made:

- the **event** model scores each event (is this act, of this type, in this sentence?) from
  general features: the trigger's lemma, part of speech, relation and type, whether the type
  is the word's own or derived (a threat read off "will strike"), modality, source, being
  inside a quotation, how many participants it has and how they were found, the sentence's
  length and number of events. Events below its threshold are dropped;
- the **participant** model scores each actor and target (does the gold name it?) from how
  it was found: a direct subject or object of the trigger, a prepositional object, a
  participant reached by climbing to a governing verb, one found outside the sentence
  (a resolved pronoun, the speaker), a name or a phrase, the dependency path length, ...
  An event with both actors and targets is an edge; when the product of its best actor's
  and best target's scores is below the edge threshold, the side scored lower is dropped:
  the event stays, without the edge.

The weights and thresholds live in ``lexicons/<lang>/event_gate_weights.tsv`` (rows
``event<TAB>feature<TAB>weight``, ``participant<TAB>feature<TAB>weight`` and
``threshold<TAB>event|edge<TAB>value``), written by ``scripts/train_event_gate.py`` from
the PLOVER sample, the tune half of the AQUAINT event gold and the seed, with thresholds
chosen by leave-one-document-out cross-validation (its figures are in the file's header).
A language without the file gets no gate.

``extract_events(..., gated=False)`` makes the events without the gate, and ``observe``
is called with each event and its features before any gating, in the order the events are
made (the training script; ``stages.with_options`` sets both on a stage table).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace
from functools import lru_cache
from importlib import resources

from spacy.tokens import Span, Token

from ..logistic import probability
from ._reliability import trigger_token
from ..types import EventRecord, Participant, PhraseRecord, QuoteRecord
from ._lexicon import lexicon

__all__ = ["MODEL_FILE", "Gate", "EventFeatures", "describe", "gate", "load_gate", "read_gate",
           "probability", "edge_score", "Observer"]

MODEL_FILE = "event_gate_weights.tsv"

_ARG_DEPS = frozenset({"nsubj", "nsubjpass", "dobj", "dative", "attr", "agent", "poss", "compound", "amod", "nmod",
                       "pobj", "appos"})
_NEGATORS = frozenset({"not", "n't", "never", "no"})

# Called with each event and its features, before any gating (the gate's training script).
Observer = Callable[[EventRecord, "EventFeatures"], None]


@dataclass(frozen=True)
class EventFeatures:
    """The features of one event and of each of its participants."""

    event: tuple[str, ...]
    actors: tuple[tuple[str, ...], ...]
    targets: tuple[tuple[str, ...], ...]


@dataclass(frozen=True)
class Gate:
    event_threshold: float
    edge_threshold: float
    event_weights: dict[str, float]
    participant_weights: dict[str, float]


# --- the model --------------------------------------------------------------------------

@lru_cache(maxsize=None)
def load_gate(lang: str) -> Gate | None:
    """The gate of a language, or None when it has no weights file."""
    path = resources.files("newsgraph.analyze.lexicons") / lang / MODEL_FILE
    if not path.is_file():
        return None
    return read_gate(path.read_text(encoding="utf-8"))


def read_gate(text: str) -> Gate:
    """A gate from the text of a weights file as scripts/train_event_gate.py writes it."""
    thresholds: dict[str, float] = {}
    weights: dict[str, dict[str, float]] = {"event": {}, "participant": {}}
    for line in text.splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        model, feature, value = line.split("\t")
        if model == "threshold":
            thresholds[feature] = float(value)
        else:
            weights[model][feature] = float(value)
    if set(thresholds) != {"event", "edge"}:
        raise ValueError("event gate weights: expected the rows threshold/event and threshold/edge")
    return Gate(thresholds["event"], thresholds["edge"], weights["event"], weights["participant"])


def edge_score(f: EventFeatures, weights: dict[str, float]) -> tuple[float, float]:
    """(best actor's, best target's) probability of being right."""
    return (max((probability(a, weights) for a in f.actors), default=0.0),
            max((probability(t, weights) for t in f.targets), default=0.0))


def gate(events: list[EventRecord], sent: Span, parts, quotes: list[QuoteRecord],
         lang: str = "en", gated: bool = True, observe: Observer | None = None) -> list[EventRecord]:
    """The events of one sentence that the gate keeps, each with its edge or without it; all of
    them with ``gated=False`` or for a language without weights."""
    if not events:
        return events
    model = load_gate(lang) if gated else None
    if model is None and observe is None:
        return events
    described = [describe(e, sent, parts, quotes, len(events), lang) for e in events]
    if observe is not None:
        for event, f in zip(events, described):
            observe(event, f)
    if model is None:
        return events
    out = []
    for event, f in zip(events, described):
        if probability(f.event, model.event_weights) < model.event_threshold:
            continue
        if event.actors and event.targets:
            p_actor, p_target = edge_score(f, model.participant_weights)
            if p_actor * p_target < model.edge_threshold:
                # no edge: keep the event with the side more likely right
                event = replace(event, targets=[]) if p_target <= p_actor else replace(event, actors=[])
        out.append(event)
    return out


# --- features ----------------------------------------------------------------------------

def describe(event: EventRecord, sent: Span, parts, quotes: list[QuoteRecord], n_events: int,
             lang: str = "en") -> EventFeatures:
    doc = sent.doc
    trigger = trigger_token(event, doc) or sent.root
    lemma, pos = trigger.lemma_.lower(), trigger.pos_
    own = lexicon(lang).single.get((lemma, {"VERB": "V", "NOUN": "N"}.get(pos, "")))
    derived = own is None or own.type != event.type
    kind = event.type
    quoted = any(q.start <= event.trigger[0] < q.end and q.kind in ("direct", "mixed") for q in quotes)
    actor_paths = [_path(trigger, p, sent, parts, event) for p in event.actors]
    target_paths = [_path(trigger, p, sent, parts, event) for p in event.targets]
    base = [
        f"type={kind}", f"lemma={lemma}", f"lemma_type={lemma}|{kind}", f"pos={pos}", f"pos_type={pos}|{kind}",
        f"dep={trigger.dep_}", f"tag={trigger.tag_}", f"derived={derived}", f"derived_type={derived}|{kind}",
        f"modality={event.modality}", f"modality_type={event.modality}|{kind}",
        f"attributed={event.attributed_to is not None or event.attributed_text is not None}",
        f"quoted={quoted}", f"events={_bucket(n_events, (1, 2, 3))}",
        f"length={_bucket(len(sent), (10, 20, 30, 45))}",
        f"negated={any(c.lower_ in _NEGATORS for c in trigger.children)}",
        f"root={trigger.dep_ == 'ROOT'}",
        f"depth={_bucket(_depth(trigger), (0, 1, 2, 3))}",
        f"mode={event.mode or '-'}",
    ]
    event_features = base + [
        f"actors={_bucket(len(event.actors), (0, 1, 2))}", f"targets={_bucket(len(event.targets), (0, 1, 2))}",
        f"shape={bool(event.actors)}{bool(event.targets)}", f"shape_type={bool(event.actors)}{bool(event.targets)}|{kind}",
        f"shape_pos={bool(event.actors)}{bool(event.targets)}|{pos}",
        *(f"actor_{x}" for path in actor_paths[:1] for x in path if not x.startswith("lemma")),
        *(f"target_{x}" for path in target_paths[:1] for x in path if not x.startswith("lemma")),
    ]
    event_features = list(dict.fromkeys(event_features))

    def participant(role: str, path: list[str], count: int) -> tuple[str, ...]:
        out = [f"role={role}", f"{role}_count={_bucket(count, (1, 2, 3))}"]
        out += [f"{role}_{x}" for x in path]
        out += [f"{role}_type={kind}", f"{role}_pos={pos}", f"{role}_derived={derived}",
                f"{role}_modality={event.modality}", f"{role}_quoted={quoted}",
                f"{role}_length={_bucket(len(sent), (10, 20, 30, 45))}",
                f"{role}_events={_bucket(n_events, (1, 2, 3))}", f"{role}_lemma={lemma}"]
        other = event.targets if role == "actor" else event.actors
        out.append(f"{role}_other={bool(other)}")
        return tuple(dict.fromkeys(out))

    return EventFeatures(
        tuple(event_features),
        tuple(participant("actor", p, len(event.actors)) for p in actor_paths),
        tuple(participant("target", p, len(event.targets)) for p in target_paths),
    )


def _bucket(n: int, edges: tuple[int, ...]) -> str:
    for edge in edges:
        if n <= edge:
            return str(edge)
    return f">{edges[-1]}"


def _depth(tok: Token) -> int:
    n = 0
    while tok.head.i != tok.i and n < 10:
        tok, n = tok.head, n + 1
    return n


def _tokens_of(p: Participant, sent: Span, parts) -> list[Token]:
    """The tokens of the sentence that name the participant."""
    if isinstance(p, PhraseRecord):
        return [t for t in sent if p.start <= t.idx < p.end]
    return [t for t in sent if parts.by_token.get(t.i) == p]


def _path(trigger: Token, p: Participant, sent: Span, parts, event: EventRecord) -> list[str]:
    """How a participant hangs on the trigger: its kind, and the shortest dependency path from
    the trigger to a token of the sentence naming it (or "outside": resolved elsewhere)."""
    out = []
    if isinstance(p, PhraseRecord):
        kind = f"phrase_{'owned' if p.refers_to is not None else 'bare'}"
        out.append(f"named={'GPE' if p.refers_to is not None and parts.entities[p.refers_to].type == 'GPE' else 'phrase'}")
    else:
        kind = f"entity_{parts.entities[p].type}"
        out.append("named=entity")
    out.append(f"kind={kind}")
    out.append(f"speaker={p == event.attributed_to}")
    tokens = _tokens_of(p, sent, parts)
    if not tokens:
        # resolved outside the sentence: a pronoun, a speaker, a capital's state
        pronoun = any(c.pos_ == "PRON" and c.dep_ in _ARG_DEPS for c in trigger.children)
        out += ["path=outside", f"outside_pronoun={pronoun}"]
        return out
    best = min((_dep_path(trigger, t) for t in tokens), key=len)
    ups = sum(1 for step in best if step.startswith("^"))
    downs = [step for step in best if not step.startswith("^")]
    out.append(f"steps={_bucket(len(best), (1, 2, 3, 4))}")
    out.append(f"ups={_bucket(ups, (0, 1, 2))}")
    out.append(f"path={'|'.join(best[:3]) if len(best) <= 3 else 'long'}")
    if downs:
        out.append(f"first={downs[0]}")
        out.append(f"last={downs[-1]}")
    distance = min(abs(t.i - trigger.i) for t in tokens)
    out.append(f"distance={_bucket(distance, (1, 3, 6, 10, 20))}")
    out.append(f"before={min(t.i for t in tokens) < trigger.i}")
    head = min(tokens, key=lambda t: (_depth(t), t.i))
    out.append(f"conj={head.dep_ == 'conj'}")
    out.append(f"pronoun={head.pos_ == 'PRON'}")
    return out


def _dep_path(trigger: Token, target: Token) -> list[str]:
    """Steps from the trigger to the token: "^dep" going up from a token to its head, "dep"
    (or "prep_with") going down."""
    up_from_trigger = [trigger, *trigger.ancestors]
    ancestors_of_target = {t.i: k for k, t in enumerate([target, *target.ancestors])}
    for k, t in enumerate(up_from_trigger):
        if t.i in ancestors_of_target:
            ups = up_from_trigger[:k]
            downs = [target, *target.ancestors][:ancestors_of_target[t.i]]
            break
    else:
        return ["^far"] * 5
    steps = [f"^{u.dep_}" for u in ups]
    for d in reversed(downs):
        steps.append(f"prep_{d.head.lower_}" if d.dep_ == "pobj" and d.head.dep_ == "prep" else d.dep_)
    # a preposition hop is one step: drop the bare "prep" before "prep_x"
    return [s for k, s in enumerate(steps) if not (s == "prep" and k + 1 < len(steps) and steps[k + 1].startswith("prep_"))]
