"""Russian time expressions as TIMEX3 values, anchored to the publication date.

Read by patterns over the text (word lists in ``lexicons/ru/time_*.tsv``):
  - dates: "27 марта" (the publication's year), "27 марта 2025 года", "в ноябре 2024 года"
    (2024-11), "в марте" (the publication's year), "в 2024 году", "до 2029 года" and
    "к 2030 году" (2029, 2030: the year, as the English stage reads "until 2029");
  - weekdays: "во вторник" is the last Tuesday on or before the publication date, the next
    one when the verb it dates is in the future ("в среду министр проведёт ...");
  - relative words: "накануне", "вчера", "сегодня" (days), "на прошлой неделе" (the ISO week
    before, 2025-W13), "в прошлом месяце", "в следующем году"; "в ближайшие дни"
    (FUTURE_REF), "на днях", "недавно" (PAST_REF), "сейчас", "нынешний" (PRESENT_REF).
Without a publication date, anchored values are left as far as the text fixes them
("XXXX-03-27"); relative ones are then not given a value.
Limits: no times of day, durations ("три года") or sets ("каждый вторник"); a weekday is
never read as the next one unless the verb is in the future.
"""

from __future__ import annotations

import datetime as dt
import re
from functools import lru_cache

from ..lexicons import table
from ..types import TimexRecord

__all__ = ["extract_timexes"]


@lru_cache(maxsize=1)
def _patterns():
    months = "|".join(f"(?P<m{n}>{stem})" for stem, n in table("ru", "time_months"))
    month = rf"(?:{months})[а-яё]*"
    days = "|".join(f"(?P<w{n}>{stem})" for stem, n in table("ru", "time_weekdays"))
    year = r"(?P<year>(?:19|20)\d\d)(?:\s*(?:года|году|год|г\.))?"
    return [
        ("date", re.compile(rf"\b(?P<day>[0-3]?\d)(?:-?го)?\s+{month}(?:\s+{year})?", re.I)),
        ("month", re.compile(rf"\b(?:в|во|с|до|к|по|на)\s+(?:начале\s+|конце\s+|середине\s+)?{month}(?:\s+{year})?",
                             re.I)),
        ("year", re.compile(r"\b(?:в|во|с|до|к|по|на|с)\s+(?P<year>(?:19|20)\d\d)\s*(?:года|году|год|г\.)", re.I)),
        ("weekday", re.compile(rf"\b(?:в|во)\s+(?:прошл[а-я]*\s+|эт[а-я]*\s+|следующ[а-я]*\s+)?(?:{days})[а-яё]*",
                               re.I)),
        *[(f"ref:{type_}:{value}", re.compile(rf"(?<![\w-]){pattern}(?![\w-])", re.I))
          for pattern, type_, value in table("ru", "time_refs")],
    ]


def extract_timexes(doc, published: str | None) -> list[TimexRecord]:
    text = doc.text
    anchor = dt.date.fromisoformat(published) if published else None
    found: list[TimexRecord] = []
    for rule, pattern in _patterns():
        for m in pattern.finditer(text):
            if any(t.start < m.end() and m.start() < t.end for t in found):
                continue  # an earlier, more specific rule took these words
            value = _value(rule, m, anchor, doc)
            if value is not None:
                found.append(TimexRecord(m.start(), m.end(), m.group(0), "DATE", value))
    return sorted(found, key=lambda t: t.start)


def _group(m, prefix: str) -> int | None:
    for name, value in m.groupdict().items():
        if name.startswith(prefix) and name[len(prefix):].isdigit() and value:
            return int(name[len(prefix):])
    return None


def _value(rule: str, m, anchor: dt.date | None, doc) -> str | None:
    year = m.groupdict().get("year")
    if rule == "date":
        day, month = int(m.group("day")), _group(m, "m")
        if not 1 <= day <= 31 or month is None:
            return None
        y = year or (str(anchor.year) if anchor else "XXXX")
        return f"{y}-{month:02d}-{day:02d}"
    if rule == "month":
        month = _group(m, "m")
        return f"{year or (anchor.year if anchor else 'XXXX')}-{month:02d}"
    if rule == "year":
        return year
    if rule == "weekday":
        return _weekday(_group(m, "w"), m, anchor, doc)
    _ref, _type, value = rule.split(":", 2)
    return _relative(value, anchor)


def _weekday(day: int | None, m, anchor: dt.date | None, doc) -> str | None:
    if day is None or anchor is None:
        return None
    span = doc.char_span(m.start(), m.end(), alignment_mode="expand")
    verb = span.root.head if span is not None else None  # the verb the weekday dates
    if verb is not None and any(ch in "«»„“\"" for ch in doc.text[min(verb.idx, m.start()):max(verb.idx, m.end())]):
        verb = None  # a verb inside a quotation the weekday is outside of: a misparse
    future = verb is not None and ("Fut" in verb.morph.get("Tense")
                                   or any(c.lemma_ == "быть" and "Fut" in c.morph.get("Tense") for c in verb.children))
    words = m.group(0).lower()
    if "следующ" in words:
        future = True
    back = (anchor.isoweekday() - day) % 7
    date = anchor - dt.timedelta(days=back) if not future else anchor + dt.timedelta(days=(day - anchor.isoweekday()) % 7)
    if "прошл" in words and back == 0:
        date -= dt.timedelta(days=7)
    return date.isoformat()


def _relative(value: str, anchor: dt.date | None) -> str | None:
    if value.endswith("_REF"):
        return value
    if anchor is None:
        return None
    unit, _, offset = value.rpartition("+") if "+" in value else value.rpartition("-")
    shift = int(value[len(unit):]) if unit else int(value)
    if not unit:
        return (anchor + dt.timedelta(days=shift)).isoformat()
    if unit == "week":
        year, week, _ = (anchor + dt.timedelta(weeks=shift)).isocalendar()
        return f"{year}-W{week:02d}"
    if unit == "month":
        index = anchor.year * 12 + anchor.month - 1 + shift
        return f"{index // 12}-{index % 12 + 1:02d}"
    if unit == "year":
        return str(anchor.year + shift)
    return None
