"""Quantities: money with ISO 4217 codes, percentages, counts and measures."""

from __future__ import annotations

import pytest

from newsgraph.analyze.quantities import extract_quantities

pytestmark = pytest.mark.slow


@pytest.mark.parametrize("text,surface,kind,amount,unit", [
    ("She promised an additional 3 billion euros.", "3 billion euros", "money", 3e9, "EUR"),
    ("Another 8.25 billion euros will follow.", "8.25 billion euros", "money", 8.25e9, "EUR"),
    ("The fund holds $1.2bn.", "$1.2bn", "money", 1.2e9, "USD"),
    ("It cost £300m.", "£300m", "money", 3e8, "GBP"),
    ("A grant of €5 million was approved.", "€5 million", "money", 5e6, "EUR"),
    ("Japan pledged 1.5 trillion yen.", "1.5 trillion yen", "money", 1.5e12, "JPY"),
    ("The fine was 20,000 rubles.", "20,000 rubles", "money", 2e4, "RUB"),
    ("The project needs $5-10 million.", "$5-10 million", "money", 5e6, "USD"),  # a range keeps its lower bound
    ("The bank lent EUR 5 million.", "EUR 5 million", "money", 5e6, "EUR"),
    ("Inflation reached 12.5% in March.", "12.5%", "percent", 12.5, "%"),
    ("Support fell 3 percentage points.", "3 percentage points", "percent", 3, "percentage point"),
    ("They will deploy 1,500 troops.", "1,500 troops", "count", 1500, "troops"),
    ("Russia launched two dozen drones.", "two dozen drones", "count", 24, "drones"),
    ("Some 1.5 million people fled.", "1.5 million people", "count", 1.5e6, "people"),
    ("The convoy drove 300 km.", "300 km", "measure", 300, "km"),
])
def test_quantities_reads_amount_and_unit(nlp, text, surface, kind, amount, unit):
    found = {q.text: q for q in extract_quantities(nlp(text))}
    assert surface in found, f"{surface!r} not in {list(found)}"
    q = found[surface]
    assert (q.kind, q.amount, q.unit) == (kind, pytest.approx(amount), unit)


@pytest.mark.parametrize("text", [
    "She promised 8.25 billion euros in short– and long-term (until 2029) military assistance.",
    "The 2024 election was close.",
    "The war has lasted three years.",
])
def test_quantities_skip_years_and_durations(nlp, text):
    assert [q for q in extract_quantities(nlp(text)) if q.kind != "money"] == []


def test_quantities_offsets_match_the_text(nlp):
    text = "Germany gives 3 billion euros, $1.2bn and 1,500 troops, a 12% rise."
    for q in extract_quantities(nlp(text)):
        assert text[q.start:q.end] == q.text
