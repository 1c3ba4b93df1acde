"""Path expansion, format detection and the read_inputs contract (lazy, errors as values)."""

from __future__ import annotations

import io
import shutil
import types

import pytest

from ingest_fixtures import FIXTURES, write_warc
from newsgraph.errors import ConfigError, InputError
from newsgraph.ingest import read_inputs
from newsgraph.ingest.sources import choose_format, sniff_format
from newsgraph.model import RawDocument, ReadOptions

OPTIONS = ReadOptions()
STORY = "Storm closes harbour\nThe harbour was closed on Sunday because of the storm, officials said.\n"


def docs(items):
    return [i for i in items if isinstance(i, RawDocument)]


def errors(items):
    return [i for i in items if isinstance(i, InputError)]


@pytest.mark.parametrize("name, expected", [
    ("a.txt", "text"), ("a.TEXT", "text"), ("a.md", "markdown"), ("a.markdown", "markdown"),
    ("a.html", "html"), ("a.htm", "html"), ("a.xhtml", "html"),
    ("a.jsonl", "jsonl"), ("a.ndjson", "jsonl"), ("a.jsonl.gz", "jsonl"),
    ("a.warc", "warc"), ("a.warc.gz", "warc"), ("a.arc.gz", "warc"),
    ("a.rss", "feed"), ("a.atom", "feed"),
])
def test_sources_format_from_extension(name, expected):
    assert choose_format(name, b"whatever", "auto") == expected


@pytest.mark.parametrize("head, expected", [
    (b"<?xml version='1.0'?>\n<rss version='2.0'><channel>", "feed"),
    (b'<feed xmlns="http://www.w3.org/2005/Atom">', "feed"),
    (b"<?xml version='1.0'?><rdf:RDF xmlns:rdf='x'>", "feed"),
    (b"\xef\xbb\xbf  <!DOCTYPE html><html><body>", "html"),
    (b"<html lang='en'><head>", "html"),
    (b'{"text": "x"}\n{"text": "y"}\n', "jsonl"),
    (b"WARC/1.0\r\nWARC-Type: warcinfo\r\n", "warc"),
    (b"Plain headline\nPlain body.", None),
])
def test_sources_sniff_first_bytes(head, expected):
    assert sniff_format(head) == expected


def test_sources_sniff_gzip_warc_and_unknown_file_falls_back_to_text(tmp_path):
    warc = write_warc(tmp_path / "archive.bin")
    assert choose_format("archive.bin", warc.read_bytes()[:512]) == "warc"
    assert choose_format("article", b"Just a headline\nAnd a body.") == "text"
    assert choose_format("notes.xml", b"<urlset>") == "feed"  # .xml is read as a feed, and fails as one


def test_sources_format_option_overrides_extension(tmp_path):
    page = tmp_path / "page.txt"
    shutil.copy(FIXTURES / "news_page.html", page)
    as_text = docs(read_inputs([str(page)], OPTIONS))[0]
    as_html = docs(read_inputs([str(page)], ReadOptions(format="html")))[0]
    assert "<script" in as_text.text  # read as written
    assert "<script" not in as_html.text and "Gdynia" in as_html.text


def test_sources_directory_is_walked_sorted_skipping_hidden_and_unknown(tmp_path):
    (tmp_path / "b").mkdir()
    (tmp_path / "b" / "two.txt").write_text(STORY.replace("Sunday", "Tuesday"))
    (tmp_path / "a.txt").write_text(STORY)
    (tmp_path / "c.md").write_text("# Heading\n\nBody text of the note.")
    (tmp_path / ".hidden.txt").write_text(STORY)
    (tmp_path / ".git").mkdir()
    (tmp_path / ".git" / "x.txt").write_text(STORY)
    (tmp_path / "image.png").write_bytes(b"\x89PNG\r\n")
    (tmp_path / "sitemap.xml").write_text("<urlset><url>https://x.example/</url></urlset>")
    shutil.copy(FIXTURES / "feed_rss.xml", tmp_path / "feed.xml")
    found = read_inputs([str(tmp_path)], OPTIONS)
    names = [d.source.removeprefix(str(tmp_path) + "/") for d in found]
    assert names == ["a.txt", "b/two.txt", "c.md", "feed.xml", "feed.xml"]


def test_sources_glob_expansion_with_recursive_stars(tmp_path):
    (tmp_path / "x" / "y").mkdir(parents=True)
    (tmp_path / "x" / "y" / "deep.txt").write_text(STORY)
    (tmp_path / "top.txt").write_text(STORY)
    (tmp_path / "skip.md").write_text(STORY)
    found = docs(read_inputs([f"{tmp_path}/**/*.txt"], OPTIONS))
    assert sorted(d.source for d in found) == [f"{tmp_path}/top.txt", f"{tmp_path}/x/y/deep.txt"]


def test_sources_missing_path_and_empty_glob_are_errors_between_good_items(tmp_path):
    good = tmp_path / "good.txt"
    good.write_text(STORY)
    items = list(read_inputs([str(good), str(tmp_path / "nope.txt"), f"{tmp_path}/*.html", str(good)],
                             OPTIONS))
    assert [type(i).__name__ for i in items] == ["RawDocument", "InputError", "InputError", "RawDocument"]
    assert items[1].source.endswith("nope.txt") and "no such file" in items[1].reason
    assert items[2].source == f"{tmp_path}/*.html" and "no files match" in items[2].reason


def test_sources_stdin_dash_reads_the_given_stream():
    stdin = io.BytesIO(STORY.encode())
    (doc,) = read_inputs(["-"], OPTIONS, stdin=stdin)
    assert doc.source == "<stdin>" and doc.title == "Storm closes harbour"


def test_sources_stdin_is_sniffed_for_its_format():
    page = (FIXTURES / "news_page.html").read_bytes()
    (doc,) = read_inputs(["-"], OPTIONS, stdin=io.BytesIO(page))
    assert doc.outlet == "The Harbour Gazette" and "FOOTER-SCRIPT-TEXT" not in doc.text


def test_sources_read_inputs_is_lazy():
    items = read_inputs(["/does/not/exist"], OPTIONS)
    assert isinstance(items, types.GeneratorType)  # nothing happened yet
    assert "no such file" in next(items).reason


@pytest.mark.parametrize("options, message", [
    (ReadOptions(format="pdf"), "format 'pdf' is not one of"),
    (ReadOptions(encoding="klingon-8"), "encoding 'klingon-8' is not an encoding Python knows"),
])
def test_sources_unusable_options_raise_config_error(options, message):
    with pytest.raises(ConfigError, match=message):
        list(read_inputs(["-"], options, stdin=io.BytesIO(b"x")))
