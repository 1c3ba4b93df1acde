"""The latency summary both the query and the web benchmarks print."""

from __future__ import annotations

import statistics


def summary(name: str, times_ms: list[float], target_ms: float, width: int) -> tuple[str, bool]:
    """One line with p50, p95 and max, flagged SLOW when p95 misses the target; and whether it did."""
    p50 = statistics.median(times_ms)
    # inclusive: a percentile never lies outside the times observed
    p95 = statistics.quantiles(times_ms, n=20, method="inclusive")[18] if len(times_ms) > 1 else times_ms[0]
    slow = p95 >= target_ms
    line = (f"{name:{width}s} p50 {p50:8.1f} ms   p95 {p95:8.1f} ms   max {max(times_ms):8.1f} ms"
            + ("  SLOW" if slow else ""))
    return line, slow
