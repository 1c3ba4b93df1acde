"""Our tokenizer rules: punctuation glued to words (texts ours)."""

import pytest

from newsgraph.analyze import Analyzer
from newsgraph.model import Article


@pytest.mark.parametrize("text, tokens", [
    ("Khaled Belkacemi,60, of Quebec City", ["Khaled", "Belkacemi", ",", "60", ",", "of", "Quebec", "City"]),
    ("Sales rose to 1,200 units", ["Sales", "rose", "to", "1,200", "units"]),
])
def test_tokens_a_comma_glued_between_a_word_and_a_number_splits(nlp, text, tokens):
    assert [t.text for t in nlp(text)] == tokens


def test_tokens_an_age_glued_to_a_name_stays_out_of_the_name():
    text = ("Her father, Khaled Belkacemi,60, said the family was in shock. "
            "Belkacemi said he would return to the mosque.")
    record = Analyzer().analyze_one(Article(text=text, source="ours"))
    assert [e["name"] for e in record["entities"] if e["type"] == "PERSON"] == ["Khaled Belkacemi"]
    assert [q["speaker"]["name"] for q in record["quotes"]] == ["Khaled Belkacemi", "Khaled Belkacemi"]
