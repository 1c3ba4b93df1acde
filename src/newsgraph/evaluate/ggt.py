"""GGT: quotations of speech and their speakers by full name, in Canadian news on every topic.

``ggt/gold.jsonl`` (half of the Gender Gap Tracker's evaluation set) marks every quotation of
speech, direct or indirect, in ``ggt/txt/<doc>.txt``, with its speaker's full name as the
coders resolved it (``speaker_ref``). Scoring follows the rule in ``ggt/README.md``:

- the predictions are the record's quotes whose ``attribution`` is speech, one per sentence or
  part, as the record gives them (parts are not joined: the coders mark a multi-sentence
  quotation sentence by sentence);
- a predicted quote matches a gold one when their word tokens (quote marks and punctuation
  aside) overlap by at least half of the longer span; one-to-one, best overlaps first
  (``loose_*`` figures: at 0.3, the overlap the tracker reports its own F1 at);
- among matches, the speaker is right when the predicted speaker's resolved name equals
  ``speaker_ref`` or contains its last name as a word (case aside); an unresolved speaker
  (name null) is wrong, whatever its mention says.

The figures come for the 45 articles (``all_*``) and for two fixed halves: the doc ids sorted,
``tune_*`` scores the even positions (0, 2, 4, ...), on which rules may be tuned, and
``other_*`` the odd ones, reported as unseen. ``any_*`` scores every attribution (speech,
belief, intention, stance) against the same gold, to show what the speech filter removes;
``marks_*`` joins the parts of a quotation that lie inside one pair of quotation marks, the
unit the coders mostly mark a long direct quotation as (the record gives one part per
sentence), to show what that difference of convention costs.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from pathlib import Path

from ..analyze.constants import DOUBLE_MARKS
from ..errors import ConfigError, InputError
from ..model import Article
from .events import halves
from .matching import prf
from .polnear import GoldQuote as _Span
from .polnear import match as _match

__all__ = ["NAME", "DESCRIPTION", "GoldQuote", "Predicted", "load_gold", "predictions", "joined_in_marks", "last_name",
           "speaker_right", "match", "score", "evaluate", "HALF", "LOOSE"]

NAME = "ggt"
DESCRIPTION = "speech quotations and speakers by full name on the Gender Gap Tracker's Canadian news (every topic)"

HALF = 0.5
LOOSE = 0.3
Spans = tuple[tuple[int, int], ...]
# Name endings that are not the last name: "Martin Luther King Jr." is King.
_SUFFIXES = frozenset({"jr", "sr", "ii", "iii", "iv"})
_WORD = re.compile(r"\w+(?:['’-]\w+)*", re.UNICODE)


@dataclass(frozen=True)
class GoldQuote:
    spans: Spans
    speaker_ref: str | None  # the full name as the coders resolved it
    kind: str = "other"  # direct | other


@dataclass(frozen=True)
class Predicted:
    spans: Spans
    speaker_name: str | None  # the resolved name (record speaker.name), None when unresolved
    attribution: str | None = "speech"


def load_gold(path: Path) -> dict[str, list[GoldQuote]]:
    """Gold quotes by doc id."""
    gold = {}
    for line in Path(path).read_text(encoding="utf-8").splitlines():
        if not line.strip():
            continue
        row = json.loads(line)
        gold[row["doc"]] = [
            GoldQuote(tuple(tuple(s) for s in q.get("segments") or [(q["start"], q["end"])]),
                      q.get("speaker_ref"), q.get("kind") or "other")
            for q in row["quotes"]
        ]
    return gold


def predictions(record: dict, speech_only: bool = True) -> list[Predicted]:
    """The record's quotes as scored: each part on its own; only speech unless ``speech_only`` is False.
    A record without ``attribution`` (an older analysis) counts every quote as speech."""
    out = []
    for q in record.get("quotes") or []:
        attribution = q.get("attribution", "speech")
        if speech_only and attribution != "speech":
            continue
        out.append(Predicted(((q["start"], q["end"]),), (q.get("speaker") or {}).get("name"), attribution))
    return out


def joined_in_marks(text: str, predicted: list[Predicted], record: dict) -> list[Predicted]:
    """The predictions with the parts of one quotation that lie inside one pair of quotation marks
    joined (the coders' usual unit for a long direct quotation); parts the attribution splits stay apart."""
    quotes = [q for q in record.get("quotes") or [] if q.get("attribution", "speech") == "speech"]
    out: list[Predicted] = []
    for p, q in zip(predicted, quotes):
        if out and q.get("part_of") is not None and q.get("kind") == "direct":
            last = out[-1]
            between = text[last.spans[-1][1]:p.spans[0][0]]
            if not any(mark in between for mark in DOUBLE_MARKS) and "\n\n" not in between:
                out[-1] = Predicted(last.spans + p.spans, last.speaker_name, last.attribution)
                continue
        out.append(p)
    return out


def last_name(full: str) -> str:
    """The last word of a full name, suffixes aside: "Darian Lonechild" -> "lonechild"."""
    words = [w.lower() for w in _WORD.findall(full)]
    while len(words) > 1 and words[-1] in _SUFFIXES:
        words.pop()
    return words[-1] if words else ""


def speaker_right(predicted_name: str | None, speaker_ref: str | None) -> bool:
    """The README's rule: the name equals the reference or contains its last name as a word."""
    if not predicted_name or not speaker_ref:
        return False
    if predicted_name.strip().lower() == speaker_ref.strip().lower():
        return True
    last = last_name(speaker_ref)
    return bool(last) and last in {w.lower() for w in _WORD.findall(predicted_name)}


def match(text: str, gold: list[GoldQuote], predicted: list[Predicted], least: float = HALF):
    """One-to-one (gold index, predicted index) pairs whose word tokens overlap by at least
    ``least`` of the longer span, best overlaps first, then text order."""
    return _match(text, [_Span(g.spans, ()) for g in gold], [(p.spans, None) for p in predicted], least=least)


def score(docs, least: float = HALF) -> dict[str, float]:
    """Figures over (text, gold quotes, predicted quotes) per document."""
    n_gold = n_pred = n_match = named = right = 0
    for text, gold, predicted in docs:
        pairs = match(text, gold, predicted, least)
        n_gold += len(gold)
        n_pred += len(predicted)
        n_match += len(pairs)
        for gi, pi in pairs:
            if gold[gi].speaker_ref:
                named += 1
                right += speaker_right(predicted[pi].speaker_name, gold[gi].speaker_ref)
    precision, recall, f1 = prf(n_match, n_pred, n_gold)
    return {"precision": precision, "recall": recall, "f1": f1,
            "speaker_accuracy": right / named if named else 0.0,
            "gold": float(n_gold), "predicted": float(n_pred), "matched": float(n_match)}


def _figures(docs, any_docs, marks_docs) -> dict[str, float]:
    figures = score(docs)
    figures.update({f"marks_{k}": v for k, v in score(marks_docs).items() if k in ("precision", "recall", "f1")})
    figures.update({f"loose_{k}": v for k, v in score(docs, LOOSE).items() if k in ("precision", "recall", "f1")})
    figures.update({f"any_{k}": v for k, v in score(any_docs).items() if k in ("precision", "recall", "f1", "predicted")})
    return figures


def evaluate(analyzer, data_dir: Path, limit: int | None = None) -> dict[str, float]:
    folder = Path(data_dir) / "ggt"
    if not (folder / "gold.jsonl").is_file() or not (folder / "txt").is_dir():
        raise ConfigError(f"no GGT data: expected {folder}/gold.jsonl and {folder}/txt/")
    gold = load_gold(folder / "gold.jsonl")
    meta = {}
    if (folder / "meta.jsonl").is_file():
        meta = {r["doc"]: r for r in map(json.loads, (folder / "meta.jsonl").read_text(encoding="utf-8").splitlines())}
    docs = sorted(gold)[:limit]
    texts = {}
    articles = []
    for doc in docs:
        path = folder / "txt" / f"{doc}.txt"
        texts[doc] = path.read_text(encoding="utf-8")  # analysed as is: the gold offsets index it
        articles.append(Article(text=texts[doc], source=str(path), outlet=meta.get(doc, {}).get("outlet")))
    records = {}
    for doc, (_, record) in zip(docs, analyzer.analyze(articles)):
        if isinstance(record, InputError):
            raise record  # skipping a text would flatter the figures
        records[doc] = record
    tune, other = halves(gold)  # fixed by all the ids, whatever --limit reads
    figures: dict[str, float] = {}
    for part, ids in (("tune", tune), ("other", other), ("all", docs)):
        ids = [d for d in ids if d in records]
        speech = [(texts[d], gold[d], predictions(records[d])) for d in ids]
        every = [(texts[d], gold[d], predictions(records[d], speech_only=False)) for d in ids]
        marks = [(text, g, joined_in_marks(text, p, records[d])) for d, (text, g, p) in zip(ids, speech)]
        figures.update({f"{part}_{k}": v for k, v in _figures(speech, every, marks).items()})
    return figures
