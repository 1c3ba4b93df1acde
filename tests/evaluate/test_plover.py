"""The PLOVER scorer on hand-made gold and predictions (no model needed)."""

from __future__ import annotations

import json

import pytest

from newsgraph.evaluate.plover import GoldEvent, load_gold, score


def _gold(kind: str, sources=("Israel",), targets=("Syria",)) -> GoldEvent:
    return GoldEvent("g", "text", kind, tuple(sources), tuple(targets))


def test_evaluate_plover_score_counts_type_and_argument_matches():
    pairs = [
        (_gold("ASSAULT"), [("ASSAULT", ("Israeli army", "Israel"), ("Damascus",))]),  # type, source right
        (_gold("AGREE"), [("CONSULT", ("Israel",), ("Syria",)), ("AGREE", ("Jordan",), ("Syria",))]),
        (_gold("REJECT"), [("ACCUSE", (), ())]),  # wrong type
        (_gold("PROTEST", sources=(), targets=()), []),  # nothing predicted
    ]
    figures = score(pairs)
    assert figures["sentences"] == 4
    assert figures["event_type_accuracy"] == pytest.approx(2 / 4)
    assert figures["event_precision"] == pytest.approx(2 / 3)
    assert figures["source_match"] == pytest.approx(1 / 2)  # only the ASSAULT's actor overlaps
    assert figures["target_match"] == pytest.approx(1 / 2)  # only the AGREE's target overlaps


def test_evaluate_plover_score_ignores_stop_words_in_actor_overlap():
    pairs = [(_gold("SANCTION", sources=("the United Nations",)), [("SANCTION", ("the Red Cross",), ())])]
    assert score(pairs)["source_match"] == 0.0


def test_evaluate_plover_load_gold_maps_old_labels_and_skips_document(tmp_path):
    records = [
        {"event": "DOCUMENT", "id": "d"},
        {"event": "FIGHT", "id": "1", "text": "A fought B.", "source": [{"actorText": "A"}], "target": [{"actorText": "B"}]},
        {"event": "DEMAND", "id": "2", "text": "A demanded X.", "source": [{"actorText": "A"}], "target": ""},
        {"event": "DISAPPROVE", "id": "3", "text": "A condemned B.", "source": "", "target": ""},
        {"event": "INVESTIGATE", "id": "4", "text": "A probed B.", "source": "", "target": ""},
    ]
    path = tmp_path / "gsr.json"
    path.write_text(json.dumps(records), encoding="utf-8")
    gold = load_gold(path)
    assert [g.type for g in gold] == ["ASSAULT", "REQUEST", "ACCUSE", "ACCUSE"]
    assert gold[0].sources == ("A",) and gold[0].targets == ("B",)
    assert gold[1].targets == ()


def test_evaluate_plover_score_strict_figures_count_every_predicted_event():
    pairs = [
        # type right, but the actor and the target sit on two different events: not strict
        (_gold("ASSAULT"), [("ASSAULT", ("Israel",), ("Lebanon",)), ("ASSAULT", ("Iran",), ("Syria",)),
                            ("ACCUSE", ("Israel",), ("Syria",))]),
        (_gold("AGREE"), [("AGREE", ("Israel",), ("Syria",))]),  # one event, all right
        (_gold("PROTEST", targets=()), [("PROTEST", ("Israel",), ("Syria",))]),  # no gold target: none wanted
        (_gold("REJECT", targets=()), [("REJECT", ("the Israeli army", "Israel"), ())]),
    ]
    figures = score(pairs)
    assert figures["type_precision"] == pytest.approx(5 / 6)
    assert figures["events_per_sentence"] == pytest.approx(6 / 4)
    assert figures["strict_accuracy"] == pytest.approx(2 / 4)
    # the figures already there are unchanged by the strict ones
    assert figures["event_type_accuracy"] == 1.0 and figures["source_match"] == 1.0 and figures["target_match"] == 1.0
