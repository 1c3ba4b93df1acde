"""Anaphoric time expressions, re-anchored to the date the narrative last named.

"the next day", "the previous Friday", "two days later", "a year earlier", "the
following month" count from a time the text has just spoken of, not from the
publication date: after "the plant closed on May 3", "the next day" is May 4.
The handlers read every expression against the publication date; this pass
walks the readings in text order and, for those phrased as anaphora, replaces
the value by one counted from the latest earlier date fine enough to count from
(a day for days and weekdays, a month for months, any date for years). Without
such a date the publication-date reading stays: in a report that names no
other day, "the day before" is the day before publication.

Deictic words ("yesterday", "ago", "last week", "next year") stay anchored to
publication: they point from the moment of writing.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import replace
from datetime import date, timedelta

from . import _calendar as cal
from ._grammar import lexicon
from ..types import TimexRecord

__all__ = ["reanchor"]

_DAY_AT = re.compile(r"^(\d{4})-(\d\d)-(\d\d)")
_MONTH_AT = re.compile(r"^(\d{4})-(\d\d)(?!\d)")
# a year shifted by itself keeps what follows it: 1989-Q3 -> 1988-Q3, 1989-09-30 -> 1988-09-30
_YEAR_AT = re.compile(r"^(\d{4})(-(?:\d\d(?:-\d\d)?|Q[1-4]|H[12]|SP|SU|FA|WI))?$")

_DIRECTION = {"next": 1, "following": 1, "after": 1, "later": 1,
              "previous": -1, "prior": -1, "before": -1, "earlier": -1}
# "the day before yesterday" points from now, like "yesterday": only a day part may follow
_NEIGHBOUR_DAY = re.compile(r"^the\s+(?:(next|following|previous|prior)\s+day|day\s+(before|after))"
                            r"(?:\s+(?:morning|afternoon|evening|night))?$", re.I)
_NEIGHBOUR_UNIT = re.compile(r"^the\s+(next|following|previous|prior)\s+(month|year)$", re.I)
# "next Friday" alone points from now; "the next Friday", "the previous Friday" from the story
_NEIGHBOUR_WEEKDAY = re.compile(r"^(?:the\s+(next|following|previous|prior)|(following|previous|prior))\s+([A-Z][a-z]+)$")
_COUNTED = re.compile(r"^(?P<num>.+?)[\s-]+(?P<unit>days?|months?|years?)\s+(?P<dir>earlier|later)$", re.I)
_YEAR_EARLIER = re.compile(r"^year-earlier$", re.I)
_COMPARISON = re.compile(r"\b(?:earlier|ago|later|(?:last|previous|prior|past)\s+year)\b|^year-", re.I)


def reanchor(records: list[TimexRecord], sentence_starts: list[int]) -> list[TimexRecord]:
    """``records`` (in text order) with anaphoric values counted from the narrated date.

    ``sentence_starts`` (sorted character offsets) bound how far back a year
    comparison looks: "up from $4 a year earlier" compares with the period the
    same or the previous sentence reports, not with a date paragraphs above.
    """
    out: list[TimexRecord] = []
    for record in records:
        sentence = bisect_right(sentence_starts, record.start) - 1
        nearby = [r for r in out if bisect_right(sentence_starts, r.start) - 1 >= sentence - 1]
        value = _anaphoric_value(record, out, nearby)
        out.append(replace(record, value=value) if value and value != record.value else record)
    return out


def _anaphoric_value(record: TimexRecord, before: list[TimexRecord], nearby: list[TimexRecord]) -> str | None:
    if record.type not in ("DATE", "TIME"):
        return None
    text = " ".join(record.text.split())
    m = _NEIGHBOUR_DAY.match(text)
    if m:
        anchor = _latest_day(before)
        if anchor is None:
            return None
        shifted = (anchor + timedelta(days=_DIRECTION[(m[1] or m[2]).lower()])).isoformat()
        return shifted + record.value[10:] if record.type == "TIME" else shifted
    m = _NEIGHBOUR_WEEKDAY.match(text)
    if m and lexicon().weekday_of(m[3]):
        anchor = _latest_day(before)
        if anchor is None:
            return None
        direction = _DIRECTION[(m[1] or m[2]).lower()]
        return cal.weekday_near(anchor + timedelta(days=direction), lexicon().weekday_of(m[3]), direction).isoformat()
    m = _NEIGHBOUR_UNIT.match(text)
    if m:
        shifted = _shift_unit(before, m[2].lower(), _DIRECTION[m[1].lower()])
        return shifted[:4] if shifted and m[2].lower() == "year" else shifted
    m = _COUNTED.match(text)
    if m:
        n = lexicon().number_of(m["num"])
        if n is None or n == "X" or not float(n).is_integer():
            return None
        sign = _DIRECTION[m["dir"].lower()]
        unit = m["unit"].lower().rstrip("s")
        return _shift_unit(_periods(nearby) if unit == "year" else before, unit, sign * int(float(n)))
    if _YEAR_EARLIER.match(text):
        return _shift_unit(_periods(nearby), "year", -1)
    return None


def _periods(records: list[TimexRecord]) -> list[TimexRecord]:
    """The reported periods among ``records``: a comparison ("a year ago") is not one.

    A length reported last ("in the first nine months, against $2 a year
    earlier") is the period compared, and no date can stand for it: nothing.
    """
    periods = [r for r in records if not _COMPARISON.search(r.text)]
    return [] if periods and periods[-1].type == "DURATION" else periods


def _shift_unit(before: list[TimexRecord], unit: str, n: int) -> str | None:
    if unit == "day":
        anchor = _latest_day(before)
        return (anchor + timedelta(days=n)).isoformat() if anchor else None
    if unit == "month":
        found = _latest(before, _MONTH_AT)
        return cal.month(*cal.add_months(int(found[1]), int(found[2]), n)) if found else None
    found = _latest(before, _YEAR_AT)
    return f"{int(found[1]) + n:04d}{found[2] or ''}" if found else None


def _latest(before: list[TimexRecord], pattern: re.Pattern) -> re.Match | None:
    for record in reversed(before):
        if record.type in ("DATE", "TIME"):
            m = pattern.match(record.value)
            if m:
                return m
    return None


def _latest_day(before: list[TimexRecord]) -> date | None:
    m = _latest(before, _DAY_AT)
    return cal.parse_iso(m[0]) if m else None
