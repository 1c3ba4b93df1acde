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
from collections.abc import Iterable, Iterator
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


def read(name: str, stream: BinaryIO, options: ReadOptions) -> Iterator[RawDocument | InputError]:
    """Yield one RawDocument or InputError per non-blank line."""
    gzipped = decoding.peek(stream, 2) == b"\x1f\x8b"
    lines: Iterable[bytes] = gzip.GzipFile(fileobj=stream) if gzipped else stream
    number = offset = 0
    seen_content = False
    try:
        for number, raw in enumerate(lines, start=1):
            location = f"line {number}"
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
