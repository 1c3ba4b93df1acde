"""Reader for RSS and Atom feeds (via feedparser): one article per entry.

An entry's text is its full content (``content[0]``) when present, else its
summary; HTML in it is turned into text, one block per line. The feed's title
becomes the outlet. Dates keep the day they were written with (RFC 2822/ISO
strings are read before feedparser's UTC-converted ``*_parsed`` values).
Limit: the whole feed is parsed in memory (feeds are small).
"""

from __future__ import annotations

import codecs
from collections.abc import Iterator
from typing import Any, BinaryIO

import feedparser
from lxml.etree import ParserError

from ..errors import InputError
from ..model import RawDocument, ReadOptions
from . import decoding
from .html import fragment_text
from .meta import iso_date, language_tag

__all__ = ["read"]


def _entry_text(entry: Any) -> str:
    """Text of the entry's content, or of its summary when it has no content."""
    parts = entry.get("content") or []
    detail = parts[0] if parts else entry.get("summary_detail") or {}
    value = detail.get("value") or entry.get("summary") or ""
    if detail.get("type", "text/html") == "text/plain":
        return value
    return fragment_text(value)


def _published(entry: Any) -> str | None:
    for key in ("published", "updated"):
        day = iso_date(entry.get(key)) or iso_date(entry.get(f"{key}_parsed"))
        if day:
            return day
    return None


def read(name: str, stream: BinaryIO, options: ReadOptions) -> Iterator[RawDocument | InputError]:
    """Yield one RawDocument or InputError per feed entry."""
    headers = {}
    if codecs.lookup(options.encoding).name != "utf-8":  # an explicit --encoding wins
        headers["content-type"] = f"application/xml; charset={options.encoding}"
    parsed = feedparser.parse(stream.read(), response_headers=headers)
    if not parsed.entries:
        problem = parsed.get("bozo_exception")
        reason = f"malformed feed: {problem}" if parsed.bozo else "the feed has no entries"
        yield InputError(name, reason)
        return
    outlet = parsed.feed.get("title") or None
    language = language_tag(parsed.feed.get("language"))
    for number, entry in enumerate(parsed.entries, start=1):
        location = f"entry {number}"
        try:
            text = _entry_text(entry)
        except (ParserError, ValueError) as error:  # lxml on markup it cannot parse
            yield InputError(name, f"the entry's HTML cannot be parsed: {error}", location)
            continue
        if not text.strip():
            yield InputError(name, "the entry has no content or summary text", location)
            continue
        try:
            decoding.check_length(text, name, location, options.max_chars)
        except InputError as error:
            yield error
            continue
        yield RawDocument(
            text=text, source=name, location=location, title=entry.get("title") or None,
            outlet=outlet, url=entry.get("link") or None, author=entry.get("author") or None,
            published=_published(entry), language=language)
