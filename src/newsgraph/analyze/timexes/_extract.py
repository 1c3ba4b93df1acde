"""Time expressions (TIMEX3) anchored to the publication date, and that date's inference.

``extract_timexes`` runs the precompiled patterns of ``_grammar`` over the
document text, lets the handlers of ``_rules`` read each match into a
TIMEX3 type, value and mod, and keeps the longest non-overlapping readings.
Extents follow TimeBank: a leading preposition ("on Tuesday", "by 2030") is a
signal, not part of the expression; "until 2029" and "by 2030" get the year as
value and no mod (TimeML puts before/after meaning on the signal).

Limits (say them where users read them):
- deictic expressions ("yesterday", "last week", "two days ago") are anchored
  to the publication date; only anaphora ("the next day", "two days later",
  "the previous Friday", "the following year", "a year earlier") are counted
  from the date the text last named (``_anchor``), and "a year earlier"
  looks back no further than the previous sentence;
- a weekday goes to the past unless its governing verb is future, an
  arrangement ("is to resume", "is scheduled for") or a present tense that
  governs it directly ("meets Tuesday"); the publication weekday itself is
  the publication date;
- no holidays ("Christmas"), no ranges as one expression ("1990-1995" is two),
  no ordinal dates in words ("the third of May"), English only;
- without a publication date, unfixable parts are ``X`` ("XXXX-03-27").
"""

from __future__ import annotations

import re
from functools import lru_cache

from ..doc_text import text_of
from ..fast_patterns import compile_guarded
from . import _calendar as cal
from ._anchor import reanchor
from ._grammar import LENGTH_MOD_RULES, POINT_MOD_RULES, TRIGGERS, WEEKDAY_RULES, lexicon, patterns, prefixes
from ._rules import HANDLERS, Context
from ..types import TimexRecord

__all__ = ["extract_timexes", "infer_published"]

_TRIM = " \t\n,.;:"


def extract_timexes(doc, published: str | None) -> list[TimexRecord]:
    ctx = Context(doc, cal.parse_iso(published))
    text = ctx.text
    lower = text.lower()
    candidates = []
    for order, (name, pattern) in enumerate(patterns()):
        triggers = TRIGGERS.get(name)
        if triggers and not any(t in lower for t in triggers):
            continue
        handler = HANDLERS[name]
        for m in pattern.finditer(text):
            reading = handler(_with_prefixes(name, m, text), ctx)
            if reading is not None:
                candidates.append((reading, order))
    # Longest reading wins; on equal length the earlier rule (more specific) does.
    candidates.sort(key=lambda c: (c[0][0] - c[0][1], c[1], c[0][0]))
    taken: list[tuple[int, int]] = []
    out: list[TimexRecord] = []
    for (start, end, typ, value, mod), _order in candidates:
        while end > start and text[end - 1] in _TRIM and not text[start:end].lower().endswith(("a.m.", "p.m.")):
            end -= 1
        while start < end and text[start] in _TRIM:
            start += 1
        if end <= start or any(s < end and start < e for s, e in taken):
            continue
        taken.append((start, end))
        out.append(TimexRecord(start, end, text[start:end], typ, value, mod))
    out.sort(key=lambda t: t.start)
    return reanchor(out, [sent.start_char for sent in doc.sents] if doc.has_annotation("SENT_START") else [0])


class _Match:
    """A regex match extended leftwards by a modifier or weekday found before it."""

    __slots__ = ("_m", "_extra", "_start", "_text")

    def __init__(self, m: re.Match, extra: dict[str, str | None], start: int, text: str):
        self._m, self._extra, self._start, self._text = m, extra, start, text

    def __getitem__(self, key):
        return self._extra[key] if key in self._extra else self._m[key]

    def start(self, key=0) -> int:
        return self._start if key == 0 else self._m.start(key)

    def end(self, key=0) -> int:
        return self._m.end(key)

    def group(self, key=0):
        return self._text[self._start:self._m.end()] if key == 0 else self[key]

    def groupdict(self) -> dict:
        return {**self._m.groupdict(), **self._extra}


def _with_prefixes(rule: str, m: re.Match, text: str) -> _Match:
    start = m.start()
    extra: dict[str, str | None] = {}
    for key, rules in (("wd", WEEKDAY_RULES), ("mod", POINT_MOD_RULES), ("lmod", LENGTH_MOD_RULES)):
        if rule not in rules:
            continue
        found = prefixes()[key].search(text, max(0, start - 24), start)
        extra[key] = found[key] if found else None
        if found:
            start = found.start()
    return _Match(m, extra, start, text)


@lru_cache(maxsize=1)
def _published_patterns() -> tuple[re.Pattern, ...]:
    lx = lexicon()
    month = "(?P<month>(?i:" + "|".join(sorted((re.escape(m) for m in lx.months), key=len, reverse=True)) + r"))\.?"
    mdy = month + r"\s+(?P<day>\d{1,2})(?:st|nd|rd|th)?,?\s+(?P<year>(?:19|20)\d\d)\b"
    dmy = r"\b(?P<day>\d{1,2})(?:st|nd|rd|th)?\s+" + month + r",?\s+(?P<year>(?:19|20)\d\d)\b"
    iso = r"\b(?P<year>(?:19|20)\d\d)-(?P<mon>\d\d)-(?P<day>\d\d)\b"
    # Named groups repeat across alternatives, so each form gets its own pattern.
    forms = [mdy, dmy, iso]
    labelled = [r"(?:published|posted|updated|last\s+updated|date|dated)\s*(?:on|:)?\s*(?:[A-Z][a-z]+day,?\s+)?" + f for f in forms]
    dateline = [r"(?m)^[A-Z][A-Za-z .'\-]{1,40},\s+(?:[A-Z][A-Za-z .]{1,20},\s+)?" + f + r"\s*(?:\([A-Za-z .]+\)\s*)?[-—–_:]" for f in forms]
    return tuple(compile_guarded(p, re.IGNORECASE) for p in labelled) + tuple(compile_guarded(p) for p in dateline)


def _date_of(m) -> str | None:
    gd = m.groupdict()
    mon = int(gd["mon"]) if gd.get("mon") else lexicon().month_of(gd["month"])
    try:
        return f"{int(gd['year']):04d}-{mon:02d}-{int(gd['day']):02d}" if cal.parse_iso(
            f"{int(gd['year']):04d}-{mon:02d}-{int(gd['day']):02d}") else None
    except (TypeError, ValueError):
        return None


def infer_published(doc) -> str | None:
    """The publication date a dateline or a "Published:" line near the top states.

    Conservative: only a full date (day, month and year) in the first 600
    characters, labelled ("Published", "Updated", "Date") or in a dateline
    ("WASHINGTON, March 3, 2016 (AP) —"); otherwise None. A date in the body is
    more often an event date than the publication date, so it is not used.
    """
    head = text_of(doc)[:600]
    best: tuple[int, str] | None = None
    for pattern in _published_patterns():
        m = pattern.search(head)
        if m:
            value = _date_of(m)
            if value and (best is None or m.start() < best[0]):
                best = (m.start(), value)
    return best[1] if best else None
