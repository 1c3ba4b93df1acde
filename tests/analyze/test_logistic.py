"""The logistic model's fit: converged, deterministic, its bias where ``probability`` reads it."""

from __future__ import annotations

import pytest

from newsgraph.analyze.logistic import BIAS, fit, probability

# Our own toy rows: "asserted" is mostly right, "hypothetical" mostly wrong, "rare" seen once.
ROWS = ([(("type=ASSAULT", "asserted"), True)] * 6 + [(("type=ASSAULT", "asserted"), False)] * 2
        + [(("type=ASSAULT", "hypothetical"), False)] * 5 + [(("type=ASSAULT", "hypothetical"), True)]
        + [(("rare",), True)])


def test_fit_the_bias_makes_the_mean_probability_the_rate_of_positives():
    # At the optimum the unpenalised bias's gradient is zero: the mean probability equals the
    # share of positive rows exactly, however strong the penalty on the weights.
    for l2 in (1e-3, 0.1, 10.0):
        weights = fit(ROWS, l2)
        mean = sum(probability(features, weights) for features, _ in ROWS) / len(ROWS)
        assert mean == pytest.approx(8 / 15, abs=1e-5)
        assert BIAS in weights


def test_fit_converges_to_the_unpenalised_rates_as_the_penalty_vanishes():
    weights = fit(ROWS, 1e-6)
    assert probability(("type=ASSAULT", "asserted"), weights) == pytest.approx(6 / 8, abs=1e-3)
    assert probability(("type=ASSAULT", "hypothetical"), weights) == pytest.approx(1 / 6, abs=1e-3)
    assert "rare" not in weights  # seen in one row: no weight (min_count 2)


def test_fit_a_stronger_penalty_shrinks_the_weights():
    weak, strong = fit(ROWS, 0.01), fit(ROWS, 1.0)
    assert 0 < strong["asserted"] < weak["asserted"]
    assert weak["hypothetical"] < strong["hypothetical"] < 0


def test_fit_is_deterministic_and_counts_a_repeated_feature_twice_as_probability_does():
    assert fit(ROWS, 0.01) == fit(list(ROWS), 0.01)
    doubled = [((*features, *features[1:]), label) for features, label in ROWS]
    weights, twice = fit(ROWS, 1e-6), fit(doubled, 1e-6)
    assert probability(doubled[0][0], twice) == pytest.approx(probability(ROWS[0][0], weights), abs=1e-3)
