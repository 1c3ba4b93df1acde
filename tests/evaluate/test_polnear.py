"""The PolNeAR scorer on hand-made gold and predictions (no model loaded)."""

from __future__ import annotations

from pathlib import Path

import pytest

from newsgraph.evaluate.polnear import GoldQuote, load_gold, match, predictions, score, score_speech, speech_flags

TEXT = 'Smith said the plan "will fail badly next year." Jones, a senator, thinks it works.'
#       0         1         2         3         4         5         6         7         8
#       012345678901234567890123456789012345678901234567890123456789012345678901234567890
GOLD = [
    GoldQuote(content=((11, 48),), source=((0, 5),)),  # the plan "will fail badly next year."
    GoldQuote(content=((73, 81),), source=((49, 54),)),  # it works
]


@pytest.mark.parametrize(
    "predicted, expected_pairs",
    [
        ([(((11, 48),), None)], [(0, 0)]),  # exact
        ([(((20, 46),), None)], [(0, 0)]),  # the quote alone: 5 of 7 words, marks aside
        ([(((34, 46),), None)], []),  # "next year": 2 of 7 words, under half
        ([(((0, 81),), None)], []),  # the whole text is not a content
        ([(((11, 48),), None), (((12, 48),), None)], [(0, 0)]),  # one-to-one: the second is extra
        ([(((73, 81),), None), (((11, 48),), None)], [(0, 1), (1, 0)]),
    ],
)
def test_polnear_match_needs_half_the_longer_and_is_one_to_one(predicted, expected_pairs):
    assert sorted(match(TEXT, GOLD, predicted)) == expected_pairs


def test_polnear_score_counts_precision_recall_and_speaker_overlap():
    predicted = [(((11, 48),), (0, 5)), (((73, 81),), (55, 64)), (((60, 70),), None)]
    figures = score([(TEXT, GOLD, predicted)])
    assert figures["gold"] == 2 and figures["predicted"] == 3
    assert figures["content_precision"] == pytest.approx(2 / 3)
    assert figures["content_recall"] == 1.0
    assert figures["content_f1"] == pytest.approx(0.8)
    # "a senator" does not overlap the gold source "Jones": one speaker of two right
    assert figures["speaker_accuracy"] == 0.5


def test_polnear_load_gold_reads_discontinuous_contents_and_sources(tmp_path: Path):
    ann = (
        "T1\tSource 0 5\tSmith\n"
        "T2\tCue 6 10\tsaid\n"
        "T3\tContent 11 20;25 30\tthe plan fail\n"
        "T4\tAttribution 6 10\tsaid\n"
        "E1\tAttribution:T4 Content:T3 Cue:T2 Source:T1\n"
        "T5\tContent 40 50\tno source\n"
        "T6\tAttribution 35 39\tfeel\n"
        "E2\tAttribution:T6 Content:T5\n"
    )
    (tmp_path / "doc_abcd.ann").write_text(ann, encoding="utf-8")
    (tmp_path / "doc_ffff.ann").write_text("", encoding="utf-8")  # a second annotator: ignored
    gold = load_gold(tmp_path, "doc")
    assert gold == [GoldQuote(((11, 20), (25, 30)), ((0, 5),), ((6, 10),)), GoldQuote(((40, 50),), ())]


def test_polnear_predictions_join_the_parts_of_a_split_quotation():
    # Ours: '"We will not retreat," the minister said, "and we will win."' as two parts.
    text = '"We will not retreat," the minister said, "and we will win."'
    quotes = [
        {"start": 1, "end": 21, "speaker": {"start": 23, "end": 35}, "part_of": None},
        {"start": 43, "end": 58, "speaker": {"start": 23, "end": 35}, "part_of": 0},
    ]
    gold = [GoldQuote(content=((0, 22), (42, 59)), source=((23, 35),))]
    joined = predictions(quotes, join_parts=True)
    assert joined == [(((1, 21), (43, 58)), (23, 35))]
    assert score([(text, gold, joined)])["content_f1"] == 1.0
    # scored part by part, the shorter part is an extra prediction
    parts = predictions(quotes, join_parts=False)
    figures = score([(text, gold, parts)])
    assert figures["content_precision"] == 0.5 and figures["content_recall"] == 1.0


def test_polnear_speech_figures_count_only_attributions_of_speech():
    # ours: "Smith said the plan would fail. Jones fears the bridge will fall."
    text = "Smith said the plan would fail. Jones fears the bridge will fall."
    gold = [GoldQuote(((11, 30),), ((0, 5),), ((6, 10),)),  # speech: "said"
            GoldQuote(((44, 64),), ((32, 37),), ((38, 43),))]  # a fear: no speech
    quotes = [{"start": 11, "end": 30, "speaker": None, "part_of": None, "cue": {"text": "said"},
               "attribution": "speech"},
              {"start": 44, "end": 64, "speaker": None, "part_of": None, "cue": {"text": "fears"},
               "attribution": "belief"},
              {"start": 0, "end": 5, "speaker": None, "part_of": None, "cue": {"text": "said"},
               "attribution": "speech"}]  # a wrong one
    flags = speech_flags(quotes)
    assert flags == [True, False, True]
    figures = score_speech([(text, gold, predictions(quotes, join_parts=True))], frozenset({"said"}), [flags])
    assert figures["speech_gold"] == 1 and figures["speech_recall"] == 1.0
    assert figures["speech_precision"] == 0.5  # of the two predictions of speech, one matches


def test_polnear_speech_flags_follow_the_joined_predictions():
    quotes = [{"start": 1, "end": 5, "speaker": None, "part_of": None, "attribution": "speech"},
              {"start": 9, "end": 15, "speaker": None, "part_of": 0, "attribution": "speech"},
              {"start": 20, "end": 25, "speaker": None, "part_of": None, "attribution": "stance"}]
    assert speech_flags(quotes) == [True, False]
    assert len(predictions(quotes, join_parts=True)) == 2
