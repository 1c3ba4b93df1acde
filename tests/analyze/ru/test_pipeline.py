"""Routing by language and the Russian stage table."""

from __future__ import annotations

import pytest

from newsgraph.analyze.record import build_record
from newsgraph.analyze.stages import GIVEN, PIPELINES, RU_STAGES, STAGES, check_order, recorded_stages, stages_for
from newsgraph.model import Article

pytestmark = pytest.mark.slow


def test_pipeline_russian_stage_table_is_in_order_and_needs_only_what_is_made():
    check_order(RU_STAGES)
    made = set(GIVEN) | {stage.makes for stage in RU_STAGES}
    assert {need for stage in RU_STAGES for need in stage.needs} <= made


def test_pipeline_russian_stages_make_what_the_english_ones_make_under_the_same_names():
    english = {stage.name: stage for stage in STAGES}
    for stage in RU_STAGES:
        assert stage.name in english and stage.makes == english[stage.name].makes
        assert set(stage.needs) <= set(english[stage.name].needs) | {"doc", "article"}


@pytest.mark.parametrize("language, table", [("ru", RU_STAGES), ("en", STAGES), ("de", STAGES), (None, STAGES)])
def test_pipeline_each_language_gets_its_table(language, table):
    assert stages_for(language) is table
    assert set(PIPELINES) == {"en", "ru"}


def test_pipeline_russian_and_english_articles_in_one_batch_keep_their_order_and_pipelines(analyzer):
    articles = [
        Article(text="Angela Merkel visited Berlin on Monday.", source="a.txt", language="en"),
        Article(text="Владимир Путин заявил, что Москва готова к переговорам.", source="b.txt", language="ru"),
        Article(text="Joe Biden spoke in Washington.", source="c.txt", language="en"),
        Article(text="Зеленский встретился со Стармером в Киеве.", source="d.txt", language="ru"),
    ]
    results = list(analyzer.analyze(articles))
    assert [a.source for a, _ in results] == ["a.txt", "b.txt", "c.txt", "d.txt"]
    pipelines = [record["analysis"]["pipeline"] for _, record in results]
    assert pipelines == ["en", "ru", "en", "ru"]
    ru = results[3][1]
    assert "natasha" in ru["analysis"]["model"] and "slovnet" in ru["analysis"]["model"]
    assert "en_core_web_sm" in results[0][1]["analysis"]["model"]
    assert {"Volodymyr Zelensky", "Keir Starmer", "Kyiv"} <= {e["name"] for e in ru["entities"]}


def test_pipeline_russian_record_lists_only_the_stages_that_ran(analyze_ru):
    record = analyze_ru("Москва заявила, что ответит.")
    assert record["analysis"]["stages"] == recorded_stages(RU_STAGES)
    for name in ("sentences", "entities", "quotes", "timexes", "quantities", "events"):
        assert isinstance(record[name], list)
    if "events" not in record["analysis"]["stages"]:
        assert record["events"] == []


def test_pipeline_the_russian_doc_holds_the_text_exactly_with_sentences_at_line_breaks(ru_nlp):
    text = "Заголовок без точки\nПервое предложение.  Второе – «в кавычках».\n\nТретье"
    doc = ru_nlp(text)
    assert doc.text == text
    assert [s.text.strip() for s in doc.sents] == ["Заголовок без точки", "Первое предложение.",
                                                   "Второе – «в кавычках».", "Третье"]


def test_pipeline_a_record_without_a_stage_has_an_empty_list_and_does_not_name_it(ru_nlp):
    article = Article(text="Москва заявила.", source="t.txt", language="ru")
    record = build_record(article, ru_nlp(article.text), "m", stages=RU_STAGES[:3], pipeline="ru")
    assert record["analysis"]["stages"] == ["sentences", "entities"]
    assert record["quotes"] == [] and record["events"] == []
