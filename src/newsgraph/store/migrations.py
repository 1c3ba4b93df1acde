"""Versioned schema migrations.

``schema.py`` is the one description of the schema; every table and later column
there carries the version that introduced it. Upgrading to version N creates the
tables of version N in their shape at N, adds the columns of version N to older
tables, then runs version N's data step (backfills, full-text indexes, the
triggers that keep derived rows such as event_edges right). Each version is
applied in one transaction together with its version bump, so a migration
happens whole or not at all. To change the schema: add tables or
columns with ``info={"since": N}`` and append a step to MIGRATIONS.
"""

from __future__ import annotations

import json
from collections.abc import Callable

from sqlalchemy import Column, Connection, ForeignKey, Index, MetaData, Table, bindparam, inspect, select, text

from ..errors import SchemaError
from . import schema
from .schema import since


def shape_at(version: int) -> MetaData:
    """The schema as it was at ``version``: the tables, columns and indexes it had."""
    shape = MetaData()
    for table in schema.metadata.sorted_tables:
        if since(table) > version:
            continue
        columns = [_column_copy(c) for c in table.columns if since(c) <= version]
        names = {c.name for c in columns}
        indexes = [Index(i.name, *[c.name for c in i.columns])
                   for i in table.indexes if since(i) <= version and {c.name for c in i.columns} <= names]
        Table(table.name, shape, *columns, *indexes)
    return shape


def _column_copy(column: Column) -> Column:
    """A detached copy of a column, foreign keys included (Column._copy drops them)."""
    keys = [ForeignKey(fk.target_fullname, ondelete=fk.ondelete) for fk in column.foreign_keys]
    return Column(column.name, column.type, *keys, primary_key=column.primary_key, nullable=column.nullable,
                  autoincrement=column.autoincrement, default=column.default)


def _upgrade_to(conn: Connection, version: int) -> None:
    shape = shape_at(version)
    new = [shape.tables[t.name] for t in schema.metadata.sorted_tables if since(t) == version]
    shape.create_all(conn, tables=new)
    quote = conn.dialect.identifier_preparer.quote
    for table in schema.metadata.sorted_tables:
        if since(table) >= version:
            continue
        for column in (c for c in table.columns if since(c) == version):
            ddl = f"ALTER TABLE {quote(table.name)} ADD COLUMN {quote(column.name)} {column.type.compile(conn.dialect)}"
            for fk in column.foreign_keys:
                ddl += f" REFERENCES {quote(fk.column.table.name)}({quote(fk.column.name)})"
                if fk.ondelete:
                    ddl += f" ON DELETE {fk.ondelete}"
            conn.execute(text(ddl))
        # Indexes new at this version: over its new columns, or marked since it (older columns).
        added = {i.name for i in table.indexes if since(i) == version}
        for index in shape.tables[table.name].indexes:
            if index.name in added:
                index.create(conn)


def _v2_backfill_rows(conn: Connection) -> None:
    from .rows import analysis_rows

    # Records stored under version 1 already hold quotes, timexes and quantities
    # (when their analysis had those stages): copy them into the new tables.
    shape = shape_at(2)
    for article_id, record in conn.execute(select(schema.analyses.c.article_id, schema.analyses.c.record)):
        for name, rows in analysis_rows(article_id, json.loads(record)).items():
            if rows and name in ("quotes", "timexes", "quantities"):  # v2's tables only
                # In their shape at version 2: later columns (quotes.quotation_start) come
                # with their own versions' steps.
                table = shape.tables[name]
                conn.execute(table.insert(), [{k: v for k, v in r.items() if k in table.c} for r in rows])


