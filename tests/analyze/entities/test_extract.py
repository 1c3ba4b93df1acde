"""Entities on the seed article and on small sentences of our own (loads the spaCy model)."""

from __future__ import annotations


import pytest

from newsgraph.analyze.entities import extract_entities

from paths import SEED_DIR as SEED

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def seed(nlp):
    text = (SEED / "article.txt").read_text(encoding="utf-8")
    return text, extract_entities(nlp(text))


def _entity_at(entities, text, surface, occurrence=0):
    """The entity holding the given occurrence of a surface string."""
    start = -1
    for _ in range(occurrence + 1):
        start = text.index(surface, start + 1)
    for entity in entities:
        for m in entity.mentions:
            if (m.start, m.end) == (start, start + len(surface)):
                return entity, m
    raise AssertionError(f"no mention at {surface!r} #{occurrence}")


@pytest.mark.parametrize("surface, occurrence, name, type_, role", [
    ("Kiev", 1, "Kyiv", "GPE", None),  # "the Kiev media"
    ("Kiev", 3, "Kyiv", "GPE", None),  # "her farewell visit to Kiev"
    ("Annalena Burbock", 0, "Annalena Baerbock", "PERSON", None),
    ("London", 0, "United Kingdom", "GPE", "state"),  # "London assured"
    ("Paris", 0, "Paris", "GPE", None),  # "the summit ... in Paris"
    ("NG", 0, "Nezavisimaya Gazeta", "ORG", None),
    ("AFU", 0, "Armed Forces of Ukraine", "ORG", None),
    ("Great Britain", 0, "United Kingdom", "GPE", None),
    ("Moscow", 0, "Russia", "GPE", "state"),  # "which Moscow called necessary"
    ("Washington", 0, "United States", "GPE", "state"),  # "the joint efforts of Moscow and Washington"
    ("Putin", 0, "Vladimir Putin", "PERSON", None),
    ("Zelensky", 2, "Volodymyr Zelensky", "PERSON", None),
    ("Volodymyr Zelensky", 1, "Volodymyr Zelensky", "PERSON", None),  # "President of Ukraine Volodymyr Zelensky"
    ("Czech Republic", 0, "Czech Republic", "GPE", None),
    ("North Atlantic Alliance", 0, "NATO", "ORG", None),
    ("Ukrainian", 0, "Ukrainian", "NORP", None),
])
def test_analyze_entities_seed_mentions_resolve(seed, surface, occurrence, name, type_, role):
    text, entities = seed
    entity, mention = _entity_at(entities, text, surface, occurrence)
    assert (entity.name, entity.type, mention.role) == (name, type_, role)


def test_analyze_entities_seed_ids_from_gazetteers(seed):
    _, entities = seed
    by_name = {e.name: e for e in entities}
    assert by_name["United Kingdom"].ids == {"iso3166": "GB"}
    assert by_name["Kyiv"].ids == {"geonames": "703448"}


def test_analyze_entities_seed_names_are_clean_and_spans_index_the_text(seed):
    text, entities = seed
    for entity in entities:
        assert not entity.name.lower().startswith("the ") and "\n" not in entity.name
        assert not entity.name.endswith(("'s", "’s"))
        for m in entity.mentions:
            assert text[m.start:m.end] == m.text


def test_analyze_entities_seed_one_entity_per_name_and_type(seed):
    _, entities = seed
    keys = [(e.name, e.type) for e in entities]
    assert len(keys) == len(set(keys))


# Sentences below are our own, written for these precision cases.
@pytest.mark.parametrize("sentence, surface, occurrence, name, type_, role", [
    ("Coach Michael Jordan said Jordan would play on Sunday.", "Jordan", 1, "Michael Jordan", "PERSON", None),
    ("Mr Jordan told reporters he was tired.", "Jordan", 0, "Jordan", "PERSON", None),
    ("Jordan and Israel signed a water agreement in Amman.", "Jordan", 0, "Jordan", "GPE", "state"),
    ("The talks in Jordan ended without an agreement.", "Jordan", 0, "Jordan", "GPE", None),
    ("Actor Denzel Washington won the award. Washington thanked his family.", "Washington", 1,
     "Denzel Washington", "PERSON", None),
    ("The delegation flew to Washington on Monday for talks.", "Washington", 0, "Washington", "GPE", None),
    ("Washington warned Moscow against any escalation.", "Washington", 0, "United States", "GPE", "state"),
    ("The company moved its headquarters to Atlanta, Georgia, last year.", "Georgia", 0, "Georgia", "GPE", None),
    ("Georgia and Armenia held talks in Tbilisi on border security.", "Georgia", 0, "Georgia", "GPE", "state"),
    ("The Joint Logistics Command (JLC) said on Friday that JLC convoys had left.", "JLC", 1,
     "Joint Logistics Command", "ORG", None),
    ("Kiev is preparing for the arrival of foreign troops.", "Kiev", 0, "Ukraine", "GPE", "state"),
    ("Paris hosted the summit on Thursday.", "Paris", 0, "Paris", "GPE", None),
    ("Moscow's position has not changed, the minister said.", "Moscow", 0, "Russia", "GPE", "state"),
    ("Ukrainian and British officials met in London.", "London", 0, "London", "GPE", None),
])
def test_analyze_entities_precision_cases(nlp, sentence, surface, occurrence, name, type_, role):
    entity, mention = _entity_at(extract_entities(nlp(sentence)), sentence, surface, occurrence)
    assert (entity.name, entity.type, mention.role) == (name, type_, role)


def test_analyze_entities_georgia_state_and_country_get_different_ids(nlp):
    state = extract_entities(nlp("The company moved to Atlanta, Georgia, last year."))
    country = extract_entities(nlp("Georgia and Armenia held talks on border security."))
    ids = [next(e.ids for e in ents if e.name == "Georgia") for ents in (state, country)]
    assert ids[0] != ids[1] and ids[1] == {"iso3166": "GE"}


@pytest.mark.parametrize("sentence", [
    "Former Secretary of State Hillary Clinton spoke in Ohio on Tuesday.",
    "The heads of State met in Brussels for two days.",
])
def test_analyze_entities_office_titles_hold_no_names(nlp, sentence):
    names = {e.name for e in extract_entities(nlp(sentence))}
    assert "State" not in names and not any(n.endswith(" of State") for n in names)


def test_analyze_entities_state_names_stay(nlp):
    names = {e.name for e in extract_entities(nlp("The State Department and New York State agreed on Friday."))}
    assert "State Department" in names


def test_title_phrase_check_reads_the_closing_words(nlp):
    from newsgraph.analyze.entities._spans import _in_title_phrase

    doc = nlp("The Secretary of the Interior met the Chief of Staff and State officials.")
    words = [t.text for t in doc]
    interior, staff, state = words.index("Interior"), words.index("Staff"), words.index("State")
    assert _in_title_phrase(doc, interior, interior + 1)  # "secretary of (the) interior"
    assert _in_title_phrase(doc, staff, staff + 1)
    assert not _in_title_phrase(doc, state, state + 1)  # "and State": no title ends here
