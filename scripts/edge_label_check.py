"""The edges the rules draw on the fit part of our event labels, judged by those labels.

    python scripts/edge_label_check.py [--data ../shared/data] [--save run.json] [--against old.json]

Reads ``data/event_labels/timebank_edges.tsv`` and ``polnear_events.tsv``, keeps only the
docs outside ``newsgraph.evaluate.event_labels.aside_docs`` (the aside ones are never analysed
here), analyses them as ``scripts/timebank_events.py`` and ``scripts/polnear_events.py`` do
(gate off; ``--gated``: as shipped), and judges each edge (an event with an actor and a target) by the label row of its
doc and trigger start: each participant by its name's verdict in that row, the edge right when
some actor and some target are right, ``unjudged`` when a participant the row does not name
would decide it. Lists the labelled right edges no longer drawn too. With ``--against`` a saved
run, prints which edges changed.
"""

from __future__ import annotations

import argparse
import csv
import json
import sys
from pathlib import Path

from newsgraph.evaluate.event_labels import aside_docs

ROOT = Path(__file__).resolve().parents[1]
LABELS = {"timebank": ROOT / "data" / "event_labels" / "timebank_edges.tsv",
          "polnear": ROOT / "data" / "event_labels" / "polnear_events.tsv"}


def _verdicts(cell: str) -> dict[str, bool]:
    pairs = (item.rsplit("=", 1) for item in cell.split("; ") if item)
    return {" ".join(name.split()): verdict == "right" for name, verdict in pairs}


def fit_labels(path: Path) -> dict[str, dict[int, list[dict]]]:
    rows: dict[str, dict[int, list[dict]]] = {}
    with path.open(encoding="utf-8", newline="") as handle:
        all_rows = list(csv.DictReader(handle, delimiter="\t"))
    aside = aside_docs(sorted({r["doc"] for r in all_rows}))
    for row in all_rows:
        if row["doc"] in aside:
            continue
        rows.setdefault(row["doc"], {}).setdefault(int(row["trigger_start"]), []).append(
            {"type": row["type"], "event": row["event"], "actors": _verdicts(row["actors"]),
             "targets": _verdicts(row["targets"]), "edge": row.get("edge", "")})
    return rows


def _judge(actors: list[str], targets: list[str], label: dict | None) -> str:
    if label is None:
        return "unlabelled"
    a = [label["actors"].get(n) for n in actors]
    t = [label["targets"].get(n) for n in targets]
    if True in a and True in t:
        return "right"
    if (None in a and True not in a) or (None in t and True not in t):
        return "unjudged"
    return "wrong"


def edges_of(record: dict, doc: str, labels: dict[int, list[dict]]) -> list[dict]:
    text = record["document"]["text"]
    names = {e["id"]: " ".join(e["name"].split()) for e in record["entities"]}
    out = []
    for e in record["events"]:
        if not (e.get("actors") and e.get("targets")):
            continue
        start = e["trigger"]["start"]
        rows = labels.get(start, [])
        label = next((r for r in rows if r["type"] == e["type"]), rows[0] if rows else None)
        actors = [names.get(i, "?") for i in e["actors"]]
        targets = [names.get(i, "?") for i in e["targets"]]
        sentence = " ".join(text[e["sentence"]["start"]:e["sentence"]["end"]].split())
        out.append({"doc": doc, "start": start, "type": e["type"], "trigger": text[start:e["trigger"]["end"]],
                    "actors": actors, "targets": targets, "verdict": _judge(actors, targets, label),
                    "sentence": sentence})
    return out


def run(data: Path, gated: bool = False) -> dict[str, list[dict]]:
    from newsgraph.analyze import Analyzer
    from newsgraph.analyze.stages import STAGES, with_options
    from newsgraph.evaluate.events import timebank_article
    from newsgraph.model import Article

    analyzer = Analyzer(stages=with_options(STAGES, "events", gated=gated))
    result: dict[str, list[dict]] = {}
    for corpus, path in LABELS.items():
        labels = fit_labels(path)
        edges, lost = [], []
        for doc in sorted(labels):
            if corpus == "timebank":
                article = timebank_article(data / "timebank" / "TimeBank" / f"{doc}.tml")
            else:
                source = data / "polnear" / "train" / "text" / f"{doc}.txt"
                article = Article(text=source.read_text(encoding="utf-8"), source=str(source))
            found = edges_of(analyzer.analyze_one(article), doc, labels[doc])
            edges += found
            drawn = {(e["start"], e["type"]) for e in found if e["verdict"] == "right"}
            lost += [{"doc": doc, "start": s, "type": r["type"]} for s, rows in labels[doc].items() for r in rows
                     if r["edge"] == "right" and (s, r["type"]) not in drawn]
        result[corpus] = edges
        result[corpus + "_lost"] = lost
    return result