def _v3_full_text(conn: Connection) -> None:
    """Full-text search over sentences and quotes, in each backend's own way."""
    if conn.dialect.name == "sqlite":
        for table in ("sentences", "quotes"):
            # Porter stemming, as PostgreSQL's 'english' configuration stems: both
            # backends then find "warned" for "warn".
            conn.execute(text(f"CREATE VIRTUAL TABLE {table}_fts USING fts5(text, content='{table}', "
                              "content_rowid='id', tokenize='porter unicode61')"))
            # External-content FTS5 tables are kept in step by triggers.
            conn.execute(text(f"""CREATE TRIGGER {table}_fts_insert AFTER INSERT ON {table} BEGIN
                INSERT INTO {table}_fts(rowid, text) VALUES (new.id, new.text); END"""))
            conn.execute(text(f"""CREATE TRIGGER {table}_fts_delete AFTER DELETE ON {table} BEGIN
                INSERT INTO {table}_fts({table}_fts, rowid, text) VALUES ('delete', old.id, old.text); END"""))
            conn.execute(text(f"INSERT INTO {table}_fts(rowid, text) SELECT id, text FROM {table}"))
    else:
        for table in ("sentences", "quotes"):
            # Stored, so ranking reads the vector instead of re-parsing every match.
            conn.execute(text(f"ALTER TABLE {table} ADD COLUMN text_search tsvector "
                              "GENERATED ALWAYS AS (to_tsvector('english', text)) STORED"))
            conn.execute(text(f"CREATE INDEX ix_{table}_fts ON {table} USING gin (text_search)"))


def _v9_russian_search(conn: Connection) -> None:
    """Full-text search on Russian inflections. PostgreSQL: a second stored tsvector in the
    'russian' configuration, beside the 'english' one, with its GIN index. SQLite: nothing to
    store; the query side searches a Russian word's stem as a prefix (queries_text.fts5_query)."""
    if conn.dialect.name == "sqlite":
        return
    for table in ("sentences", "quotes"):
        conn.execute(text(f"ALTER TABLE {table} ADD COLUMN text_search_ru tsvector "
                          "GENERATED ALWAYS AS (to_tsvector('russian', text)) STORED"))
        conn.execute(text(f"CREATE INDEX ix_{table}_fts_ru ON {table} USING gin (text_search_ru)"))


# REPORT_DATE (queries_events.py) over one report's columns: its TIMEX value when that is
# a calendar value (starts with a digit), else its article's publication date.
_DIGITS = ", ".join(f"'{d}'" for d in "0123456789")


def _report_date_sql(row: str, published: str) -> str:
    return f"CASE WHEN substr({row}time_value, 1, 1) IN ({_DIGITS}) THEN {row}time_value ELSE {published} END"


def _edges_sql(reports: str) -> str:
    """Insert the event_edges rows of the reports ``r`` for which ``reports`` holds."""
    return f"""INSERT INTO event_edges (report_id, source_id, target_id, event_id, type, modality, report_date)
        SELECT r.id, a.entity_id, t.entity_id, r.event_id, r.type, r.modality, r.report_date
        FROM event_reports r
        JOIN event_participants a ON a.report_id = r.id AND a.role = 'actor'
        JOIN event_participants t ON t.report_id = r.id AND t.role = 'target'
        WHERE ({reports}) AND a.entity_id <> t.entity_id"""


_EDGE_FIELDS = ("report_date", "modality", "type", "event_id")


