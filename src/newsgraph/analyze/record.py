"""The analysis record of docs/analysis-json.md, built from an article and its Doc.

Stage order matters: quotes resolve speakers to the entities found first; time
expressions are anchored to the publication date, inferred from the text when
the article has none.
"""

from __future__ import annotations

from ..model import Article
from .entities import extract_entities
from .events import extract_events
from .sentences import sentence_spans
from .quantities import extract_quantities
from .quotes import extract_quotes
from .timexes import extract_timexes, infer_published

__all__ = ["FORMAT", "STAGES", "build_record", "document_block"]

FORMAT = "newsgraph.analysis/1"

# Which stages produced a record: an empty list means "none found" only for the
# kinds named here.
STAGES = ("sentences", "entities", "quotes", "timexes", "quantities", "events")


def document_block(article: Article) -> dict:
    return {
        "id": article.id,
        "source": article.source,
        "location": article.location,
        "title": article.title,
        "outlet": article.outlet,
        "published": article.published,
        "published_inferred": article.published_inferred,
        "language": article.language,
        "text": article.text,
    }


def build_record(article: Article, doc, model: str) -> dict:
    from .. import __version__

    if article.published is None:
        inferred = infer_published(doc)
        if inferred:
            article = article.with_changes(published=inferred, published_inferred=True, id=article.id)
    entities = extract_entities(doc)
    entity_ids = [f"e{i}" for i in range(1, len(entities) + 1)]
    quotes = extract_quotes(doc, entities)
    timexes = extract_timexes(doc, article.published)
    quantities = extract_quantities(doc)
    events = extract_events(doc, entities, quotes, timexes, quantities, published=article.published)
    return {
        "format": FORMAT,
        "analysis": {"newsgraph": __version__, "model": model, "stages": list(STAGES)},
        "document": document_block(article),
        "sentences": sentence_spans(doc),
        "entities": [
            {"id": eid, "name": ent.name, "type": ent.type, **({"ids": ent.ids} if ent.ids else {}),
             "mentions": [m.as_dict() for m in ent.mentions]}
            for eid, ent in zip(entity_ids, entities)
        ],
        "quotes": [q.as_dict(entity_ids) for q in quotes],
        "timexes": [t.as_dict() for t in timexes],
        "quantities": [q.as_dict() for q in quantities],
        "events": [e.as_dict(entity_ids) for e in events],
    }
