"""Train the event gate (``newsgraph.analyze.events._confidence``) and write its weights file.

    python scripts/train_event_gate.py [--data ../shared/data] [--out FILE] [--report FILE]

Data it may read, and only that: the PLOVER sample (``plover/gsr_even.json``, 161
sentences, each coded with one event type, its sources and targets), the tune half of the
AQUAINT event gold (the even positions of the sorted doc ids, as ``newsgraph eval events``
splits them), the seed article, with ``--ours`` the dev half of our TimeBank event gold
(``ours_dev``: ``data/event_labels/timebank_events``, the even positions), and our labels of
the edges the rules drew on TimeBank texts (``data/event_labels/timebank_edges.tsv``; the
texts are read from ``timebank/TimeBank``, see ``scripts/timebank_events.py``), each text one
document, and our labels of every event the rules make on 49 PolNeAR train articles
(``data/event_labels/polnear_events.tsv``, ``scripts/polnear_events.py``; ``--no-polnear``
leaves them out). The AQUAINT held-out half and ``ours_aside`` are never read.
Ten labelled TimeBank texts and every third PolNeAR-labelled article (of the sorted labelled
ids, from the first) are kept aside: never fitted on, only scored at the end, by the old
weights and the new (for PolNeAR also along the event thresholds, ``aside_polnear_curve``).

Each text is analysed with the gate off; every event the rules make is a candidate with its
features (``_confidence.describe``). Labels:

- event: AQUAINT and seed, the event matches a gold event as ``eval events`` matches them
  (same type, same sentence, one-to-one), and so for ours_dev; PLOVER, the event has the
  sentence's gold type;
- participant (each actor, each target): AQUAINT and seed, some gold event of its sentence
  names it on the same side (a shared content word, as ``edge_precision`` confirms an edge);
  PLOVER, only for events of the gold type (the sample codes one event per sentence), the
  participant's mention shares a word with the gold sources (targets);
- TimeBank: the label file's verdicts (the event: sentence and type right; each participant:
  right for this act), found by the trigger's offset and type and the participant's name;
  only labelled events (those that had an actor and a target) are candidates. They teach the
  participant model only (events that drew an edge are no sample of what the event model sees:
  fed to it too, cross-validated PLOVER type precision and pooled event F1 fell);
- PolNeAR: the label file's verdicts, found the same way; every event there is labelled, so
  they teach both models.

Two logistic regressions (``newsgraph.analyze.logistic.fit``: L2, fitted to convergence,
binary features seen at least twice) are fitted. Their L2 strengths and thresholds come from
leave-one-document-out cross-validation (each PLOVER sentence is a document): every document
is scored by models fitted on all the others. Each model's L2 is the one with the lowest
log loss on the held-out documents; the event threshold (``--event-objective f05``, the
default) is the one with the best F0.5 of the event gate over the candidates of the corpora
where every event is judged (AQUAINT tune, seed, ours_dev when fitted on, PolNeAR), among the
thresholds that keep the cross-validated figures that have a floor in ``floors.json`` (tune and
seed F1 and strict F1, PLOVER type precision, strict accuracy, target match) at their floor or
at their ungated value; ``--event-objective f1`` is the old rule, the best event F1 on the coded
gold (AQUAINT tune, seed, and ours_dev when fitted on); the edge threshold, applied to the events the event
gate keeps, the one with the best F0.5 of right edges kept (precision weighs twice: a wrong
edge is worse than a missing one). The cross-validated figures go to the file's header and to ``--report``.
"""

from __future__ import annotations

import argparse
import csv
import json
import sys
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from newsgraph.analyze import Analyzer
from newsgraph.analyze.events._confidence import MODEL_FILE, EventFeatures
from newsgraph.analyze.stages import STAGES, with_options
from newsgraph.analyze.logistic import fit, log_loss, probability
from newsgraph.evaluate import event_labels
from newsgraph.evaluate import events as ev
from newsgraph.evaluate import plover as pl
from newsgraph.evaluate import polnear_event_gold as pg
from newsgraph.evaluate.matching import prf
from newsgraph.model import Article

ROOT = Path(__file__).resolve().parents[1]

LABELS = ROOT / "data" / "event_labels" / "timebank_edges.tsv"
POLNEAR_LABELS = ROOT / "data" / "event_labels" / "polnear_events.tsv"
DEFAULT_OUT = ROOT / "src" / "newsgraph" / "analyze" / "lexicons" / "en" / MODEL_FILE
EVENT_THRESHOLDS = tuple(round(0.05 * i, 2) for i in range(0, 17))
EDGE_THRESHOLDS = tuple(round(0.05 * i, 2) for i in range(0, 19))
L2_GRID = (0.003, 0.01, 0.03, 0.1)  # on the mean log loss
MIN_COUNT = 2


@dataclass
class Candidate:
    features: EventFeatures
    right: bool  # the event
    actors_right: list[bool | None]  # None: not labelled
    targets_right: list[bool | None]
    predicted: object  # the scorer's view: ev.PredictedEvent, or a PLOVER (type, actors, targets)
    names: tuple[list[str], list[str]] = ([], [])  # the participants' names, for reading errors


