"""Rule handlers for calendar periods: weeks to centuries, quarters, seasons, years.

"last week", "the third quarter", "Q3 2024", "next summer", "the 1990s",
"fiscal 1998", "in 2030", "year-ago", "year-end", "the 21st century",
"nineteen eighty-four". Quarters follow how financial news speaks: "the
quarter" is the one just reported. ``year_ago`` is shared with the "ago"
handler of ``_durations``.
"""

from __future__ import annotations

from datetime import date

from . import _calendar as cal
from ._context import Context, point_mod, rel_direction, year_of
from ._grammar import lexicon

__all__ = ["h_relunit", "h_quarter", "h_qnum", "h_season", "h_decade", "h_fiscal", "h_year", "h_yearago",
           "h_yearend", "h_century", "h_spoken_year", "year_ago"]

_TIME_PREPS = frozenset({"in", "since", "by", "until", "till", "of", "from", "before", "after", "through", "to", "during",
                         "between", "and", "for", "fiscal", "year", "as", "early", "late", "mid", "around", "about", "-", "–"})


_UNIT_CODE = {"week": "W", "weekend": "WE", "month": "M", "year": "Y", "decade": "DE", "century": "CE"}


_SEASON_INDEX = {"WI": 0, "SP": 1, "SU": 2, "FA": 3}  # by the month a season starts in: Dec, Mar, Jun, Sep


def _season_year(ref: date, code: str, direction: int) -> int:
    """The year of the nearest season ``code`` in ``direction`` (0: this year's)."""
    current = (ref.month % 12) // 3  # Dec-Feb 0, Mar-May 1, Jun-Aug 2, Sep-Nov 3
    year = ref.year
    index = _SEASON_INDEX[code]
    if direction < 0:
        return year if index < current else year - 1
    if direction > 0:
        return year if index > current else year + 1
    return year


def h_relunit(m, ctx):
    rel = " ".join(m["rel"].lower().split())
    word = m["unit"].lower()
    season = lexicon().seasons.get(word)
    after = ctx.text[m.end():m.end() + 8].lower()
    if rel == "the":
        if word == "year" and after.lstrip().startswith(("ended", "ending")):
            return m.start(), m.end(), "DURATION", "P1Y", point_mod(m)
        if word in ("decade", "century"):
            return None
    n = {"the past": -1, "the last": -1, "this past": -1, "the next": 1, "the coming": 1, "the following": 1}.get(rel)
    if n is None:
        n = {"this": 0, "current": 0, "the current": 0, "the same": 0, "the full": 0, "the": 0}.get(rel, rel_direction(rel))
    if word == "weekend" and rel == "the":
        n = 1 if ctx.tense(m.start()) > 0 else -1
    if season:
        if ctx.ref is None:
            return m.start(), m.end(), "DATE", f"XXXX-{season}", point_mod(m)
        return m.start(), m.end(), "DATE", f"{_season_year(ctx.ref, season, n):04d}-{season}", point_mod(m)
    if ctx.ref is None:
        return m.start(), m.end(), "DATE", "XXXX", point_mod(m)
    value = cal.shift(ctx.ref, _UNIT_CODE[word], n)
    if word == "weekend" and n < 0 and ctx.ref.isoweekday() >= 6:
        value = cal.week(ctx.ref) + "-WE"  # "the weekend" said on a weekend is this one
    return m.start(), m.end(), "DATE", value, point_mod(m)


def h_quarter(m, ctx):
    text = m.group().lower()
    if "period" in text and not (m["qyear"] or "latest" in text or "year" in text):
        return None
    rel = (m["rel"] or "").lower()
    ordinal = lexicon().ordinals.get((m["ord"] or "").lower())
    if not ordinal and not rel and not text.startswith(("the", "this", "last")):
        return None
    ref = ctx.ref
    y = int(m["year"] or m["qyear"]) if (m["year"] or m["qyear"]) else (ref.year if ref else None)
    if "next year" in text and y:
        y += 1
    if ("last year" in text or rel in ("year-ago", "year-earlier")) and not m["qyear"]:
        y = y - 1 if y else None
    if ordinal:
        q = ordinal
    elif m["qyear"] and ref is not None:
        q = (ref.month - 1) // 3 or 4  # "the 1988 quarter": the quarter being reported, in that year
    elif ref is None:
        q = None
    else:
        current = (ref.month - 1) // 3 + 1
        # News reports the quarter just ended: "the quarter", "the latest quarter".
        q = current + {"next": 1, "this": 0, "current": 0}.get(rel, -1)
        if q == 0:
            q, y = 4, y - 1
        if q == 5:
            q, y = 1, y + 1
        if rel in ("year-ago", "year-earlier"):
            q = current - 1 or 4
    value = f"{y:04d}-Q{q}" if y and q else (f"XXXX-Q{q}" if q else "XXXX-QX")
    return m.start(), m.end(), "DATE", value, point_mod(m)


