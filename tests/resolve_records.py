"""Analysis records built by hand for the resolution tests, stored the way ingest stores them.

Resolution reads only the analysis-json.md contract, so the entity and event tests do not
need the spaCy model; the tests marked slow run the real pipeline instead.
"""

from __future__ import annotations

from sqlalchemy import select

from newsgraph.model import Article
from newsgraph.resolve import resolve_article
from newsgraph.store import Store
from newsgraph.store.schema import mentions


def record(text: str, entities: list[tuple], published: str | None = None, events: list[dict] | None = None,
           quantities: list[tuple[str, float, str]] | None = None, quotes: list[dict] | None = None) -> dict:
    """entities: (name, type, [surface forms in text order], ids or None[, refers_to]); ids are e1, e2 ...

    A participant named by a phrase is an entity of type NOMINAL, listed after the named ones
    as the analysis lists it, with refers_to ("e1") when the phrase stands for a named entity.
    """
    ents = []
    for i, (name, type_, surfaces, *rest) in enumerate(entities, 1):
        mentions = []
        for s in surfaces:
            start = text.index(s, 0)
            while any(m["start"] == start for e in ents for m in e["mentions"]) or any(
                    m["start"] == start for m in mentions):
                start = text.index(s, start + 1)
            mentions.append({"start": start, "end": start + len(s), "text": s})
        ent = {"id": f"e{i}", "name": name, "type": type_, "mentions": mentions}
        if rest and rest[0]:
            ent["ids"] = rest[0]
        if len(rest) > 1 and rest[1]:
            ent["refers_to"] = rest[1]
        ents.append(ent)
    qs = []
    for q_text, amount, unit in quantities or []:
        start = text.index(q_text)
        qs.append({"start": start, "end": start + len(q_text), "text": q_text, "kind": "money",
                   "amount": amount, "unit": unit})
    return {"format": "newsgraph.analysis/1",
            "document": {"id": "", "source": "test", "title": None, "outlet": None, "published": published,
                         "published_inferred": False, "language": "en", "text": text},
            "entities": ents, "quotes": quotes or [], "timexes": [], "quantities": qs, "events": events or []}


def event(type_: str, actors: list[str], targets: list[str], time: str | None = None,
          quantities: list[int] | None = None, mode: str | None = None) -> dict:
    return {"type": type_, "mode": mode, "context": [], "trigger": {"start": 0, "end": 4, "text": "call"},
            "sentence": {"start": 0, "end": 10}, "actors": actors, "targets": targets, "place": None,
            "time": {"value": time, "timex": None} if time else None, "quantities": quantities or [],
            "modality": "asserted", "attributed_to": None, "attributed_text": None}


def store_record(store: Store, rec: dict, outlet: str | None = None, story_of: str | None = None) -> str:
    """Insert the article and its analysis, then resolve it, in one transaction as ingest does."""
    doc = rec["document"]
    article = Article(text=doc["text"], source="test", outlet=outlet, published=doc["published"])
    with store.writer() as writer:
        writer.insert_article(article, story_id=story_of)
        writer.save_analysis(article.id, rec)
        resolve_article(writer.conn, article.id, rec)
    return article.id


def entity_of(store: Store, article_id: str, text: str) -> int:
    """The corpus entity that the article's mention written ``text`` resolved to."""
    with store.engine.connect() as conn:
        return conn.execute(select(mentions.c.entity_id).where(mentions.c.article_id == article_id,
                                                                mentions.c.text == text)).scalar_one()
