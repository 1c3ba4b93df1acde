"""Russian amounts: money and percentages, as the English stage records them.

"3 млрд евро" -> 3000000000 EUR; "8,25 млрд евро" (a decimal comma) -> 8250000000 EUR;
"три миллиарда долларов", "$5 млн", "100 тыс. рублей", "5%", "5 процентов". Word lists in
``lexicons/ru/quantity_*.tsv`` (currencies and scales by stem, so every case form is read).
Spaces inside a number ("1 500 000") are read as thousands separators.
Limits: no counts of things ("200 военных") and no measures yet; a range ("2-3 млрд")
gives its last number.
"""

from __future__ import annotations

import re
from functools import lru_cache

from ..lexicons import table
from ..types import QuantityRecord

__all__ = ["extract_quantities"]

_NUMBER = r"\d{1,3}(?:[  ]\d{3})+(?:[.,]\d+)?|\d+(?:[.,]\d+)?"


def _alt(stems) -> str:
    return "|".join(s if s.startswith("фунт[") else re.escape(s) for s in sorted(stems, key=len, reverse=True))


@lru_cache(maxsize=1)
def _lex():
    currencies = {row[0]: row[1] for row in table("ru", "quantity_currencies")}
    scales = {row[0]: float(row[1]) for row in table("ru", "quantity_scales")}
    numbers = {row[0]: float(row[1]) for row in table("ru", "quantity_numbers")}
    words = [c for c in currencies if c[0].isalpha()]
    symbols = [c for c in currencies if not c[0].isalpha()]
    num = rf"(?P<num>{_NUMBER}|(?:{_alt(numbers)})[а-яё]*)"
    scale = rf"(?:\s*(?P<scale>{_alt(scales)})[а-яё]*\.?)?"
    after = re.compile(rf"(?<![\w.,]){num}{scale}\s*(?P<cur>{_alt(words)})[а-яё]*(?!\w)|"
                       rf"(?<![\w.,]){num.replace('num', 'num2')}{scale.replace('scale', 'scale2')}\s*"
                       rf"(?P<sym>{_alt(symbols)})", re.I)
    before = re.compile(rf"(?P<sym>{_alt(symbols)})\s*(?P<num>{_NUMBER}){scale}", re.I)
    percent = re.compile(rf"(?<![\w.,])(?P<num>{_NUMBER})\s*(?:%|процент[а-я]*)", re.I)
    return currencies, scales, numbers, after, before, percent


def _lookup(table_: dict, word: str):
    word = word.lower().rstrip(".")
    for key in sorted(table_, key=len, reverse=True):
        if re.match(key if key.startswith("фунт[") else re.escape(key.rstrip(".")), word):
            return table_[key]
    return None


def _number(text: str, numbers: dict) -> float | None:
    digits = re.sub(r"[  ]", "", text).replace(",", ".")
    try:
        return float(digits)
    except ValueError:
        return _lookup(numbers, text)


def extract_quantities(doc) -> list[QuantityRecord]:
    currencies, scales, numbers, after, before, percent = _lex()
    text = doc.text
    out: list[QuantityRecord] = []
    for m in [*after.finditer(text), *before.finditer(text)]:
        groups = m.groupdict()
        num = groups.get("num") or groups.get("num2")
        scale = groups.get("scale") or groups.get("scale2")
        cur = groups.get("cur") or groups.get("sym")
        value = _number(num, numbers)
        code = _lookup(currencies, cur) if cur else None
        if value is None or code is None or any(q.start < m.end() and m.start() < q.end for q in out):
            continue
        factor = _lookup(scales, scale) if scale else 1.0
        out.append(QuantityRecord(m.start(), m.end(), m.group(0), "money", value * (factor or 1.0), code))
    for m in percent.finditer(text):
        value = _number(m["num"], numbers)
        if value is not None and not any(q.start < m.end() and m.start() < q.end for q in out):
            out.append(QuantityRecord(m.start(), m.end(), m.group(0), "percent", value, "%"))
    return sorted(out, key=lambda q: q.start)
