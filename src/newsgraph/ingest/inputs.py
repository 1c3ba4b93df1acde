"""``read_inputs``: paths in, RawDocuments (or the InputErrors of bad items) out.

Everything is lazy: paths are expanded, files opened and records read only as
the caller asks for the next item, and one file is open at a time. A bad item
is yielded as an InputError, never raised, so the items around it still come
through. Options that no input could satisfy (an unknown format or encoding)
raise ConfigError once, before anything is read.
"""

from __future__ import annotations

import codecs
import io
from collections.abc import Callable, Iterable, Iterator
from contextlib import nullcontext
from typing import BinaryIO, ContextManager

from ..errors import ConfigError, InputError
from ..model import RawDocument, ReadOptions
from . import decoding, feed, html, jsonl, text, warc
from .sources import Source, choose_format, expand_paths

__all__ = ["read_inputs", "read_source"]

Reader = Callable[[str, BinaryIO, ReadOptions], Iterator[RawDocument | InputError]]

_READERS: dict[str, Reader] = {
    "text": text.read,
    "markdown": lambda name, stream, options: text.read(name, stream, options, is_markdown=True),
    "html": html.read,
    "jsonl": jsonl.read,
    "warc": warc.read,
    "feed": feed.read,
}
_USER_FORMATS = ("auto", "text", "html", "jsonl", "warc", "feed")


def _check_options(options: ReadOptions) -> None:
    if options.format not in _USER_FORMATS:
        raise ConfigError(f"format {options.format!r} is not one of {', '.join(_USER_FORMATS)}")
    try:
        codecs.lookup(options.encoding)
    except LookupError:
        raise ConfigError(f"encoding {options.encoding!r} is not an encoding Python knows "
                          "(try utf-8, cp1252 or latin-1)") from None


def _open(source: Source) -> ContextManager[BinaryIO]:
    if source.stream is not None:
        return nullcontext(source.stream)  # standard input is not ours to close
    return source.path.open("rb")  # type: ignore[union-attr]


def _problem(name: str, head: bytes, fmt: str, options: ReadOptions) -> InputError | None:
    """An InputError if the first bytes already show the input is unusable."""
    if not head.strip():
        # Whitespace-only files longer than the sniffed head are caught by the readers.
        return InputError(name, "empty file") if len(head) < decoding.SNIFF_BYTES else None
    if fmt == "warc" or (fmt == "jsonl" and head.startswith(b"\x1f\x8b")):
        return None  # compressed or binary payloads are expected here
    reason = decoding.binary_reason(head, options.encoding)
    return InputError(name, reason) if reason else None


def read_source(source: Source, options: ReadOptions) -> Iterator[RawDocument | InputError]:
    """The items of one input (the Ray engine reads each file in a task of its own)."""
    try:
        with _open(source) as stream:
            head = decoding.peek(stream, decoding.SNIFF_BYTES)
            fmt = choose_format(source.name, head, options.format)
            if error := _problem(source.name, head, fmt, options):
                yield error
                return
            yield from _READERS[fmt](source.name, stream, options)
    except OSError as error:  # unreadable file: permissions, a vanished path, I/O error
        yield InputError(source.name, f"cannot read the file: {error.strerror or error}")


def read_inputs(paths: Iterable[str], options: ReadOptions,
                stdin: BinaryIO | None = None) -> Iterator[RawDocument | InputError]:
    """Yield every article in ``paths`` (files, directories, globs, "-" for stdin).

    ``stdin`` is read for "-" (default: ``sys.stdin.buffer``). Bad items come out
    as InputError values naming the file and the place; reading goes on after them.
    """
    _check_options(options)
    for item in expand_paths(paths, stdin):
        if isinstance(item, InputError):
            yield item
        else:
            yield from read_source(item, options)
