"""Typed records that flow between the pipeline stages.

Readers yield :class:`RawDocument`; cleaning turns one into an :class:`Article`
(whose id is the hash of its cleaned text); analysis produces the analysis record
of ``docs/analysis-json.md`` as a plain dict, because outside tools read it as JSON.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field, replace

__all__ = ["RawDocument", "Article", "ReadOptions", "article_id"]


def article_id(text: str) -> str:
    """The id of an article: the SHA-256 of its cleaned text, in hex."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


@dataclass(frozen=True)
class RawDocument:
    """One article as a reader found it, before cleaning.

    ``text`` is already extracted from its container (HTML boilerplate removed,
    JSON field picked) but not yet repaired or normalised.
    """

    text: str
    source: str
    location: str | None = None
    title: str | None = None
    outlet: str | None = None
    url: str | None = None
    author: str | None = None
    published: str | None = None
    language: str | None = None


@dataclass(frozen=True)
class Article:
    """A cleaned article, ready for analysis and storage."""

    text: str
    source: str
    title: str | None = None
    outlet: str | None = None
    url: str | None = None
    author: str | None = None
    published: str | None = None
    published_inferred: bool = False
    # Where in the source it was found: "line 12", "record at byte 4096", "entry 3".
    location: str | None = None
    language: str | None = None
    id: str = field(default="", compare=False)

    def __post_init__(self) -> None:
        if not self.id:
            object.__setattr__(self, "id", article_id(self.text))

    def with_changes(self, **changes) -> "Article":
        changes.setdefault("id", "")
        return replace(self, **changes)


@dataclass(frozen=True)
class ReadOptions:
    """How to read inputs: metadata overrides, field names and limits.

    ``published``, ``outlet`` and ``language`` override whatever the input says.
    ``fields`` maps our field names (text, title, url, published, outlet, author)
    to the names used in JSON Lines input.
    """

    published: str | None = None
    outlet: str | None = None
    language: str | None = None
    format: str = "auto"
    encoding: str = "utf-8"
    max_chars: int = 1_000_000
    fields: dict[str, str] = field(default_factory=dict)

    def field_name(self, name: str) -> str:
        return self.fields.get(name, name)
