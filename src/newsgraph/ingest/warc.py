"""Reader for web archives (WARC, WARC.gz, ARC.gz), record by record.

Every ``response`` record with an HTML Content-Type and a 2xx HTTP status goes
through the HTML reader, with its WARC-Target-URI as url. Other records
(requests, metadata, images, redirects) are normal WARC content and are
skipped without a word. The archive is streamed: one record in memory at a time.

A truncated or corrupt archive yields the records before the damage, then one
InputError with the byte offset where it starts. Limit: a gzip member whose
trailer alone is missing still reads as complete (its record is whole).
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from typing import BinaryIO

from warcio.archiveiterator import ArchiveIterator
from warcio.recordloader import ArcWarcRecord

from ..errors import InputError
from ..model import RawDocument, ReadOptions
from . import html

__all__ = ["read"]

_HTML_TYPES = ("text/html", "application/xhtml+xml")


def _html_response(record: ArcWarcRecord) -> tuple[str, str | None] | None:
    """(content type, charset) if the record is an HTML page served with a 2xx status."""
    if record.rec_type != "response" or record.http_headers is None:
        return None
    status = record.http_headers.get_statuscode() or ""
    ctype = record.http_headers.get_header("Content-Type") or ""
    mime, _, params = ctype.partition(";")
    if not status.startswith("2") or mime.strip().lower() not in _HTML_TYPES:
        return None
    charset = params.partition("charset=")[2].strip().strip("\"'") or None
    return mime, charset


def _corrupt(name: str, offset: int, detail: str) -> InputError:
    return InputError(name, f"truncated or corrupt WARC: {detail}", f"record at byte {offset}")


def _rest_is_blank(stream: BinaryIO, offset: int) -> bool:
    """Whether the bytes after ``offset`` are only the blank lines ending a plain WARC."""
    try:
        stream.seek(offset)
    except (OSError, ValueError):
        return True  # a pipe: nothing more can be checked
    return not stream.read(64).strip()


def read(name: str, stream: BinaryIO, options: ReadOptions) -> Iterator[RawDocument | InputError]:
    """Yield an article (or InputError) per HTML response record, lazily."""
    records = ArchiveIterator(stream, arc2warc=True)
    end = 0  # byte offset just past the last complete record
    while True:
        try:
            record = next(records)
            page = _html_response(record)
            body = record.content_stream().read() if page else b""
            offset, length = records.get_record_offset(), records.get_record_length()
        except StopIteration:
            break
        except Exception as error:  # warcio raises many types on damaged input
            yield _corrupt(name, end, f"{type(error).__name__}: {error}")
            return
        if getattr(record.raw_stream, "limit", 0):  # the file ended inside this record
            yield _corrupt(name, offset, "the file ends inside this record")
            return
        end = offset + length
        if page:
            try:
                yield html.from_bytes(body, name, options, url=record.rec_headers.get_header(
                    "WARC-Target-URI"), location=f"record at byte {offset}", header_charset=page[1])
            except InputError as error:
                yield error
    if not _rest_is_blank(stream, end):
        yield _corrupt(name, end, "unreadable data after the last complete record")
