"""The event-gold scorer: its matching rules on hand-made events, and the same figures as
shared/tools/score_events.py on hand-made records and on real analysis output."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import pytest

from newsgraph.errors import ConfigError
from newsgraph.evaluate import events as ev
from newsgraph.evaluate.events import GoldEvent, PredictedEvent

from paths import SHARED

TOOL = SHARED / "tools" / "score_events.py"
DATA = SHARED / "data"
needs_tool = pytest.mark.skipif(not TOOL.is_file(), reason=f"the shared event scorer is not at {TOOL}")

S1 = "Israeli jets struck targets near Damascus on Monday, the army said."
S2 = "Syria condemned the raid and called on the United Nations to act."


def _gold(type_="ASSAULT", sentence=S1, trigger="struck", actors=("Israel",), targets=("Damascus / Syria",),
          modality="asserted") -> GoldEvent:
    return GoldEvent(sentence, type_, trigger, tuple(actors), tuple(targets), modality)


def _pred(type_="ASSAULT", sentence=S1, trigger="struck", actors=("israel",), targets=("syria",),
          modality="asserted") -> PredictedEvent:
    return PredictedEvent(sentence, type_, trigger, frozenset(actors), frozenset(targets), modality)


def test_evaluate_events_match_is_one_to_one():
    gold = [_gold()]
    predicted = [_pred(), _pred(trigger="jets")]
    assert ev.match(gold, predicted) == [(0, 0)]
    figures = ev.score([(gold, predicted)])
    assert figures["matched"] == 1 and figures["precision"] == 0.5 and figures["recall"] == 1.0
    assert figures["per_sentence"] == 2.0  # two predictions, one sentence


def test_evaluate_events_match_needs_the_type_and_half_the_shorter_sentence():
    assert ev.match([_gold()], [_pred(type_="COERCE")]) == []
    assert ev.match([_gold()], [_pred(sentence=S2)]) == []
    # a clause of the sentence: all of its (shorter) words are shared
    assert ev.match([_gold()], [_pred(sentence="Israeli jets struck targets near Damascus")]) == [(0, 0)]


def test_evaluate_events_match_prefers_a_shared_trigger_over_a_larger_overlap():
    gold = [_gold(trigger="struck")]
    whole_sentence = _pred(trigger="targets", actors=())
    clause_with_trigger = _pred(sentence="jets struck targets near Damascus on Monday, the army said after talks"
                                         " in Cairo and Amman about the border.", trigger="struck")
    assert ev._sentence_overlap(gold[0].sentence, clause_with_trigger.sentence) < 1.0
    assert ev.match(gold, [whole_sentence, clause_with_trigger]) == [(0, 1)]
    # without a shared trigger the larger overlap wins
    assert ev.match(gold, [_pred(trigger="jets"), _pred(sentence=clause_with_trigger.sentence, trigger="x")]) \
        == [(0, 0)]
    figures = ev.score([(gold, [whole_sentence, clause_with_trigger])])
    assert figures["strict_f1"] > 0 and figures["actor_accuracy"] == 1.0  # the matched one has the actor


def test_evaluate_events_empty_gold_actors_agree_only_with_an_empty_prediction():
    assert ev.agree((), frozenset())
    assert not ev.agree((), frozenset({"russia"}))
    assert ev.agree(("Moscow / Russia",), frozenset({"russia"}))
    assert not ev.agree(("Moscow / Russia",), frozenset())
    assert not ev.agree(("Mr. Smith",), frozenset({"mr"}))  # stop words never agree
    gold = [_gold(actors=(), targets=("Syria",))]
    assert ev.score([(gold, [_pred(actors=())])])["strict_f1"] == 1.0
    figures = ev.score([(gold, [_pred(actors=("israel",))])])
    assert figures["f1"] == 1.0 and figures["strict_f1"] == 0.0 and figures["actor_accuracy"] == 0.0
    assert figures["target_accuracy"] == 1.0


def test_evaluate_events_edge_precision_counts_edges_any_gold_event_of_the_sentence_confirms():
    gold = [_gold(type_="ACCUSE", trigger="said")]  # another type still confirms the edge
    predicted = [
        _pred(),  # Israel -> Syria: confirmed
        _pred(targets=()),  # no target: not an edge
        _pred(targets=("lebanon",)),  # Israel -> Lebanon: not in the gold
        _pred(sentence=S2, actors=("israel",), targets=("syria",)),  # another sentence
    ]
    figures = ev.score([(gold, predicted)])
    assert figures["edges"] == 3 and figures["edge_precision"] == pytest.approx(1 / 3)
    assert figures["matched"] == 0 and figures["actor_accuracy"] == 0.0  # nothing to count: 0.0


def test_evaluate_events_modality_accuracy_reads_none_as_asserted():
    record = _record("d", S1, [("ASSAULT", S1, "struck", ["Israel"], ["Syria"], None)])
    predicted = ev.predicted_events(record)
    assert predicted[0].modality == "asserted"
    gold = [_gold(), _gold(type_="ACCUSE", trigger="said", modality="claimed")]
    figures = ev.score([(gold, predicted + [_pred(type_="ACCUSE", trigger="said", modality="planned")])])
    assert figures["matched"] == 2 and figures["modality_accuracy"] == 0.5


def test_evaluate_events_predicted_events_read_sentences_names_and_mentions():
    record = _record("d", f"{S1} {S2}", [("ACCUSE", S2, "condemned", ["Syria"], ["the raid"], "asserted")])
    [p] = ev.predicted_events(record)
    assert p.sentence == S2 and p.type == "ACCUSE" and p.trigger == "condemned"
    assert p.actors == {"syria", "damascus"}  # the entity's name and its mention texts
    assert p.targets == {"raid"}  # not an entity id: its own words


def test_evaluate_events_halves_and_publication_dates():
    docs = ["XIE1", "APW3", "APW1", "NYT2", "APW2"]
    assert ev.halves(docs) == (["APW1", "APW3", "XIE1"], ["APW2", "NYT2"])
    assert ev.published_from_name("APW19980807.0261") == "1998-08-07"
    assert ev.published_from_name("article") is None


# --- the same figures as the shared tool ------------------------------------------------------

def _record(doc: str, text: str, events: list[tuple]) -> dict:
    """An analysis record: events as (type, sentence, trigger, actors, targets, modality); a
    participant named "Syria" or "Israel" is an entity (with a mention), any other is a bare text."""
    entities = [{"id": "e1", "name": "Syria", "mentions": [{"text": "Damascus"}]},
                {"id": "e2", "name": "Israel", "mentions": [{"text": "Israeli"}]}]
    ids = {"Syria": "e1", "Israel": "e2"}
    out = []
    for type_, sentence, trigger, actors, targets, modality in events:
        start = text.index(sentence)
        out.append({"type": type_, "trigger": {"text": trigger},
                    "sentence": {"start": start, "end": start + len(sentence)},
                    "actors": [ids.get(a, a) for a in actors], "targets": [ids.get(t, t) for t in targets],
                    "modality": modality})
    return {"document": {"source": f"/somewhere/{doc}.txt", "text": text}, "entities": entities, "events": out}


def _tool(gold_dir: Path, records: list[dict], tmp_path: Path, docs: list[str] | None = None) -> dict[str, str]:
    """The tool's figures, as it prints them (3 decimals, per_sent 2)."""
    predictions = tmp_path / "predictions.jsonl"
    predictions.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    args = [sys.executable, str(TOOL), str(gold_dir), str(predictions)] + ([f"--docs={','.join(docs)}"] if docs else [])
    result = subprocess.run(args, capture_output=True, text=True, timeout=120, check=True)
    counts, totals, last = result.stdout.strip().splitlines()[-3:]
    figures = dict(re.findall(r"(\w+)=(\S+)", last))
    strict = re.search(r"strict P/R/F1 (\S+)/(\S+)/(\S+);", totals).groups()
    return {
        "precision": figures["P"], "recall": figures["R"], "f1": figures["F1"],
        "strict_precision": strict[0], "strict_recall": strict[1], "strict_f1": figures["strict_F1"],
        "actor_accuracy": figures["actor_acc"], "target_accuracy": figures["target_acc"],
        "modality_accuracy": figures["modality_acc"], "edge_precision": figures["edge_P"],
        "edges": re.search(r"edges \d+/(\d+);", totals).group(1),
        "per_sentence": re.search(r"per_sent (\S+)$", totals).group(1),
        **{ours: re.search(rf"\b{theirs}=(\d+)", counts).group(1)
           for ours, theirs in (("gold", "gold"), ("predicted", "pred"), ("matched", "matched"))},
    }


