"""Our event gold on PolNeAR articles: every event of US political news, coded by hand.

``data/event_labels/polnear_gold/gold/<doc>.jsonl`` codes, in the format and by the conventions
of the shared event gold (``events.load_gold`` reads it), the PolNeAR train articles whose
every rule-made event ``polnear_events.tsv`` judges, plus the two articles of that selection
on which the rules made none. The judgements say how precise the rules are; this gold also says
what they miss. The texts are read from ``polnear/train/text/<doc>.txt`` in the data folder,
with the outlet and date of ``polnear/metadata.tsv``, as ``newsgraph eval polnear`` reads them.
``parts.tsv`` beside the gold assigns each article to ``polnear_gold_dev`` (may be tuned on) or
``polnear_gold_aside`` (never): the split of the judged events, so one article is on the same
side in both.
"""

from __future__ import annotations

from pathlib import Path

from ..errors import ConfigError
from ..model import Article
from . import events
from .polnear import _metadata

__all__ = ["NAME", "DESCRIPTION", "GOLD", "PARTS", "articles", "evaluate"]

NAME = "polnear_events"
DESCRIPTION = ("events (type, actors, targets, modality) against our event gold on 51 PolNeAR articles "
               "(US political news; dev and aside parts)")

GOLD = Path(__file__).resolve().parents[3] / "data" / "event_labels" / "polnear_gold" / "gold"
PARTS = GOLD.parent / "parts.tsv"


def articles(data_dir: Path, docs: list[str]) -> list[Article]:
    """The PolNeAR train texts of ``docs``, dated and attributed as ``newsgraph eval polnear`` does."""
    folder = Path(data_dir) / "polnear" / "train" / "text"
    paths = [folder / f"{doc}.txt" for doc in docs]
    absent = [str(p) for p in paths if not p.is_file()]
    if absent:
        raise ConfigError(f"no PolNeAR text for our PolNeAR event gold: {', '.join(absent[:3])}")
    meta = _metadata(Path(data_dir) / "polnear" / "metadata.tsv")
    return [Article(text=p.read_text(encoding="utf-8"), source=str(p), outlet=meta.get(p.stem, {}).get("publisher"),
                    published=meta.get(p.stem, {}).get("publication_date")) for p in paths]


def evaluate(analyzer, data_dir: Path, limit: int | None = None) -> dict[str, float]:
    """The event figures of each part (``polnear_gold_dev_*``, ``polnear_gold_aside_*``, ...)."""
    return events.evaluate_parts(analyzer, GOLD, PARTS, lambda docs: articles(data_dir, docs), limit,
                                 "our PolNeAR event gold")
