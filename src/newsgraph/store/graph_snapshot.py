"""SQL of undoable corrections: the rows around some entities, before and after, and their restoration.

A snapshot holds every row a correction can touch for a set of entities and alias keys:
the entities themselves, their aliases (and every alias row of the keys), and each row
that links to them (mentions, quote speakers, event report places and attributions,
event places, phrases standing for them, event participants). ``diff`` keeps what changed between two snapshots as a
JSON-able step; ``restore`` puts a step's "before" back. Every statement is an index
look-up on an entity id, an alias key or a primary key, in chunks; nothing scans a table.
"""

from __future__ import annotations

from sqlalchemy import Connection, delete, func, insert, select, update

from .schema import entities, entity_aliases, event_participants, event_phrases, event_reports, events, mentions, quotes

__all__ = ["LINKS", "snapshot", "diff", "max_ids", "restore_entities", "restore_links", "restore_participants",
           "restore_aliases", "linked", "entity_exists", "delete_entity"]

_ENTITY_COLS = ("name", "type", "label", "ids", "created_at")
_ALIAS_COLS = ("entity_id", "alias", "alias_key", "origin")
# name -> (table, column): each row's link to an entity, restored by primary key.
LINKS = {
    "mentions": (mentions, mentions.c.entity_id),
    "quotes": (quotes, quotes.c.speaker_entity_id),
    "report_place": (event_reports, event_reports.c.place_entity_id),
    "report_attributed": (event_reports, event_reports.c.attributed_entity_id),
    "event_place": (events, events.c.place_entity_id),
    "phrase_refers": (event_phrases, event_phrases.c.entity_id),  # "the Cuban government" -> Cuba
}
_CHUNK = 500


def _chunks(values: list) -> list[list]:
    return [values[i:i + _CHUNK] for i in range(0, len(values), _CHUNK)]


def max_ids(conn: Connection) -> tuple[int, int]:
    """The highest entity id and alias row id: rows above them are new (ids only grow)."""
    return (conn.execute(select(func.coalesce(func.max(entities.c.id), 0))).scalar_one(),
            conn.execute(select(func.coalesce(func.max(entity_aliases.c.id), 0))).scalar_one())


def snapshot(conn: Connection, ids: set[int], keys: set[str], entity_above: int | None = None,
             alias_above: int | None = None) -> dict:
    """The rows of entities ``ids`` (and those above ``entity_above``), aliases keyed ``keys``
    (and alias rows above ``alias_above``)."""
    ids = set(ids)
    if entity_above is not None:
        ids |= {r[0] for r in conn.execute(select(entities.c.id).where(entities.c.id > entity_above))}
    chunks = _chunks(sorted(ids))
    snap: dict = {"entities": {}, "aliases": {}, "participants": set(), **{name: {} for name in LINKS}}
    for part in chunks:
        query = select(entities.c.id, *(entities.c[c] for c in _ENTITY_COLS)).where(entities.c.id.in_(part))
        for r in conn.execute(query):
            snap["entities"][r[0]] = list(r[1:])
    alias_where = [entity_aliases.c.entity_id.in_(part) for part in chunks]
    alias_where += [entity_aliases.c.alias_key.in_(part) for part in _chunks(sorted(keys))]
    if alias_above is not None:
        alias_where.append(entity_aliases.c.id > alias_above)
    for where in alias_where:
        for r in conn.execute(select(entity_aliases.c.id, *(entity_aliases.c[c] for c in _ALIAS_COLS)).where(where)):
            snap["aliases"][r[0]] = list(r[1:])
    for part in chunks:
        for name, (table, col) in LINKS.items():
            for r in conn.execute(select(table.c.id, col).where(col.in_(part))):
                snap[name][r[0]] = r[1]
        for r in conn.execute(select(event_participants).where(event_participants.c.entity_id.in_(part))):
            snap["participants"].add((r.report_id, r.entity_id, r.role))
    return snap


def _keyed(before: dict, after: dict) -> list:
    return [[k, before.get(k), after.get(k)] for k in sorted(set(before) | set(after)) if before.get(k) != after.get(k)]


