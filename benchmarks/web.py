"""Web latency: p50/p95 of each page and /api endpoint on a synthetic store of N articles.

Builds the store with benchmarks/synthetic.py (default 10,000 articles, temporary
SQLite file; --keep PATH builds or reuses a file, --db an empty postgresql:// URL),
then requests every page and endpoint through the ASGI app in process (FastAPI's
TestClient: routing, query, rendering, JSON; no sockets) with realistic parameters
(entities drawn with the corpus's Zipf weights, month ranges, common outlets).
The aggregate cache (overview, network) is cleared before each such request, so
those figures are cold; "warm" rows show the cached case. Target: p95 under 300 ms.

Usage: python benchmarks/web.py [--articles N] [--runs N] [--db URL] [--keep PATH] [--only TEXT]
"""

from __future__ import annotations

import random
import sys
import tempfile
import time
from pathlib import Path
from urllib.parse import quote

sys.path.insert(0, str(Path(__file__).resolve().parent))
from latency import parse_arguments, summary  # noqa: E402
from queries import _fix_sequences, months  # noqa: E402
from synthetic import OUTLETS, WORDS, Corpus, generate  # noqa: E402

from fastapi.testclient import TestClient  # noqa: E402

from newsgraph.query_records import PLOVER_TYPES  # noqa: E402
from newsgraph.store import Store  # noqa: E402
from newsgraph.web import create_app, views  # noqa: E402

TARGET_MS = 300.0


def cases(corpus: Corpus, article_ids: list[str]):
    """(name, url function, cold) triples; each call draws fresh parameters."""
    rng = corpus.rng
    entity = lambda: quote(corpus.names[corpus._pick(1)[0] - 1])  # noqa: E731
    person = lambda: quote(corpus.names[corpus._pick(1, people=True)[0] - 1])  # noqa: E731
    outlet = lambda: quote(rng.choice(OUTLETS[:12]))  # noqa: E731
    article = lambda: rng.choice(article_ids)  # noqa: E731
    month = lambda: months(rng)[0]  # noqa: E731
    pages = [
        ("page /", lambda: "/", True),
        ("page / (warm)", lambda: "/", False),
        ("page /articles (page 3)", lambda: "/articles?offset=100", False),
        ("page /articles/{id}", lambda: f"/articles/{article()}", False),
        ("page /entities/{name}", lambda: f"/entities/{entity()}", True),
        ("page /events", lambda: "/events", False),
        ("page /events (type, outlet, month)", lambda: f"/events?type={rng.choice(PLOVER_TYPES)}&outlet={outlet()}&since={(m := month())}&until={m}", False),
        ("page /events (actor)", lambda: f"/events?actor={entity()}", False),
        ("page /network", lambda: "/network", True),
        ("page /network (warm)", lambda: "/network", False),
        ("page /network (month)", lambda: f"/network?since={(m := month())}&until={m}", True),
        ("page /search (word)", lambda: f"/search?q={rng.choice(WORDS)}", False),
    ]
    api = [
        ("api /api/overview", lambda: "/api/overview", True),
        ("api /api/articles", lambda: "/api/articles?offset=200", False),
        ("api /api/articles/{id}", lambda: f"/api/articles/{article()}", False),
        ("api /api/entities/{name}", lambda: f"/api/entities/{entity()}", False),
        ("api /api/quotes (speaker)", lambda: f"/api/quotes?speaker={person()}", False),
        ("api /api/quotes (outlet, month)", lambda: f"/api/quotes?outlet={outlet()}&since={(m := month())}&until={m}", False),
        ("api /api/events (type, target, year)", lambda: f"/api/events?type={rng.choice(PLOVER_TYPES)}&target={entity()}&since=2024&until=2024", False),
        ("api /api/timeline (entity)", lambda: f"/api/timeline?entity={entity()}", False),
        ("api /api/network", lambda: "/api/network", True),
        ("api /api/network (month)", lambda: f"/api/network?since={(m := month())}&until={m}", True),
        ("api /api/search (name + word)", lambda: f"/api/search?q={person().split('%20')[-1]}+{rng.choice(WORDS)}", False),
    ]
    return pages + api


def measure(client: TestClient, corpus: Corpus, article_ids: list[str], runs: int, only: str | None) -> int:
    slow = 0
    for name, url, cold in cases(corpus, article_ids):
        if only and only not in name:
            continue
        client.get(url())  # warm the page cache once, as a running service would be
        times = []
        for _ in range(runs):
            target = url()
            if cold:
                views.clear_cache()
            start = time.perf_counter()
            r = client.get(target)
            times.append((time.perf_counter() - start) * 1000)
            if r.status_code not in (200, 404):  # 404: a drawn name may be ambiguous or absent
                raise SystemExit(f"{target}: {r.status_code} {r.text[:200]}")
        line, too_slow = summary(name, times, TARGET_MS, 40)
        slow += too_slow
        print(line, flush=True)
    return slow


def main() -> None:
    args = parse_arguments(__doc__.splitlines()[0], articles=10_000, runs=20,
                           what="page or endpoint", whats="pages and endpoints")
    with tempfile.TemporaryDirectory() as tmp:
        location = args.db or args.keep or str(Path(tmp) / "bench.db")
        reuse = bool(args.keep) and Path(args.keep).exists()
        with Store(location) as store:
            if not reuse:
                start = time.perf_counter()
                generate(store.engine, args.articles,
                         progress=lambda n: print(f"\r  generated {n} articles", end="", file=sys.stderr))
                if store.backend == "postgresql":
                    _fix_sequences(store)
                with store.engine.begin() as conn:
                    conn.exec_driver_sql("ANALYZE")
                print(f"\ngenerated {args.articles} articles in {time.perf_counter() - start:.1f} s ({store.backend})")
            app = create_app(store=store)
            client = TestClient(app)
            ids = [a["id"] for a in client.get("/api/articles?limit=200").json()["items"]]
            corpus = Corpus()
            corpus.rng = random.Random(11)
            slow = measure(client, corpus, ids, args.runs, args.only)
            print(f"target p95 < {TARGET_MS:.0f} ms: {'met' if not slow else f'{slow} case(s) slower'}")


if __name__ == "__main__":
    main()