@dataclass
class Unit:
    """One document: an AQUAINT story, the seed, or one PLOVER sentence."""
    name: str
    corpus: str  # aquaint, seed, plover, timebank
    candidates: list[Candidate] = field(default_factory=list)
    gold: object = None


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--data", type=Path, default=ROOT.parent / "shared" / "data")
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT)
    parser.add_argument("--report", type=Path, default=None, help="write the cross-validated figures as JSON")
    parser.add_argument("--labels", type=Path, default=LABELS, help="our TimeBank edge labels")
    parser.add_argument("--no-labels", action="store_true", help="leave the TimeBank labels out (for a comparison)")
    parser.add_argument("--polnear-labels", type=Path, default=POLNEAR_LABELS,
                        help="our labels of every event the rules make on PolNeAR train articles")
    parser.add_argument("--no-polnear", action="store_true", help="leave the PolNeAR labels out (for a comparison)")
    parser.add_argument("--event-objective", choices=("f1", "f05"), default="f05",
                        help="event threshold: best coded event F1 (the old objective) or best F0.5 of the event gate")
    # Off by default: fitted with ours_dev, the cross-validated event threshold fell to 0 (the gate
    # cut right ours_dev events), and PLOVER type precision fell from 0.717 to 0.695, seed F1 0.825 to 0.813.
    parser.add_argument("--ours", action="store_true", help="also fit on our TimeBank event gold (its *_dev parts)")
    parser.add_argument("--polnear-gold", action="store_true",
                        help="also fit on our PolNeAR event gold (its *_dev parts; use with --no-polnear: the "
                             "judged labels cover the same articles)")
    args = parser.parse_args(argv)
    analyzer = Analyzer(stages=with_options(STAGES, "events", gated=False, observe=_observed))
    old_gate = _load_old_gate(args.out)
    units = _aquaint_units(analyzer, args.data) + _plover_units(analyzer, args.data)
    if args.ours:
        units += _ours_units(analyzer, args.data)
    if args.polnear_gold:
        units += _polnear_gold_units(analyzer, args.data)
    fitted_tb, aside = _timebank_units(analyzer, args.data, args.labels)
    if not args.no_labels:
        units += fitted_tb
    fitted_pn, aside_pn = _polnear_units(analyzer, args.data, args.polnear_labels)
    if not args.no_polnear:
        units += fitted_pn
    n_events = sum(len(u.candidates) for u in units)
    n_parts = sum(1 for u in units for c in u.candidates for x in c.actors_right + c.targets_right if x is not None)
    print(f"{len(units)} documents, {n_events} candidate events, {n_parts} labelled participants", file=sys.stderr)
    cv = {l2: _cross_validated(units, l2) for l2 in L2_GRID}
    event_l2 = min(L2_GRID, key=lambda l2: cv[l2][1])
    participant_l2 = min(L2_GRID, key=lambda l2: cv[l2][2])
    report = _choose(units, _mixed(cv[event_l2][0], cv[participant_l2][0]), args.event_objective)
    report["ours"] = args.ours
    report["polnear_gold"] = args.polnear_gold
    report["polnear"] = bool(fitted_pn) and not args.no_polnear
    report.update(event_l2=event_l2, participant_l2=participant_l2,
                  log_loss_by_l2={str(l2): {"event": round(cv[l2][1], 4), "participant": round(cv[l2][2], 4)}
                                  for l2 in L2_GRID})
    event_w = fit(_event_rows(units), report["event_l2"], MIN_COUNT)
    part_w = fit(_participant_rows(units), report["participant_l2"], MIN_COUNT)
    report["aside"] = {
        "texts": len(aside),
        "before": _aside_edges(aside, *old_gate) if old_gate else None,
        "after": _aside_edges(aside, event_w, part_w, report["event_threshold"], report["edge_threshold"]),
        "ungated": _aside_edges(aside, {}, {}, 0.0, 0.0),
    }
    report["aside_polnear_curve"] = {
        str(t): {"before": _aside_events(aside_pn, old_gate[0], t) if old_gate else None,
                 "after": _aside_events(aside_pn, event_w, t)} for t in EVENT_THRESHOLDS}
    report["aside_polnear"] = {
        "texts": len(aside_pn),
        "before": _aside_polnear(aside_pn, *old_gate) if old_gate else None,
        "after": _aside_polnear(aside_pn, event_w, part_w, report["event_threshold"], report["edge_threshold"]),
        "ungated": _aside_polnear(aside_pn, {}, {}, 0.0, 0.0),
    }
    _write(args.out, event_w, part_w, report, len(units), n_events, n_parts)
    if args.report is not None:
        args.report.write_text(json.dumps(report, indent=1) + "\n", encoding="utf-8")
    print(json.dumps({"chosen": report["chosen"], "aside": report["aside"], "aside_polnear": report["aside_polnear"],
                      "log_loss_by_l2": report["log_loss_by_l2"],
                      "thresholds": [report["event_threshold"], report["edge_threshold"]]}, indent=1), file=sys.stderr)
    return 0


