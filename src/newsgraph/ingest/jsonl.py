"""Reader for JSON Lines: one JSON object per line, one article per object.

Fields: text, title, url, published, outlet, author, each renamed through
``options.fields`` (e.g. ``{"text": "body", "published": "date"}``). Blank lines
are skipped. A bad line yields an InputError at ``line N`` and reading goes on.
Gzip-compressed files (``.jsonl.gz``) are read through gzip, still line by line,
so a large file is never loaded whole.
"""

from __future__ import annotations

import gzip
import json
import zlib
from collections.abc import Iterator
from typing import Any, BinaryIO

from ..errors import InputError
from ..model import RawDocument, ReadOptions
from . import decoding
from .meta import iso_date

__all__ = ["read"]

def _describe(value: Any) -> str:
    return {dict: "an object", list: "a list", str: "a string", bool: "true/false",
            type(None): "null"}.get(type(value), "a number")


def _field(obj: dict, ours: str, options: ReadOptions) -> str | None:
    """The string in the object's field for ``ours`` (None if absent or null)."""
    key = options.field_name(ours)
    value = obj.get(key)
    if value is not None and not isinstance(value, str):
        raise ValueError(f'field "{key}" is {_describe(value)}, not a string')
    return value


def _text(obj: dict, options: ReadOptions) -> str:
    """The article text; ValueError naming the field, the keys present and the fix."""
    key = options.field_name("text")
    if key not in obj:
        keys = ", ".join(sorted(obj)) or "none"
        raise ValueError(f'no "{key}" field (the object has keys: {keys}); say which key holds '
                         f"the article text with the fields option, e.g. --field text=body")
    value = obj[key]
    if not isinstance(value, str):
        raise ValueError(f'field "{key}" is {_describe(value)}, not a string')
    if not value.strip():
        raise ValueError(f'field "{key}" is empty')
    return value


def _document(obj: Any, name: str, location: str, options: ReadOptions) -> RawDocument:
    """One parsed line to a RawDocument; ValueError says what is wrong with it."""
    if not isinstance(obj, dict):
        raise ValueError(f"expected a JSON object, found {_describe(obj)}")
    text = _text(obj, options)
    published = _field(obj, "published", options)
    if published and not options.published:  # an override makes the input's date moot
        day = iso_date(published)
        if day is None:
            key = options.field_name("published")
            raise ValueError(f'field "{key}" holds {published!r}, which is not a date; '
                             f"use YYYY-MM-DD or give the date with --published")
        published = day
    decoding.check_length(text, name, location, options.max_chars)
    return RawDocument(
        text=text, source=name, location=location, published=published,
        title=_field(obj, "title", options), url=_field(obj, "url", options),
        outlet=_field(obj, "outlet", options), author=_field(obj, "author", options))


# JSON spends at most 6 bytes on a character (\uXXXX); the rest of a line is its other fields.
_BYTES_PER_CHAR = 6
_LINE_SLACK = 1 << 20


def _lines(stream: BinaryIO, limit: int) -> Iterator[bytes | int]:
    """The file's lines; a line longer than ``limit`` bytes is skipped unread, as its length."""
    while line := stream.readline(limit + 1):
        if len(line) <= limit or line.endswith(b"\n"):
            yield line
            continue
        skipped = len(line)
        while True:
            rest = stream.readline(1 << 20)
            skipped += len(rest)
            if not rest or rest.endswith(b"\n"):
                break
        yield skipped


def read(name: str, stream: BinaryIO, options: ReadOptions) -> Iterator[RawDocument | InputError]:
    """Yield one RawDocument or InputError per non-blank line.

    One line is in memory at a time, and never one longer than an article may be: a longer
    line is skipped in pieces and reported.
    """
    gzipped = decoding.peek(stream, 2) == b"\x1f\x8b"
    lines: BinaryIO = gzip.GzipFile(fileobj=stream) if gzipped else stream
    limit = _BYTES_PER_CHAR * options.max_chars + _LINE_SLACK
    number = offset = 0
    seen_content = False
    try:
        for number, raw in enumerate(_lines(lines, limit), start=1):
            location = f"line {number}"
            if isinstance(raw, int):
                offset += raw
                seen_content = True
                yield InputError(name, f"line of {raw:,} bytes, longer than any article of --max-chars "
                                 f"{options.max_chars:,} characters; skipped", location)
                continue
            start, offset = offset, offset + len(raw)
            try:
                line = decoding.decode(raw, options.encoding, name, location, number, start)
                if not line.strip():
                    continue
                seen_content = True
                yield _document(json.loads(line), name, location, options)
            except InputError as error:
                yield error
            except json.JSONDecodeError as error:
                yield InputError(name, f"malformed JSON: {error.msg} at column {error.colno}",
                                 location)
            except ValueError as error:
                yield InputError(name, str(error), location)
    except (EOFError, OSError, zlib.error) as error:
        what = "truncated or corrupt gzip file" if gzipped else "read error"
        yield InputError(name, f"{what} after line {number}: {error}", f"line {number + 1}")
        return
    if not seen_content:
        yield InputError(name, "empty file")
