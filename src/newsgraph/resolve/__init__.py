"""Cross-document resolution: corpus entities, user corrections, merged event reports.

``resolve_article`` is what ingest calls for each analysed article, inside the batch's
transaction, right after the analysis rows are written; all SQL lives in ``store/graph.py``.
"""

from __future__ import annotations

from ..store.graph import Graph
from .entities import entity_for_name, resolve_entities
from .events import resolve_events

__all__ = ["resolve_article", "resolve_entities", "resolve_events", "entity_for_name", "Graph"]


def resolve_article(conn, article_id: str, record: dict) -> dict[str, int]:
    """Resolve one stored article's entities and events; record entity key -> corpus entity id.

    ``conn`` is the transaction's connection (``Writer.conn``). Idempotent.
    """
    graph = Graph(conn)
    graph.lock_for_resolution()
    published, _story, _outlet = graph.article_meta(article_id)
    published = published or record.get("document", {}).get("published")
    ids = resolve_entities(graph, article_id, record, published)
    resolve_events(graph, article_id, record, ids, published)
    return ids
