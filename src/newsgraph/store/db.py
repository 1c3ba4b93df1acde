"""The store: one class owns the connection and every SQL statement.

SQLite (a file, WAL mode) by default; PostgreSQL given a ``postgresql://`` URL.
Writes happen in explicit transactions (:meth:`Store.writer`), so an interrupted
run keeps exactly what it had committed and nothing half-written.

Any number of processes (ingests, corrections, the web upload), on one machine or many,
may write to one store at once: their write transactions take turns, one at a time, so
each sees everything the others committed (an article stored once, a new name one entity,
events merged as in a single run). SQLite: every write transaction starts with BEGIN
IMMEDIATE, taking the database's one write lock first, never upgrading a read to a write
halfway (which fails at once with "database is locked" when another process wrote in
between). PostgreSQL: every write transaction first takes a transaction-scoped advisory
lock (``WRITE_LOCK``). A writer waits for the lock up to ``lock_timeout`` seconds (SQLite's
busy timeout, PostgreSQL's lock_timeout), then fails with a StoreError naming the database.
Reading never waits for writers (WAL; MVCC). Only the writing is serial: the analysis,
the bulk of an ingest, runs before the write transaction, in parallel.
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path

from sqlalchemy import Connection, Engine, and_, create_engine, delete, event, func, make_url, or_, select, text
from sqlalchemy.exc import ArgumentError, NoSuchModuleError, OperationalError, SQLAlchemyError

from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert

from ..errors import ConfigError, StoreError
from ..model import Article
from . import migrations
from .rows import ROW_TABLES, analysis_rows
from .schema import analyses, article_bands, articles, mentions, metadata, near_duplicates, quantities, quotes, timexes

__all__ = ["Store", "Writer", "StoreInfo", "resolve_url", "DEFAULT_DB"]

DEFAULT_DB = "newsgraph.db"
ENV_VAR = "NEWSGRAPH_DB"
DEFAULT_LOCK_TIMEOUT = 600.0  # seconds a writer waits for another process's write transaction
WRITE_LOCK = 7172027  # PostgreSQL advisory lock key of write transactions (7172025: migration)
_WRITE = "newsgraph_write"  # execution option marking a write transaction


def resolve_url(location: str | None) -> str:
    """A SQLAlchemy URL from a --db value, $NEWSGRAPH_DB, or the default file."""
    location = location or os.environ.get(ENV_VAR) or DEFAULT_DB
    if location.startswith(("postgresql://", "postgres://")):
        return "postgresql+psycopg://" + location.split("://", 1)[1]
    if "://" in location:
        return location
    return "sqlite:///" + str(Path(location).expanduser().resolve())


def _now() -> str:
    return datetime.now(timezone.utc).isoformat(timespec="seconds")


def _sqlite_pragmas(lock_timeout: float):
    def on_connect(dbapi_conn, _record) -> None:
        # pysqlite's own transaction handling breaks SAVEPOINT; SQLAlchemy's documented
        # remedy: the driver stays in autocommit and _sqlite_begin emits BEGIN itself.
        dbapi_conn.isolation_level = None
        cur = dbapi_conn.cursor()
        # First: switching a new file to WAL needs a lock another process may hold.
        cur.execute(f"PRAGMA busy_timeout={int(lock_timeout * 1000)}")
        # WAL: readers never block the writer; NORMAL sync is durable at each commit in WAL mode.
        cur.execute("PRAGMA journal_mode=WAL")
        cur.execute("PRAGMA synchronous=NORMAL")
        cur.execute("PRAGMA foreign_keys=ON")
        cur.close()

    return on_connect


def _sqlite_begin(conn) -> None:
    # A write transaction takes the write lock at once (waiting up to the busy timeout).
    conn.exec_driver_sql("BEGIN IMMEDIATE" if conn.get_execution_options().get(_WRITE) else "BEGIN")


def _is_lock_timeout(exc: SQLAlchemyError) -> bool:
    orig = getattr(exc, "orig", None)
    return "database is locked" in str(orig) or getattr(orig, "sqlstate", None) == "55P03"


def _require_existing(url: str) -> None:
    try:
        parsed = make_url(url)
    except ArgumentError:
        return  # _connect reports it
    path = parsed.database
    if parsed.get_backend_name() == "sqlite" and path and path != ":memory:" and not Path(path).is_file():
        raise StoreError(f"no newsgraph database at {path}: nothing has been stored there yet "
                         "(newsgraph ingest or newsgraph demo creates one; check --db or $NEWSGRAPH_DB)")


@dataclass(frozen=True)
class StoreInfo:
    url: str
    backend: str
    schema_version: int
    articles: int
    analyzed: int
    stories: int
    near_duplicate_links: int
    mentions: int
    entities: int
    quotes: int
    timexes: int
    quantities: int
    outlets: int
    first_published: str | None
    last_published: str | None


class Store:
    """A newsgraph database. Open it with ``Store(location)``; it migrates itself."""

    def __init__(self, location: str | None = None, create: bool = True,
                 lock_timeout: float = DEFAULT_LOCK_TIMEOUT):
        """Open (and migrate) the store; ``create=False`` refuses a SQLite path where no database
        exists yet, so a mistyped --db is an error instead of a new, empty database.
        ``lock_timeout``: how long a write waits for other processes' writes, in seconds."""
        self.url = resolve_url(location)
        self.lock_timeout = lock_timeout
        if not create:
            _require_existing(self.url)
        self.engine = self._connect(self.url)
        try:
            with self.engine.connect() as conn:
                current = migrations.current_version(conn)
            if current != migrations.LATEST:  # checked again under the write lock
                with self._write_transaction() as conn:
                    self._lock_for_migration(conn)
                    migrations.migrate(conn, self.display_url)
        except OperationalError as exc:
            self.engine.dispose()
            if _is_lock_timeout(exc):
                raise self._locked() from exc
            raise StoreError(f"cannot open the database {self.display_url}: {exc.orig}") from exc
        except BaseException:
            self.engine.dispose()
            raise

    @property
    def backend(self) -> str:
        return self.engine.dialect.name

    @property
    def display_url(self) -> str:
        """The URL without a password, for messages."""
        return self.engine.url.render_as_string(hide_password=True)

    def _connect(self, url: str) -> Engine:
        try:
            sqlite = url.startswith("sqlite")
            engine = create_engine(url, connect_args={"timeout": self.lock_timeout} if sqlite else {})
        except (ArgumentError, NoSuchModuleError) as exc:
            raise ConfigError(f"not a database path or URL newsgraph can use: {url!r} ({exc})") from exc
        if engine.dialect.name == "sqlite":
            path = engine.url.database
            if path and path != ":memory:" and not Path(path).parent.is_dir():
                raise StoreError(f"cannot create the database {path}: the folder {Path(path).parent} does not exist")
            event.listen(engine, "connect", _sqlite_pragmas(self.lock_timeout))
            event.listen(engine, "begin", _sqlite_begin)
        elif engine.dialect.name != "postgresql":
            raise ConfigError(f"unsupported database {engine.dialect.name!r}: use a SQLite path or a postgresql:// URL")
        return engine

    def _lock_for_migration(self, conn: Connection) -> None:
        # Two processes opening a new PostgreSQL database at once must not both migrate.
        if self.backend == "postgresql":
            conn.execute(text("SELECT pg_advisory_xact_lock(7172025)"))

    def close(self) -> None:
        self.engine.dispose()

    def __enter__(self) -> "Store":
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    # -- writing ---------------------------------------------------------

    @contextmanager
    def writer(self) -> Iterator["Writer"]:
        """A write transaction: everything written through the Writer commits together.

        It starts by taking the store's write lock (see the module's docstring), so it
        waits while another process writes, up to ``lock_timeout`` seconds.
        """
        try:
            with self._write_transaction() as conn:
                yield Writer(conn)
        except SQLAlchemyError as exc:
            if _is_lock_timeout(exc):
                raise self._locked() from exc
            raise StoreError(f"writing to {self.display_url} failed: {exc}") from exc

    @contextmanager
    def _write_transaction(self) -> Iterator[Connection]:
        with self.engine.connect() as conn:
            conn.execution_options(**{_WRITE: True})
            with conn.begin():
                if self.backend == "postgresql":
                    conn.exec_driver_sql(f"SET LOCAL lock_timeout = {int(self.lock_timeout * 1000)}")
                    conn.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": WRITE_LOCK})
                yield conn

    def _locked(self) -> StoreError:
        return StoreError(
            f"the database {self.display_url} stayed locked by another writer for {self.lock_timeout:g} s "
            "(another ingest or correction writing to it); try again when it is done, or wait longer "
            "with --lock-timeout")

    # -- reading ---------------------------------------------------------

    def schema_version(self) -> int:
        with self.engine.connect() as conn:
            return migrations.current_version(conn)

    def states(self, ids: Iterable[str]) -> dict[str, bool]:
        """For the ids already stored: whether each has its analysis."""
        ids = list(ids)
        found: dict[str, bool] = {}
        with self.engine.connect() as conn:
            for chunk in _chunks(ids, 500):
                rows = conn.execute(select(articles.c.id, articles.c.analyzed_at).where(articles.c.id.in_(chunk)))
                found.update({r.id: r.analyzed_at is not None for r in rows})
        return found

    def article(self, article_id: str) -> Article | None:
        with self.engine.connect() as conn:
            row = conn.execute(select(articles).where(articles.c.id == article_id)).first()
        return _article_from_row(row) if row else None

    def analysis(self, article_id: str) -> dict | None:
        """The stored analysis record of an article, with document.text restored."""
        with self.engine.connect() as conn:
            row = conn.execute(
                select(analyses.c.record, articles.c.text)
                .join(articles, articles.c.id == analyses.c.article_id)
                .where(analyses.c.article_id == article_id)
            ).first()
        if row is None:
            return None
        record = json.loads(row.record)
        record["document"]["text"] = row.text
        return record

    def pending_analysis(self, limit: int | None = None) -> list[Article]:
        """Stored articles that have no analysis yet (ingested with analysis off, or interrupted)."""
        query = select(articles).where(articles.c.analyzed_at.is_(None)).order_by(articles.c.ingested_at, articles.c.id)
        if limit:
            query = query.limit(limit)
        with self.engine.connect() as conn:
            return [_article_from_row(r) for r in conn.execute(query)]

    def list_articles(self, limit: int = 50, offset: int = 0) -> list[dict]:
        query = (
            select(
                articles.c.id, articles.c.title, articles.c.outlet, articles.c.published,
                articles.c.source, articles.c.location, articles.c.chars, articles.c.story_id, articles.c.analyzed_at,
            )
            .order_by(articles.c.published.desc(), articles.c.ingested_at.desc(), articles.c.id)
            .limit(limit)
            .offset(offset)
        )
        with self.engine.connect() as conn:
            return [dict(r._mapping) for r in conn.execute(query)]

    def top_entities(self, limit: int = 20, types: Iterable[str] | None = None) -> list[dict]:
        """Entities by mentions: name, type, mentions, and in how many articles."""
        query = (
            select(
                mentions.c.name,
                mentions.c.type,
                func.count().label("mentions"),
                func.count(mentions.c.article_id.distinct()).label("articles"),
            )
            .group_by(mentions.c.name, mentions.c.type)
            .order_by(func.count().desc(), mentions.c.name)
            .limit(limit)
        )
        if types:
            query = query.where(mentions.c.type.in_(list(types)))
        with self.engine.connect() as conn:
            return [dict(r._mapping) for r in conn.execute(query)]

    def near_duplicates_of(self, article_id: str) -> list[dict]:
        query = select(near_duplicates.c.other_id, near_duplicates.c.similarity).where(
            near_duplicates.c.article_id == article_id
        ).union_all(
            select(near_duplicates.c.article_id, near_duplicates.c.similarity).where(
                near_duplicates.c.other_id == article_id
            )
        )
        with self.engine.connect() as conn:
            return [{"id": r[0], "similarity": r[1]} for r in conn.execute(query)]

    def info(self) -> StoreInfo:
        with self.engine.connect() as conn:
            def scalar(query):
                return conn.execute(query).scalar()

            return StoreInfo(
                url=self.display_url,
                backend=self.backend,
                schema_version=migrations.current_version(conn),
                articles=scalar(select(func.count()).select_from(articles)),
                analyzed=scalar(select(func.count()).select_from(articles).where(articles.c.analyzed_at.is_not(None))),
                stories=scalar(select(func.count(articles.c.story_id.distinct()))),
                near_duplicate_links=scalar(select(func.count()).select_from(near_duplicates)),
                mentions=scalar(select(func.count()).select_from(mentions)),
                entities=scalar(
                    select(func.count()).select_from(select(mentions.c.name, mentions.c.type).distinct().subquery())
                ),
                quotes=scalar(select(func.count()).select_from(quotes)),
                timexes=scalar(select(func.count()).select_from(timexes)),
                quantities=scalar(select(func.count()).select_from(quantities)),
                outlets=scalar(select(func.count(articles.c.outlet.distinct()))),
                first_published=scalar(select(func.min(articles.c.published))),
                last_published=scalar(select(func.max(articles.c.published))),
            )