def _v4_report_dates_and_edges(conn: Connection) -> None:
    """Fill event_reports.report_date and event_edges, and have the database keep both right.

    Triggers, not the writers, keep them: every path that writes a report or its
    participants (resolution, entity merges, bulk loads, hand-built rows), deletes them
    or fills an article's date (an inferred publication date) leaves report_date equal
    to REPORT_DATE and event_edges equal to the reports' actor/target pairs. Participant
    changes recompute their report's edges whole, so the order of row changes within
    a statement never matters.
    """
    published_of = "(SELECT published FROM articles WHERE articles.id = {}article_id)"
    conn.execute(text(f"UPDATE event_reports SET report_date = "
                      f"{_report_date_sql('', published_of.format('event_reports.'))}"))
    conn.execute(text(_edges_sql("1 = 1")))
    changed = " OR ".join(f"OLD.{f} IS NOT NEW.{f}" for f in _EDGE_FIELDS)
    copy = ", ".join(f"{f} = NEW.{f}" for f in _EDGE_FIELDS)
    if conn.dialect.name == "sqlite":
        computed = _report_date_sql("NEW.", published_of.format("NEW."))
        statements = [
            f"""CREATE TRIGGER event_reports_date_insert AFTER INSERT ON event_reports BEGIN
                UPDATE event_reports SET report_date = {computed} WHERE id = NEW.id; END""",
            f"""CREATE TRIGGER event_reports_date_update AFTER UPDATE OF time_value, article_id ON event_reports
                BEGIN UPDATE event_reports SET report_date = {computed} WHERE id = NEW.id; END""",
            f"""CREATE TRIGGER articles_report_dates AFTER UPDATE OF published ON articles
                WHEN OLD.published IS NOT NEW.published BEGIN
                UPDATE event_reports SET report_date = {_report_date_sql("", "NEW.published")}
                WHERE article_id = NEW.id; END""",
            f"""CREATE TRIGGER event_reports_edges AFTER UPDATE ON event_reports WHEN {changed} BEGIN
                UPDATE event_edges SET {copy} WHERE report_id = NEW.id; END""",
        ]
        for op, ids in (("INSERT", "NEW.report_id"), ("DELETE", "OLD.report_id"),
                        ("UPDATE", "OLD.report_id, NEW.report_id")):
            statements.append(f"""CREATE TRIGGER event_participants_edges_{op.lower()} AFTER {op} ON event_participants
                BEGIN DELETE FROM event_edges WHERE report_id IN ({ids}); {_edges_sql(f"r.id IN ({ids})")}; END""")
    else:
        computed = _report_date_sql("NEW.", published_of.format("NEW."))
        changed = changed.replace(" IS NOT ", " IS DISTINCT FROM ")
        relink = ("DELETE FROM event_edges WHERE report_id IN (SELECT report_id FROM {0}); "
                  + _edges_sql("r.id IN (SELECT report_id FROM {0})") + "; RETURN NULL;")
        statements = [
            f"""CREATE FUNCTION newsgraph_report_date() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN NEW.report_date := {computed}; RETURN NEW; END $$""",
            """CREATE TRIGGER event_reports_date BEFORE INSERT OR UPDATE OF time_value, article_id
                ON event_reports FOR EACH ROW EXECUTE FUNCTION newsgraph_report_date()""",
            f"""CREATE FUNCTION newsgraph_article_report_dates() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN UPDATE event_reports SET report_date = {_report_date_sql("", "NEW.published")}
                WHERE article_id = NEW.id; RETURN NULL; END $$""",
            """CREATE TRIGGER articles_report_dates AFTER UPDATE OF published ON articles
                FOR EACH ROW WHEN (OLD.published IS DISTINCT FROM NEW.published)
                EXECUTE FUNCTION newsgraph_article_report_dates()""",
            f"""CREATE FUNCTION newsgraph_report_edges() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN UPDATE event_edges SET {copy} WHERE report_id = NEW.id; RETURN NULL; END $$""",
            f"""CREATE TRIGGER event_reports_edges AFTER UPDATE ON event_reports FOR EACH ROW WHEN ({changed})
                EXECUTE FUNCTION newsgraph_report_edges()""",
            # Statement triggers over transition tables: a bulk insert relinks each report once.
            f"""CREATE FUNCTION newsgraph_relink_changed() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN {relink.format("changed")} END $$""",
            f"""CREATE FUNCTION newsgraph_relink_updated() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN {relink.format("(SELECT report_id FROM previous UNION SELECT report_id FROM changed) AS both_")}
                END $$""",
            """CREATE TRIGGER event_participants_edges_insert AFTER INSERT ON event_participants
                REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION newsgraph_relink_changed()""",
            """CREATE TRIGGER event_participants_edges_delete AFTER DELETE ON event_participants
                REFERENCING OLD TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION newsgraph_relink_changed()""",
            """CREATE TRIGGER event_participants_edges_update AFTER UPDATE ON event_participants
                REFERENCING OLD TABLE AS previous NEW TABLE AS changed FOR EACH STATEMENT
                EXECUTE FUNCTION newsgraph_relink_updated()""",
        ]
    for statement in statements:
        conn.execute(text(statement))