def gold_edges(data: Path) -> list[dict]:
    """The edges the shipped rules (gate on) draw on the tunable event gold (AQUAINT tune, the
    seed, ours_dev), each with whether a gold event confirms it as ``edge_precision`` does."""
    from newsgraph.analyze import Analyzer
    from newsgraph.evaluate import events as ev

    analyzer = Analyzer()
    records = ev.analyze(analyzer, data)
    tune, _heldout = ev.halves(sorted(d for d in records if d != ev.SEED_DOC))
    gold = ev.load_gold(data / "events" / "gold", set(tune) | {ev.SEED_DOC})
    ours = ev.load_gold(ev.OURS_GOLD)
    dev, _aside = ev.halves(ours)
    parts = [("tune", d, records[d], gold[d]) for d in tune] + [("seed", ev.SEED_DOC, records[ev.SEED_DOC],
                                                                 gold[ev.SEED_DOC])]
    parts += [("ours_dev", d, r, ours[d]) for d, r in ev.analyze_ours(analyzer, data, dev).items()]
    out = []
    for part, doc, record, doc_gold in parts:
        names = {e["id"]: " ".join(e["name"].split()) for e in record["entities"]}
        for e, p in zip(record["events"], ev.predicted_events(record)):
            if not (p.actors and p.targets):
                continue
            out.append({"part": part, "doc": doc, "type": e["type"], "trigger": p.trigger,
                        "actors": [names.get(i, str(i)) for i in e["actors"]],
                        "targets": [names.get(i, str(i)) for i in e["targets"]],
                        "verdict": "right" if any(ev.confirms(g, p) for g in doc_gold) else "wrong"})
    return out


def summary(result: dict[str, list[dict]]) -> str:
    lines = []
    for corpus in LABELS:
        counts: dict[str, int] = {}
        for e in result[corpus]:
            counts[e["verdict"]] = counts.get(e["verdict"], 0) + 1
        lines.append(f"{corpus}: {len(result[corpus])} edges {counts}; labelled right edges not drawn right: "
                     f"{len(result[corpus + '_lost'])}")
    return "\n".join(lines)


def _line(e: dict) -> str:
    return (f"{e['verdict']:10} {e['doc'][:40]:40} {e['start']:>5} {e['type']:9} {e['trigger']!r}: "
            f"{'; '.join(e['actors'])} -> {'; '.join(e['targets'])}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--data", type=Path, default=ROOT.parent / "shared" / "data")
    parser.add_argument("--save", type=Path)
    parser.add_argument("--against", type=Path)
    parser.add_argument("--list", action="store_true", help="print every edge")
    parser.add_argument("--gold", action="store_true", help="list the edges on AQUAINT tune, seed, ours_dev")
    parser.add_argument("--gated", action="store_true", help="with the event gate on, as shipped")
    args = parser.parse_args(argv)
    if args.gold:
        for e in gold_edges(args.data):
            print(f"{e['verdict']:6} {e['part']:8} {e['doc']:22} {e['type']:9} {e['trigger']!r}: "
                  f"{'; '.join(e['actors'])} -> {'; '.join(e['targets'])}")
        return 0
    result = run(args.data, args.gated)
    if args.save:
        args.save.write_text(json.dumps(result, indent=1), encoding="utf-8")
    if args.list:
        for corpus in LABELS:
            for e in result[corpus]:
                print(_line(e) + "\n    " + e["sentence"])
    if args.against:
        old = json.loads(args.against.read_text(encoding="utf-8"))
        for corpus in LABELS:
            key = lambda e: (e["doc"], e["start"], e["type"], tuple(e["actors"]), tuple(e["targets"]))
            before = {key(e): e for e in old[corpus]}
            after = {key(e): e for e in result[corpus]}
            for k in sorted(before.keys() - after.keys()):
                print("- " + _line(before[k]))
            for k in sorted(after.keys() - before.keys()):
                print("+ " + _line(after[k]))
        print("before:\n" + summary(old))
    print(summary(result))
    return 0


if __name__ == "__main__":
    sys.exit(main())
