"""Ingest speed on the PolNeAR train texts, against bare spaCy on the same texts.

Prints articles per second for:
  1. bare spaCy: nlp.pipe over the texts (the model already loaded);
  2. analysis: spaCy plus every newsgraph stage, producing analysis records;
  3. ingest alone: read, clean, deduplicate and store (no analysis);
  4. ingest with analysis: the same plus the full analysis, stored;
and the ratios of (2) and (4) to (1). All three run in this process, on the same texts,
each into a fresh SQLite database; model loading is outside every timing.

Usage: python benchmarks/ingest.py [--limit N] [--batch-size N] [--corpus DIR]
"""

from __future__ import annotations

import argparse
import tempfile
import time
from pathlib import Path

from newsgraph import Analyzer, ReadOptions, Store, load_nlp, read_inputs, run_ingest
from newsgraph.ingest import clean

POLNEAR_TRAIN = Path(__file__).resolve().parents[2] / "shared" / "data" / "polnear" / "train" / "text"


def timed(fn):
    start = time.perf_counter()
    result = fn()
    return result, time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--limit", type=int, default=None, help="use the first N texts only")
    parser.add_argument("--batch-size", type=int, default=32)
    parser.add_argument("--corpus", type=Path, default=POLNEAR_TRAIN)
    args = parser.parse_args()

    files = sorted(args.corpus.glob("*.txt"))[: args.limit]
    if not files:
        raise SystemExit(f"no .txt files in {args.corpus}")
    options = ReadOptions()
    articles = [clean(raw, options) for raw in read_inputs(map(str, files), options)]
    texts = [a.text for a in articles]
    chars = sum(map(len, texts))
    print(f"corpus: {len(files)} PolNeAR train texts, {chars / len(files):,.0f} characters on average")

    import spacy

    from newsgraph.analyze import MODEL_NAME

    bare_nlp = spacy.load(MODEL_NAME)  # the model exactly as shipped, no component of ours
    analyzer = Analyzer(load_nlp(), batch_size=16)
    n = len(files)

    def show(label: str, seconds: float) -> None:
        print(f"  {label:<44} {n / seconds:8.1f} articles/s  ({seconds:6.1f} s)", flush=True)

    _, bare = timed(lambda: sum(1 for _ in bare_nlp.pipe(texts, batch_size=16)))
    show("bare spaCy nlp.pipe", bare)
    _, analysis = timed(lambda: sum(1 for _ in analyzer.analyze(articles)))
    show("analysis (spaCy + all newsgraph stages)", analysis)

    with tempfile.TemporaryDirectory() as tmp:
        def ingest(name: str, analyze: bool):
            with Store(str(Path(tmp) / f"{name}.db")) as store:
                report, seconds = timed(
                    lambda: run_ingest(read_inputs(map(str, files), options), store, options,
                                       analyzer if analyze else None, args.batch_size)
                )
            # PolNeAR train holds one text twice: it is stored once, as it should be.
            assert report.stored + report.duplicates == len(files) and not report.errors, report.as_dict()
            return seconds

        plain = ingest("plain", analyze=False)
        show("ingest alone (read, clean, dedupe, store)", plain)
        full = ingest("full", analyze=True)
        show("ingest with analysis and resolution, stored", full)
    print(f"  analysis / bare spaCy:             {bare / analysis:.2f}")
    print(f"  ingest with analysis / bare spaCy: {bare / full:.2f}")


if __name__ == "__main__":
    main()
