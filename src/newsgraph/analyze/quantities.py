"""Quantities: money, percentages, counts of things and a few measures.

Money and percentages come from precompiled patterns over the text ("3 billion
euros", "$1.2bn", "£300m", "€5 million", "20,000 rubles", "EUR 5 million",
"12.5%"); counts and measures from spaCy's parse: a number attached to a noun as
``nummod`` ("1,500 troops" -> 1500 troops, "two dozen drones" -> 24 drones,
"300 km" -> 300 km).

Representation choices:
- a range ("$5-10 million", "5 to 10 percent") is one record whose amount is the
  LOWER bound and whose text covers the whole range;
- amounts are plain numbers in units of the currency (no cents handling);
  ``$`` alone is USD; "pounds" and "£" are GBP;
- a count's unit is its noun as written, lower case ("troops").

Limits: no approximate flag ("about 1,500" loses "about"), no spelled-out
fractions beyond "half", no "hundreds of", no per-unit rates ("$5 a share"
is money 5 USD); numbers that look like years (1800-2100 without a comma) and
numbers inside DATE/TIME entities are not counts.
"""

from __future__ import annotations

import re
from functools import lru_cache

from .doc_text import text_of
from .fast_patterns import compile_guarded, word_alternation
from .lexicons import table, words
from .token_filter import tokens_with
from .types import QuantityRecord

__all__ = ["extract_quantities"]


def _alt(items) -> str:
    """The items as one alternation, longest first (a trie where they allow: fast_patterns)."""
    return word_alternation(items)


class _Lex:
    def __init__(self) -> None:
        self.currencies = {r[0]: r[1] for r in table("en", "quantity_currencies")}
        self.scales = {r[0]: float(r[1]) for r in table("en", "quantity_scales")}
        self.numbers = {r[0]: float(r[1]) for r in table("en", "quantity_numbers")}
        self.units = {r[0]: r[1] for r in table("en", "quantity_units")}
        self.not_counted = words("en", "quantity_not_counted")
        symbols = [c for c in self.currencies if not c[:1].isalpha() or "$" in c]
        names = [c for c in self.currencies if c not in symbols]
        codes = sorted(set(self.currencies.values()))
        self.codes = codes
        num_words = _alt(k for k in self.numbers if k not in ("a", "an"))
        number = rf"(?:\d{{1,3}}(?:,\d{{3}})+(?:\.\d+)?|\d+(?:\.\d+)?|(?:{num_words})(?:[\s-]+(?:{num_words}))*)"
        long_scale = "trillion|billion|million|thousand"
        scale = rf"(?:\s*(?P<scale>{long_scale})\b|\s?(?P<short>bn|bln|mln|mn|tn|trn|m|b|k)\b)?"
        rng = rf"(?:\s*(?:-|–|to)\s*(?:{_alt(symbols)})?(?P<hi>{number}))?"
        self.money_before = compile_guarded(
            rf"(?P<cur>{_alt(symbols)}|\b(?:{'|'.join(codes)})\s?)(?P<num>{number}){rng}{scale}"
            rf"(?:\s+(?:US\s+|U\.S\.\s+)?dollars\b)?", re.IGNORECASE)
        self.money_after = compile_guarded(
            rf"\b(?P<num>{number}){rng}{scale}\s+(?:of\s+)?(?P<cur>{_alt(names)}|(?:{'|'.join(codes)})\b)$",
            re.IGNORECASE)
        # "3 billion euros" is found from its currency word backwards: scanning
        # for the number first would try the number pattern at every character.
        self.currency_word = compile_guarded(rf"\b(?:{_alt(names)}|(?:{'|'.join(codes)}))\b", re.IGNORECASE)
        self.percent = compile_guarded(
            rf"\b(?P<num>{number}){rng}\s*(?P<unit>%|percent\b|per\s+cent\b|percentage\s+points?\b)", re.IGNORECASE)

    def number(self, text: str) -> float | None:
        t = text.lower().replace(",", "").replace("-", " ").strip()
        try:
            return float(t)
        except ValueError:
            pass
        total, current = 0.0, 0.0
        for part in t.split():
            v = self.numbers.get(part)
            if v is None:
                return None
            if v >= 1000:
                total += (current or 1) * v
                current = 0.0
            elif v in (100.0, 12.0) and current:
                current *= v
            else:
                current += v
        return total + current or None

    def scale_of(self, m) -> float:
        word = (m["scale"] or m["short"] or "").lower()
        return self.scales.get(word, 1.0)


