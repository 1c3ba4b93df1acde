"""Read SQL of the query API: event reports, merged events, the actor network.

An event report's date is its TIMEX3 value when that is a calendar value (starts
with a year: '2025-04-01', '2025-04', '2025-W13'), else the article's publication
date; ``REPORT_DATE`` is that rule in SQL so every query orders and filters alike. Since
schema version 4 the database also stores it (``event_reports.report_date``, and in
``event_edges``, which the actor network reads), kept equal to that rule by triggers.

What a list shows (``shown``): "edge", reports with a resolved actor and a resolved target
(a row of ``event_edges``: what the network draws); "resolved", reports with a corpus entity
among their participants, named or through a phrase's refers_to (``event_participants``);
"participants", reports naming anyone, by name or by phrase (or ``event_phrases``). A report
naming nobody is in no list; its article's reader and the full-text search still find it.
"""

from __future__ import annotations

from collections.abc import Sequence

from sqlalchemy import Connection, ColumnElement, case, func, or_, select, union_all

from .queries import SOURCE_COLUMNS, date_conditions, newest_first_ids
from .schema import articles, entities, event_edges, event_participants, event_phrases, event_reports, events, quotes

__all__ = ["REPORT_DATE", "SHOWN", "shown_condition", "reports_page", "reports_after", "participants_of", "events_page",
           "network_edges", "entities_by_ids", "participation_count"]

er = event_reports
place = entities.alias("place")
attributed = entities.alias("attributed")

# substr(...) IN digits, not a range comparison: PostgreSQL collations may ignore
# punctuation, so '2025-04-01' < ':' is not reliable there; equality is.
_CALENDAR = func.substr(er.c.time_value, 1, 1).in_(list("0123456789"))
REPORT_DATE = case((_CALENDAR, er.c.time_value), else_=articles.c.published)


def _report_conditions(
    *, entity_ids: Sequence[int] | None = None, role: str | None = None, walk: bool = False,
    event_ids: Sequence[int] | None = None,
    type: str | None = None, modality: str | None = None, since: str | None = None, until: str | None = None,
    outlet: str | None = None, actor_ids: Sequence[int] | None = None, target_ids: Sequence[int] | None = None,
    shown: str | None = None,
) -> list[ColumnElement]:
    conditions: list[ColumnElement] = []
    if shown is not None:
        conditions.append(shown_condition(shown))
    if entity_ids is not None:
        if walk:
            # A leading actor: probe each report, newest article first, instead of
            # collecting its 30,000 reports ("+ 0" keeps the planner from driving by entity).
            involved = select(event_participants.c.report_id).where(
                event_participants.c.report_id == er.c.id, (event_participants.c.entity_id + 0).in_(list(entity_ids)))
            if role:
                involved = involved.where(event_participants.c.role == role)
            conditions.append(involved.exists())
        else:
            involved = select(event_participants.c.report_id).where(event_participants.c.entity_id.in_(list(entity_ids)))
            if role:
                involved = involved.where(event_participants.c.role == role)
            conditions.append(er.c.id.in_(involved))
    for ids, part in ((actor_ids, "actor"), (target_ids, "target")):
        if ids is not None:
            conditions.append(er.c.id.in_(
                select(event_participants.c.report_id)
                .where(event_participants.c.entity_id.in_(list(ids)), event_participants.c.role == part)
            ))
    if event_ids is not None:
        conditions.append(er.c.event_id.in_(list(event_ids)))
    if type is not None:
        conditions.append(er.c.type == type)
    if modality is not None:
        conditions.append(er.c.modality == modality)
    if outlet is not None:
        conditions.append(articles.c.outlet == outlet)
    if (since or until) and entity_ids is None and actor_ids is None and target_ids is None and event_ids is None:
        conditions.append(er.c.id.in_(_reports_dated(since, until)))
    else:
        # The entity (or event) already narrows the reports to a few: test their dates one by one.
        conditions += date_conditions(REPORT_DATE, since, until)
    return conditions


SHOWN = ("edge", "resolved", "participants")


def shown_condition(shown: str) -> ColumnElement:
    """Reports a list may show (see the module's docstring): each test is a probe by report id."""
    if shown not in SHOWN:
        raise ValueError(f"shown must be one of {SHOWN}, not {shown!r}")
    if shown == "edge":
        return select(event_edges.c.report_id).where(event_edges.c.report_id == er.c.id).exists()
    resolved = select(event_participants.c.report_id).where(event_participants.c.report_id == er.c.id).exists()
    if shown == "resolved":
        return resolved
    return or_(resolved, select(event_phrases.c.report_id).where(event_phrases.c.report_id == er.c.id).exists())


