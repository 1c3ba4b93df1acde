"""The Russian evaluations' scoring rules, on records built by hand (no model)."""

from __future__ import annotations

from newsgraph.evaluate import factrueval, ruquotes


def test_factrueval_record_types_map_to_per_org_loc():
    record = {"entities": [
        {"id": "e1", "name": "Russia", "type": "GPE", "mentions": [{"start": 0, "end": 6, "text": "Москва", "role": "state"}]},
        {"id": "e2", "name": "Yuri Knutov", "type": "PERSON", "mentions": [{"start": 10, "end": 16, "text": "Кнутов"}]},
        {"id": "e3", "name": "NATO", "type": "ORG", "mentions": [{"start": 20, "end": 24, "text": "НАТО"}]},
        {"id": "e4", "name": "войска", "type": "NOMINAL", "mentions": [{"start": 30, "end": 36, "text": "войска"}]},
    ]}
    assert factrueval.predicted(record) == {(0, 6, "LOC"), (10, 16, "PER"), (20, 24, "ORG")}


def test_ruquotes_match_is_one_to_one_on_half_the_longer_word_set():
    gold = [{"text": "Германия не оставит народ Украины одного"}, {"text": "мы выделим три миллиарда"}]
    predicted = [{"text": "Германия не оставит народ Украины"}, {"text": "совсем другое"}]
    assert ruquotes.match(predicted, gold) == [(0, 0)]


def test_ruquotes_speaker_is_right_by_a_five_letter_stem_of_its_entity_names():
    record = {"entities": [{"id": "e1", "name": "Yuri Knutov", "type": "PERSON", "native": "Юрий Кнутов",
                            "mentions": [{"start": 0, "end": 6, "text": "Кнутов"}]}]}
    quote = {"speaker": {"text": "эксперт", "entity": "e1", "name": "Yuri Knutov"}}
    assert "кнуто" in ruquotes.speaker_words(quote, record)
    assert "кнуто" not in ruquotes.speaker_words({"speaker": {"text": "эксперт", "entity": None}}, record)
