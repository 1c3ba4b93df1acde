"""Who said what shows speech by default; the other attributions (belief, intention, stance) on
request, in the query API, the CLI, the JSON API and the article reader (SQLite and PostgreSQL)."""

from __future__ import annotations

import json

import pytest
from cli_helpers import run
from sqlalchemy import create_engine, text
from web_helpers import app_client

from newsgraph import query as q
from newsgraph.errors import ConfigError
from newsgraph.model import Article
from newsgraph.store import Store, resolve_url, schema
from newsgraph.store import migrations

# An article of our own: one thing said, one believed, one planned, one stance.
SAID = "the arena would close in March"
BELIEVED = "the team can still make the playoffs"
PLANNED = "to cut the arena budget by half"
STANCE = "the new bike lanes"
TEXT = (f"Mayor Ana Reyes said {SAID}. Coach Paul Grant believes {BELIEVED}. "
        f"The council plans {PLANNED}. Most residents support {STANCE}.")
ARTICLE = Article(text=TEXT, source="tests/attribution.txt", title="Arena to close", outlet="Daily Ledger",
                  published="2025-05-02", language="en")
KINDS = {SAID: "speech", BELIEVED: "belief", PLANNED: "intention", STANCE: "stance"}


def _span(phrase: str) -> tuple[int, int]:
    at = TEXT.index(phrase)
    return at, at + len(phrase)


def _quote(content: str, cue: str, speaker: str, attribution: str | None) -> dict:
    (a, b), (ca, cb), (sa, sb) = _span(content), _span(cue), _span(speaker)
    quote = {"kind": "indirect", "start": a, "end": b, "text": content,
             "cue": {"start": ca, "end": cb, "text": cue},
             "speaker": {"start": sa, "end": sb, "text": speaker, "entity": None, "name": speaker},
             "part_of": None, "found_by": "rules", "score": None}
    if attribution is not None:
        quote["attribution"] = attribution
    return quote


def record(with_attribution: bool = True) -> dict:
    cues = {SAID: ("said", "Mayor Ana Reyes"), BELIEVED: ("believes", "Coach Paul Grant"),
            PLANNED: ("plans", "The council"), STANCE: ("support", "Most residents")}
    return {
        "format": "newsgraph.analysis/1",
        "analysis": {"stages": ["entities", "quotes"]},
        "document": {"id": ARTICLE.id, "source": ARTICLE.source, "title": ARTICLE.title, "outlet": ARTICLE.outlet,
                     "published": ARTICLE.published, "published_inferred": False, "language": "en", "text": TEXT},
        "entities": [],
        "quotes": [_quote(content, *cues[content], kind if with_attribution else None)
                   for content, kind in KINDS.items()],
        "timexes": [], "quantities": [], "events": [],
    }


@pytest.fixture
def stored(store_url):
    with Store(store_url) as store:
        with store.writer() as w:
            w.insert_article(ARTICLE)
            w.save_analysis(ARTICLE.id, record())
        yield store, store_url


def test_attribution_who_said_what_shows_speech_by_default(stored):
    store, _ = stored
    assert [(s.text, s.attribution) for s in q.who_said_what(store)] == [(SAID, "speech")]
    everything = {s.text: s.attribution for s in q.who_said_what(store, attribution="all")}
    assert everything == KINDS
    assert [s.text for s in q.who_said_what(store, attribution="belief")] == [BELIEVED]
    assert {s.text for s in q.who_said_what(store, attribution="intention, stance")} == {PLANNED, STANCE}
    assert [s.text for s in q.who_said_what(store, speaker="Coach Paul Grant")] == []  # he said nothing
    with pytest.raises(ConfigError, match="not one of speech, belief, intention, stance or all"):
        q.who_said_what(store, attribution="rumour")


def test_attribution_filter_in_the_cli(stored):
    _, url = stored
    table = run("quotes", "--db", url)
    assert table.returncode == 0, table.stderr
    assert SAID in table.stdout and BELIEVED not in table.stdout
    listed = run("quotes", "--db", url, "--attribution", "all", "--json")
    assert listed.returncode == 0, listed.stderr
    assert {s["text"]: s["attribution"] for s in json.loads(listed.stdout)} == KINDS
    beliefs = run("quotes", "--db", url, "--attribution", "belief")
    assert beliefs.returncode == 0 and BELIEVED in beliefs.stdout and "[belief]" in beliefs.stdout
    wrong = run("quotes", "--db", url, "--attribution", "rumour")
    assert wrong.returncode == 2 and "attribution 'rumour' is not one of" in wrong.stderr


def test_attribution_filter_in_the_api_and_the_reader(stored):
    _, url = stored
    with app_client(url) as client:
        assert [s["text"] for s in client.get("/api/quotes").json()["items"]] == [SAID]
        items = client.get("/api/quotes?attribution=all").json()["items"]
        assert {s["text"]: s["attribution"] for s in items} == KINDS
        assert [s["text"] for s in client.get("/api/quotes?attribution=stance").json()["items"]] == [STANCE]
        bad = client.get("/api/quotes?attribution=rumour")
        assert bad.status_code == 400 and bad.json()["ok"] is False

        page = client.get(f"/articles/{ARTICLE.id}").text
        panel = page[page.index('id="quote-list"'):]
        assert SAID in panel and BELIEVED not in panel and PLANNED not in panel
        assert page.count('data-quote="') == 1  # only the speech is marked in the text
        assert 'href="?attribution=all"' in page and "speech (1)" in page and "all (4)" in page
        everything = client.get(f"/articles/{ARTICLE.id}?attribution=all").text
        panel = everything[everything.index('id="quote-list"'):]
        assert all(content in panel for content in KINDS) and everything.count('data-quote="') == 4
        assert client.get(f"/articles/{ARTICLE.id}?attribution=rumour").status_code == 400


def test_attribution_column_added_by_migration_8_counts_old_quotes_as_speech(store_url):
    from newsgraph.store.rows import analysis_rows

    engine = create_engine(resolve_url(store_url))
    with engine.begin() as conn:  # a database as version 7 left it, with a record from before attribution
        migrations.migrate(conn, store_url, target=7)
        v7_quotes = migrations.shape_at(7).tables["quotes"]
        assert "attribution" not in v7_quotes.c
        conn.execute(schema.articles.insert().values(
            id=ARTICLE.id, source=ARTICLE.source, text=TEXT, chars=len(TEXT), published=ARTICLE.published,
            ingested_at="2025-05-02T00:00:00+00:00", story_id=ARTICLE.id, published_inferred=False))
        rows = analysis_rows(ARTICLE.id, record(with_attribution=False))["quotes"]
        conn.execute(v7_quotes.insert(), [{k: v for k, v in r.items() if k in v7_quotes.c} for r in rows])
    engine.dispose()
    with Store(store_url) as store, store.engine.connect() as conn:
        assert store.schema_version() >= 8
        assert {r.attribution for r in conn.execute(text("SELECT attribution FROM quotes"))} == {None}
        shown = {s.text: s.attribution for s in q.who_said_what(store)}
        assert shown == {content: None for content in KINDS}  # not known: shown with speech
        assert q.who_said_what(store, attribution="belief") == []
