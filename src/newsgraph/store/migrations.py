"""Versioned schema migrations.

Each migration is a function of a SQLAlchemy connection, applied in order inside
one transaction together with the version bump, so a migration either happens
whole or not at all. Add a new one at the end of MIGRATIONS; never edit an old one.
"""

from __future__ import annotations

from collections.abc import Callable

from sqlalchemy import Connection, inspect, select

from ..errors import SchemaError
from . import schema


def _v1_initial(conn: Connection) -> None:
    schema.metadata.create_all(conn, tables=schema.V1_TABLES)


MIGRATIONS: list[tuple[int, str, Callable[[Connection], None]]] = [
    (1, "articles, analyses, mentions, near-duplicate index", _v1_initial),
]

LATEST = MIGRATIONS[-1][0]


def current_version(conn: Connection) -> int:
    if not inspect(conn).has_table("meta"):
        return 0
    row = conn.execute(select(schema.meta.c.value).where(schema.meta.c.key == "schema_version")).first()
    return int(row[0]) if row else 0


def migrate(conn: Connection, url: str) -> list[int]:
    """Apply the migrations this database lacks; return the versions applied."""
    version = current_version(conn)
    if version > LATEST:
        raise SchemaError(
            f"{url}: the database has schema version {version}, but this newsgraph knows "
            f"versions up to {LATEST}; upgrade newsgraph to use it"
        )
    applied = []
    for number, _title, step in MIGRATIONS:
        if number <= version:
            continue
        step(conn)
        _set_version(conn, number)
        applied.append(number)
    return applied


def _set_version(conn: Connection, number: int) -> None:
    table = schema.meta
    updated = conn.execute(
        table.update().where(table.c.key == "schema_version").values(value=str(number))
    ).rowcount
    if not updated:
        conn.execute(table.insert().values(key="schema_version", value=str(number)))
