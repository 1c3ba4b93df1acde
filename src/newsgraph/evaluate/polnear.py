"""PolNeAR: quote contents and speakers against hand-annotated attributions.

The gold is brat standoff: ``Source``, ``Cue`` and ``Content`` spans linked by an
``Attribution`` event, offsets into ``text/<file>.txt`` (the text is analysed as
is, so offsets hold). A predicted quote matches a gold Content when their word
tokens overlap by at least half of the longer one (quote marks and punctuation
aside); matching is one-to-one, best overlaps first. Among matches whose gold
has a Source, the speaker is right when the predicted speaker mention overlaps it.

PolNeAR annotates beliefs, intentions and evaluations too ("X wants to", "a poll
showed"), which is wider than speech: recall is measured against all of them. The
``speech_*`` figures score the attributions of speech alone: the gold by its Cue span
(a speech verb of our reporting-verb list, or "according to"), ours by their
``attribution``.
Develop on ``split="train"``; report on ``dev``.
"""

from __future__ import annotations

import bisect
import csv
import re
from dataclasses import dataclass
from pathlib import Path

from ..analyze.constants import DOUBLE_MARKS
from ..analyze.quotes.cues import verb_frames
from ..errors import ConfigError, InputError
from ..model import Article
from ..quotations import quotation_groups
from .matching import prf

__all__ = ["NAME", "DESCRIPTION", "evaluate", "GoldQuote", "load_gold", "predictions", "match", "score",
           "speech_flags", "score_speech", "direct_flags", "score_direct"]

NAME = "polnear"
DESCRIPTION = "quote content P/R/F1 and speaker accuracy on PolNeAR (2016 US election news) attributions"

_WORD = re.compile(r"\w+")
Spans = tuple[tuple[int, int], ...]


@dataclass(frozen=True)
class GoldQuote:
    content: Spans
    source: Spans  # empty when the attribution names no source
    cue: Spans = ()  # empty when the attribution has no cue span


def evaluate(analyzer, data_dir: Path, limit: int | None = None, split: str = "dev") -> dict[str, float]:
    folder = Path(data_dir) / "polnear" / split
    if not (folder / "text").is_dir() or not (folder / "attributions").is_dir():
        raise ConfigError(f"no PolNeAR split {split!r}: {folder} has no text/ and attributions/ folders")
    meta = _metadata(Path(data_dir) / "polnear" / "metadata.tsv")
    texts = sorted((folder / "text").glob("*.txt"))[:limit]
    articles = [
        Article(text=path.read_text(encoding="utf-8"), source=str(path),
                outlet=meta.get(path.stem, {}).get("publisher"), published=meta.get(path.stem, {}).get("publication_date"))
        for path in texts
    ]
    joined, parts, records = [], [], []
    for (article, record), path in zip(analyzer.analyze(articles), texts):
        if isinstance(record, InputError):
            raise record  # a scorer that silently skipped documents would flatter the figures
        records.append((article, record))
        gold = load_gold(folder / "attributions", path.stem)
        joined.append((article.text, gold, predictions(record["quotes"], join_parts=True)))
        parts.append((article.text, gold, predictions(record["quotes"], join_parts=False)))
    figures = score(joined)
    figures.update({f"{k}_parts": v for k, v in score(parts).items()
                    if k in ("content_precision", "content_recall", "content_f1", "speaker_accuracy")})
    said = [speech_flags(record["quotes"]) for _, record in records]
    figures.update(score_speech(joined, _speech_cues(analyzer.nlp, joined), said))
    figures.update(score_direct(joined, [direct_flags(record["quotes"]) for _, record in records]))
    return figures


def direct_flags(quotes: list[dict]) -> list[bool]:
    """Whether each prediction, as ``predictions(join_parts=True)`` lists them, is a direct quotation."""
    return [quotes[group[0]].get("kind") == "direct" for group in quotation_groups(quotes)]