def _as_printed(key: str, value: float, tool_value: str) -> str:
    if tool_value == "n/a":  # nothing to count: the tool says n/a, we say 0.0
        return "n/a" if value == 0.0 else f"{value:.3f}"
    if key in ("edges", "gold", "predicted", "matched"):
        return str(int(value))
    return f"{value:.2f}" if key == "per_sentence" else f"{value:.3f}"


def _assert_same(ours: dict[str, float], theirs: dict[str, str]) -> None:
    assert set(theirs) <= set(ours)
    assert {k: _as_printed(k, ours[k], v) for k, v in theirs.items()} == theirs


@needs_tool
def test_evaluate_events_scorer_equals_the_tool_on_hand_made_records(tmp_path):
    text_a = f"{S1} {S2} Israel denied it."
    text_b = "Israel and Syria met in Geneva. They agreed to talk again."
    gold = {
        "a": [_gold(), _gold(type_="ACCUSE", sentence=S2, trigger="condemned", actors=("Syria",), targets=("Israel",)),
              _gold(type_="REQUEST", sentence=S2, trigger="called on", actors=("Syria",), targets=("United Nations",),
                    modality="claimed")],
        "b": [_gold(type_="CONSULT", sentence="Israel and Syria met in Geneva.", trigger="met",
                    actors=("Israel", "Syria"), targets=()),
              _gold(type_="AGREE", sentence="They agreed to talk again.", trigger="agreed", actors=(), targets=())],
    }
    records = [
        _record("a", text_a, [("ASSAULT", S1, "jets", ["Israel"], ["Syria"], None),
                              ("ASSAULT", S1, "struck", ["Israel"], [], "asserted"),
                              ("ACCUSE", S2, "condemned", ["Syria"], ["the raid"], "asserted"),
                              ("REQUEST", S2, "called", ["Syria"], ["the United Nations"], "claimed"),
                              ("REJECT", "Israel denied it.", "denied", ["Israel"], ["Syria"], "asserted")]),
        _record("b", text_b, [("CONSULT", "Israel and Syria met in Geneva.", "met", ["Israel"], ["Syria"], None),
                              ("AGREE", "They agreed to talk again.", "agreed", [], [], "planned")]),
    ]
    gold_dir = tmp_path / "gold"
    gold_dir.mkdir()
    for doc, events in gold.items():
        (gold_dir / f"{doc}.jsonl").write_text("".join(
            json.dumps({"doc": doc, "sentence": g.sentence, "trigger": g.trigger, "type": g.type,
                        "actors": list(g.actors), "targets": list(g.targets), "modality": g.modality}) + "\n"
            for g in events), encoding="utf-8")
    ours = ev.score([(ev.load_gold(gold_dir)[doc], ev.predicted_events(r)) for doc, r in zip(gold, records)])
    _assert_same(ours, _tool(gold_dir, records, tmp_path))
    assert 0 < ours["strict_f1"] < ours["f1"] < 1


