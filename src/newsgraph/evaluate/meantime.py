"""Entity mentions against NewsReader MEANTIME (English Wikinews, airbus and apple corpora).

Text: each document is rebuilt from its tokens (spaces between tokens, none before closing
punctuation; the title and dateline on their own lines), keeping every token's offsets.

Gold: ENTITY_MENTIONs. We extract named entities only, so the primary figures are against
*named* gold mentions: syntactic_type NAM or PRE.NAM, plus mentions the cross-document layer
added without a syntactic_type whose head word is capitalised and not a pronoun ("Boeing",
"Steve Jobs"; that layer sets no type, so this is our reading). Mentions typed "" (in the
airbus files the nominal and pronominal ones) are not named. A gold type comes from the
ENTITY the mention REFERS_TO (PER, ORG, LOC, PRO, FIN); mentions without one are left out of
the typed figures.

Matching, one-to-one, gold in text order:
  - head (primary): the predicted span lies inside the gold span and covers its head word.
    MEANTIME extents are long ("United States airframer Boeing", "the US"), our names are
    bare, so exact spans undercount; the head is the last word before a comma, bracket,
    "of" or relative pronoun, after a possessive ("Apple 's Mac OS X" -> "X");
  - exact: same characters; overlap: any shared character.
A predicted mention matching a gold mention that is not named (a name inside "the Boeing
team") counts neither for nor against precision. ``all_mentions_recall`` is the share of
all gold mentions (nominal and pronominal included) matched by head: the ceiling of a
named-entity extractor is far below 1 there.
Types: ours PERSON->PER, ORG->ORG, GPE/LOC/FAC->LOC, PRODUCT/WORK_OF_ART->PRO, MONEY->FIN;
NORP, EVENT, LAW, LANGUAGE have no MEANTIME counterpart (MEANTIME does not mark nationality
adjectives), so they never agree.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from dataclasses import dataclass
from pathlib import Path

from ..errors import ConfigError
from ..model import Article
from .matching import prf

NAME = "meantime"
DESCRIPTION = "MEANTIME (NewsReader, English Wikinews): named entity mention P/R/F1 by head, exact span, type"

TYPE_MAP = {"PERSON": "PER", "ORG": "ORG", "GPE": "LOC", "LOC": "LOC", "FAC": "LOC",
            "PRODUCT": "PRO", "WORK_OF_ART": "PRO", "MONEY": "FIN"}
_NAMED = {"NAM", "PRE.NAM"}
_PRONOUNS = {"i", "we", "you", "he", "she", "it", "they", "his", "her", "its", "their", "our", "my",
             "them", "us", "him", "me", "your", "this", "that", "these", "those", "who", "which"}
_HEAD_STOP = {",", "(", "of", "who", "which", "that", "-", "--", "–", "in", "at", "for", "with"}
_NO_SPACE_BEFORE = {",", ".", ":", ";", "!", "?", ")", "]", "'s", "'", "n't", "%", "''", "'re", "'ve", "'ll", "'d"}
_NO_SPACE_AFTER = {"(", "[", "$", "``", "#"}


@dataclass
class GoldMention:
    start: int
    end: int
    head: tuple[int, int]
    named: bool
    type: str | None


@dataclass
class GoldDoc:
    name: str
    text: str
    mentions: list[GoldMention]


def rebuild_text(tokens: list[tuple[str, int]]) -> tuple[str, list[tuple[int, int]]]:
    """Text and per-token (start, end) from (token, sentence number) pairs."""
    parts: list[str] = []
    offsets: list[tuple[int, int]] = []
    length, prev_tok, prev_sent = 0, None, None
    for tok, sent in tokens:
        if prev_tok is not None:
            if sent != prev_sent and prev_sent is not None and prev_sent < 2:
                sep = "\n"  # title and dateline lines
            elif tok in _NO_SPACE_BEFORE or prev_tok in _NO_SPACE_AFTER:
                sep = ""
            else:
                sep = " "
            parts.append(sep)
            length += len(sep)
        offsets.append((length, length + len(tok)))
        parts.append(tok)
        length += len(tok)
        prev_tok, prev_sent = tok, sent
    return "".join(parts), offsets


def _pronoun(word: str) -> bool:
    return word.lower() in _PRONOUNS and not (word.isupper() and len(word) > 1)  # "US" is no "us"


def _head(words: list[str]) -> int:
    """Index of the head word within a mention's words."""
    lowered = [w.lower() for w in words]
    first = max((i + 1 for i, w in enumerate(lowered) if w in ("'s", "'")), default=0)
    if first >= len(words):
        first = 0
    for i in range(first + 1, len(words)):
        if lowered[i] in _HEAD_STOP:
            return i - 1
    return len(words) - 1


