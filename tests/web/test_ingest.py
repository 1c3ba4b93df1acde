"""POST /api/ingest and the upload form: absent unless allowed, and only with the token."""

from __future__ import annotations

from pathlib import Path

import pytest

from paths import SAMPLE_SEED
from fastapi.testclient import TestClient

from newsgraph.web import create_app

SEED = Path("/work/shared/seed/article.txt")
if not SEED.exists():
    SEED = SAMPLE_SEED
TOKEN = "t0ken-for-tests-0123456789"


@pytest.fixture
def client(sqlite_url):
    app = create_app(sqlite_url, allow_ingest=True, token=TOKEN)
    with TestClient(app, raise_server_exceptions=False) as c:
        yield c
    app.state.store.close()


def test_web_ingest_needs_a_token_to_be_enabled(sqlite_url):
    with pytest.raises(ValueError):
        create_app(sqlite_url, allow_ingest=True)


@pytest.mark.parametrize("headers", [{}, {"Authorization": "Bearer wrong"}, {"Authorization": f"Basic {TOKEN}"}])
def test_web_ingest_refuses_a_missing_or_wrong_token(client, headers):
    r = client.post("/api/ingest", files={"file": ("a.txt", b"Some text.")}, headers=headers)
    assert r.status_code == 401 and r.json()["ok"] is False and r.json()["status"] == 401
    assert client.get("/api/articles").json()["items"] == []


def test_web_ingest_refuses_a_bad_date(client):
    r = client.post("/api/ingest", files={"file": ("a.txt", b"Some text.")}, data={"published": "April"},
                    headers={"Authorization": f"Bearer {TOKEN}"})
    assert r.status_code == 422 and "YYYY-MM-DD" in r.json()["error"]


@pytest.mark.slow
def test_web_ingest_stores_and_analyses_the_seed(client):
    r = client.post("/api/ingest", files={"file": ("article.txt", SEED.read_bytes())}, data={"published": "2025-04-02"},
                    headers={"Authorization": f"Bearer {TOKEN}"})
    body = r.json()
    assert r.status_code == 200 and body["stored"] == 1 and body["analyzed"] == 1, body
    page = client.get(f"/articles/{body['articles'][0]}").text
    assert "Yuri Knutov" in page and 'class="speaker' in page
    form = client.get("/upload")
    assert form.status_code == 200 and 'name="token"' in form.text
    again = client.post("/upload", files={"file": ("article.txt", SEED.read_bytes())}, data={"token": TOKEN})
    assert again.status_code == 200 and "duplicates 1" in again.text
