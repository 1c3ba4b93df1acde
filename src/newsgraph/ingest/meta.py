"""Normalising metadata the readers find: publication dates and language tags.

Dates become ``YYYY-MM-DD`` in the time zone they were written in (a story
published at 00:30 local time keeps its local date; we do not convert to UTC).
"""

from __future__ import annotations

import re
import time
from datetime import date, datetime
from email.utils import parsedate_to_datetime

__all__ = ["iso_date", "language_tag"]

_ISO_DAY = re.compile(r"\s*(\d{4})-(\d{2})-(\d{2})")
_LANG = re.compile(r"^\s*([A-Za-z]{2,3})(?:[-_][A-Za-z0-9]+)*\s*$")


def iso_date(value: str | time.struct_time | None) -> str | None:
    """``YYYY-MM-DD`` for an ISO 8601 or RFC 2822 date (or a struct_time); None if unreadable."""
    if value is None:
        return None
    if isinstance(value, time.struct_time):
        return time.strftime("%Y-%m-%d", value)
    match = _ISO_DAY.match(value)
    if match:
        try:
            return date(*map(int, match.groups())).isoformat()
        except ValueError:
            return None
    try:
        return datetime.fromisoformat(value.strip()).date().isoformat()
    except ValueError:
        pass
    try:
        return parsedate_to_datetime(value).date().isoformat()
    except (TypeError, ValueError, IndexError):
        return None


def language_tag(value: str | None) -> str | None:
    """The primary language subtag, lower-cased ("en-GB" -> "en"); None if not a tag."""
    match = _LANG.match(value or "")
    return match.group(1).lower() if match else None
