"""Events against our event gold: who did what to whom, on whose word.

``events/gold/<doc>.jsonl`` codes every PLOVER event of 14 AQUAINT wire stories
(``events/txt/<doc>.txt``) and of the seed article (``../seed/article.txt``, doc
``article``), one event per line: sentence, trigger, type, actors, targets, modality.
Each text is analysed with its publication date (in the AQUAINT file name:
APW19980807.0261 = 1998-08-07; the seed 2025-04-02). Scoring follows
shared/tools/score_events.py rule for rule:

- a predicted and a gold event match when their sentences share at least half of the
  shorter one's words (as sets) and their types are equal; one-to-one, greedy: pairs
  sharing a trigger word first, then the larger sentence overlap;
- actors (targets) agree when the gold names share a content word with the predicted
  entities' names and mention texts; an empty gold list agrees only with an empty one;
- ``precision``/``recall``/``f1`` count matches; ``strict_*`` count matches whose actors
  and targets both agree; ``actor_accuracy``, ``target_accuracy`` and
  ``modality_accuracy`` are shares of the matches (no modality reads as asserted);
- ``edge_precision``: among predicted events with an actor and a target (what the actor
  network draws; ``edges`` counts them), the share that some gold event of the same
  sentence, of any type, confirms with shared content words on both sides;
- ``per_sentence``: predicted events per sentence that has any event, gold or predicted.
A share with nothing to count (no matches, no edges) is 0.0 here, "n/a" in the tool.

The figures come for all of AQUAINT (``aquaint_*``), for its two fixed halves, and for
the seed (``seed_*``): the AQUAINT doc ids sorted, ``tune_*`` scores the even positions
(0, 2, 4, ...), where event rules may be tuned along with the seed, and ``heldout_*``
the odd ones, reported as unseen.

A second gold of ours, on 14 TimeBank texts the rules were not written on, lives in the
repository (``data/event_labels/timebank_events/gold``, same format; its README gives the
selection rule). The texts are read from ``timebank/TimeBank/<doc>.tml`` in the data folder,
dated by the creation-time TIMEX3 (``timebank_article``). It is scored by the parts its
``parts.tsv`` assigns: ``ours_dev_*`` (may be tuned on) and ``ours_aside_*`` (never), and so on for
later batches (``*_dev`` and ``*_aside``).

``polnear_labels_fit_*`` and ``polnear_labels_aside_*`` count what the rules keep of the hand
labels of every ungated event on 49 PolNeAR articles (``event_labels``: events kept right and
wrong, their precision, right events not kept, events nobody labelled).
"""

from __future__ import annotations

import json
import re
from dataclasses import astuple, dataclass
from pathlib import Path

from ..errors import ConfigError, InputError
from ..model import Article, RawDocument, ReadOptions
from . import event_labels
from .matching import prf

__all__ = ["NAME", "DESCRIPTION", "SEED_DOC", "GoldEvent", "PredictedEvent", "Counts", "load_gold", "entity_words",
           "predicted_events", "agree", "confirms", "match", "count", "score", "halves", "published_from_name",
           "ours_parts", "tunable_ours", "analyzed", "evaluate_parts",
           "timebank_article", "analyze", "analyze_ours", "score_records", "score_ours", "evaluate"]

NAME = "events"
DESCRIPTION = ("events (type, actors, targets, modality) against our event gold: 14 AQUAINT stories "
               "(all, tune and held-out halves), the seed, and 14 TimeBank texts (dev and aside halves)")

SEED_DOC = "article"
SEED_PUBLISHED = "2025-04-02"
# Our gold on TimeBank texts: annotations only, kept with the code (src/newsgraph/evaluate -> repo root).
OURS_GOLD = Path(__file__).resolve().parents[3] / "data" / "event_labels" / "timebank_events" / "gold"
# Which part of that gold each text belongs to: fixed when the text was chosen, before it was coded,
# so that adding texts never moves an old one between a tunable part and an aside one.
OURS_PARTS = OURS_GOLD.parent / "parts.tsv"
# The wire services of the AQUAINT file names.
OUTLETS = {"APW": "Associated Press", "NYT": "The New York Times", "XIE": "Xinhua"}
SAME_SENTENCE = 0.5

_WORD = re.compile(r"\w+", re.UNICODE)
_DATED_NAME = re.compile(r"^([A-Z]+)(\d{4})(\d{2})(\d{2})\.")
# Words that say nothing about who an actor is (the scorer's list).
_STOP = frozenset("""a an the of and or in on at to for from by with as is are was were be been
his her its their our my your he she it they we i you him them us this that these those
mr mrs ms dr sir who which said says""".split())


@dataclass(frozen=True)
class GoldEvent:
    sentence: str
    type: str
    trigger: str
    actors: tuple[str, ...]  # names as coded, "Benjamin Netanyahu / Israel"
    targets: tuple[str, ...]
    modality: str


