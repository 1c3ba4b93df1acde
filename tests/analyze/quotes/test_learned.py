"""The learned quote proposals: what they add, that the rules stay first, and the training script (loads spaCy)."""

from __future__ import annotations

import sys

import pytest

from newsgraph import evaluate
from newsgraph.analyze.entities import extract_entities
from newsgraph.analyze.quotes.learned import learned_cues, load_model, read_model
from newsgraph.analyze.quotes import extract_quotes

from paths import REPO as ROOT
SEED = ROOT.parent / "shared" / "seed" / "article.txt"

pytestmark = pytest.mark.slow


def _quotes(nlp, text: str, learned: bool = True):
    doc = nlp(text)
    return extract_quotes(doc, extract_entities(doc), learned=learned)


def test_learned_model_ships_with_its_threshold():
    threshold, weights = load_model("en")
    assert 0.3 <= threshold <= 0.7
    assert len(weights) > 1000


# Sentences of our own whose cue is in no word list: the stance's object is the content. The
# converged fit scores them 0.46 to 0.62 (threshold 0.45). "a fierce critic of X" (three
# training rows) fell to 0.43 with it: the L2 the cross-validation chose shrinks rare words.
@pytest.mark.parametrize("text, content, cue, speaker", [
    ("The minister vouched for the new border agreement.", "the new border agreement", "vouched", "The minister"),
    ("Grant campaigned against the new toll road.", "the new toll road", "campaigned", "Grant"),
    ("Senator Reyes disagreed with the court ruling.", "the court ruling", "disagreed", "Senator Reyes"),
])
def test_learned_proposals_find_stances_the_word_lists_miss(nlp, text, content, cue, speaker):
    assert _quotes(nlp, text, learned=False) == []
    [quote] = _quotes(nlp, text)
    assert (quote.kind, quote.text, quote.cue[2], quote.speaker.text) == ("indirect", content, cue, speaker)


def test_learned_proposals_only_add_to_what_the_rules_found(nlp):
    text = SEED.read_text(encoding="utf-8")
    rules = _quotes(nlp, text, learned=False)
    both = _quotes(nlp, text)
    spans = [(q.start, q.end) for q in both]
    assert all((q.start, q.end) in spans for q in rules)
    assert [q.text for q in both if (q.start, q.end) in {(r.start, r.end) for r in rules}] == [q.text for q in rules]
    ordered = sorted(spans)
    assert all(a[1] <= b[0] for a, b in zip(ordered, ordered[1:])), "two quotes overlap"


def test_learned_proposals_need_a_model_for_the_language(nlp):
    doc = nlp("The minister vouched for the new border agreement.")
    assert learned_cues(doc, bytearray(len(doc.text) + 1), [], lang="xx") == []


def test_training_script_writes_a_model_the_analysis_can_read(tmp_path):
    sys.path.insert(0, str(ROOT / "scripts"))
    try:
        import train_quote_model
    finally:
        sys.path.pop(0)
    out = tmp_path / "weights.tsv"
    assert train_quote_model.main(["--data", str(evaluate.data_root()), "--limit", "8", "--out", str(out)]) == 0
    threshold, weights = read_model(out)
    assert threshold in train_quote_model.THRESHOLDS
    assert weights and all(isinstance(w, float) for w in weights.values())
    assert "PolNeAR" in out.read_text(encoding="utf-8").splitlines()[1]


def test_overlap_index_answers_as_a_walk_over_the_spans():
    from itertools import product

    from newsgraph.analyze.quotes.learned import _Overlaps

    spans = [(10, 20), (5, 8), (30, 31), (12, 40), (50, 60)]
    index = _Overlaps(spans)
    for start, end in product(range(0, 65, 3), range(1, 70, 4)):
        if start < end:
            assert index.overlapped(start, end) == any(a < end and start < b for a, b in spans)
    assert not _Overlaps([]).overlapped(0, 100)
