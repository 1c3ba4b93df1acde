"""PLOVER gold standard: event types, actors and targets of single sentences.

Each record of ``plover/gsr_even.json`` is one sentence with its gold event type,
source and target actors (``actorText``). Every sentence is analysed alone as an
Article without a publication date. The labels of manual v0.5b1 are mapped to the
current ones (FIGHT -> ASSAULT, DEMAND -> REQUEST, DISAPPROVE and INVESTIGATE ->
ACCUSE); the DOCUMENT record is skipped.

Figures:
- ``event_type_accuracy``: share of gold sentences with a predicted event of the gold type;
- ``event_precision``: the same share among sentences with any predicted event;
- ``source_match`` / ``target_match``: among type-right sentences whose gold names
  sources (targets), the share where an event of the gold type has an actor (target)
  whose mention text overlaps a gold ``actorText`` (shared word, case-insensitive);
- ``type_precision``: share of all predicted events (in the gold sentences) that have their
  sentence's gold type; ``events_per_sentence``: predicted events per gold sentence;
- ``strict_accuracy``: share of gold sentences with one event of the gold type whose actor
  and target both match, as above (a sentence whose gold names no target needs an event
  without one);
- ``sentences``: gold sentences scored.
Only half of the gold standard ships here; the other half is held out.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from pathlib import Path

from ..errors import InputError
from ..model import Article

__all__ = ["NAME", "DESCRIPTION", "OLD_LABELS", "GoldEvent", "load_gold", "score", "evaluate"]

NAME = "plover"
DESCRIPTION = "PLOVER event type accuracy and actor/target match on the PLOVER gold sentences"

OLD_LABELS = {"FIGHT": "ASSAULT", "DEMAND": "REQUEST", "DISAPPROVE": "ACCUSE", "INVESTIGATE": "ACCUSE"}
_WORD = re.compile(r"\w+")
# Words that say nothing about who an actor is; a match on them alone would flatter the figure.
_STOP = frozenset({"the", "of", "and", "a", "an", "in", "for", "to", "s"})


@dataclass(frozen=True)
class GoldEvent:
    id: str
    text: str
    type: str
    sources: tuple[str, ...]
    targets: tuple[str, ...]


# A predicted event for scoring: (type, actor mention texts, target mention texts).
Predicted = tuple[str, tuple[str, ...], tuple[str, ...]]


def _actors(field) -> tuple[str, ...]:
    if not isinstance(field, list):
        return ()
    return tuple(a["actorText"] for a in field if isinstance(a, dict) and a.get("actorText"))


def load_gold(path: Path) -> list[GoldEvent]:
    try:
        records = json.loads(Path(path).read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise InputError(str(path), f"cannot read the PLOVER gold standard: {exc}") from exc
    gold = []
    for r in records:
        kind = r.get("event")
        if kind == "DOCUMENT" or not r.get("text"):
            continue
        gold.append(GoldEvent(r.get("id", ""), r["text"], OLD_LABELS.get(kind, kind),
                              _actors(r.get("source")), _actors(r.get("target"))))
    return gold


def _words(text: str) -> set[str]:
    return {w for w in _WORD.findall(text.lower()) if w not in _STOP}


def _overlaps(predicted: tuple[str, ...], gold: tuple[str, ...]) -> bool:
    gold_words = set().union(*(_words(g) for g in gold)) if gold else set()
    return any(_words(p) & gold_words for p in predicted)


def _argument_right(predicted: tuple[str, ...], gold: tuple[str, ...]) -> bool:
    """Mention texts overlap the gold names; no gold names: none predicted."""
    return _overlaps(predicted, gold) if gold else not predicted


def _triple_right(gold: GoldEvent, hits: list[Predicted]) -> bool:
    """One event of the gold type with its actor and its target right."""
    return any(_argument_right(p[1], gold.sources) and _argument_right(p[2], gold.targets) for p in hits)


def score(pairs: list[tuple[GoldEvent, list[Predicted]]]) -> dict[str, float]:
    right = with_any = right_with_any = 0
    source_n = source_ok = target_n = target_ok = 0
    predicted_n = typed_ok = strict_ok = 0
    for gold, predicted in pairs:
        hits = [p for p in predicted if p[0] == gold.type]
        with_any += bool(predicted)
        predicted_n += len(predicted)
        typed_ok += len(hits)
        if not hits:
            continue
        strict_ok += _triple_right(gold, hits)
        right += 1
        right_with_any += 1
        if gold.sources:
            source_n += 1
            source_ok += any(_overlaps(p[1], gold.sources) for p in hits)
        if gold.targets:
            target_n += 1
            target_ok += any(_overlaps(p[2], gold.targets) for p in hits)
    n = len(pairs)
    return {
        "event_type_accuracy": right / n if n else 0.0,
        "event_precision": right_with_any / with_any if with_any else 0.0,
        "source_match": source_ok / source_n if source_n else 0.0,
        "target_match": target_ok / target_n if target_n else 0.0,
        "type_precision": typed_ok / predicted_n if predicted_n else 0.0,
        "events_per_sentence": predicted_n / n if n else 0.0,
        "strict_accuracy": strict_ok / n if n else 0.0,
        "sentences": float(n),
    }


def _predicted(record: dict) -> list[Predicted]:
    texts = {e["id"]: tuple(m["text"] for m in e["mentions"]) for e in record["entities"]}

    def mentions(ids: list[str]) -> tuple[str, ...]:
        return tuple(t for i in ids for t in texts.get(i, ()))

    return [(ev["type"], mentions(ev["actors"]), mentions(ev["targets"])) for ev in record.get("events", [])]


def evaluate(analyzer, data_dir: Path, limit: int | None = None) -> dict[str, float]:
    gold = load_gold(Path(data_dir) / "plover" / "gsr_even.json")[:limit]
    articles = [Article(text=g.text, source=g.id or f"plover:{i}") for i, g in enumerate(gold)]
    pairs = []
    for g, (_article, record) in zip(gold, analyzer.analyze(articles)):
        if isinstance(record, InputError):
            raise record  # skipping a sentence would flatter the figures
        pairs.append((g, _predicted(record)))
    return score(pairs)
