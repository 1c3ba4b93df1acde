"""Read SQL of the query API: entities and quotes (events: queries_events.py,
full-text search and export scans: queries_text.py).

Every statement is SQLAlchemy Core with bound parameters; nothing here formats
user input into SQL. Functions take an open Connection (see :func:`reading`) and
return rows as dicts; ``newsgraph.query`` shapes them into typed records.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from contextlib import contextmanager

from sqlalchemy import Connection, ColumnElement, and_, false, func, or_, select, text, true
from sqlalchemy.exc import SQLAlchemyError

from ..errors import StoreError
from .schema import articles, entities, entity_aliases, mentions, quotes

__all__ = [
    "reading", "check_dates", "date_conditions", "SOURCE_COLUMNS", "find_entities", "entity_by_id", "entity_aliases_of",
    "entity_alias_origins", "entity_counts", "mention_count", "speaker_quote_count", "quotes_page", "quote_count",
    "quotes_about_count", "top_actors", "list_entities", "outlets", "serial", "newest_first_ids",
]

# The source of every fact: the article it was read in.
SOURCE_COLUMNS = (
    articles.c.id.label("article_id"), articles.c.title, articles.c.outlet, articles.c.published,
    func.coalesce(articles.c.url, articles.c.source).label("url"),
)

_DATE_PREFIX = re.compile(r"\d{4}(-\d{2}(-\d{2})?)?")


@contextmanager
def reading(store) -> Iterator[Connection]:
    """A read connection; database failures become StoreError naming the database."""
    try:
        with store.engine.connect() as conn:
            yield conn
    except SQLAlchemyError as exc:
        raise StoreError(f"reading {store.display_url} failed: {exc}") from exc


def _after_prefix(prefix: str) -> str:
    """The smallest date string after every string starting with ``prefix``.

    '2025-04' -> '2025-05', '2025-04-30' -> '2025-04-31': lexical bounds, not calendar
    dates, so ``value < bound`` keeps '2025-04-30T10:00' and the comparison can use an index.
    """
    head, _, last = prefix.rpartition("-")
    bumped = str(int(last) + 1).zfill(len(last))
    return f"{head}-{bumped}" if head else bumped


def check_dates(*values: str | None) -> None:
    for value in values:
        if value is not None and not _DATE_PREFIX.fullmatch(value):
            raise ValueError(f"{value!r} is not a date prefix YYYY, YYYY-MM or YYYY-MM-DD")


def date_conditions(column, since: str | None, until: str | None) -> list[ColumnElement]:
    """since/until as YYYY[-MM[-DD]] prefixes, both inclusive (until '2025-04' keeps all of April)."""
    check_dates(since, until)
    conditions = []
    if since:
        conditions.append(column >= since)
    if until:
        conditions.append(column < _after_prefix(until))
    return conditions


@contextmanager
def serial(conn: Connection) -> Iterator[None]:
    """On PostgreSQL, plan the statements inside without parallel workers.

    The profile's statements walk an index newest first and stop after a page: a
    Gather Merge over parallel workers must hear from every worker before its first
    row, so a worker whose part of the walk matches nothing stalls the whole page
    (650 ms instead of 5 ms for a place rarely quoted). SET LOCAL: this transaction only.
    """
    if conn.dialect.name != "postgresql":
        yield
        return
    before = conn.execute(text("SHOW max_parallel_workers_per_gather")).scalar()
    conn.execute(text("SET LOCAL max_parallel_workers_per_gather = 0"))
    try:
        yield
    finally:
        conn.execute(text("SELECT set_config('max_parallel_workers_per_gather', :v, true)"), {"v": before})


def newest_first_ids(conn: Connection, page, id_column, limit: int | None, offset: int) -> list[int]:
    """Ids of ``page`` (a select of ``id_column`` joined with articles, not yet ordered)
    ordered by publication date, newest first, undated articles last, then by id descending.

    On PostgreSQL in two steps, dated then undated: ``published DESC NULLS LAST`` is not the
    order of a backward scan of ix_articles_published (that is DESC NULLS FIRST), so one
    statement would sort every article before the first row; among dated articles
    the two orders agree, and a backward index scan stops after a page.
    """
    published = articles.c.published
    if conn.dialect.name != "postgresql":
        query = page.order_by(published.desc().nulls_last(), id_column.desc()).offset(offset)
        return [r[0] for r in conn.execute(query if limit is None else query.limit(limit))]
    wanted = None if limit is None else offset + limit
    dated = page.where(published.is_not(None)).order_by(published.desc(), id_column.desc())
    ids = [r[0] for r in conn.execute(dated if wanted is None else dated.limit(wanted))]
    if wanted is None or len(ids) < wanted:
        undated = page.where(published.is_(None)).order_by(id_column.desc())
        if wanted is not None:
            undated = undated.limit(wanted - len(ids))
        ids += [r[0] for r in conn.execute(undated)]
    return ids[offset:] if wanted is None else ids[offset:wanted]


# -- entities ------------------------------------------------------------

_ENTITY_COLUMNS = (entities.c.id, entities.c.name, entities.c.type, entities.c.label, entities.c.ids)


def entity_by_id(conn: Connection, entity_id: int) -> dict | None:
    row = conn.execute(select(*_ENTITY_COLUMNS).where(entities.c.id == entity_id)).first()
    return dict(row._mapping) if row else None


def find_entities(conn: Connection, name: str, key: str, limit: int = 10) -> list[dict]:
    """Entities named ``name`` or with an alias whose folded key is ``key``: those named it first, then by id."""
    by_alias = select(entity_aliases.c.entity_id).where(entity_aliases.c.alias_key == key)
    query = (
        select(*_ENTITY_COLUMNS)
        .where(or_(entities.c.name == name, entities.c.id.in_(by_alias)))
        # An exact canonical name beats an alias; then the oldest entity. Not by mention
        # count: counting a leading entity's mentions costs more than the whole look-up.
        .order_by((entities.c.name == name).desc(), entities.c.id)
        .limit(limit)
    )
    return [dict(r._mapping) for r in conn.execute(query)]


def entity_aliases_of(conn: Connection, entity_id: int) -> list[str]:
    query = (
        select(entity_aliases.c.alias).where(entity_aliases.c.entity_id == entity_id)
        .distinct().order_by(entity_aliases.c.alias)
    )
    return [r.alias for r in conn.execute(query)]


def entity_alias_origins(conn: Connection, entity_id: int) -> list[dict]:
    """An entity's aliases with their origin (analysis, user, ...), oldest first; not its internal "key" aliases."""
    query = (
        select(entity_aliases.c.alias, entity_aliases.c.origin)
        .where(entity_aliases.c.entity_id == entity_id, entity_aliases.c.origin != "key")
        .order_by(entity_aliases.c.id)
    )
    return [dict(r._mapping) for r in conn.execute(query)]