@pytest.fixture(scope="module")
def real_records():
    if not (DATA / "events" / "gold").is_dir() or not (SHARED / "seed" / "article.txt").is_file():
        pytest.skip(f"the event gold is not at {DATA / 'events'} (or the seed beside it)")
    from newsgraph.analyze import Analyzer

    return ev.analyze(Analyzer(), DATA)


@pytest.mark.slow
@needs_tool
def test_evaluate_events_scorer_equals_the_tool_on_real_analysis(real_records, tmp_path):
    gold = ev.load_gold(DATA / "events" / "gold")
    figures = ev.score_records(gold, real_records)
    aquaint = sorted(d for d in real_records if d != ev.SEED_DOC)
    tune, heldout = ev.halves(aquaint)
    assert len(aquaint) == 14 and len(tune) == 7 and len(heldout) == 7
    for part, docs in (("aquaint", aquaint), ("tune", tune), ("heldout", heldout), ("seed", [ev.SEED_DOC])):
        ours = {k.removeprefix(f"{part}_"): v for k, v in figures.items() if k.startswith(f"{part}_")}
        _assert_same(ours, _tool(DATA / "events" / "gold", list(real_records.values()), tmp_path, docs))
    assert figures["aquaint_gold"] == figures["tune_gold"] + figures["heldout_gold"] == 209
    assert figures["seed_gold"] == 34


