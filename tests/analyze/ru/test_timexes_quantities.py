"""Russian time expressions (TIMEX3, anchored to the publication date) and amounts."""

from __future__ import annotations

import pytest

from newsgraph.analyze.ru.quantities import extract_quantities
from newsgraph.analyze.ru.timexes import extract_timexes

pytestmark = pytest.mark.slow


@pytest.mark.parametrize("text, words, value", [
    ("Министр прибыл в Киев во вторник.", "во вторник", "2025-04-01"),
    ("В среду министр проведёт встречу.", "В среду", "2025-04-02"),
    ("Накануне стороны договорились.", "Накануне", "2025-04-01"),
    ("Саммит прошёл 27 марта.", "27 марта", "2025-03-27"),
    ("Саммит прошёл 27 марта 2024 года.", "27 марта 2024 года", "2024-03-27"),
    ("Встреча прошла на прошлой неделе.", "на прошлой неделе", "2025-W13"),
    ("Встреча пройдёт в ближайшие дни.", "в ближайшие дни", "FUTURE_REF"),
    ("Помощь рассчитана до 2029 года.", "до 2029 года", "2029"),
    ("Спутники появятся к 2030 году.", "к 2030 году", "2030"),
    ("Удар был нанесён в ноябре 2024 года.", "в ноябре 2024 года", "2024-11"),
    ("Об этом сообщили на днях.", "на днях", "PAST_REF"),
    ("Вчера вечером стало известно.", "Вчера", "2025-04-01"),
])
def test_timexes_values_anchored_to_publication(ru_nlp, text, words, value):
    found = [(t.text, t.value) for t in extract_timexes(ru_nlp(text), "2025-04-02")]
    assert (words, value) in found


def test_timexes_without_a_publication_date_leave_the_year_open(ru_nlp):
    found = [(t.text, t.value) for t in extract_timexes(ru_nlp("Саммит прошёл 27 марта, а накануне шли споры."), None)]
    assert found == [("27 марта", "XXXX-03-27")]


@pytest.mark.parametrize("text, amount, unit", [
    ("Берлин выделит 3 млрд евро.", 3_000_000_000, "EUR"),
    ("Помощь составит 8,25 млрд евро.", 8_250_000_000, "EUR"),
    ("США потратят три миллиарда долларов.", 3_000_000_000, "USD"),
    ("Сбор составил $5 млн.", 5_000_000, "USD"),
    ("Штраф – 100 тыс. рублей.", 100_000, "RUB"),
    ("Бюджет – 1 500 000 гривен.", 1_500_000, "UAH"),
])
def test_quantities_money(ru_nlp, text, amount, unit):
    (q,) = [q for q in extract_quantities(ru_nlp(text)) if q.kind == "money"]
    assert (q.amount, q.unit) == (amount, unit)


def test_quantities_percent_and_no_money_in_years(ru_nlp):
    found = extract_quantities(ru_nlp("В 2025 году рост составил 5%, а инфляция – 12 процентов."))
    assert [(q.kind, q.amount) for q in found] == [("percent", 5), ("percent", 12)]