def entity_counts(conn: Connection, entity_id: int, cap: int | None) -> dict[str, int]:
    """Mentions, articles mentioning it, quotes by it; each counted up to ``cap`` (None: exactly).

    Capped because exact totals for a leading entity (100,000+ mentions) cost more
    than the rest of a profile; a figure equal to the cap means "at least".
    """
    def capped(query) -> int:
        return conn.execute(select(func.count()).select_from(query.limit(cap).subquery())).scalar()

    return {
        "mentions": capped(select(mentions.c.id).where(mentions.c.entity_id == entity_id)),
        "articles": capped(select(mentions.c.article_id).where(mentions.c.entity_id == entity_id).distinct()),
        "statements_by": capped(select(quotes.c.id).where(quotes.c.speaker_entity_id == entity_id)),
    }


def speaker_quote_count(conn: Connection, entity_id: int, cap: int) -> int:
    """Quotes by this entity, counted up to ``cap``."""
    inner = select(quotes.c.id).where(quotes.c.speaker_entity_id == entity_id).limit(cap)
    return conn.execute(select(func.count()).select_from(inner.subquery())).scalar()


# -- quotes --------------------------------------------------------------

def _mentioned_in_quote(entity_ids: Sequence[int], common: bool) -> ColumnElement:
    """A mention of one of these entities lies inside the quote's span.

    Two forms of one condition, because no single plan suits both ends of a Zipf
    distribution: for a rare entity, start from its few mentions (IN); for a common
    one, walk quotes newest first and probe each article's mentions (EXISTS), which
    stops as soon as a page is full instead of collecting 100,000 mentions.
    """
    ids = list(entity_ids)
    if common:
        return (
            select(mentions.c.id)
            .where(mentions.c.article_id == quotes.c.article_id, mentions.c.entity_id.in_(ids),
                   mentions.c.start >= quotes.c.start, mentions.c.end <= quotes.c.end)
            .exists()
        )
    inner = quotes.alias("inner_quotes")
    return quotes.c.id.in_(
        select(inner.c.id)
        .join(mentions, and_(mentions.c.article_id == inner.c.article_id, mentions.c.start >= inner.c.start,
                             mentions.c.end <= inner.c.end))
        .where(mentions.c.entity_id.in_(ids))
    )


def mention_count(conn: Connection, entity_ids: Sequence[int], cap: int) -> int:
    """Mentions of these entities, counted up to ``cap`` (cheap even for the most mentioned)."""
    inner = select(mentions.c.id).where(mentions.c.entity_id.in_(list(entity_ids))).limit(cap).subquery()
    return conn.execute(select(func.count()).select_from(inner)).scalar()