def _reports_dated(since: str | None, until: str | None):
    """Ids of the reports whose REPORT_DATE is in range, as two index-friendly halves.

    ``REPORT_DATE BETWEEN ...`` would read every report; instead: reports whose own
    TIMEX value is in range (index on time_value), plus undated reports of articles
    published in range (index on published). Aliases keep both halves uncorrelated.
    """
    dated = event_reports.alias("dated")
    undated = event_reports.alias("undated")
    published = articles.alias("published_in")
    return union_all(
        select(dated.c.id).where(*date_conditions(dated.c.time_value, since, until),
                                 func.substr(dated.c.time_value, 1, 1).in_(list("0123456789"))),
        select(undated.c.id).join(published, published.c.id == undated.c.article_id)
        .where(*date_conditions(published.c.published, since, until),
               or_(undated.c.time_value.is_(None),
                   func.substr(undated.c.time_value, 1, 1).not_in(list("0123456789")))),
    )


_speaker = entities.alias("speaker")


def _quote_speaker(column):
    """Who spoke the quote an event sits in: ``column`` of the quote (with its speaker's corpus name)."""
    return (select(column).outerjoin(_speaker, _speaker.c.id == quotes.c.speaker_entity_id)
            .where(quotes.c.article_id == er.c.article_id, quotes.c.start == er.c.quote_start,
                   quotes.c.end == er.c.quote_end)
            .limit(1).scalar_subquery())


def _report_select():
    return (
        select(
            er.c.id, er.c.event_id, er.c.type, er.c.mode, er.c.context, er.c.modality, er.c.trigger,
            er.c.sentence_start, er.c.sentence_end, er.c.time_value, REPORT_DATE.label("date"), er.c.amounts,
            er.c.place_entity_id, place.c.name.label("place_name"),
            er.c.attributed_entity_id, attributed.c.name.label("attributed_name"), er.c.attributed_text,
            # Only the sentence, not the whole article text, crosses the wire.
            func.substr(articles.c.text, er.c.sentence_start + 1, er.c.sentence_end - er.c.sentence_start)
            .label("sentence"),
            er.c.quote_start, er.c.quote_end,
            func.substr(articles.c.text, er.c.quote_start + 1, er.c.quote_end - er.c.quote_start).label("quote"),
            _quote_speaker(func.coalesce(_speaker.c.name, quotes.c.speaker_name)).label("quote_speaker"),
            _quote_speaker(quotes.c.speaker_text).label("quote_speaker_text"),
            *SOURCE_COLUMNS,
        )
        .join(articles, articles.c.id == er.c.article_id)
        .outerjoin(place, place.c.id == er.c.place_entity_id)
        .outerjoin(attributed, attributed.c.id == er.c.attributed_entity_id)
    )


def reports_page(conn: Connection, *, descending: bool = False, by_published: bool = False,
                 limit: int | None = 100, offset: int = 0, **filters) -> list[dict]:
    """Event reports with sentence, place, attribution and source, ordered by report date
    (or, ``by_published``, by the article's publication date: newest reports, index-ordered)."""
    # Two steps: order and page bare ids first, then read sentences, names and sources
    # for the page only; sorting 30,000 reports of a leading actor with their sentence
    # text attached would read every one of their articles.
    page = select(er.c.id).join(articles, articles.c.id == er.c.article_id).where(*_report_conditions(**filters))
    if by_published and filters.get("walk"):
        # Dated and undated apart on PostgreSQL, so the walk reads ix_articles_published backwards.
        ids = newest_first_ids(conn, page, er.c.id, limit, offset)
    else:
        # (published DESC NULLS LAST matches no index on PostgreSQL: a few reports are collected, then sorted.)
        page = page.order_by(*((articles.c.published.desc().nulls_last(), er.c.id.desc()) if by_published else
                               (REPORT_DATE.desc() if descending else REPORT_DATE, er.c.id))).offset(offset)
        if limit is not None:
            page = page.limit(limit)
        ids = [r.id for r in conn.execute(page)]
    found: dict[int, dict] = {}
    for i in range(0, len(ids), 500):
        rows = conn.execute(_report_select().where(er.c.id.in_(ids[i:i + 500])))
        found.update({r.id: dict(r._mapping) for r in rows})
    return [found[i] for i in ids]


def reports_after(conn: Connection, after_id: int, limit: int, shown: str | None = None) -> list[dict]:
    """All reports (or those a list may show) in id order, a batch at a time (keyset paging: exports of any size)."""
    query = _report_select().where(er.c.id > after_id).order_by(er.c.id).limit(limit)
    if shown is not None:
        query = query.where(shown_condition(shown))
    return [dict(r._mapping) for r in conn.execute(query)]