def diff(before: dict, after: dict) -> tuple[dict, bool]:
    """(step, exact): what changed, JSON-able. Not exact when a link entered or left the rows
    watched (its value outside them is unknown)."""
    exact = True
    links = {}
    for name in LINKS:
        groups: dict[tuple, list[int]] = {}
        for row_id, old, new in _keyed(before[name], after[name]):
            exact = exact and row_id in before[name] and row_id in after[name]
            groups.setdefault((old, new), []).append(row_id)
        if groups:
            links[name] = [[old, new, ids] for (old, new), ids in sorted(groups.items(), key=lambda g: g[1][0])]
    step = {"entities": _keyed(before["entities"], after["entities"]),
            "aliases": _keyed(before["aliases"], after["aliases"]), "links": links,
            "participants": {"removed": sorted(map(list, before["participants"] - after["participants"])),
                             "added": sorted(map(list, after["participants"] - before["participants"]))}}
    return step, exact


def restore_entities(conn: Connection, rows: list) -> None:
    """Put back entity rows [id, before, after]: re-create the removed, reset the changed."""
    for entity_id, old, new in rows:
        if old is None:
            continue  # created by the correction: the caller decides (fold or delete)
        values = dict(zip(_ENTITY_COLS, old))
        if new is None:
            conn.execute(insert(entities).values(id=entity_id, **values))
        else:
            conn.execute(update(entities).where(entities.c.id == entity_id).values(**values))


def restore_links(conn: Connection, links: dict) -> None:
    """Each link back to its old entity, where it still has the value the correction gave it."""
    for name, groups in links.items():
        table, col = LINKS[name]
        for old, new, ids in groups:
            for part in _chunks(ids):
                now = col.is_(None) if new is None else col == new
                conn.execute(update(table).where(table.c.id.in_(part), now).values({col.name: old}))


def restore_participants(conn: Connection, removed: list, added: list) -> None:
    p = event_participants.c
    for report_id, entity_id, role in added:
        conn.execute(delete(event_participants).where(p.report_id == report_id, p.entity_id == entity_id,
                                                      p.role == role))
    for report_id, entity_id, role in removed:
        present = conn.execute(select(p.report_id).where(p.report_id == report_id, p.entity_id == entity_id,
                                                         p.role == role)).first()
        report = conn.execute(select(event_reports.c.id).where(event_reports.c.id == report_id)).first()
        if report and not present:
            conn.execute(insert(event_participants).values(report_id=report_id, entity_id=entity_id, role=role))


def restore_aliases(conn: Connection, rows: list, keep: set[int], keys: set[str]) -> None:
    """Alias rows [id, before, after] back as before. Rows the correction added are deleted,
    except those of entities in ``keep`` whose key is not in ``keys``."""
    for alias_id, old, new in rows:
        if old is None:
            if not (new[0] in keep and new[2] not in keys):
                conn.execute(delete(entity_aliases).where(entity_aliases.c.id == alias_id))
            continue
        values = dict(zip(_ALIAS_COLS, old))
        there = conn.execute(select(entity_aliases.c.id).where(entity_aliases.c.id == alias_id)).first()
        if there and new is not None:
            conn.execute(update(entity_aliases).where(entity_aliases.c.id == alias_id).values(**values))
        elif there:  # a deleted row's id since reused (SQLite reuses the highest): a fresh id
            conn.execute(insert(entity_aliases).values(**values))
        else:
            conn.execute(insert(entity_aliases).values(id=alias_id, **values))


def linked(conn: Connection, entity_id: int) -> bool:
    """Whether any mention, quote, event report, event or participant row names the entity."""
    for table, col in (*LINKS.values(), (event_participants, event_participants.c.entity_id)):
        if conn.execute(select(col).where(col == entity_id).limit(1)).first():
            return True
    return False


def entity_exists(conn: Connection, entity_id: int) -> bool:
    return conn.execute(select(entities.c.id).where(entities.c.id == entity_id)).first() is not None



def delete_entity(conn: Connection, entity_id: int) -> None:
    conn.execute(delete(entity_aliases).where(entity_aliases.c.entity_id == entity_id))
    conn.execute(delete(entities).where(entities.c.id == entity_id))
