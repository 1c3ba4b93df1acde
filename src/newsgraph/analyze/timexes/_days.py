"""Rule handlers for days and times of day: calendar dates, months, weekdays, clock times.

"March 27, 2025", "2025-03-27", "Tuesday", "yesterday", "this morning", "3 p.m."
and the like, each anchored to the reference date when the text leaves the
year or the week open.
"""

from __future__ import annotations

from datetime import date, timedelta

from . import _calendar as cal
from ._context import capitalised, point_mod, rel_direction, tense_year, year_of
from ._grammar import lexicon

__all__ = ["h_iso", "h_numeric", "h_day_month", "h_month_year", "h_month", "h_weekday", "h_relday", "h_daypart", "h_time"]


def h_iso(m, ctx):
    try:
        d = date(int(m["year"]), int(m["mo"]), int(m["d"]))
    except ValueError:
        return None
    return m.start(), m.end(), "DATE", d.isoformat(), None


def h_numeric(m, ctx):
    y = int(m["y"]) if len(m["y"]) == 4 else year_of(m["y"], ctx)
    try:
        d = date(y, int(m["mo"]), int(m["d"]))
    except ValueError:
        return None
    return m.start(), m.end(), "DATE", d.isoformat(), None


def h_day_month(m, ctx):
    mon = lexicon().month_of(m["month"])
    if not capitalised(m["month"]) or mon is None:
        return None
    d = int(m["day"])
    if not 1 <= d <= 31:
        return None
    y = year_of(m["year"], ctx)
    if y is None and ctx.ref is not None:
        y = tense_year(ctx, m.start("month"), mon, d)
    value = f"{y:04d}-{mon:02d}-{d:02d}" if y else f"XXXX-{mon:02d}-{d:02d}"
    return m.start(), m.end(), "DATE", value, point_mod(m)


def h_month_year(m, ctx):
    mon = lexicon().month_of(m["month"])
    if not capitalised(m["month"]) or mon is None:
        return None
    return m.start(), m.end(), "DATE", cal.month(int(m["year"]), mon), point_mod(m)


def h_month(m, ctx):
    word = m["month"]
    if not capitalised(word):
        return None
    if word.lower() in ("may", "march"):
        tok = ctx.token_at(m.start("month"))
        if tok is None or tok.pos_ in ("VERB", "AUX") or tok.tag_ == "MD":
            return None
    mon = lexicon().month_of(word)
    if ctx.ref is None:
        return m.start(), m.end(), "DATE", f"XXXX-{mon:02d}", point_mod(m)
    rel = (m["rel"] or m["yrel"] or "").lower()
    if m["yrel"]:
        y = ctx.ref.year + rel_direction(rel)
    elif rel in ("this", "current"):
        y = ctx.ref.year
    elif rel:
        y = cal.closest_year(ctx.ref, mon, None, rel_direction(rel))
    else:
        y = tense_year(ctx, m.start("month"), mon, None)
    return m.start(), m.end(), "DATE", cal.month(y, mon), point_mod(m)


def h_weekday(m, ctx):
    if not capitalised(m["wd"]):
        return None
    wd = lexicon().weekday_of(m["wd"])
    dp = lexicon().dayparts.get((m["dp"] or "").lower())
    if m["wds"] or m["dps"]:
        if len(m["wd"]) < 6 or m["rel"]:
            return None  # "Suns", "Weds" are names, not weekdays said again and again
        # "on Sundays", "Tuesday nights": the weekday recurs
        return m.start(), m.end(), "SET", f"XXXX-WXX-{wd}" + (f"T{dp}" if dp else ""), None
    if ctx.ref is None:
        value = f"XXXX-WXX-{wd}"
    else:
        direction = rel_direction(m["rel"])
        if m["rel"] and m["rel"].lower() == "this":
            d = ctx.ref + timedelta(days=wd - ctx.ref.isoweekday())
        else:
            if not direction:
                direction = _weekday_direction(m.start(), m.start("wd"), ctx)
            d = cal.weekday_near(ctx.ref, wd, direction)
            if m["rel"] and d == ctx.ref:
                d = ctx.ref + timedelta(days=7 * direction)
        value = d.isoformat()
    if dp:
        return m.start(), m.end(), "TIME", f"{value}T{dp}", point_mod(m)
    return m.start(), m.end(), "DATE", value, point_mod(m)