@dataclass(frozen=True)
class PredictedEvent:
    sentence: str
    type: str
    trigger: str
    actors: frozenset[str]  # content words of the actors' names and mention texts
    targets: frozenset[str]
    modality: str


# --- words and agreement ------------------------------------------------------------------

def _words(text: str | None) -> list[str]:
    return _WORD.findall((text or "").lower())


def _content_words(text: str | None) -> set[str]:
    return {w for w in _words(text) if w not in _STOP and len(w) > 1}


def _sentence_overlap(a: str, b: str) -> float:
    """Shared words over the shorter sentence's words (as sets)."""
    wa, wb = set(_words(a)), set(_words(b))
    if not wa or not wb:
        return 0.0
    return len(wa & wb) / min(len(wa), len(wb))


def _gold_words(names: tuple[str, ...]) -> set[str]:
    return set().union(*(_content_words(n.replace("/", " ")) for n in names))


def agree(gold_names: tuple[str, ...], predicted_words: frozenset[str]) -> bool:
    """Gold names and predicted participants share a content word; no gold names: none predicted."""
    wanted = _gold_words(gold_names)
    if not wanted:
        return not predicted_words
    return bool(wanted & predicted_words)


def confirms(gold: GoldEvent, predicted: PredictedEvent) -> bool:
    """A gold event of the same sentence (any type) with words shared on both sides of the edge."""
    return (_sentence_overlap(gold.sentence, predicted.sentence) >= SAME_SENTENCE
            and bool(_gold_words(gold.actors) & predicted.actors)
            and bool(_gold_words(gold.targets) & predicted.targets))


# --- reading ------------------------------------------------------------------------------

def load_gold(folder: Path, docs: set[str] | None = None) -> dict[str, list[GoldEvent]]:
    """Gold events by doc id (the file name); a line ``{"none": true}`` codes no event."""
    gold = {}
    for path in sorted(Path(folder).glob("*.jsonl")):
        if docs is not None and path.stem not in docs:
            continue
        rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
        gold[path.stem] = [
            GoldEvent(r["sentence"], r["type"], r.get("trigger") or "", tuple(r.get("actors") or ()),
                      tuple(r.get("targets") or ()), r.get("modality") or "asserted")
            for r in rows if not r.get("none")
        ]
    return gold


def entity_words(entity: dict) -> set[str]:
    """The content words of a record entity's name and of its mentions: what a gold name may share."""
    found = _content_words(entity.get("name"))
    for mention in entity.get("mentions") or []:
        found |= _content_words(mention.get("text"))
    return found


def predicted_events(record: dict) -> list[PredictedEvent]:
    """The events of an analysis record, with their sentence text and participants' words."""
    text = (record.get("document") or {}).get("text") or ""
    entities = {e.get("id"): e for e in record.get("entities") or [] if isinstance(e, dict)}

    def participants(ids) -> frozenset[str]:
        found: set[str] = set()
        for i in ids or []:
            entity = entities.get(i) if isinstance(i, str) else None
            if entity is None:  # not an entity id: its own words
                found |= _content_words(str(i))
                continue
            found |= entity_words(entity)
        return frozenset(found)

    out = []
    for e in record.get("events") or []:
        span = e.get("sentence") or {}
        out.append(PredictedEvent(
            text[span.get("start", 0):span.get("end", 0)], str(e.get("type") or "").upper(),
            (e.get("trigger") or {}).get("text") or "", participants(e.get("actors")),
            participants(e.get("targets")), e.get("modality") or "asserted"))
    return out


# --- matching and counting ----------------------------------------------------------------

def match(gold: list[GoldEvent], predicted: list[PredictedEvent]) -> list[tuple[int, int]]:
    """One-to-one (gold index, predicted index) pairs: same type, same sentence; greedy,
    a shared trigger word first, then the larger overlap (ties: later indices first, as the tool)."""
    candidates = []
    for gi, g in enumerate(gold):
        for pj, p in enumerate(predicted):
            overlap = _sentence_overlap(g.sentence, p.sentence)
            if p.type != g.type or overlap < SAME_SENTENCE:
                continue
            shared_trigger = bool(set(_words(g.trigger)) & set(_words(p.trigger)))
            candidates.append((shared_trigger, overlap, gi, pj))
    used_gold, used_predicted, pairs = set(), set(), []
    for _trigger, _overlap, gi, pj in sorted(candidates, reverse=True):
        if gi not in used_gold and pj not in used_predicted:
            used_gold.add(gi)
            used_predicted.add(pj)
            pairs.append((gi, pj))
    return pairs


