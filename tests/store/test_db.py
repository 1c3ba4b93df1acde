"""The store on SQLite and on a real PostgreSQL server (see conftest.store_url)."""

from __future__ import annotations

import pytest
from sqlalchemy import create_engine, text

from newsgraph.errors import SchemaError, StoreError
from newsgraph.model import Article
from newsgraph.store import Store, resolve_url
from newsgraph.store.migrations import LATEST

ARTICLE = Article(
    text="Ministers of the two countries met in Warsaw on Monday.\nThe talks went on until late.",
    source="tests/warsaw.txt",
    title="Ministers meet in Warsaw",
    outlet="Example Wire",
    published="2025-03-03",
    language="en",
)


def record_for(article: Article) -> dict:
    return {
        "format": "newsgraph.analysis/1",
        "analysis": {"stages": ["entities"]},
        "document": {"id": article.id, "source": article.source, "title": article.title, "outlet": article.outlet,
                     "published": article.published, "published_inferred": False, "language": "en",
                     "text": article.text},
        "entities": [{"id": "e1", "name": "Warsaw", "type": "GPE",
                      "mentions": [{"start": 40, "end": 46, "text": "Warsaw"}]}],
        "quotes": [], "timexes": [], "quantities": [], "events": [],
    }


def test_store_migrates_a_new_database_to_the_latest_version(store_url):
    with Store(store_url) as store:
        assert store.schema_version() == LATEST
        info = store.info()
    assert (info.articles, info.analyzed, info.schema_version) == (0, 0, LATEST)


def test_store_reopening_keeps_data_and_version(store_url):
    with Store(store_url) as store, store.writer() as w:
        w.insert_article(ARTICLE)
    with Store(store_url) as store:
        assert store.schema_version() == LATEST
        assert store.article(ARTICLE.id) == ARTICLE


def test_store_article_and_analysis_round_trip(store_url):
    record = record_for(ARTICLE)
    with Store(store_url) as store:
        with store.writer() as w:
            w.insert_article(ARTICLE)
            w.save_analysis(ARTICLE.id, record)
        assert store.analysis(ARTICLE.id) == record
        assert store.states([ARTICLE.id, "0" * 64]) == {ARTICLE.id: True}
        info = store.info()
        assert (info.articles, info.analyzed, info.mentions, info.entities, info.outlets) == (1, 1, 1, 1, 1)
        assert (info.quotes, info.timexes, info.quantities) == (0, 0, 0)
        assert info.first_published == info.last_published == "2025-03-03"
        assert store.top_entities() == [{"name": "Warsaw", "type": "GPE", "mentions": 1, "articles": 1}]


def test_store_reanalysis_replaces_the_old_record_and_mentions(store_url):
    record = record_for(ARTICLE)
    with Store(store_url) as store:
        with store.writer() as w:
            w.insert_article(ARTICLE)
            w.save_analysis(ARTICLE.id, record)
        with store.writer() as w:
            w.save_analysis(ARTICLE.id, record)
        assert store.info().mentions == 1


def test_store_failed_transaction_leaves_nothing_behind(store_url):
    other = Article(text="A different report entirely.", source="tests/other.txt")
    with Store(store_url) as store:
        with store.writer() as w:
            w.insert_article(other)
        with pytest.raises(RuntimeError):
            with store.writer() as w:
                w.insert_article(ARTICLE)
                raise RuntimeError("disk full, say")
        assert store.states([ARTICLE.id, other.id]) == {other.id: False}


def test_store_inserting_a_stored_article_again_keeps_the_first(store_url):
    renamed = ARTICLE.with_changes(title="Another headline", id=ARTICLE.id)
    with Store(store_url) as store:
        with store.writer() as w:
            assert w.insert_article(ARTICLE) is True
        with store.writer() as w:
            assert w.insert_article(renamed) is False
        assert store.info().articles == 1
        assert store.article(ARTICLE.id).title == "Ministers meet in Warsaw"