# --- data -------------------------------------------------------------------------------

_made: list[tuple[object, EventFeatures]] = []  # the events of the article being analysed, with their features


def _observed(event, features: EventFeatures) -> None:
    _made.append((event, features))


def _analysed(analyzer: Analyzer, article: Article) -> tuple[dict, list[EventFeatures]]:
    """The record of an article analysed without the gate, and the features of its events."""
    _made.clear()
    record = analyzer.analyze_one(article)
    events = record.get("events") or []
    # the gate sees an event before the restatement check (_restated) may drop it: keep the
    # features of the events that reached the record, in order
    features, j = [], 0
    for event, f in _made:
        if j < len(events) and (event.trigger[0], event.type) == (events[j]["trigger"]["start"], events[j]["type"]):
            features.append(f)
            j += 1
    if j != len(events):
        raise RuntimeError(f"{article.source}: {len(_made)} recorded events, {len(events)} in the record, "
                           f"{j} of them found")
    return record, features


def _aquaint_units(analyzer: Analyzer, data: Path) -> list[Unit]:
    folder = data / "events" / "txt"
    tune, _heldout = ev.halves(p.stem for p in folder.glob("*.txt"))
    docs = [(folder / f"{d}.txt", d, ev.published_from_name(d), ev._outlet(d)) for d in tune]
    docs.append((data.parent / "seed" / "article.txt", ev.SEED_DOC, ev.SEED_PUBLISHED, None))
    gold = ev.load_gold(data / "events" / "gold", {d for _, d, _, _ in docs})
    return [_coded_unit(analyzer, ev._article(path, published, outlet), doc, gold[doc],
                        "seed" if doc == ev.SEED_DOC else "aquaint") for path, doc, published, outlet in docs]


def _ours_units(analyzer: Analyzer, data: Path) -> list[Unit]:
    """The tunable parts of our TimeBank event gold (``*_dev``); the aside parts are never read."""
    gold = ev.load_gold(ev.OURS_GOLD)
    dev = ev.tunable_ours(gold)
    folder = data / "timebank" / "TimeBank"
    return [_coded_unit(analyzer, ev.timebank_article(folder / f"{doc}.tml"), doc, gold[doc], "ours") for doc in dev]


def _polnear_gold_units(analyzer: Analyzer, data: Path) -> list[Unit]:
    """The tunable parts of our PolNeAR event gold (``*_dev``); the aside part is never read."""
    gold = ev.load_gold(pg.GOLD)
    dev = sorted(d for part, docs in ev.ours_parts(gold, pg.PARTS).items() if part.endswith("_dev") for d in docs)
    return [_coded_unit(analyzer, article, doc, gold[doc], "polnear_gold")
            for doc, article in zip(dev, pg.articles(data, dev))]


def _coded_unit(analyzer: Analyzer, article: Article, doc: str, gold: list, corpus: str) -> Unit:
    """A text of an event gold: each event is right when it matches a gold event, each
    participant when a gold event of its sentence names it on the same side."""
    record, features = _analysed(analyzer, article)
    predicted = ev.predicted_events(record)
    matched = {pj for _gi, pj in ev.match(gold, predicted)}
    unit = Unit(doc, corpus, gold=gold)
    for j, (p, f) in enumerate(zip(predicted, features)):
        same = [g for g in gold if ev._sentence_overlap(g.sentence, p.sentence) >= ev.SAME_SENTENCE]
        words = _participant_words(record, record["events"][j])
        unit.candidates.append(Candidate(
            f, j in matched,
            [any(ev._gold_words(g.actors) & w for g in same) for w in words[0]],
            [any(ev._gold_words(g.targets) & w for g in same) for w in words[1]], p,
            _names(record, record["events"][j])))
    return unit


def _participant_words(record: dict, event: dict) -> tuple[list[frozenset], list[frozenset]]:
    entities = {e["id"]: e for e in record["entities"]}

    def words(i) -> frozenset:
        return frozenset(ev.entity_words(entities.get(i) or {}))

    return [words(i) for i in event["actors"]], [words(i) for i in event["targets"]]


def _names(record: dict, event: dict) -> tuple[list[str], list[str]]:
    names = {e["id"]: e["name"] for e in record["entities"]}
    return [names.get(i, "") for i in event["actors"]], [names.get(i, "") for i in event["targets"]]


def _plover_units(analyzer: Analyzer, data: Path) -> list[Unit]:
    units = []
    for g in pl.load_gold(data / "plover" / "gsr_even.json"):
        record, features = _analysed(analyzer, Article(text=g.text, source=g.id))
        texts = {e["id"]: tuple(m["text"] for m in e["mentions"]) for e in record["entities"]}
        unit = Unit(g.id, "plover", gold=g)
        for e, f in zip(record["events"], features):
            typed = e["type"] == g.type
            actors = [texts.get(i, ()) for i in e["actors"]]
            targets = [texts.get(i, ()) for i in e["targets"]]
            unit.candidates.append(Candidate(
                f, typed,
                [pl._overlaps(a, g.sources) if typed else None for a in actors],
                [pl._overlaps(t, g.targets) if typed else None for t in targets],
                (e["type"], tuple(x for a in actors for x in a), tuple(x for t in targets for x in t)),
                _names(record, e)))
        units.append(unit)
    return units


