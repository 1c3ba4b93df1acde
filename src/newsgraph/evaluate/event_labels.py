"""Event precision on our PolNeAR event labels (``data/event_labels/polnear_events.tsv``).

Every event the rules made (gate off, main 7e54161) on 49 PolNeAR train articles was judged
right or wrong by hand. The labels are a sample of the rules' errors on fresh text, so they can
measure a precision rule without a full gold: run the rules as shipped (gate on), and count,
per part, the labelled events kept (right, wrong) and the labelled right events no longer kept.
Events the labels do not list (made by rules newer than the labels) are counted apart
(``unlabelled``): nobody judged them, so they are never counted as right.

The articles are split as ``scripts/train_event_gate.py`` splits them: every third of the sorted
labelled ids, from the first, is kept aside (``polnear_labels_aside_*``: measured, never read
for rule work); the others are the part rules may be fitted on (``polnear_labels_fit_*``).
A label matches an event by doc, trigger start and type.
"""

from __future__ import annotations

import csv
from dataclasses import dataclass, field
from pathlib import Path

from ..errors import ConfigError
from ..model import Article

__all__ = ["LABELS", "Label", "read_labels", "aside_docs", "split", "tally", "figures", "evaluate"]

LABELS = Path(__file__).resolve().parents[3] / "data" / "event_labels" / "polnear_events.tsv"
PREFIX = "polnear_labels"

Key = tuple[int, str]  # (trigger_start, type)


@dataclass(frozen=True)
class Label:
    trigger: str
    right: bool
    cause: str


def read_labels(path: Path = LABELS) -> dict[str, dict[Key, Label]]:
    """Labels by doc, then by (trigger_start, type)."""
    if not path.is_file():
        raise ConfigError(f"no PolNeAR event labels at {path}")
    labels: dict[str, dict[Key, Label]] = {}
    with path.open(encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle, delimiter="\t"):
            if row["event"] not in ("right", "wrong"):
                raise ConfigError(f"{path}: event verdict {row['event']!r} is neither right nor wrong")
            labels.setdefault(row["doc"], {})[(int(row["trigger_start"]), row["type"])] = Label(
                row["trigger"], row["event"] == "right", row.get("cause") or "")
    return labels


def aside_docs(docs) -> set[str]:
    """Every third of the sorted labelled ids, from the first (as scripts/train_event_gate.py)."""
    return set(sorted(docs)[0::3])


def split(docs) -> dict[str, list[str]]:
    aside = aside_docs(docs)
    return {"fit": sorted(d for d in docs if d not in aside), "aside": sorted(aside)}


@dataclass
class Tally:
    kept_right: list[tuple[str, int, str]] = field(default_factory=list)
    kept_wrong: list[tuple[str, int, str]] = field(default_factory=list)
    right_not_kept: list[tuple[str, int, str]] = field(default_factory=list)
    unlabelled: list[tuple[str, int, str]] = field(default_factory=list)

    def figures(self) -> dict[str, float]:
        kept = len(self.kept_right) + len(self.kept_wrong)
        return {"kept_right": len(self.kept_right), "kept_wrong": len(self.kept_wrong),
                "precision": len(self.kept_right) / kept if kept else 0.0,
                "right_not_kept": len(self.right_not_kept), "unlabelled": len(self.unlabelled)}


def tally(labels: dict[str, dict[Key, Label]], events_by_doc: dict[str, list[Key]]) -> Tally:
    """What the events of each doc (keys (trigger_start, type)) make of its labels."""
    out = Tally()
    for doc, events in events_by_doc.items():
        judged = labels.get(doc, {})
        made = set(events)
        for key in sorted(made):
            label = judged.get(key)
            bucket = out.unlabelled if label is None else out.kept_right if label.right else out.kept_wrong
            bucket.append((doc, *key))
        out.right_not_kept += [(doc, *key) for key, label in sorted(judged.items())
                               if label.right and key not in made]
    return out


def event_keys(record: dict) -> list[Key]:
    return [(e["trigger"]["start"], e["type"]) for e in record["events"]]


def analysed_keys(analyzer, data_dir: Path, docs: list[str]) -> dict[str, list[Key]]:
    folder = Path(data_dir) / "polnear" / "train" / "text"
    paths = [folder / f"{doc}.txt" for doc in docs]
    absent = [str(p) for p in paths if not p.is_file()]
    if absent:
        raise ConfigError(f"no PolNeAR text for the event labels: {', '.join(absent[:3])}")
    # source=path as scripts/polnear_events.py made the labelled candidates
    articles = [Article(text=p.read_text(encoding="utf-8"), source=str(p)) for p in paths]
    out = {}
    for doc, (_, record) in zip(docs, analyzer.analyze(articles)):
        if isinstance(record, Exception):
            raise record
        out[doc] = event_keys(record)
    return out


def tallies(analyzer, data_dir: Path, labels: dict[str, dict[Key, Label]] | None = None,
            limit: int | None = None) -> dict[str, Tally]:
    labels = read_labels() if labels is None else labels
    parts = split(labels)
    return {part: tally(labels, analysed_keys(analyzer, data_dir, docs[:limit])) for part, docs in parts.items()}


def figures(by_part: dict[str, Tally]) -> dict[str, float]:
    return {f"{PREFIX}_{part}_{key}": value for part, t in by_part.items() for key, value in t.figures().items()}


def evaluate(analyzer, data_dir: Path, limit: int | None = None) -> dict[str, float]:
    return figures(tallies(analyzer, data_dir, limit=limit))
