"""Russian analysis speed against English, per article of the same length.

Russian texts: the factRuEval devset (shared/data/factrueval-dev/txt); English texts: PolNeAR
dev (shared/data/polnear/dev/text). Each text is cut to the same number of characters (at the
last line break before it, else at the last space), so both pipelines read equal amounts of
text. Prints, for each, the mean milliseconds per article and characters per second for:
  1. the model alone (spaCy's nlp.pipe; natasha into a Doc);
  2. the full analysis (model plus every stage of its table, producing records);
with the Russian/English ratio. Model loading and a warm-up article are outside the timings.
The two languages run in turn ``--repeat`` times and the best time of each counts: on a
machine shared with other work, the best run is the one least disturbed.

Usage: python benchmarks/russian.py [--limit N] [--chars N] [--repeat N]
"""

from __future__ import annotations

import argparse
import time
from pathlib import Path

from newsgraph import Analyzer
from newsgraph.model import Article

DATA = Path(__file__).resolve().parents[2] / "shared" / "data"


def cut(text: str, chars: int) -> str | None:
    if len(text) < chars:
        return None
    head = text[:chars]
    at = head.rfind("\n")
    return head[:at] if at > chars * 0.8 else head[:head.rfind(" ")]


def texts(folder: Path, chars: int, limit: int) -> list[str]:
    out = []
    for path in sorted(folder.glob("*.txt")):
        text = cut(path.read_text(encoding="utf-8"), chars)
        if text:
            out.append(text)
        if len(out) == limit:
            break
    return out


def timed(fn) -> float:
    start = time.perf_counter()
    fn()
    return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--limit", type=int, default=40)
    parser.add_argument("--chars", type=int, default=1500)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    analyzer = Analyzer()
    sets = {"en": texts(DATA / "polnear" / "dev" / "text", args.chars, args.limit),
            "ru": texts(DATA / "factrueval-dev" / "txt", args.chars, args.limit)}
    n = min(len(v) for v in sets.values())
    sets = {k: v[:n] for k, v in sets.items()}
    models = {"en": lambda ts: list(analyzer.nlp.pipe(ts)), "ru": lambda ts: [analyzer.ru_nlp(t) for t in ts]}
    articles = {lang: [Article(text=t, source=f"{lang}{i}", language=lang) for i, t in enumerate(batch)]
                for lang, batch in sets.items()}
    for lang in sets:
        list(analyzer.analyze(articles[lang][:1]))  # warm-up: loads the models, gazetteers and word lists
    best: dict[str, list[float]] = {lang: [float("inf"), float("inf")] for lang in sets}
    for _ in range(args.repeat):
        for lang, batch in sets.items():
            model = timed(lambda: models[lang](batch))
            full = timed(lambda: list(analyzer.analyze(articles[lang])))
            best[lang] = [min(best[lang][0], model), min(best[lang][1], full)]
    figures = {}
    for lang, batch in sets.items():
        chars = sum(len(t) for t in batch)
        model, full = figures[lang] = tuple(best[lang])
        print(f"{lang}: {n} articles of about {chars // n} characters: model alone {1000 * model / n:.0f} ms/article "
              f"({chars / model:,.0f} chars/s); full analysis {1000 * full / n:.0f} ms/article ({chars / full:,.0f} chars/s)")
    (en_model, en_full), (ru_model, ru_full) = figures["en"], figures["ru"]
    print(f"Russian/English time per article: model alone {ru_model / en_model:.2f}, full analysis {ru_full / en_full:.2f}")


if __name__ == "__main__":
    main()