@lru_cache(maxsize=1)
def _lex() -> _Lex:
    return _Lex()


def _money(lx: _Lex, text: str) -> list[QuantityRecord]:
    out = []
    after = (lx.money_after.search(text, max(0, c.start() - 48), c.end()) for c in lx.currency_word.finditer(text))
    for pattern, matches in ((lx.money_before, lx.money_before.finditer(text)), (lx.money_after, after)):
        for m in matches:
            if m is None:
                continue
            cur = " ".join(m["cur"].lower().split())
            code = lx.currencies.get(cur) or (cur.upper() if cur.upper() in lx.currencies.values() else None)
            if code is None:
                continue
            if m["short"] and m.group("short") == "m" and pattern is lx.money_after:
                continue
            value = lx.number(m["num"])
            if value is None:
                continue
            out.append(QuantityRecord(m.start(), m.end(), m.group().strip(), "money", value * lx.scale_of(m), code))
    return out


def _percents(lx: _Lex, text: str) -> list[QuantityRecord]:
    out = []
    if "%" not in text and "per" not in text.lower():
        return out
    for m in lx.percent.finditer(text):
        value = lx.number(m["num"])
        if value is None:
            continue
        unit = "percentage point" if m["unit"].lower().startswith("percentage") else "%"
        out.append(QuantityRecord(m.start(), m.end(), m.group(), "percent", value, unit))
    return out


def _counts(lx: _Lex, doc, text: str, taken: list[tuple[int, int]]) -> list[QuantityRecord]:
    out = []
    for tok in tokens_with(doc, "DEP", ("nummod",)):
        if tok.head.pos_ not in ("NOUN", "PROPN") or tok.i > tok.head.i:
            continue
        if tok.ent_type_ in ("DATE", "TIME", "MONEY", "PERCENT", "ORDINAL"):
            continue
        noun = tok.head
        # the contiguous number words around the nummod ("1.5 million", "two dozen");
        # walking neighbours is much cheaper than spaCy's Token.subtree
        numeric = lambda t: t.like_num or t.lower_ in lx.numbers or t.lower_ in lx.scales  # noqa: E731
        lo = hi = tok.i
        while lo > 0 and numeric(doc[lo - 1]):
            lo -= 1
        while hi + 1 < noun.i and numeric(doc[hi + 1]):
            hi += 1
        phrase = list(doc[lo:hi + 1])
        if hi >= noun.i:
            continue
        last = phrase[-1]
        start, end = phrase[0].idx, last.idx + len(last)
        if any(s < noun.idx + len(noun) and start < e for s, e in taken):
            continue
        if re.fullmatch(r"(1[89]|20)\d\d", text[start:end]):
            continue  # "the 2024 election": a year, not a count
        # "1.5 million", "two dozen": the leading number times the scale words after it
        head_words = [phrase[0]] + [t for t in phrase[1:] if t.lower_ not in lx.scales]
        value = lx.number(" ".join(t.text for t in head_words))
        if value is None:
            continue
        for t in phrase[1:]:
            if t.lower_ in lx.scales:
                value *= lx.scales[t.lower_]
        word = noun.lower_
        unit = lx.units.get(word)
        if word in lx.not_counted or word in lx.currencies or word in lx.scales:
            continue
        kind = "measure" if unit else "count"
        out.append(QuantityRecord(start, noun.idx + len(noun), text[start:noun.idx + len(noun)], kind, value,
                                  unit or word))
    return out


def extract_quantities(doc) -> list[QuantityRecord]:
    lx = _lex()
    text = text_of(doc)
    found: list[QuantityRecord] = []
    for record in sorted(_money(lx, text) + _percents(lx, text), key=lambda q: (q.start - q.end, q.start)):
        if not any(q.start < record.end and record.start < q.end for q in found):
            found.append(record)
    found += _counts(lx, doc, text, [(q.start, q.end) for q in found])
    found.sort(key=lambda q: q.start)
    return found
