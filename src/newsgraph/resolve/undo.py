"""Undoing corrections, newest first, exactly.

When a correction is made, a ``Recorder`` snapshots the rows it can touch (``store.graph_snapshot``:
the entities involved, their aliases and the alias rows of the names concerned, and every
mention, quote speaker, event report place and attribution, event place, event phrase standing
for them and event participant naming them) before and after each step, and keeps what changed
under the payload's "undo" key::

    "undo": {"entity": 12,                      # the entity the correction is about (for listings)
             "steps": [{"entities": [[id, before, after], ...],        # rows as [name, type, label, ids, created_at]
                        "aliases": [[id, before, after], ...],         # rows as [entity_id, alias, alias_key, origin]
                        "links": {"mentions": [[old_entity, new_entity, [row ids]]], "quotes": ...,
                                  "report_place": ..., "report_attributed": ..., "event_place": ...,
                                  "phrase_refers": ...},
                        "participants": {"removed": [[report, entity, role]], "added": [...]},
                        "keys": [alias keys watched], "fold_into": entity id or null}]}

``undo_last`` puts the steps' "before" back in reverse order and removes the correction from
the log, in the caller's transaction: it is all or nothing. Ids are database-specific, so
export-corrections leaves "undo" out and import-corrections records its own.
Limits: a link changed since by something other than a correction (a re-ingested article)
keeps its new value; an entity created by an alias correction stays when something links
to it by now; a removed entity whose id has been taken since (SQLite reuses the highest id)
cannot be re-created, and the undo is refused.
"""

from __future__ import annotations

from contextlib import contextmanager

from ..errors import CorrectionError
from ..store.graph import Graph
from ..store.graph_snapshot import (delete_entity, diff, entity_exists, linked, max_ids, restore_aliases,
                                    restore_entities, restore_links, restore_participants, snapshot)

__all__ = ["Recorder", "undo_last", "describe", "undoable"]


class Recorder:
    """The undo steps of one correction, recorded as it is applied."""

    def __init__(self, graph: Graph):
        self.graph = graph
        self.steps: list[dict] = []
        self.exact = True
        graph.lock_for_resolution()  # no ingest creates entities or aliases between the snapshots

    @contextmanager
    def watch(self, ids=(), keys=(), fold_into: int | None = None):
        """Record what the block changes among entities ``ids``, the alias keys ``keys`` and
        whatever it creates. ``fold_into``: where an entity it creates goes back on undo."""
        conn = self.graph.conn
        top_entity, top_alias = max_ids(conn)
        before = snapshot(conn, set(ids), set(keys))
        yield
        after = snapshot(conn, set(ids), set(keys), entity_above=top_entity, alias_above=top_alias)
        step, exact = diff(before, after)
        self.exact = self.exact and exact
        if step["entities"] or step["aliases"] or step["links"] or any(step["participants"].values()):
            self.steps.append({**step, "keys": sorted(keys), "fold_into": fold_into})

    def payload(self, payload: dict, entity_id: int) -> dict:
        """``payload`` with the undo data (null when a step could not be recorded exactly)."""
        return {**payload, "undo": {"entity": entity_id, "steps": self.steps} if self.exact else None}


def undoable(row: dict) -> bool:
    return bool(row["payload"].get("undo"))


def describe(row: dict) -> str:
    """One line: "merge: RUSI into Royal United Services Institute (#3)"."""
    p, action = row["payload"], row["action"]
    entity = (p.get("undo") or {}).get("entity")
    ref = f" (#{entity})" if entity else ""
    if action == "merge":
        return f"merge: {p.get('gone')} into {p.get('keep')}{ref}"
    if action == "split":
        count = p.get("mentions")
        mentions = f", {count} mention{'s' if count != 1 else ''}" if count is not None else ""
        return f"split: {p.get('alias')} from {p.get('entity')} into a new entity{ref}{mentions}"
    if action == "alias":
        return f"alias: {p.get('alias')} -> {p.get('canonical')}{ref}"
    return f"{action}: " + ", ".join(f"{k}={v}" for k, v in sorted(p.items()) if k != "undo")


def undo_last(graph: Graph) -> dict:
    """Undo the newest correction of the log and remove it from the log; the correction."""
    graph.lock_for_resolution()
    found = graph.correction_log(last=True)
    if not found:
        raise CorrectionError("nothing to undo: the correction log is empty")
    row = found[0]
    if not undoable(row):
        raise CorrectionError(f"correction #{row['number']} ({describe(row)}) cannot be undone exactly: it was logged "
                              "without undo data (imported from an older log?); correct it by hand instead")
    for step in reversed(row["payload"]["undo"]["steps"]):
        _undo_step(graph, step)
    graph.drop_correction(row["number"])
    return row


def _undo_step(graph: Graph, step: dict) -> None:
    conn = graph.conn
    for entity_id, old, new in step["entities"]:
        if old is not None and new is None and entity_exists(conn, entity_id):
            raise CorrectionError(f"cannot re-create {old[0]!r} as #{entity_id} exactly: that id belongs to another entity now")
        if old is not None and new is not None and not entity_exists(conn, entity_id):
            raise CorrectionError(f"cannot undo exactly: entity #{entity_id} ({new[0]!r}) no longer exists")
    restore_entities(conn, step["entities"])
    restore_links(conn, step["links"])
    restore_participants(conn, step["participants"]["removed"], step["participants"]["added"])
    created = [entity_id for entity_id, old, _ in step["entities"] if old is None and entity_exists(conn, entity_id)]
    fold = step.get("fold_into")
    if fold is not None and not entity_exists(conn, fold):
        fold = None
    kept = {c for c in created if fold is None and linked(conn, c)}
    restore_aliases(conn, step["aliases"], kept, set(step["keys"]))
    for entity_id in created:
        if fold is not None:
            graph.merge_entities(fold, entity_id)  # mentions linked to it since go back too
        elif entity_id not in kept:
            delete_entity(conn, entity_id)
