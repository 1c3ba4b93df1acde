"""HTML pages over real stores: every page renders, links lead to spans, and untrusted data stays escaped."""

from __future__ import annotations

import re

import pytest

from paths import SAMPLE_SEED
from query_helpers import build_situation
from typer.testing import CliRunner
from web_helpers import ATTR, RAW_MARKERS, SCRIPT, app_client, build_xss

from newsgraph.cli import app
from newsgraph.web.reader import parse_span, read_article


@pytest.fixture
def situation(sqlite_url):
    names = build_situation(sqlite_url)
    with app_client(sqlite_url) as client:
        yield client, names


def pages(names: dict) -> list[str]:
    return ["/", "/articles", f"/articles/{names['d1']}", f"/articles/{names['d2']}?span=0-20",
            "/entities/Keir%20Starmer", f"/entities/{names['Ukraine']}", "/events", "/events?type=CONSULT&actor=Starmer",
            "/network", "/search?q=Zelensky", "/search"]


def test_web_pages_render_and_link_to_spans(situation):
    client, names = situation
    for path in pages(names):
        r = client.get(path)
        assert r.status_code == 200 and r.headers["content-type"].startswith("text/html"), path
        # No inline script: every <script> has a src or is a JSON data block.
        for tag in re.findall(r"<script\b[^>]*>", r.text):
            assert "src=" in tag or 'type="application/json"' in tag, (path, tag)
    entity = client.get("/entities/Keir%20Starmer").text
    assert f'/articles/{names["d1"]}?span=' in entity and "We will stand with Ukraine" in entity
    assert "<svg" in entity and "<circle" in entity  # the timeline chart, each dot a link to its sentence
    cited = client.get(f"/articles/{names['d2']}?span=0-20").text
    assert 'id="span"' in cited


def test_web_pages_errors_render_as_pages(situation):
    client, _ = situation
    r = client.get("/entities/Nobody%20Here")
    assert r.status_code == 404 and "Error 404" in r.text and "no entity named" in r.text
    assert client.get("/events?since=yesterday").status_code == 400


def test_web_pages_escape_every_untrusted_field(sqlite_url):
    ids = build_xss(sqlite_url)
    with app_client(sqlite_url) as client:
        _assert_escaped(client, ids)


def _assert_escaped(client, ids: dict) -> None:
    paths = ["/", "/articles", f"/articles/{ids['article']}", f"/entities/{ids['evil']}", f"/entities/{ids['target']}",
             "/events", "/network", "/search?q=Quote", f"/search?q={SCRIPT}", "/entities/%3Cscript%3E"]
    for path in paths:
        html = client.get(path).text
        for marker in RAW_MARKERS:
            assert marker not in html, (path, marker)
    reader = client.get(f"/articles/{ids['article']}").text
    assert "&lt;script&gt;window.__pwned" in reader and "&#34;&gt;&lt;img src=x" in reader
    assert "javascript:" in reader and 'href="javascript' not in reader  # shown as text, never a link
    network = client.get("/network").text
    assert "\\u003cscript\\u003e" in network  # JSON block escaped by tojson
    api = client.get(f"/api/articles/{ids['article']}").json()
    assert api["article"]["title"] == f"Title {SCRIPT}" and ATTR in api["article"]["outlet"]  # JSON keeps data as is


def test_web_reader_cuts_text_at_every_span():
    text = 'Ann said "we go" in Rome.'
    record = {"entities": [{"id": "e1", "name": "Ann Lee", "type": "PERSON", "mentions": [{"start": 0, "end": 3}]}],
              "quotes": [{"start": 10, "end": 15, "kind": "direct", "speaker": {"text": "Ann", "name": "Ann Lee"}},
                         {"start": 30, "end": 40, "speaker": {}}],  # out of range: ignored
              "events": [{"type": "AGREE", "trigger": {"start": 13, "end": 15, "text": "go"}, "actors": ["e1"]}]}
    r = read_article(text, record, target=(4, 8))
    assert "".join(s.text for s in r.segments) == text
    assert [s.text for s in r.segments if s.quote == 0] == ["we ", "go"]
    assert [s.text for s in r.segments if s.event] == ["go"] and r.events[0]["actor_names"] == ["Ann Lee"]
    assert [s.entity for s in r.segments if s.entity] == ["Ann Lee"]
    assert [s.text for s in r.segments if s.target] == ["said"] and len(r.quotes) == 1
    assert r.speakers[0].name == "Ann Lee" and r.speakers[0].quotes[0]["text"] == "we go"
    assert parse_span("5-2", 10) is None and parse_span("2-99", 10) == (2, 10) and parse_span("x", 10) is None


