"""The MEANTIME cross-document scorer: B-cubed arithmetic and a short real run."""

from __future__ import annotations


import pytest

from newsgraph.evaluate.meantime_xdoc import b_cubed

from paths import DATA


def test_resolve_b_cubed_by_hand():
    assert b_cubed([(1, "a"), (1, "a"), (2, "b")]) == (1.0, 1.0)
    precision, recall = b_cubed([(1, "a"), (1, "b")])  # one cluster for two gold entities
    assert (precision, recall) == (0.5, 1.0)
    precision, recall = b_cubed([(1, "a"), (2, "a")])  # one gold entity split in two
    assert (precision, recall) == (1.0, 0.5)


@pytest.mark.slow
@pytest.mark.skipif(not (DATA / "meantime").is_dir(), reason="shared MEANTIME data not present")
def test_resolve_meantime_xdoc_runs():
    from newsgraph.analyze import Analyzer
    from newsgraph.evaluate import meantime_xdoc

    figures = meantime_xdoc.evaluate(Analyzer(), DATA, limit=5)
    assert figures["mentions"] > 20 and figures["b3_f1"] > 0.7
