"""The event gate (``events._confidence``) and the untrusted-path rules (``events._reliability``).

Every sentence here is ours, written for the case it checks (none comes from the gold data).
"""

from __future__ import annotations

import importlib.util
import math
import sys
from pathlib import Path

import pytest

from newsgraph.analyze.events import _confidence, _reliability
from newsgraph.analyze.events._confidence import EventFeatures, load_gate, probability, read_gate
from newsgraph.analyze.logistic import fit
from newsgraph.analyze.stages import STAGES, with_options
from event_helpers import participant_names as _names

ROOT = Path(__file__).resolve().parents[3]
SCRIPT = ROOT / "scripts" / "train_event_gate.py"


def _script():
    spec = importlib.util.spec_from_file_location("train_event_gate", SCRIPT)
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # its dataclasses look their module up
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def analyze(nlp):
    from newsgraph.analyze.stages import run_stages
    from newsgraph.model import Article

    def run(text: str, **options):  # options of the events stage: gated, observe
        stages = with_options(STAGES, "events", **options) if options else STAGES
        made = run_stages(nlp(text), Article(text=text, source="test.txt"), stages)
        return made["entities"], made["events"]

    return run


# --- the weights file ---------------------------------------------------------------------

def test_event_gate_the_shipped_weights_load():
    gate = load_gate("en")
    assert gate is not None
    assert 0.0 <= gate.event_threshold < 1.0 and 0.0 <= gate.edge_threshold < 1.0
    assert "__bias__" in gate.event_weights and "__bias__" in gate.participant_weights
    assert len(gate.event_weights) > 50 and len(gate.participant_weights) > 50


def test_event_gate_what_the_training_script_writes_loads(tmp_path):
    train = _script()
    rows = [(("type=ASSAULT", "modality=asserted"), True), (("type=ASSAULT", "modality=hypothetical"), False)] * 3
    weights = fit(rows, 0.01)
    assert probability(("type=ASSAULT", "modality=asserted"), weights) > 0.5 > \
        probability(("type=ASSAULT", "modality=hypothetical"), weights)
    summary = {"precision_before": 0.5, "precision": 0.6, "recall": 0.9}
    figures = {k: 0.5 for k in ("f1", "strict_f1", "edge_precision")}
    report = {"event_threshold": 0.3, "edge_threshold": 0.2, "event_l2": 0.01, "participant_l2": 0.03,
              "chosen": {"event_gate": summary, "edge_gate": summary, "tune": figures, "seed": figures,
                         "plover": {"type_precision": 0.7, "strict_accuracy": 0.4}},
              "aside": {"before": {"kept": 5, "right": 3}, "after": {"kept": 4, "right": 3}}}
    out = tmp_path / "weights.tsv"
    train._write(out, weights, weights, report, 3, 6, 6)
    written = out.read_text(encoding="utf-8")
    assert "3 of 5 right with the previous weights, 3 of 4 right with these" in written
    assert "L2 (on the mean log loss): event 0.01, participant 0.03" in written
    gate = read_gate(out.read_text(encoding="utf-8"))
    assert (gate.event_threshold, gate.edge_threshold) == (0.3, 0.2)
    assert gate.event_weights == pytest.approx({f: round(w, 4) for f, w in weights.items()}, abs=1e-4)


def test_event_gate_our_timebank_labels_read_as_verdicts_per_participant():
    train = _script()
    labels = train._read_labels(train.LABELS)
    rows = [row for doc in labels.values() for row in doc.values()]
    assert len(rows) >= 80 and all(row["actors"] and row["targets"] for row in rows)
    # an edge is right when some actor and some target are; the file holds wrong ones to learn from
    edges = [any(r["actors"].values()) and any(r["targets"].values()) for r in rows]
    assert 0 < edges.count(False) < edges.count(True)
    aside = train.aside_docs(labels)
    assert len(aside) == 10 and aside == train.aside_docs(reversed(sorted(labels)))  # a fixed rule


def test_event_gate_polnear_labels_judge_every_event_and_keep_a_third_aside():
    train = _script()
    labels = train._read_labels(train.POLNEAR_LABELS)
    rows = [row for doc in labels.values() for row in doc.values()]
    assert len(labels) == 49 and len(rows) == 360
    # every event is judged, with or without participants: a sample of what the event model sees
    assert any(not (r["actors"] or r["targets"]) for r in rows)
    assert 0 < sum(r["event"] for r in rows) < len(rows)
    aside = train.event_labels.aside_docs(labels)
    assert len(aside) == 17 and aside == train.event_labels.aside_docs(reversed(sorted(labels)))  # a fixed rule