def _read_labels(path: Path) -> dict[str, dict[tuple[int, str], dict]]:
    """doc -> (trigger offset, type) -> {event, actors: {name: bool}, targets: {name: bool}}."""
    out: dict[str, dict] = {}
    with path.open(encoding="utf-8") as f:
        for row in csv.DictReader(f, delimiter="\t", quoting=csv.QUOTE_NONE):
            def verdicts(cell: str) -> dict[str, bool]:
                pairs = (item.rsplit("=", 1) for item in cell.split("; ") if item)
                return {name: verdict == "right" for name, verdict in pairs}
            out.setdefault(row["doc"], {})[(int(row["trigger_start"]), row["type"])] = {
                "event": row["event"] == "right", "actors": verdicts(row["actors"]),
                "targets": verdicts(row["targets"])}
    return out


def aside_docs(docs) -> set[str]:
    """The labelled texts never fitted on: every third of the sorted ids, from the first, ten."""
    return set(sorted(docs)[0::3][:10])


def _timebank_units(analyzer: Analyzer, data: Path, labels_path: Path) -> tuple[list[Unit], list[Unit]]:
    """(fitted, aside): one unit per labelled TimeBank text, its labelled events the candidates."""
    labels = _read_labels(labels_path)
    aside = aside_docs(labels)
    folder = data / "timebank" / "TimeBank"
    fitted, kept_aside = [], []
    for doc in sorted(labels):
        record, features = _analysed(analyzer, ev.timebank_article(folder / f"{doc}.tml"))
        unit = Unit(doc, "timebank")
        for e, f in zip(record["events"], features):
            label = labels[doc].get((e["trigger"]["start"], e["type"]))
            if label is None:
                continue
            names = _names(record, e)
            if len(names[0]) != len(f.actors) or len(names[1]) != len(f.targets):
                continue
            unit.candidates.append(Candidate(
                f, label["event"], [label["actors"].get(n) for n in names[0]],
                [label["targets"].get(n) for n in names[1]], (e["type"], (), ()), names))
        (kept_aside if doc in aside else fitted).append(unit)
    return fitted, kept_aside


def _polnear_units(analyzer: Analyzer, data: Path, labels_path: Path) -> tuple[list[Unit], list[Unit]]:
    """(fitted, aside): one unit per labelled PolNeAR train article. Every event the rules make
    there is labelled (``scripts/polnear_events.py`` lists them all, gated off), so these are a
    sample of what the event model sees, and they teach both models."""
    if not labels_path.exists():
        return [], []
    labels = _read_labels(labels_path)
    aside = event_labels.aside_docs(labels)  # the split `newsgraph eval events` reports
    folder = data / "polnear" / "train" / "text"
    fitted, kept_aside = [], []
    unlabelled = 0
    for doc in sorted(labels):
        path = folder / f"{doc}.txt"
        record, features = _analysed(analyzer, Article(text=path.read_text(encoding="utf-8"), source=str(path)))
        unit = Unit(doc, "polnear")
        for e, f in zip(record["events"], features):
            label = labels[doc].get((e["trigger"]["start"], e["type"]))
            if label is None:  # made by rules newer than the labels: no longer a full sample
                unlabelled += 1
                continue
            names = tuple([" ".join(n.split()) for n in side] for side in _names(record, e))
            unit.candidates.append(Candidate(
                f, label["event"], [label["actors"].get(n) for n in names[0]],
                [label["targets"].get(n) for n in names[1]], (e["type"], (), ()), names))
        (kept_aside if doc in aside else fitted).append(unit)
    if unlabelled:
        print(f"warning: {unlabelled} PolNeAR events have no label (the rules changed since the labels were made; "
              "scripts/polnear_events.py lists them)", file=sys.stderr)
    return fitted, kept_aside


def _aside_polnear(units: list[Unit], event_w: dict, part_w: dict, t_event: float, t_edge: float) -> dict:
    """What a gate with these weights keeps of the aside PolNeAR articles' events and edges."""
    kept = right_kept = right = 0
    for u in units:
        for c in u.candidates:
            keep = probability(c.features.event, event_w) >= t_event
            kept += keep
            right += c.right
            right_kept += keep and c.right
    edges = _aside_edges(units, event_w, part_w, t_event, t_edge)
    # an edge the scorer's edge_P could confirm needs a right event as well as right participants
    confirmed = sum(1 for u in units for c in u.candidates
                    if c.right and _edge_right(c) and _edge_kept(c, event_w, part_w, t_event, t_edge))
    return {"events": sum(len(u.candidates) for u in units), "events_right": right, "events_kept": kept,
            "events_right_kept": right_kept, "event_precision": round(right_kept / kept, 4) if kept else None,
            "event_recall": round(right_kept / right, 4) if right else None,
            "edges": edges, "edges_kept_with_right_event": confirmed}


