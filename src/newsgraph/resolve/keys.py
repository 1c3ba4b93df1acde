"""Folding names into look-up keys and analysis types into corpus types.

``alias_key`` is what ``entity_aliases.alias_key`` holds: casefolded, accents stripped,
punctuation removed, a leading "the" dropped, spaces collapsed ("The U.S." -> "us",
"Zelenskyy’s" is not stripped of its possessive: the analysis gives bare names).
Limits: Latin script only is folded meaningfully; other scripts keep their letters.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from importlib import resources

__all__ = ["alias_key", "base_key", "corpus_type", "compatible", "id_key", "surname_key", "CORPUS_TYPES", "is_media"]

CORPUS_TYPES = ("person", "organisation", "state", "place", "media", "group", "other")
_PUNCT = re.compile(r"[^\w\s]", re.UNICODE)


def alias_key(text: str) -> str:
    text = unicodedata.normalize("NFKD", text.replace("’", "'"))
    text = "".join(ch for ch in text if not unicodedata.combining(ch)).casefold()
    # "U.S." and "US" fold alike; "al-Assad" and "al Assad" too.
    text = _PUNCT.sub(lambda m: "" if m.group() in ".'" else " ", text)
    words = text.split()
    if len(words) > 1 and words[0] == "the":
        words = words[1:]
    return " ".join(words)


_LEGAL = {"inc", "incorporated", "corp", "corporation", "co", "company", "ltd", "limited", "plc", "llc", "ag",
          "sa", "se", "nv", "gmbh", "group", "holdings"}


def base_key(text: str) -> str:
    """An organisation's key without legal-form suffixes: "Apple Inc." and "NPD Group" -> "apple", "npd".

    Only trailing words are dropped, and never the whole name ("The Group" stays).
    """
    words = alias_key(text).split()
    while len(words) > 1 and words[-1] in _LEGAL:
        words.pop()
    return " ".join(words)


def id_key(scheme: str, value: str) -> str:
    """Key of a gazetteer id, kept in entity_aliases (origin "id") so it is found by index.

    The "=" can never occur in a folded name, so id keys and name keys never collide.
    """
    return f"={scheme}:{value}".casefold()


def surname_key(name: str) -> str | None:
    """Bucket key of a person's surname: its first four folded letters ("~zele").

    Spelling variants of one surname ("Zelensky", "Zelenskyy") share a bucket, so the
    fuzzy comparison sees them, while the bucket stays small enough to fetch by index.
    """
    words = alias_key(name).split()
    return f"~{words[-1][:4]}" if words else None


@lru_cache(maxsize=1)
def _media() -> frozenset[str]:
    path = resources.files("newsgraph.resolve") / "data" / "media.txt"
    lines = path.read_text(encoding="utf-8").splitlines()
    return frozenset(alias_key(x) for x in lines if x.strip() and not x.startswith("#"))


def is_media(name: str) -> bool:
    return alias_key(name) in _media()


@lru_cache(maxsize=1)
def _countries() -> frozenset[str]:
    from ..analyze.entities.gazetteer import gazetteer

    return frozenset(alias_key(k.name) for k in gazetteer().countries.values())


def corpus_type(label: str, name: str, ids: dict[str, str] | None = None) -> str:
    """The corpus type of an analysis entity.

    NORP ("British", "Democrats" as a people) is a group; a party named as an ORG stays an
    organisation, since the analysis cannot tell a party from other organisations.
    """
    ids = ids or {}
    if label == "PERSON":
        return "person"
    if label == "ORG":
        return "media" if is_media(name) else "organisation"
    if label == "GPE":
        if "iso3166" in ids or alias_key(name) in _countries():
            return "state"
        return "place"
    if label in ("LOC", "FAC"):
        return "place"
    if label == "NORP":
        return "group"
    return "other"


def compatible(a: str, b: str) -> bool:
    """Types one entity may carry in different reports (the model mislabels outlets as ORG)."""
    return a == b or {a, b} <= {"organisation", "media"} or "other" in (a, b)
