"""Event extraction: lexicon, modality helpers, and events on real sentences and the seed."""

from __future__ import annotations

from pathlib import Path

import pytest

from newsgraph.analyze.event_lexicon import PLOVER_TYPES, lexicon
from newsgraph.analyze.event_modality import combine, is_historical

SEED = Path(__file__).resolve().parents[2] / "shared" / "seed" / "article.txt"


def test_analyze_events_lexicon_types_are_plover():
    lex = lexicon("en")
    kinds = {s.type for s in [*lex.single.values(), *lex.phrasal.values(), *lex.objects.values()] if s.type}
    assert kinds <= set(PLOVER_TYPES)
    assert kinds == set(PLOVER_TYPES)  # every category has at least one trigger


@pytest.mark.parametrize("value, published, expected", [
    ("2024-11", "2025-04-02", True),
    ("2025-03-27", "2025-04-02", False),
    ("2025-W13", "2025-04-02", False),  # not a calendar date: never historical
    ("2024", "2025-04-02", True),
    ("2024-11", None, False),
])
def test_analyze_events_is_historical(value, published, expected):
    assert is_historical(value, published) is expected


def test_analyze_events_modality_rank():
    assert combine("planned", "claimed") == "planned"
    assert combine("hypothetical", "planned", "negated") == "negated"
    assert combine("", "") == "asserted"


@pytest.fixture(scope="module")
def analyze():
    from newsgraph.analyze.entities import extract_entities
    from newsgraph.analyze.events import extract_events
    from newsgraph.analyze.pipeline import load_nlp
    from newsgraph.analyze.quantities import extract_quantities
    from newsgraph.analyze.quotes import extract_quotes
    from newsgraph.analyze.timexes import extract_timexes

    nlp = load_nlp()

    def run(text: str, published: str | None = None):
        doc = nlp(text)
        entities = extract_entities(doc)
        quotes = extract_quotes(doc, entities)
        timexes = extract_timexes(doc, published)
        quantities = extract_quantities(doc)
        events = extract_events(doc, entities, quotes, timexes, quantities, published=published)
        return entities, timexes, quantities, events

    return run


def _names(entities, indices):
    return {entities[i].name for i in indices}


@pytest.mark.slow
@pytest.mark.parametrize("text, kind, modality", [
    ("France refused to lift sanctions against Iran.", "REJECT", "asserted"),
    ("France refused to lift sanctions against Iran.", "CONCEDE", "negated"),
    ("Germany will send troops to Lithuania.", "MOBILIZE", "planned"),
    ("Russia could attack Ukraine if talks fail.", "ASSAULT", "hypothetical"),
    ("Police arrested dozens of protesters in Minsk.", "COERCE", "asserted"),
])
def test_analyze_events_type_and_modality(analyze, text, kind, modality):
    _entities, _t, _q, events = analyze(text)
    assert (kind, modality) in {(e.type, e.modality) for e in events}


@pytest.mark.slow
def test_analyze_events_coordinated_participants_are_actors(analyze):
    entities, _t, _q, events = analyze("A meeting of the leaders of Britain, France and Germany was held in Paris.")
    meeting = next(e for e in events if e.type == "CONSULT")
    assert {"United Kingdom", "France", "Germany"} <= _names(entities, meeting.actors)
    assert meeting.place is not None and entities[meeting.place].name == "Paris"


@pytest.mark.slow
@pytest.mark.skipif(not SEED.is_file(), reason="the seed article is not beside the repository")
def test_analyze_events_seed(analyze):
    entities, timexes, quantities, events = analyze(SEED.read_text(encoding="utf-8"), "2025-04-02")

    def find(kind, **want):
        for e in events:
            if e.type in (kind if isinstance(kind, tuple) else (kind,)) and all(
                    (want[k](e) if callable(want[k]) else getattr(e, k) == want[k]) for k in want):
                return e
        raise AssertionError(f"no {kind} event with {want}")

    names = lambda idx: _names(entities, idx)  # noqa: E731
    call = find("CONSULT", mode="phone", time_value="2025-04-01")
    assert "Keir Starmer" in names(call.targets) and "Volodymyr Zelensky" in names(call.actors)
    meeting = find("CONSULT", modality="planned",
                   actors=lambda e: {"Ukraine", "United Kingdom", "France"} <= names(e.actors))
    assert meeting.trigger[2] == "meeting"
    find("CONSULT", time_value="2025-03-27")
    trump = find("CONSULT", mode="phone", targets=lambda e: "Donald Trump" in names(e.targets))
    assert "Keir Starmer" in names(trump.actors)
    pledge = find(("AID", "AGREE"), quantities=lambda e: len(e.quantities) == 2)
    assert {quantities[i].amount for i in pledge.quantities} == {3e9, 8.25e9}
    assert "Annalena Baerbock" in names(pledge.actors)
    find("REJECT", trigger=lambda e: e.trigger[2] == "refused")
    strike = find("ASSAULT", modality="historical", time_value="2024-11")
    assert "Yuzhmash" in names(strike.targets)
    threat = find("THREATEN", modality="hypothetical")
    assert entities[threat.attributed_to].name == "Yuri Knutov"
    find("MOBILIZE", modality="planned")
