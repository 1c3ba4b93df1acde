"""What the event tests share: the names of an event's participants as a reader sees them."""

from __future__ import annotations

from newsgraph.analyze.types import PhraseRecord


def participant_names(entities, participants) -> set[str]:
    """Entity names, and the phrase as written for a participant that is no entity."""
    return {p.text if isinstance(p, PhraseRecord) else entities[p].name for p in participants}
