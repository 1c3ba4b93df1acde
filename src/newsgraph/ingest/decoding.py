"""Byte-level checks every reader shares: binary sniffing, strict decoding, size limits.

Readers call these before doing any real work so that a PDF, a UTF-16 file read as
UTF-8 or a 50 MB dump fails fast, with a message that names the file, the place
and the fix. Nothing here guesses an encoding: a wrong guess silently corrupts
names and quotes, which is worse than asking the user for ``--encoding``.
"""

from __future__ import annotations

import codecs
from typing import BinaryIO

from ..errors import InputError

__all__ = ["SNIFF_BYTES", "MAX_BYTES_PER_CHAR", "binary_reason", "decode", "check_length",
           "peek", "too_many_bytes"]

SNIFF_BYTES = 8192
# No encoding we accept spends more than 4 bytes on one character, so a file of
# more than 4 * max_chars bytes is over the limit whatever it holds.
MAX_BYTES_PER_CHAR = 4

_MAGIC = [
    (b"%PDF", "a PDF document"),
    (b"\x89PNG", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF8", "a GIF image"),
    (b"PK\x03\x04", "a ZIP archive (or DOCX/XLSX/EPUB)"),
    (b"\xd0\xcf\x11\xe0", "an old Microsoft Office document"),
    (b"\x7fELF", "an executable"),
    (b"7z\xbc\xaf", "a 7-Zip archive"),
    (b"BZh", "a bzip2 archive"),
    (b"\x1f\x8b", "gzip data that is neither a WARC nor JSON Lines"),
]
# Control bytes that plain text legitimately contains.
_TEXT_CONTROLS = set(b"\t\n\r\x0b\x0c\x1b")


def _is_wide(encoding: str) -> bool:
    """UTF-16/32 text is full of NUL bytes, so the NUL test must not apply to it."""
    return codecs.lookup(encoding).name.startswith(("utf-16", "utf-32"))


def binary_reason(head: bytes, encoding: str) -> str | None:
    """Why the first bytes of a file show it is not text, or None if they look like text."""
    for magic, what in _MAGIC:
        if head.startswith(magic):
            return f"binary file, not text (detected {what})"
    if _is_wide(encoding):
        return None
    if head.startswith((b"\xff\xfe", b"\xfe\xff")):
        return ("the file starts with a UTF-16 byte-order mark; "
                "read it with --encoding utf-16")
    if b"\x00" in head:
        return f"binary file, not text (detected NUL bytes in the first {len(head):,} bytes)"
    controls = sum(1 for b in head if b < 32 and b not in _TEXT_CONTROLS)
    if head and controls / len(head) > 0.1:
        share = round(100 * controls / len(head))
        return f"binary file, not text (detected {share}% control characters)"
    return None


def decode(data: bytes, encoding: str, source: str, location: str | None = None,
           first_line: int = 1, first_offset: int = 0) -> str:
    """Decode strictly; a UTF-8 BOM is dropped. Raise InputError naming the bad byte.

    ``first_line`` and ``first_offset`` say where ``data`` starts in the file, so a
    reader that decodes line by line still reports places in the whole file.
    """
    if codecs.lookup(encoding).name == "utf-8":
        encoding = "utf-8-sig"
    try:
        return data.decode(encoding)
    except UnicodeDecodeError as err:
        line = first_line + data.count(b"\n", 0, err.start)
        bad = data[err.start:err.start + 1].hex().upper()
        where = location or f"line {line}"
        raise InputError(source, (
            f"invalid {err.encoding} at byte offset {first_offset + err.start} (line {line}): "
            f"byte 0x{bad} cannot be decoded; if the file uses another encoding, pass it with "
            f"--encoding (e.g. --encoding cp1252)"), where) from None


def peek(stream: BinaryIO, size: int) -> bytes:
    """The first ``size`` bytes of a stream positioned at its start, without consuming them."""
    if hasattr(stream, "peek"):
        return stream.peek(size)[:size]
    head = stream.read(size)
    stream.seek(0)
    return head


def too_many_bytes(size: int, source: str, max_chars: int,
                   exact: bool = True) -> InputError | None:
    """An error if ``size`` bytes cannot fit in ``max_chars`` characters, else None.

    ``exact=False`` when only a lower bound is known (a pipe we stopped reading).
    """
    if size <= MAX_BYTES_PER_CHAR * max_chars:
        return None
    amount = f"{size:,} bytes" if exact else f"more than {size - 1:,} bytes"
    return InputError(source, (
        f"file is {amount}, more than the limit of {max_chars:,} characters can hold "
        f"(raise it with --max-chars)"))


def check_length(text: str, source: str, location: str | None, max_chars: int) -> None:
    """Raise InputError if an article's text is longer than ``max_chars`` characters."""
    if len(text) > max_chars:
        raise InputError(source, (
            f"article is {len(text):,} characters long, over the limit of {max_chars:,} "
            f"(raise it with --max-chars)"), location)

