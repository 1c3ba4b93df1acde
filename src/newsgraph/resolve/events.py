"""Merged reports: each record event becomes an ``event_reports`` row attached to one ``events`` row.

A report joins an existing event when all hold:
  - the same PLOVER type;
  - a compatible date: the same TIMEX3 value, or one side's date unknown (no value, or a
    vague one such as PAST_REF or P3D) and the articles published within WINDOW_DAYS;
  - overlapping participants: its actors and targets (corpus entity ids) share an entity
    with those of the event's reports. A report naming nobody starts its own event.
Candidates come from two index look-ups (events by type and date; reports by type among
articles published in the window), never a scan. Among several candidates the one sharing
the most participants wins (then the oldest).
``events.reports`` is the number of distinct articles reporting the event. Disagreements
(``events.contradictions``) are computed over all its reports after every change:
  - "amount": per unit, different amounts; "date": different known dates; "actors": two
    reports whose actor sets are both non-empty and disjoint.
Each value lists its report ids, article ids and its number of distinct stories: reports of
near-duplicate articles (one story_id) agree as one source, so a figure repeated by copies
of one wire story counts once ("stories": 1), however many copies were ingested.
Limits: modality is kept per report but not compared (a "planned" call and the call itself
merge); no place comparison; dates are compared as strings (2025-04 vs 2025-04-01 differ).
"""

from __future__ import annotations

import re
from datetime import date, timedelta

from ..store.graph import Graph

__all__ = ["resolve_events", "WINDOW_DAYS", "known_date"]

WINDOW_DAYS = 2
_DATED = re.compile(r"^\d{4}(-\d\d){0,2}(T.*)?$")


def known_date(value: str | None) -> str | None:
    """A TIMEX3 value that fixes a date (2025-04-01, 2025-04, 2025-W13 is not), else None."""
    return value if value and _DATED.match(value) else None


def _window(published: str | None) -> tuple[str | None, str | None]:
    try:
        day = date.fromisoformat((published or "")[:10])
    except ValueError:
        return None, None
    return (day - timedelta(days=WINDOW_DAYS)).isoformat(), (day + timedelta(days=WINDOW_DAYS)).isoformat()


def _amounts(event: dict, record: dict) -> list[dict]:
    quantities = record.get("quantities", [])
    out = []
    for i in event.get("quantities") or []:
        if 0 <= i < len(quantities):
            q = quantities[i]
            out.append({"amount": q["amount"], "unit": q.get("unit"), "text": q["text"]})
    return out


def _pick(graph: Graph, etype: str, when: str | None, window, people: set[int]) -> int | None:
    candidates = graph.event_candidates(etype, when, *window)
    if not candidates or not people:
        return None
    overlap: dict[int, int] = {}
    for report in graph.event_reports(candidates):
        if when and known_date(report["time_value"]) not in (None, when):
            continue
        shared = len(people & (report["actors"] | report["targets"]))
        if shared:
            overlap[report["event_id"]] = max(overlap.get(report["event_id"], 0), shared)
    if not overlap:
        return None
    return sorted(overlap.items(), key=lambda kv: (-kv[1], kv[0]))[0][0]


def resolve_events(graph: Graph, article_id: str, record: dict, entity_ids: dict[str, int],
                   published: str | None = None) -> list[int]:
    """Attach an article's record events to corpus events; the ids of the events it reports.

    Re-resolving an article first removes its earlier reports, so it is idempotent.
    """
    touched = set(graph.drop_article_reports(article_id))
    published = published or record.get("document", {}).get("published")
    window = _window(published)
    mine: list[int] = []
    for ev in record.get("events") or []:
        actors = {entity_ids[k] for k in ev.get("actors") or [] if k in entity_ids}
        targets = {entity_ids[k] for k in ev.get("targets") or [] if k in entity_ids}
        time_value = (ev.get("time") or {}).get("value")
        when = known_date(time_value)
        place = entity_ids.get(ev.get("place") or "")
        event_id = _pick(graph, ev["type"], when, window, actors | targets)
        if event_id is None:
            event_id = graph.create_event(ev["type"], when, place)
        trigger, sentence = ev.get("trigger") or {}, ev.get("sentence") or {}
        graph.add_report({
            "event_id": event_id, "article_id": article_id, "type": ev["type"], "mode": ev.get("mode"),
            "context": _json(ev.get("context") or []), "modality": ev.get("modality") or "asserted",
            "trigger": trigger.get("text", ""), "sentence_start": sentence.get("start", 0),
            "sentence_end": sentence.get("end", 0), "time_value": time_value, "place_entity_id": place,
            "attributed_entity_id": entity_ids.get(ev.get("attributed_to") or ""),
            "attributed_text": ev.get("attributed_text"), "amounts": _json(_amounts(ev, record)),
        }, [(e, "actor") for e in actors] + [(e, "target") for e in targets])
        touched.add(event_id)
        mine.append(event_id)
    for event_id in sorted(touched):
        refresh_event(graph, event_id)
    return mine


def refresh_event(graph: Graph, event_id: int) -> None:
    """Recount an event's reports, settle its date, recompute its contradictions."""
    reports = graph.event_reports([event_id])
    dates = [known_date(r["time_value"]) for r in reports if known_date(r["time_value"])]
    settled = max(set(dates), key=lambda d: (dates.count(d), d)) if dates else None
    graph.update_event(event_id, len({r["article_id"] for r in reports}), settled, contradictions(reports))


def _value_entry(value, group: list[dict]) -> dict:
    return {"value": value, "reports": [r["id"] for r in group], "articles": sorted({r["article_id"] for r in group}),
            "outlets": sorted({r["outlet"] for r in group if r["outlet"]}),
            "stories": len({r["story_id"] for r in group})}


def contradictions(reports: list[dict]) -> list[dict]:
    import json

    out = []
    by_unit: dict[str | None, dict[float, list[dict]]] = {}
    for r in reports:
        for a in json.loads(r["amounts"] or "[]"):
            by_unit.setdefault(a.get("unit"), {}).setdefault(float(a["amount"]), [])
            if r not in by_unit[a.get("unit")][float(a["amount"])]:
                by_unit[a.get("unit")][float(a["amount"])].append(r)
    for unit, values in by_unit.items():
        if len(values) > 1:
            out.append({"field": "amount", "unit": unit,
                        "values": [_value_entry(_number(v), g) for v, g in sorted(values.items())]})
    dates: dict[str, list[dict]] = {}
    for r in reports:
        if known_date(r["time_value"]):
            dates.setdefault(r["time_value"], []).append(r)
    if len(dates) > 1:
        out.append({"field": "date", "values": [_value_entry(v, g) for v, g in sorted(dates.items())]})
    actor_sets = {tuple(sorted(r["actors"])) for r in reports if r["actors"]}
    if any(not set(a) & set(b) for a in actor_sets for b in actor_sets if a < b):
        out.append({"field": "actors", "values": [
            _value_entry(list(s), [r for r in reports if tuple(sorted(r["actors"])) == s]) for s in sorted(actor_sets)]})
    return out


def _number(value: float) -> float | int:
    return int(value) if value.is_integer() else value


def _json(value) -> str:
    import json

    return json.dumps(value, ensure_ascii=False)
