"""The gazetteer: places, organisations and public figures as data (no spaCy model needed)."""

from __future__ import annotations

import pytest

from newsgraph.analyze.entities.gazetteer import gazetteer, name_key


@pytest.fixture(scope="module")
def gaz():
    return gazetteer()


@pytest.mark.parametrize("text, name, ids", [
    ("Kiev", "Kyiv", {"geonames": "703448"}),
    ("Kyiv", "Kyiv", {"geonames": "703448"}),
    ("Britain", "United Kingdom", {"iso3166": "GB"}),
    ("Great Britain", "United Kingdom", {"iso3166": "GB"}),
    ("UK", "United Kingdom", {"iso3166": "GB"}),
    ("U.S.", "United States", {"iso3166": "US"}),
    ("the United States", "United States", {"iso3166": "US"}),
    ("Russian Federation", "Russia", {"iso3166": "RU"}),
    ("the Czech Republic", "Czech Republic", {"iso3166": "CZ"}),
    ("Czechia", "Czech Republic", {"iso3166": "CZ"}),
    ("Moskva", "Moscow", {"geonames": "524901"}),
])
def test_gazetteer_place_canonical_names_and_ids(gaz, text, name, ids):
    known = gaz.place(text)
    assert known is not None and known.name == name and dict(known.ids) == ids


@pytest.mark.parametrize("city, country", [("London", "GB"), ("Moscow", "RU"), ("Washington", "US"),
                                           ("Paris", "FR"), ("Kiev", "UA")])
def test_gazetteer_capitals_know_their_country(gaz, city, country):
    assert gaz.place(city).capital_of == country


def test_gazetteer_the_biggest_city_owns_a_shared_name(gaz):
    assert gaz.place("London").country == "GB"  # not London, Ontario


@pytest.mark.parametrize("text, name", [
    ("Annalena Burbock", "Annalena Baerbock"),  # listed misspelling
    ("Annalena Baerbok", "Annalena Baerbock"),  # near miss, same first name
    ("Emmanual Macron", "Emmanuel Macron"),
    ("Zelenskyy", "Volodymyr Zelensky"),
    ("Vladimir Zelenskiy", "Volodymyr Zelensky"),
    ("Putin", "Vladimir Putin"),
    ("Recep Tayyip Erdogan", "Recep Tayyip Erdoğan"),
    ("Francois Bayrou", "François Bayrou"),
])
def test_gazetteer_person_aliases_and_near_misses(gaz, text, name):
    assert gaz.person(text).name == name


@pytest.mark.parametrize("text", ["John Smith", "Anna Berbock", "Keith Starmer", "Starmer", "Olga Zelenska"])
def test_gazetteer_person_guard_rejects_other_people(gaz, text):
    assert gaz.person(text) is None


@pytest.mark.parametrize("text, tagged_org, name", [
    ("NG", True, "Nezavisimaya Gazeta"),
    ("NG", False, None),  # a short abbreviation only when the model already says organisation
    ("the North Atlantic Alliance", False, "NATO"),
    ("United Nations Security Council", False, "UN Security Council"),
])
def test_gazetteer_org_aliases(gaz, text, tagged_org, name):
    known = gaz.org(text, tagged_org=tagged_org)
    assert (known.name if known else None) == name


@pytest.mark.parametrize("text, key", [("the  Czech Republic", "Czech Republic"), ("Erdoğan", "Erdogan"),
                                       ("Côte d’Ivoire", "Cote d'Ivoire"), ("The Hague", "Hague")])
def test_gazetteer_name_key_normalises(text, key):
    assert name_key(text) == key


def test_gazetteer_demonyms_map_to_countries(gaz):
    assert gaz.demonyms["Ukrainian"] == "Ukraine" and gaz.demonyms["British"] == "United Kingdom"
