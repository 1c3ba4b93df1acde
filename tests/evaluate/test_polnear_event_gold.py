"""Our event gold on PolNeAR articles: it quotes its texts, splits as the judged labels do, and
scores as the shared tool does."""

from __future__ import annotations

import pytest

from newsgraph.evaluate import event_labels
from newsgraph.evaluate import events as ev
from newsgraph.evaluate import polnear_event_gold as pg

from paths import SHARED
from .test_events import _assert_same, _tool, needs_tool

DATA = SHARED / "data"
TEXTS = DATA / "polnear" / "train" / "text"
needs_texts = pytest.mark.skipif(not TEXTS.is_dir(), reason=f"the PolNeAR texts are not at {TEXTS}")


@needs_texts
def test_polnear_event_gold_quotes_its_texts_and_keeps_the_labels_aside_articles_aside():
    gold = ev.load_gold(pg.GOLD)
    parts = ev.ours_parts(gold, pg.PARTS)
    assert set(parts) == {"polnear_gold_dev", "polnear_gold_aside", "polnear_gold2_dev", "polnear_gold3_dev"}
    judged = set(event_labels.read_labels())
    assert set(parts["polnear_gold_aside"]) == event_labels.aside_docs(judged)
    assert sum(len(gold[d]) for d in parts["polnear_gold_dev"]) == 333
    assert sum(len(gold[d]) for d in parts["polnear_gold_aside"]) == 152
    # the later batches hold articles the judged labels never saw
    assert not (set(parts["polnear_gold2_dev"]) | set(parts["polnear_gold3_dev"])) & judged
    assert (len(parts["polnear_gold2_dev"]), len(parts["polnear_gold3_dev"])) == (36, 72)
    for doc, article in zip(sorted(gold), pg.articles(DATA, sorted(gold))):
        assert article.published and article.published[:4] in ("2015", "2016")
        text = " ".join(article.text.split())
        assert all(" ".join(g.sentence.split()) in text for g in gold[doc]), doc


@pytest.mark.slow
@needs_tool
@needs_texts
def test_polnear_event_gold_figures_equal_the_tool(tmp_path):
    from newsgraph.analyze import Analyzer

    gold = ev.load_gold(pg.GOLD)
    docs = sorted(gold)
    records = ev.analyzed(Analyzer(), docs, pg.articles(DATA, docs))
    figures = ev.score_ours(gold, records, pg.PARTS)
    for part, part_docs in ev.ours_parts(gold, pg.PARTS).items():
        ours = {k.removeprefix(f"{part}_"): v for k, v in figures.items() if k.startswith(f"{part}_")}
        _assert_same(ours, _tool(pg.GOLD, list(records.values()), tmp_path, part_docs))
