"""The one rule by which a user names an entity, for reading and for corrections alike.

An int is an id, and so is "#12" (as `newsgraph entities` writes ids). Any other text is a
name, bare digits included: the entity whose canonical name it is, else the entity with an
alias that folds to it (``alias_key``). A name that is the canonical name of several
entities, or (being nobody's canonical name) an alias of several, is refused with
AmbiguousNameError listing them with their ids; a name nobody holds is a NotFoundError.
"""

from __future__ import annotations

import re

from ..errors import AmbiguousNameError, NotFoundError
from ..query_records import EntityRef
from ..store import queries as Q
from .keys import alias_key

__all__ = ["entity_named"]

_ID = re.compile(r"#(\d+)")
_MAX_ID = 2**31  # ids are 32-bit on PostgreSQL: a larger one names nothing
_CANDIDATES = 1000  # the most entities one name is looked up in


def entity_named(conn, entity: int | str) -> tuple[dict, list[dict]]:
    """The entity row meant, and the other rows that hold the name only as an alias."""
    if isinstance(entity, str) and _ID.fullmatch(entity.strip()):
        entity = int(entity.strip()[1:])
    if isinstance(entity, int):
        row = Q.entity_by_id(conn, entity) if 0 < entity < _MAX_ID else None
        if row is None:
            raise NotFoundError(f"no entity with id {entity}")
        return row, []
    name = " ".join(entity.split())
    rows = Q.find_entities(conn, name, alias_key(name), limit=_CANDIDATES) if name else []
    held = [r for r in rows if r["name"] == name] or rows
    if not held:
        hint = f"; for the entity with id {name}, write #{name}" if name.isdecimal() else ""
        raise NotFoundError(f"no entity named {name!r}; `newsgraph actors` lists the best-known ones{hint}")
    if len(held) > 1:
        raise AmbiguousNameError(name, [EntityRef(r["id"], r["name"], r["type"]) for r in held])
    return held[0], [r for r in rows if r is not held[0]]