def _v5_quotation_starts(conn: Connection) -> None:
    """Fill quotes.quotation_start from the stored records whose quotes carry part_of.

    Records from an analysis that did not yet link parts (no part_of key) leave their
    quotes' quotation_start NULL: which quotation a part belongs to is then unknown,
    until the article is analysed again.
    """
    from .rows import quotation_starts

    quotes = schema.quotes
    update = (quotes.update()
              .where(quotes.c.article_id == bindparam("a"), quotes.c.start == bindparam("s"),
                     quotes.c.end == bindparam("e"), quotes.c.quotation_start.is_(None))
              .values(quotation_start=bindparam("qs")))
    batch: list[dict] = []
    for article_id, record in conn.execute(select(schema.analyses.c.article_id, schema.analyses.c.record)):
        found = json.loads(record).get("quotes") or []
        starts = quotation_starts(found)
        batch += [{"a": article_id, "s": q["start"], "e": q["end"], "qs": qs}
                  for q, qs in zip(found, starts) if qs is not None]
        if len(batch) >= 1000:
            conn.execute(update, batch)
            batch = []
    if batch:
        conn.execute(update, batch)


def _v7_phrases_and_quotes(conn: Connection) -> None:
    """Fill event_reports.quote_start/quote_end from the stored records; convert phrase participants.

    A report is matched to its record event by the order resolution wrote them in (record
    order), checked on the sentence start and the trigger text; a report that matches none
    is left as it was. Records of version 6 from released versions have no NOMINAL entities
    and only get their quote spans. Builds between made corpus entities of NOMINAL phrases
    (label NOMINAL) and counted their phrases as mentions: their phrases become event_phrases
    rows (with the corpus entity of refers_to, which becomes the participant), and those
    entities and mentions are removed. Events merged through such an entity stay merged
    until their articles are ingested again.
    """
    from .rows import enclosing_quote, phrase_in

    shape = shape_at(7)
    reports, phrases, participants = shape.tables["event_reports"], shape.tables["event_phrases"], \
        shape.tables["event_participants"]
    mentions = shape.tables["mentions"]
    for article_id, raw in _records(conn):
        record = json.loads(raw)
        found = record.get("events") or []
        if not found:
            continue
        rows = conn.execute(select(reports.c.id, reports.c.trigger, reports.c.sentence_start)
                            .where(reports.c.article_id == article_id).order_by(reports.c.id)).all()
        nominal = {e["id"]: e for e in record.get("entities", []) if e.get("type") == "NOMINAL"}
        keys = {}  # record entity id -> corpus entity id, from the article's mentions
        for key, entity_id in (conn.execute(select(mentions.c.entity_key, mentions.c.entity_id)
                                            .where(mentions.c.article_id == article_id)) if nominal else ()):
            if entity_id is not None:
                keys.setdefault(key, entity_id)
        at = 0
        for ev in found:
            trigger, sentence = (ev.get("trigger") or {}), (ev.get("sentence") or {})
            match = next((i for i in range(at, len(rows)) if rows[i].trigger == trigger.get("text", "")
                          and rows[i].sentence_start == sentence.get("start", 0)), None)
            if match is None:
                continue
            at, report_id = match + 1, rows[match].id
            quote = enclosing_quote(record.get("quotes") or [], trigger)
            if quote:
                conn.execute(reports.update().where(reports.c.id == report_id)
                             .values(quote_start=quote[0], quote_end=quote[1]))
            for role, key in [("actor", k) for k in ev.get("actors") or []] + \
                             [("target", k) for k in ev.get("targets") or []]:
                if key not in nominal:
                    continue
                text_, start, end = phrase_in(nominal[key], sentence)
                refers = keys.get(nominal[key].get("refers_to") or "")
                conn.execute(phrases.insert().values(report_id=report_id, role=role, text=text_, start=start,
                                                     end=end, entity_id=refers))
                old = keys.get(key)
                if old is not None:
                    conn.execute(participants.delete().where(participants.c.report_id == report_id,
                                                             participants.c.entity_id == old,
                                                             participants.c.role == role))
                if refers is not None and not conn.execute(select(participants.c.report_id).where(
                        participants.c.report_id == report_id, participants.c.entity_id == refers,
                        participants.c.role == role)).first():
                    conn.execute(participants.insert().values(report_id=report_id, entity_id=refers, role=role))
    conn.execute(mentions.delete().where(mentions.c.type == "NOMINAL"))
    entities, aliases = shape.tables["entities"], shape.tables["entity_aliases"]
    unused = (select(entities.c.id).where(entities.c.label == "NOMINAL",
                                          ~select(mentions.c.id).where(mentions.c.entity_id == entities.c.id).exists(),
                                          ~select(participants.c.report_id)
                                          .where(participants.c.entity_id == entities.c.id).exists()))
    gone = [r.id for r in conn.execute(unused)]
    for i in range(0, len(gone), 500):
        conn.execute(aliases.delete().where(aliases.c.entity_id.in_(gone[i:i + 500])))
        conn.execute(entities.delete().where(entities.c.id.in_(gone[i:i + 500])))