def _aside_events(units: list[Unit], event_w: dict, t_event: float) -> str:
    """right kept / kept (precision), recall: the event model alone at this threshold."""
    kept = right_kept = right = 0
    for u in units:
        for c in u.candidates:
            keep = probability(c.features.event, event_w) >= t_event
            kept, right, right_kept = kept + keep, right + c.right, right_kept + (keep and c.right)
    return f"{right_kept}/{kept} P {right_kept / kept if kept else 0:.3f} R {right_kept / right if right else 0:.3f}"


def _edge_kept(c: Candidate, event_w: dict, part_w: dict, t_event: float, t_edge: float) -> bool:
    return probability(c.features.event, event_w) >= t_event and \
        max(probability(a, part_w) for a in c.features.actors) * \
        max(probability(t, part_w) for t in c.features.targets) >= t_edge


def _load_old_gate(path: Path):
    """The weights file as it was before this run: (event weights, participant weights, thresholds)."""
    from newsgraph.analyze.events._confidence import read_gate
    if not path.exists():
        return None
    g = read_gate(path.read_text(encoding="utf-8"))
    return g.event_weights, g.participant_weights, g.event_threshold, g.edge_threshold


def _aside_edges(units: list[Unit], event_w: dict, part_w: dict, t_event: float, t_edge: float) -> dict:
    """Labelled edges of the aside texts that a gate with these weights keeps, and how many are right."""
    kept = right = lost_right = lost_wrong = 0
    for u in units:
        for c in u.candidates:
            edge_right = _edge_right(c)
            if edge_right is None:
                continue
            keep = _edge_kept(c, event_w, part_w, t_event, t_edge)
            kept += keep
            right += keep and edge_right
            lost_right += (not keep) and edge_right
            lost_wrong += (not keep) and not edge_right
    return {"kept": kept, "right": right, "precision": round(right / kept, 4) if kept else None,
            "lost_right": lost_right, "lost_wrong": lost_wrong}


def _event_rows(units: list[Unit]) -> list[tuple[tuple[str, ...], bool]]:
    # The TimeBank labels judge only events that drew an edge: a sample of the events that is
    # no sample of what the event model sees, so they teach the participant model alone.
    return [(c.features.event, c.right) for u in units if u.corpus != "timebank" for c in u.candidates]


def _participant_rows(units: list[Unit]) -> list[tuple[tuple[str, ...], bool]]:
    rows = []
    for u in units:
        for c in u.candidates:
            for feats, right in [*zip(c.features.actors, c.actors_right), *zip(c.features.targets, c.targets_right)]:
                if right is not None:
                    rows.append((feats, right))
    return rows


# --- the model --------------------------------------------------------------------------

def _cross_validated(units: list[Unit], l2: float) -> tuple[dict[int, list[tuple[float, float, float]]], float, float]:
    """For each document, its candidates' (event, best actor, best target) probabilities from
    models with this L2 fitted on all the other documents; and the two models' log loss on
    the held-out documents' rows."""
    out, event_loss, part_loss = {}, 0.0, 0.0
    n_event, n_part = len(_event_rows(units)), len(_participant_rows(units))
    for k, unit in enumerate(units):
        others = units[:k] + units[k + 1:]
        event_w = fit(_event_rows(others), l2, MIN_COUNT)
        part_w = fit(_participant_rows(others), l2, MIN_COUNT)
        out[k] = [(probability(c.features.event, event_w),
                   max((probability(a, part_w) for a in c.features.actors), default=0.0),
                   max((probability(t, part_w) for t in c.features.targets), default=0.0)) for c in unit.candidates]
        event_rows, part_rows = _event_rows([unit]), _participant_rows([unit])
        event_loss += log_loss(event_rows, event_w) * len(event_rows) / n_event
        part_loss += log_loss(part_rows, part_w) * len(part_rows) / n_part
    print(f"  cross-validation at L2 {l2}: log loss {event_loss:.4f} (events), {part_loss:.4f} (participants)",
          file=sys.stderr)
    return out, event_loss, part_loss


def _mixed(event_cv: dict, participant_cv: dict) -> dict:
    """The event probabilities of one cross-validation with the participant probabilities of another."""
    return {k: [(e, a, t) for (e, _, _), (_, a, t) in zip(event_cv[k], participant_cv[k])] for k in event_cv}


# --- thresholds and figures -------------------------------------------------------------

