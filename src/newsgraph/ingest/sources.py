"""Turning command-line paths into inputs, and deciding each input's format.

A path may be a file, a directory (walked recursively in sorted order, hidden
files and directories skipped, only files with a known extension taken), a glob
pattern (``**`` allowed) or ``-`` for standard input. Problems with one path are
yielded as InputError so the other paths still run.

The format comes from ``options.format`` when it is not "auto", else from the
extension, else from the first bytes. Limits: ``.xml`` counts as a feed only when
it sniffs as RSS/Atom/RDF; Markdown is recognised by extension only.
"""

from __future__ import annotations

import glob
import io
import sys
import zlib
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

from ..errors import InputError

__all__ = ["Source", "expand_paths", "choose_format", "format_from_name",
           "sniff_format"]

STDIN_NAME = "<stdin>"
SNIFF_BUFFER = 64 * 1024

_EXTENSIONS = {
    ".txt": "text", ".text": "text", ".md": "markdown", ".markdown": "markdown",
    ".html": "html", ".htm": "html", ".xhtml": "html",
    ".jsonl": "jsonl", ".ndjson": "jsonl", ".jsonl.gz": "jsonl", ".ndjson.gz": "jsonl",
    ".warc": "warc", ".warc.gz": "warc", ".arc": "warc", ".arc.gz": "warc",
    ".rss": "feed", ".atom": "feed", ".xml": "xml",
}
_GLOB_CHARS = set("*?[")


@dataclass(frozen=True)
class Source:
    """One input to read: a file path, or standard input (then ``stream`` is set)."""

    name: str
    path: Path | None = None
    stream: BinaryIO | None = None


def format_from_name(name: str) -> str | None:
    """The format an extension announces ("xml" means: sniff to tell feeds apart)."""
    lower = name.lower()
    for ext in sorted(_EXTENSIONS, key=len, reverse=True):
        if lower.endswith(ext):
            return _EXTENSIONS[ext]
    return None


def sniff_format(head: bytes) -> str | None:
    """Guess the format from a file's first bytes; None when nothing matches."""
    if head.startswith(b"\x1f\x8b"):
        try:
            head = zlib.decompressobj(wbits=47).decompress(head, 4096)
        except zlib.error:
            return None
        inner = sniff_format(head)
        return inner if inner in ("warc", "jsonl") else None
    if head.startswith(b"WARC/"):
        return "warc"
    start = head.removeprefix(b"\xef\xbb\xbf").lstrip()[:2048].lower()
    if start.startswith(b"<"):
        if any(tag in start for tag in (b"<rss", b"<feed", b"<rdf:rdf")):
            return "feed"
        if b"<html" in start or b"<!doctype html" in start:
            return "html"
    if start.startswith(b"{"):
        return "jsonl"
    return None


def choose_format(name: str, head: bytes, forced: str = "auto") -> str:
    """The reader to use: the forced format, else the extension, else the first bytes.

    Plain text is the fallback, so a file called ``article`` with no extension works.
    """
    if forced != "auto":
        return "markdown" if forced == "text" and format_from_name(name) == "markdown" else forced
    by_name = format_from_name(name)
    if by_name and by_name != "xml":
        return by_name
    sniffed = sniff_format(head)
    if sniffed:
        return sniffed
    return "feed" if by_name == "xml" else "text"


def _walk(directory: Path) -> Iterator[Path | InputError]:
    """Files under ``directory`` with a known extension, in sorted path order
    (``a.txt``, ``b/c.txt``, ``d.txt``), skipping hidden files and directories."""
    try:
        entries = sorted(directory.iterdir(), key=lambda p: p.name)
    except OSError as error:
        yield InputError(str(directory), f"cannot list the directory: {error.strerror or error}")
        return
    for entry in entries:
        if entry.name.startswith("."):
            continue
        if entry.is_dir():
            yield from _walk(entry)
        elif format_from_name(entry.name):
            yield entry


def _head(path: Path, size: int = 2048) -> bytes:
    with path.open("rb") as handle:
        return handle.read(size)


def _wanted_in_directory(path: Path) -> bool:
    """Directory walks take ``.xml`` files only when they are feeds (not sitemaps etc.)."""
    if format_from_name(path.name) != "xml":
        return True
    try:
        return sniff_format(_head(path)) == "feed"
    except OSError:
        return True  # let the reader report why it cannot be opened


def expand_paths(paths: Iterable[str], stdin: BinaryIO | None = None
                 ) -> Iterator[Source | InputError]:
    """Expand each path lazily into Sources, or an InputError naming the path."""
    for raw in paths:
        if raw == "-":
            stream = stdin if stdin is not None else sys.stdin.buffer
            # A buffered reader lets us sniff the first bytes of a pipe without losing them.
            yield Source(STDIN_NAME, stream=io.BufferedReader(stream, SNIFF_BUFFER))
            continue
        path = Path(raw)
        if path.is_dir():
            for found in _walk(path):
                if isinstance(found, InputError):
                    yield found
                elif _wanted_in_directory(found):
                    yield Source(str(found), found)
        elif path.exists():
            yield Source(raw, path)
        elif _GLOB_CHARS & set(raw):
            matches = sorted(glob.glob(raw, recursive=True))
            if not matches:
                yield InputError(raw, "no files match this pattern")
            for match in matches:
                yield from expand_paths([match])
        else:
            yield InputError(raw, "no such file or directory")

