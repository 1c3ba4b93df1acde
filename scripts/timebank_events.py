"""TimeBank texts as articles, and their events with an actor and a target, for labelling.

    python scripts/timebank_events.py [--data ../shared/data] > edges.tsv

The TimeBank corpus (``timebank/TimeBank/*.tml``: WSJ, CNN, ABC, APW, ... news of 1989-1998)
is not in the shared event gold. Its texts are the labelled material of
``data/event_labels/timebank_edges.tsv`` (these files) and of our event gold
``data/event_labels/timebank_events`` (14 others). A ``.tml`` file is read as the text of its
``TEXT`` element with the tags removed, published on the date of the creation-time TIMEX3
(``newsgraph.evaluate.events.timebank_article``, shared with ``eval events``). With the gate off,
this lists every event that has an actor and a target (an edge of the actor network) with its
trigger's character offset, so a reader can judge it. Which files: every second of the sorted
names (a fixed rule, chosen before reading any of them).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from newsgraph.evaluate.events import timebank_article

ROOT = Path(__file__).resolve().parents[1]
EVERY = 2


def chosen_files(data: Path) -> list[Path]:
    return sorted((data / "timebank" / "TimeBank").glob("*.tml"))[::EVERY]


def main(argv: list[str] | None = None) -> int:
    from newsgraph.analyze import Analyzer
    from newsgraph.analyze.stages import STAGES, with_options

    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--data", type=Path, default=ROOT.parent / "shared" / "data")
    args = parser.parse_args(argv)
    analyzer = Analyzer(stages=with_options(STAGES, "events", gated=False))
    for path in chosen_files(args.data):
        record = analyzer.analyze_one(timebank_article(path))
        text = record["document"]["text"]
        names = {e["id"]: e["name"] for e in record["entities"]}
        for e in record["events"]:
            if not (e.get("actors") and e.get("targets")):
                continue
            start, end = e["trigger"]["start"], e["trigger"]["end"]
            sentence = " ".join(text[e["sentence"]["start"]:e["sentence"]["end"]].split())
            print("\t".join([path.stem, str(start), e["type"], text[start:end], e.get("modality") or "",
                             "; ".join(names.get(i, "?") for i in e["actors"]),
                             "; ".join(names.get(i, "?") for i in e["targets"]), sentence]))
    return 0


if __name__ == "__main__":
    sys.exit(main())
