"""The database schema, as SQLAlchemy Core tables (the current version).

Portable between SQLite and PostgreSQL: dates are ISO strings (YYYY-MM-DD),
timestamps ISO strings in UTC, JSON documents stored as text.
Migrations in ``migrations.py`` bring older databases up to this shape.
"""

from __future__ import annotations

from sqlalchemy import (
    BigInteger,
    Boolean,
    Column,
    Float,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    Table,
    Text,
)

metadata = MetaData()

# Key/value facts about the database itself: the schema version lives here.
meta = Table(
    "meta",
    metadata,
    Column("key", String(64), primary_key=True),
    Column("value", Text, nullable=False),
)

articles = Table(
    "articles",
    metadata,
    Column("id", String(64), primary_key=True),
    Column("source", Text, nullable=False),
    Column("location", Text),
    Column("title", Text),
    Column("outlet", Text),
    Column("url", Text),
    Column("author", Text),
    Column("published", String(10)),
    Column("published_inferred", Boolean, nullable=False, default=False),
    Column("language", String(16)),
    Column("text", Text, nullable=False),
    Column("chars", Integer, nullable=False),
    Column("ingested_at", String(32), nullable=False),
    # Near-duplicate reports share a story id (the id of the first one stored),
    # so counting independent reports is counting distinct story ids.
    Column("story_id", String(64), nullable=False),
    Column("analyzed_at", String(32)),
    Index("ix_articles_published", "published"),
    Index("ix_articles_outlet", "outlet"),
    Index("ix_articles_story", "story_id"),
)

# The analysis record of docs/analysis-json.md, without document.text
# (that is articles.text), so a stored article can be re-emitted exactly.
analyses = Table(
    "analyses",
    metadata,
    Column("article_id", String(64), ForeignKey("articles.id", ondelete="CASCADE"), primary_key=True),
    Column("format", String(64), nullable=False),
    Column("record", Text, nullable=False),
)

mentions = Table(
    "mentions",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("article_id", String(64), ForeignKey("articles.id", ondelete="CASCADE"), nullable=False),
    Column("entity_key", String(16), nullable=False),
    Column("name", Text, nullable=False),
    Column("type", String(32), nullable=False),
    Column("start", Integer, nullable=False),
    Column("end", Integer, nullable=False),
    Column("text", Text, nullable=False),
    Index("ix_mentions_article", "article_id"),
    Index("ix_mentions_name_type", "name", "type"),
)

article_bands = Table(
    "article_bands",
    metadata,
    Column("band", Integer, nullable=False),
    Column("hash", BigInteger, nullable=False),
    Column("article_id", String(64), ForeignKey("articles.id", ondelete="CASCADE"), nullable=False),
    Index("ix_article_bands_hash", "band", "hash"),
    Index("ix_article_bands_article", "article_id"),
)

near_duplicates = Table(
    "near_duplicates",
    metadata,
    Column("article_id", String(64), ForeignKey("articles.id", ondelete="CASCADE"), primary_key=True),
    Column("other_id", String(64), ForeignKey("articles.id", ondelete="CASCADE"), primary_key=True),
    Column("similarity", Float, nullable=False),
)

V1_TABLES = [meta, articles, analyses, mentions, article_bands, near_duplicates]