class Writer:
    """Writes inside one transaction (see :meth:`Store.writer`)."""

    def __init__(self, conn: Connection):
        self.conn = conn

    def insert_article(self, article: Article, story_id: str | None = None) -> bool:
        """Insert an article unless one with its id exists; True when inserted.

        Insert-if-absent (not check-then-insert), so two processes ingesting the
        same report at once store it once and neither fails.
        """
        values = dict(
            id=article.id, source=article.source, location=article.location, title=article.title,
            outlet=article.outlet, url=article.url, author=article.author,
            published=article.published, published_inferred=article.published_inferred,
            language=article.language, text=article.text, chars=len(article.text),
            ingested_at=_now(), story_id=story_id or article.id, analyzed_at=None,
        )
        insert = pg_insert if self.conn.dialect.name == "postgresql" else sqlite_insert
        statement = insert(articles).values(**values).on_conflict_do_nothing(index_elements=["id"])
        # RETURNING says whether a row went in on both backends; rowcount does not.
        return self.conn.execute(statement.returning(articles.c.id)).first() is not None

    def exists(self, article_id: str) -> bool:
        return self.conn.execute(select(articles.c.id).where(articles.c.id == article_id)).first() is not None

    def band_candidates(self, bands: Iterable[int], exclude: str) -> list[tuple[str, str, str]]:
        """(id, story_id, text) of stored articles sharing any LSH band with these."""
        bands = list(bands)
        if not bands:
            return []
        matches = (
            select(article_bands.c.article_id)
            .where(or_(*[and_(article_bands.c.band == i, article_bands.c.hash == h) for i, h in enumerate(bands)]))
            .distinct()
        )
        rows = self.conn.execute(
            select(articles.c.id, articles.c.story_id, articles.c.text)
            .where(articles.c.id.in_(matches.scalar_subquery()))
            .where(articles.c.id != exclude)
        )
        return [(r.id, r.story_id, r.text) for r in rows]

    def add_bands(self, article_id: str, bands: Iterable[int]) -> None:
        rows = [{"band": i, "hash": h, "article_id": article_id} for i, h in enumerate(bands)]
        if rows:
            self.conn.execute(article_bands.insert(), rows)

    def link_near_duplicate(self, article_id: str, other_id: str, similarity: float) -> None:
        self.conn.execute(
            near_duplicates.insert().values(article_id=article_id, other_id=other_id, similarity=round(similarity, 4))
        )

    @contextmanager
    def savepoint(self) -> Iterator[None]:
        """A nested transaction: an error inside undoes only what was written inside."""
        with self.conn.begin_nested():
            yield

    def save_analysis(self, article_id: str, record: dict, fresh: bool = False) -> None:
        """Store an analysis record (replacing an older one) and its rows (mentions, quotes, ...).

        ``fresh``: the article was inserted in this transaction, so there is nothing to replace.
        """
        if not fresh:
            for name in ROW_TABLES:
                table = metadata.tables[name]
                self.conn.execute(delete(table).where(table.c.article_id == article_id))
            self.conn.execute(delete(analyses).where(analyses.c.article_id == article_id))
        stored = dict(record)
        stored["document"] = {k: v for k, v in record["document"].items() if k != "text"}
        self.conn.execute(
            analyses.insert().values(article_id=article_id, format=record["format"], record=json.dumps(stored, ensure_ascii=False))
        )
        for name, rows in analysis_rows(article_id, record).items():
            if rows:
                self.conn.execute(metadata.tables[name].insert(), rows)
        values = {"analyzed_at": _now()}
        document = record["document"]
        if document.get("published_inferred") and document.get("published"):
            # Only fills a missing date: a date given by the input or the user wins.
            self.conn.execute(
                articles.update()
                .where(articles.c.id == article_id, articles.c.published.is_(None))
                .values(published=document["published"], published_inferred=True)
            )
        self.conn.execute(articles.update().where(articles.c.id == article_id).values(**values))


def _chunks(items: list, size: int) -> Iterator[list]:
    for i in range(0, len(items), size):
        yield items[i : i + size]


def _article_from_row(row) -> Article:
    return Article(
        text=row.text, source=row.source, location=row.location, title=row.title, outlet=row.outlet, url=row.url,
        author=row.author, published=row.published, published_inferred=bool(row.published_inferred),
        language=row.language, id=row.id,
    )
