"""The TimeBank scorer on hand-made gold and predictions (no model needed)."""

from __future__ import annotations

import pytest

from newsgraph.evaluate import timebank as tb

TML = """<?xml version="1.0" ?>
<TimeML>
<DOCID>x</DOCID>
<DCT><TIMEX3 tid="t0" type="DATE" value="1998-08-07" temporalFunction="false" functionInDocument="CREATION_TIME">08/07/1998</TIMEX3></DCT>
<TEXT>
Bombs <EVENT eid="e1">exploded</EVENT> <TIMEX3 tid="t1" type="DATE" value="1998-08-07">Friday</TIMEX3> &amp; for <TIMEX3 tid="t2" type="DURATION" value="P3D" mod="MORE_THAN">more than three days</TIMEX3>.
</TEXT>
</TimeML>
"""


def test_evaluate_timebank_reads_text_offsets_and_creation_time(tmp_path):
    path = tmp_path / "x.tml"
    path.write_text(TML, encoding="utf-8")
    text, dct, gold = tb.read_tml(path)
    assert dct == "1998-08-07"
    assert [text[g.start:g.end] for g in gold] == ["Friday", "more than three days"]
    assert "&" in text and "<" not in text
    assert gold[1] == tb.Gold(gold[1].start, gold[1].end, "DURATION", "P3D", "MORE_THAN")


def _p(start, end, typ="DATE", value="v"):
    return {"start": start, "end": end, "type": typ, "value": value}


def test_evaluate_timebank_scores_strict_relaxed_and_attributes():
    gold = [tb.Gold(0, 6, "DATE", "1998-08-07"), tb.Gold(10, 20, "DURATION", "P3D"), tb.Gold(30, 35, "DATE", "1998")]
    pred = [_p(0, 6, "DATE", "1998-08-07"),  # strict match, right value
            _p(12, 20, "DURATION", "P2D"),  # relaxed only, wrong value
            _p(40, 45)]  # spurious
    r = tb.score([(gold, pred)])
    assert r["gold"] == 3 and r["predicted"] == 3 and r["documents"] == 1
    assert r["strict_precision"] == pytest.approx(1 / 3) and r["strict_recall"] == pytest.approx(1 / 3)
    assert r["relaxed_f1"] == pytest.approx(2 / 3)
    assert r["type_accuracy"] == 1.0
    assert r["value_accuracy"] == pytest.approx(0.5)
    assert r["value_f1"] == pytest.approx(2 / 3 * 0.5)


def test_evaluate_timebank_matches_one_to_one():
    gold = [tb.Gold(0, 10, "DATE", "a")]
    r = tb.score([(gold, [_p(0, 4, value="a"), _p(5, 10, value="a")])])
    assert r["relaxed_precision"] == 0.5 and r["relaxed_recall"] == 1.0


def test_evaluate_timebank_empty_is_zero():
    assert tb.score([([], [])])["value_f1"] == 0.0


def test_evaluate_timebank_rejects_unknown_part(tmp_path):
    with pytest.raises(ValueError):
        tb.load(tmp_path, "wsj")