def read_document(path: Path) -> GoldDoc:
    root = ET.parse(path).getroot()
    toks = [(t.text or "", int(t.get("sentence", "0"))) for t in root.iter("token")]
    ids = [t.get("t_id") for t in root.iter("token")]
    text, offsets = rebuild_text(toks)
    index = {tid: i for i, tid in enumerate(ids)}
    types = {e.get("m_id"): e.get("ent_type") for e in root.iter("ENTITY")}
    refers = {}
    for rel in root.iter("REFERS_TO"):
        src, tgt = rel.find("source"), rel.find("target")
        if src is not None and tgt is not None and tgt.get("m_id") in types:
            refers[src.get("m_id")] = types[tgt.get("m_id")]
    mentions = []
    for m in root.iter("ENTITY_MENTION"):
        positions = sorted(index[a.get("t_id")] for a in m.findall("token_anchor") if a.get("t_id") in index)
        if not positions:
            continue
        words = [toks[i][0] for i in positions]
        h = positions[_head(words)]
        syntactic = m.get("syntactic_type")
        head_word = toks[h][0]
        named = syntactic in _NAMED or (
            syntactic is None and any(ch.isupper() for ch in head_word)
            and not _pronoun(head_word) and not head_word.isdigit())
        mentions.append(GoldMention(offsets[positions[0]][0], offsets[positions[-1]][1], offsets[h],
                                    named, refers.get(m.get("m_id"))))
    return GoldDoc(path.stem, text, mentions)


def _matches(kind: str, p: tuple[int, int], g: GoldMention) -> bool:
    if kind == "exact":
        return p == (g.start, g.end)
    if kind == "overlap":
        return p[0] < g.end and g.start < p[1]
    return g.start <= p[0] and p[1] <= g.end and p[0] <= g.head[0] and g.head[1] <= p[1]


def score_document(gold: list[GoldMention], predicted: list[tuple[int, int, str]], kind: str) -> dict[str, int]:
    """Counts for one document: tp (named), neutral predictions, typed agreement, all-mention hits."""
    used: set[int] = set()
    counts = {"tp": 0, "neutral": 0, "typed_tp": 0, "typed_gold": 0, "typed_pred": 0, "all_hit": 0}
    ordered = sorted(gold, key=lambda g: (not g.named, g.start))  # named gold claims predictions first
    for g in ordered:
        hit = next((i for i, p in enumerate(predicted) if i not in used and _matches(kind, p[:2], g)), None)
        if g.named and g.type:
            counts["typed_gold"] += 1
        if hit is None:
            continue
        used.add(hit)
        counts["all_hit"] += 1
        if not g.named:
            counts["neutral"] += 1
            continue
        counts["tp"] += 1
        if g.type:
            counts["typed_pred"] += 1
            counts["typed_tp"] += TYPE_MAP.get(predicted[hit][2]) == g.type
    return counts


def _folder(data_dir: Path) -> Path:
    data_dir = Path(data_dir)
    folder = data_dir / "meantime" if (data_dir / "meantime").is_dir() else data_dir
    if not any(folder.glob("corpus_*")):
        raise ConfigError(f"no MEANTIME corpus_* folders in {folder}: pass the shared data folder (--data)")
    return folder


def document_paths(data_dir: Path, limit: int | None = None, corpus: str | None = None) -> list[Path]:
    """The MEANTIME files of corpus_<corpus> (e.g. "airbus", "apple"), or of all corpora."""
    folder = _folder(data_dir)
    pattern = f"corpus_{corpus}/*.xml" if corpus else "corpus_*/*.xml"
    paths = sorted(folder.glob(pattern))[:limit]
    if not paths:
        raise ConfigError(f"no MEANTIME documents match {folder / pattern}")
    return paths


def articles_of(docs) -> list[Article]:
    return [Article(text=d.text, source=f"meantime/{d.name}") for d in docs]


def evaluate(analyzer, data_dir: Path, limit: int | None = None, corpus: str | None = None) -> dict[str, float]:
    """Figures over corpus_<corpus> (e.g. "airbus", "apple"), or over all corpora."""
    docs = [read_document(p) for p in document_paths(data_dir, limit, corpus)]
    articles = articles_of(docs)
    totals: dict[str, dict[str, int]] = {k: {} for k in ("head", "exact", "overlap")}
    n_pred = n_gold = n_named = 0
    for doc, (article, record) in zip(docs, analyzer.analyze(articles)):
        if isinstance(record, Exception):
            raise record
        if record["document"]["text"] != doc.text:
            raise ConfigError(f"meantime/{doc.name}: the analysis changed the text, offsets would not match")
        predicted = [(m["start"], m["end"], e["type"]) for e in record["entities"] for m in e["mentions"]]
        n_pred += len(predicted)
        n_gold += len(doc.mentions)
        n_named += sum(g.named for g in doc.mentions)
        for kind in totals:
            for key, value in score_document(doc.mentions, predicted, kind).items():
                totals[kind][key] = totals[kind].get(key, 0) + value
    out: dict[str, float] = {"documents": float(len(docs)), "gold": float(n_named),
                             "gold_all": float(n_gold), "predicted": float(n_pred)}
    for kind, c in totals.items():
        p, r, f = prf(c["tp"], n_pred - c["neutral"], n_named)
        prefix = "mention" if kind == "head" else kind
        out.update({f"{prefix}_precision": p, f"{prefix}_recall": r, f"{prefix}_f1": f})
    head = totals["head"]
    tp, tr, tf = prf(head["typed_tp"], head["typed_pred"], head["typed_gold"])
    out.update({"typed_precision": tp, "typed_recall": tr, "typed_f1": tf,
                "all_mentions_recall": head["all_hit"] / n_gold if n_gold else 0.0})
    return out
