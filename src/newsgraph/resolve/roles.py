"""Role phrases resolved to the office holder at a date: "the British Prime Minister" on
2025-04-02 -> Keir Starmer, "the US president" -> Donald Trump, "Germany's foreign minister".

Data: ``data/roles.tsv`` (office, country, holder, start, end). A phrase is a whole
speaker or mention text, optionally after "the", of the form [country adjective or name]
office [of country], e.g. "the German Foreign Minister", "the president of France",
"Ukraine's defence minister", "NATO Secretary General".
Limits: English only; a phrase without a country ("the president") is not resolved, since
the country is rarely certain; "former"/"ex-" phrases and possessives ("the Prime Minister's
office") are not the holder and are left alone; an unknown date resolves nothing.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from .keys import alias_key

__all__ = ["holder", "OFFICES"]

# Folded office phrases -> office keys.
OFFICES = {
    "president": "president", "vice president": "vice_president", "vicepresident": "vice_president",
    "prime minister": "prime_minister", "premier": "prime_minister", "pm": "prime_minister",
    "chancellor": "chancellor", "king": "king", "monarch": "king",
    "foreign minister": "foreign_minister", "foreign secretary": "foreign_minister",
    "secretary of state": "foreign_minister", "minister of foreign affairs": "foreign_minister",
    "foreign affairs minister": "foreign_minister", "top diplomat": "foreign_minister",
    "defence minister": "defence_minister", "defense minister": "defence_minister",
    "defence secretary": "defence_minister", "defense secretary": "defence_minister",
    "secretary of defense": "defence_minister", "minister of defence": "defence_minister",
    "minister of defense": "defence_minister", "secretary of war": "defence_minister",
    "war secretary": "defence_minister", "secretary general": "secretary_general",
    "secretarygeneral": "secretary_general",
}
# Offices that, in English news, belong to one country when none is named.
_ONLY = {("secretary of state", None): "US", ("defense secretary", None): None}
_WORD_OFFICE = "|".join(sorted((re.escape(k) for k in OFFICES), key=len, reverse=True))
_PATTERN = re.compile(rf"^(?:(?P<pre>.+?)\s)?(?P<office>{_WORD_OFFICE})(?:\sof\s(?P<post>.+))?$")


@dataclass(frozen=True)
class Term:
    office: str
    country: str
    holder: str
    start: str
    end: str | None


@lru_cache(maxsize=1)
def _terms() -> dict[tuple[str, str], list[Term]]:
    out: dict[tuple[str, str], list[Term]] = {}
    text = (resources.files("newsgraph.resolve") / "data" / "roles.tsv").read_text(encoding="utf-8")
    for raw in text.splitlines():
        if not raw.strip() or raw.startswith("#"):
            continue
        cells = raw.split("\t") + [""]
        term = Term(cells[0], cells[1], cells[2], cells[3], cells[4] or None)
        out.setdefault((term.office, term.country.casefold()), []).append(term)
    return out


@lru_cache(maxsize=1)
def _countries() -> dict[str, str]:
    """Folded country names, adjectives and organisation names -> the key used in roles.tsv."""
    from ..analyze.entities.gazetteer import gazetteer

    gaz = gazetteer()
    out: dict[str, str] = {}
    for key, known in gaz.places.items():
        if known.kind == "country" and known.country:
            out.setdefault(alias_key(key), known.country)
    for adjective, country in gaz.demonyms.items():
        known = gaz.place(country)
        if known is not None and known.country:
            out.setdefault(alias_key(adjective), known.country)
    for key, known in gaz.orgs.items():
        out.setdefault(alias_key(key), known.name)
    return out


def _country(words: str | None) -> str | None:
    if not words:
        return None
    words = words.strip().removeprefix("the ")
    found = _countries().get(words)
    if found is None and words.endswith("s"):  # "Ukraine's" folds to "ukraines"
        found = _countries().get(words[:-1])
    return found


def holder(phrase: str, date: str | None) -> str | None:
    """The holder's name for a role phrase at ``date`` (YYYY-MM-DD...), or None."""
    if not date or not phrase:
        return None
    lowered = phrase.casefold().strip()
    if lowered.endswith(("'s office", "’s office", "office")) or re.search(r"\b(former|ex|then)\b", lowered):
        return None
    match = _PATTERN.match(alias_key(phrase))
    if match is None:
        return None
    office_words = match.group("office")
    country = _country(match.group("post")) or _country(match.group("pre"))
    if country is None:
        if match.group("pre") or match.group("post"):
            return None  # words we do not know ("the acting president")
        country = _ONLY.get((office_words, None))
        if country is None:
            return None
    day = date[:10]
    for term in _terms().get((OFFICES[office_words], country.casefold()), []):
        if term.start <= day and (term.end is None or day < term.end):
            return term.holder
    return None
