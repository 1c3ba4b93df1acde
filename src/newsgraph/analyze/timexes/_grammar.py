"""The surface grammar of English time expressions, compiled once per process.

Word lists come from ``lexicons/en/time_*.tsv``; this module only turns them into
regular-expression pieces and the compiled rule patterns that ``_rules``
interprets. Patterns run over the document text (case-insensitive); checks that
need case or part of speech happen in the rule handlers.
"""

from __future__ import annotations

import re
from functools import lru_cache

from ..fast_patterns import compile_guarded, word_alternation
from ..lexicons import table

__all__ = ["Lexicon", "lexicon", "patterns", "prefixes", "POINT_MOD_RULES", "LENGTH_MOD_RULES", "WEEKDAY_RULES", "TRIGGERS"]


# A non-capturing alternation, longest first; spaces match any whitespace (a trie: fast_patterns).
_alt = word_alternation


class Lexicon:
    """The time word lists, as dictionaries keyed by lower-case phrase."""

    def __init__(self) -> None:
        rows = lambda name: table("en", name)  # noqa: E731
        self.months = {r[0]: int(r[1]) for r in rows("time_months")}
        self.weekdays = {r[0]: int(r[1]) for r in rows("time_weekdays")}
        self.units = {r[0]: r[1] for r in rows("time_units")}
        self.numbers = {r[0]: r[1] for r in rows("time_numbers")}
        self.ordinals = {r[0]: int(r[1]) for r in rows("time_ordinals")}
        self.seasons = {r[0]: r[1] for r in rows("time_seasons")}
        self.dayparts = {r[0]: r[1] for r in rows("time_dayparts")}
        self.refs = {r[0]: r[1] for r in rows("time_refs")}
        self.point_mods = {r[0]: r[1] for r in rows("time_mods") if r[2] == "point"}
        self.length_mods = {r[0]: r[1] for r in rows("time_mods") if r[2] == "length"}

    def month_of(self, word: str) -> int | None:
        return self.months.get(word.lower().rstrip("."))

    def weekday_of(self, word: str) -> int | None:
        return self.weekdays.get(word.lower().rstrip("."))

    def unit_of(self, phrase: str) -> str | None:
        return self.units.get(" ".join(phrase.lower().split()))

    def number_of(self, phrase: str) -> str | None:
        """'three' -> '3', '1,500' -> '1500', 'twenty-five' -> '25', 'several' -> 'X'."""
        text = " ".join(phrase.lower().replace("-", " ").replace(",", "").split())
        if re.fullmatch(r"\d+(?:\.\d+)?", text):
            return text[:-2] if text.endswith(".0") else text
        if text in self.numbers:
            return self.numbers[text]
        total = 0.0
        for part in text.split():
            v = self.numbers.get(part)
            if v is None or v == "X":
                return None
            v = float(v)
            total = total * v if v in (100.0, 1000.0, 12.0) and total else total + v
        return f"{total:g}" if total else None


@lru_cache(maxsize=1)
def lexicon() -> Lexicon:
    return Lexicon()


