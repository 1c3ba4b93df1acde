"""Builders for the ingest tests' binary inputs, made at test time in tmp_path.

Committing WARC or gzip bytes would hide what they contain; these builders say it.
"""

from __future__ import annotations

import gzip
import io
from pathlib import Path

from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

FIXTURES = Path(__file__).parent / "fixtures" / "ingest"
from paths import SEED_DIR

# Two small HTML pages served in the WARC; their key sentences are asserted on.
PAGE_ONE = """<!DOCTYPE html><html><head><meta charset="utf-8">
<title>Bridge reopens after repairs | Riverside Post</title>
<meta property="og:site_name" content="Riverside Post">
<script>var tracker = "WARC-SCRIPT-TEXT";</script></head>
<body><nav><a href="/">Home</a> <a href="/local">Local</a></nav>
<article><h1>Bridge reopens after repairs</h1>
<p>The Old Mill bridge reopened to traffic on Monday after eight months of repairs costing 2.4 million pounds, the county council said.</p>
<p>Residents had faced a detour of about 12 kilometres while the bridge was closed.</p>
</article><footer>Copyright Riverside Post</footer></body></html>"""
PAGE_TWO = """<!DOCTYPE html><html><head><meta charset="utf-8">
<title>School meals to be free for all pupils | Riverside Post</title></head>
<body><article><h1>School meals to be free for all pupils</h1>
<p>All primary school pupils in the district will get free lunches from September, the education board announced on Friday.</p>
<p>The scheme will cost about 3 million pounds a year, according to the board's budget.</p>
</article></body></html>"""
WARC_URLS = ("https://riversidepost.example/bridge", "https://riversidepost.example/meals")


def _response(writer: WARCWriter, url: str, body: bytes, content_type: str,
              status: str = "200 OK") -> None:
    headers = StatusAndHeaders(status, [("Content-Type", content_type)], protocol="HTTP/1.1")
    writer.write_record(writer.create_warc_record(
        url, "response", payload=io.BytesIO(body), http_headers=headers))


def write_warc(path: Path, gzipped: bool = True) -> Path:
    """A WARC holding: warcinfo, a request, page one, a PNG, a 404 page, page two."""
    with path.open("wb") as handle:
        writer = WARCWriter(handle, gzip=gzipped)
        writer.write_record(writer.create_warcinfo_record(path.name, {"software": "newsgraph tests"}))
        writer.write_record(writer.create_warc_record(
            WARC_URLS[0], "request",
            payload=io.BytesIO(b"GET /bridge HTTP/1.1\r\nHost: riversidepost.example\r\n\r\n")))
        _response(writer, WARC_URLS[0], PAGE_ONE.encode(), "text/html; charset=utf-8")
        _response(writer, "https://riversidepost.example/logo.png",
                  b"\x89PNG\r\n\x1a\n" + bytes(200), "image/png")
        _response(writer, "https://riversidepost.example/missing",
                  b"<html><body><p>Page not found, sorry about that.</p></body></html>",
                  "text/html", status="404 Not Found")
        _response(writer, WARC_URLS[1], PAGE_TWO.encode(), "text/html; charset=utf-8")
    return path


def truncate(source: Path, target: Path, keep: int) -> Path:
    """A copy of ``source`` cut to its first ``keep`` bytes (negative: drop the last)."""
    target.write_bytes(source.read_bytes()[:keep])
    return target


def write_jsonl_gz(path: Path, lines: list[str]) -> Path:
    with gzip.open(path, "wt", encoding="utf-8") as handle:
        handle.write("\n".join(lines) + "\n")
    return path


def write_big_text(path: Path, megabytes: int = 50) -> Path:
    """A plain-text file of about ``megabytes`` MB, written in blocks (not held in memory)."""
    line = ("This sentence repeats to make a file far larger than any news article. " * 50
            + "\n").encode()
    with path.open("wb") as handle:
        handle.write(b"A very long article\n")
        for _ in range(megabytes * 1024 * 1024 // len(line) + 1):
            handle.write(line)
    return path
