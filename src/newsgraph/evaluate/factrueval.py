"""Russian named-entity mentions against the factRuEval-2016 devset (shared/data/factrueval-dev).

Scored as its README suggests: a mention is right when its (start, end, type) equals a gold
one's, P/R/F1 over all gold mentions; types PER, ORG, LOC, with the record's PERSON as PER,
ORG as ORG and GPE, LOC, FAC as LOC (a capital standing for its state is still a place
mention as written). ``natasha_*`` scores natasha's NER alone (its flat PER/LOC/ORG spans)
on the same texts. The texts are split in two fixed halves by sorted id: ``tune_*`` (the
first half, which the Russian entity rules were tuned on) and ``heldout_*`` (the second,
never looked at while tuning); the unprefixed figures are over all 122 texts.
"""

from __future__ import annotations

import json
from pathlib import Path

from ..model import Article
from .matching import prf

NAME = "factrueval"
DESCRIPTION = "factRuEval-2016 devset: Russian entity mentions P/R/F1, ours and natasha's NER alone"

TYPES = {"PERSON": "PER", "ORG": "ORG", "GPE": "LOC", "LOC": "LOC", "FAC": "LOC"}


def load(data_dir: Path) -> list[tuple[str, str, set[tuple[int, int, str]]]]:
    """(doc id, text, gold mentions) per text, sorted by id."""
    root = Path(data_dir) / "factrueval-dev"
    out = []
    for line in (root / "gold.jsonl").read_text(encoding="utf-8").splitlines():
        if line.strip():
            item = json.loads(line)
            text = (root / "txt" / f"{item['doc']}.txt").read_text(encoding="utf-8")
            out.append((item["doc"], text, {(e["start"], e["end"], e["type"]) for e in item["entities"]}))
    return sorted(out)


def predicted(record: dict) -> set[tuple[int, int, str]]:
    return {(m["start"], m["end"], TYPES[e["type"]]) for e in record.get("entities", []) if e["type"] in TYPES
            for m in e["mentions"]}


def _figures(rows: list[tuple[set, set]], prefix: str) -> dict[str, float]:
    correct = sum(len(p & g) for p, g in rows)
    p, r, f = prf(correct, sum(len(p) for p, _ in rows), sum(len(g) for _, g in rows))
    return {f"{prefix}precision": p, f"{prefix}recall": r, f"{prefix}f1": f}


def evaluate(analyzer, data_dir: Path, limit: int | None = None) -> dict[str, float]:
    docs = load(data_dir)[:limit] if limit else load(data_dir)
    half = (len(docs) + 1) // 2
    ours, natasha = [], []
    articles = [Article(text=text, source=f"factrueval-dev/txt/{doc}.txt", language="ru") for doc, text, _ in docs]
    for (doc, text, gold), (_article, record) in zip(docs, analyzer.analyze(articles)):
        if not isinstance(record, dict):
            raise record
        ours.append((predicted(record), gold))
        ents = analyzer.ru_nlp(text).ents
        natasha.append(({(e.start_char, e.end_char, e.label_) for e in ents}, gold))
    figures: dict[str, float] = {}
    for name, rows in (("", ours), ("natasha_", natasha)):
        figures.update(_figures(rows, name))
        figures.update(_figures(rows[:half], f"{name}tune_"))
        figures.update(_figures(rows[half:], f"{name}heldout_"))
    figures["texts"] = float(len(docs))
    return figures
