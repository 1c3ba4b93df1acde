"""Rule handlers for lengths of time and what is counted from now.

Durations ("three years", "several months"), sets ("every Monday", "$5 a
year", "daily"), points reached by a length ("two weeks ago", "a month from
now") and the vague references to now ("recently", "the future").
"""

from __future__ import annotations

import re

from . import _calendar as cal
from ._grammar import lexicon
from ._periods import year_ago

__all__ = ["h_ago", "h_duration", "h_vague", "h_set", "h_ref"]


def _length(m, ctx) -> tuple[str, str] | None:
    lx = lexicon()
    n = lx.number_of(m["num"])
    code = lx.unit_of(m["unit"])
    if n is None or code is None:
        return None
    if m["unit"].lower() == "second" and m["num"].lower() in ("a", "one"):
        return None  # "a second time", "one second round"
    return n, code


def _duration_value(n: str, code: str) -> str:
    if code.startswith("T"):
        return f"PT{n}{code[1]}"
    if code == "2W":
        return f"P{float(n) * 2:g}W" if n != "X" else "PXW"
    return f"P{n}{code}"


# "and a half" as the next smaller unit, the way TimeML writes lengths: P2Y6M, PT1M30S
_HALF_OF = {"Y": "6M", "D": "T12H", "TH": "30M", "TM": "30S"}


def _and_a_half(n: str, code: str) -> str | None:
    """"two and a half years" -> P2Y6M; a decimal (P2.5M) where no smaller unit divides evenly."""
    if n == "X" or not float(n).is_integer():
        return None
    if code not in _HALF_OF:
        return _duration_value(f"{float(n) + 0.5:g}", code)
    return _duration_value(n, code) + _HALF_OF[code]


def h_ago(m, ctx):
    got = _length(m, ctx)
    if got is None:
        return None
    n, code = got
    d = m["dir"].lower()
    if d in ("before", "after"):
        tok = ctx.token_at(m.end("dir") + 1)
        if tok is not None and tok.pos_ not in ("PUNCT",):
            return None  # "two days after the attack": a duration plus a signal
    sign = 1 if d in ("later", "after", "from now", "hence") else -1
    mod = lexicon().length_mods.get((m["lmod"] or "").lower())
    if ctx.ref is None or n == "X" or code.startswith("T") or code == "2W":
        return m.start(), m.end(), "DATE", "PAST_REF" if sign < 0 else "FUTURE_REF", mod
    value = cal.shift(ctx.ref, code, sign * int(float(n)))
    if code == "Y" and n == "1" and sign < 0:
        value = year_ago(ctx, m.start())
    if value is None:
        return None
    return m.start(), m.end(), "DATE", value, mod


def h_duration(m, ctx):
    got = _length(m, ctx)
    if got is None:
        return None
    n, code = got
    start = m.start()
    lmod = (m["lmod"] or "").lower()
    if lmod in ("over", "under", "some") and (m["the"] or m["rel"]):
        lmod, start = "", m.start("the") if m["the"] else m.start("rel")
    if m["num"].lower() in ("a", "an") and not m["rel"]:
        before = ctx.text[max(0, m.start() - 12):m.start()]
        if re.search(r"(\d|%|cents?|share|times|once|twice)\s*$", before):
            return start, m.end(), "SET", _duration_value("1", code), None  # "$5 a year"
    if code in ("WE", "Q") and m["num"].lower() in ("a", "an", "one"):
        return None
    if code == "Q" and "-" in m.group():
        return None  # "three-quarters": a fraction
    after = ctx.text[m.end():m.end() + 5].lower()
    if m.group().lower().endswith("-old") or after.startswith(" old"):
        return None  # ages ("52 years old") are not annotated as durations in TimeBank
    mod = lexicon().length_mods.get(lmod) if lmod else None
    if m["half"] or m["half2"]:
        value = _and_a_half(n, code)
        if value is None:
            return None
        return start, m.end(), "DURATION", value, mod
    return start, m.end(), "DURATION", _duration_value(n, code), mod


def h_vague(m, ctx):
    code = lexicon().unit_of(m["unit"])
    return m.start("unit"), m.end(), "DURATION", _duration_value("X", code), None


def h_set(m, ctx):
    lx = lexicon()
    if m["adv"]:
        if m["adv"].lower() == "quarterly":
            return None  # "quarterly dividend": a payment schedule, rarely a time expression in news
        code = {"daily": "D", "nightly": "D", "weekly": "W", "monthly": "M", "annually": "Y", "yearly": "Y",
                "hourly": "TH", "quarterly": "Q"}[m["adv"].lower()]
        return m.start(), m.end(), "SET", _duration_value("1", code), None
    if m["freq"]:
        code = lx.unit_of(m["funit"])
        return m.start(), m.end(), "SET", _duration_value("1", code) if code else "P1D", None
    word = m["unit"]
    month = lx.month_of(word)
    if month and word[:1].isupper() and not m["num"]:
        return m.start(), m.end(), "SET", f"XXXX-{month:02d}", None  # "each July"
    wd = lx.weekday_of(word)
    if wd:
        return m.start(), m.end(), "SET", f"XXXX-WXX-{wd}", None
    dp = lx.dayparts.get(word.lower())
    if dp:
        return m.start(), m.end(), "SET", f"T{dp}", None
    code = lx.unit_of(word)
    n = lx.number_of(m["num"]) if m["num"] else "1"
    if code is None or n is None:
        return None
    return m.start(), m.end(), "SET", _duration_value(n, code), None



def h_ref(m, ctx):
    phrase = " ".join(m["ref"].lower().split())
    if phrase == "soon":
        around = ctx.text[max(0, m.start() - 3):m.end() + 6].lower()
        if around.startswith("as ") or around.endswith((" after", " as")):
            return None  # "as soon as", "soon after": signals, not times
    if phrase in ("current", "future", "recent"):
        tok = ctx.token_at(m.start())
        nxt = tok.nbor(1) if tok is not None and tok.i + 1 < len(tok.doc) else None
        if nxt is not None and nxt.lower_ in ("account", "accounts", "affairs", "events", "density", "generation", "tense"):
            return None
    return m.start(), m.end(), "DATE", lexicon().refs[phrase], None

