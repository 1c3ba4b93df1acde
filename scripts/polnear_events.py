"""PolNeAR train articles and every event the rules make on them (gate off), for labelling.

    python scripts/polnear_events.py [--data ../shared/data] > candidates.tsv

The labelled material of ``data/event_labels/polnear_events.tsv``: political news of 2015-2016
(``polnear/train/text``) never used for event work, so the events the rules make on it are a
fair sample of their errors on fresh text. Which files (a fixed rule, chosen before reading
any of them): every twelfth of the sorted train texts from the sixth, those of at most 900
words, the first 60 of them. Each text is analysed with the event gate off and every event is
listed (not only those with an actor and a target: the event model sees them all), with its
trigger's character offset, modality, participants (entity names with their whitespace
collapsed) and sentence.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
EVERY, FIRST = 12, 5
MAX_WORDS, MAX_FILES = 900, 60
COLUMNS = ("doc", "trigger_start", "type", "trigger", "modality", "actors", "targets", "sentence")


def chosen_files(data: Path) -> list[Path]:
    files = sorted((data / "polnear" / "train" / "text").glob("*.txt"))[FIRST::EVERY]
    return [f for f in files if len(f.read_text(encoding="utf-8").split()) <= MAX_WORDS][:MAX_FILES]


def candidate_rows(record: dict, doc: str) -> list[list[str]]:
    """One row per event of an analysed record, in the columns of ``COLUMNS``."""
    text = record["document"]["text"]
    names = {e["id"]: " ".join(e["name"].split()) for e in record["entities"]}
    rows = []
    for e in record["events"]:
        start, end = e["trigger"]["start"], e["trigger"]["end"]
        sentence = " ".join(text[e["sentence"]["start"]:e["sentence"]["end"]].split())
        rows.append([doc, str(start), e["type"], text[start:end], e.get("modality") or "",
                     "; ".join(names.get(i, "?") for i in e.get("actors") or []),
                     "; ".join(names.get(i, "?") for i in e.get("targets") or []), sentence])
    return rows


def main(argv: list[str] | None = None) -> int:
    from newsgraph.analyze import Analyzer
    from newsgraph.analyze.stages import STAGES, with_options
    from newsgraph.model import Article

    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--data", type=Path, default=ROOT.parent / "shared" / "data")
    args = parser.parse_args(argv)
    analyzer = Analyzer(stages=with_options(STAGES, "events", gated=False))
    print("\t".join(COLUMNS))
    for path in chosen_files(args.data):
        text = path.read_text(encoding="utf-8")
        record = analyzer.analyze_one(Article(text=text, source=str(path)))
        for row in candidate_rows(record, path.stem):
            print("\t".join(row))
    return 0


if __name__ == "__main__":
    sys.exit(main())
