"""The accuracy gate: every evaluation's figures stay at or above their recorded floors."""

from __future__ import annotations

import pytest

from newsgraph import evaluate
from newsgraph.analyze import Analyzer

# The figures each evaluation must carry a floor for: the ones the issues set targets on.
REQUIRED_FLOORS = {
    "seed": {"quotes_found", "speakers_right", "entities", "timex_values", "money"},
    "polnear": {"content_f1", "speaker_accuracy"},
    "ggt": {"tune_f1", "other_f1", "all_f1", "tune_speaker_accuracy", "other_speaker_accuracy", "all_speaker_accuracy"},
    "timebank": {"relaxed_f1", "strict_f1", "type_accuracy", "value_f1"},
    "meantime": {"mention_f1"},
    "meantime_xdoc": {"b3_f1"},
    "plover": {"event_type_accuracy", "type_precision", "strict_accuracy"},
    "events": {"aquaint_f1", "aquaint_strict_f1", "aquaint_actor_accuracy", "aquaint_modality_accuracy",
               "aquaint_edge_precision", "heldout_f1", "heldout_strict_f1", "seed_f1", "seed_strict_f1",
               "ours_dev_f1", "ours_dev_strict_f1", "ours_aside_f1", "ours_aside_strict_f1",
               "ours2_dev_f1", "ours2_aside_f1"},
    "polnear_events": {"polnear_gold_dev_f1", "polnear_gold_aside_f1", "polnear_gold_aside_strict_f1",
                       "polnear_gold2_dev_f1", "polnear_gold3_dev_f1"},
    "aquaint_events": {"aquaint2_aside_f1", "aquaint2_aside_strict_f1", "aquaint2_aside_actor_accuracy",
                       "aquaint2_aside_edge_precision"},
    "factrueval": {"f1", "heldout_f1"},
    "ruquotes": {"f1", "speaker_accuracy", "heldout_f1", "heldout_speaker_accuracy"},
}


def test_evaluate_every_evaluation_has_its_floors_recorded():
    recorded = evaluate.floors()
    assert set(recorded) == set(evaluate.EVALUATIONS)
    for name, keys in REQUIRED_FLOORS.items():
        assert keys <= set(recorded[name]), f"{name} lacks floors for {keys - set(recorded[name])}"
        assert all(0 < recorded[name][k] <= 1 for k in keys)


@pytest.fixture(scope="module")
def analyzer():
    return Analyzer()


@pytest.mark.slow
@pytest.mark.parametrize("name", list(evaluate.EVALUATIONS))
def test_evaluate_figures_hold_their_floors(name, analyzer):
    figures = evaluate.run(name, analyzer, evaluate.data_root())
    assert evaluate.below_floor(name, figures) == []
