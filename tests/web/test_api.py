"""The JSON API through FastAPI's TestClient over real stores (SQLite and PostgreSQL)."""

from __future__ import annotations

import pytest
from query_helpers import add_namesakes, build_situation
from web_helpers import app_client

from newsgraph.web import views
from newsgraph.web.errors import error_payload

ERROR_KEYS = {"ok", "error", "status"}


@pytest.fixture
def situation(store_url):
    names = build_situation(store_url)
    with app_client(store_url) as client:
        yield client, names


@pytest.fixture
def client(sqlite_url):
    names = build_situation(sqlite_url)
    with app_client(sqlite_url, max_body=1000) as c:
        c.names = names
        yield c


def test_web_api_error_shape_is_pinned():
    assert error_payload(404, "gone") == {"ok": False, "error": "gone", "status": 404}


@pytest.mark.parametrize("method, path, status, words", [
    ("GET", "/api/entities/Boris%20Johnson", 404, "no entity named 'Boris Johnson'"),
    ("GET", "/api/articles/deadbeef", 404, "no article with id"),
    ("GET", "/api/nowhere", 404, "no page or endpoint"),
    ("GET", "/api/articles?limit=1000", 422, "limit"),
    ("GET", "/api/articles?offset=-1", 422, "offset"),
    ("GET", "/api/search", 422, "q"),
    ("GET", "/api/events?since=last%20week", 400, "not a date prefix"),
    ("GET", "/api/events?type=PARTY", 400, "not a PLOVER type"),
    ("POST", "/api/overview", 405, "Method Not Allowed"),
    ("POST", "/api/ingest", 404, "no page or endpoint"),  # read-only: the route does not exist
])
def test_web_api_errors_share_one_shape(client, method, path, status, words):
    r = client.request(method, path)
    body = r.json()
    assert r.status_code == status and set(body) == ERROR_KEYS, body
    assert body["ok"] is False and body["status"] == status and words in body["error"]


def test_web_api_500_and_413_share_the_shape(client, monkeypatch):
    def boom(*a, **k):
        raise RuntimeError("SELECT secret FROM somewhere")
    monkeypatch.setattr(views, "articles", boom)
    r = client.get("/api/articles")
    assert r.status_code == 500 and r.json() == error_payload(500, "internal error; see the server log")
    r = client.post("/api/overview", content=b"x" * 2000)
    assert r.status_code == 413 and set(r.json()) == ERROR_KEYS and r.json()["status"] == 413


def test_web_api_mirrors_the_query_api(situation):
    client, names = situation
    ov = client.get("/api/overview").json()
    assert ov["ok"] and ov["info"]["articles"] == 3 and "url" not in ov["info"]
    assert {a["name"] for a in ov["actors"]} >= {"Keir Starmer", "Volodymyr Zelensky"}
    art = client.get(f"/api/articles/{names['d1']}").json()
    assert art["article"]["title"] == "Starmer and Zelensky agree on drone deal" and art["analysis"]["format"]
    ent = client.get("/api/entities/Zelensky").json()
    assert ent["entity"]["name"] == "Volodymyr Zelensky"
    assert client.get(f"/api/entities/{names['Volodymyr Zelensky']}").json()["entity"] == ent["entity"]
    quotes = client.get("/api/quotes", params={"speaker": "Peskov", "since": "2025-04"}).json()["items"]
    assert [q["text"] for q in quotes] == ["Zelensky's proposal is not serious"]
    assert quotes[0]["source"]["outlet"] == "Reuters"
    events = client.get("/api/events", params={"actor": "Starmer", "type": "consult"}).json()["items"]
    assert len(events) == 1 and events[0]["report_count"] == 2
    assert [r["type"] for r in client.get("/api/timeline", params={"entity": "Ukraine"}).json()["items"]] == ["REJECT", "AID"]
    net = client.get("/api/network").json()
    labels = {n["label"] for n in net["nodes"]}
    assert {"Keir Starmer", "United Kingdom", "Ukraine"} <= labels
    assert all(e["source"] in {n["id"] for n in net["nodes"]} for e in net["edges"])
    hits = client.get("/api/search", params={"q": "ceasefire"}).json()["items"]
    assert hits and hits[0]["source"]["article_id"] == names["d2"]