@lru_cache(maxsize=1)
def patterns() -> list[tuple[str, re.Pattern]]:
    """(rule name, compiled pattern), in priority order for equal-length matches."""
    lx = lexicon()
    full_months = [m for m in lx.months if len(m) > 4 or m in ("may", "june", "july")]
    abbr_months = [m for m in lx.months if m not in full_months]
    month_full = _alt(full_months)
    month_any = f"(?:{month_full}|{_alt(abbr_months, True)}|{_alt(abbr_months)}(?=\\s+\\d)|{_alt(abbr_months, True)}(?=\\s+\\d))"
    full_days = [w for w in lx.weekdays if len(w) > 5]
    weekday = f"(?:{_alt(full_days)}|{_alt([w for w in lx.weekdays if w not in full_days], True)})"
    # "a" only stands alone or opens a listed phrase ("a few", "a dozen"): "a five year low" is five.
    single = [k for k in lx.numbers if " " not in k and k not in ("a", "an")]
    cont = _alt(k for k in single if k not in ("some", "many", "few", "several", "numerous"))
    number = (r"(?:\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?|" + _alt(k for k in lx.numbers if " " in k) + "|"
              + _alt(single) + r"(?:[\s-]+" + cont + r")*|an?)")
    unit = _alt(lx.units)
    season = _alt(lx.seasons)
    daypart = _alt(lx.dayparts)
    ordinal = _alt(lx.ordinals)
    year = r"(?P<year>1[0-9]\d\d|20\d\d)\b(?![,.]\d|-\d)"
    rel = r"(?P<rel>last|this|next|coming|past|previous|current)"
    src = {
        "iso": r"\b(?P<year>\d{4})-(?P<mo>\d\d)-(?P<d>\d\d)\b",
        "numeric": r"\b(?P<mo>\d{1,2})/(?P<d>\d{1,2})/(?P<y>\d{4}|\d\d)\b",
        "mdy": rf"\b(?P<month>{month_any})\s+(?P<day>\d{{1,2}})(?:st|nd|rd|th)?\b(?![:.,]?\d)(?:,?\s+{year})?",
        "dmy": rf"\b(?P<day>\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?(?P<month>{month_any})(?:,?\s+{year})?",
        "month_year": rf"\b(?P<month>{month_any})(?:\s+of)?,?\s+{year}",
        "month": rf"(?:{rel}\s+)?\b(?P<month>{month_full})\b(?:\s+(?P<yrel>this|last|next)\s+year\b)?",
        "weekday": rf"(?:{rel}\s+)?\b(?P<wd>{weekday})(?P<wds>s)?(?:\s+(?P<dp>{daypart})(?P<dps>s)?)?\b",
        "relday": r"\b(?P<rd>today|tonight|yesterday|tomorrow|the\s+day\s+before\s+yesterday|the\s+day\s+after\s+tomorrow"
        r"|the\s+day\s+before|the\s+day\s+after|the\s+previous\s+day|the\s+next\s+day|the\s+following\s+day)"
        rf"(?:\s+(?P<dp>{daypart}))?\b",
        "daypart": rf"\b(?:(?P<rel>this|last|tomorrow|yesterday)\s+(?P<dp>{daypart})"
        rf"|(?P<dp_first>{daypart})\s+(?P<rel_after>yesterday|today|tomorrow))\b",
        "relunit": r"\b(?P<rel>last|this|next|coming|past|previous|current|the\s+previous|the\s+following|the\s+next"
        r"|the\s+coming|the\s+past|the\s+last|the\s+current|the\s+same|the\s+prior|this\s+past|the\s+full|the)\s+(?:fiscal\s+)?"
        rf"(?P<unit>week|weekend|month|year|decade|century|{season})\b(?!-)",
        "quarter": r"\b(?:(?:the|this\s+year's|last\s+year's|next\s+year's|that)\s+)?(?:(?P<qyear>\d{4})\s+)?(?:(?P<rel>last|this|next|latest|current|previous|past|year-ago"
        rf"|year-earlier|same|comparable|prior|most\s+recent|fiscal)\s+)?(?:fiscal\s+)?(?:(?P<ord>{ordinal})[\s-]+)?(?:fiscal[\s-]+)?"
        r"(?:quarter|period)\b(?:\s+of\s+(?:fiscal\s+)?" + year + r")?",
        "qnum": r"\b(?P<ord>Q[1-4])\s*'?(?P<year>\d{4}|\d\d)\b",
        "season": rf"(?:{rel}\s+)?\b(?P<season>{season})\b(?:\s+(?:of\s+)?{year})?",
        "decade": r"(?:the\s+)?(?P<dec>\b(?:1[0-9]|20)\d0s|'\d0s\b|\b(?:twenties|thirties|forties|fifties|sixties|seventies|eighties|nineties)\b)",
        "fiscal": r"\b(?:fiscal(?:\s+year)?|FY)[\s-]*(?P<fy>\d{4}|'?\d\d)\b",
        "year": r"(?<![\d$£€.,/])\b(?:the\s+year\s+)?" + year + r"(?!\s*(?:%|percent))",
        "ago": rf"\b(?P<num>{number})[\s-]+(?P<unit>{unit})\s+(?P<dir>ago|earlier|later|before|after|from\s+now|hence)\b",
        "duration": r"\b(?:(?P<the>the\s+)?(?P<rel>first|last|past|next|previous|coming|final|following|latest|recent)\s+)?"
        rf"(?P<num>{number})(?P<half>\s+1/2|\s+and\s+a\s+half|-and-a-half)?[\s-]+(?:more\s+)?(?P<unit>{unit})"
        r"(?P<half2>\s+and\s+a\s+half)?(?:-(?:long|old))?\b",
        "vague": r"\b(?P<pre>for|over|in|within|after)\s+(?P<unit>years|months|decades|weeks|days|hours|centuries)\b",
        "set": r"\b(?:(?P<every>every|each)\s+(?:other\s+)?(?:(?P<num>" + number + rf")\s+)?(?P<unit>{unit}|{weekday}|{daypart}|{month_full})"
        r"|(?P<adv>daily|weekly|monthly|annually|yearly|hourly|quarterly|nightly)"
        rf"|(?P<freq>once|twice|{number}\s+times)\s+(?:a|an|per|each|every)\s+(?P<funit>{unit}))\b",
        "time": r"(?:\b(?P<h>\d{1,2})(?:[:.](?P<mi>\d\d))?\s*(?P<ampm>a\.m\.|p\.m\.|am\b|pm\b)"
        r"|\b(?P<h2>[01]?\d|2[0-3]):(?P<mi2>[0-5]\d)\b(?!:)|\b(?P<named>noon|midnight|midday)\b)"
        r"(?:\s+(?P<tz>[ECMP][SD]T|GMT|UTC|local\s+time)\b)?"
        rf"(?:,?\s+(?:(?P<rd>today|yesterday|tomorrow|{weekday})|(?P<tmonth>{month_any})\s+(?P<tday>\d{{1,2}})\b))?",
        "ref": r"\b(?P<ref>" + _alt(lx.refs) + r")\b",
        "yearago": r"\b(?P<ya>year-(?:ago|earlier)|year\s+ago)\b",
        "yearend": r"\b(?:the\s+end\s+of\s+the\s+year|year[\s-]end|year's\s+end)\b",
        "century": r"\b(?:the\s+)?(?P<cent>\d{1,2})(?:st|nd|rd|th)[\s-]+century\b",
        # broadcast transcripts spell years out, after a month or a season too: "January nineteen ninety-seven"
        "spoken_year": rf"\b(?:the\s+year\s+|(?P<month>{month_full})\s+|(?:the\s+)?(?P<season>{season})\s+of\s+)?"
        r"(?P<sy>nineteen[\s-]+(?:(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)"
        r"(?:[\s-]+(?:one|two|three|four|five|six|seven|eight|nine))?|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen)|two\s+thousand(?:\s+and\s+\w+)?)\b",
    }
    # Guarded by their first characters: the scan skips the other positions at once.
    return [(name, compile_guarded(p, re.IGNORECASE)) for name, p in src.items()]


