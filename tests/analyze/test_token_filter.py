from newsgraph.analyze.token_filter import tokens_with


def test_tokens_with_a_dependency_or_a_part_of_speech(nlp):
    doc = nlp("Two soldiers and 300 villagers left the town, officials said.")
    assert [t.text for t in tokens_with(doc, "DEP", ("nummod",))] == [t.text for t in doc if t.dep_ == "nummod"]
    assert [t.i for t in tokens_with(doc, "POS", ("VERB", "NOUN"))] == [t.i for t in doc if t.pos_ in ("VERB", "NOUN")]
    assert tokens_with(doc, "DEP", ("no such label",)) == []
