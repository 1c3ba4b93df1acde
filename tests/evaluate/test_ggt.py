"""The GGT scorer follows the matching rule of ggt/README.md (hand-made cases of our own),
and scores real analysis output in fixed halves."""

from __future__ import annotations

import pytest

from newsgraph.evaluate import ggt
from newsgraph.evaluate.events import halves
from newsgraph.evaluate.ggt import GoldQuote, Predicted

from paths import DATA

# ours
TEXT = ('"We are ready for the season," coach Dana Ruiz said on Monday. '
        'Ruiz said the team had signed two new players from Quebec.')


def _span(phrase: str, text: str = TEXT) -> tuple[tuple[int, int], ...]:
    at = text.index(phrase)
    return ((at, at + len(phrase)),)


def test_ggt_match_ignores_quote_marks():
    gold = [GoldQuote(_span('"We are ready for the season,"'), "Dana Ruiz", "direct")]
    predicted = [Predicted(_span("We are ready for the season"), "Dana Ruiz")]
    assert ggt.match(TEXT, gold, predicted) == [(0, 0)]


@pytest.mark.parametrize("phrase, matched", [
    ("the team had signed two new players from Quebec", True),  # the whole gold
    ("the team had signed two", True),  # 5 of 9 words: at least half of the longer
    ("the team had signed", False),  # 4 of 9: less than half
    ("Ruiz said the team had signed two new players from Quebec", True),  # 9 of 11
])
def test_ggt_match_needs_half_of_the_longer(phrase, matched):
    gold = [GoldQuote(_span("the team had signed two new players from Quebec"), "Dana Ruiz")]
    assert bool(ggt.match(TEXT, gold, [Predicted(_span(phrase), "Dana Ruiz")])) is matched


def test_ggt_match_loose_overlap():
    gold = [GoldQuote(_span("the team had signed two new players from Quebec"), "Dana Ruiz")]
    predicted = [Predicted(_span("the team had signed"), "Dana Ruiz")]  # 4 of 9
    assert ggt.match(TEXT, gold, predicted, least=ggt.LOOSE) == [(0, 0)]


def test_ggt_match_is_one_to_one_best_first():
    gold = [GoldQuote(_span("the team had signed two new players from Quebec"), "Dana Ruiz")]
    predicted = [Predicted(_span("the team had signed two new players"), "Dana Ruiz"),
                 Predicted(_span("the team had signed two new players from Quebec"), "Dana Ruiz")]
    assert ggt.match(TEXT, gold, predicted) == [(0, 1)]


@pytest.mark.parametrize("name, ref, right", [
    ("Darian Lonechild", "Darian Lonechild", True),
    ("darian lonechild", "Darian Lonechild", True),  # case aside
    ("Lonechild", "Darian Lonechild", True),  # contains the last name
    ("Chief Darian Lonechild", "Darian Lonechild", True),
    ("Darian", "Darian Lonechild", False),  # the first name is not enough
    ("Jeff Traeger", "Darian Lonechild", False),
    ("Lonechilds", "Darian Lonechild", False),  # a word, not a substring
    (None, "Darian Lonechild", False),  # unresolved is wrong
    ("Martin Luther King", "Martin Luther King Jr.", True),  # suffixes are no last name
    ("UFCW Local 832", "UFCW Local 832", True),
])
def test_ggt_speaker_right(name, ref, right):
    assert ggt.speaker_right(name, ref) is right


def test_ggt_predictions_are_speech_parts_unjoined():
    record = {"quotes": [
        {"start": 1, "end": 5, "part_of": None, "attribution": "speech", "speaker": {"name": "Dana Ruiz"}},
        {"start": 9, "end": 15, "part_of": 0, "attribution": "speech", "speaker": {"name": "Dana Ruiz"}},
        {"start": 20, "end": 25, "part_of": None, "attribution": "belief", "speaker": None},
        {"start": 30, "end": 35, "part_of": None, "speaker": None},  # an older record: no attribution
    ]}
    assert [p.spans for p in ggt.predictions(record)] == [((1, 5),), ((9, 15),), ((30, 35),)]
    assert len(ggt.predictions(record, speech_only=False)) == 4
    assert ggt.predictions(record)[0].speaker_name == "Dana Ruiz" and ggt.predictions(record)[2].speaker_name is None


def test_ggt_score_counts_speakers_among_matches():
    gold = [GoldQuote(_span('"We are ready for the season,"'), "Dana Ruiz", "direct"),
            GoldQuote(_span("the team had signed two new players from Quebec"), "Dana Ruiz")]
    predicted = [Predicted(_span("We are ready for the season"), "Ruiz"),
                 Predicted(_span("the team had signed two new players from Quebec"), None),
                 Predicted(_span("coach Dana Ruiz"), "Dana Ruiz")]  # matches nothing
    figures = ggt.score([(TEXT, gold, predicted)])
    assert figures["matched"] == 2 and figures["precision"] == pytest.approx(2 / 3) and figures["recall"] == 1.0
    assert figures["speaker_accuracy"] == 0.5


@pytest.mark.slow
@pytest.mark.skipif(not (DATA / "ggt" / "gold.jsonl").is_file(), reason="no shared GGT data")
def test_ggt_evaluate_on_real_articles(nlp):
    from newsgraph.analyze.pipeline import Analyzer

    figures = ggt.evaluate(Analyzer(nlp), DATA, limit=4)
    gold = ggt.load_gold(DATA / "ggt" / "gold.jsonl")
    tune, other = halves(gold)
    assert len(tune) + len(other) == len(gold) and not set(tune) & set(other)
    first = sorted(gold)[:4]
    assert figures["all_gold"] == sum(len(gold[d]) for d in first)
    assert figures["tune_gold"] + figures["other_gold"] == figures["all_gold"]
    assert 0.0 < figures["all_f1"] <= 1.0 and figures["all_predicted"] <= figures["all_any_predicted"]


def test_ggt_marks_figures_join_parts_inside_one_pair_of_marks():
    # ours: a quotation of two sentences, then a second quotation after the attribution
    text = '"We are ready. The players are healthy," Ruiz said. "We start Monday."'
    parts = [_span("We are ready.", text), _span("The players are healthy,", text), _span("We start Monday.", text)]
    record = {"quotes": [
        {"start": parts[0][0][0], "end": parts[0][0][1], "kind": "direct", "part_of": None, "attribution": "speech"},
        {"start": parts[1][0][0], "end": parts[1][0][1], "kind": "direct", "part_of": 0, "attribution": "speech"},
        {"start": parts[2][0][0], "end": parts[2][0][1], "kind": "direct", "part_of": 0, "attribution": "speech"},
    ]}
    joined = ggt.joined_in_marks(text, ggt.predictions(record), record)
    assert [p.spans for p in joined] == [parts[0] + parts[1], parts[2]]
