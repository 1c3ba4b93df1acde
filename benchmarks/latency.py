"""What the query and the web benchmarks share: their command line and the latency summary they print."""

from __future__ import annotations

import argparse
import statistics


def parse_arguments(description: str, articles: int, runs: int, what: str, whats: str) -> argparse.Namespace:
    """--articles, --runs, --db, --keep and --only, with this benchmark's defaults."""
    parser = argparse.ArgumentParser(description=description)
    parser.add_argument("--articles", type=int, default=articles)
    parser.add_argument("--runs", type=int, default=runs, help=f"timed calls per {what}")
    parser.add_argument("--db", help="an empty postgresql:// URL (default: a temporary SQLite file)")
    parser.add_argument("--keep", help="build (or reuse, if it exists) this SQLite file instead of a temporary one")
    parser.add_argument("--only", help=f"run only the {whats} whose name contains this")
    return parser.parse_args()


def summary(name: str, times_ms: list[float], target_ms: float, width: int) -> tuple[str, bool]:
    """One line with p50, p95 and max, flagged SLOW when p95 misses the target; and whether it did."""
    p50 = statistics.median(times_ms)
    # inclusive: a percentile never lies outside the times observed
    p95 = statistics.quantiles(times_ms, n=20, method="inclusive")[18] if len(times_ms) > 1 else times_ms[0]
    slow = p95 >= target_ms
    line = (f"{name:{width}s} p50 {p50:8.1f} ms   p95 {p95:8.1f} ms   max {max(times_ms):8.1f} ms"
            + ("  SLOW" if slow else ""))
    return line, slow
