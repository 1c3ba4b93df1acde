"""User corrections that persist: alias files, merges, splits, and their log.

Every correction changes the entities at once and is logged in ``entity_corrections``
(JSON payload, naming entities by name and type, never by id, so a log replays into
another database). Later ingests respect them through the aliases they leave behind:
  - alias "alias -> canonical": a "user" alias, which resolution tries first, for names and
    for each mention's surface form;
  - merge A B: B's mentions, quotes, event participants and aliases move to A, B is deleted;
    B's names are A's aliases from then on;
  - split ENTITY ALIAS: mentions written ALIAS (folded) move to a new entity named ALIAS,
    and ALIAS becomes its "user" alias, so later mentions written ALIAS go there too.
Alias files are CSV (``alias,canonical[,type]``), not YAML or JSON: analysts keep such lists
in spreadsheets, CSV needs no extra package, and one line per alias diffs well.
Each logged payload also keeps, under "undo", what the correction changed (``undo.py``), so
``undo.undo_last`` can take back the newest one exactly; export leaves it out (ids are
database-specific) and import records its own.
Limits: a merge is not undone by a later split of the same name (split it explicitly, or
undo it); names that match several entities are refused (use "#<id>").
"""

from __future__ import annotations

import csv
import json
from pathlib import Path

from ..errors import AmbiguousNameError, CorrectionError, InputError, NotFoundError
from ..store.graph import EntityRow, Graph
from .entities import entity_for_name
from .keys import CORPUS_TYPES, alias_key
from .names import entity_named
from .undo import Recorder

__all__ = ["find_entity", "add_alias", "load_alias_file", "merge", "split",
           "export_corrections", "import_corrections"]


def find_entity(graph: Graph, name: str, type_: str | None = None) -> EntityRow:
    """The one entity ``name`` names by the rule of ``resolve.names`` ("#12" for an id), of type
    ``type_`` when given; else a CorrectionError saying why."""
    try:
        row, _others = entity_named(graph.conn, name)
    except (NotFoundError, AmbiguousNameError) as exc:
        raise CorrectionError(str(exc)) from None
    found = graph.entity(row["id"])
    if found is None or (type_ is not None and found.type != type_):
        raise CorrectionError(f"no entity of type {type_} named {name!r}")
    return found


def add_alias(graph: Graph, alias: str, canonical: str, type_: str | None = None, log: bool = True,
              recorder: Recorder | None = None) -> int:
    """Make ``alias`` a user alias of ``canonical`` (created when unknown); the entity id.
    Its undo steps go to ``recorder`` when given (a correction made of several)."""
    if type_ and type_ not in CORPUS_TYPES:
        raise CorrectionError(f"type {type_!r} is not one of {', '.join(CORPUS_TYPES)}")
    rec = recorder or Recorder(graph)
    try:
        entity = find_entity(graph, canonical, type_)
        entity_id = entity.id
    except CorrectionError as exc:
        if "several" in str(exc):
            raise
        with rec.watch():  # whatever it creates
            entity_id = entity_for_name(graph, canonical, type_ or "person", (type_ or "person").upper())
    key = alias_key(alias)
    with rec.watch(keys={key}):
        held = graph.aliases_for([key])
        if any(h.entity_id == entity_id for h in held):
            graph.move_alias(key, entity_id, entity_id, "user")  # upgrade to a user alias
        else:
            graph.add_aliases([(entity_id, alias, key, "user")])
        # Other entities' "user" claims on this alias would compete: the latest correction wins.
        for h in held:
            if h.entity_id != entity_id and h.origin == "user":
                graph.move_alias(key, h.entity_id, h.entity_id, "analysis")
    if log:
        graph.log_correction("alias", rec.payload({"alias": alias, "canonical": canonical, "type": type_}, entity_id))
    return entity_id


def load_alias_file(graph: Graph, path: Path) -> int:
    """Apply every row of a CSV alias file; the number of aliases. Header row optional."""
    count = 0
    with Path(path).open(encoding="utf-8", newline="") as handle:
        for line_no, row in enumerate(csv.reader(handle), 1):
            cells = [c.strip() for c in row]
            if not cells or not any(cells) or cells[0].startswith("#") or (line_no == 1 and cells[0] == "alias"):
                continue
            if len(cells) < 2 or not cells[0] or not cells[1]:
                raise InputError(str(path), f"line {line_no}: expected alias,canonical[,type], got {row!r}")
            try:
                add_alias(graph, cells[0], cells[1], cells[2] if len(cells) > 2 and cells[2] else None)
            except CorrectionError as exc:
                raise InputError(str(path), f"line {line_no}: {exc}") from exc
            count += 1
    return count


