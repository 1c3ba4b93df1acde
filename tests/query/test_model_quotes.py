"""Quotes the learned model found stay marked as such from the record to every front end (SQLite and PostgreSQL)."""

from __future__ import annotations

import json

import pytest
from cli_helpers import run
from web_helpers import app_client
from newsgraph import query as q
from newsgraph.model import Article
from newsgraph.store import Store

# An article of our own: one quote with a listed cue ("said"), one stance only the model finds.
SAID, STANCE = "the pension reform would pass by June", "the new border agreement"
TEXT = f"Minister Ana Reyes said {SAID}. Senator Paul Grant vouched for {STANCE}."
ARTICLE = Article(text=TEXT, source="tests/model-quotes.txt", title="Reform and border", outlet="Daily Ledger",
                  published="2025-05-02", language="en")


def _span(phrase: str) -> tuple[int, int]:
    at = TEXT.index(phrase)
    return at, at + len(phrase)


def _quote(content: str, cue: str, speaker: str, score: float | None) -> dict:
    (a, b), (ca, cb), (sa, sb) = _span(content), _span(cue), _span(speaker)
    return {"kind": "indirect", "start": a, "end": b, "text": content, "cue": {"start": ca, "end": cb, "text": cue},
            "speaker": {"start": sa, "end": sb, "text": speaker, "entity": None, "name": speaker}, "part_of": None,
            "found_by": "rules" if score is None else "model", "score": score}


RECORD = {
    "format": "newsgraph.analysis/1",
    "analysis": {"stages": ["entities", "quotes"]},
    "document": {"id": ARTICLE.id, "source": ARTICLE.source, "title": ARTICLE.title, "outlet": ARTICLE.outlet,
                 "published": ARTICLE.published, "published_inferred": False, "language": "en", "text": TEXT},
    "entities": [],
    "quotes": [_quote(SAID, "said", "Minister Ana Reyes", None),
               _quote(STANCE, "vouched", "Senator Paul Grant", 0.712)],
    "timexes": [], "quantities": [], "events": [],
}


@pytest.fixture
def stored(store_url):
    with Store(store_url) as store:
        with store.writer() as w:
            w.insert_article(ARTICLE)
            w.save_analysis(ARTICLE.id, RECORD)
        yield store, store_url


def test_model_quotes_carry_their_score_and_rules_only_leaves_them_out(stored):
    store, _ = stored
    found = {s.text: (s.found_by, s.score) for s in q.who_said_what(store)}
    assert found == {SAID: ("rules", None), STANCE: ("model", pytest.approx(0.712))}
    assert [s.text for s in q.who_said_what(store, rules_only=True)] == [SAID]
    assert [s.text for s in q.who_said_what(store, speaker="Senator Paul Grant", rules_only=True)] == []


def test_model_quotes_are_marked_in_the_cli_and_the_api(stored):
    _, url = stored
    table = run("quotes", "--db", url)
    assert table.returncode == 0, table.stderr
    assert "[model 0.71]" in table.stdout and SAID in table.stdout
    listed = run("quotes", "--db", url, "--rules-only", "--json")
    assert listed.returncode == 0, listed.stderr
    assert [(s["text"], s["found_by"]) for s in json.loads(listed.stdout)] == [(SAID, "rules")]

    with app_client(url) as client:
        everything = client.get("/api/quotes").json()["items"]
        assert {s["text"]: s["found_by"] for s in everything} == {SAID: "rules", STANCE: "model"}
        assert [s["text"] for s in client.get("/api/quotes?rules_only=true").json()["items"]] == [SAID]
        page = client.get(f"/articles/{ARTICLE.id}").text
        assert page.count(' by-model"') == 1 and "model 0.71" in page  # the quote's span, once


def test_analysis_record_says_how_each_quote_was_found():
    from newsgraph.analyze import Analyzer

    [(_, record)] = list(Analyzer().analyze([ARTICLE]))
    how = {qt["text"]: (qt["found_by"], qt["score"]) for qt in record["quotes"]}
    assert how[SAID] == ("rules", None)
    found_by, score = how[STANCE]
    assert found_by == "model" and 0.5 <= score <= 1
