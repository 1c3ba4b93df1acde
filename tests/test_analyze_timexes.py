"""Time expressions: type, value and mod for a publication date of 2025-04-02 (a Wednesday)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from newsgraph.analyze.timexes import extract_timexes, infer_published

pytestmark = pytest.mark.slow

PUB = "2025-04-02"
SEED = Path(__file__).resolve().parents[2] / "shared" / "seed"


@pytest.fixture(scope="module")
def nlp():
    from newsgraph.analyze import load_nlp

    return load_nlp()


def _find(nlp, text, published=PUB):
    return extract_timexes(nlp(text), published)


CASES = [
    # (text, expected surface, type, value, mod)
    ("The summit was held on March 27.", "March 27", "DATE", "2025-03-27", None),
    ("The attack happened in November 2024.", "November 2024", "DATE", "2024-11", None),
    ("Ukraine plans to acquire them by 2030.", "2030", "DATE", "2030", None),
    ("Aid will flow until 2029.", "2029", "DATE", "2029", None),
    ("They spoke the day before, officials said.", "the day before", "DATE", "2025-04-01", None),
    ("Yesterday the talks ended.", "Yesterday", "DATE", "2025-04-01", None),
    ("The talks resume tomorrow.", "tomorrow", "DATE", "2025-04-03", None),
    ("The summit in Paris last week set the tone.", "last week", "DATE", "2025-W13", None),
    ("Prices rose last month.", "last month", "DATE", "2025-03", None),
    ("Growth slowed last year.", "last year", "DATE", "2024", None),
    ("She said during her visit to Kyiv on Tuesday that aid would come.", "Tuesday", "DATE", "2025-04-01", None),
    ("He will visit Kyiv on Friday.", "Friday", "DATE", "2025-04-04", None),
    ("He visited Kyiv on Friday.", "Friday", "DATE", "2025-03-28", None),
    ("They met on Tuesday morning.", "Tuesday morning", "TIME", "2025-04-01TMO", None),
    ("A meeting will be held in the coming days.", "the coming days", "DATE", "FUTURE_REF", None),
    ("He spoke on television the other day.", "the other day", "DATE", "PAST_REF", None),
    ("The army is now stronger.", "now", "DATE", "PRESENT_REF", None),
    ("Troops are currently deployed.", "currently", "DATE", "PRESENT_REF", None),
    ("Officials recently met.", "recently", "DATE", "PAST_REF", None),
    ("The war has lasted more than three years.", "more than three years", "DURATION", "P3Y", "MORE_THAN"),
    ("Talks are expected in early March.", "early March", "DATE", "2025-03", "START"),
    ("They were held for 48 hours.", "48 hours", "DURATION", "PT48H", None),
    ("The siege lasted three years.", "three years", "DURATION", "P3Y", None),
    ("The council meets every week.", "every week", "SET", "P1W", None),
    ("The paper appears daily.", "daily", "SET", "P1D", None),
    ("Profits fell in the third quarter.", "the third quarter", "DATE", "2025-Q3", None),
    ("Profits fell in the first quarter of 2024.", "the first quarter of 2024", "DATE", "2024-Q1", None),
    ("Revenue rose in fiscal 2023.", "fiscal 2023", "DATE", "2023", None),
    ("Fighting resumed last summer.", "last summer", "DATE", "2024-SU", None),
    ("Fighting resumed in the summer of 2023.", "summer of 2023", "DATE", "2023-SU", None),
    ("The region was calm in the 1990s.", "the 1990s", "DATE", "199", None),
    ("Two weeks ago the border closed.", "Two weeks ago", "DATE", "2025-W12", None),
    ("The blast came at 10:35 a.m. local time.", "10:35 a.m. local time", "TIME", "2025-04-02T10:35", None),
    ("Elections are due in the spring of 2026.", "spring of 2026", "DATE", "2026-SP", None),
]


@pytest.mark.parametrize("text,surface,typ,value,mod", CASES)
def test_timexes_reads_type_value_and_mod(nlp, text, surface, typ, value, mod):
    found = {t.text: t for t in _find(nlp, text)}
    assert surface in found, f"{surface!r} not in {list(found)}"
    t = found[surface]
    assert (t.type, t.value, t.mod) == (typ, value, mod)


@pytest.mark.parametrize("text", [
    "He may come.",
    "Prices fall when demand drops.",
    "They deployed 1,500 troops.",
    "Soldiers march through the city.",
    "Shares rose 12% to $5 a share.",
])
def test_timexes_ignores_lookalikes(nlp, text):
    assert [t.text for t in _find(nlp, text) if t.text.lower() in ("may", "fall", "2029", "march", "12", "5")] == []


def test_timexes_extent_leaves_out_the_preposition(nlp):
    (t,) = _find(nlp, "She arrived in Kyiv on Tuesday.")
    assert t.text == "Tuesday"


def test_timexes_without_publication_date_mark_unknown_parts(nlp):
    values = {t.text: t.value for t in _find(nlp, "The summit on March 27 followed talks on Friday.", None)}
    assert values == {"March 27": "XXXX-03-27", "Friday": "XXXX-WXX-5"}


def test_timexes_offsets_match_the_text(nlp):
    text = "On March 27, 2025, and again last week, they met for two hours."
    for t in _find(nlp, text):
        assert text[t.start:t.end] == t.text


@pytest.mark.parametrize("text,expected", [
    ("WASHINGTON, March 3, 2016 (AP) — The Senate voted.", "2016-03-03"),
    ("Published: 12 January 2024\nThe minister spoke.", "2024-01-12"),
    ("Updated on 2023-05-07. Talks continued.", "2023-05-07"),
    ("The summit on March 27 was a success.", None),
    ("Talks that began on 4 May 2021 will continue, the minister said in a long statement.", None),
])
def test_timexes_infer_published_from_datelines_only(nlp, text, expected):
    assert infer_published(nlp(text)) == expected


@pytest.mark.skipif(not (SEED / "gold.json").exists(), reason="seed article not available")
def test_timexes_seed_values(nlp):
    gold = json.loads((SEED / "gold.json").read_text(encoding="utf-8"))
    text = (SEED / "article.txt").read_text(encoding="utf-8")
    found = _find(nlp, text, gold["publication_date"])
    for g in gold["timexes"]:
        start, end = g["span"]
        values = [t.value for t in found if t.start < end and start < t.end]
        assert g["value"] in values, (g["text"], values)
