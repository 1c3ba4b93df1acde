"""Who a Russian quote's speaker is (loads natasha). Every sentence here is ours."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.slow


def _speakers(record) -> list[str | None]:
    return [(q["speaker"] or {}).get("name") for q in record["quotes"]]


# ours
@pytest.mark.parametrize("text", [
    "Министр иностранных дел Сергей Лавров прибыл в Анкару. Врачи, лечащие пострадавших, говорят, что "
    "опасность миновала. Вместе с тем, они предупреждают, что состояние тяжёлое.",
    "Губернатор Иван Петров встретился с жителями. Эксперты не исключают, что цены вырастут.",
])
def test_speakers_a_plural_speaker_is_never_one_person(analyze_ru, text):
    assert _speakers(analyze_ru(text))[-1] is None


# ours
@pytest.mark.parametrize("text, speaker", [
    ("По словам главы Минфина Антона Силуанова, бюджет будет исполнен.", "Anton Siluanov"),
    ("Председатель КНР Си Цзиньпин, а также британский премьер Кир Стармер заявили, что переговоры важны.",
     "Xi Jinping"),
    ("Согласно последнему рейтингу ФИДЕ, Карлсен имеет наивысший рейтинг.", None),
    ("Экс-председатель парламента Иван Петров, покинувший страну год назад, рассказал о том, как можно "
     "избежать кризиса.", "Ivan Petrov"),  # a subject is nominative, though tagged a genitive adjective
])
def test_speakers_the_person_named_in_the_phrase_in_its_case_up_to_a_new_clause(analyze_ru, text, speaker):
    assert _speakers(analyze_ru(text)) == [speaker]


# ours
@pytest.mark.parametrize("text, speaker", [
    ("Помощник Хиллари Клинтон по европейским делам, посетивший Белград, заявил, что дверь для Сербии открыта.",
     None),
    ("Глава МИД Германии Анналена Бербок прибыла в Киев. Её встретил Дмитрий Кулеба, который заявил, что "
     "помощь нужна. Министр заявила, что Германия поможет.", "Annalena Baerbock"),
])
def test_speakers_agree_in_gender_with_the_past_tense_verb(analyze_ru, text, speaker):
    assert _speakers(analyze_ru(text))[-1] == speaker


# ours
@pytest.mark.parametrize("text, speaker", [
    ("Еврокомиссия выступила против сделки, заявив, что она навредит рынку.", "European Commission"),
    ("Раиса Иванова ещё не приняла решения, хотя заявляла о выходе из состава жюри.", "Raisa Ivanova"),
    ("На заседании кабинета Нетаньяху заявил, что Иерусалим неделим.", "Benjamin Netanyahu"),
    ("Её встретил Дмитрий Кулеба, который заявил, что помощь нужна.", "Dmytro Kuleba"),
])
def test_speakers_subject_of_a_gerund_a_subordinate_or_relative_clause_and_a_name_before(analyze_ru, text,
                                                                                          speaker):
    assert _speakers(analyze_ru(text)) == [speaker]


# ours
@pytest.mark.parametrize("text, speaker", [
    ("Министр финансов Питер Данн выступил в парламенте. По словам Данна, налоги снизятся.", "Piter Dann"),
    ("Сотрудник завода Марк рассказал о забастовке. Согласно Марку, рабочие захватили завод.", "Mark"),
    ("Министр Иван Иванов прибыл в Омск. По словам Иванова, город растёт.", "Ivan Ivanov"),
])
def test_speakers_a_foreign_name_in_another_case_is_the_person_named_before(analyze_ru, text, speaker):
    assert _speakers(analyze_ru(text))[-1] == speaker


# ours
@pytest.mark.parametrize("text, speaker", [
    ("Архитектор Алексей Клименко называет реконструкцию театра ошибкой: «Я убежден, что театр ждёт судьба "
     "Царицына», сообщает Лента.ру.", "Alexei Klimenko"),
    ("«Мы не ставим точку в отношениях», — цитирует министра Ивана Петрова агентство ТАСС.", "Ivan Petrov"),
    ("«Мы не ставим точку в отношениях», — цитирует ТАСС министра Ивана Петрова.", "Ivan Petrov"),
])
def test_speakers_an_outlet_relaying_or_quoting_is_not_the_speaker(analyze_ru, text, speaker):
    quote = next(q for q in analyze_ru(text)["quotes"] if q["kind"] == "direct")
    assert (quote["speaker"] or {}).get("name") == speaker


# ours
@pytest.mark.parametrize("text, speaker_text, speaker", [
    ("Как пояснили в милиции, задержанных отпустили.", "в милиции", None),
    ("В российском министерстве финансов утверждают, что кредит не предоставлялся.",
     "В российском министерстве финансов", None),
    ("В Кремле заявили, что переговоры продолжатся.", "В Кремле", "Kremlin"),
    ("В министерстве уверены, что тарифы снизятся.", "В министерстве", None),  # a short adjective
])
def test_speakers_an_institution_a_plural_verb_is_said_in(analyze_ru, text, speaker_text, speaker):
    quote = analyze_ru(text)["quotes"][0]
    assert (quote["speaker"]["text"], quote["speaker"]["name"]) == (speaker_text, speaker)


# ours
@pytest.mark.parametrize("text, speaker", [
    ("Министр Иван Петров заявил, что бюджет исполнен. Также отметил, что налоги не вырастут.", "Ivan Petrov"),
    ("Министр Анна Петрова заявила, что бюджет исполнен. «Налоги не вырастут», – добавила.", "Anna Petrova"),
    ("Министр Иван Петров заявил, что бюджет исполнен. Министр Анна Петрова выступила позже. Также отметил, "
     "что налоги не вырастут.", "Ivan Petrov"),  # the verb's gender picks him, not the nearer woman
])
def test_speakers_a_dropped_subject_is_read_as_a_pronoun_of_the_verbs_gender(analyze_ru, text, speaker):
    assert _speakers(analyze_ru(text))[-1] == speaker


# ours
@pytest.mark.parametrize("text, content", [
    ("Руководство движения «Талибан» сообщило, что войска уходят.", "войска уходят"),
    ("Станция ГУП «Водоканал» утверждает, что рыба не погибла.", "рыба не погибла"),
])
def test_quotes_a_name_in_marks_before_its_verb_is_no_quotation(analyze_ru, text, content):
    assert [(q["kind"], q["text"]) for q in analyze_ru(text)["quotes"]] == [("indirect", content)]