def participants_of(conn: Connection, report_ids: Sequence[int]) -> dict[int, list[dict]]:
    """report id -> [{role, entity_id, name, type, phrase}], actors first, as each report names them.

    A participant the text names by a phrase comes with it: "the Cuban government" with
    Cuba's entity_id, name and type, or, standing for no entity ("riot police"), with
    entity_id and type None and the phrase as its name. A named participant that a phrase
    of the same role already stands for is not listed twice.
    """
    found: dict[int, list[dict]] = {}
    ids = list(report_ids)
    for i in range(0, len(ids), 500):
        chunk = ids[i:i + 500]
        named = (
            select(event_participants.c.report_id, event_participants.c.role, event_participants.c.entity_id,
                   entities.c.name, entities.c.type)
            .join(entities, entities.c.id == event_participants.c.entity_id)
            .where(event_participants.c.report_id.in_(chunk))
            .order_by(event_participants.c.report_id, event_participants.c.role, entities.c.name)
        )
        phrased = (
            select(event_phrases.c.report_id, event_phrases.c.role, event_phrases.c.entity_id, entities.c.name,
                   entities.c.type, event_phrases.c.text)
            .outerjoin(entities, entities.c.id == event_phrases.c.entity_id)
            .where(event_phrases.c.report_id.in_(chunk))
            .order_by(event_phrases.c.report_id, event_phrases.c.role, event_phrases.c.start, event_phrases.c.id)
        )
        phrases: dict[tuple[int, str], list[dict]] = {}
        for r in conn.execute(phrased):
            phrases.setdefault((r.report_id, r.role), []).append(
                {"role": r.role, "entity_id": r.entity_id, "name": r.name or r.text, "type": r.type,
                 "phrase": r.text})
        rows: dict[tuple[int, str], list[dict]] = {}
        for r in conn.execute(named):
            rows.setdefault((r.report_id, r.role), []).append(
                {"role": r.role, "entity_id": r.entity_id, "name": r.name, "type": r.type, "phrase": None})
        for report_id, role in sorted(set(rows) | set(phrases)):
            said = phrases.get((report_id, role), [])
            covered = {p["entity_id"] for p in said}
            found.setdefault(report_id, []).extend(
                [p for p in rows.get((report_id, role), []) if p["entity_id"] not in covered] + said)
    return found


def events_page(conn: Connection, *, type: str | None = None, limit: int = 50, offset: int = 0, **filters) -> list[dict]:
    """Merged events having at least one report that matches, latest first.

    An event's date is its own TIMEX value when a calendar value, else its earliest
    matching report's date. Paged on bare ids first (see reports_page), then detailed.
    """
    first = func.min(REPORT_DATE)
    event_date = case((func.substr(events.c.date, 1, 1).in_(list("0123456789")), events.c.date), else_=first)
    page = (
        select(events.c.id, event_date.label("date"))
        .join(er, er.c.event_id == events.c.id)
        .join(articles, articles.c.id == er.c.article_id)
        .where(*_report_conditions(**filters))
        .group_by(events.c.id, events.c.date)
        .order_by(event_date.desc(), events.c.id.desc())
        .limit(limit)
        .offset(offset)
    )
    if type is not None:
        page = page.where(events.c.type == type)
    dates = {r.id: r.date for r in conn.execute(page)}
    if not dates:
        return []
    query = (
        select(events.c.id, events.c.type, events.c.place_entity_id, place.c.name.label("place_name"),
               events.c.reports, events.c.contradictions)
        .outerjoin(place, place.c.id == events.c.place_entity_id)
        .where(events.c.id.in_(list(dates)))
    )
    found = {r.id: {**r._mapping, "date": dates[r.id]} for r in conn.execute(query)}
    return [found[i] for i in dates]


def network_edges(conn: Connection, *, since: str | None, until: str | None, modalities: Sequence[str],
                  min_weight: int = 1) -> list[dict]:
    """(actor, target, type) with the number of distinct events and of reports, first and last date.

    Reads ``event_edges`` (the reports' actor/target pairs with their type, modality, event and
    REPORT_DATE, kept by the database): a date range is one range of ix_event_edges_network,
    which holds all that is grouped and counted, so no report, participant or article is read.
    Weights stay exact: distinct events among the matching reports, whatever months they span.
    """
    e = event_edges
    events_n = func.count(e.c.event_id.distinct())
    query = (
        select(e.c.source_id.label("source"), e.c.target_id.label("target"), e.c.type,
               events_n.label("events"), func.count().label("reports"),
               func.min(e.c.report_date).label("first"), func.max(e.c.report_date).label("last"))
        .where(e.c.modality.in_(list(modalities)), *date_conditions(e.c.report_date, since, until))
        .group_by(e.c.source_id, e.c.target_id, e.c.type)
        .having(events_n >= min_weight)
    )
    return [dict(r._mapping) for r in conn.execute(query)]


def participation_count(conn: Connection, entity_id: int, role: str | None, cap: int | None) -> int:
    """Reports with this entity in this role (None: in any role), counted up to ``cap`` (None: exactly)."""
    inner = select(event_participants.c.report_id).where(event_participants.c.entity_id == entity_id)
    if role is None:
        inner = inner.distinct()  # actor and target of one report count once
    else:
        inner = inner.where(event_participants.c.role == role)
    return conn.execute(select(func.count()).select_from(inner.limit(cap).subquery())).scalar()


def entities_by_ids(conn: Connection, ids: Sequence[int]) -> dict[int, dict]:
    found: dict[int, dict] = {}
    ids = list(ids)
    for i in range(0, len(ids), 500):
        query = select(entities.c.id, entities.c.name, entities.c.type, entities.c.label).where(
            entities.c.id.in_(ids[i:i + 500]))
        found.update({r.id: dict(r._mapping) for r in conn.execute(query)})
    return found
