"""The one scoring rule of the learned stages (the quote model, the event gate): a logistic
model over binary features, one weight per feature, with an optional ``__bias__`` row."""

from __future__ import annotations

import math
from collections.abc import Iterable

__all__ = ["probability"]


def probability(features: Iterable[str], weights: dict[str, float]) -> float:
    """The model's probability for a candidate with these features (unknown features weigh 0)."""
    z = weights.get("__bias__", 0.0) + sum(weights.get(f, 0.0) for f in features)
    return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))