@dataclass(frozen=True)
class Counts:
    gold: int = 0
    predicted: int = 0
    matched: int = 0
    strict: int = 0  # matched with actors and targets agreeing
    actors: int = 0
    targets: int = 0
    modality: int = 0
    edges: int = 0
    edges_confirmed: int = 0
    sentences: int = 0  # sentences with any event, gold or predicted

    def __add__(self, other: "Counts") -> "Counts":
        return Counts(*(a + b for a, b in zip(astuple(self), astuple(other))))


def count(gold: list[GoldEvent], predicted: list[PredictedEvent]) -> Counts:
    """The counts of one document."""
    matched = strict = actors = targets = modality = 0
    for gi, pj in match(gold, predicted):
        g, p = gold[gi], predicted[pj]
        actors_agree, targets_agree = agree(g.actors, p.actors), agree(g.targets, p.targets)
        matched += 1
        actors += actors_agree
        targets += targets_agree
        strict += actors_agree and targets_agree
        modality += p.modality == g.modality
    edges = [p for p in predicted if p.actors and p.targets]
    sentences = {" ".join(_words(e.sentence)) for e in [*gold, *predicted]}
    return Counts(len(gold), len(predicted), matched, strict, actors, targets, modality, len(edges),
                  sum(any(confirms(g, p) for g in gold) for p in edges), len(sentences))


def _share(part: int, whole: int) -> float:
    return part / whole if whole else 0.0


def score(documents: list[tuple[list[GoldEvent], list[PredictedEvent]]]) -> dict[str, float]:
    """Figures over (gold, predicted) per document."""
    c = sum((count(g, p) for g, p in documents), Counts())
    precision, recall, f1 = prf(c.matched, c.predicted, c.gold)
    strict_p, strict_r, strict_f1 = prf(c.strict, c.predicted, c.gold)
    return {
        "precision": precision, "recall": recall, "f1": f1,
        "strict_precision": strict_p, "strict_recall": strict_r, "strict_f1": strict_f1,
        "actor_accuracy": _share(c.actors, c.matched), "target_accuracy": _share(c.targets, c.matched),
        "modality_accuracy": _share(c.modality, c.matched),
        "edge_precision": _share(c.edges_confirmed, c.edges), "edges": float(c.edges),
        "per_sentence": c.predicted / max(1, c.sentences),
        "gold": float(c.gold), "predicted": float(c.predicted), "matched": float(c.matched),
    }


# --- the evaluation -----------------------------------------------------------------------

def halves(doc_ids) -> tuple[list[str], list[str]]:
    """(tune, heldout): the even and the odd positions of the sorted ids."""
    ordered = sorted(doc_ids)
    return ordered[0::2], ordered[1::2]


def published_from_name(doc: str) -> str | None:
    """APW19980807.0261 -> 1998-08-07."""
    m = _DATED_NAME.match(doc)
    return f"{m.group(2)}-{m.group(3)}-{m.group(4)}" if m else None


def _outlet(doc: str) -> str | None:
    """APW19980807.0261 -> Associated Press."""
    m = _DATED_NAME.match(doc)
    return OUTLETS.get(m.group(1)) if m else None


def _article(path: Path, published: str | None, outlet: str | None) -> Article:
    """The text read as `newsgraph analyze` reads a text file."""
    return _as_read(path.read_text(encoding="utf-8"), path, published, outlet)


def timebank_article(path: Path) -> Article:
    """A TimeBank ``.tml`` text as ``newsgraph analyze`` would read it from a text file, dated by the DCT."""
    from .timebank import read_tml

    text, published, _timexes = read_tml(path)
    return _as_read(text.strip() + "\n", path, published, None)


def _as_read(raw: str, path: Path, published: str | None, outlet: str | None) -> Article:
    from ..ingest import clean
    from ..ingest.text import headline

    return clean(RawDocument(text=raw, source=str(path), title=headline(raw)),
                 ReadOptions(published=published, outlet=outlet))


def analyzed(analyzer, docs: list[str], articles: list[Article]) -> dict[str, dict]:
    """Analysis records by doc id; a text that cannot be analysed stops the evaluation."""
    records = {}
    for doc, (_, record) in zip(docs, analyzer.analyze(articles)):
        if isinstance(record, InputError):
            raise record  # skipping a text would flatter the figures
        records[doc] = record
    return records


def analyze(analyzer, data_dir: Path, limit: int | None = None) -> dict[str, dict]:
    """Analysis records by doc id: the first ``limit`` AQUAINT texts (sorted) and the seed."""
    folder = Path(data_dir) / "events" / "txt"
    seed = Path(data_dir).parent / "seed" / "article.txt"
    texts = sorted(folder.glob("*.txt"))
    if not texts or not seed.is_file():
        raise ConfigError(f"no event texts: expected {folder}/*.txt and {seed}")
    docs, articles = [], []
    for path in texts[:limit]:
        docs.append(path.stem)
        articles.append(_article(path, published_from_name(path.stem), _outlet(path.stem)))
    docs.append(SEED_DOC)
    articles.append(_article(seed, SEED_PUBLISHED, None))
    return analyzed(analyzer, docs, articles)


