"""Web archives: HTML responses become articles, the rest is skipped, damage is reported."""

from __future__ import annotations

import io

import pytest

from ingest_fixtures import PAGE_ONE, WARC_URLS, truncate, write_warc
from newsgraph.errors import InputError
from newsgraph.ingest import read_inputs
from newsgraph.model import RawDocument, ReadOptions
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

OPTIONS = ReadOptions()


@pytest.mark.parametrize("name, gzipped", [("crawl.warc.gz", True), ("crawl.warc", False)])
def test_warc_html_responses_become_articles_and_the_rest_is_skipped(tmp_path, name, gzipped):
    path = write_warc(tmp_path / name, gzipped=gzipped)
    items = list(read_inputs([str(path)], OPTIONS))
    assert all(isinstance(i, RawDocument) for i in items)  # request, PNG and 404 skipped silently
    assert [i.url for i in items] == list(WARC_URLS)
    bridge, meals = items
    assert "The Old Mill bridge reopened to traffic on Monday" in bridge.text
    assert "WARC-SCRIPT-TEXT" not in bridge.text and "Copyright" not in bridge.text
    assert bridge.title == "Bridge reopens after repairs" and bridge.outlet == "Riverside Post"
    assert "free lunches from September" in meals.text
    assert bridge.source == str(path)
    assert bridge.location.startswith("record at byte ") and meals.location.startswith("record at byte ")
    offset = int(meals.location.rsplit(" ", 1)[1])
    assert path.read_bytes()[offset:offset + 2] == (b"\x1f\x8b" if gzipped else b"WA")


@pytest.mark.parametrize("cut_from_end", [200, 500, 1000])
def test_warc_truncated_gz_yields_records_before_the_cut_then_one_error(tmp_path, cut_from_end):
    whole = write_warc(tmp_path / "whole.warc.gz")
    size = whole.stat().st_size
    cut = truncate(whole, tmp_path / "cut.warc.gz", size - cut_from_end)
    *docs, error = read_inputs([str(cut)], OPTIONS)
    assert [d.url for d in docs] == [WARC_URLS[0]]
    assert isinstance(error, InputError) and error.source == str(cut)
    assert error.reason.startswith("truncated or corrupt WARC: ")
    offset = int(error.location.removeprefix("record at byte "))
    assert 0 < offset < size - cut_from_end


def test_warc_cut_inside_the_first_record_is_one_error(tmp_path):
    cut = truncate(write_warc(tmp_path / "whole.warc.gz"), tmp_path / "cut.warc.gz", 30)
    (error,) = read_inputs([str(cut)], OPTIONS)
    assert error.location == "record at byte 0" and "truncated or corrupt WARC" in error.reason


def test_warc_forced_on_a_text_file_is_an_error_not_a_traceback(tmp_path):
    path = tmp_path / "notes.txt"
    path.write_text("Just some notes\nNothing archived here.")
    (error,) = read_inputs([str(path)], ReadOptions(format="warc"))
    assert isinstance(error, InputError) and "truncated or corrupt WARC" in error.reason


def test_warc_html_response_without_text_is_reported_at_its_record(tmp_path):
    path = tmp_path / "scripts.warc.gz"
    with path.open("wb") as handle:
        writer = WARCWriter(handle, gzip=True)
        headers = StatusAndHeaders("200 OK", [("Content-Type", "text/html")], protocol="HTTP/1.1")
        writer.write_record(writer.create_warc_record(
            "https://x.example/app", "response", http_headers=headers,
            payload=io.BytesIO(b"<html><body><script>app()</script></body></html>")))
    (error,) = read_inputs([str(path)], OPTIONS)
    assert error.location == "record at byte 0" and "no article text found" in error.reason


class CountingStream(io.BytesIO):
    """A stdin stand-in that records how far it has been read."""

    def __init__(self, data: bytes):
        super().__init__(data)
        self.furthest = 0

    def readinto(self, buffer):
        count = super().readinto(buffer)
        self.furthest = max(self.furthest, self.tell())
        return count


def test_warc_is_streamed_not_loaded_whole(tmp_path):
    buffer = io.BytesIO()
    writer = WARCWriter(buffer, gzip=True)
    headers = StatusAndHeaders("200 OK", [("Content-Type", "text/html")], protocol="HTTP/1.1")
    for n in range(300):
        writer.write_record(writer.create_warc_record(
            f"https://riversidepost.example/{n}", "response", http_headers=headers,
            payload=io.BytesIO(PAGE_ONE.encode())))
    stdin = CountingStream(buffer.getvalue())
    items = read_inputs(["-"], OPTIONS, stdin=stdin)
    first = next(items)
    assert first.url == "https://riversidepost.example/0"
    assert stdin.furthest < len(buffer.getvalue()) / 2
    assert sum(1 for _ in items) == 299
