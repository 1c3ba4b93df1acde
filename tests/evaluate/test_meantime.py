"""The MEANTIME scorer on a hand-made gold document and a fake analyzer (no spaCy model)."""

from __future__ import annotations

import pytest

from newsgraph.errors import ConfigError
from newsgraph.evaluate import meantime

# Our own tiny document in MEANTIME's XML layout: title, dateline, one sentence.
GOLD_XML = """<?xml version="1.0" ?><Document doc_id="1" doc_name="t" lang="en">
<token number="0" sentence="0" t_id="1">Boeing</token>
<token number="1" sentence="0" t_id="2">wins</token>
<token number="2" sentence="1" t_id="3">May</token>
<token number="3" sentence="1" t_id="4">1</token>
<token number="4" sentence="2" t_id="5">United</token>
<token number="5" sentence="2" t_id="6">States</token>
<token number="6" sentence="2" t_id="7">airframer</token>
<token number="7" sentence="2" t_id="8">Boeing</token>
<token number="8" sentence="2" t_id="9">told</token>
<token number="9" sentence="2" t_id="10">the</token>
<token number="10" sentence="2" t_id="11">US</token>
<token number="11" sentence="2" t_id="12">,</token>
<token number="12" sentence="2" t_id="13">its</token>
<token number="13" sentence="2" t_id="14">client</token>
<token number="14" sentence="2" t_id="15">.</token>
<Markables>
<ENTITY_MENTION comment="" head="" m_id="1" syntactic_type="NAM"><token_anchor t_id="1"/></ENTITY_MENTION>
<ENTITY_MENTION comment="" head="" m_id="2" syntactic_type="NAM">
<token_anchor t_id="5"/><token_anchor t_id="6"/><token_anchor t_id="7"/><token_anchor t_id="8"/></ENTITY_MENTION>
<ENTITY_MENTION m_id="3"><token_anchor t_id="10"/><token_anchor t_id="11"/></ENTITY_MENTION>
<ENTITY_MENTION comment="" head="" m_id="4" syntactic_type="PRO"><token_anchor t_id="13"/></ENTITY_MENTION>
<ENTITY_MENTION comment="" head="" m_id="5" syntactic_type="NOM">
<token_anchor t_id="13"/><token_anchor t_id="14"/></ENTITY_MENTION>
<ENTITY TAG_DESCRIPTOR="Boeing" ent_type="ORG" instance_id="ORG1" m_id="10"/>
<ENTITY TAG_DESCRIPTOR="US" ent_type="LOC" instance_id="LOC1" m_id="11"/>
</Markables>
<Relations>
<REFERS_TO r_id="1"><source m_id="1"/><target m_id="10"/></REFERS_TO>
<REFERS_TO r_id="2"><source m_id="2"/><target m_id="10"/></REFERS_TO>
<REFERS_TO r_id="3"><source m_id="3"/><target m_id="11"/></REFERS_TO>
</Relations>
</Document>
"""
TEXT = "Boeing wins\nMay 1\nUnited States airframer Boeing told the US, its client."


@pytest.fixture()
def data_dir(tmp_path):
    folder = tmp_path / "meantime" / "corpus_test"
    folder.mkdir(parents=True)
    (folder / "t.xml").write_text(GOLD_XML, encoding="utf-8")
    return tmp_path


class FakeAnalyzer:
    """Returns records whose entity mentions are given by (surface, occurrence, type)."""

    def __init__(self, mentions):
        self.mentions = mentions

    def analyze(self, articles):
        for article in articles:
            ents = []
            for surface, occurrence, type_ in self.mentions:
                start = -1
                for _ in range(occurrence + 1):
                    start = article.text.index(surface, start + 1)
                ents.append({"name": surface, "type": type_,
                             "mentions": [{"start": start, "end": start + len(surface), "text": surface}]})
            yield article, {"document": {"text": article.text}, "entities": ents}


def test_evaluate_meantime_rebuilds_text_with_token_offsets():
    text, offsets = meantime.rebuild_text([("Boeing", 0), ("wins", 0), ("May", 1), ("1", 1), ("The", 2),
                                           ("US", 2), (",", 2), ("it", 2), ("'s", 2), (".", 2)])
    assert text == "Boeing wins\nMay 1\nThe US, it's."
    assert [text[s:e] for s, e in offsets] == ["Boeing", "wins", "May", "1", "The", "US", ",", "it", "'s", "."]


def test_evaluate_meantime_reads_named_mentions_heads_and_types(data_dir):
    doc = meantime.read_document(data_dir / "meantime" / "corpus_test" / "t.xml")
    assert doc.text == TEXT
    named = [(doc.text[m.start:m.end], doc.text[m.head[0]:m.head[1]], m.type) for m in doc.mentions if m.named]
    # the untyped cross-document mention "the US" counts as named: its head is a capitalised word
    assert named == [("Boeing", "Boeing", "ORG"), ("United States airframer Boeing", "Boeing", "ORG"),
                     ("the US", "US", "LOC")]


@pytest.mark.parametrize("mentions, expected", [
    # all three named mentions found by head, types right; "United States" is a false positive
    ([("Boeing", 0, "ORG"), ("United States", 0, "GPE"), ("Boeing", 1, "ORG"), ("US", 0, "GPE")],
     {"mention_precision": 3 / 4, "mention_recall": 1.0, "exact_recall": 1 / 3, "typed_f1": 1.0}),
    # a wrong type costs only the typed figures
    ([("Boeing", 0, "PERSON"), ("Boeing", 1, "ORG"), ("US", 0, "GPE")],
     {"mention_precision": 1.0, "mention_recall": 1.0, "typed_recall": 2 / 3}),
    # a name inside a nominal gold mention is neutral: "client" (inside "its client") is neither right nor wrong
    ([("Boeing", 0, "ORG"), ("client", 0, "ORG")],
     {"mention_precision": 1.0, "mention_recall": 1 / 3, "predicted": 2.0}),
])
def test_evaluate_meantime_scores_a_hand_made_pair(data_dir, mentions, expected):
    figures = meantime.evaluate(FakeAnalyzer(mentions), data_dir, corpus="test")
    assert figures["documents"] == 1.0 and figures["gold"] == 3.0 and figures["gold_all"] == 5.0
    for key, value in expected.items():
        assert figures[key] == pytest.approx(value), key


def test_evaluate_meantime_all_mentions_recall_counts_nominals(data_dir):
    figures = meantime.evaluate(FakeAnalyzer([("Boeing", 0, "ORG"), ("client", 0, "ORG")]), data_dir, corpus="test")
    assert figures["all_mentions_recall"] == pytest.approx(2 / 5)


def test_evaluate_meantime_missing_corpus_is_a_config_error(tmp_path):
    with pytest.raises(ConfigError, match="MEANTIME"):
        meantime.evaluate(FakeAnalyzer([]), tmp_path)