def _quote_conditions(
    speaker_ids: Sequence[int] | None, speaker_names: Sequence[str] | None, about_ids: Sequence[int] | None,
    since: str | None, until: str | None, outlet: str | None, about_common: bool = False,
    speaker_common: bool = False, rules_only: bool = False, attributions: Sequence[str] | None = None,
) -> list[ColumnElement]:
    conditions: list[ColumnElement] = []
    if rules_only:
        conditions.append(quotes.c.score.is_(None))
    if attributions is not None:
        kinds = quotes.c.attribution.in_(list(attributions))
        # Quotes stored before schema 8 say nothing: they count with speech until analysed again.
        conditions.append(or_(kinds, quotes.c.attribution.is_(None)) if "speech" in attributions else kinds)
    if speaker_ids is not None or speaker_names is not None:
        who = []
        if speaker_ids and speaker_common:
            # A frequent speaker: walk quotes newest first and test each ("+ 0" keeps the
            # planner from collecting and sorting all of the speaker's quotes).
            who.append((quotes.c.speaker_entity_id + 0).in_(list(speaker_ids)))
        elif speaker_ids:
            who.append(quotes.c.speaker_entity_id.in_(list(speaker_ids)))
        if speaker_names:
            # Quotes stored before resolution ran carry only the analysis's speaker name.
            who.append(and_(quotes.c.speaker_entity_id.is_(None), quotes.c.speaker_name.in_(list(speaker_names))))
        conditions.append(or_(*who) if who else false())
    if about_ids is not None:
        conditions.append(_mentioned_in_quote(about_ids, about_common))
    conditions += date_conditions(articles.c.published, since, until)
    if outlet is not None:
        conditions.append(articles.c.outlet == outlet)
    return conditions


def quotes_page(
    conn: Connection, *, speaker_ids: Sequence[int] | None = None, speaker_names: Sequence[str] | None = None,
    about_ids: Sequence[int] | None = None, since: str | None = None, until: str | None = None,
    outlet: str | None = None, about_common: bool = False, speaker_common: bool = False,
    limit: int = 50, offset: int = 0, undated_apart: bool = False, rules_only: bool = False,
    attributions: Sequence[str] | None = None,
) -> list[dict]:
    """Quotes with their sources, newest publication first (``rules_only``: none the learned model found;
    ``attributions``: only these kinds, speech, belief, intention, stance; None: all).

    ``undated_apart``: read dated and undated quotes apart on PostgreSQL (see
    :func:`newest_first_ids`); the same rows, fastest for a walk of a common entity.
    """
    # Page bare ids first, then read the page's rows (see queries_events.reports_page).
    page = (
        select(quotes.c.id).join(articles, articles.c.id == quotes.c.article_id)
        .where(*_quote_conditions(speaker_ids, speaker_names, about_ids, since, until, outlet, about_common,
                                  speaker_common, rules_only, attributions))
    )
    if undated_apart:
        ids = newest_first_ids(conn, page, quotes.c.id, limit, offset)
    else:
        page = page.order_by(articles.c.published.desc().nulls_last(), quotes.c.id.desc()).limit(limit).offset(offset)
        ids = [r.id for r in conn.execute(page)]
    if not ids:
        return []
    query = (
        select(
            quotes.c.id, quotes.c.kind, quotes.c.start, quotes.c.end, quotes.c.text, quotes.c.cue,
            quotes.c.speaker_text, quotes.c.speaker_name, quotes.c.speaker_entity_id, quotes.c.quotation_start,
            quotes.c.score, quotes.c.attribution, entities.c.name.label("speaker_entity_name"), *SOURCE_COLUMNS,
        )
        .join(articles, articles.c.id == quotes.c.article_id)
        .outerjoin(entities, entities.c.id == quotes.c.speaker_entity_id)
        .where(quotes.c.id.in_(ids))
    )
    found = {r.id: dict(r._mapping) for r in conn.execute(query)}
    return [found[i] for i in ids]


def quote_count(conn: Connection, cap: int, **filters) -> int:
    """Quotes matching the filters of :func:`quotes_page`, counted up to ``cap``."""
    inner = (
        select(quotes.c.id).join(articles, articles.c.id == quotes.c.article_id)
        .where(*_quote_conditions(
            filters.get("speaker_ids"), filters.get("speaker_names"), filters.get("about_ids"),
            filters.get("since"), filters.get("until"), filters.get("outlet"), filters.get("about_common", False),
            rules_only=filters.get("rules_only", False), attributions=filters.get("attributions"),
        ))
        .limit(cap)
        .subquery()
    )
    return conn.execute(select(func.count()).select_from(inner)).scalar()


