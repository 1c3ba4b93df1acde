"""Calendar arithmetic behind TIMEX3 values (no model needed)."""

from __future__ import annotations

from datetime import date

import pytest

from newsgraph.analyze.timexes import _calendar as cal
from newsgraph.analyze.timexes._grammar import lexicon

REF = date(2025, 4, 2)  # a Wednesday


@pytest.mark.parametrize("unit,n,expected", [
    ("D", -1, "2025-04-01"), ("W", -1, "2025-W13"), ("M", -1, "2025-03"), ("M", -4, "2024-12"),
    ("Q", -1, "2025-Q1"), ("Y", 1, "2026"), ("DE", -1, "201"), ("TH", 1, None),
])
def test_timex_calendar_shift(unit, n, expected):
    assert cal.shift(REF, unit, n) == expected


@pytest.mark.parametrize("weekday,direction,expected", [
    (2, -1, date(2025, 4, 1)), (2, 1, date(2025, 4, 8)), (3, -1, REF), (5, -1, date(2025, 3, 28)), (5, 1, date(2025, 4, 4)),
])
def test_timex_calendar_weekday_near(weekday, direction, expected):
    assert cal.weekday_near(REF, weekday, direction) == expected


@pytest.mark.parametrize("month,direction,expected", [(4, -1, 2024), (4, 1, 2026), (3, 0, 2025), (11, -1, 2024), (5, 1, 2025)])
def test_timex_calendar_closest_year(month, direction, expected):
    assert cal.closest_year(REF, month, None, direction) == expected


@pytest.mark.parametrize("value,expected", [("2025-04-02", REF), ("2025-04-02T10:00", REF), ("2025-13-01", None), (None, None)])
def test_timex_calendar_parse_iso(value, expected):
    assert cal.parse_iso(value) == expected


@pytest.mark.parametrize("phrase,expected", [
    ("three", "3"), ("1,500", "1500"), ("twenty-five", "25"), ("several", "X"), ("a", "1"), ("a dozen", "12"), ("48", "48"),
])
def test_timex_lexicon_numbers(phrase, expected):
    assert lexicon().number_of(phrase) == expected


def test_timex_anchor_keeps_publication_reading_without_a_narrated_date():
    from newsgraph.analyze.timexes._anchor import reanchor
    from newsgraph.analyze.types import TimexRecord

    alone = [TimexRecord(0, 12, "the next day", "DATE", "2025-04-03")]
    assert reanchor(alone, [0]) == alone


def test_timex_anchor_year_comparison_looks_back_one_sentence_only():
    from newsgraph.analyze.timexes._anchor import reanchor
    from newsgraph.analyze.types import TimexRecord

    # "Sales rose in the third quarter. [...] Costs were up from a year earlier." three sentences apart
    records = [TimexRecord(17, 34, "the third quarter", "DATE", "2025-Q3"),
               TimexRecord(90, 104, "a year earlier", "DATE", "2024")]
    assert reanchor(records, [0, 36, 60, 80])[1].value == "2024"
    assert reanchor(records, [0, 80])[1].value == "2024-Q3"
