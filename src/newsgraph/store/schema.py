"""The database schema, as SQLAlchemy Core tables (the current version).

Portable between SQLite and PostgreSQL: dates are ISO strings (YYYY-MM-DD),
timestamps ISO strings in UTC, JSON documents stored as text.

Each table and each column added later carries ``info={"since": N}``, the
schema version that introduced it (1 when absent); ``migrations.py`` uses that
to build any older database up to this shape, so this file stays the one
description of the schema.
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
    # Date ranges and joins read these small indexes, not the rows that hold the text.
    Index("ix_articles_published", "published", "id"),
    Index("ix_articles_id_published_outlet", "id", "published", "outlet"),
    Index("ix_articles_outlet", "outlet"),
    Index("ix_articles_story", "story_id"),
    # Version 5: the outlets list (articles, distinct stories, first and last date per
    # outlet) read from this index alone, never from the rows that hold the text.
    Index("ix_articles_outlet_story_published", "outlet", "story_id", "published", info={"since": 5}),
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
    # The corpus-wide entity this mention resolves to (set by resolution).
    Column("entity_id", Integer, ForeignKey("entities.id", ondelete="SET NULL"), info={"since": 3}),
    Index("ix_mentions_article", "article_id"),
    # Covers an entity's mention counts and "statements about it" without row look-ups.
    Index("ix_mentions_entity", "entity_id", "article_id", "start", "end"),
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


# Version 2: who said what, when, and how much, as rows that queries can use.
quotes = Table(
    "quotes",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("article_id", String(64), ForeignKey("articles.id", ondelete="CASCADE"), nullable=False),
    Column("kind", String(16), nullable=False),
    Column("start", Integer, nullable=False),
    Column("end", Integer, nullable=False),
    Column("text", Text, nullable=False),
    Column("cue", Text),
    Column("speaker_text", Text),
    Column("speaker_entity_key", String(16)),
    Column("speaker_name", Text),
    Column("speaker_entity_id", Integer, ForeignKey("entities.id", ondelete="SET NULL"), info={"since": 3}),
    # Version 5: the quotation this quote is part of, named by the character offset of its
    # first part (the analysis record's part_of, resolved to that part's start). A quotation
    # split around its attribution or over several sentences gives one row per part, all
    # with the first part's start; a first or only part holds its own start. NULL when the
    # analysis that stored the row did not link parts (records without part_of).
    Column("quotation_start", Integer, info={"since": 5}),
    # Version 6: the learned model's probability for a quote it found (the analysis
    # record's score, found_by "model"); NULL for quotes the rules found, which are all
    # the quotes stored before version 6.
    Column("score", Float, info={"since": 6}),
    # Version 8: what kind of attribution the quote is (the analysis record's attribution):
    # speech, belief, intention or stance. NULL for quotes stored before version 8, whose
    # records did not say; who-said-what counts them with speech until they are analysed again.
    Column("attribution", String(16), info={"since": 8}),
    Index("ix_quotes_article", "article_id"),
    Index("ix_quotes_speaker_entity", "speaker_entity_id"),
    Index("ix_quotes_speaker_name", "speaker_name"),
    info={"since": 2},
)

timexes = Table(
    "timexes",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("article_id", String(64), ForeignKey("articles.id", ondelete="CASCADE"), nullable=False),
    Column("start", Integer, nullable=False),
    Column("end", Integer, nullable=False),
    Column("text", Text, nullable=False),
    Column("type", String(16), nullable=False),
    Column("value", String(64), nullable=False),
    Column("mod", String(32)),
    Index("ix_timexes_article", "article_id"),
    Index("ix_timexes_value", "value"),
    info={"since": 2},
)

quantities = Table(
    "quantities",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("article_id", String(64), ForeignKey("articles.id", ondelete="CASCADE"), nullable=False),
    Column("start", Integer, nullable=False),
    Column("end", Integer, nullable=False),
    Column("text", Text, nullable=False),
    Column("kind", String(16), nullable=False),
    Column("amount", Float, nullable=False),
    Column("unit", String(64)),
    Index("ix_quantities_article", "article_id"),
    info={"since": 2},
)



# Version 3: the situation graph across all reports.

# One row per real-world entity across the corpus; per-document mentions point here.
entities = Table(
    "entities",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("name", Text, nullable=False),
    # person, organisation, state, place, media, group, other
    Column("type", String(16), nullable=False),
    Column("label", String(32)),  # the analysis type it came from: PERSON, ORG, GPE ...
    Column("ids", Text),  # JSON: {"iso3166": "GB"}, {"geonames": "703448"}
    Column("created_at", String(32), nullable=False),
    Index("ix_entities_type_name", "type", "name"),
    Index("ix_entities_name", "name"),
    info={"since": 3},
)

# Every name an entity goes by; alias_key is the folded form used for look-ups.
entity_aliases = Table(
    "entity_aliases",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("entity_id", Integer, ForeignKey("entities.id", ondelete="CASCADE"), nullable=False),
    Column("alias", Text, nullable=False),
    Column("alias_key", Text, nullable=False),
    Column("origin", String(16), nullable=False),  # analysis, user, gazetteer
    Index("ix_entity_aliases_key", "alias_key"),
    Index("ix_entity_aliases_entity", "entity_id"),
    info={"since": 3},
)

# Users' corrections (merge, split, alias, rename), kept as a log so that they
# are re-applied whenever entities are resolved again.
entity_corrections = Table(
    "entity_corrections",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("action", String(16), nullable=False),
    Column("payload", Text, nullable=False),  # JSON
    Column("created_at", String(32), nullable=False),
    info={"since": 3},
)

sentences = Table(
    "sentences",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("article_id", String(64), ForeignKey("articles.id", ondelete="CASCADE"), nullable=False),
    Column("start", Integer, nullable=False),
    Column("end", Integer, nullable=False),
    Column("text", Text, nullable=False),
    Index("ix_sentences_article", "article_id", "start"),
    info={"since": 3},
)

# A real-world event, reported by one or more articles (event_reports).
events = Table(
    "events",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("type", String(16), nullable=False),  # PLOVER type
    Column("date", String(32)),  # TIMEX3 value of the event's time, when known
    Column("place_entity_id", Integer, ForeignKey("entities.id", ondelete="SET NULL")),
    Column("reports", Integer, nullable=False, default=1),
    # JSON list of disagreements between reports: [{"field": "amount", "values": [...]}]
    Column("contradictions", Text),
    Column("created_at", String(32), nullable=False),
    Index("ix_events_type_date", "type", "date"),
    Index("ix_events_date", "date"),
    info={"since": 3},
)

# One article's report of an event: the sentence, how it is told, on whose word.
event_reports = Table(
    "event_reports",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("event_id", Integer, ForeignKey("events.id", ondelete="CASCADE"), nullable=False),
    Column("article_id", String(64), ForeignKey("articles.id", ondelete="CASCADE"), nullable=False),
    Column("type", String(16), nullable=False),
    Column("mode", String(32)),
    Column("context", Text),  # JSON list
    Column("modality", String(16), nullable=False),
    Column("trigger", Text, nullable=False),
    Column("sentence_start", Integer, nullable=False),
    Column("sentence_end", Integer, nullable=False),
    Column("time_value", String(32)),
    Column("place_entity_id", Integer, ForeignKey("entities.id", ondelete="SET NULL")),
    Column("attributed_entity_id", Integer, ForeignKey("entities.id", ondelete="SET NULL")),
    Column("attributed_text", Text),
    Column("amounts", Text),  # JSON list of {"amount", "unit", "text"}
    # Version 4: the report's date (queries_events.REPORT_DATE: time_value when a calendar
    # value, else the article's publication date), stored for event_edges below. Kept by the
    # database itself (triggers, see migrations._v4_report_dates_and_edges), whoever writes the
    # report or changes its article's date; never set it by hand.
    Column("report_date", String(32), info={"since": 4}),
    # Version 7: the quote the event sits in (the analysis record's quote whose span holds the
    # trigger; the smallest when parts nest), as its span in the article; NULL outside quotes.
    # An event reported on someone's word ("claimed") links to the words it was read from.
    Column("quote_start", Integer, info={"since": 7}),
    Column("quote_end", Integer, info={"since": 7}),
    Index("ix_event_reports_event", "event_id"),
    Index("ix_event_reports_article", "article_id"),
    Index("ix_event_reports_type_time", "type", "time_value"),
    Index("ix_event_reports_time", "time_value"),
    info={"since": 3},
)

event_participants = Table(
    "event_participants",
    metadata,
    Column("report_id", Integer, ForeignKey("event_reports.id", ondelete="CASCADE"), primary_key=True),
    Column("entity_id", Integer, ForeignKey("entities.id", ondelete="CASCADE"), primary_key=True),
    Column("role", String(8), primary_key=True),  # actor, target
    Index("ix_event_participants_entity", "entity_id", "role"),
    info={"since": 3},
)


# Version 7: participants the text names by a phrase, not a name ("riot police", "the Cuban
# government"): the analysis record's NOMINAL entities. They are kept to their report, never
# corpus entities, never merged across articles, never mentions (the mentions table is for
# names). A phrase that stands for a named entity of its article (the record's refers_to)
# carries that entity's corpus id here, and that entity is also the report's participant in
# event_participants, so edges, filters and merging see it; the phrase is what pages show
# ("the Cuban government (Cuba)"). A phrase without refers_to has entity_id NULL: shown as
# written, in no edge, no filter and no merge.
event_phrases = Table(
    "event_phrases",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("report_id", Integer, ForeignKey("event_reports.id", ondelete="CASCADE"), nullable=False),
    Column("role", String(8), nullable=False),  # actor, target
    Column("text", Text, nullable=False),  # the phrase as written in the report's sentence
    Column("start", Integer),  # its span in the article (NULL when the record gave none)
    Column("end", Integer),
    Column("entity_id", Integer, ForeignKey("entities.id", ondelete="SET NULL")),
    Index("ix_event_phrases_report", "report_id"),
    Index("ix_event_phrases_entity", "entity_id"),
    info={"since": 7},
)


# Version 4: the actor network's rows. One row per report and (actor, target) pair of
# distinct entities -- the report's participants paired, with the report's type, modality,
# event and date copied -- so a date range of the network is one index range with nothing
# to look up. A derived table: the database keeps it equal to event_reports joined with
# event_participants (triggers: migrations._v4_report_dates_and_edges); never write it by hand.
# Rows are per report, not per month: an event reported in two months still counts once.
event_edges = Table(
    "event_edges",
    metadata,
    Column("report_id", Integer, ForeignKey("event_reports.id", ondelete="CASCADE"), primary_key=True),
    Column("source_id", Integer, primary_key=True, autoincrement=False),  # the actor's entity id
    Column("target_id", Integer, primary_key=True, autoincrement=False),  # the target's entity id
    Column("event_id", Integer, nullable=False),
    Column("type", String(16), nullable=False),
    Column("modality", String(16), nullable=False),
    Column("report_date", String(32)),
    Index("ix_event_edges_network", "report_date", "modality", "source_id", "target_id", "type", "event_id"),
    info={"since": 4},
)


def since(item) -> int:
    """The schema version that introduced a table, column or index.

    An index without a mark of its own dates from its newest column (or its table).
    """
    if isinstance(item, Index) and "since" not in item.info:
        return max([since(c) for c in item.columns] + [since(item.table)])
    return item.info.get("since", 1)