def _weekday_direction(start: int, weekday: int, ctx) -> int:
    """+1 for the coming weekday, -1 for the last one: from the words before the
    expression ("as early as", "postponed until"), else the governing verb's tense."""
    return 1 if ctx.coming(start) or ctx.tense(weekday, present=1) > 0 else -1


_RELDAY = {"today": 0, "tonight": 0, "yesterday": -1, "tomorrow": 1, "the day before yesterday": -2,
           "the day after tomorrow": 2, "the day before": -1, "the day after": 1, "the previous day": -1,
           "the next day": 1, "the following day": 1}


def h_relday(m, ctx):
    rd = " ".join(m["rd"].lower().split())
    if rd in ("the day before", "the day after"):
        tok = ctx.token_at(m.end("rd") + 1)  # "the day before the vote" is anchored to the vote
        if tok is not None and tok.pos_ in ("DET", "NOUN", "PROPN", "PRON", "NUM", "ADJ"):
            return None
    dp = lexicon().dayparts.get((m["dp"] or "").lower()) or ("NI" if rd == "tonight" else None)
    value = (ctx.ref + timedelta(days=_RELDAY[rd])).isoformat() if ctx.ref else "XXXX-XX-XX"
    if dp:
        return m.start(), m.end(), "TIME", f"{value}T{dp}", point_mod(m)
    return m.start(), m.end(), "DATE", value, point_mod(m)


def h_daypart(m, ctx):
    # "yesterday afternoon" and, as reporters also write it, "afternoon yesterday"
    rel = (m["rel"] or m["rel_after"]).lower()
    offset = {"this": 0, "today": 0, "last": -1, "yesterday": -1, "tomorrow": 1}[rel]
    dp = lexicon().dayparts[(m["dp"] or m["dp_first"]).lower()]
    if rel == "last" and dp != "NI":
        return None
    value = (ctx.ref + timedelta(days=offset)).isoformat() if ctx.ref else "XXXX-XX-XX"
    return m.start(), m.end(), "TIME", f"{value}T{dp}", point_mod(m)



def h_time(m, ctx):
    if m["named"]:
        hh, mm = {"noon": (12, 0), "midday": (12, 0), "midnight": (24, 0)}[m["named"].lower()]
    elif m["h"] is not None:
        hh, mm = int(m["h"]), int(m["mi"] or 0)
        if not 1 <= hh <= 12:
            return None
        pm = m["ampm"].lower().startswith("p")
        hh = (hh % 12) + (12 if pm else 0)
    else:
        hh, mm = int(m["h2"]), int(m["mi2"])
        if not (m["tz"] or m["rd"]):
            return None  # "3:2" scores and ratios; a bare clock time needs company
    base = ctx.ref
    lx = lexicon()
    if m["tmonth"] and base is not None:
        mon = lx.month_of(m["tmonth"])
        try:
            base = date(tense_year(ctx, m.start(), mon, int(m["tday"])), mon, int(m["tday"]))
        except ValueError:
            return None
    elif m["rd"] and base is not None:
        rd = m["rd"].lower()
        wd = lx.weekday_of(rd)
        if wd:  # "9 a.m. Friday" looks ahead or back as a weekday alone does
            base = cal.weekday_near(base, wd, _weekday_direction(m.start(), m.start("rd"), ctx))
        else:
            base = base + timedelta(days=_RELDAY.get(rd, 0))
    day_part = base.isoformat() if base else "XXXX-XX-XX"
    return m.start(), m.end(), "TIME", f"{day_part}T{hh:02d}:{mm:02d}", point_mod(m)