def _gated(unit: Unit, scores, t_event: float, t_edge: float) -> list:
    """The unit's predictions as the gate would leave them."""
    out = []
    for c, (p_event, p_actor, p_target) in zip(unit.candidates, scores):
        if p_event < t_event:
            continue
        p = c.predicted
        if c.features.actors and c.features.targets and p_actor * p_target < t_edge:
            drop_targets = p_target <= p_actor
            if isinstance(p, ev.PredictedEvent):
                p = ev.PredictedEvent(p.sentence, p.type, p.trigger, frozenset() if not drop_targets else p.actors,
                                      frozenset() if drop_targets else p.targets, p.modality)
            else:
                p = (p[0], () if not drop_targets else p[1], () if drop_targets else p[2])
        out.append(p)
    return out


def _figures(units: list[Unit], cv, t_event: float, t_edge: float) -> dict:
    """Event, strict and edge figures of every corpus with the gate at these thresholds, and the
    gates' own precision and recall over the candidates."""
    aquaint = [(u.gold, _gated(u, cv[k], t_event, t_edge)) for k, u in enumerate(units) if u.corpus == "aquaint"]
    seed = [(u.gold, _gated(u, cv[k], t_event, t_edge)) for k, u in enumerate(units) if u.corpus == "seed"]
    plover = [(u.gold, _gated(u, cv[k], t_event, t_edge)) for k, u in enumerate(units) if u.corpus == "plover"]
    ours = [(u.gold, _gated(u, cv[k], t_event, t_edge)) for k, u in enumerate(units) if u.corpus == "ours"]
    pn_gold = [(u.gold, _gated(u, cv[k], t_event, t_edge)) for k, u in enumerate(units) if u.corpus == "polnear_gold"]
    figures = {"tune": ev.score(aquaint), "seed": ev.score(seed), "plover": pl.score(plover), "ours_dev": ev.score(ours),
               "polnear_gold_dev": ev.score(pn_gold)}
    # pooled event F1: AQUAINT, seed and ours_dev matches, plus PLOVER sentences with an event of their type
    counts = ev.Counts()
    for gold, predicted in aquaint + seed + ours + pn_gold:
        counts += ev.count(gold, predicted)
    plover_right = sum(any(p[0] == g.type for p in predicted) for g, predicted in plover)
    plover_predicted = sum(len(predicted) for _, predicted in plover)
    figures["pooled_event_f1"] = prf(counts.matched + plover_right, counts.predicted + plover_predicted,
                                     counts.gold + len(plover))[2]
    figures["coded_event_f1"] = prf(counts.matched, counts.predicted, counts.gold)[2]
    figures["coded_strict_f1"] = prf(counts.strict, counts.predicted, counts.gold)[2]
    # the gates over the candidates
    kept = right_kept = right_all = 0
    edges = edges_right = edges_kept = edges_right_kept = 0
    by_corpus: dict[str, Counter] = {}
    for k, u in enumerate(units):
        for c, (p_event, p_actor, p_target) in zip(u.candidates, cv[k]):
            keep = p_event >= t_event
            kept += keep
            right_all += c.right
            right_kept += keep and c.right
            if not (keep and c.features.actors and c.features.targets):
                continue
            edge_right = _edge_right(c)
            if edge_right is None:
                continue
            edges += 1
            edges_right += edge_right
            keep_edge = p_actor * p_target >= t_edge
            edges_kept += keep_edge
            edges_right_kept += keep_edge and edge_right
            by_corpus.setdefault(u.corpus, Counter()).update(
                {"edges": 1, "right": int(edge_right), "kept": int(keep_edge), "right_kept": int(keep_edge and edge_right)})
    n = sum(len(u.candidates) for u in units)
    figures["event_gate_by_corpus"] = _event_gate_by_corpus(units, cv, t_event)
    figures["event_gate_sampled"] = _pooled(figures["event_gate_by_corpus"], SAMPLED_CORPORA)
    figures["event_gate"] = {"candidates": n, "right": right_all, "kept": kept, "right_kept": right_kept,
                             "precision_before": right_all / n if n else 0.0,
                             "precision": right_kept / kept if kept else 0.0,
                             "recall": right_kept / right_all if right_all else 0.0}
    figures["edge_gate"] = {"edges": edges, "right": edges_right, "kept": edges_kept, "right_kept": edges_right_kept,
                            "precision_before": edges_right / edges if edges else 0.0,
                            "precision": edges_right_kept / edges_kept if edges_kept else 0.0,
                            "recall": edges_right_kept / edges_right if edges_right else 0.0}
    figures["edge_gate_by_corpus"] = {c: dict(n) for c, n in sorted(by_corpus.items())}
    return figures


# Corpora whose candidates are every event the rules make, each judged: the event gate's precision
# and recall over them are those of the system (up to what the rules find). PLOVER judges one
# type per sentence and the TimeBank edge labels only events that drew an edge.
SAMPLED_CORPORA = ("aquaint", "seed", "ours", "polnear", "polnear_gold")


def _event_gate_by_corpus(units: list[Unit], cv, t_event: float) -> dict[str, dict]:
    out: dict[str, Counter] = {}
    for k, u in enumerate(units):
        n = out.setdefault(u.corpus, Counter())
        for c, (p_event, _a, _t) in zip(u.candidates, cv[k]):
            keep = p_event >= t_event
            n.update({"candidates": 1, "right": int(c.right), "kept": int(keep), "right_kept": int(keep and c.right)})
    return {corpus: dict(n) for corpus, n in sorted(out.items())}


