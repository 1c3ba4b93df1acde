"""HTML pages: main text without boilerplate, metadata, charsets, script-only pages."""

from __future__ import annotations

import pytest

from ingest_fixtures import FIXTURES
from newsgraph.errors import InputError
from newsgraph.ingest import read_inputs
from newsgraph.ingest.html import NO_TEXT, fragment_text
from newsgraph.model import RawDocument, ReadOptions

OPTIONS = ReadOptions()
PAGE = FIXTURES / "news_page.html"


def read_one(path, options=OPTIONS):
    (item,) = read_inputs([str(path)], options)
    return item


def test_html_news_page_keeps_the_article_text():
    doc = read_one(PAGE)
    assert isinstance(doc, RawDocument)
    assert ("Dock workers at the port of Gdynia ended a nine-day strike on Thursday after their "
            "union accepted a pay offer of 11 percent over two years") in doc.text
    assert "“This agreement gives our members the security they asked for,” said union leader" in doc.text
    assert "would take at least two weeks to clear." in doc.text


@pytest.mark.parametrize("boilerplate", [
    "We use cookies", "Accept all", "Subscribe to our newsletter", "Share on Facebook",
    "Most read", "All rights reserved", "Privacy policy",
    "TRACKING-PIXEL-42", "INLINE-AD-SCRIPT-TEXT", "FOOTER-SCRIPT-TEXT", "font-family", "dataLayer",
])
def test_html_news_page_drops_boilerplate_scripts_and_styles(boilerplate):
    assert boilerplate not in read_one(PAGE).text


def test_html_news_page_metadata():
    doc = read_one(PAGE)
    assert doc.title == "Port workers end strike after wage deal"
    assert doc.published == "2025-03-14"
    assert doc.outlet == "The Harbour Gazette"
    assert doc.author == "Marta Lindqvist"
    assert doc.url == "https://harbourgazette.example/news/2025/03/port-strike-ends"
    assert doc.source == str(PAGE) and doc.location is None


def test_html_paragraphs_come_out_one_per_line():
    lines = read_one(PAGE).text.split("\n")
    assert lines[0] == "Port workers end strike after wage deal"
    assert lines[1].startswith("Dock workers") and lines[-1].startswith("Shipping companies")


def test_html_page_of_only_scripts_is_a_clear_error(tmp_path):
    path = tmp_path / "scripts.html"
    path.write_text("<html><head><script>var a = 1;</script></head><body>"
                    + "<script>track('x');</script>" * 200
                    + "<noscript>Please enable JavaScript to read this site.</noscript></body></html>")
    error = read_one(path)
    assert isinstance(error, InputError)
    assert error.source == str(path) and error.reason == NO_TEXT


def test_html_page_full_of_scripts_still_yields_its_article(tmp_path):
    path = tmp_path / "heavy.html"
    article = ("<article><h1>Council approves budget</h1><p>The city council approved the 2026 budget "
               "on Monday after a six-hour debate about school funding and road repairs.</p></article>")
    path.write_text("<html><body>" + "<script>var x = 'SCRIPT-NOISE';</script>" * 2000 + article
                    + "<script>var y = 'SCRIPT-NOISE';</script>" * 2000 + "</body></html>")
    doc = read_one(path)
    assert "approved the 2026 budget on Monday" in doc.text and "SCRIPT-NOISE" not in doc.text


def test_html_declared_charset_is_honoured(tmp_path):
    path = tmp_path / "ru.html"
    body = ("<html><head><meta charset=\"windows-1251\"><title>Новости</title></head><body><article>"
            "<p>Президент заявил во вторник, что переговоры продолжатся на следующей неделе.</p>"
            "</article></body></html>")
    path.write_bytes(body.encode("cp1251"))
    assert "Президент заявил во вторник" in read_one(path).text


def test_html_xml_declaration_with_latin1(tmp_path):
    path = tmp_path / "page.xhtml"
    body = ("<?xml version=\"1.0\" encoding=\"iso-8859-1\"?>\n<html xmlns=\"http://www.w3.org/1999/xhtml\">"
            "<head><title>Café</title></head><body><article><p>Le café de la gare a rouvert lundi après "
            "deux ans de travaux, a annoncé la mairie.</p></article></body></html>")
    path.write_bytes(body.encode("latin-1"))
    assert "Le café de la gare a rouvert lundi après deux ans" in read_one(path).text


def test_html_undeclared_invalid_utf8_is_an_error_not_a_guess(tmp_path):
    path = tmp_path / "bad.html"
    path.write_bytes(b"<html><body>\n<p>Caf\xe9 reopened on Monday.</p></body></html>")
    error = read_one(path)
    assert isinstance(error, InputError)
    assert "byte offset 19 (line 2)" in error.reason and "--encoding" in error.reason
    assert "Café reopened" in read_one(path, ReadOptions(encoding="cp1252")).text


def test_html_over_max_chars(tmp_path):
    error = read_one(PAGE, ReadOptions(max_chars=100))
    assert "characters long, over the limit of 100" in error.reason


@pytest.mark.parametrize("fragment, expected", [
    ("<p>One <b>bold</b> line.</p><p>Two &amp; more.</p>", "One bold line.\nTwo & more."),
    ("Plain text, no tags", "Plain text, no tags"),
    ("<div>Before<br>after</div><script>evil()</script><style>p{}</style>", "Before\nafter"),
    ("<ul><li>first</li><li>second</li></ul>", "first\nsecond"),
    ("", ""),
])
def test_html_fragment_text(fragment, expected):
    assert fragment_text(fragment) == expected
