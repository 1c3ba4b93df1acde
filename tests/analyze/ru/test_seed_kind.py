"""A Russian report of the seed's kind (ours: tests/fixtures/ru/) against the English seed.

The Russian report tells what the seed article tells; its quotes must come with the speakers
the English analysis gives the seed (the same canonical names), and the same amounts and dates.
"""

from __future__ import annotations

import json

import pytest

from paths import REPO, SEED_DIR

pytestmark = pytest.mark.slow

FIXTURE = REPO / "tests" / "fixtures" / "ru" / "ours-contingents-report.txt"


@pytest.fixture(scope="module")
def record(analyze_ru):
    return analyze_ru(FIXTURE.read_text(encoding="utf-8"), published="2025-04-02")


@pytest.fixture(scope="module")
def gold():
    return json.loads((SEED_DIR / "gold.json").read_text(encoding="utf-8"))


def _speakers(record):
    return [(q["speaker"] or {}).get("name") for q in record["quotes"]]


def test_seed_kind_speakers_have_the_canonical_names_of_the_english_seed(record, gold):
    english = {alias for q in gold["quotes"] for alias in q["speaker_aliases"]}
    named = [s for s in _speakers(record) if s]
    assert {"Volodymyr Zelensky", "Keir Starmer", "Annalena Baerbock", "Mikhail Podolyak", "Yuri Knutov",
            "United Kingdom"} <= set(named)
    assert set(named) - {"Ukraine"} <= english  # every speaker named is one the English gold names


@pytest.mark.parametrize("opening, speaker", [
    ("такие шаги предпринимаются", "Volodymyr Zelensky"),  # "По его словам"
    ("усилить давление на Россию", "Volodymyr Zelensky"),  # "Он также призвал"
    ("в ходе разговора была достигнута", "Keir Starmer"),  # "канцелярия Стармера"
    ("Необходимый импульс", "United Kingdom"),  # "заверил Лондон"
    ("Германия не оставит", "Annalena Baerbock"),
    ("выделить дополнительные", "Annalena Baerbock"),  # "Она пообещала"
    ("Но на этом фоне", "Yuri Knutov"),  # split around "– пояснил ... Юрий Кнутов, –"
    ("заявления лидеров ряда", "Yuri Knutov"),
    ("с учетом возникших рисков", "Yuri Knutov"),  # "По словам собеседника «НГ»"
    ("Применения «Орешника»", "Yuri Knutov"),
    ("следует активизировать", "Yuri Knutov"),  # "Эксперт также добавил"
    ("Но при поддержке", "Yuri Knutov"),  # "сказал аналитик"
])
def test_seed_kind_each_quote_has_its_speaker(record, opening, speaker):
    quote = next(q for q in record["quotes"] if q["text"].startswith(opening) or opening in q["text"][:40])
    assert quote["speaker"]["name"] == speaker


def test_seed_kind_entities_share_canonical_names_with_the_english_seed(record, gold):
    names = {e["name"] for e in record["entities"]}
    english = {e["canonical"] for e in gold["entities"]}
    assert {"Volodymyr Zelensky", "Keir Starmer", "Annalena Baerbock", "Kyiv", "Ukraine", "NATO", "Russia",
            "United Kingdom", "France", "Paris", "Yuri Knutov", "Nezavisimaya Gazeta", "Yuzhmash",
            "Ministry of Defense of Ukraine", "Armed Forces of Ukraine", "United States"} <= names & english


def test_seed_kind_amounts_and_dates(record, gold):
    money = {(q["amount"], q["unit"]) for q in record["quantities"] if q["kind"] == "money"}
    assert money == {(int(m["amount"]), m["currency"]) for m in gold["money"]}
    values = {t["value"] for t in record["timexes"]}
    assert {g["value"] for g in gold["timexes"]} <= values