def merge(graph: Graph, keep: str, gone: str, log: bool = True) -> int:
    """Merge entity ``gone`` into ``keep``; the id kept."""
    a, b = find_entity(graph, keep), find_entity(graph, gone)
    if a.id == b.id:
        raise CorrectionError(f"{keep!r} and {gone!r} are the same entity (#{a.id})")
    names = [x["alias"] for x in graph.entity_aliases(b.id) if x["origin"] in ("analysis", "user")]
    rec = Recorder(graph)
    with rec.watch(ids={a.id, b.id}):
        graph.merge_entities(a.id, b.id)
        if b.ids:
            graph.set_entity_ids(a.id, {**b.ids, **a.ids})
    if log:
        graph.log_correction("merge", rec.payload({"keep": a.name, "keep_type": a.type, "gone": b.name,
                                                   "gone_type": b.type, "gone_aliases": sorted(set(names) | {b.name})},
                                                  a.id))
    return a.id


def split(graph: Graph, entity: str, alias: str, log: bool = True) -> int:
    """Move the mentions of ``entity`` written ``alias`` to a new entity; its id."""
    source = find_entity(graph, entity)
    key = alias_key(alias)
    rec = Recorder(graph)
    with rec.watch(ids={source.id}, keys={key}, fold_into=source.id):
        new_id = graph.create_entity(alias, source.type, source.label, {})
        moved = [(mention_id, new_id) for mention_id, text in graph.entity_mentions(source.id)
                 if alias_key(text) == key]
        graph.link_mentions(moved)
        if graph.aliases_for([key]) and any(h.entity_id == source.id for h in graph.aliases_for([key])):
            graph.move_alias(key, source.id, new_id, "user")
        else:
            graph.add_aliases([(new_id, alias, key, "user")])
    if log:
        graph.log_correction("split", rec.payload({"entity": source.name, "type": source.type, "alias": alias,
                                                   "mentions": len(moved)}, new_id))
    return new_id


def export_corrections(graph: Graph, path: Path) -> int:
    """Write the log as JSON Lines (one correction a line), without undo data; the number written."""
    rows = graph.corrections()
    with Path(path).open("w", encoding="utf-8") as handle:
        for row in rows:
            row = {**row, "payload": {k: v for k, v in row["payload"].items() if k != "undo"}}
            handle.write(json.dumps(row, ensure_ascii=False, sort_keys=True) + "\n")
    return len(rows)


def import_corrections(graph: Graph, path: Path) -> int:
    """Replay an exported log: aliases and merges by name, splits where the entity exists."""
    count = 0
    for line_no, line in enumerate(Path(path).read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip():
            continue
        try:
            row = json.loads(line)
            action, p = row["action"], {k: v for k, v in row["payload"].items() if k != "undo"}
        except (ValueError, KeyError) as exc:
            raise InputError(str(path), f"line {line_no}: not a correction exported by newsgraph ({exc})") from exc
        if action == "alias":
            add_alias(graph, p["alias"], p["canonical"], p.get("type"))
        elif action == "merge":
            # In another database B may be absent or known under its aliases: claim them all.
            rec = Recorder(graph)
            keep_id = add_alias(graph, p["keep"], p["keep"], p.get("keep_type"), log=False, recorder=rec)
            for name in p.get("gone_aliases") or [p["gone"]]:
                for hit in graph.aliases_for([alias_key(name)]):
                    if hit.entity_id != keep_id and graph.entity(hit.entity_id):
                        with rec.watch(ids={keep_id, hit.entity_id}):
                            graph.merge_entities(keep_id, hit.entity_id)
                add_alias(graph, name, f"#{keep_id}", log=False, recorder=rec)
            graph.log_correction("merge", rec.payload(p, keep_id))
        elif action == "split":
            try:
                split(graph, p["entity"], p["alias"])
            except CorrectionError:
                rec = Recorder(graph)
                with rec.watch():
                    entity_for_name(graph, p["alias"], p.get("type") or "person")
                add_alias(graph, p["alias"], p["alias"], p.get("type"), recorder=rec)
        else:
            raise InputError(str(path), f"line {line_no}: unknown correction {action!r}")
        count += 1
    return count
