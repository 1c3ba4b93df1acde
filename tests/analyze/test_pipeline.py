"""The analysis record on the seed article and on small texts (loads the spaCy model)."""

from __future__ import annotations

import json

import pytest

from newsgraph.analyze import FORMAT, Analyzer
from newsgraph.model import Article

from paths import SEED_DIR as SEED

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def analyzer():
    return Analyzer(batch_size=4)


@pytest.fixture(scope="module")
def seed_record(analyzer):
    text = (SEED / "article.txt").read_text(encoding="utf-8")
    article = Article(text=text, source="seed/article.txt", title=text.split("\n", 1)[0], published="2025-04-02")
    return analyzer.analyze_one(article)


def test_analyze_record_has_the_contract_fields(seed_record):
    assert seed_record["format"] == FORMAT
    assert set(seed_record) >= {"document", "entities", "quotes", "timexes", "quantities", "events"}
    doc = seed_record["document"]
    assert set(doc) >= {"id", "source", "title", "outlet", "published", "published_inferred", "language", "text"}
    assert doc["published"] == "2025-04-02"
    json.dumps(seed_record)  # serialisable as it is


def test_analyze_every_mention_span_indexes_its_text(seed_record):
    text = seed_record["document"]["text"]
    for entity in seed_record["entities"]:
        for m in entity["mentions"]:
            assert text[m["start"]:m["end"]] == m["text"]


def test_analyze_seed_people_are_found_and_surnames_fold_into_full_names(seed_record):
    people = {e["name"]: e for e in seed_record["entities"] if e["type"] == "PERSON"}
    assert "Keir Starmer" in people and "Yuri Knutov" in people
    knutov = {m["text"] for m in people["Yuri Knutov"]["mentions"]}
    assert {"Yuri Knutov", "Knutov"} <= knutov
    assert "Knutov" not in people


def test_analyze_possessive_is_not_part_of_the_name(seed_record):
    names = {e["name"] for e in seed_record["entities"]}
    assert not any(n.endswith(("’s", "'s")) for n in names)


def test_analyze_dates_and_numbers_are_not_entities(seed_record):
    assert not {e["type"] for e in seed_record["entities"]} & {"DATE", "CARDINAL", "MONEY", "PERCENT"}


def test_analyze_batches_keep_each_article_with_its_own_record(analyzer):
    articles = [Article(text=f"{name} visited Berlin on Monday.", source=f"t{i}.txt")
                for i, name in enumerate(["Angela Merkel", "Emmanuel Macron", "Joe Biden", "Donald Tusk", "Olaf Scholz"])]
    results = list(analyzer.analyze(articles))
    assert [a.id for a, _ in results] == [a.id for a in articles]
    for article, record in results:
        assert record["document"]["id"] == article.id
        assert record["document"]["text"] == article.text


def test_analyze_a_failing_stage_costs_one_article_not_the_batch(analyzer, monkeypatch):
    from newsgraph.analyze import pipeline
    from newsgraph.errors import InputError

    real = pipeline.build_record

    def flaky(article, doc, model, **options):
        if "Tusk" in article.text:
            raise KeyError("yearago")
        return real(article, doc, model, **options)

    monkeypatch.setattr(pipeline, "build_record", flaky)
    articles = [Article(text=f"{name} visited Berlin on Monday.", source=f"t{i}.txt", location=f"line {i}")
                for i, name in enumerate(["Joe Biden", "Donald Tusk", "Olaf Scholz"])]
    results = list(analyzer.analyze(articles))
    failed = [(a, r) for a, r in results if isinstance(r, InputError)]
    assert len(results) == 3 and len(failed) == 1
    article, error = failed[0]
    assert "Tusk" in article.text
    assert error.source == "t1.txt" and error.location == "line 1"
    assert "analysis failed" in error.reason and "KeyError" in error.reason


def test_analyze_record_says_which_stages_produced_it(seed_record):
    from newsgraph.analyze.stages import recorded_stages

    assert seed_record["analysis"]["stages"] == recorded_stages()
    for name in recorded_stages():
        assert isinstance(seed_record[name], list)


def test_analyze_entity_names_are_one_line(analyzer):
    # ours: a participant phrase the parser ends on a paragraph break ("... Ill.\n\n") is named
    # without it, and no name carries a line break or a run of spaces
    text = ("The clerk who took the money was sentenced to two years on Friday by a federal judge in "
            "Springfield, Ill.\n\nHis lawyer said he would appeal.")
    [(_, record)] = list(analyzer.analyze([Article(text=text, source="one-line-names")]))
    names = [e["name"] for e in record["entities"]] + [q["speaker"]["name"] for q in record["quotes"]
                                                      if q["speaker"] and q["speaker"].get("name")]
    assert any(n.startswith("a federal judge") for n in names)
    assert all(n == " ".join(n.split()) for n in names)
