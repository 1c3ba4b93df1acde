"""Time expressions: type, value and mod for a publication date of 2025-04-02 (a Wednesday)."""

from __future__ import annotations

import json

import pytest

from newsgraph.analyze.timexes import extract_timexes, infer_published

pytestmark = pytest.mark.slow

PUB = "2025-04-02"
from paths import SEED_DIR as SEED


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
    # a present-tense verb governing a weekday speaks of the coming one; "be to" is an arrangement
    ("The two leaders meet Monday in Geneva.", "Monday", "DATE", "2025-04-07", None),
    ("Trading in the shares is to resume Thursday.", "Thursday", "DATE", "2025-04-03", None),
    ("The vote is scheduled for Friday.", "Friday", "DATE", "2025-04-04", None),
    # "and a half" as the next smaller unit
    ("The strike lasted two and a half years.", "two and a half years", "DURATION", "P2Y6M", None),
    ("Rescuers searched for an hour and a half.", "an hour and a half", "DURATION", "PT1H30M", None),
    # broadcast transcripts spell the year out after a month or a season
    ("Oil fell to twelve dollars in the winter of nineteen ninety-eight.", "the winter of nineteen ninety-eight",
     "DATE", "1998-WI", None),
    ("January nineteen ninety-seven. A bomb explodes in Atlanta.", "January nineteen ninety-seven", "DATE", "1997-01", None),
    # recurring weekdays and months are sets
    ("The ferry sails on Sundays.", "Sundays", "SET", "XXXX-WXX-7", None),
    ("The show airs Tuesday nights.", "Tuesday nights", "SET", "XXXX-WXX-2TNI", None),
    ("Pilgrims gather there each July.", "each July", "SET", "XXXX-07", None),
    ("The shares were up 2% at mid-afternoon yesterday.", "mid-afternoon yesterday", "TIME", "2025-04-01TAF", "MID"),
]


@pytest.mark.parametrize("text,surface,typ,value,mod", CASES)
def test_timexes_reads_type_value_and_mod(nlp, text, surface, typ, value, mod):
    found = {t.text: t for t in _find(nlp, text)}
    assert surface in found, f"{surface!r} not in {list(found)}"
    t = found[surface]
    assert (t.type, t.value, t.mod) == (typ, value, mod)


# (published, text, expected surface, type, value): the year a date without one falls in
TENSE_YEAR_CASES = [
    # the agreement is past; only its complement ("to buy") would be ahead
    ("2025-10-15", "The bank agreed in June to buy the insurer.", "June", "DATE", "2025-06"),
    # no tense, a month a few weeks ahead: the coming one, not ten months back
    ("2025-11-05", "The dividend is payable Jan. 15 to holders of record.", "Jan. 15", "DATE", "2026-01-15"),
    # a past verb that set up a state running on past the publication date
    ("2025-11-05", "Lenders have extended the credit line through February.", "February", "DATE", "2026-02"),
    # a reduced relative ("the record set on ...") reports a done deed
    ("2025-02-06", "The index ended within 70 points of the record set on Aug. 12.", "Aug. 12", "DATE", "2024-08-12"),
    # words before a weekday that put it ahead whatever the tense (publication on a Wednesday; our sentences)
    (PUB, "The delegation could arrive as early as Monday, officials said.", "Monday", "DATE", "2025-04-07"),
    (PUB, "The court postponed the hearing until Monday.", "Monday", "DATE", "2025-04-07"),
    (PUB, "The ministry has given the families until 9 a.m. Friday to leave.", "9 a.m. Friday", "TIME",
     "2025-04-04T09:00"),
    (PUB, "The talks will open at 10 a.m. Friday in Geneva.", "10 a.m. Friday", "TIME", "2025-04-04T10:00"),
    (PUB, "The blast shook the city at 4 a.m. Monday.", "4 a.m. Monday", "TIME", "2025-03-31T04:00"),
    # ... and a past deadline stays past
    (PUB, "The road stayed closed until Monday.", "Monday", "DATE", "2025-03-31"),
]


@pytest.mark.parametrize("published,text,surface,typ,value", TENSE_YEAR_CASES)
def test_timexes_place_dates_by_tense_and_signal(nlp, published, text, surface, typ, value):
    found = {t.text: t for t in _find(nlp, text, published)}
    assert surface in found, f"{surface!r} not in {list(found)}"
    assert (found[surface].type, found[surface].value) == (typ, value)


# (text, surface, value): anaphora count from the date the story last named, not from publication
ANAPHORA_CASES = [
    ("The plant closed on May 3, 2024. The next day, workers gathered outside the gates.", "The next day", "2024-05-04"),
    ("Police detained him on June 10, 2024, and released him two days later.", "two days later", "2024-06-12"),
    ("He was promoted to colonel in March 2019, and the following year he took command of the brigade.",
     "the following year", "2020"),
    ("Revenue rose to $5 million in the third quarter of 2024 from $4 million a year earlier.", "a year earlier", "2023-Q3"),
    ("The index closed at 2,100 on March 21, down 3% from the previous Friday.", "previous Friday", "2025-03-14"),
    # a comparison is no period to compare with: "year-earlier" after "last year" stays a year back from now
    ("Profit fell last year. The year-earlier results were restated.", "year-earlier", "2024"),
]


@pytest.mark.parametrize("text,surface,value", ANAPHORA_CASES)
def test_timexes_anchor_anaphora_to_the_narrated_date(nlp, text, surface, value):
    found = {t.text: t for t in _find(nlp, text)}
    assert surface in found, f"{surface!r} not in {list(found)}"
    assert (found[surface].type, found[surface].value) == ("DATE", value)


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
