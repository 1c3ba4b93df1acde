"""Russian event triggers that name no act in some uses, and genitives that are no actor or target
(loads natasha). Every sentence here is ours."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.slow


def _events(record) -> list[tuple[str, str, list[str], list[str], str]]:
    def name(p):
        return names[p] if isinstance(p, str) else p["text"]

    names = {e["id"]: e["name"] for e in record["entities"]}
    return [(e["type"], e["trigger"]["text"], [name(a) for a in e["actors"]], [name(t) for t in e["targets"]],
             e["modality"]) for e in record["events"]]


# ours
@pytest.mark.parametrize("text, trigger", [
    ("Газпром пообещал ограничить поставки газа в соседнюю республику.", "поставки"),
    ("Точку в споре поставят министры двух стран.", "поставят"),
    ("Белоруссия не доплатила за уже поставленное топливо.", "поставленное"),
    ("Это решение нанесло ущерб репутации страны.", "нанесло"),
    ("Мир может быть достигнут только путем переговоров, а не путем односторонних акций.", "акций"),
    ("«Удар был мощным», – пояснил в беседе с «Известиями» военный эксперт Иван Петров.", "беседе"),
    ("Власти рассматривают возможность применения в России техрегламентов Евросоюза.", "применения"),
    ("Журналисты работают под угрозой арестов.", "угрозой"),
    ("Вечером министр провёл беседу с журналистами.", "беседу"),
    ("С помощью новых технологий возможна выработка энергии.", "помощью"),
    ("Правительство направило в районы сотрудников Красного Креста.", "направило"),
    ("Депутаты направили письмо премьеру.", "направили"),
    ("Это оружие представляет угрозу для всего региона.", "угрозу"),
])
def test_event_senses_uses_that_name_no_act(analyze_ru, text, trigger):
    assert [e for e in _events(analyze_ru(text)) if e[1] == trigger] == []


# ours
@pytest.mark.parametrize("text, trigger, type_", [
    ("Германия пообещала поставки оружия Украине.", "поставки", "AID"),
    ("Германия выделит Украине 3 млрд евро.", "выделит", "AID"),
    ("Армия нанесла удар по складу.", "нанесла", "ASSAULT"),
    ("В центре города прошла акция протеста.", "акция", "PROTEST"),
    ("Армия продолжает применение силы против демонстрантов.", "применение", "ASSAULT"),
    ("Министр провёл беседу с послом Франции.", "беседу", "CONSULT"),
    ("Киев восстановил мост с помощью США.", "помощью", "AID"),
    ("Франция направит свои контингенты на Украину.", "направит", "MOBILIZE"),
    ("Министр назвал это прямой угрозой Европе.", "угрозой", "THREATEN"),
])
def test_event_senses_uses_that_name_the_act(analyze_ru, text, trigger, type_):
    assert [e[0] for e in _events(analyze_ru(text)) if e[1] == trigger] == [type_]


# ours
@pytest.mark.parametrize("text, trigger, actors, targets", [
    ("Москва предупредила о применении оружия по базам НАТО.", "применении", [], ["базам НАТО"]),
    ("Войска готовятся к размещению иностранных контингентов на границе.", "размещению", ["Войска"], []),
    ("При поддержке союзников Киев запустит спутники.", "поддержке", ["союзников"], []),
    ("Полиция разогнала участников демонстраций протеста.", "демонстраций", [], []),
])
def test_event_senses_genitives_that_are_neither_actor_nor_target_or_that_back(analyze_ru, text, trigger, actors,
                                                                              targets):
    event = next(e for e in _events(analyze_ru(text)) if e[1] == trigger)
    assert (event[2], event[3]) == (actors, targets)


# ours
def test_event_senses_protesters_who_must_not_retreat_are_no_negated_protest(analyze_ru):
    events = _events(analyze_ru("Лидер оппозиции заявила, что протестующие не должны отступать."))
    assert [e[4] for e in events if e[1] == "протестующие"] == ["claimed"]  # her words, not negated


# ours
def test_event_senses_called_to_an_act_is_no_target_but_an_appeal_to_a_person_is(analyze_ru):
    events = _events(analyze_ru("Премьер призывает граждан к возрождению страны. Депутаты приняли обращение к "
                                "премьеру."))
    assert [(e[1], e[3]) for e in events if e[0] == "REQUEST"] == [("призывает", ["граждан"]),
                                                                   ("обращение", ["премьеру"])]