def _records(conn: Connection, page: int = 200):
    """(article_id, record) of every stored analysis, a page at a time (bounded memory, and no
    cursor left open while the caller writes)."""
    after = ""
    while True:
        rows = conn.execute(select(schema.analyses.c.article_id, schema.analyses.c.record)
                            .where(schema.analyses.c.article_id > after)
                            .order_by(schema.analyses.c.article_id).limit(page)).all()
        if not rows:
            return
        yield from rows
        after = rows[-1][0]


# Columns that exist on one backend only, outside schema.py's portable description.
BACKEND_COLUMNS = {"postgresql": {"sentences": {"text_search", "text_search_ru"},
                                  "quotes": {"text_search", "text_search_ru"}}}


def _step(version: int, data_step: Callable[[Connection], None] | None = None) -> Callable[[Connection], None]:
    def apply(conn: Connection) -> None:
        _upgrade_to(conn, version)
        if data_step:
            data_step(conn)
    return apply


MIGRATIONS: list[tuple[int, str, Callable[[Connection], None]]] = [
    (1, "articles, analyses, mentions, near-duplicate index", _step(1)),
    (2, "quotes, timexes and quantities as rows", _step(2, _v2_backfill_rows)),
    (3, "corpus-wide entities, events with reports, sentences, full-text search", _step(3, _v3_full_text)),
    (4, "event reports' dates stored; the actor network's edges as indexed rows",
     _step(4, _v4_report_dates_and_edges)),
    (5, "which quotation each quote is part of (quotes.quotation_start); outlets read off one index",
     _step(5, _v5_quotation_starts)),
    (6, "quotes found by the learned model carry its score (quotes.score)", _step(6)),
    (7, "participants named by a phrase (event_phrases); the quote an event sits in (event_reports.quote_*)",
     _step(7, _v7_phrases_and_quotes)),
    (8, "quotes say what kind of attribution they are: speech, belief, intention, stance (quotes.attribution)",
     _step(8)),
    (9, "full-text search on Russian inflections (PostgreSQL: sentences/quotes.text_search_ru, 'russian')",
     _step(9, _v9_russian_search)),
]

LATEST = MIGRATIONS[-1][0]


def current_version(conn: Connection) -> int:
    if not inspect(conn).has_table("meta"):
        return 0
    row = conn.execute(select(schema.meta.c.value).where(schema.meta.c.key == "schema_version")).first()
    return int(row[0]) if row else 0


def migrate(conn: Connection, url: str, target: int = LATEST) -> list[int]:
    """Apply the migrations this database lacks, up to ``target``; return the versions applied."""
    version = current_version(conn)
    if version > LATEST:
        raise SchemaError(
            f"{url}: the database has schema version {version}, but this newsgraph knows "
            f"versions up to {LATEST}; upgrade newsgraph to use it"
        )
    applied = []
    for number, _title, step in MIGRATIONS:
        if version < number <= target:
            step(conn)
            set_version(conn, number)
            applied.append(number)
    return applied


def set_version(conn: Connection, number: int) -> None:
    table = schema.meta
    updated = conn.execute(
        table.update().where(table.c.key == "schema_version").values(value=str(number))
    ).rowcount
    if not updated:
        conn.execute(table.insert().values(key="schema_version", value=str(number)))
