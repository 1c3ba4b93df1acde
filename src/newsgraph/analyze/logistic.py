"""The one scoring rule of the learned stages (the quote model, the event gate): a logistic
model over binary features, one weight per feature, with an optional ``__bias__`` row; and
the one way their training scripts fit it."""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Iterable, Sequence

__all__ = ["probability", "fit", "log_loss", "BIAS"]

BIAS = "__bias__"


def probability(features: Iterable[str], weights: dict[str, float]) -> float:
    """The model's probability for a candidate with these features (unknown features weigh 0)."""
    z = weights.get(BIAS, 0.0) + sum(weights.get(f, 0.0) for f in features)
    return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))


def log_loss(rows: Sequence[tuple[Iterable[str], bool]], weights: dict[str, float]) -> float:
    """The mean negative log-likelihood of the rows' labels under the model: how the training
    scripts' cross-validation compares L2 strengths (smooth, where an F1 at its best threshold
    is flat across them to within noise, and picks among them by chance)."""
    total = 0.0
    for features, label in rows:
        p = probability(features, weights)  # within exp(-30) of 0 and 1: the log is finite
        total -= math.log(p if label else 1.0 - p)
    return total / max(len(rows), 1)


def fit(rows: Sequence[tuple[Iterable[str], bool]], l2: float, min_count: int = 2) -> dict[str, float]:
    """The weights, and the ``__bias__``, minimising the mean log loss over the (features, label)
    rows plus ``l2 / 2`` times the squared weights (the bias is not penalised).

    The loss is strictly convex, so L-BFGS run to convergence from zero finds its one minimum:
    the same rows always give the same weights, and a few rows more or less move them a little
    (an SGD stopped after a few epochs did neither). Features in fewer than ``min_count`` rows get
    no weight; a feature listed twice in a row counts twice, as ``probability`` counts it.
    Weights under 1e-4 are left out (the files keep four decimals)."""
    # Imported here: the analysis only scores; fitting is for the training scripts.
    import numpy as np
    from scipy.optimize import minimize
    from scipy.sparse import csr_matrix
    from scipy.special import expit

    rows = [(tuple(features), bool(label)) for features, label in rows]
    counts = Counter(f for features, _ in rows for f in set(features))
    vocab = {f: i for i, f in enumerate(sorted(f for f, c in counts.items() if c >= min_count))}
    indices: list[int] = []
    indptr = [0]
    for features, _ in rows:
        indices.extend(vocab[f] for f in features if f in vocab)
        indptr.append(len(indices))
    # csr_matrix sums repeated (row, column) entries: a repeated feature counts twice
    x = csr_matrix((np.ones(len(indices)), indices, indptr), shape=(len(rows), len(vocab)))
    y = np.array([float(label) for _, label in rows])
    n = max(len(rows), 1)

    def loss_and_gradient(theta):
        w, bias = theta[:-1], theta[-1]
        z = x @ w + bias
        residual = (expit(z) - y) / n
        loss = (np.logaddexp(0.0, z) - y * z).sum() / n + 0.5 * l2 * (w @ w)
        return loss, np.append(x.T @ residual + l2 * w, residual.sum())

    result = minimize(loss_and_gradient, np.zeros(len(vocab) + 1), jac=True, method="L-BFGS-B",
                      options={"maxiter": 20000, "maxcor": 20, "ftol": 1e-14, "gtol": 1e-7})
    # a line search that can gain nothing more at machine precision is no failure: the gradient says
    if not result.success and np.abs(result.jac).max() > 1e-5:
        raise RuntimeError(f"logistic fit did not converge: {result.message}")
    w = result.x
    out = {f: float(w[i]) for f, i in vocab.items() if abs(w[i]) >= 1e-4}
    out[BIAS] = float(w[-1])
    return out