def test_store_band_candidates_and_near_duplicate_links(store_url):
    twin = Article(text=ARTICLE.text + " Extra line.", source="tests/twin.txt")
    with Store(store_url) as store:
        with store.writer() as w:
            w.insert_article(ARTICLE)
            w.add_bands(ARTICLE.id, [11, 22, 33])
            assert w.band_candidates([99, 22, 98], exclude=twin.id) == [(ARTICLE.id, ARTICLE.id, ARTICLE.text)]
            assert w.band_candidates([22, 33, 11], exclude=twin.id) == []  # same hashes, other bands
            w.insert_article(twin, story_id=ARTICLE.id)
            w.link_near_duplicate(twin.id, ARTICLE.id, 0.93)
        assert store.near_duplicates_of(ARTICLE.id) == [{"id": twin.id, "similarity": 0.93}]
        info = store.info()
        assert (info.articles, info.stories, info.near_duplicate_links) == (2, 1, 1)


def test_store_pending_analysis_lists_unanalysed_articles(store_url):
    with Store(store_url) as store:
        with store.writer() as w:
            w.insert_article(ARTICLE)
        assert [a.id for a in store.pending_analysis()] == [ARTICLE.id]
        with store.writer() as w:
            w.save_analysis(ARTICLE.id, record_for(ARTICLE))
        assert store.pending_analysis() == []


def test_store_refuses_a_database_from_a_newer_newsgraph(store_url):
    with Store(store_url) as store, store.writer() as w:
        w.insert_article(ARTICLE)
        w.conn.execute(text("UPDATE meta SET value = :v WHERE key = 'schema_version'"), {"v": str(LATEST + 1)})
    with pytest.raises(SchemaError, match=f"schema version {LATEST + 1}"):
        Store(store_url)
    engine = create_engine(resolve_url(store_url))
    with engine.connect() as conn:
        assert conn.execute(text("SELECT count(*) FROM articles")).scalar() == 1
    engine.dispose()


def test_store_version_7_is_refused_by_a_newsgraph_that_knows_6(store_url, monkeypatch):
    """Phrases (event_phrases) and quote links are what version 7 adds: code that does not know them refuses."""
    from newsgraph.store import migrations

    every = migrations.MIGRATIONS
    monkeypatch.setattr(migrations, "LATEST", 7)
    monkeypatch.setattr(migrations, "MIGRATIONS", every[:7])
    Store(store_url).close()
    monkeypatch.setattr(migrations, "LATEST", 6)
    monkeypatch.setattr(migrations, "MIGRATIONS", every[:6])
    with pytest.raises(SchemaError, match="schema version 7, but this newsgraph knows versions up to 6"):
        Store(store_url)


def test_store_sqlite_file_uses_wal(tmp_path):
    with Store(str(tmp_path / "corpus.db")) as store, store.engine.connect() as conn:
        assert conn.execute(text("PRAGMA journal_mode")).scalar() == "wal"


@pytest.mark.parametrize(
    "given, env, expected",
    [
        (None, None, "sqlite:///{cwd}/newsgraph.db"),
        (None, "from-env.db", "sqlite:///{cwd}/from-env.db"),
        ("postgresql://u@127.0.0.1:5432/news", "ignored.db", "postgresql+psycopg://u@127.0.0.1:5432/news"),
        ("sqlite:///x.db", None, "sqlite:///x.db"),
    ],
)
def test_store_resolve_url(given, env, expected, monkeypatch, tmp_path):
    monkeypatch.chdir(tmp_path)
    if env:
        monkeypatch.setenv("NEWSGRAPH_DB", env)
    else:
        monkeypatch.delenv("NEWSGRAPH_DB", raising=False)
    assert resolve_url(given) == expected.format(cwd=tmp_path.resolve())


def test_store_missing_folder_is_a_clear_error(tmp_path):
    with pytest.raises(StoreError, match="does not exist"):
        Store(str(tmp_path / "no" / "such" / "dir" / "corpus.db"))


