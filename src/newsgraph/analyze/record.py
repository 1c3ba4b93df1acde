"""The analysis record of docs/analysis-json.md, built from an article and its Doc.

The stages run in the order of the stage table (``stages.py``); this module only
turns what they make into the record's JSON. Event participants that the text names
by a phrase, not a name ("riot police"), follow the named entities as entities of
type NOMINAL, with ``refers_to`` naming the entity they stand for when one does.
"""

from __future__ import annotations

from ..__version__ import __version__
from ..model import Article
from .stages import STAGES, Stage, recorded_stages, run_stages
from .types import EventRecord, PhraseRecord

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


def build_record(article: Article, doc, model: str, stages: tuple[Stage, ...] = STAGES,
                 pipeline: str = "en") -> dict:
    """The record of one article; ``stages`` is the language's stage table (``stages.py``)
    and ``pipeline`` its name ("en", "ru"), recorded with ``model`` in the analysis block."""
    made = run_stages(doc, article, stages)
    for name in ("quotes", "timexes", "quantities", "events"):
        made.setdefault(name, [])  # a table without this stage: nothing looked for, and
        # ``analysis.stages`` (the stages that ran) says so
    if article.published is None and made["published"]:
        article = article.with_changes(published=made["published"], published_inferred=True, id=article.id)
    entities = made["entities"]
    entity_ids = [f"e{i}" for i in range(1, len(entities) + 1)]
    phrases = _phrases(made["events"])
    phrase_ids = {key: f"e{len(entities) + i}" for i, key in enumerate(phrases, start=1)}
    return {
        "format": FORMAT,
        "analysis": {"newsgraph": __version__, "pipeline": pipeline, "model": model,
                     "stages": recorded_stages(stages)},
        "document": document_block(article),
        "sentences": made["sentences"],
        "entities": [
            {"id": eid, "name": ent.name, "type": ent.type, **({"ids": ent.ids} if ent.ids else {}),
             **({"native": ent.native} if ent.native and ent.native != ent.name else {}),
             "mentions": [m.as_dict() for m in ent.mentions]}
            for eid, ent in zip(entity_ids, entities)
        ] + [_phrase_entity(phrase_ids[key], mentions, entity_ids) for key, mentions in phrases.items()],
        "quotes": [q.as_dict(entity_ids) for q in made["quotes"]],
        "timexes": [t.as_dict() for t in made["timexes"]],
        "quantities": [q.as_dict() for q in made["quantities"]],
        "events": [e.as_dict(entity_ids, phrase_ids) for e in made["events"]],
    }


def _phrases(events: list[EventRecord]) -> dict[tuple[str, int | None], list[PhraseRecord]]:
    """The phrase participants of the events, one entry per key, in text order of first mention."""
    found: dict[tuple[str, int | None], list[PhraseRecord]] = {}
    every = [p for e in events for p in (*e.actors, *e.targets) if isinstance(p, PhraseRecord)]
    for phrase in sorted(set(every), key=lambda p: (p.start, p.end)):
        found.setdefault(phrase.key(), []).append(phrase)
    return found


def _phrase_entity(eid: str, mentions: list[PhraseRecord], entity_ids: list[str]) -> dict:
    """A participant named by a phrase, as a record entity of type NOMINAL (kept to its article)."""
    first = mentions[0]
    # the name is one line, whatever the text's line breaks; the mentions keep the text as written
    entity = {"id": eid, "name": " ".join(first.text.split()), "type": "NOMINAL",
              "mentions": [{"start": m.start, "end": m.end, "text": m.text} for m in mentions]}
    if first.refers_to is not None:
        entity["refers_to"] = entity_ids[first.refers_to]
    return entity
