"""The one-time text cleaning, metadata overrides and language detection."""

from __future__ import annotations

import json

import pytest

from ingest_fixtures import FIXTURES, SEED_DIR
from newsgraph.errors import InputError
from newsgraph.ingest import clean, clean_text, detect_language, read_inputs
from newsgraph.model import Article, RawDocument, ReadOptions, article_id

OPTIONS = ReadOptions()


def test_clean_seed_only_loses_its_trailing_mojibake_and_gold_spans_hold():
    raw = (SEED_DIR / "article.txt").read_text(encoding="utf-8")
    gold = json.loads((SEED_DIR / "gold.json").read_text(encoding="utf-8"))
    cleaned = clean_text(raw)
    assert raw.endswith("the analyst said.Â")
    assert cleaned == raw[:-1]
    spans = [(kind, item) for kind in ("quotes", "timexes", "money") for item in gold[kind]]
    assert len(spans) > 20
    for kind, item in spans:
        start, end = item["span"]
        assert cleaned[start:end] == item["text"], (kind, item)


def test_clean_seed_article_through_read_inputs():
    (raw,) = read_inputs([str(SEED_DIR / "article.txt")], OPTIONS)
    article = clean(raw, ReadOptions(published="2025-04-02"))
    assert isinstance(article, Article)
    assert article.title == "Kiev is preparing for the landing of foreign troops in Ukraine"
    assert article.text[172:286].startswith("a planned meeting of military representatives")
    assert article.published == "2025-04-02" and article.language == "en"
    assert article.id == article_id(article.text)


@pytest.mark.parametrize("before, after", [
    ("the analyst said.Â", "the analyst said."),  # the seed's ending
    ("He left.Â\nShe stayed.", "He left.\nShe stayed."),
    ("costs 5Â\u00a0euros", "costs 5 euros"),
    ("helloÂ world", "hello world"),
    ("L'Âge d'or", "L'Âge d'or"),
    ("ÂGE", "ÂGE"),
    ("ROMÂ NIA", "ROMÂ NIA"),  # a capital letter before it: may be a real letter
])
def test_clean_stray_a_circumflex(before, after):
    assert clean_text(before) == after


@pytest.mark.parametrize("before, after", [
    ("a\r\nb\rc", "a\nb\nc"),
    ("no\u00a0break and\u2009thin and\u3000ideographic", "no break and thin and ideographic"),
    ("tabs\t\tand   spaces", "tabs and spaces"),
    ("trailing   \nleading", "trailing\nleading"),
    ("one\n\n\n\n\ntwo", "one\n\ntwo"),
    ("  \n  ends  \n ", "ends"),
    ("zero\u200bwidth\u2060join\ufeffbom soft\u00adhyphen", "zerowidthjoinbom softhyphen"),
    ("ctrl\x07chars\x00and\x1fC1\x81", "ctrlcharsandC1"),
    ("form\x0cfeed", "form\nfeed"),
    ("line\u2028separator", "line\nseparator"),
])
def test_clean_whitespace_and_invisible_characters(before, after):
    assert clean_text(before) == after


@pytest.mark.parametrize("before, after", [
    ("“curly” and ‘single’ quotes stay", "“curly” and ‘single’ quotes stay"),
    ("The minister said â€œnoâ€\x9d.", "The minister said “no”."),  # mojibake repaired, still curly
    ("cafe\u0301", "caf\u00e9"),  # NFC
    ("北京，中国。（新华社）", "北京，中国。（新华社）"),  # full-width punctuation is kept
    ("می\u200cخواهم", "می\u200cخواهم"),  # ZWNJ is Persian spelling
])
def test_clean_repairs_encoding_without_touching_what_analysis_needs(before, after):
    assert clean_text(before) == after


def test_clean_options_override_input_metadata():
    raw = RawDocument(text="Headline\nBody of the report.", source="x.txt", title="  Headline ",
                      outlet="Input Outlet", published="2025-01-01", language="de")
    plain = clean(raw, OPTIONS)
    assert (plain.outlet, plain.published, plain.language, plain.title) == (
        "Input Outlet", "2025-01-01", "de", "Headline")
    forced = clean(raw, ReadOptions(outlet="Given", published="2025-04-02", language="en"))
    assert (forced.outlet, forced.published, forced.language) == ("Given", "2025-04-02", "en")


@pytest.mark.parametrize("text, language", [
    ("Le musée des beaux-arts de Lyon a rouvert ses portes mardi après deux ans de travaux.", "fr"),
    ("Die Bundesregierung hat am Dienstag ein neues Gesetz zur Förderung von Solarenergie beschlossen.", "de"),
    ("The central bank kept its main interest rate unchanged on Thursday, citing easing inflation.", "en"),
    ("Правительство объявило во вторник о новых мерах поддержки малого бизнеса.", "ru"),
])
def test_clean_detects_language_when_nothing_gives_it(text, language):
    assert clean(RawDocument(text=text, source="x"), OPTIONS).language == language


def test_clean_input_language_tag_is_reduced_to_its_primary_subtag():
    raw = RawDocument(text="Ministers met on Friday in Brussels.", source="x", language="en-GB")
    assert clean(raw, OPTIONS).language == "en"


def test_clean_jsonl_fixture_languages_and_overrides():
    options = ReadOptions(fields={"text": "body", "title": "headline", "published": "date",
                                  "outlet": "source"})
    articles = [clean(raw, options) for raw in read_inputs([str(FIXTURES / "articles.jsonl")], options)]
    assert [a.language for a in articles] == ["en", "en", "fr"]
    assert articles[2].outlet == "Le Courrier du Rhône"


def test_clean_nothing_left_is_an_error():
    raw = RawDocument(text="\u200b\u00a0 \x00\n\t", source="feed.jsonl", location="line 7")
    with pytest.raises(InputError) as caught:
        clean(raw, OPTIONS)
    assert str(caught.value) == "feed.jsonl: line 7: no text left after cleaning"


def test_clean_refuses_text_over_max_chars():
    with pytest.raises(InputError, match="over the limit of 10"):
        clean(RawDocument(text="x" * 11, source="x"), ReadOptions(max_chars=10))


def test_clean_language_of_text_without_letters_is_unknown():
    assert detect_language("12 34 -- 56") is None
