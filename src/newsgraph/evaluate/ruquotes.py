"""Russian quotations and speakers against ru-quotes (shared/data/ru-quotes), by its README's rule.

A predicted quote matches a gold one when their word sets overlap by at least half of the
longer, one-to-one (best overlap first); the parts of a quotation are scored each on its own,
as the gold gives one quote per quoted sentence. A speaker is right when the predicted name
or mention (or, for a speaker resolved to an entity, that entity's mentions and nominative
name) shares a stem (the first five letters) with the last word of the gold ``speaker_ref``;
speaker accuracy counts the matches whose gold has a ``speaker_ref``.
Figures: ``f1`` over all gold quotes and all predictions; ``speech_f1`` leaves the gold's
beliefs out and counts only the predictions whose attribution is speech. The twelve texts
are split in two fixed halves by sorted id: ``tune_*`` (the first six, which the Russian
quote rules were tuned on) and ``heldout_*`` (the other six, never looked at while tuning).
"""

from __future__ import annotations

import json
import re
from pathlib import Path

from ..model import Article
from .matching import prf

NAME = "ruquotes"
DESCRIPTION = "ru-quotes: Russian quotation P/R/F1 and speaker accuracy (12 factRuEval texts)"

_WORD = re.compile(r"\w+", re.UNICODE)


def words(text: str | None) -> set[str]:
    return {w.lower().replace("ё", "е") for w in _WORD.findall(text or "")}


def overlap(a: str, b: str) -> float:
    wa, wb = words(a), words(b)
    return len(wa & wb) / max(len(wa), len(wb)) if wa and wb else 0.0


def load(data_dir: Path) -> list[tuple[str, str, list[dict]]]:
    root = Path(data_dir) / "ru-quotes"
    out = []
    for line in (root / "gold.jsonl").read_text(encoding="utf-8").splitlines():
        if line.strip():
            item = json.loads(line)
            out.append((item["doc"], (root / "txt" / f"{item['doc']}.txt").read_text(encoding="utf-8"), item["quotes"]))
    return sorted(out)


def _stem(word: str) -> str:
    return word.lower().replace("ё", "е")[:5]


def speaker_words(quote: dict, record: dict) -> set[str]:
    """Every word the predicted speaker goes by: its name, its mention, its entity's names."""
    speaker = quote.get("speaker") or {}
    texts = [speaker.get("name"), speaker.get("text")]
    entity = next((e for e in record.get("entities", []) if e["id"] == speaker.get("entity")), None)
    if entity is not None:
        texts += [entity.get("native"), entity["name"], *(m["text"] for m in entity["mentions"])]
    return {_stem(w) for t in texts if t for w in _WORD.findall(t)}


def match(predicted: list[dict], gold: list[dict]) -> list[tuple[int, int]]:
    pairs = sorted(((overlap(g["text"], p["text"]), gi, pi) for gi, g in enumerate(gold)
                    for pi, p in enumerate(predicted)), reverse=True)
    used_g, used_p, out = set(), set(), []
    for score, gi, pi in pairs:
        if score < 0.5:
            break
        if gi not in used_g and pi not in used_p:
            used_g.add(gi), used_p.add(pi)
            out.append((gi, pi))
    return out


def _score(rows: list[tuple[dict, list[dict]]], prefix: str) -> dict[str, float]:
    figures: dict[str, float] = {}
    for name, keep_gold, keep_pred in (("", lambda g: True, lambda p: True),
                                       ("speech_", lambda g: g["kind"] != "belief",
                                        lambda p: p.get("attribution", "speech") == "speech")):
        correct = n_pred = n_gold = with_ref = right = 0
        for record, gold in rows:
            g_list = [g for g in gold if keep_gold(g)]
            p_list = [p for p in record.get("quotes", []) if keep_pred(p)]
            pairs = match(p_list, g_list)
            correct += len(pairs)
            n_pred += len(p_list)
            n_gold += len(g_list)
            for gi, pi in pairs:
                ref = g_list[gi].get("speaker_ref")
                if ref:
                    with_ref += 1
                    right += _stem(ref.split()[-1]) in speaker_words(p_list[pi], record)
        p, r, f = prf(correct, n_pred, n_gold)
        figures.update({f"{prefix}{name}precision": p, f"{prefix}{name}recall": r, f"{prefix}{name}f1": f,
                        f"{prefix}{name}speaker_accuracy": right / with_ref if with_ref else 0.0})
    return figures


def evaluate(analyzer, data_dir: Path, limit: int | None = None) -> dict[str, float]:
    docs = load(data_dir)[:limit] if limit else load(data_dir)
    half = (len(docs) + 1) // 2
    articles = [Article(text=text, source=f"ru-quotes/txt/{doc}.txt", language="ru") for doc, text, _ in docs]
    rows = []
    for (_doc, _text, gold), (_article, record) in zip(docs, analyzer.analyze(articles)):
        if not isinstance(record, dict):
            raise record
        rows.append((record, gold))
    figures = _score(rows, "")
    figures.update(_score(rows[:half], "tune_"))
    figures.update(_score(rows[half:], "heldout_"))
    figures["quotes"] = float(sum(len(g) for _, g in rows))
    return figures
