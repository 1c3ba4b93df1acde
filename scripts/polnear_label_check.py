"""What a rule change does to the hand-labelled PolNeAR events (gate on, as shipped).

    python scripts/polnear_label_check.py --save /tmp/base.json          # before a change
    python scripts/polnear_label_check.py --against /tmp/base.json       # after it

Prints, per part, the labelled events kept (right, wrong), their precision, and against a
saved run the right events lost and the wrong ones removed. The fit part is listed event by
event (for rule work); the aside part only as counts, never as events (it is kept for the
final check: see ``newsgraph.evaluate.event_labels``).
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def main(argv: list[str] | None = None) -> int:
    from newsgraph.analyze import Analyzer
    from newsgraph.evaluate import event_labels as el

    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--data", type=Path, default=ROOT.parent / "shared" / "data")
    parser.add_argument("--save", type=Path)
    parser.add_argument("--against", type=Path)
    parser.add_argument("--part", choices=("fit", "aside", "both"), default="fit",
                        help="which part to analyse (the aside part only at the end)")
    parser.add_argument("--list", action="store_true", help="list the fit part's kept wrong events")
    args = parser.parse_args(argv)
    labels = el.read_labels()
    parts = el.split(labels)
    wanted = ("fit", "aside") if args.part == "both" else (args.part,)
    analyzer = Analyzer()
    now = {}
    for part in wanted:
        t = el.tally(labels, el.analysed_keys(analyzer, args.data, parts[part]))
        now[part] = {"kept_right": t.kept_right, "kept_wrong": t.kept_wrong, "unlabelled": t.unlabelled}
        print(part, json.dumps(t.figures()))
    before = json.loads(args.against.read_text()) if args.against else {}
    for part in wanted:
        if part not in before:
            continue
        cur = {k: {tuple(x) for x in v} for k, v in now[part].items()}
        old = {k: {tuple(x) for x in v} for k, v in before[part].items()}
        lost = old["kept_right"] - cur["kept_right"]
        removed = old["kept_wrong"] - cur["kept_wrong"]
        new = cur["unlabelled"] - old["unlabelled"]
        print(f"{part} vs saved: right lost {len(lost)}, wrong removed {len(removed)}, "
              f"right regained {len(cur['kept_right'] - old['kept_right'])}, "
              f"wrong regained {len(cur['kept_wrong'] - old['kept_wrong'])}, new unlabelled {len(new)}")
        if part == "fit":
            for name, items in (("LOST", lost), ("REMOVED", removed), ("NEW", new)):
                for doc, start, type_ in sorted(items):
                    label = labels.get(doc, {}).get((start, type_))
                    print(f"  {name} {doc[:45]} {start} {type_} {label.trigger if label else ''}")
    if args.list and "fit" in now:
        for doc, start, type_ in now["fit"]["kept_wrong"]:
            label = labels[doc][(start, type_)]
            print(f"  WRONG {doc[:45]} {start} {type_} {label.trigger} | {label.cause[:150]}")
    if args.save:
        args.save.write_text(json.dumps(now))
    return 0


if __name__ == "__main__":
    sys.exit(main())