def test_web_cli_serve_refuses_ingest_without_token():
    runner = CliRunner()
    result = runner.invoke(app, ["serve", "--allow-ingest"], env={"NEWSGRAPH_TOKEN": ""})
    assert result.exit_code == 2 and "--allow-ingest needs --token" in result.output
    result = runner.invoke(app, ["serve", "--allow-ingest", "--token", "short"])
    assert result.exit_code == 2 and "at least 16" in result.output
    assert runner.invoke(app, ["serve", "--help"]).exit_code == 0


def test_web_reader_lists_a_quotation_once_with_its_parts_joined(sqlite_url):
    from quotation_helpers import FIRST, OTHER, SECOND, SPLIT, store_split

    from newsgraph.store import Store

    build_situation(sqlite_url)
    with Store(sqlite_url) as store:
        store_split(store)
    with app_client(sqlite_url) as client:
        html = client.get(f"/articles/{SPLIT.id}").text
    # The text marks each part on its own ...
    assert re.findall(r'data-quote="(\d+)"', html) == ["0", "1", "2"]
    assert 'id="q0"' in html and 'id="q1"' in html
    # ... the list of who said what holds one entry per quotation, its parts joined.
    listed = re.search(r'<ol class="quotes" id="quote-list">(.*?)</ol>', html, re.S).group(1)
    entries = re.findall(r"<li\b.*?</li>", listed, re.S)
    assert len(entries) == 2
    assert f"<q>{FIRST} … {SECOND}</q>" in entries[0] and 'href="#q0"' in entries[0] and "2 parts" in entries[0]
    assert f"<q>{OTHER.lower()}</q>" in entries[1] and "Dmitry Peskov" in entries[1]
    counts = re.findall(r'class="speaker spk-\d+" data-spk="\d+" aria-pressed="false">([^<]+)</button> '
                        r'<span class="n">(\d+)</span>', html)
    assert counts == [("Keir Starmer", "1"), ("Dmitry Peskov", "1")]  # quotations, not parts


def test_web_reader_groups_parts_by_part_of():
    text = '"One," Ann said. "Two." Bob said three.'
    ann, bob = {"text": "Ann", "name": "Ann Lee"}, {"text": "Bob", "name": "Bob Roe"}
    record = {"quotes": [{"start": 1, "end": 5, "kind": "direct", "speaker": ann, "part_of": None},
                         {"start": 90, "end": 99, "speaker": bob},  # out of range: dropped, indices still hold
                         {"start": 18, "end": 22, "kind": "direct", "speaker": ann, "part_of": 0},
                         {"start": 33, "end": 38, "kind": "indirect", "speaker": bob, "part_of": 1},  # names a dropped quote
                         ]}
    r = read_article(text, record)
    assert [q["index"] for q in r.quotes] == [0, 1, 2]
    assert [(x["text"], [p["index"] for p in x["parts"]]) for x in r.quotations] == [
        ("One, … Two.", [0, 1]), ("three", [2])]
    assert [q["quotation"] for q in r.quotes] == [0, 0, 1]
    assert [(s.name, len(s.quotes), len(s.quotations)) for s in r.speakers] == [("Ann Lee", 2, 1), ("Bob Roe", 1, 1)]


def test_web_overview_actor_links_answer_on_the_seed_article(tmp_path):
    import subprocess
    import sys
    from pathlib import Path

    seed = Path("/work/shared/seed/article.txt")
    if not seed.exists():
        seed = SAMPLE_SEED
    db = str(tmp_path / "seed.db")
    done = subprocess.run([sys.executable, "-m", "newsgraph", "ingest", str(seed), "--published", "2025-04-02",
                           "--db", db, "--quiet"], capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr
    with app_client(db) as client:
        html = client.get("/").text
        table = re.search(r'<table class="list" id="actors">(.*?)</table>', html, re.S).group(1)
        links = re.findall(r'href="(/entities/[^"]+)"', table)
        assert len(links) >= 10 and all(re.fullmatch(r"/entities/\d+", link) for link in links), links
        for link in links:
            assert client.get(link).status_code == 200, link
        for actor in client.get("/api/overview").json()["actors"]:  # each id leads to its actor
            assert client.get(f"/api/entities/{actor['entity_id']}").json()["entity"]["id"] == actor["entity_id"]
