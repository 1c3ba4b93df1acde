"""SQL of cross-document resolution: corpus entities, aliases, corrections, merged events.

Every statement here is an index look-up or touches the rows of one article or one
entity (``ix_entity_aliases_key``, ``ix_mentions_entity``, ``ix_events_type_date``,
``ix_event_reports_type_time``, ``ix_articles_published``): nothing scans a table whose
size grows with the corpus, except the correction log (``corrections``). Reading for the
front ends (listing entities, counting their mentions) is the query API's (``store/queries.py``).
Works inside the caller's transaction (``Writer.conn``) or any connection. Two processes
cannot create the same entity at one moment: writes take the store's write lock
(``Store.writer``), and resolution its own advisory lock on PostgreSQL besides.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import datetime, timezone

from sqlalchemy import Connection, bindparam, delete, or_, select, text, update

from .schema import (articles, entities, entity_aliases, entity_corrections, event_participants, event_phrases,
                     event_reports, events, mentions, quotes)

__all__ = ["Graph", "AliasHit", "EntityRow"]


def _now() -> str:
    return datetime.now(timezone.utc).isoformat(timespec="seconds")


@dataclass(frozen=True)
class AliasHit:
    key: str
    entity_id: int
    name: str
    type: str
    origin: str


@dataclass(frozen=True)
class EntityRow:
    id: int
    name: str
    type: str
    label: str | None
    ids: dict


class Graph:
    def __init__(self, conn: Connection):
        self.conn = conn

    def lock_for_resolution(self) -> None:
        """Serialise resolution across processes until this transaction ends.

        Two ingests that meet the same new name at once would otherwise both create
        an entity for it. SQLite already allows one writer at a time; PostgreSQL
        needs a transaction-scoped advisory lock.
        """
        if self.conn.dialect.name == "postgresql":
            self.conn.execute(text("SELECT pg_advisory_xact_lock(7172026)"))

    # -- entities and aliases --------------------------------------------------------
    def aliases_for(self, keys: list[str], origin: str | None = None) -> list[AliasHit]:
        if not keys:
            return []
        query = (select(entity_aliases.c.alias_key, entities.c.id, entities.c.name, entities.c.type,
                        entity_aliases.c.origin)
                 .join(entities, entities.c.id == entity_aliases.c.entity_id)
                 .where(entity_aliases.c.alias_key.in_(sorted(set(keys)))))
        if origin:
            query = query.where(entity_aliases.c.origin == origin)
        return [AliasHit(*r) for r in self.conn.execute(query.order_by(entities.c.id))]

    def create_entity(self, name: str, type_: str, label: str | None, ids: dict | None) -> int:
        return self.conn.execute(entities.insert().values(
            name=name, type=type_, label=label, ids=json.dumps(ids, sort_keys=True) if ids else None,
            created_at=_now()).returning(entities.c.id)).scalar_one()

    def entity(self, entity_id: int) -> EntityRow | None:
        r = self.conn.execute(select(entities).where(entities.c.id == entity_id)).first()
        return EntityRow(r.id, r.name, r.type, r.label, json.loads(r.ids) if r.ids else {}) if r else None

    def entities_named(self, name: str, key: str) -> list[EntityRow]:
        """Entities whose name is ``name`` or that have an alias keyed ``key``."""
        by_alias = select(entity_aliases.c.entity_id).where(entity_aliases.c.alias_key == key)
        rows = self.conn.execute(select(entities.c.id).where(
            or_(entities.c.name == name, entities.c.id.in_(by_alias.scalar_subquery()))).order_by(entities.c.id))
        return [e for e in (self.entity(r.id) for r in rows) if e]

    def set_entity_ids(self, entity_id: int, ids: dict) -> None:
        self.conn.execute(update(entities).where(entities.c.id == entity_id)
                          .values(ids=json.dumps(ids, sort_keys=True) if ids else None))

    def add_aliases(self, rows: list[tuple[int, str, str, str]]) -> None:
        """(entity_id, alias, alias_key, origin) rows; the caller leaves out those present."""
        if rows:
            self.conn.execute(entity_aliases.insert(), [
                {"entity_id": e, "alias": a, "alias_key": k, "origin": o} for e, a, k, o in rows])

    def entity_aliases(self, entity_id: int) -> list[dict]:
        rows = self.conn.execute(select(entity_aliases.c.alias, entity_aliases.c.alias_key, entity_aliases.c.origin)
                                 .where(entity_aliases.c.entity_id == entity_id).order_by(entity_aliases.c.id))
        return [dict(r._mapping) for r in rows]

    def move_alias(self, key: str, from_id: int, to_id: int, origin: str) -> None:
        self.conn.execute(update(entity_aliases).where(entity_aliases.c.entity_id == from_id,
                                                       entity_aliases.c.alias_key == key)
                          .values(entity_id=to_id, origin=origin))

    # -- an article's rows -------------------------------------------------------------
    def article_meta(self, article_id: str) -> tuple[str | None, str, str | None]:
        """(published, story_id, outlet) of an article."""
        r = self.conn.execute(select(articles.c.published, articles.c.story_id, articles.c.outlet)
                              .where(articles.c.id == article_id)).first()
        return (r.published, r.story_id, r.outlet) if r else (None, article_id, None)

    def article_mentions(self, article_id: str) -> list[tuple[int, str, str]]:
        rows = self.conn.execute(select(mentions.c.id, mentions.c.entity_key, mentions.c.text)
                                 .where(mentions.c.article_id == article_id))
        return [tuple(r) for r in rows]

    def mention_links(self, article_id: str) -> list[tuple[int, int, int, int | None]]:
        """(id, start, end, entity_id) of an article's mentions."""
        rows = self.conn.execute(select(mentions.c.id, mentions.c.start, mentions.c.end, mentions.c.entity_id)
                                 .where(mentions.c.article_id == article_id))
        return [tuple(r) for r in rows]

    def link_mentions(self, links: list[tuple[int, int]]) -> None:
        """(mention id, entity id) pairs, in one executemany (one round trip, not one per mention)."""
        if links:
            self.conn.execute(update(mentions).where(mentions.c.id == bindparam("link_id"))
                              .values(entity_id=bindparam("link_entity")),
                              [{"link_id": m, "link_entity": e} for m, e in links])

    def article_quotes(self, article_id: str) -> list[tuple[int, str | None, str | None, str | None]]:
        rows = self.conn.execute(select(quotes.c.id, quotes.c.speaker_entity_key, quotes.c.speaker_text,
                                        quotes.c.speaker_name).where(quotes.c.article_id == article_id))
        return [tuple(r) for r in rows]

    def link_quotes(self, links: list[tuple[int, int]]) -> None:
        """(quote id, speaker entity id) pairs, in one executemany."""
        if links:
            self.conn.execute(update(quotes).where(quotes.c.id == bindparam("link_id"))
                              .values(speaker_entity_id=bindparam("link_entity")),
                              [{"link_id": q, "link_entity": e} for q, e in links])

    # -- corrections ---------------------------------------------------------------------
    def entity_mentions(self, entity_id: int) -> list[tuple[int, str]]:
        rows = self.conn.execute(select(mentions.c.id, mentions.c.text).where(mentions.c.entity_id == entity_id))
        return [tuple(r) for r in rows]

    def merge_entities(self, keep: int, gone: int) -> None:
        """Move everything of ``gone`` to ``keep``, then delete ``gone``."""
        c = self.conn
        c.execute(update(mentions).where(mentions.c.entity_id == gone).values(entity_id=keep))
        c.execute(update(quotes).where(quotes.c.speaker_entity_id == gone).values(speaker_entity_id=keep))
        for col in (event_reports.c.place_entity_id, event_reports.c.attributed_entity_id):
            c.execute(update(event_reports).where(col == gone).values({col.name: keep}))
        c.execute(update(events).where(events.c.place_entity_id == gone).values(place_entity_id=keep))
        c.execute(update(event_phrases).where(event_phrases.c.entity_id == gone).values(entity_id=keep))
        # A report naming both would get a duplicate key: drop gone's row where keep's exists.
        p2 = event_participants.alias("p2")
        both = select(p2.c.report_id).where(p2.c.entity_id == keep, p2.c.role == event_participants.c.role,
                                            p2.c.report_id == event_participants.c.report_id).exists()
        c.execute(delete(event_participants).where(event_participants.c.entity_id == gone, both))
        c.execute(update(event_participants).where(event_participants.c.entity_id == gone).values(entity_id=keep))
        held = {r.alias_key for r in c.execute(select(entity_aliases.c.alias_key)
                                               .where(entity_aliases.c.entity_id == keep))}
        c.execute(delete(entity_aliases).where(entity_aliases.c.entity_id == gone,
                                               entity_aliases.c.alias_key.in_(held)))
        c.execute(update(entity_aliases).where(entity_aliases.c.entity_id == gone).values(entity_id=keep))
        c.execute(delete(entities).where(entities.c.id == gone))

    def log_correction(self, action: str, payload: dict) -> None:
        self.conn.execute(entity_corrections.insert().values(
            action=action, payload=json.dumps(payload, ensure_ascii=False, sort_keys=True), created_at=_now()))

    def corrections(self) -> list[dict]:
        rows = self.conn.execute(select(entity_corrections).order_by(entity_corrections.c.id))
        return [{"action": r.action, "payload": json.loads(r.payload), "created_at": r.created_at} for r in rows]

    def correction_log(self, last: bool = False) -> list[dict]:
        """The log with each correction's number (its row id), oldest first; only the newest if ``last``."""
        query = select(entity_corrections).order_by(entity_corrections.c.id.desc() if last else entity_corrections.c.id)
        rows = self.conn.execute(query.limit(1) if last else query)
        return [{"number": r.id, "action": r.action, "payload": json.loads(r.payload), "created_at": r.created_at}
                for r in rows]

    def drop_correction(self, number: int) -> None:
        self.conn.execute(delete(entity_corrections).where(entity_corrections.c.id == number))

    # -- events ------------------------------------------------------------------------------
    def drop_article_reports(self, article_id: str) -> list[int]:
        """Delete an article's reports (before re-resolving it); the events they belonged to."""
        ids = [r[0] for r in self.conn.execute(select(event_reports.c.event_id).distinct()
                                                .where(event_reports.c.article_id == article_id))]
        # Explicitly, not by ON DELETE CASCADE: SQLite reuses the freed report ids at once.
        mine = select(event_reports.c.id).where(event_reports.c.article_id == article_id).scalar_subquery()
        self.conn.execute(delete(event_participants).where(event_participants.c.report_id.in_(mine)))
        self.conn.execute(delete(event_phrases).where(event_phrases.c.report_id.in_(mine)))
        self.conn.execute(delete(event_reports).where(event_reports.c.article_id == article_id))
        return ids

    def event_candidates(self, type_: str, dates: list[str], low: str | None, high: str | None,
                         dated: tuple[str, str] | None = None) -> list[int]:
        """Events of ``type_`` dated one of ``dates`` (``events.date`` values, to the day), or dated
        within ``dated`` (first and last day), or with a report from an article published in
        [low, high] (whatever its date: the caller compares)."""
        found: set[int] = set()
        if dated:
            found |= {r[0] for r in self.conn.execute(select(events.c.id).where(
                events.c.type == type_, events.c.date.between(*dated)))}
        for i in range(0, len(dates), 500):
            found |= {r[0] for r in self.conn.execute(select(events.c.id).where(
                events.c.type == type_, events.c.date.in_(dates[i:i + 500])))}
        if low and high:
            near = (select(event_reports.c.event_id).join(articles, articles.c.id == event_reports.c.article_id)
                    .where(event_reports.c.type == type_, articles.c.published.between(low, high)))
            found |= {r[0] for r in self.conn.execute(near)}
        return sorted(found)

    def create_event(self, type_: str, date: str | None, place: int | None) -> int:
        return self.conn.execute(events.insert().values(
            type=type_, date=date, place_entity_id=place, reports=0, created_at=_now()).returning(events.c.id)).scalar_one()

    def add_report(self, values: dict, participants: list[tuple[int, str]], phrases: list[dict] = ()) -> int:
        """A report with its participants ((entity id, role)) and phrases ({role, text, start, end, entity_id})."""
        report_id = self.conn.execute(event_reports.insert().values(**values).returning(event_reports.c.id)).scalar_one()
        rows = [{"report_id": report_id, "entity_id": e, "role": r} for e, r in sorted(set(participants))]
        if rows:
            self.conn.execute(event_participants.insert(), rows)
        if phrases:
            self.conn.execute(event_phrases.insert(), [{**p, "report_id": report_id} for p in phrases])
        return report_id

    def event_reports(self, event_ids: list[int]) -> list[dict]:
        """Each report of these events (date, amounts, place, modality) with its article's story and
        outlet and its participants."""
        if not event_ids:
            return []
        rows = self.conn.execute(
            select(event_reports.c.id, event_reports.c.event_id, event_reports.c.article_id, event_reports.c.time_value,
                   event_reports.c.amounts, event_reports.c.place_entity_id, event_reports.c.modality,
                   articles.c.story_id, articles.c.outlet,
                   articles.c.published)
            .join(articles, articles.c.id == event_reports.c.article_id)
            .where(event_reports.c.event_id.in_(event_ids)).order_by(event_reports.c.id))
        reports = {r.id: {**r._mapping, "actors": set(), "targets": set()} for r in rows}
        if reports:
            for p in self.conn.execute(select(event_participants).where(
                    event_participants.c.report_id.in_(list(reports)))):
                reports[p.report_id]["actors" if p.role == "actor" else "targets"].add(p.entity_id)
        return list(reports.values())

    def update_event(self, event_id: int, reports: int, date: str | None, contradictions: list | None) -> None:
        if reports == 0:
            self.conn.execute(delete(events).where(events.c.id == event_id))
            return
        self.conn.execute(update(events).where(events.c.id == event_id).values(
            reports=reports, date=date, contradictions=json.dumps(contradictions) if contradictions else None))

    def update_events(self, rows: list[tuple[int, int, str | None, list | None]]) -> None:
        """``update_event`` for many events: one DELETE and one executemany UPDATE."""
        gone = [event_id for event_id, reports, _date, _c in rows if reports == 0]
        if gone:
            self.conn.execute(delete(events).where(events.c.id.in_(gone)))
        kept = [{"event": e, "event_reports": n, "event_date": d, "event_contradictions": json.dumps(c) if c else None}
                for e, n, d, c in rows if n]
        if kept:
            self.conn.execute(update(events).where(events.c.id == bindparam("event")).values(
                reports=bindparam("event_reports"), date=bindparam("event_date"),
                contradictions=bindparam("event_contradictions")), kept)

    def event(self, event_id: int) -> dict | None:
        r = self.conn.execute(select(events).where(events.c.id == event_id)).first()
        if r is None:
            return None
        d = dict(r._mapping)
        d["contradictions"] = json.loads(d["contradictions"]) if d["contradictions"] else []
        return d

    def events_of_article(self, article_id: str) -> list[int]:
        rows = self.conn.execute(select(event_reports.c.event_id).distinct().where(event_reports.c.article_id == article_id))
        return sorted(r[0] for r in rows)
