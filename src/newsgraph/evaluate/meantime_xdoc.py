"""Cross-document entity coreference on MEANTIME: B-cubed over corpus entity ids.

Each document is analysed (text rebuilt as in ``meantime.py``), stored in a temporary SQLite
store and resolved with ``newsgraph.resolve`` exactly as ingest does, in file order.
Gold: every ENTITY_MENTION that REFERS_TO an ENTITY with an ``instance_id`` (the
cross-document instance, shared by all documents). Scored mentions: our named mentions
that match a *named* gold mention by head (``meantime._matches``, one-to-one); B-cubed
precision and recall are averaged over those matched mentions, clusters being our
``mentions.entity_id`` and the gold instance ids. Mentions we miss or invent are not
scored here (``meantime`` scores detection); ``mentions`` is the number scored.
Limits: only corpus_airbus and corpus_apple are in the shared data; within-document
coreference counts too (two mentions of one entity in one document are a pair).
"""

from __future__ import annotations

import tempfile
import xml.etree.ElementTree as ET
from pathlib import Path

from .meantime import _matches, articles_of, document_paths, read_document

NAME = "meantime_xdoc"
DESCRIPTION = "MEANTIME cross-document entity coreference: B-cubed P/R/F1 of corpus entities on matched named mentions"


def _instances(path: Path) -> list[str | None]:
    """Gold instance id of each ENTITY_MENTION, in the order ``read_document`` keeps them."""
    root = ET.parse(path).getroot()
    token_ids = {t.get("t_id") for t in root.iter("token")}
    instance = {e.get("m_id"): e.get("instance_id") for e in root.iter("ENTITY")}
    refers: dict[str, str] = {}
    for rel in root.iter("REFERS_TO"):
        target = rel.find("target")
        if target is None or not instance.get(target.get("m_id")):
            continue
        for source in rel.findall("source"):
            refers[source.get("m_id")] = instance[target.get("m_id")]
    out = []
    for m in root.iter("ENTITY_MENTION"):
        if any(a.get("t_id") in token_ids for a in m.findall("token_anchor")):
            out.append(refers.get(m.get("m_id")))
    return out


def b_cubed(pairs: list[tuple[object, object]]) -> tuple[float, float]:
    """(precision, recall) of B-cubed over (predicted cluster, gold cluster) per mention."""
    if not pairs:
        return 0.0, 0.0
    from collections import Counter

    both = Counter(pairs)
    pred = Counter(p for p, _ in pairs)
    gold = Counter(g for _, g in pairs)
    precision = sum(both[(p, g)] / pred[p] for p, g in pairs) / len(pairs)
    recall = sum(both[(p, g)] / gold[g] for p, g in pairs) / len(pairs)
    return precision, recall


def evaluate(analyzer, data_dir: Path, limit: int | None = None, corpus: str | None = None) -> dict[str, float]:
    from ..resolve import resolve_article
    from ..store import Store

    paths = document_paths(data_dir, limit, corpus)
    docs = [read_document(p) for p in paths]
    gold_ids = [_instances(p) for p in paths]
    articles = articles_of(docs)
    pairs: list[tuple[object, object]] = []
    with tempfile.TemporaryDirectory() as tmp, Store(str(Path(tmp) / "xdoc.db")) as store:
        with store.writer() as writer:
            for doc, instances, (article, record) in zip(docs, gold_ids, analyzer.analyze(articles)):
                if isinstance(record, Exception):
                    raise record
                writer.insert_article(article)
                writer.save_analysis(article.id, record)
                keys = resolve_article(writer.conn, article.id, record)
                predicted = [(m["start"], m["end"], keys.get(e["id"])) for e in record["entities"] for m in e["mentions"]]
                linked = {(s, e): i for _id, s, e, i in _mention_links(writer.conn, article.id)}
                used: set[int] = set()
                for g, instance in sorted(zip(doc.mentions, instances), key=lambda x: x[0].start):
                    if not g.named or instance is None:
                        continue
                    hit = next((i for i, p in enumerate(predicted) if i not in used and _matches("head", p[:2], g)), None)
                    if hit is None:
                        continue
                    used.add(hit)
                    start, end, _ = predicted[hit]
                    pairs.append((linked.get((start, end)), instance))
    precision, recall = b_cubed(pairs)
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {"documents": float(len(docs)), "mentions": float(len(pairs)),
            "b3_precision": precision, "b3_recall": recall, "b3_f1": f1}


def _mention_links(conn, article_id: str) -> list[tuple[int, int, int, int | None]]:
    from ..store.graph import Graph

    return Graph(conn).mention_links(article_id)