def quotes_about_count(conn: Connection, entity_ids: Sequence[int], cap: int) -> int:
    """Quotes with a mention of these entities inside, counted up to ``cap``.

    Driven from the mentions and stopped at the cap: cheap for rare and leading
    entities alike (walking quotes instead would read all of them for an entity
    whose few mentions are rarely quoted).
    """
    ids = list(entity_ids)
    if conn.dialect.name == "postgresql":
        # DISTINCT quote ids cannot stop at the cap on PostgreSQL (it hashes or sorts them
        # all, or walks every quote). Instead: the entity's articles, each once, in index
        # order, and each article's quotes holding a mention (LATERAL: a nested loop that
        # stops at the cap). A quote lies in one article, so none is counted twice.
        articles_of = select(mentions.c.article_id).where(mentions.c.entity_id.in_(ids)).distinct().subquery()
        inside = (
            select(quotes.c.id)
            .where(quotes.c.article_id == articles_of.c.article_id,
                   select(mentions.c.id)
                   .where(mentions.c.entity_id.in_(ids), mentions.c.article_id == quotes.c.article_id,
                          mentions.c.start >= quotes.c.start, mentions.c.end <= quotes.c.end)
                   .exists())
            .lateral()
        )
        inner = select(inside.c.id).select_from(articles_of.join(inside, true())).limit(cap).subquery()
        return conn.execute(select(func.count()).select_from(inner)).scalar()
    inner = (
        select(quotes.c.id)
        .join(mentions, and_(mentions.c.article_id == quotes.c.article_id, mentions.c.start >= quotes.c.start,
                             mentions.c.end <= quotes.c.end))
        .where(mentions.c.entity_id.in_(ids))
        .distinct()
        .limit(cap)
        .subquery()
    )
    return conn.execute(select(func.count()).select_from(inner)).scalar()


# -- corpus lists ------------------------------------------------------------

def list_entities(conn: Connection, type_: str | None = None, limit: int = 50) -> list[dict]:
    """Corpus entities by number of mentions, then name: id, name, type, mentions, articles (a full count)."""
    counts = (select(mentions.c.entity_id, func.count().label("mentions"),
                     func.count(mentions.c.article_id.distinct()).label("articles"))
              .where(mentions.c.entity_id.is_not(None)).group_by(mentions.c.entity_id).subquery())
    query = (select(entities.c.id, entities.c.name, entities.c.type,
                    func.coalesce(counts.c.mentions, 0).label("mentions"),
                    func.coalesce(counts.c.articles, 0).label("articles"))
             .outerjoin(counts, counts.c.entity_id == entities.c.id))
    if type_:
        query = query.where(entities.c.type == type_)
    query = query.order_by(func.coalesce(counts.c.mentions, 0).desc(), entities.c.name).limit(limit)
    return [dict(r._mapping) for r in conn.execute(query)]


def top_actors(conn: Connection, limit: int, types: Sequence[str] | None = None) -> list[dict]:
    """Names by mentions, as the analysis named them: name, type, mentions, articles, entity_id.

    entity_id is the corpus entity the name's mentions resolve to (None before resolution);
    when a correction split them over several entities, the one most of them resolve to.
    Read in the same pass as the counts (min = max when all agree, the usual case).
    """
    query = (
        select(
            mentions.c.name, mentions.c.type, func.count().label("mentions"),
            func.count(mentions.c.article_id.distinct()).label("articles"),
            func.min(mentions.c.entity_id).label("low"), func.max(mentions.c.entity_id).label("high"),
        )
        .group_by(mentions.c.name, mentions.c.type)
        .order_by(func.count().desc(), mentions.c.name)
        .limit(limit)
    )
    if types:
        query = query.where(mentions.c.type.in_(list(types)))
    rows = []
    for r in conn.execute(query):
        row = dict(r._mapping)
        low, high = row.pop("low"), row.pop("high")
        if low != high:
            row_ids = (
                select(mentions.c.entity_id).where(mentions.c.name == row["name"], mentions.c.type == row["type"],
                                                   mentions.c.entity_id.is_not(None))
                .group_by(mentions.c.entity_id).order_by(func.count().desc(), mentions.c.entity_id).limit(1)
            )
            low = conn.execute(row_ids).scalar()
        row["entity_id"] = low
        rows.append(row)
    return rows


def outlets(conn: Connection, limit: int, offset: int = 0) -> list[dict]:
    """Outlets by number of articles: articles, stories (distinct story ids), first and last date.

    Over all articles with an outlet, read off ix_articles_outlet_story_published alone.
    """
    query = (
        select(
            articles.c.outlet, func.count().label("articles"),
            func.count(articles.c.story_id.distinct()).label("stories"),
            func.min(articles.c.published).label("first_published"),
            func.max(articles.c.published).label("last_published"),
        )
        .where(articles.c.outlet.is_not(None))
        .group_by(articles.c.outlet)
        .order_by(func.count().desc(), articles.c.outlet)
        .limit(limit)
        .offset(offset)
    )
    return [dict(r._mapping) for r in conn.execute(query)]
