"""Plain-text and Markdown reading, and the byte-level checks every file goes through."""

from __future__ import annotations

import io
import json
import time

import pytest

from ingest_fixtures import FIXTURES, SEED_DIR, write_big_text
from newsgraph.errors import InputError
from newsgraph.ingest import read_inputs, text
from newsgraph.ingest.text import headline
from newsgraph.model import ReadOptions

OPTIONS = ReadOptions()


def read_one(path, options=OPTIONS):
    (item,) = read_inputs([str(path)], options)
    return item


def test_text_seed_headline_is_title_and_stays_in_text():
    doc = read_one(SEED_DIR / "article.txt")
    gold = json.loads((SEED_DIR / "gold.json").read_text(encoding="utf-8"))
    assert doc.title == "Kiev is preparing for the landing of foreign troops in Ukraine"
    assert doc.text.startswith(doc.title + "\n")
    first_quote = gold["quotes"][0]
    assert doc.text[172:286] == first_quote["text"] == doc.text.__getitem__(slice(*first_quote["span"]))


@pytest.mark.parametrize("first_line, is_headline", [
    ("Port workers end strike after wage deal", True),
    ("Is peace in Ukraine any closer?", True),
    ("Officials said on Monday that the bridge would reopen.", False),  # a sentence
    ("Dateline:", False),
    (" ".join(["word"] * 31), False),  # too many words
    ("x" * 201, False),  # too long
    ("", False),
])
def test_text_headline_heuristic(first_line, is_headline):
    body = first_line + "\nThe body of the article follows here."
    assert (headline(body) == first_line.strip()) is is_headline


def test_text_markdown_list_items_keep_their_lines(tmp_path):
    path = tmp_path / "list.md"
    path.write_text("Measures agreed\n\nThe council agreed:\n- a *new* tram line\n- 40 more buses\n")
    assert "The council agreed:\n- a new tram line\n- 40 more buses" in read_one(path).text


def test_text_single_line_file_has_no_title(tmp_path):
    path = tmp_path / "one.txt"
    path.write_text("Ferries resumed on Sunday after the storm")
    assert read_one(path).title is None


def test_text_markdown_becomes_plain_prose_with_heading_as_title():
    doc = read_one(FIXTURES / "article.md")
    assert doc.title == "City council approves new cycle lanes"
    assert doc.text.startswith("City council approves new cycle lanes\n")
    assert "voted 27 to 12 on Wednesday" in doc.text
    # hard-wrapped paragraphs become one line each, as in the other formats
    assert "14 kilometres of protected cycle lanes along the ring road, the transport" in doc.text
    assert "holidays,” said deputy mayor Helena Varga.\n" in doc.text
    assert "See the council minutes for the full vote." in doc.text
    for markup in ("#", "**", "_Helena", "](", "[minutes]", "https://", "![", "> "):
        assert markup not in doc.text, markup


@pytest.mark.parametrize("content", [b"", b"   \n\t\n  \r\n"])
def test_text_empty_file_is_an_error(tmp_path, content):
    path = tmp_path / "empty.txt"
    path.write_bytes(content)
    error = read_one(path)
    assert isinstance(error, InputError)
    assert error.source == str(path) and error.reason == "empty file"


@pytest.mark.parametrize("content, detected", [
    (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj", "PDF"),
    (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "PNG"),
    (b"PK\x03\x04\x14\x00\x06\x00", "ZIP"),
    (b"Headline\nsome text\x00\x00\x00 more", "NUL bytes"),
    (bytes(range(1, 32)) * 20, "control characters"),
    (b"\x1f\x8b\x08\x00" + bytes(40), "gzip"),
])
def test_text_binary_file_is_rejected(tmp_path, content, detected):
    path = tmp_path / "article.txt"
    path.write_bytes(content)
    error = read_one(path)
    assert isinstance(error, InputError)
    assert error.reason.startswith("binary file, not text (detected") and detected in error.reason


def test_text_utf16_file_asks_for_the_encoding(tmp_path):
    path = tmp_path / "wide.txt"
    path.write_bytes("Headline\nBody text.".encode("utf-16"))
    assert "--encoding utf-16" in read_one(path).reason
    assert read_one(path, ReadOptions(encoding="utf-16")).title == "Headline"


def test_text_invalid_utf8_names_byte_offset_and_line(tmp_path):
    path = tmp_path / "latin1.txt"
    path.write_bytes("Café owners protest in Lyon\nThe owners said the rules were unfair.\nThé end.".encode("latin-1"))
    error = read_one(path)
    assert isinstance(error, InputError)
    assert error.source == str(path) and error.location == "line 1"
    assert "byte offset 3 (line 1)" in error.reason and "0xE9" in error.reason
    assert "--encoding" in error.reason
    later = tmp_path / "later.txt"
    later.write_bytes(b"Headline\nline two\nbad \xff here")
    assert "byte offset 22 (line 3)" in read_one(later).reason


def test_text_other_encoding_with_option_and_utf8_bom_dropped(tmp_path):
    latin = tmp_path / "latin1.txt"
    latin.write_bytes("Café owners protest\nThey said so.".encode("cp1252"))
    assert read_one(latin, ReadOptions(encoding="cp1252")).title == "Café owners protest"
    bom = tmp_path / "bom.txt"
    bom.write_bytes("\ufeffHeadline here\nBody.".encode("utf-8"))
    doc = read_one(bom)
    assert doc.text.startswith("Headline") and doc.title == "Headline here"


def test_text_50mb_file_rejected_quickly_without_decoding(tmp_path, monkeypatch):
    big = write_big_text(tmp_path / "huge.txt", megabytes=50)

    def no_decoding(*args, **kwargs):
        raise AssertionError("the file was decoded")

    monkeypatch.setattr(text.decoding, "decode", no_decoding)
    started = time.perf_counter()
    error = read_one(big)
    assert time.perf_counter() - started < 1.0
    assert isinstance(error, InputError) and error.source == str(big)
    assert f"{big.stat().st_size:,} bytes" in error.reason
    assert "limit of 1,000,000 characters" in error.reason and "--max-chars" in error.reason


def test_text_over_max_chars_names_length_and_limit(tmp_path):
    path = tmp_path / "long.txt"
    path.write_text("Headline\n" + "word " * 100)
    error = read_one(path, ReadOptions(max_chars=200))
    assert error.reason == "article is 509 characters long, over the limit of 200 (raise it with --max-chars)"


def test_text_stdin_over_limit_is_rejected_by_its_size():
    stream = io.BytesIO(b"Headline\n" + b"x" * 10_000)
    (error,) = read_inputs(["-"], ReadOptions(max_chars=100), stdin=stream)
    assert isinstance(error, InputError) and error.source == "<stdin>"
    assert error.reason.startswith("file is more than 400 bytes, more than the limit of 100")
