"""Shared by the web tests: a store full of script payloads, and a real `newsgraph serve` process."""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
import time
from contextlib import contextmanager
from pathlib import Path

import httpx
from query_helpers import Builder

from newsgraph.store import Store
from newsgraph.store.schema import analyses

SCRIPT = "<script>window.__pwned=1;alert(1)</script>"
ATTR = '"><img src=x onerror="window.__pwned=1;alert(1)">'
JS_URL = "javascript:window.__pwned=1;alert(1)"
PAYLOADS = (SCRIPT, ATTR)
# What must never reach a page unescaped.
RAW_MARKERS = ("<script>window.__pwned", "<img src=x", 'href="javascript:')


def build_xss(url: str) -> dict:
    """Payloads in every field a page shows: title, outlet, URL, text, entity names, quotes, events."""
    with Store(url) as store, store.writer() as w:
        b = Builder(w.conn)
        evil = b.entity(f"Evil {SCRIPT}", "person", "PERSON", f"Alias {ATTR}")
        other = b.entity(f"Target {ATTR}", "state", "GPE")
        doc = b.article(
            f"Title {SCRIPT}", f"Outlet {ATTR}", "2025-04-02",
            f"Evil {SCRIPT} met Target {ATTR} in town.",
            f'"Quote {SCRIPT} and {ATTR}," Evil {SCRIPT} said.',
            url=JS_URL,
        )
        name_a = f"Evil {SCRIPT}"
        b.mention(doc, name_a, name_a)
        b.mention(doc, f"Target {ATTR}", f"Target {ATTR}")
        content = f"Quote {SCRIPT} and {ATTR}"
        b.quote(doc, content, name_a, name_a)
        b.event(doc, 0, "CONSULT", "met", [name_a], [f"Target {ATTR}"], time="2025-04-01")
        qa, qb = doc.span(content)
        sa, sb = doc.span(name_a, qb)
        ma, mb = doc.span(name_a)
        ta, tb = doc.span(f"Target {ATTR}")
        record = {
            "format": "newsgraph.analysis/1",
            "document": {"id": doc.id, "title": f"Title {SCRIPT}", "outlet": f"Outlet {ATTR}", "published": "2025-04-02"},
            "entities": [
                {"id": "e1", "name": name_a, "type": "PERSON", "mentions": [{"start": ma, "end": mb, "text": name_a}]},
                {"id": "e2", "name": f"Target {ATTR}", "type": "GPE", "mentions": [{"start": ta, "end": tb, "text": "t"}]},
            ],
            "quotes": [{"kind": "direct", "start": qa, "end": qb, "text": content, "cue": {"start": 0, "end": 1, "text": ATTR},
                        "speaker": {"start": sa, "end": sb, "text": name_a, "entity": "e1", "name": name_a}}],
            "timexes": [], "quantities": [],
            "events": [{"type": "CONSULT", "trigger": {"start": doc.text.index("met"), "end": doc.text.index("met") + 3,
                                                       "text": "met"},
                        "sentence": {"start": 0, "end": doc.sentences[0][1]}, "actors": ["e1"], "targets": ["e2"],
                        "modality": "asserted"}],
        }
        w.conn.execute(analyses.update().where(analyses.c.article_id == doc.id).values(record=json.dumps(record)))
        return {"article": doc.id, "evil": evil, "target": other}


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def serve_command(*args: str) -> list[str]:
    return [sys.executable, "-m", "newsgraph", "serve", *args]


@contextmanager
def app_client(url: str, **options):
    """A TestClient over a fresh app on the store at url (caches cleared), the store closed after."""
    from fastapi.testclient import TestClient

    from newsgraph.web import create_app, views

    views.clear_cache()
    app = create_app(url, **options)
    try:
        with TestClient(app, raise_server_exceptions=False) as client:
            yield client
    finally:
        app.state.store.close()


@contextmanager
def running_server(db: str, *extra: str, log: Path | None = None):
    """A `newsgraph serve` subprocess on 127.0.0.1 and a free port; yields its base URL."""
    port = free_port()
    out = open(log, "wb") if log else subprocess.DEVNULL
    env = {**os.environ, "NEWSGRAPH_DB": ""}
    proc = subprocess.Popen(serve_command("--db", db, "--host", "127.0.0.1", "--port", str(port), *extra),
                            stdout=out, stderr=out, env=env)
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 30
        while True:
            if proc.poll() is not None:
                raise RuntimeError(f"newsgraph serve exited with {proc.returncode}")
            try:
                if httpx.get(base + "/api/overview", timeout=2).status_code == 200:
                    break
            except httpx.HTTPError:
                pass
            if time.monotonic() > deadline:
                raise RuntimeError("newsgraph serve did not answer within 30 s")
            time.sleep(0.2)
        yield base
    finally:
        proc.terminate()
        try:
            proc.wait(10)
        except subprocess.TimeoutExpired:
            proc.kill()
        if log:
            out.close()