def _pooled(by_corpus: dict[str, dict], corpora) -> dict:
    n = Counter()
    for corpus in corpora:
        n.update(by_corpus.get(corpus, {}))
    precision = n["right_kept"] / n["kept"] if n["kept"] else 0.0
    recall = n["right_kept"] / n["right"] if n["right"] else 0.0
    return {**dict(n), "precision_before": n["right"] / n["candidates"] if n["candidates"] else 0.0,
            "precision": precision, "recall": recall, "f05": _f_beta(precision, recall, 0.5),
            "f1": _f_beta(precision, recall, 1.0)}


def _edge_right(c: Candidate) -> bool | None:
    """An edge is right when one actor and one target are; no edge, or unlabelled (PLOVER, other type): None."""
    if not (c.actors_right and c.targets_right) or any(x is None for x in c.actors_right + c.targets_right):
        return None
    return any(c.actors_right) and any(c.targets_right)


def _f_beta(precision: float, recall: float, beta: float) -> float:
    b2 = beta * beta
    return (1 + b2) * precision * recall / (b2 * precision + recall) if precision + recall else 0.0


# The cross-validated figures an event threshold may not push below their floor
# (src/newsgraph/evaluate/floors.json), or below their ungated value where that is under the floor.
FLOORED = (("events", "tune_f1", ("tune", "f1")), ("events", "tune_strict_f1", ("tune", "strict_f1")),
           ("events", "seed_f1", ("seed", "f1")), ("events", "seed_strict_f1", ("seed", "strict_f1")),
           ("plover", "type_precision", ("plover", "type_precision")),
           ("plover", "strict_accuracy", ("plover", "strict_accuracy")),
           ("plover", "target_match", ("plover", "target_match")))
FLOORS = ROOT / "src" / "newsgraph" / "evaluate" / "floors.json"


def _within_floors(figures: dict, ungated: dict, floors: dict) -> bool:
    for group, name, (corpus, key) in FLOORED:
        floor = floors.get(group, {}).get(name)
        if floor is not None and figures[corpus][key] < min(floor, ungated[corpus][key]):
            return False
    return True


def _choose(units: list[Unit], cv, objective: str = "f05") -> dict:
    by_event = {t: _figures(units, cv, t, 0.0) for t in EVENT_THRESHOLDS}
    if objective == "f1":
        t_event = max(EVENT_THRESHOLDS, key=lambda t: (round(by_event[t]["coded_event_f1"], 4), -t))
    else:
        # Precision weighs twice (F0.5), over every event the rules make on the fully judged
        # corpora; unconstrained, the PolNeAR candidates (the most, and the most often wrong) pull
        # the threshold to where the seed and AQUAINT tune lose half their right events, so only
        # thresholds that keep the floored figures are candidates.
        floors = json.loads(FLOORS.read_text(encoding="utf-8"))
        allowed = [t for t in EVENT_THRESHOLDS if _within_floors(by_event[t], by_event[0.0], floors)] or [0.0]
        t_event = max(allowed, key=lambda t: (round(by_event[t]["event_gate_sampled"]["f05"], 4), -t))
    by_edge = {t: _figures(units, cv, t_event, t) for t in EDGE_THRESHOLDS}

    def edge_f(t):
        g = by_edge[t]["edge_gate"]
        return _f_beta(g["precision"], g["recall"], 0.5)

    t_edge = max(EDGE_THRESHOLDS, key=lambda t: (round(edge_f(t), 4), -t))
    chosen = _figures(units, cv, t_event, t_edge)
    ungated = _figures(units, cv, 0.0, 0.0)
    return {
        "event_threshold": t_event, "edge_threshold": t_edge, "event_objective": objective,
        "chosen": _summary(chosen), "ungated": _summary(ungated),
        "by_event_threshold": {str(t): {"coded_event_f1": round(f["coded_event_f1"], 4),
                                        "coded_strict_f1": round(f["coded_strict_f1"], 4),
                                        "pooled_event_f1": round(f["pooled_event_f1"], 4),
                                        "gate_precision": round(f["event_gate"]["precision"], 4),
                                        "gate_recall": round(f["event_gate"]["recall"], 4),
                                        "sampled_f05": round(f["event_gate_sampled"]["f05"], 4),
                                        "sampled_precision": round(f["event_gate_sampled"]["precision"], 4),
                                        "sampled_recall": round(f["event_gate_sampled"]["recall"], 4),
                                        "tune_f1": round(f["tune"]["f1"], 4), "seed_f1": round(f["seed"]["f1"], 4),
                                        "seed_strict_f1": round(f["seed"]["strict_f1"], 4),
                                        "plover_type_precision": round(f["plover"]["type_precision"], 4),
                                        "polnear": f["event_gate_by_corpus"].get("polnear")}
                               for t, f in by_event.items()},
        "by_edge_threshold": {str(t): {"edge_f05": round(edge_f(t), 4),
                                       "gate_precision": round(f["edge_gate"]["precision"], 4),
                                       "gate_recall": round(f["edge_gate"]["recall"], 4)}
                              for t, f in by_edge.items()},
    }


