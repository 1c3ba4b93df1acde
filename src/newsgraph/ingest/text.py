"""Reader for plain-text and Markdown articles: one file, one article.

The text is kept whole. A first line that reads as a headline becomes the title
and stays in the text, so character offsets count from the headline's first
character (the seed article's gold offsets depend on this). Markdown is reduced
to plain prose first (see :mod:`.markdown`).
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from typing import BinaryIO

from ..errors import InputError
from ..model import RawDocument, ReadOptions
from . import decoding, markdown

__all__ = ["read", "headline"]

_MAX_HEADLINE_CHARS = 200
_MAX_HEADLINE_WORDS = 30


def headline(text: str) -> str | None:
    """The first line if it reads as a headline, else None.

    A headline is non-empty, is followed by more text, has at most ~200 characters
    and ~30 words, and does not end in a sentence period (a "?" or "!" is allowed:
    "Is peace near?" is a headline).
    """
    first, newline, rest = text.lstrip("\ufeff").partition("\n")
    first = first.strip()
    if not first or not newline or not rest.strip():
        return None
    if len(first) > _MAX_HEADLINE_CHARS or len(first.split()) > _MAX_HEADLINE_WORDS:
        return None
    if first.endswith((".", ",", ";", ":")) and not first.endswith("..."):
        return None
    return first


def _file_size(stream: BinaryIO) -> int | None:
    """The size of a real file, or None for a pipe or an in-memory stream."""
    try:
        return os.fstat(stream.fileno()).st_size
    except (OSError, AttributeError, ValueError):
        return None


def read(name: str, stream: BinaryIO, options: ReadOptions,
         is_markdown: bool = False) -> Iterator[RawDocument | InputError]:
    """Yield the one article in a text or Markdown file, or the InputError it causes."""
    size = _file_size(stream)
    if size is not None and (error := decoding.too_many_bytes(size, name, options.max_chars)):
        yield error  # judged on the size alone: a huge file is never read or decoded
        return
    # A pipe has no size: read one byte past the limit to know it is too long.
    data = stream.read(decoding.MAX_BYTES_PER_CHAR * options.max_chars + 1)
    if error := decoding.too_many_bytes(len(data), name, options.max_chars, exact=False):
        yield error
        return
    try:
        text = decoding.decode(data, options.encoding, name)
        if not text.strip():
            raise InputError(name, "empty file")
        title = None
        if is_markdown:
            title, text = markdown.to_plain(text)
        title = title or headline(text)
        decoding.check_length(text, name, None, options.max_chars)
    except InputError as error:
        yield error
        return
    yield RawDocument(text=text, source=name, title=title)
