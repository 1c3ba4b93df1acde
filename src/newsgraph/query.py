"""The read API: every front end (CLI, HTTP API, web pages, exports) asks here.

Functions take an open :class:`~newsgraph.store.Store` and return typed records
(``query_records.py``), so the front ends never build SQL and never disagree. The
SQL lives in the store package (``store/queries*.py``); user input reaches it only
as bound parameters. Dates (since, until) are YYYY, YYYY-MM or YYYY-MM-DD prefixes,
both ends inclusive; an event's date is its TIMEX3 value when that is a calendar
value, else the publication date. Lists are paged with limit/offset.

Entities are named one way everywhere (:func:`resolve_entity`): an int or "#12" is
an id; any other text is a name or an alias, and bare digits are a name too. A name
that several entities hold is refused (AmbiguousNameError lists them with their ids).

What answers what: ``entity`` entity_profile, ``entities show`` entity_summary,
``entities list`` list_entities, ``entities corrections`` correction_log, ``actors``
top_actors, ``quotes`` who_said_what, ``timeline`` timeline, ``events`` search_events,
``search`` search_text, ``network`` actor_network, exports iter_event_reports and
iter_records.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass

import networkx as nx

from .errors import AmbiguousNameError, ConfigError, NotFoundError
from .query_records import (
    ATTRIBUTIONS, CONFLICTUAL, COOPERATIVE, MODALITIES, PLOVER_TYPES, EntityProfile, EntityRef, EntitySummary, Event, EventReport,
    Participant, QuoteRef, Source, Statement, TextHit, lead_report, participant_label, polarity, who_to_whom,
)
from .resolve.names import entity_named
from .resolve.undo import describe, undoable
from .store import Store, StoreInfo
from .store import queries as Q
from .store import queries_events as QE
from .store import queries_text as QT
from .store.graph import Graph

__all__ = [
    "ACTOR_TYPES", "Overview", "overview", "top_actors", "list_articles", "outlets",
    "NotFoundError", "AmbiguousNameError", "resolve_entity", "entity_profile", "entity_summary", "list_entities",
    "correction_log", "who_said_what", "timeline", "search_events", "actor_network", "search_text",
    "iter_event_reports", "iter_records",
    "NETWORK_MODALITIES", "COUNT_CAPS", "COOPERATIVE", "CONFLICTUAL", "PLOVER_TYPES", "MODALITIES", "SHOWN",
    "ATTRIBUTIONS",
    "Source", "EntityRef", "Participant", "QuoteRef", "Statement", "EventReport", "Event", "EntityProfile",
    "EntitySummary", "TextHit", "participant_label", "who_to_whom", "lead_report",
]

# Entity types that can act or be acted upon (others: places as such, laws, works).
ACTOR_TYPES = ("PERSON", "ORG", "GPE", "NORP")

# What the actor network counts: events said to happen, have happened or be planned;
# negated and hypothetical ones did not happen.
NETWORK_MODALITIES = ("asserted", "claimed", "planned")

# Which event reports a list shows (store/queries_events.py): "edge", a resolved actor and a
# resolved target (what the network draws; the overview's latest events); "resolved", a corpus
# entity among the participants (the CSV export); "participants", anyone named, by name or by
# phrase (events, timeline). A report naming nobody is in no list: the article reader marks it
# and the full-text search finds its sentence.
SHOWN = QE.SHOWN


# Profile counts stop at these figures: one equal to its cap means "at least". Exact
# totals for the most mentioned entities would cost more than the rest of the profile;
# statements about an entity (a span test per quote) cost the most, so stop earliest.
COUNT_CAPS = {"mentions": 10_000, "articles": 10_000, "statements_by": 10_000, "statements_about": 1_000}
# From this many rows (mentions, quotes, reports) on, an entity is "common": see _common.
COMMON = 2_000


@dataclass(frozen=True)
class Overview:
    info: StoreInfo
    actors: list[dict]
    articles: list[dict]
    statements: list = ()  # the latest Statements: who said what
    outlets: list = ()  # the outlets with most articles (see outlets())


def top_actors(store: Store, limit: int = 15, types: tuple[str, ...] = ACTOR_TYPES) -> list[dict]:
    """Actors by number of mentions: name, type, mentions, articles, entity_id.

    name and type are the analysis's (PERSON, ORG, ...); entity_id is the corpus entity
    those mentions resolve to, the one to link to (None until resolution has run).
    """
    _page(limit, 0)
    with Q.reading(store) as conn:
        return Q.top_actors(conn, limit, types)


def outlets(store: Store, limit: int = 50, offset: int = 0) -> list[dict]:
    """Outlets over all articles, most articles first: outlet, articles, stories, first and last publication date.

    stories counts independent reports (distinct story ids: near-duplicates count once).
    Articles without an outlet are left out.
    """
    _page(limit, offset)
    with Q.reading(store) as conn:
        return Q.outlets(conn, limit, offset)


_outlets = outlets  # overview() has a parameter of the same name


def list_articles(store: Store, limit: int = 50, offset: int = 0) -> list[dict]:
    """Articles, newest publication date first."""
    return store.list_articles(limit=limit, offset=offset)


def overview(store: Store, actors: int = 20, articles: int = 10, statements: int = 0, outlets: int = 0) -> Overview:
    """Corpus figures, the most mentioned actors, the latest articles and, if asked, statements and outlets."""
    said = who_said_what(store, limit=statements) if statements else []
    return Overview(info=store.info(), actors=top_actors(store, actors), articles=list_articles(store, articles),
                    statements=said, outlets=_outlets(store, outlets) if outlets else [])


# -- checks and look-ups ---------------------------------------------------

def _page(limit: int, offset: int) -> None:
    if limit < 1 or offset < 0:
        raise ConfigError(f"limit must be at least 1 and offset at least 0 (got limit {limit}, offset {offset})")


def _dates(since: str | None, until: str | None) -> None:
    try:
        Q.check_dates(since, until)
    except ValueError as exc:
        raise ConfigError(f"{exc} (since/until)") from None


def _type(value: str | None) -> str | None:
    if value is None:
        return None
    if value.upper() not in PLOVER_TYPES:
        raise ConfigError(f"event type {value!r} is not a PLOVER type; use one of {', '.join(PLOVER_TYPES)}")
    return value.upper()


def _shown(value: str) -> str:
    if value not in SHOWN:
        raise ConfigError(f"shown {value!r} is not one of {', '.join(SHOWN)}")
    return value


def parse_attributions(value: str | None) -> tuple[str, ...] | None:
    """The attributions a who-said-what asks for: one of ATTRIBUTIONS, several joined by commas,
    or "all" (None: no filter)."""
    if value is None or value.strip().lower() == "all":
        return None
    chosen = tuple(dict.fromkeys(v.strip().lower() for v in value.split(",") if v.strip()))
    wrong = [v for v in chosen if v not in ATTRIBUTIONS]
    if wrong or not chosen:
        raise ConfigError(f"attribution {value!r} is not one of {', '.join(ATTRIBUTIONS)} or all "
                          "(several joined by commas: speech,belief)")
    return chosen


def _modality(value: str | None) -> str | None:
    if value is not None and value.lower() not in MODALITIES:
        raise ConfigError(f"modality {value!r} is not one of {', '.join(MODALITIES)}")
    return value.lower() if value else None


_OTHERS = 9  # the most "may also mean" entities a profile lists


def _resolve(conn, entity: int | str) -> tuple[dict, list[dict]]:
    """The entity meant, and a few others that hold the name only as an alias (resolve.names)."""
    row, others = entity_named(conn, entity)
    return row, others[:_OTHERS]


def _entity_ids(conn, entity: int | str | None) -> list[int] | None:
    """[the id of the entity named] for a filter, or None when the filter is not asked for."""
    return None if entity is None else [_resolve(conn, entity)[0]["id"]]


def _common(conn, entity_id: int, kind: str = "mentions") -> bool:
    """Whether an entity has so many rows of a kind that queries should walk newest first.

    Walking costs about limit x total / matches probes, collecting costs the matches:
    past COMMON rows, walking wins. Decided per kind, as a state mentioned everywhere
    may never speak.
    """
    if kind == "mentions":
        return Q.mention_count(conn, [entity_id], COMMON) >= COMMON
    if kind == "quotes":
        return Q.speaker_quote_count(conn, entity_id, COMMON) >= COMMON
    return QE.participation_count(conn, entity_id, kind, COMMON) >= COMMON


def _ref(row: dict) -> EntityRef:
    return EntityRef(row["id"], row["name"], row["type"])


def _ids(row: dict) -> dict:
    return json.loads(row["ids"]) if row["ids"] else {}


def _reports(conn, rows: list[dict]) -> list[EventReport]:
    people = QE.participants_of(conn, [r["id"] for r in rows])
    return [EventReport.of(r, people.get(r["id"], [])) for r in rows]


def _roles(name: str) -> list[str]:
    # Offices from the resolver's role table (office holders by date); best effort
    # until resolution stores roles with entities.
    try:
        from .resolve import roles
        terms = roles._terms()  # noqa: SLF001 - no public accessor yet
    except Exception:  # the table is optional data: no roles rather than no profile
        return []
    return sorted(f"{t.office} ({t.country}) {t.start}–{t.end or ''}"
                  for group in terms.values() for t in group if t.holder == name)


# -- entities ----------------------------------------------------------------

def resolve_entity(store: Store, entity: int | str) -> EntityRef:
    """The one entity ``entity`` names (an id, "#id", a name or an alias; see _resolve for the rule).

    NotFoundError when none does; AmbiguousNameError, listing them, when several do.
    """
    with Q.reading(store) as conn:
        return _ref(_resolve(conn, entity)[0])


def list_entities(store: Store, type: str | None = None, limit: int = 50) -> list[dict]:
    """Corpus entities by number of mentions: id, name, type, mentions, articles; only ``type`` if given."""
    with Q.reading(store) as conn:
        return Q.list_entities(conn, type, limit)


def entity_summary(store: Store, entity: int | str) -> EntitySummary:
    """One entity with its aliases (and their origin) and exact counts of mentions, articles, quotes, event reports."""
    with Q.reading(store) as conn:
        row, _ = _resolve(conn, entity)
        eid = row["id"]
        counts = Q.entity_counts(conn, eid, None)
        return EntitySummary(
            id=eid, name=row["name"], type=row["type"], label=row["label"], ids=_ids(row),
            aliases=Q.entity_alias_origins(conn, eid), mentions=counts["mentions"], articles=counts["articles"],
            quotes=counts["statements_by"], events=QE.participation_count(conn, eid, None, None),
        )


def correction_log(store: Store) -> list[dict]:
    """The corrections made so far, oldest first: number, date, action, description, undoable, payload.

    The payload leaves out the undo data (database-specific ids); the last row is what
    ``resolve.undo.undo_last`` takes back.
    """
    with Q.reading(store) as conn:
        rows = Graph(conn).correction_log()
    return [{"number": r["number"], "date": r["created_at"], "action": r["action"], "description": describe(r),
             "undoable": undoable(r), "payload": {k: v for k, v in r["payload"].items() if k != "undo"}}
            for r in rows]


# -- the queries -------------------------------------------------------------

def entity_profile(store: Store, entity: int | str, limit: int = 20) -> EntityProfile:
    """Who an entity is, what it said, what was said about it, what it did and suffered.

    Lists hold the newest ``limit`` items (events: the newest reports by publication date); ``counts`` holds the totals, up to COUNT_CAPS.
    """
    _page(limit, 0)
    with Q.reading(store) as conn, Q.serial(conn):
        row, others = _resolve(conn, entity)
        eid = row["id"]
        common = _common(conn, eid)
        counts = Q.entity_counts(conn, eid, COUNT_CAPS["mentions"])
        counts["statements_about"] = Q.quotes_about_count(conn, [eid], COUNT_CAPS["statements_about"])
        # A common entity's pages walk articles newest first: dated and undated apart, so the
        # walk reads an index backwards (see Q.newest_first_ids); a rare one's few rows are collected.
        speaks = _common(conn, eid, "quotes")
        by = Q.quotes_page(conn, speaker_ids=[eid], speaker_common=speaks, limit=limit, undated_apart=speaks)
        about = Q.quotes_page(conn, about_ids=[eid], about_common=common, limit=limit, undated_apart=common)
        # The newest reports (by publication), so a leading actor's page is read off an index.
        acted, suffered = (
            QE.reports_page(conn, entity_ids=[eid], role=role, walk=_common(conn, eid, role), by_published=True,
                            limit=limit)
            for role in ("actor", "target")
        )
        return EntityProfile(
            entity=_ref(row), label=row["label"], ids=_ids(row),
            aliases=Q.entity_aliases_of(conn, eid), roles=_roles(row["name"]), counts=counts,
            statements_by=[Statement.of(r) for r in by], statements_about=[Statement.of(r) for r in about],
            events_as_actor=_reports(conn, acted), events_as_target=_reports(conn, suffered),
            others=[_ref(o) for o in others],
        )


def who_said_what(
    store: Store, speaker: int | str | None = None, about: int | str | None = None, since: str | None = None,
    until: str | None = None, outlet: str | None = None, limit: int = 50, offset: int = 0,
    rules_only: bool = False, attribution: str | None = "speech",
) -> list[Statement]:
    """Quotes, newest publication first: by a speaker, mentioning an entity inside the quote, or both.

    A speaker not (yet) resolved to an entity is matched by the analysis's speaker name.
    ``rules_only`` leaves out the quotes the learned model found (Statement.found_by "model").
    ``attribution``: what was said (speech, the default), or belief, intention, stance, several
    joined by commas, or "all". Quotes stored before the store kept it count as speech.
    """
    _page(limit, offset)
    _dates(since, until)
    attributions = parse_attributions(attribution)
    with Q.reading(store) as conn:
        speaker_ids = speaker_names = None
        speaker_common = False
        if speaker is not None:
            try:
                row, _ = _resolve(conn, speaker)
                speaker_ids, speaker_names = [row["id"]], [row["name"]]
                speaker_common = _common(conn, row["id"], "quotes")
            except NotFoundError:
                speaker_ids, speaker_names = [], [" ".join(str(speaker).split())]
        about_ids = _entity_ids(conn, about)
        common = about_ids is not None and _common(conn, about_ids[0])
        rows = Q.quotes_page(conn, speaker_ids=speaker_ids, speaker_names=speaker_names, about_ids=about_ids,
                             since=since, until=until, outlet=outlet, about_common=common,
                             speaker_common=speaker_common, rules_only=rules_only, attributions=attributions,
                             limit=limit, offset=offset)
        return [Statement.of(r) for r in rows]


def timeline(
    store: Store, entity: int | str | None = None, type: str | None = None, modality: str | None = None,
    since: str | None = None, until: str | None = None, limit: int = 100, offset: int = 0,
    shown: str = "participants",
) -> list[EventReport]:
    """Event reports in date order (event date, else publication date), oldest first.

    Only reports that name someone (``shown``, see SHOWN; "edge" for those with a resolved actor and target).
    """
    _page(limit, offset)
    _dates(since, until)
    type, modality, shown = _type(type), _modality(modality), _shown(shown)
    with Q.reading(store) as conn:
        rows = QE.reports_page(conn, entity_ids=_entity_ids(conn, entity), type=type, modality=modality,
                               since=since, until=until, limit=limit, offset=offset, shown=shown)
        return _reports(conn, rows)


def search_events(
    store: Store, type: str | None = None, modality: str | None = None, actor: int | str | None = None,
    target: int | str | None = None, since: str | None = None, until: str | None = None,
    outlet: str | None = None, limit: int = 50, offset: int = 0, shown: str = "participants",
) -> list[Event]:
    """Merged events, latest first, with all their reports; an event matches when one report does.

    Only events with a report that names someone (``shown``, see SHOWN: "edge" for a resolved
    actor and target, as the overview lists them). ``lead_report`` picks the report a one-line
    list shows; contradictions are between different stories only.
    """
    _page(limit, offset)
    _dates(since, until)
    type, modality, shown = _type(type), _modality(modality), _shown(shown)
    with Q.reading(store) as conn:
        found = QE.events_page(conn, type=type, modality=modality, actor_ids=_entity_ids(conn, actor),
                               target_ids=_entity_ids(conn, target), shown=shown,
                               since=since, until=until, outlet=outlet, limit=limit, offset=offset)
        if not found:
            return []
        reports: dict[int, list[EventReport]] = {}
        for report in _reports(conn, QE.reports_page(conn, event_ids=[e["id"] for e in found], limit=None)):
            reports.setdefault(report.event_id, []).append(report)
    return [
        Event(e["id"], e["type"], polarity(e["type"]), e["date"],
              EntityRef(e["place_entity_id"], e["place_name"]) if e["place_entity_id"] else None,
              e["reports"], json.loads(e["contradictions"]) if e["contradictions"] else [], reports.get(e["id"], []))
        for e in found
    ]


def actor_network(
    store: Store, since: str | None = None, until: str | None = None, min_weight: int = 1,
    modalities: tuple[str, ...] = NETWORK_MODALITIES,
) -> nx.MultiDiGraph:
    """Who acted on whom: one edge actor -> target per PLOVER type (key = type).

    Edge attributes: event_type (also the label), polarity ('cooperation' or 'conflict',
    see query_records), weight (distinct events), reports, first and last date. Node
    attributes: label and name (the canonical name), entity_type. Not "type": GEXF and
    Gephi reserve it for edge direction. Edges below ``min_weight`` events are left out.
    """
    _dates(since, until)
    for m in modalities:
        _modality(m)
    graph = nx.MultiDiGraph()
    with Q.reading(store) as conn:
        edges = QE.network_edges(conn, since=since, until=until, modalities=modalities, min_weight=min_weight)
        nodes = QE.entities_by_ids(conn, {e["source"] for e in edges} | {e["target"] for e in edges})
    for eid, node in nodes.items():
        graph.add_node(eid, label=node["name"], name=node["name"], entity_type=node["type"] or "other")
    for e in edges:
        graph.add_edge(e["source"], e["target"], key=e["type"], event_type=e["type"], label=e["type"],
                       polarity=polarity(e["type"]), weight=e["events"], reports=e["reports"],
                       first=e["first"] or "", last=e["last"] or "")
    return graph


def search_text(store: Store, query: str, limit: int = 20, offset: int = 0) -> list[TextHit]:
    """Sentences and quotes matching a web-search-like query, best first.

    Words and "phrases" must all occur, ``OR`` between two terms allows either,
    ``-word`` excludes; any other punctuation is taken literally, never a syntax error.
    """
    _page(limit, offset)
    with Q.reading(store) as conn:
        rows = QT.search_hits(conn, query, limit, offset)
    return [
        TextHit(r["kind"], r["id"], r["snippet"] or r["text"], float(r["rank"]), r["speaker_name"],
                Source.of(r, r["start"], r["end"], r["text"]))
        for r in rows
    ]



# -- exports: whole tables, a batch at a time ---------------------------------

def _batches(store: Store, fetch, after, key) -> Iterator:
    """Keyset paging: ``fetch(conn, after)`` a batch at a time, each in a connection of its own,
    after the ``key`` of the last item, until a batch comes back empty."""
    while True:
        with Q.reading(store) as conn:
            batch = fetch(conn, after)
        if not batch:
            return
        yield from batch
        after = key(batch[-1])


def iter_event_reports(store: Store, batch: int = 2000, shown: str | None = None) -> Iterator[EventReport]:
    """Every event report (or those ``shown`` allows, see SHOWN) in id order, with participants,
    place, attribution, quote and source."""
    if shown is not None:
        _shown(shown)

    def fetch(conn, after: int) -> list[EventReport]:
        rows = QE.reports_after(conn, after, batch, shown)
        people = QE.participants_of(conn, [r["id"] for r in rows])
        return [EventReport.of(row, people.get(row["id"], [])) for row in rows]

    return _batches(store, fetch, 0, lambda report: report.id)


def iter_records(store: Store, batch: int = 500) -> Iterator[dict]:
    """Every stored analysis record (docs/analysis-json.md) in article id order, document.text restored."""
    rows = _batches(store, lambda conn, after: QT.records_after(conn, after, batch), "", lambda row: row["article_id"])
    for row in rows:
        record = json.loads(row["record"])
        record["document"]["text"] = row["text"]
        yield record