def _summary(f: dict) -> dict:
    keys = ("precision", "recall", "f1", "strict_precision", "strict_recall", "strict_f1", "edge_precision", "edges")
    return {
        "tune": {k: round(f["tune"][k], 4) for k in keys},
        "seed": {k: round(f["seed"][k], 4) for k in keys},
        "ours_dev": {k: round(f["ours_dev"][k], 4) for k in keys},
        "polnear_gold_dev": {k: round(f["polnear_gold_dev"][k], 4) for k in keys},
        "plover": {k: round(v, 4) for k, v in f["plover"].items()},
        "pooled_event_f1": round(f["pooled_event_f1"], 4),
        "coded_event_f1": round(f["coded_event_f1"], 4),
        "coded_strict_f1": round(f["coded_strict_f1"], 4),
        "event_gate": {k: round(v, 4) for k, v in f["event_gate"].items()},
        "event_gate_sampled": {k: round(v, 4) for k, v in f["event_gate_sampled"].items()},
        "event_gate_by_corpus": f["event_gate_by_corpus"],
        "edge_gate": {k: round(v, 4) for k, v in f["edge_gate"].items()},
        "edge_gate_by_corpus": f["edge_gate_by_corpus"],
    }


def _write(out: Path, event_w: dict, part_w: dict, report: dict, n_units: int, n_events: int, n_parts: int) -> None:
    c = report["chosen"]
    lines = [
        "# Weights of the event gate (newsgraph.analyze.events._confidence): model, feature, weight.",
        "# Written by scripts/train_event_gate.py from the PLOVER sample, the tune half of the AQUAINT event",
        "# gold, the seed, " + ("the dev half of our TimeBank event gold, " if report.get("ours") else "") +
        ("our PolNeAR event labels (every third article kept aside), " if report.get("polnear") else "") +
        ("the dev parts of our PolNeAR event gold, " if report.get("polnear_gold") else "") +
        "and our TimeBank edge labels (data/event_labels, ten texts kept aside):",
        f"# {n_units} documents, {n_events} candidate events, {n_parts} labelled participants.",
        "# Derived figures only; no text of the corpora. Leave-one-document-out cross-validated:",
        f"#   event gate: precision {c['event_gate']['precision_before']:.3f} -> {c['event_gate']['precision']:.3f}, "
        f"recall {c['event_gate']['recall']:.3f} of the right events",
        f"#   edge gate: precision {c['edge_gate']['precision_before']:.3f} -> {c['edge_gate']['precision']:.3f}, "
        f"recall {c['edge_gate']['recall']:.3f} of the right edges",
        f"#   tune: F1 {c['tune']['f1']:.3f}, strict F1 {c['tune']['strict_f1']:.3f}, edge precision "
        f"{c['tune']['edge_precision']:.3f}; seed: F1 {c['seed']['f1']:.3f}, strict F1 {c['seed']['strict_f1']:.3f}, "
        f"edge precision {c['seed']['edge_precision']:.3f}; " +
        (f"ours_dev: F1 {c['ours_dev']['f1']:.3f}, edge precision {c['ours_dev']['edge_precision']:.3f}; "
         if report.get("ours") else "") + "PLOVER type precision "
        f"{c['plover']['type_precision']:.3f}, strict {c['plover']['strict_accuracy']:.3f}",
        f"#   aside TimeBank texts (never fitted): edge precision {_fmt(report['aside']['before'])} with the "
        f"previous weights, {_fmt(report['aside']['after'])} with these",
        *([f"#   aside PolNeAR articles (never fitted): events right {_fmt_events(report['aside_polnear']['before'])} "
           f"with the previous weights, {_fmt_events(report['aside_polnear']['after'])} with these"]
          if report.get("aside_polnear") else []),
        f"#   L2 (on the mean log loss): event {report['event_l2']}, participant {report['participant_l2']}",
        f"threshold\tevent\t{report['event_threshold']}",
        f"threshold\tedge\t{report['edge_threshold']}",
    ]
    lines += [f"event\t{f}\t{w:.4f}" for f, w in sorted(event_w.items())]
    lines += [f"participant\t{f}\t{w:.4f}" for f, w in sorted(part_w.items())]
    out.write_text("\n".join(lines) + "\n", encoding="utf-8")


def _fmt_events(aside: dict | None) -> str:
    if not aside:
        return "n/a"
    return (f"{aside['events_right_kept']} of {aside['events_kept']} kept (of {aside['events_right']} right), "
            f"edges {_fmt(aside['edges'])}")


def _fmt(aside: dict | None) -> str:
    if not aside:
        return "n/a"
    return f"{aside['right']} of {aside['kept']} right"


if __name__ == "__main__":
    sys.exit(main())
