"""Query latency on a large synthetic store: p50/p95 per query of newsgraph.query.

Builds a store of N synthetic articles (default 100,000) written directly into the
schema tables with bulk inserts (benchmarks/synthetic.py; not through spaCy or
resolution), in a temporary SQLite file or, with --db, a PostgreSQL database
(an empty one is filled; one filled by an earlier run is reused), then runs each
query many times with realistic parameters (entities drawn with the corpus's own
Zipf weights, month-long date ranges, common outlets, event types) and prints
p50/p95/max latency. Target: each under 200 ms.

Usage: python benchmarks/queries.py [--articles N] [--runs N] [--db URL] [--keep PATH]
"""

from __future__ import annotations

import random
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from latency import parse_arguments, summary  # noqa: E402
from synthetic import OUTLETS, WORDS, Corpus, generate  # noqa: E402

from newsgraph import query as q  # noqa: E402
from newsgraph.query_records import PLOVER_TYPES  # noqa: E402
from newsgraph.store import Store  # noqa: E402

TARGET_MS = 200.0

# Indexes the query API would like (not in the schema yet; see the report).
def months(rng) -> tuple[str, str]:
    year, month = rng.choice((2023, 2024, 2025)), rng.randint(1, 12)
    return f"{year}-{month:02d}", f"{year}-{month:02d}"


def cases(corpus: Corpus):
    """(name, call) pairs; each call draws fresh parameters from the corpus's distributions."""
    rng = corpus.rng
    entity = lambda: corpus.names[corpus._pick(1)[0] - 1]  # noqa: E731 - Zipf: popular names asked more
    person = lambda: corpus.names[corpus._pick(1, people=True)[0] - 1]  # noqa: E731
    outlet = lambda: rng.choice(OUTLETS[:12])  # noqa: E731
    return [
        ("entity_profile(name)", lambda s: q.entity_profile(s, entity())),
        ("who_said_what(speaker)", lambda s: q.who_said_what(s, speaker=person())),
        ("who_said_what(about, month)", lambda s: q.who_said_what(s, about=entity(), since=months(rng)[0], until=months(rng)[0])),
        ("who_said_what(outlet, month)", lambda s: q.who_said_what(s, outlet=outlet(), since=(m := months(rng)[0]), until=m)),
        ("who_said_what(all, page 3)", lambda s: q.who_said_what(s, limit=50, offset=100)),
        ("timeline(entity)", lambda s: q.timeline(s, entity=entity())),
        ("timeline(type, month)", lambda s: q.timeline(s, type=rng.choice(PLOVER_TYPES), since=(m := months(rng)[0]), until=m)),
        ("search_events(actor)", lambda s: q.search_events(s, actor=entity())),
        ("search_events(type, target, year)", lambda s: q.search_events(s, type=rng.choice(PLOVER_TYPES), target=entity(), since="2024", until="2024")),
        ("search_events(type, outlet)", lambda s: q.search_events(s, type=rng.choice(PLOVER_TYPES), outlet=outlet())),
        ("actor_network(month)", lambda s: q.actor_network(s, since=(m := months(rng)[0]), until=m, min_weight=1)),
        ("actor_network(year, min_weight 3)", lambda s: q.actor_network(s, since="2024", until="2024", min_weight=3)),
        ("search_text(word)", lambda s: q.search_text(s, rng.choice(WORDS))),
        ("search_text(name + word)", lambda s: q.search_text(s, f"{person().split()[-1]} {rng.choice(WORDS)}")),
        ("search_text(phrase)", lambda s: q.search_text(s, f'"{rng.choice(WORDS)} {rng.choice(WORDS)}"')),
    ]


def measure(store: Store, corpus: Corpus, runs: int, only: str | None) -> list[tuple[str, list[float]]]:
    results = []
    for name, call in cases(corpus):
        if only and only not in name:
            continue
        call(store)  # warm the page cache once, as a running service would be
        times = []
        for _ in range(runs):
            start = time.perf_counter()
            call(store)
            times.append((time.perf_counter() - start) * 1000)
        results.append((name, times))
        print(summary(name, times, TARGET_MS, 36)[0], flush=True)
    return results


def main() -> None:
    args = parse_arguments(__doc__.splitlines()[0], articles=100_000, runs=30, what="query", whats="queries")

    with tempfile.TemporaryDirectory() as tmp:
        location = args.db or args.keep or str(Path(tmp) / "bench.db")
        reuse = bool(args.keep) and Path(args.keep).exists()
        with Store(location) as store:
            if args.db:
                with store.engine.connect() as conn:
                    reuse = conn.exec_driver_sql("SELECT 1 FROM articles LIMIT 1").first() is not None
            if reuse:
                print(f"reusing {location}")
            else:
                start = time.perf_counter()
                counts = generate(store.engine, args.articles,
                                  progress=lambda n: print(f"\r  generated {n} articles", end="", file=sys.stderr))
                if store.backend == "postgresql":
                    _fix_sequences(store)
                with store.engine.begin() as conn:
                    conn.exec_driver_sql("ANALYZE")
                print(f"\ngenerated {args.articles} articles in {time.perf_counter() - start:.1f} s into "
                      f"{store.backend}: " + ", ".join(f"{k} {v}" for k, v in counts.items()))
            corpus = Corpus()  # the same names as generated ...
            corpus.rng = random.Random(11)  # ... but parameters drawn independently of the data
            measure(store, corpus, args.runs, args.only)


def _fix_sequences(store: Store) -> None:
    # Rows were written with explicit ids; later inserts must not collide with them.
    with store.engine.begin() as conn:
        for table in ("entities", "entity_aliases", "sentences", "mentions", "quotes", "timexes", "quantities",
                      "events", "event_reports"):
            conn.exec_driver_sql(
                f"SELECT setval(pg_get_serial_sequence('{table}', 'id'), COALESCE((SELECT max(id) FROM {table}), 1))")


if __name__ == "__main__":
    main()
