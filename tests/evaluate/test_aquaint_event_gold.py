"""Our event gold on AQUAINT wire stories: it quotes its texts, keeps every story aside, repeats no
story the rules were tuned on, and scores as the shared tool does."""

from __future__ import annotations

import re

import pytest

from newsgraph.evaluate import aquaint_event_gold as ag
from newsgraph.evaluate import events as ev

from paths import SHARED
from .test_events import _assert_same, _tool, needs_tool

DATA = SHARED / "data"
TEXTS = DATA / "timebank" / "AQUAINT"
needs_texts = pytest.mark.skipif(not TEXTS.is_dir(), reason=f"the AQUAINT texts are not at {TEXTS}")


@needs_texts
def test_aquaint_event_gold_quotes_its_texts_and_keeps_every_story_aside():
    gold = ev.load_gold(ag.GOLD)
    parts = ev.ours_parts(gold, ag.PARTS)
    assert set(parts) == {"aquaint2_aside"} and len(parts["aquaint2_aside"]) == 57
    assert sum(len(events) for events in gold.values()) == 639
    for doc, article in zip(sorted(gold), ag.articles(DATA, sorted(gold))):
        assert article.published and article.published[:4] in ("1998", "1999", "2000")
        text = " ".join(article.text.split())
        assert all(" ".join(g.sentence.split()) in text for g in gold[doc]), doc


def _sentences(text: str) -> list[str]:
    return [s for s in re.split(r"(?<=[.!?])\s+", " ".join(text.split())) if len(s.split()) >= 6]


def _repeats(sentence: str, pool: list[str]) -> bool:
    """The same sentence, give or take a few words (wire stories are updated and re-sent)."""
    return any(ev._sentence_overlap(sentence, other) >= 0.8 and abs(len(sentence.split()) - len(other.split())) < 8
               for other in pool)


@needs_texts
def test_aquaint_event_gold_repeats_no_story_of_the_tuned_half():
    shared = sorted(p.stem for p in (DATA / "events" / "txt").glob("*.txt"))
    assert shared, "the shared event texts are missing"
    tune, _heldout = ev.halves(shared)
    tuned = [s for d in tune for s in _sentences((DATA / "events" / "txt" / f"{d}.txt").read_text(encoding="utf-8"))]
    gold = ev.load_gold(ag.GOLD)
    for doc, article in zip(sorted(gold), ag.articles(DATA, sorted(gold))):
        sentences = _sentences(article.text)
        repeated = sum(_repeats(s, tuned) for s in sentences)
        # a boilerplate line on the bombings may recur; a quarter of a story may not
        assert repeated <= max(1, len(sentences) // 4), (doc, repeated, len(sentences))


@pytest.mark.slow
@needs_tool
@needs_texts
def test_aquaint_event_gold_figures_equal_the_tool(tmp_path):
    from newsgraph.analyze import Analyzer

    gold = ev.load_gold(ag.GOLD)
    docs = sorted(gold)
    records = ev.analyzed(Analyzer(), docs, ag.articles(DATA, docs))
    figures = ev.score_ours(gold, records, ag.PARTS)
    ours = {k.removeprefix("aquaint2_aside_"): v for k, v in figures.items()}
    # the tool knows a record's doc by the file name of its source: <doc>.txt, not the .tml
    renamed = [{**r, "document": {**r["document"], "source": f"/aquaint/{doc}.txt"}} for doc, r in records.items()]
    _assert_same(ours, _tool(ag.GOLD, renamed, tmp_path, docs))
