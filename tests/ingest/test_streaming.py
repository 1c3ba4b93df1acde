"""Memory stays flat in the size of the input: JSON Lines and WARC files are streamed.

Each reader runs in a fresh process over a generated file of tens of megabytes; the
process's peak resident memory may grow by a few megabytes while reading, never by the
size of the file (nor by the size of one over-long line).
"""

from __future__ import annotations

import json
import subprocess
import sys

from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

MB = 1 << 20
# Reads every item, then prints how much the peak resident memory grew while reading.
_READ_ALL = """
import resource, sys
from newsgraph import ReadOptions, read_inputs
from newsgraph.errors import InputError
options = ReadOptions(max_chars=100_000)
before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
items = errors = 0
for item in read_inputs([sys.argv[1]], options):
    items += 1
    errors += isinstance(item, InputError)
grown = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - before
print(items, errors, grown * 1024)
"""


def _read(path) -> tuple[int, int, int]:
    result = subprocess.run([sys.executable, "-c", _READ_ALL, str(path)], capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    items, errors, grown = map(int, result.stdout.split())
    return items, errors, grown


def test_streaming_jsonl_of_55_mb_with_an_over_long_line(tmp_path):
    path = tmp_path / "big.jsonl"
    text = "Officials said the talks would resume next week in Geneva. " * 16
    with path.open("w", encoding="utf-8") as fh:
        for i in range(30_000):
            fh.write(json.dumps({"text": f"{i} {text}", "title": f"Report {i}"}) + "\n")
        fh.write(json.dumps({"text": "x" * (30 * MB)}) + "\n")  # one line of 30 MB
        fh.write(json.dumps({"text": text}) + "\n")
    assert path.stat().st_size > 55 * MB
    items, errors, grown = _read(path)
    assert (items, errors) == (30_002, 1)
    assert grown < 12 * MB, f"reading grew memory by {grown / MB:.0f} MB"


def test_streaming_warc_of_40_mb(tmp_path):
    path = tmp_path / "crawl.warc.gz"
    page = b"<html><head><title>Port reopens</title></head><body><article><p>" + (
        b"The port reopened on Monday after repairs, the harbour master said. " * 20) + b"</p></article></body></html>"
    with path.open("wb") as fh:
        writer = WARCWriter(fh, gzip=True)
        for i in range(400):
            image = i % 100 != 0
            body, ctype = (bytes([i % 251]) * (100 * 1024), "image/jpeg") if image else (page, "text/html; charset=utf-8")
            headers = StatusAndHeaders("200 OK", [("Content-Type", ctype)], protocol="HTTP/1.1")
            writer.write_record(writer.create_warc_record(f"https://example.org/{i}", "response",
                                                          payload=__import__("io").BytesIO(body), http_headers=headers))
    items, errors, grown = _read(path)
    assert (items, errors) == (4, 0)
    assert grown < 12 * MB, f"reading grew memory by {grown / MB:.0f} MB"
