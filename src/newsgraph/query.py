"""The read API: every front end (CLI, HTTP API, web pages, exports) asks here.

Functions take an open :class:`~newsgraph.store.Store` and return plain records,
so the front ends never build SQL and never disagree with each other.
"""

from __future__ import annotations

from dataclasses import dataclass

from .store import Store, StoreInfo

__all__ = ["ACTOR_TYPES", "Overview", "overview", "top_actors", "list_articles"]

# Entity types that can act or be acted upon (others: places as such, laws, works).
ACTOR_TYPES = ("PERSON", "ORG", "GPE", "NORP")


@dataclass(frozen=True)
class Overview:
    info: StoreInfo
    actors: list[dict]
    articles: list[dict]


def top_actors(store: Store, limit: int = 15, types: tuple[str, ...] = ACTOR_TYPES) -> list[dict]:
    """Actors by number of mentions: name, type, mentions, articles."""
    return store.top_entities(limit=limit, types=types)


def list_articles(store: Store, limit: int = 50, offset: int = 0) -> list[dict]:
    """Articles, newest publication date first."""
    return store.list_articles(limit=limit, offset=offset)


def overview(store: Store, actors: int = 20, articles: int = 10) -> Overview:
    return Overview(info=store.info(), actors=top_actors(store, actors), articles=list_articles(store, articles))
