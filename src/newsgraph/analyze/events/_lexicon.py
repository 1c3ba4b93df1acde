"""The event lexicons as lookup tables: triggers, object overrides, modality cues, contexts.

Data files live in ``lexicons/en/event_*.tsv`` (see their headers). Entries were
written from the PLOVER manual's category definitions and CAMEO's verb classes,
not from any gold data. Loaded once per process.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from ..lexicons import table

__all__ = ["EventSense", "Lexicon", "lexicon", "PLOVER_TYPES"]

PLOVER_TYPES = ("AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST",
                "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT")


@dataclass(frozen=True)
class EventSense:
    type: str | None  # None: the words name no event ("release a report")
    mode: str | None
    context: tuple[str, ...]


@dataclass(frozen=True)
class Lexicon:
    # (lemma, "V"|"N") -> sense; (lemma, particle, pos) for phrasal entries
    single: dict[tuple[str, str], EventSense]
    phrasal: dict[tuple[str, str, str], EventSense]
    objects: dict[tuple[str, str], EventSense]  # (head lemma, dependent lemma) -> sense
    cues: dict[tuple[str, str], str]  # (word, where) -> modality
    contexts: dict[str, str]  # word -> context
    heads: frozenset[str]  # first words of all trigger entries, for a fast pre-check


def _sense(cells: tuple[str, ...]) -> EventSense:
    kind, mode, context = (list(cells) + ["-", "-", "-"])[:3]
    if kind != "-" and kind not in PLOVER_TYPES:
        raise ValueError(f"event lexicon: unknown PLOVER type {kind!r} in row {cells}")
    return EventSense(None if kind == "-" else kind, None if mode == "-" else mode,
                      () if context == "-" else tuple(context.split(";")))


@lru_cache(maxsize=None)
def lexicon(lang: str = "en") -> Lexicon:
    single: dict[tuple[str, str], EventSense] = {}
    phrasal: dict[tuple[str, str, str], EventSense] = {}
    for row in table(lang, "event_triggers"):
        words, pos, sense = row[0].split(), row[1], _sense(row[2:])
        for p in ("V", "N") if pos == "*" else (pos,):
            if len(words) == 1:
                single[(words[0], p)] = sense
            else:
                phrasal[(words[0], words[1], p)] = sense
    objects = {(r[0], r[1]): _sense(r[2:]) for r in table(lang, "event_objects")}
    cues = {(r[0], r[1]): r[2] for r in table(lang, "event_cues")}
    contexts = {r[0]: r[1] for r in table(lang, "event_contexts")}
    heads = frozenset(k[0] for k in single) | frozenset(k[0] for k in phrasal) | frozenset(k[0] for k in objects)
    return Lexicon(single, phrasal, objects, cues, contexts, heads)
