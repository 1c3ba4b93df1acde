"""The seed article against its hand annotation (shared/seed/gold.json).

Mirrors shared/tools/score_seed.py: quotes match on token overlap >= 0.5 (best
first, one-to-one); a speaker is right when the predicted name, or failing that
the mention, equals one of the gold aliases; entities by canonical name; timexes
by value for an overlapping surface; money by amount and currency.
"""

from __future__ import annotations

from pathlib import Path

from ..model import Article
from .matching import overlap, tokens

NAME = "seed"
DESCRIPTION = "seed article (shared/seed): quotes, speakers, canonical entities, timex values, money"


def _norm(text: str | None) -> str:
    return " ".join(tokens((text or "").replace("’", "'")))


def score(record: dict, gold: dict) -> dict[str, float]:
    predicted = record.get("quotes", [])
    used: set[int] = set()
    found = right = 0
    for g in gold["quotes"]:
        scored = [(overlap(g["text"], p.get("text", "")), i) for i, p in enumerate(predicted) if i not in used]
        best, index = max(scored, default=(0.0, None))
        if best < 0.5:
            continue
        used.add(index)
        found += 1
        speaker = predicted[index].get("speaker") or {}
        said = speaker.get("name") or speaker.get("text") or ""
        right += _norm(said) in {_norm(a) for a in g["speaker_aliases"]}

    names = {_norm(e.get("name")) for e in record.get("entities", [])}
    entities = sum(_norm(e["canonical"]) in names for e in gold["entities"])

    timexes = record.get("timexes", [])
    timex_right = 0
    for g in gold["timexes"]:
        candidates = [t for t in timexes
                      if overlap(g["text"], t.get("text", "")) >= 0.5 or _norm(t.get("text")) in _norm(g["text"])]
        timex_right += any(t.get("value") == g["value"] for t in candidates)

    quantities = record.get("quantities", [])
    money = sum(
        any(abs((q.get("amount") or 0) - g["amount"]) < 1 and (q.get("unit") or "").upper() == g["currency"]
            for q in quantities)
        for g in gold["money"]
    )
    n = len(gold["quotes"])
    return {
        "quotes_found": found / n,
        "speakers_right": right / n,
        "extra_quotes": float(len(predicted) - len(used)),
        "entities": entities / len(gold["entities"]),
        "timex_values": timex_right / len(gold["timexes"]),
        "money": money / len(gold["money"]),
        "mojibake_gone": float("Â" not in record["document"]["text"]),
    }


def evaluate(analyzer, data_dir: Path, limit: int | None = None) -> dict[str, float]:
    import json

    from ..ingest import clean
    from ..model import RawDocument, ReadOptions

    seed_dir = Path(data_dir).parent / "seed"
    gold = json.loads((seed_dir / "gold.json").read_text(encoding="utf-8"))
    raw = (seed_dir / "article.txt").read_text(encoding="utf-8")
    options = ReadOptions(published=gold["publication_date"])
    article: Article = clean(RawDocument(text=raw, source=str(seed_dir / "article.txt"),
                                         title=raw.split("\n", 1)[0]), options)
    return score(analyzer.analyze_one(article), gold)
