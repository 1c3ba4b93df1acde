"""Every stored row of a store, for comparing two stores built from the same inputs.

Timestamps (when a row was written) are left out; everything else, ids included, must
match: the same articles, analyses, entities, mentions, quotes and events, in the same order.
"""

from __future__ import annotations

from sqlalchemy import create_engine, select

from newsgraph.store.db import resolve_url
from newsgraph.store.schema import metadata

_WRITE_TIMES = {"ingested_at", "analyzed_at", "created_at"}


def store_rows(location: str) -> dict[str, list[tuple]]:
    engine = create_engine(resolve_url(location))
    try:
        with engine.connect() as conn:
            out = {}
            for name, table in sorted(metadata.tables.items()):
                columns = [c for c in table.columns if c.name not in _WRITE_TIMES]
                rows = conn.execute(select(*columns))
                out[name] = sorted((tuple(r) for r in rows), key=repr)
            return out
    finally:
        engine.dispose()


def assert_same_rows(left: str, right: str) -> None:
    a, b = store_rows(left), store_rows(right)
    assert a.keys() == b.keys()
    for name in a:
        assert a[name] == b[name], f"table {name} differs: {len(a[name])} rows against {len(b[name])}"
    assert a["articles"] and a["analyses"], "nothing was stored"