def test_store_migration_2_backfills_rows_from_records_stored_under_version_1(store_url):
    import json as _json

    from newsgraph.store import migrations, schema

    record = record_for(ARTICLE)
    record["quotes"] = [{"kind": "indirect", "start": 0, "end": 9, "text": "Ministers", "cue": {"start": 1, "end": 2, "text": "said"},
                         "speaker": {"start": 40, "end": 46, "text": "Warsaw", "entity": "e1", "name": None}}]
    record["timexes"] = [{"start": 50, "end": 56, "text": "Monday", "type": "DATE", "value": "2025-03-03", "mod": None}]
    engine = create_engine(resolve_url(store_url))
    with engine.begin() as conn:  # a database as version 1 left it
        migrations.migrate(conn, store_url, target=1)
        conn.execute(schema.articles.insert().values(
            id=ARTICLE.id, source=ARTICLE.source, text=ARTICLE.text, chars=len(ARTICLE.text),
            ingested_at="2025-03-03T00:00:00+00:00", story_id=ARTICLE.id, published_inferred=False))
        stored = dict(record, document={k: v for k, v in record["document"].items() if k != "text"})
        conn.execute(schema.analyses.insert().values(article_id=ARTICLE.id, format=record["format"],
                                                     record=_json.dumps(stored)))
    engine.dispose()
    with Store(store_url) as store, store.engine.connect() as conn:
        assert store.schema_version() == LATEST >= 2
        quote = conn.execute(text("SELECT speaker_name, cue, kind FROM quotes")).one()
        assert tuple(quote) == ("Warsaw", "said", "indirect")  # name from the entity when unresolved
        assert conn.execute(text("SELECT value FROM timexes")).scalar() == "2025-03-03"
        assert store.analysis(ARTICLE.id)["quotes"] == record["quotes"]
        assert (store.info().quotes, store.info().timexes) == (1, 1)


def _schema_of(url: str) -> dict:
    from sqlalchemy import inspect as sa_inspect

    engine = create_engine(resolve_url(url))
    inspector = sa_inspect(engine)
    shape = {
        table: (
            sorted(c["name"] for c in inspector.get_columns(table)),
            sorted(i["name"] for i in inspector.get_indexes(table) if i["name"]),
            sorted((fk["referred_table"], tuple(fk["constrained_columns"])) for fk in inspector.get_foreign_keys(table)),
        )
        for table in inspector.get_table_names()
    }
    engine.dispose()
    return shape


def test_store_upgrading_step_by_step_gives_the_same_schema_as_a_new_database(store_url, tmp_path, request):
    from newsgraph.store import migrations

    engine = create_engine(resolve_url(store_url))
    for version in range(1, LATEST + 1):
        with engine.begin() as conn:
            migrations.migrate(conn, store_url, target=version)
    engine.dispose()
    if store_url.startswith("sqlite"):
        fresh = f"sqlite:///{tmp_path / 'fresh.db'}"
    else:  # a second database on the same server (postgres_url is one per test)
        server = request.getfixturevalue("postgres_server")
        server.create_database("fresh_schema")
        request.addfinalizer(lambda: server.drop_database("fresh_schema"))
        fresh = server.url("fresh_schema")
    assert fresh != store_url
    Store(fresh).close()
    assert _schema_of(store_url) == _schema_of(fresh)


def test_store_database_has_every_foreign_key_and_index_that_schema_declares(store_url):
    from newsgraph.store import schema

    from newsgraph.store.migrations import BACKEND_COLUMNS

    Store(store_url).close()
    actual = _schema_of(store_url)
    extra = BACKEND_COLUMNS.get("postgresql" if store_url.startswith("postgresql") else "sqlite", {})
    for table in schema.metadata.sorted_tables:
        columns, indexes, foreign_keys = actual[table.name]
        assert columns == sorted([c.name for c in table.columns] + list(extra.get(table.name, ())))
        declared_fks = sorted((fk.column.table.name, (fk.parent.name,)) for fk in table.foreign_keys)
        assert foreign_keys == declared_fks, table.name
        assert {i.name for i in table.indexes} <= set(indexes), table.name