# Rules whose expressions take a modifier or a weekday just before them. The
# modifiers are looked up backwards from a match instead of being an optional
# leading group: a pattern that can start with an optional group is tried at
# every character of the text, which made the scan several times slower.
POINT_MOD_RULES = frozenset({"mdy", "dmy", "month_year", "month", "weekday", "relday", "daypart", "relunit", "quarter",
                             "season", "decade", "year", "time"})
LENGTH_MOD_RULES = frozenset({"ago", "duration"})
WEEKDAY_RULES = frozenset({"mdy", "dmy"})

# A rule runs only when one of its words occurs in the lower-cased text: most
# documents have no season, quarter or decade, and a substring test is far
# cheaper than a regex scan.
TRIGGERS = {
    "quarter": ("quarter", "period"), "qnum": ("q1", "q2", "q3", "q4"),
    "season": ("spring", "summer", "fall", "autumn", "winter"), "decade": ("0s", "ties"),
    "fiscal": ("fiscal", "fy"), "yearago": ("year",), "yearend": ("year",), "century": ("century",),
    "spoken_year": ("nineteen", "two thousand"), "daypart": ("morning", "afternoon", "evening", "night"),
    "relday": ("today", "tonight", "yesterday", "tomorrow", " day"),
    "set": ("every", "each", "daily", "weekly", "monthly", "annually", "yearly", "hourly", "nightly", "once", "twice", "times"),
    "vague": ("years", "months", "decades", "weeks", "days", "hours", "centuries"),
    "time": (":", "a.m", "p.m", "am", "pm", "noon", "midnight", "midday"),
    "iso": ("-",), "numeric": ("/",),
}


@lru_cache(maxsize=1)
def prefixes() -> dict[str, re.Pattern]:
    """Patterns anchored at the end of the text before a match: modifier, weekday."""
    lx = lexicon()
    weekday = _alt(w for w in lx.weekdays if len(w) > 5)
    return {
        "mod": re.compile(r"\b(?P<mod>" + _alt(lx.point_mods) + r")[\s-]+$", re.IGNORECASE),
        "lmod": re.compile(r"\b(?P<lmod>" + _alt(lx.length_mods) + r")\s+$", re.IGNORECASE),
        "wd": re.compile(r"\b(?P<wd>" + weekday + r"),?\s+$", re.IGNORECASE),
    }