def analyze_ours(analyzer, data_dir: Path, docs: list[str]) -> dict[str, dict]:
    """Analysis records of the TimeBank texts of our gold, by doc id."""
    folder = Path(data_dir) / "timebank" / "TimeBank"
    paths = [folder / f"{doc}.tml" for doc in docs]
    absent = [str(p) for p in paths if not p.is_file()]
    if absent:
        raise ConfigError(f"no TimeBank text for our event gold: {', '.join(absent)}")
    return analyzed(analyzer, docs, [timebank_article(p) for p in paths])


def score_records(gold: dict[str, list[GoldEvent]], records: dict[str, dict]) -> dict[str, float]:
    """Figures for AQUAINT, its tune and held-out halves and the seed, prefixed by the part."""
    missing = sorted(set(records) - set(gold))
    if missing:
        raise ConfigError(f"no event gold for {', '.join(missing)}")
    aquaint = sorted(doc for doc in records if doc != SEED_DOC)
    tune, heldout = halves(aquaint)
    return _by_part({"aquaint": aquaint, "tune": tune, "heldout": heldout, "seed": [SEED_DOC]}, gold, records)


def ours_parts(docs, manifest: Path = OURS_PARTS) -> dict[str, list[str]]:
    """The parts of our TimeBank gold (``ours_dev``, ``ours_aside``, ...) and their sorted docs, as
    ``parts.tsv`` assigns them; a part named ``*_dev`` may be tuned on, one named ``*_aside`` never."""
    rows = [line.split("\t") for line in manifest.read_text(encoding="utf-8").splitlines()[1:] if line.strip()]
    bad = [n for n, row in enumerate(rows, 2) if len(row) != 2 or not row[1].endswith(("_dev", "_aside"))]
    if bad:
        raise ConfigError(f"{manifest}: line {bad[0]}: expected <doc><TAB><part ending in _dev or _aside>")
    part_of = dict(rows)
    unassigned, uncoded = sorted(set(docs) - set(part_of)), sorted(set(part_of) - set(docs))
    if unassigned or uncoded:
        raise ConfigError(f"{manifest} and the gold disagree: no part for {', '.join(unassigned) or '-'}; "
                          f"no gold for {', '.join(uncoded) or '-'}")
    parts: dict[str, list[str]] = {}
    for doc in sorted(part_of):
        parts.setdefault(part_of[doc], []).append(doc)
    return parts


def tunable_ours(docs) -> list[str]:
    """The docs of our TimeBank gold that rules and models may be fitted on (its ``*_dev`` parts)."""
    return sorted(d for part, ds in ours_parts(docs).items() if part.endswith("_dev") for d in ds)


def score_ours(gold: dict[str, list[GoldEvent]], records: dict[str, dict],
               manifest: Path = OURS_PARTS) -> dict[str, float]:
    """Figures for each part of one of our golds, prefixed by the part's name (``ours_dev``, ...)."""
    return _by_part(ours_parts(gold, manifest), gold, records)


def evaluate_parts(analyzer, gold_dir: Path, manifest: Path, read, limit: int | None, what: str) -> dict[str, float]:
    """The figures of each part of one of our golds: its texts (``read(docs)`` gives their Articles)
    analysed and scored, prefixed by the part's name; ``what`` names the gold in the error."""
    if not gold_dir.is_dir():
        raise ConfigError(f"{what} is not at {gold_dir} (it ships with the source tree)")
    gold = load_gold(gold_dir)
    docs = sorted(gold)[:limit]
    return score_ours(gold, analyzed(analyzer, docs, read(docs)), manifest)


def _by_part(parts: dict[str, list[str]], gold: dict[str, list[GoldEvent]],
             records: dict[str, dict]) -> dict[str, float]:
    figures: dict[str, float] = {}
    for part, docs in parts.items():
        scored = score([(gold[d], predicted_events(records[d])) for d in docs if d in records])
        figures.update({f"{part}_{key}": value for key, value in scored.items()})
    return figures


def evaluate(analyzer, data_dir: Path, limit: int | None = None) -> dict[str, float]:
    records = analyze(analyzer, data_dir, limit)
    figures = score_records(load_gold(Path(data_dir) / "events" / "gold", set(records)), records)
    if not OURS_GOLD.is_dir():
        raise ConfigError(f"our TimeBank event gold is not at {OURS_GOLD} (it ships with the source tree)")
    ours_gold = load_gold(OURS_GOLD)
    ours_records = analyze_ours(analyzer, data_dir, sorted(ours_gold)[:limit])
    return figures | score_ours(ours_gold, ours_records) | event_labels.evaluate(analyzer, data_dir, limit)