def test_store_migration_4_fills_report_dates_and_edges_of_a_version_3_database(store_url):
    """Upgrading in place keeps every row and derives report_date and event_edges from them."""
    from newsgraph.store import migrations, schema

    engine = create_engine(resolve_url(store_url))
    with engine.begin() as conn:  # a database as version 3 left it, holding one report
        migrations.migrate(conn, store_url, target=3)
        conn.execute(schema.articles.insert().values(
            id=ARTICLE.id, source=ARTICLE.source, text=ARTICLE.text, chars=len(ARTICLE.text), published="2025-03-03",
            ingested_at="2025-03-03T00:00:00+00:00", story_id=ARTICLE.id, published_inferred=False))
        people = [conn.execute(schema.entities.insert().values(name=n, type="state", created_at="2025-03-03")
                               .returning(schema.entities.c.id)).scalar_one() for n in ("Poland", "Lithuania")]
        event_id = conn.execute(schema.events.insert().values(type="CONSULT", reports=1, created_at="2025-03-03")
                                .returning(schema.events.c.id)).scalar_one()
        report = conn.execute(text(
            "INSERT INTO event_reports (event_id, article_id, type, modality, trigger, sentence_start, sentence_end, "
            "time_value) VALUES (:e, :a, 'CONSULT', 'asserted', 'met', 0, 10, 'PAST_REF') RETURNING id"),
            {"e": event_id, "a": ARTICLE.id}).scalar_one()
        conn.execute(schema.event_participants.insert(), [
            {"report_id": report, "entity_id": people[0], "role": "actor"},
            {"report_id": report, "entity_id": people[1], "role": "target"}])
    engine.dispose()
    with Store(store_url) as store, store.engine.connect() as conn:
        assert store.schema_version() == LATEST >= 4
        assert store.article(ARTICLE.id).text == ARTICLE.text
        dated = conn.execute(text("SELECT time_value, report_date FROM event_reports")).one()
        assert tuple(dated) == ("PAST_REF", "2025-03-03")  # not a calendar value: the publication date
        assert conn.execute(text("SELECT report_id, source_id, target_id, event_id, type, modality, report_date "
                                 "FROM event_edges")).all() == [
            (report, people[0], people[1], event_id, "CONSULT", "asserted", "2025-03-03")]


# -- version 5: which quotation a quote is part of --------------------------------

def test_store_split_quotation_parts_round_trip(store_url):
    from quotation_helpers import SPLIT, starts, store_split

    first, second, other = starts()
    with Store(store_url) as store:
        record = store_split(store)
        assert store.analysis(SPLIT.id)["quotes"] == record["quotes"]  # part_of kept in the record
        assert [q["part_of"] for q in store.analysis(SPLIT.id)["quotes"]] == [None, 0, None]
        with store.engine.connect() as conn:
            rows = conn.execute(text("SELECT start, quotation_start FROM quotes ORDER BY start")).all()
        # Both parts name the first part's start; a first or only part its own.
        assert [tuple(r) for r in rows] == [(first, first), (second, first), (other, other)]


def test_store_quotes_without_part_of_leave_the_quotation_unknown(store_url):
    from quotation_helpers import store_split

    with Store(store_url) as store:
        store_split(store, linked=False)
        with store.engine.connect() as conn:
            assert conn.execute(text("SELECT quotation_start FROM quotes")).scalars().all() == [None, None, None]


def test_store_quotation_starts_of_a_record():
    from newsgraph.store.rows import quotation_starts

    quotes = [{"start": 5, "part_of": None}, {"start": 30, "part_of": 0}, {"start": 50, "part_of": 0},
              {"start": 70}, {"start": 90, "part_of": 7}]
    # no part_of: unknown; a part_of naming no earlier quote starts a quotation of its own (quotations.py)
    assert quotation_starts(quotes) == [5, 5, 5, None, 90]


