"""Token-overlap matching shared by the evaluations.

Two texts match when the tokens they share (as a multiset, case-folded, quote
marks and punctuation aside) are at least half of the longer one's tokens.
"""

from __future__ import annotations

import re
from collections import Counter

__all__ = ["tokens", "overlap", "prf"]

_WORD = re.compile(r"\w+", re.UNICODE)


def tokens(text: str | None) -> list[str]:
    return [t.lower() for t in _WORD.findall(text or "")]


def overlap(a: str, b: str) -> float:
    ta, tb = tokens(a), tokens(b)
    if not ta or not tb:
        return 0.0
    common = sum((Counter(ta) & Counter(tb)).values())
    return common / max(len(ta), len(tb))


def prf(correct: float, predicted: float, gold: float,
        correct_gold: float | None = None) -> tuple[float, float, float]:
    """Precision, recall and F1. ``correct_gold`` counts the gold items found when that
    differs from the predictions that are right (relaxed, many-to-one matching)."""
    p = correct / predicted if predicted else 0.0
    r = (correct if correct_gold is None else correct_gold) / gold if gold else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)