def h_qnum(m, ctx):
    return m.start(), m.end(), "DATE", f"{year_of(m['year'], ctx):04d}-Q{m['ord'][1]}", None


def h_season(m, ctx):
    word = m["season"].lower()
    if not (m["rel"] or m["year"] or m["mod"]) and ctx.prev_word(m.start("season")) not in ("in", "the", "this", "during", "since", "until", "by", "next", "last"):
        return None
    code = lexicon().seasons[word]
    if m["year"]:
        y = int(m["year"])
    elif ctx.ref is not None:
        y = _season_year(ctx.ref, code, rel_direction(m["rel"]))
    else:
        return m.start(), m.end(), "DATE", f"XXXX-{code}", point_mod(m)
    return m.start(), m.end(), "DATE", f"{y:04d}-{code}", point_mod(m)


_WORD_DECADES = {"twenties": 2, "thirties": 3, "forties": 4, "fifties": 5, "sixties": 6, "seventies": 7, "eighties": 8, "nineties": 9}


def h_decade(m, ctx):
    dec = m["dec"].lower()
    if dec in _WORD_DECADES:
        if not m.group().lower().startswith(("the", "early", "late", "mid")):
            return None
        value = f"19{_WORD_DECADES[dec]}"
    elif dec.startswith("'"):
        value = f"19{dec[1]}"
    else:
        value = dec[:3]
    return m.start(), m.end(), "DATE", value, point_mod(m)


def h_fiscal(m, ctx):
    return m.start(), m.end(), "DATE", f"{year_of(m['fy'], ctx):04d}", None


def h_year(m, ctx):
    y = int(m["year"])
    if not 1000 <= y <= 2100:
        return None
    start = m.start("year")
    tok = ctx.token_at(start)
    if tok is not None and "the year" not in m.group().lower() and not m["mod"]:
        prev = tok.nbor(-1).lower_ if tok.i > 0 else ""
        in_date = tok.ent_type_ == "DATE"
        if not in_date and prev not in _TIME_PREPS:
            return None
        # "1,500 troops", "2029 tanks": a number counting a noun is no year
        if tok.dep_ == "nummod" and tok.head.pos_ == "NOUN" and not in_date:
            return None
    return m.start(), m.end(), "DATE", f"{y:04d}", point_mod(m)


def _quarterly(ctx: Context, char: int) -> bool:
    """Is the sentence at ``char`` comparing results of a quarter (TimeBank's WSJ)?"""
    text = ctx.text
    if "quarter" not in text.lower():
        return False
    # the sentence around ``char``, cut at full stops: cheaper than spaCy's Token.sent
    sent = text[text.rfind(". ", 0, char) + 1:max(text.find(". ", char), char)]
    return ("$" in sent or "%" in sent or "share" in sent) and "year" not in sent.lower().replace("a year", "")


def h_yearago(m, ctx):
    if ctx.ref is None:
        return m.start(), m.end(), "DATE", "XXXX", None
    return m.start(), m.end(), "DATE", year_ago(ctx, m.start()), None


def year_ago(ctx: Context, char: int) -> str:
    if _quarterly(ctx, char):
        q = (ctx.ref.month - 1) // 3 or 4  # the quarter just reported, a year before
        return cal.quarter(ctx.ref.year - 1 - (1 if ctx.ref.month <= 3 else 0), q)
    return f"{ctx.ref.year - 1:04d}"


def h_yearend(m, ctx):
    return m.start(), m.end(), "DATE", f"{ctx.ref.year:04d}" if ctx.ref else "XXXX", None


def h_century(m, ctx):
    n = int(m["cent"])
    return (m.start(), m.end(), "DATE", f"{n - 1:02d}", None) if 1 <= n <= 21 else None


_SPOKEN_UNITS = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9}
_SPOKEN_TENS = {"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90,
                "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16,
                "seventeen": 17, "eighteen": 18, "nineteen": 19}


def h_spoken_year(m, ctx):
    parts = m["sy"].lower().replace("-", " ").split()
    if parts[0] == "two":
        if len(parts) != 2:
            return None
        y = 2000
    else:
        rest = parts[1:]
        y = 1900 + _SPOKEN_TENS.get(rest[0], 0) + (_SPOKEN_UNITS.get(rest[1], 0) if len(rest) > 1 else 0)
    if m["month"] and m["month"][:1].isupper():
        return m.start(), m.end(), "DATE", cal.month(y, lexicon().month_of(m["month"])), None
    if m["season"]:
        return m.start(), m.end(), "DATE", f"{y}-{lexicon().seasons[m['season'].lower()]}", None
    start = m.start("sy") if m["month"] else m.start()  # "may nineteen ninety" is no month
    return start, m.end(), "DATE", f"{y}", None