def test_store_migration_5_fills_quotation_starts_from_stored_records(store_url):
    """A version 4 database: quotes whose records carry part_of get their quotation; older records stay NULL."""
    import json as _json

    from quotation_helpers import SPLIT, split_record, starts

    from newsgraph.store import migrations, schema
    from newsgraph.store.rows import analysis_rows

    old = ARTICLE
    old_record = record_for(old)
    old_record["quotes"] = [{"kind": "indirect", "start": 0, "end": 9, "text": "Ministers", "cue": None,
                             "speaker": None}]  # an analysis from before part_of
    engine = create_engine(resolve_url(store_url))
    with engine.begin() as conn:  # a database as version 4 left it
        migrations.migrate(conn, store_url, target=4)
        v4_quotes = migrations.shape_at(4).tables["quotes"]
        assert "quotation_start" not in v4_quotes.c
        for article, record in ((SPLIT, split_record()), (old, old_record)):
            conn.execute(schema.articles.insert().values(
                id=article.id, source=article.source, text=article.text, chars=len(article.text),
                published=article.published, ingested_at="2025-04-04T00:00:00+00:00", story_id=article.id,
                published_inferred=False))
            stored = dict(record, document={k: v for k, v in record["document"].items() if k != "text"})
            conn.execute(schema.analyses.insert().values(article_id=article.id, format=record["format"],
                                                         record=_json.dumps(stored)))
            rows = analysis_rows(article.id, record)["quotes"]
            conn.execute(v4_quotes.insert(), [{k: v for k, v in r.items() if k in v4_quotes.c} for r in rows])
    engine.dispose()
    first, second, other = starts()
    with Store(store_url) as store, store.engine.connect() as conn:
        assert store.schema_version() == LATEST >= 5
        found = conn.execute(text("SELECT article_id, start, quotation_start FROM quotes")).all()
        assert sorted((r.start, r.quotation_start) for r in found if r.article_id == SPLIT.id) == [
            (first, first), (second, first), (other, other)]
        assert [r.quotation_start for r in found if r.article_id == old.id] == [None]