def test_web_api_names_entities_by_the_query_api_rule(sqlite_url):
    build_situation(sqlite_url)
    ids = add_namesakes(sqlite_url)
    state, place = ids["Georgia state"], ids["Georgia place"]
    with app_client(sqlite_url) as client:
        for path in ("/api/entities/Georgia", "/api/quotes?speaker=Georgia", "/api/events?actor=Georgia",
                     "/api/timeline?entity=Georgia"):
            r = client.get(path)
            assert r.status_code == 400 and r.json() == error_payload(400, (
                f"'Georgia' names 2 entities: #{state} Georgia (state), #{place} Georgia (place); name one by #id"))
        # Pages link to entities by id: a bare number in a URL is an id there; #id works too.
        assert client.get(f"/api/entities/{place}").json()["entity"]["id"] == place
        assert client.get(f"/api/entities/%23{place}").json()["entity"]["id"] == place


def test_web_api_pages_with_next_links(client):
    first = client.get("/api/articles", params={"limit": 2}).json()
    assert len(first["items"]) == 2 and first["next"] == "/api/articles?limit=2&offset=2"
    second = client.get(first["next"]).json()
    assert len(second["items"]) == 1 and second["next"] is None
    ids = [a["id"] for a in first["items"] + second["items"]]
    assert len(set(ids)) == 3
    q = client.get("/api/quotes", params={"about": "Russia", "limit": 1}).json()
    assert q["next"].startswith("/api/quotes?") and "about=Russia" in q["next"] and "offset=1" in q["next"]


def test_web_api_security_headers_everywhere(client):
    for path in ("/", "/api/overview", "/api/nowhere", "/static/style.css"):
        r = client.get(path)
        csp = r.headers["content-security-policy"]
        assert "script-src 'self'" in csp and "unsafe-inline" not in csp and "object-src 'none'" in csp
        assert r.headers["x-content-type-options"] == "nosniff"


def test_web_api_openapi_lists_every_endpoint(client):
    paths = client.get("/openapi.json").json()["paths"]
    for p in ("/api/overview", "/api/articles", "/api/articles/{article_id}", "/api/entities/{ref}", "/api/quotes",
              "/api/events", "/api/timeline", "/api/network", "/api/search"):
        assert p in paths, p
    assert "/api/ingest" not in paths
    assert client.get("/docs").status_code == 200


def test_web_api_outlets_pages_over_all_articles(client):
    first = client.get("/api/outlets", params={"limit": 2}).json()
    assert first["ok"] and [o["outlet"] for o in first["items"]] == ["BBC News", "Reuters"]
    assert set(first["items"][0]) == {"outlet", "articles", "stories", "first_published", "last_published"}
    assert first["next"] == "/api/outlets?limit=2&offset=2"
    second = client.get(first["next"]).json()
    assert [o["outlet"] for o in second["items"]] == ["The Guardian"] and second["next"] is None
    for path, status in (("/api/outlets?limit=1000", 422), ("/api/outlets?offset=-1", 422)):
        body = client.get(path).json()
        assert body["status"] == status and set(body) == ERROR_KEYS
    overview = client.get("/api/overview").json()
    assert overview["outlets"] == client.get("/api/outlets").json()["items"]  # all articles, not the latest


def test_web_api_actors_carry_ids_and_quotes_their_quotation(client):
    from quotation_helpers import SPLIT, starts, store_split

    from newsgraph.store import Store

    actors = client.get("/api/overview").json()["actors"]
    assert all(a["entity_id"] == client.names[a["name"]] for a in actors)
    with Store(client.app.state.store.url) as store:
        store_split(store)
    first, second, _ = starts()
    items = client.get("/api/quotes", params={"speaker": "Keir Starmer", "since": "2025-04-04"}).json()["items"]
    assert sorted((i["source"]["start"], i["quotation_start"], i["continues"]) for i in items) == [
        (first, first, False), (second, first, True)]
    assert all(i["source"]["article_id"] == SPLIT.id for i in items)
