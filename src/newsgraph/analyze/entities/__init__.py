"""Entities: named mentions, with one canonical name per entity per document.

``extract_entities(doc)`` is the stage; ``gazetteer`` (canonical places,
organisations and public figures) is shared with corpus-wide resolution.
"""

from ._extract import ENTITY_LABELS, extract_entities

__all__ = ["ENTITY_LABELS", "extract_entities"]