def score_direct(joined, predicted_direct: list[list[bool]]) -> dict[str, float]:
    """Direct quotations alone: recall over the gold contents that open with a quotation mark,
    precision over our direct quotations (each matched as in ``score``)."""
    def opens_with_a_mark(text: str, g: GoldQuote) -> bool:
        return bool(g.content) and text[g.content[0][0]:g.content[0][1]].lstrip()[:1] in DOUBLE_MARKS

    return _score_kind("direct", joined, opens_with_a_mark, predicted_direct)


def _score_kind(kind: str, joined, gold_is_kind, predicted_kind: list[list[bool]]) -> dict[str, float]:
    """P/R/F1 of one kind of attribution: recall over the gold quotes ``gold_is_kind(text,
    gold)`` holds for, precision over the predictions flagged as that kind, matched as in
    ``score`` over all quotes (a match of the other kind neither helps nor hurts)."""
    gold_n = gold_hit = pred_n = pred_hit = 0
    for (text, gold, predicted), flags in zip(joined, predicted_kind):
        pairs = match(text, gold, predicted)
        gold_matched = {gi for gi, _ in pairs}
        pred_matched = {pi for _, pi in pairs}
        for gi, g in enumerate(gold):
            if gold_is_kind(text, g):
                gold_n += 1
                gold_hit += gi in gold_matched
        for pi, flagged in enumerate(flags):
            pred_n += flagged
            pred_hit += flagged and pi in pred_matched
    precision, recall, f1 = prf(pred_hit, pred_n, gold_n, gold_hit)
    return {f"{kind}_gold": float(gold_n), f"{kind}_precision": precision, f"{kind}_recall": recall,
            f"{kind}_f1": f1}


def predictions(quotes: list[dict], join_parts: bool) -> list[tuple[Spans, tuple[int, int] | None]]:
    """(content spans, speaker span) per predicted quotation.

    PolNeAR annotates a quotation split around its attribution ('"A," she said, "B."')
    as one discontinuous Content; newsgraph reports each part and links the later
    parts to the first with ``part_of``. Joining linked parts scores by the corpus's
    convention; the ``_parts`` figures score every part on its own.
    """
    out = []
    for group in _quotations(quotes, join_parts):
        first = quotes[group[0]]
        speaker = (first["speaker"]["start"], first["speaker"]["end"]) if first["speaker"] else None
        out.append((tuple((quotes[i]["start"], quotes[i]["end"]) for i in group), speaker))
    return out


def _quotations(quotes: list[dict], join_parts: bool) -> list[list[int]]:
    return quotation_groups(quotes) if join_parts else [[i] for i in range(len(quotes))]


def load_gold(folder: Path, stem: str) -> list[GoldQuote]:
    """The attributions of one text with a Content span (the first annotator's file when several)."""
    files = sorted(folder.glob(f"{stem}_*.ann"))
    if not files:
        raise InputError(str(folder / stem), "no PolNeAR annotation file for this text")
    spans: dict[str, Spans] = {}
    events: list[dict[str, str]] = []
    for line in files[0].read_text(encoding="utf-8").splitlines():
        cells = line.split("\t")
        if line.startswith("T") and len(cells) >= 2:
            label, _, ranges = cells[1].partition(" ")
            spans[cells[0]] = tuple(tuple(int(x) for x in r.split()) for r in ranges.split(";"))
        elif line.startswith("E") and len(cells) >= 2:
            events.append(dict(arg.split(":", 1) for arg in cells[1].split()))
    gold = []
    for event in events:
        if "Content" in event and event["Content"] in spans:
            source = spans.get(event.get("Source", ""), ())
            gold.append(GoldQuote(spans[event["Content"]], source, spans.get(event.get("Cue", ""), ())))
    return gold


def _metadata(path: Path) -> dict[str, dict[str, str]]:
    if not path.is_file():
        return {}
    with path.open(encoding="utf-8", newline="") as fh:
        return {row["filename"]: row for row in csv.DictReader(fh, delimiter="\t")}


