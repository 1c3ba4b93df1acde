"""Entities: spaCy's named-entity mentions grouped into one entity per name.

Within a document, a surname alone ("Starmer") joins the full name introduced
elsewhere in it ("Keir Starmer"), and a possessive ending ("Starmer's") is not
part of the name. Corpus-wide resolution (aliases, transliterations, known
misspellings) is a later stage; this one only groups what the text itself shows.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

__all__ = ["ENTITY_LABELS", "EntityRecord", "MentionRecord", "extract_entities"]

# Names of things that can act, be acted on, or be a place; numbers and dates
# are timexes and quantities, not entities.
ENTITY_LABELS = frozenset(
    {"PERSON", "ORG", "GPE", "LOC", "NORP", "FAC", "EVENT", "PRODUCT", "WORK_OF_ART", "LAW", "LANGUAGE"}
)

_POSSESSIVE = re.compile(r"(?:'s|’s|'|’)$")
_LEADING_THE = re.compile(r"^(?:the|The)\s+")


@dataclass
class MentionRecord:
    start: int
    end: int
    text: str


@dataclass
class EntityRecord:
    name: str
    type: str
    mentions: list[MentionRecord] = field(default_factory=list)


def _mention_bounds(ent) -> tuple[int, int] | None:
    """Character span of a mention without a leading article or trailing possessive."""
    text = ent.text
    start, end = ent.start_char, ent.end_char
    lead = _LEADING_THE.match(text)
    if lead:
        start += lead.end()
    tail = _POSSESSIVE.search(text[start - ent.start_char :])
    if tail and ent.label_ != "WORK_OF_ART":
        end -= len(tail.group())
    return (start, end) if end > start else None


def extract_entities(doc) -> list[EntityRecord]:
    groups: dict[tuple[str, str], EntityRecord] = {}
    for ent in doc.ents:
        if ent.label_ not in ENTITY_LABELS:
            continue
        bounds = _mention_bounds(ent)
        if bounds is None:
            continue
        start, end = bounds
        surface = doc.text[start:end]
        name = " ".join(surface.split())
        record = groups.setdefault((name, ent.label_), EntityRecord(name, ent.label_))
        record.mentions.append(MentionRecord(start, end, surface))
    _fold_surnames(groups)
    ordered = sorted(groups.values(), key=lambda e: min(m.start for m in e.mentions))
    for entity in ordered:
        entity.mentions.sort(key=lambda m: m.start)
    return ordered


def _fold_surnames(groups: dict[tuple[str, str], EntityRecord]) -> None:
    """Merge a one-word name into the single full PERSON name in the document ending with it.

    The small English model often labels a lone surname ORG ("Knutov recalled"),
    so one-word ORG mentions fold too; place names never do ("Jordan" may be a country).
    """
    full_names = [key for key in groups if key[1] == "PERSON" and " " in key[0]]
    for key in [k for k in groups if k[1] in ("PERSON", "ORG") and " " not in k[0]]:
        owners = [full for full in full_names if full[0].split()[-1] == key[0]]
        if len(owners) == 1:  # ambiguous surnames stay apart rather than being guessed
            groups[owners[0]].mentions.extend(groups.pop(key).mentions)