# --- our gold on TimeBank texts ---------------------------------------------------------------

TIMEBANK = DATA / "timebank" / "TimeBank"
needs_timebank = pytest.mark.skipif(not TIMEBANK.is_dir(), reason=f"the TimeBank texts are not at {TIMEBANK}")


@needs_timebank
def test_evaluate_events_our_timebank_gold_quotes_its_texts_and_keeps_its_first_split():
    gold = ev.load_gold(ev.OURS_GOLD)
    parts = ev.ours_parts(gold)
    # the first 14 texts keep the split they were coded under, whatever later batches add
    assert (parts["ours_dev"], parts["ours_aside"]) == ev.halves(parts["ours_dev"] + parts["ours_aside"])
    dev, aside = parts["ours_dev"], parts["ours_aside"]
    assert len(dev) == len(aside) == 7
    assert sum(len(gold[d]) for d in dev) == 53 and sum(len(gold[d]) for d in aside) == 48
    assert set(ev.tunable_ours(gold)).isdisjoint(d for part, ds in parts.items() if part.endswith("_aside") for d in ds)
    for doc, events in gold.items():
        article = ev.timebank_article(TIMEBANK / f"{doc}.tml")
        assert article.published
        # every coded sentence is the text's own, word for word, as the scorer matches it
        text = " ".join(article.text.split())
        assert all(" ".join(g.sentence.split()) in text for g in events), doc


def test_evaluate_events_our_parts_must_cover_the_gold_exactly(tmp_path):
    manifest = tmp_path / "parts.tsv"
    manifest.write_text("doc\tpart\nAPW1\tours_dev\nAPW2\tours_aside\n", encoding="utf-8")
    assert ev.ours_parts(["APW2", "APW1"], manifest) == {"ours_dev": ["APW1"], "ours_aside": ["APW2"]}
    with pytest.raises(ConfigError, match="no part for APW3"):
        ev.ours_parts(["APW1", "APW2", "APW3"], manifest)
    with pytest.raises(ConfigError, match="no gold for APW2"):
        ev.ours_parts(["APW1"], manifest)
    manifest.write_text("doc\tpart\nAPW1\tours_test\n", encoding="utf-8")
    with pytest.raises(ConfigError, match="line 2"):
        ev.ours_parts(["APW1"], manifest)


@pytest.fixture(scope="module")
def ours_records():
    if not TIMEBANK.is_dir():
        pytest.skip(f"the TimeBank texts are not at {TIMEBANK}")
    from newsgraph.analyze import Analyzer

    return ev.analyze_ours(Analyzer(), DATA, sorted(ev.load_gold(ev.OURS_GOLD)))


@pytest.mark.slow
@needs_tool
def test_evaluate_events_our_timebank_figures_equal_the_tool(ours_records, tmp_path):
    gold = ev.load_gold(ev.OURS_GOLD)
    figures = ev.score_ours(gold, ours_records)
    # the tool knows a record's doc by the file name of its source: <doc>.txt, not the .tml
    records = [{**r, "document": {**r["document"], "source": f"/timebank/{doc}.txt"}}
               for doc, r in ours_records.items()]
    parts = ev.ours_parts(gold)
    for part, docs in parts.items():
        ours = {k.removeprefix(f"{part}_"): v for k, v in figures.items() if k.startswith(f"{part}_")}
        _assert_same(ours, _tool(ev.OURS_GOLD, records, tmp_path, docs))
    assert sum(figures[f"{part}_gold"] for part in parts) == sum(len(events) for events in gold.values())
