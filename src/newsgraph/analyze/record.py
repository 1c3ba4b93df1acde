"""The analysis record of docs/analysis-json.md, built from an article and its Doc.

The stages run in the order of the stage table (``stages.py``); this module only
turns what they make into the record's JSON.
"""

from __future__ import annotations

from ..__version__ import __version__
from ..model import Article
from .stages import STAGES, recorded_stages, run_stages

__all__ = ["FORMAT", "build_record", "document_block"]

FORMAT = "newsgraph.analysis/1"


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
    made = run_stages(doc, article, STAGES)
    if article.published is None and made["published"]:
        article = article.with_changes(published=made["published"], published_inferred=True, id=article.id)
    entities = made["entities"]
    entity_ids = [f"e{i}" for i in range(1, len(entities) + 1)]
    return {
        "format": FORMAT,
        "analysis": {"newsgraph": __version__, "model": model, "stages": recorded_stages(STAGES)},
        "document": document_block(article),
        "sentences": made["sentences"],
        "entities": [
            {"id": eid, "name": ent.name, "type": ent.type, **({"ids": ent.ids} if ent.ids else {}),
             "mentions": [m.as_dict() for m in ent.mentions]}
            for eid, ent in zip(entity_ids, entities)
        ],
        "quotes": [q.as_dict(entity_ids) for q in made["quotes"]],
        "timexes": [t.as_dict() for t in made["timexes"]],
        "quantities": [q.as_dict() for q in made["quantities"]],
        "events": [e.as_dict(entity_ids) for e in made["events"]],
    }