def test_store_migration_7_keeps_phrases_with_their_reports_and_fills_quote_spans(store_url):
    """A version 6 database as builds between 6 and 7 left it: phrase participants (NOMINAL) as corpus
    entities and mentions. Upgrading keeps every report, makes the phrases event_phrases rows (the
    entity of refers_to as participant), drops the phrase entities and mentions, and links each
    event to the quote its trigger sits in."""
    import json as _json

    from newsgraph.store import migrations, schema

    text_ = 'Havana said: "the Cuban government urged Elian Gonzalez to come home." Riot police used tear gas.'
    article = Article(text=text_, source="tests/havana.txt", published="2000-01-07")

    def span(part: str) -> dict:
        return {"start": text_.index(part), "end": text_.index(part) + len(part), "text": part}

    quote, sentence_one = span("the Cuban government urged Elian Gonzalez to come home."), span(text_.split(" Riot")[0])
    sentence_two = span("Riot police used tear gas.")
    record = {**record_for(article), "entities": [
        {"id": "e1", "name": "Cuba", "type": "GPE", "ids": {"iso3166": "CU"}, "mentions": [span("Havana")]},
        {"id": "e2", "name": "Elian Gonzalez", "type": "PERSON", "mentions": [span("Elian Gonzalez")]},
        {"id": "e3", "name": "the Cuban government", "type": "NOMINAL", "refers_to": "e1",
         "mentions": [span("the Cuban government")]},
        {"id": "e4", "name": "Riot police", "type": "NOMINAL", "mentions": [span("Riot police")]}],
        "quotes": [{"kind": "direct", **{k: quote[k] for k in ("start", "end", "text")}, "cue": span("said"),
                    "speaker": {**span("Havana"), "entity": "e1", "name": "Cuba"}}],
        "events": [
            {"type": "REQUEST", "trigger": span("urged"), "sentence": {k: sentence_one[k] for k in ("start", "end")},
             "actors": ["e3"], "targets": ["e2"], "modality": "claimed"},
            {"type": "ASSAULT", "trigger": span("tear gas"), "sentence": {k: sentence_two[k] for k in ("start", "end")},
             "actors": ["e4"], "targets": [], "modality": "asserted"}]}
    v6 = migrations.shape_at(6).tables
    engine = create_engine(resolve_url(store_url))
    with engine.begin() as conn:  # what a build between 6 and 7 wrote
        migrations.migrate(conn, store_url, target=6)
        conn.execute(v6["articles"].insert().values(
            id=article.id, source=article.source, text=text_, chars=len(text_), published=article.published,
            ingested_at="2000-01-07T00:00:00+00:00", story_id=article.id, published_inferred=False))
        stored = dict(record, document={k: v for k, v in record["document"].items() if k != "text"})
        conn.execute(v6["analyses"].insert().values(article_id=article.id, format=record["format"],
                                                    record=_json.dumps(stored)))
        ids = {}
        for ent, type_ in zip(record["entities"], ("state", "person", "other", "other")):
            ids[ent["id"]] = conn.execute(v6["entities"].insert().values(
                name=ent["name"], type=type_, label=ent["type"], created_at="2000-01-07")
                .returning(v6["entities"].c.id)).scalar_one()
            for m in ent["mentions"]:
                conn.execute(v6["mentions"].insert().values(
                    article_id=article.id, entity_key=ent["id"], name=ent["name"], type=ent["type"],
                    start=m["start"], end=m["end"], text=m["text"], entity_id=ids[ent["id"]]))
        reports = []
        for ev in record["events"]:
            event_id = conn.execute(v6["events"].insert().values(type=ev["type"], reports=1, created_at="2000-01-07")
                                    .returning(v6["events"].c.id)).scalar_one()
            reports.append(conn.execute(v6["event_reports"].insert().values(
                event_id=event_id, article_id=article.id, type=ev["type"], modality=ev["modality"],
                trigger=ev["trigger"]["text"], sentence_start=ev["sentence"]["start"],
                sentence_end=ev["sentence"]["end"]).returning(v6["event_reports"].c.id)).scalar_one())
            conn.execute(v6["event_participants"].insert(), [
                {"report_id": reports[-1], "entity_id": ids[k], "role": role}
                for role, keys in (("actor", ev["actors"]), ("target", ev["targets"])) for k in keys])
    engine.dispose()
    with Store(store_url) as store, store.engine.connect() as conn:
        assert store.schema_version() == LATEST >= 7
        phrases = conn.execute(text("SELECT report_id, role, text, start, entity_id FROM event_phrases "
                                    "ORDER BY report_id")).all()
        assert [tuple(p) for p in phrases] == [
            (reports[0], "actor", "the Cuban government", quote["start"], ids["e1"]),
            (reports[1], "actor", "Riot police", sentence_two["start"], None)]
        assert sorted(tuple(r) for r in conn.execute(text(
            "SELECT report_id, entity_id, role FROM event_participants"))) == [
            (reports[0], ids["e1"], "actor"), (reports[0], ids["e2"], "target")]
        assert [tuple(r) for r in conn.execute(text("SELECT source_id, target_id FROM event_edges"))] == [
            (ids["e1"], ids["e2"])]
        assert sorted(conn.execute(text("SELECT name FROM entities")).scalars()) == ["Cuba", "Elian Gonzalez"]
        assert "NOMINAL" not in conn.execute(text("SELECT type FROM mentions")).scalars().all()
        assert [tuple(r) for r in conn.execute(text(
            "SELECT quote_start, quote_end FROM event_reports ORDER BY id"))] == [
            (quote["start"], quote["end"]), (None, None)]
        assert conn.execute(text("SELECT count(*) FROM articles")).scalar() == 1  # the data stays
