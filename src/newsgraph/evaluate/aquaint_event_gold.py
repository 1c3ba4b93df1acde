"""Our event gold on the AQUAINT wire stories the shared event gold leaves out: news kept aside.

``data/event_labels/aquaint_events/gold/<doc>.jsonl`` codes, in the format and by the conventions
of the shared event gold (``events.load_gold`` reads it), the AQUAINT stories of TempEval-3
(``timebank/AQUAINT/*.tml``) other than the 14 of ``events/txt``: AP, NYT and Xinhua wire of
1998-2000, the kind of news the shared gold's AQUAINT half holds. The texts are read from the
``.tml`` files as ``newsgraph eval events`` reads our TimeBank gold's (``events.timebank_article``).
``parts.tsv`` beside the gold puts every story in ``aquaint2_aside``: no rule or model is fitted on
this gold. Our output on these stories was read (without gold) when the rules of 2026-12-04 were
written, so they are wire news the rules' authors once saw, reported apart from the strictly
unseen sets (the gold README says how).
"""

from __future__ import annotations

from pathlib import Path

from ..errors import ConfigError
from ..model import Article
from . import events

__all__ = ["NAME", "DESCRIPTION", "GOLD", "PARTS", "articles", "evaluate"]

NAME = "aquaint_events"
DESCRIPTION = "events (type, actors, targets, modality) against our event gold on AQUAINT wire stories (kept aside)"

GOLD = Path(__file__).resolve().parents[3] / "data" / "event_labels" / "aquaint_events" / "gold"
PARTS = GOLD.parent / "parts.tsv"


def articles(data_dir: Path, docs: list[str]) -> list[Article]:
    """The AQUAINT stories of ``docs``, dated by their creation time."""
    folder = Path(data_dir) / "timebank" / "AQUAINT"
    paths = [folder / f"{doc}.tml" for doc in docs]
    absent = [str(p) for p in paths if not p.is_file()]
    if absent:
        raise ConfigError(f"no AQUAINT text for our AQUAINT event gold: {', '.join(absent[:3])}")
    return [events.timebank_article(p) for p in paths]


def evaluate(analyzer, data_dir: Path, limit: int | None = None) -> dict[str, float]:
    """The event figures of each part (``aquaint2_aside_*``)."""
    return events.evaluate_parts(analyzer, GOLD, PARTS, lambda docs: articles(data_dir, docs), limit,
                                 "our AQUAINT event gold")
