"""Russian quotations and their speakers (loads natasha)."""

from __future__ import annotations

import pytest

from newsgraph.analyze.ru.marks import quotations

pytestmark = pytest.mark.slow


@pytest.mark.parametrize("text, expected", [
    ("Он сказал: «Это „Орешник“ и всё». Потом «Яблоко».", ["«Это „Орешник“ и всё»", "«Яблоко»"]),
    ("«Применения «Орешника» недостаточно», – заявил он.", ["«Применения «Орешника» недостаточно»"]),
    ("«Применения «Орешника» недостаточно. Точно», – заявил он.", ["«Применения «Орешника» недостаточно. Точно»"]),
    ('"Да", сказал он', ['"Да"']),
    ("a «b\nc» d", []),
])
def test_quotes_marks_nested_merged_and_straight(text, expected):
    assert [text[s:e] for s, e in quotations(text)] == expected


def _quotes(record):
    return [(q["kind"], q["text"], (q["speaker"] or {}).get("name"), q["cue"] and q["cue"]["text"], q["part_of"])
            for q in record["quotes"]]


def test_quotes_split_quotation_gives_two_parts_of_one_quotation(analyze_ru):
    record = analyze_ru("Об этом рассказал военный эксперт Юрий Кнутов.\n"
                        "«Применения «Орешника» против украинских объектов будет недостаточно, – пояснил Кнутов, "
                        "– удар не произвёл должного впечатления на западных союзников Киева».")
    quotes = _quotes(record)
    assert [q[0] for q in quotes] == ["direct", "direct"]
    assert quotes[0][1].startswith("Применения «Орешника»") and quotes[1][1].startswith("удар не произвёл")
    assert {q[2] for q in quotes} == {"Yuri Knutov"} and quotes[1][4] == 0
    assert quotes[0][3] == "пояснил"


def test_quotes_guillemets_split_around_the_attribution(analyze_ru):
    record = analyze_ru("«Германия не оставит народ Украины одного», – заявила Анналена Бербок. "
                        "«Мы выделим ещё три миллиарда евро», – добавила она.")
    quotes = _quotes(record)
    assert [(q[0], q[2]) for q in quotes] == [("direct", "Annalena Baerbock"), ("direct", "Annalena Baerbock")]


@pytest.mark.parametrize("text, content, speaker, cue, attribution", [
    ("Песков заявил, что Кремль готов к переговорам.", "Кремль готов к переговорам", "Dmitry Peskov", "заявил", "speech"),
    ("По словам Кнутова, Москва должна предупредить Запад.", "Москва должна предупредить Запад",
     "Knutov", "По словам", "speech"),
    ("Зеленский призвал усилить давление на Россию.", "усилить давление на Россию", "Volodymyr Zelensky",
     "призвал", "speech"),
    ("Подоляк подчеркнул необходимость совместных усилий.", "необходимость совместных усилий",
     "Mikhail Podolyak", "подчеркнул", "speech"),
    ("Как сообщает ТАСС, переговоры пройдут в Женеве.", "переговоры пройдут в Женеве", "TASS", "Как сообщает",
     "speech"),
    ("Эксперт считает, что конфликт затянется.", "конфликт затянется", None, "считает", "belief"),
])
def test_quotes_indirect_speech_and_sources(analyze_ru, text, content, speaker, cue, attribution):
    record = analyze_ru(text)
    quote = record["quotes"][0]
    assert (quote["kind"], quote["text"], quote["cue"]["text"], quote["attribution"]) == ("indirect", content, cue,
                                                                                         attribution)
    assert (quote["speaker"] or {}).get("name") == speaker


def test_quotes_pronoun_and_role_noun_speakers(analyze_ru):
    record = analyze_ru("Военный эксперт Юрий Кнутов заявил, что ситуация тревожная. "
                        "По его словам, Москве придётся предупредить Запад. "
                        "Эксперт также добавил, что усилия нужно активизировать.")
    assert [(q["speaker"] or {}).get("name") for q in record["quotes"]] == ["Yuri Knutov"] * 3


def test_quotes_dash_speech_line(analyze_ru):
    record = analyze_ru("Министр ответил на вопросы журналистов.\n– Мы готовы к переговорам, – сказал Сергей Лавров.")
    quote = record["quotes"][0]
    assert (quote["kind"], quote["text"], quote["speaker"]["name"]) == ("direct", "Мы готовы к переговорам",
                                                                       "Sergey Lavrov")


def test_quotes_titles_and_scare_quotes_are_no_quotes(analyze_ru):
    record = analyze_ru("Участники акции «День гнева» собрались у здания «Газпрома».")
    assert record["quotes"] == []
