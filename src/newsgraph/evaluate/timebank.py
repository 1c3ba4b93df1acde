"""TimeBank 1.2 and AQUAINT (TBAQ-cleaned): time expressions scored as in TempEval-3.

Each .tml document gives the raw text inside <TEXT> (tags stripped, entities
unescaped, gold TIMEX3 offsets kept relative to that text) and its
CREATION_TIME, passed as the publication date and not scored. Figures:

- strict P/R/F1: predicted and gold extents identical;
- relaxed P/R/F1: extents overlap (one-to-one, greatest overlap first);
- type_accuracy, value_accuracy: share of relaxed matches with the gold type or
  value (TempEval-3 attribute accuracy); value_f1 = relaxed_f1 * value_accuracy.

``part`` picks "timebank" (the development part), "aquaint" (held out) or "all".
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass
from pathlib import Path

from ..model import Article
from .matching import prf

__all__ = ["NAME", "DESCRIPTION", "PARTS", "Gold", "read_tml", "load", "score", "evaluate"]

NAME = "timebank"
DESCRIPTION = "TIMEX3 extent, type and value against TimeBank 1.2 + AQUAINT (TempEval-3 measures)"
PARTS = {"timebank": ("TimeBank",), "aquaint": ("AQUAINT",), "all": ("TimeBank", "AQUAINT")}

_TAG = re.compile(r"<(/?)(\w+)([^>]*?)(/?)>")
_ATTR = re.compile(r'(\w+)="([^"]*)"')


@dataclass(frozen=True)
class Gold:
    start: int
    end: int
    type: str
    value: str
    mod: str | None = None


def read_tml(path: Path) -> tuple[str, str | None, list[Gold]]:
    """(text inside <TEXT>, creation date YYYY-MM-DD or None, gold TIMEX3s)."""
    raw = path.read_text(encoding="utf-8")
    dct = None
    for m in re.finditer(r"<TIMEX3([^>]*)>", raw):
        attrs = dict(_ATTR.findall(m.group(1)))
        if attrs.get("functionInDocument") == "CREATION_TIME":
            dct = attrs.get("value", "")[:10] or None
            break
    body = raw[raw.index("<TEXT>") + len("<TEXT>"):raw.index("</TEXT>")]
    parts: list[str] = []
    length = 0
    gold: list[Gold] = []
    open_timex: tuple[int, dict] | None = None
    pos = 0
    for m in _TAG.finditer(body):
        chunk = html.unescape(body[pos:m.start()])
        parts.append(chunk)
        length += len(chunk)
        pos = m.end()
        closing, name, attrs, selfclosing = m.groups()
        if name != "TIMEX3" or selfclosing:
            continue
        if not closing:
            open_timex = (length, dict(_ATTR.findall(attrs)))
        elif open_timex is not None:
            start, a = open_timex
            if length > start:
                gold.append(Gold(start, length, a.get("type", ""), a.get("value", ""), a.get("mod") or None))
            open_timex = None
    parts.append(html.unescape(body[pos:]))
    return "".join(parts), dct, gold


def load(data_dir: Path, part: str = "all", limit: int | None = None) -> list[tuple[str, str, str | None, list[Gold]]]:
    """(name, text, creation date, gold) for the documents of a part, sorted by name."""
    if part not in PARTS:
        raise ValueError(f"no TimeBank part {part!r}; choose from {', '.join(PARTS)}")
    root = Path(data_dir) / "timebank"
    paths = sorted(p for folder in PARTS[part] for p in (root / folder).glob("*.tml"))
    if not paths:
        raise FileNotFoundError(f"no .tml files under {root} for part {part!r}")
    docs = [(p.stem, *read_tml(p)) for p in paths[:limit]]
    return docs


def _match(gold: list[Gold], pred: list[dict]) -> tuple[int, list[tuple[Gold, dict]]]:
    """Strict match count and one-to-one relaxed pairs (greatest overlap first)."""
    strict = len({(g.start, g.end) for g in gold} & {(p["start"], p["end"]) for p in pred})
    pairs = []
    for g in gold:
        for j, p in enumerate(pred):
            ov = min(g.end, p["end"]) - max(g.start, p["start"])
            if ov > 0:
                pairs.append((ov, id(g), j, g, p))
    pairs.sort(key=lambda x: -x[0])
    used_g, used_p, out = set(), set(), []
    for _ov, gid, j, g, p in pairs:
        if gid in used_g or j in used_p:
            continue
        used_g.add(gid)
        used_p.add(j)
        out.append((g, p))
    return strict, out


def score(pairs: list[tuple[list[Gold], list[dict]]]) -> dict[str, float]:
    """Figures over (gold, predicted timexes as dicts with start/end/type/value) per document."""
    n_gold = n_pred = strict = relaxed = type_ok = value_ok = 0
    for gold, pred in pairs:
        s, matched = _match(gold, pred)
        n_gold += len(gold)
        n_pred += len(pred)
        strict += s
        relaxed += len(matched)
        type_ok += sum(1 for g, p in matched if g.type == p["type"])
        value_ok += sum(1 for g, p in matched if g.value == p["value"])
    sp, sr, sf = prf(strict, n_pred, n_gold)
    rp, rr, rf = prf(relaxed, n_pred, n_gold)
    type_acc = type_ok / relaxed if relaxed else 0.0
    value_acc = value_ok / relaxed if relaxed else 0.0
    return {
        "documents": float(len(pairs)), "gold": float(n_gold), "predicted": float(n_pred),
        "strict_precision": sp, "strict_recall": sr, "strict_f1": sf,
        "relaxed_precision": rp, "relaxed_recall": rr, "relaxed_f1": rf,
        "type_accuracy": type_acc, "value_accuracy": value_acc, "value_f1": rf * value_acc,
    }


def evaluate(analyzer, data_dir: Path, limit: int | None = None, part: str = "all") -> dict[str, float]:
    docs = load(data_dir, part, limit)
    articles = [Article(text=text, source=f"timebank:{name}", published=dct) for name, text, dct, _gold in docs]
    pairs = []
    for (name, _text, _dct, gold), (_article, record) in zip(docs, analyzer.analyze(articles)):
        if isinstance(record, Exception):
            raise RuntimeError(f"timebank: analysis of {name} failed: {record}")
        pairs.append((gold, record["timexes"]))
    return score(pairs)
