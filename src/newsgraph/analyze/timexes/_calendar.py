"""Calendar arithmetic for TIMEX3 values, anchored to a reference date.

Pure functions over ``datetime.date``; no text here. Values follow TimeML:
``2025-04-01``, ``2025-W13``, ``2025-Q1``, ``2025-SU``, ``199`` (the 1990s).
"""

from __future__ import annotations

from datetime import date, timedelta

__all__ = ["parse_iso", "day", "month", "week", "quarter", "shift", "weekday_near", "closest_year"]


def parse_iso(value: str | None) -> date | None:
    """The date of a ``YYYY-MM-DD...`` string, or None when it is not one."""
    if not value or len(value) < 10:
        return None
    try:
        return date(int(value[:4]), int(value[5:7]), int(value[8:10]))
    except ValueError:
        return None


def day(d: date) -> str:
    return d.isoformat()


def month(year: int, m: int) -> str:
    return f"{year:04d}-{m:02d}"


def week(d: date) -> str:
    iso_year, iso_week, _ = d.isocalendar()
    return f"{iso_year:04d}-W{iso_week:02d}"


def quarter(year: int, q: int) -> str:
    return f"{year:04d}-Q{q}"


def add_months(year: int, m: int, delta: int) -> tuple[int, int]:
    index = year * 12 + (m - 1) + delta
    return index // 12, index % 12 + 1


def shift(ref: date, unit: str, n: int) -> str | None:
    """The value ``n`` units away from ``ref`` at that unit's granularity.

    "two days ago" -> the day; "a month ago" -> the month; "a year ago" -> the year,
    as TimeBank does.
    """
    if unit == "D":
        return day(ref + timedelta(days=n))
    if unit == "W":
        return week(ref + timedelta(weeks=n))
    if unit == "WE":
        return week(ref + timedelta(weeks=n)) + "-WE"
    if unit == "M":
        return month(*add_months(ref.year, ref.month, n))
    if unit == "Q":
        y, m = add_months(ref.year, ref.month, 3 * n)
        return quarter(y, (m - 1) // 3 + 1)
    if unit == "Y":
        return f"{ref.year + n:04d}"
    if unit == "DE":
        return f"{(ref.year + 10 * n) // 10:03d}"
    if unit == "CE":
        return f"{(ref.year + 100 * n) // 100:02d}"
    if unit == "TH":
        return None  # hours need a time of day, which the publication date lacks
    return None


def weekday_near(ref: date, weekday: int, direction: int) -> date:
    """The weekday (1 = Monday) nearest ``ref`` in ``direction`` (-1 past, +1 future).

    The reference's own weekday is the reference itself: news says "said Friday"
    on the Friday it reports.
    """
    diff = weekday - ref.isoweekday()
    if diff == 0:
        return ref
    if direction < 0:
        return ref + timedelta(days=diff if diff < 0 else diff - 7)
    return ref + timedelta(days=diff if diff > 0 else diff + 7)


def closest_year(ref: date, m: int, d: int | None = None, direction: int = 0) -> int:
    """The year that puts month ``m`` (and day ``d``) closest to ``ref``.

    ``direction`` -1 or +1 restricts to the past or the future ("last April").
    """
    best_year, best_gap = ref.year, None
    for year in (ref.year - 1, ref.year, ref.year + 1):
        if d is None:  # month granularity: distance in months
            gap = (year * 12 + m) - (ref.year * 12 + ref.month)
        else:
            try:
                gap = (date(year, m, d) - ref).days
            except ValueError:
                continue
        if (direction < 0 and gap >= 0) or (direction > 0 and gap <= 0):
            continue
        if best_gap is None or abs(gap) < best_gap:
            best_year, best_gap = year, abs(gap)
    return best_year