def test_event_gate_threshold_may_not_push_a_floored_figure_under_its_floor():
    train = _script()
    floors = {"events": {"tune_f1": 0.7, "seed_f1": 0.8}}

    def figures(tune_f1, seed_f1):
        return {"tune": {"f1": tune_f1, "strict_f1": 0.5}, "seed": {"f1": seed_f1, "strict_f1": 0.5},
                "plover": {"type_precision": 0.7, "strict_accuracy": 0.4, "target_match": 0.6}}

    ungated = figures(0.75, 0.85)
    assert train._within_floors(figures(0.72, 0.81), ungated, floors)
    assert not train._within_floors(figures(0.72, 0.79), ungated, floors)
    # a figure already under its floor without the gate only may not fall further
    assert train._within_floors(figures(0.65, 0.81), figures(0.65, 0.85), floors)
    assert not train._within_floors(figures(0.64, 0.81), figures(0.65, 0.85), floors)


def test_event_gate_a_file_without_thresholds_is_refused():
    with pytest.raises(ValueError):
        read_gate("event\t__bias__\t0.1\n")


def test_event_gate_an_unlikely_edge_loses_its_weaker_side(monkeypatch):
    from newsgraph.analyze.types import EventRecord

    event = EventRecord(type="ASSAULT", trigger=(0, 4, "shot"), sentence=(0, 10), modality="asserted",
                        actors=[0], targets=[1])
    features = EventFeatures(("e",), (("strong",),), (("weak",),))
    gate = _confidence.Gate(0.5, 0.5, {"__bias__": 3.0}, {"strong": 3.0, "weak": -3.0})
    monkeypatch.setattr(_confidence, "load_gate", lambda lang: gate)
    monkeypatch.setattr(_confidence, "describe", lambda *args, **kw: features)
    kept = _confidence.gate([event], None, None, [])
    assert kept[0].actors == [0] and kept[0].targets == []  # the event stays, without the edge
    assert math.isclose(_confidence.edge_score(features, gate.participant_weights)[1], 1 / (1 + math.exp(3)))


# --- real cases ---------------------------------------------------------------------------

@pytest.mark.slow
def test_event_gate_drops_a_feared_attack_read_with_the_wrong_victim(analyze):
    # ours: "if it is invaded": a feared act in a condition, whose "it" the rules resolved to the
    # wrong state (Sweden, not Finland). The gate used to drop it; since ``_conditions`` (an act
    # supposed in an "if" clause is not reported) the rules no longer make it, gated or not.
    text = "Sweden is ready to ship supplies to help defend Finland if it is invaded, the Swedish foreign minister said on Monday."
    _, ungated = analyze(text, gated=False)
    assert not any(e.type == "ASSAULT" for e in ungated)
    entities, gated = analyze(text)
    assert not any(e.type == "ASSAULT" for e in gated)
    # Since the gate was refitted on the merged rules (2026-12-05) it also drops "help defend
    # Finland" (a right, hypothetical SUPPORT); the cross-validated threshold costs 1 right event
    # in 268 there, and this is such a one.


@pytest.mark.slow
def test_event_gate_records_features_in_event_order(analyze):
    text = "Sweden is ready to ship supplies to help defend Finland if it is invaded, the Swedish foreign minister said on Monday."
    made = []
    _, events = analyze(text, gated=False, observe=lambda event, features: made.append((event, features)))
    assert [e for e, _f in made] == events and all(f.event for _e, f in made)


@pytest.mark.slow
def test_events_a_passive_subject_up_an_adjunct_is_not_the_target(analyze, monkeypatch):
    # ours: she was encouraged; the probing did not act on her
    text = ("Norway's foreign minister Anne Berg said on Friday that she was encouraged by cooperation from Ghana "
            "in probing into last week's attack.")
    entities, events = analyze(text)
    probe = next(e for e in events if e.trigger[2] == "probing")
    assert probe.targets == []
    monkeypatch.setattr(_reliability, "_borrowed_passive_subject", lambda trigger, parts: [])
    entities, events = analyze(text)
    probe = next(e for e in events if e.trigger[2] == "probing")
    assert _names(entities, probe.targets) == {"Anne Berg"}  # what the rule takes away


@pytest.mark.slow
def test_events_a_continent_is_no_destination_of_forces(analyze):
    # ours: forces go to a state, not to a stretch of ground
    # (agents and investigators sent are no military move: troops are)
    text = "The United States has dispatched troops to Africa to hunt down the kidnappers."
    entities, events = analyze(text)
    mobilize = next(e for e in events if e.type == "MOBILIZE")
    assert _names(entities, mobilize.actors) == {"United States"} and mobilize.targets == []


@pytest.mark.slow
def test_events_a_slogan_is_no_participant(analyze):
    # ours: a sign's words name no one
    entities, events = analyze('Cuban exiles carried signs demanding "Freedom for Elian" outside the courthouse.')
    assert all(entities[p].type != "WORK_OF_ART" for e in events for p in [*e.actors, *e.targets]
               if isinstance(p, int))