class _Tokens:
    """Word tokens of a text, to turn character spans into token sets."""

    def __init__(self, text: str):
        self.starts = [m.start() for m in _WORD.finditer(text)]
        self.ends = [m.end() for m in _WORD.finditer(text)]

    def of(self, spans: Spans) -> frozenset[int]:
        out: set[int] = set()
        for start, end in spans:
            lo = bisect.bisect_right(self.ends, start)  # first token ending after start
            hi = bisect.bisect_left(self.starts, end)  # tokens starting before end
            out.update(range(lo, hi))
        return frozenset(out)


def match(text: str, gold: list[GoldQuote], predicted: list[tuple[Spans, tuple[int, int] | None]],
          least: float = 0.5):
    """One-to-one (gold index, predicted index) pairs overlapping by at least ``least`` (half) of the longer."""
    tokens = _Tokens(text)
    g_sets = [tokens.of(g.content) for g in gold]
    p_sets = [tokens.of(p[0]) for p in predicted]
    pairs = []
    for gi, gs in enumerate(g_sets):
        for pi, ps in enumerate(p_sets):
            common = len(gs & ps)
            if gs and ps and common >= least * max(len(gs), len(ps)):
                pairs.append((common / max(len(gs), len(ps)), gi, pi))
    pairs.sort(key=lambda p: (-p[0], p[1], p[2]))  # best overlap first, then text order
    used_g, used_p, out = set(), set(), []
    for _, gi, pi in pairs:
        if gi not in used_g and pi not in used_p:
            used_g.add(gi)
            used_p.add(pi)
            out.append((gi, pi))
    return out


def _overlaps(span: tuple[int, int] | None, spans: Spans) -> bool:
    return span is not None and any(span[0] < end and start < span[1] for start, end in spans)


def score(docs) -> dict[str, float]:
    """Figures over (text, gold quotes, predicted (content spans, speaker) pairs) per document."""
    n_gold = n_pred = n_match = sourced = speaker_right = 0
    for text, gold, predicted in docs:
        pairs = match(text, gold, predicted)
        n_gold += len(gold)
        n_pred += len(predicted)
        n_match += len(pairs)
        for gi, pi in pairs:
            if gold[gi].source:
                sourced += 1
                speaker_right += _overlaps(predicted[pi][1], gold[gi].source)
    precision, recall, f1 = prf(n_match, n_pred, n_gold)
    return {
        "content_precision": precision, "content_recall": recall, "content_f1": f1,
        "speaker_accuracy": speaker_right / sourced if sourced else 0.0,
        "documents": float(len(docs)), "gold": float(n_gold), "predicted": float(n_pred),
    }


def speech_flags(quotes: list[dict]) -> list[bool]:
    """Whether each prediction, as ``predictions(join_parts=True)`` lists them, is an attribution
    of speech (its first part's ``attribution``)."""
    return [quotes[group[0]].get("attribution") == "speech" for group in quotation_groups(quotes)]


def _speech_cues(nlp, joined) -> frozenset[str]:
    """The gold cue texts whose words include a speech verb of the reporting verbs list, or
    "according to": attributions of speech rather than of beliefs, intentions or stances."""
    speech = {lemma for lemma, (klass, _) in verb_frames("en").items() if klass == "speech"}
    texts = {" ".join(text[a:b] for a, b in g.cue) for text, gold, _ in joined for g in gold}
    texts = sorted(t for t in texts if t.strip())
    found = set()
    for text, doc in zip(texts, nlp.pipe(texts, batch_size=256)):
        if "according to" in text.lower() or any(t.lemma_.lower() in speech for t in doc):
            found.add(text)
    return frozenset(found)


def score_speech(joined, speech: frozenset[str], predicted_speech: list[list[bool]]) -> dict[str, float]:
    """Recall over the gold attributions whose cue is speech, precision over the predictions
    whose attribution is speech (each matched as in ``score``): the attributions a reader calls quotes."""
    def cued_by_speech(text: str, g: GoldQuote) -> bool:
        return " ".join(text[a:b] for a, b in g.cue) in speech

    return _score_kind("speech", joined, cued_by_speech, predicted_speech)
