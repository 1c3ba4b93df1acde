"""The analysis record of docs/analysis-json.md, built from an article and its Doc."""

from __future__ import annotations

from ..model import Article
from .entities import extract_entities

__all__ = ["FORMAT", "STAGES", "build_record", "document_block"]

FORMAT = "newsgraph.analysis/1"

# Which stages produced a record: an empty "quotes" list means "none found" only
# when "quotes" is among them.
STAGES = ("entities",)


def document_block(article: Article) -> dict:
    return {
        "id": article.id,
        "source": article.source,
        "title": article.title,
        "outlet": article.outlet,
        "published": article.published,
        "published_inferred": article.published_inferred,
        "language": article.language,
        "text": article.text,
    }


def build_record(article: Article, doc, model: str) -> dict:
    from .. import __version__

    entities = extract_entities(doc)
    return {
        "format": FORMAT,
        "analysis": {"newsgraph": __version__, "model": model, "stages": list(STAGES)},
        "document": document_block(article),
        "entities": [
            {
                "id": f"e{i}",
                "name": ent.name,
                "type": ent.type,
                "mentions": [{"start": m.start, "end": m.end, "text": m.text} for m in ent.mentions],
            }
            for i, ent in enumerate(entities, start=1)
        ],
        # Filled by the quotation, time, quantity and event stages as they land.
        "quotes": [],
        "timexes": [],
        "quantities": [],
        "events": [],
    }
