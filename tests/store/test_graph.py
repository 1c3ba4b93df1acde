"""store/graph.py: the SQL of resolution, on SQLite and PostgreSQL."""

from __future__ import annotations

from newsgraph.model import Article
from newsgraph.store import Store
from newsgraph.store.graph import Graph


def test_store_graph_aliases_and_merge(store_url):
    with Store(store_url) as store, store.writer() as writer:
        g = Graph(writer.conn)
        a = g.create_entity("Keir Starmer", "person", "PERSON", None)
        b = g.create_entity("Sir Keir", "person", "PERSON", {"wikidata": "Q1"})
        g.add_aliases([(a, "Keir Starmer", "keir starmer", "analysis"), (b, "Sir Keir", "sir keir", "analysis"),
                       (b, "Keir Starmer", "keir starmer", "analysis")])
        assert {h.entity_id for h in g.aliases_for(["keir starmer"])} == {a, b}
        g.merge_entities(a, b)
        assert g.entity(b) is None
        assert sorted(x["alias_key"] for x in g.entity_aliases(a)) == ["keir starmer", "sir keir"]
        g.log_correction("merge", {"keep": "Keir Starmer", "gone": "Sir Keir"})
        assert g.corrections()[0]["payload"]["gone"] == "Sir Keir"


def test_store_graph_event_candidates_by_type_and_window(store_url):
    with Store(store_url) as store, store.writer() as writer:
        writer.insert_article(Article(text="one", source="t", published="2025-04-02", id="a1"))
        writer.insert_article(Article(text="two", source="t", published="2025-05-20", id="a2"))
        g = Graph(writer.conn)
        e1 = g.create_event("CONSULT", "2025-04-01", None)
        e2 = g.create_event("CONSULT", None, None)
        p = g.create_entity("Donald Trump", "person", "PERSON", None)
        for event_id, article, time in ((e1, "a1", "2025-04-01"), (e2, "a2", None)):
            g.add_report({"event_id": event_id, "article_id": article, "type": "CONSULT", "modality": "asserted",
                          "trigger": "call", "sentence_start": 0, "sentence_end": 3, "time_value": time},
                         [(p, "actor")])
        assert g.event_candidates("CONSULT", ["2025-04-01"], None, None) == [e1]
        assert g.event_candidates("CONSULT", ["2025", "2025-04", "2025-04-01"], None, None) == [e1]
        assert g.event_candidates("CONSULT", ["2025-04-02"], None, None) == []
        assert g.event_candidates("CONSULT", [], "2025-04-01", "2025-04-04") == [e1]
        assert g.event_candidates("CONSULT", [], "2025-05-19", "2025-05-22") == [e2]
        assert g.event_candidates("AID", ["2025-04-01"], "2025-04-01", "2025-04-04") == []
        assert g.event_candidates("CONSULT", [], None, None, dated=("2025-03-25", "2025-04-01")) == [e1]
        assert g.event_candidates("CONSULT", [], None, None, dated=("2025-04-02", "2025-04-09")) == []
        [report] = g.event_reports([e1])
        assert report["actors"] == {p} and report["story_id"] == "a1"
        assert g.drop_article_reports("a1") == [e1]
        g.update_event(e1, 0, None, None)
        assert g.event(e1) is None
