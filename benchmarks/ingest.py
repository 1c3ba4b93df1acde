"""Ingest speed on the PolNeAR train texts: one process, worker processes, Ray, and the serial share.

Prints, in one run on the same texts, articles per second for:
  1. bare spaCy: nlp.pipe over the texts (the model already loaded);
  2. analysis: spaCy plus every newsgraph stage, producing analysis records;
  3. ingest alone: read, clean, deduplicate and store (no analysis);
  4. writing alone: storing the records of (2) with resolution, the part that stays serial;
  5. ingest with analysis, --workers 1 (in this process) and --workers 2 (two worker
     processes, started inside the timing), and their ratio;
  6. the Ray engine on a local Ray (ray.init(num_cpus=2); the actors' start inside the timing);
then the peak memory of each process, and the expected hours for a million articles on a
16-core machine and on a cluster of ten such machines, by Amdahl's law from the measured
one-core rate and serial share. Each ingest goes into a fresh SQLite database; loading the
model and the gazetteer is outside every timing, starting worker processes and Ray actors
(each loading both) inside.

Usage: python benchmarks/ingest.py [--limit N] [--batch-size N] [--corpus DIR] [--no-ray]
"""

from __future__ import annotations

import argparse
import os
import tempfile
import time
from pathlib import Path

from newsgraph import Analyzer, ReadOptions, Store, load_nlp, read_inputs, run_ingest
from newsgraph.ingest import clean
from newsgraph.ingest.workers import AnalysisPool, peak_rss

POLNEAR_TRAIN = Path(__file__).resolve().parents[2] / "shared" / "data" / "polnear" / "train" / "text"
MB = 1 << 20


def timed(fn):
    start = time.perf_counter()
    result = fn()
    return result, time.perf_counter() - start


class Recorded:
    """Hands back records computed earlier: ingest with the analysis already done."""

    def __init__(self, pairs):
        self.records = {article.id: record for article, record in pairs}

    def analyze(self, articles):
        return [(a, self.records[a.id]) for a in articles]


def _burn(_=None) -> float:
    start = time.perf_counter()
    total = 0
    for i in range(10_000_000):
        total += i
    return time.perf_counter() - start


def free_cores() -> float:
    """How many cores two CPU-bound processes get: 2.0 on two idle cores, less when others run."""
    import multiprocessing

    with multiprocessing.get_context("spawn").Pool(2) as pool:
        pool.map(_burn, range(2))  # started and warm
        alone = pool.apply(_burn)
        start = time.perf_counter()
        pool.map(_burn, range(2))
        both = time.perf_counter() - start
    return 2 * alone / both


def amdahl_hours(articles: int, core_rate: float, serial: float, cores: int) -> float:
    speedup = 1 / (serial + (1 - serial) / cores)
    return articles / (core_rate * speedup) / 3600


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--limit", type=int, default=None, help="use the first N texts only")
    parser.add_argument("--batch-size", type=int, default=32)
    parser.add_argument("--corpus", type=Path, default=POLNEAR_TRAIN)
    parser.add_argument("--no-ray", action="store_true", help="skip the Ray engine")
    args = parser.parse_args()

    files = sorted(args.corpus.glob("*.txt"))[: args.limit]
    if not files:
        raise SystemExit(f"no .txt files in {args.corpus}")
    options = ReadOptions()
    articles = [clean(raw, options) for raw in read_inputs(map(str, files), options)]
    texts = [a.text for a in articles]
    chars = sum(map(len, texts))
    print(f"corpus: {len(files)} PolNeAR train texts, {chars / len(files):,.0f} characters on average; "
          f"{os.cpu_count()} cores, load average {os.getloadavg()[0]:.2f} at the start; "
          f"two CPU-bound processes get {free_cores():.2f} cores")

    import spacy

    from newsgraph.analyze import MODEL_NAME

    from newsgraph.analyze.entities.gazetteer import gazetteer

    bare_nlp = spacy.load(MODEL_NAME)  # the model exactly as shipped, no component of ours
    analyzer = Analyzer(load_nlp(), batch_size=16)
    gazetteer()  # loaded once per process, as the model is: outside the timings
    n = len(files)

    def show(label: str, seconds: float, count: int = n) -> None:
        print(f"  {label:<52} {count / seconds:8.1f} articles/s  ({seconds:6.1f} s)", flush=True)

    _, bare = timed(lambda: sum(1 for _ in bare_nlp.pipe(texts, batch_size=16)))
    show("bare spaCy nlp.pipe", bare)
    pairs, analysis = timed(lambda: list(analyzer.analyze(articles)))
    show("analysis (spaCy + all newsgraph stages)", analysis)

    with tempfile.TemporaryDirectory() as tmp:
        def ingest(name: str, pipeline):
            with Store(str(Path(tmp) / f"{name}.db")) as store:
                report, seconds = timed(lambda: run_ingest(read_inputs(map(str, files), options), store, options,
                                                           pipeline, args.batch_size))
            # PolNeAR train holds one text twice: it is stored once, as it should be.
            assert report.stored + report.duplicates == len(files) and not report.errors, report.as_dict()
            return seconds

        plain = ingest("plain", None)
        show("ingest alone (read, clean, dedupe, store)", plain)
        serial = ingest("serial", Recorded(pairs))
        show("writing alone: ingest of the records of (2), resolved", serial)
        one = ingest("workers1", analyzer)
        show("ingest with analysis, --workers 1", one)
        one_rss = peak_rss()
        with AnalysisPool(2) as pool:
            two = ingest("workers2", pool)
            worker_rss = dict(pool.peak_rss)
        show("ingest with analysis, --workers 2", two)
        ray_seconds = None if args.no_ray else ray_run(tmp, files, options, args.batch_size, show)

    print(f"  analysis / bare spaCy:                   {bare / analysis:.2f}")
    print(f"  ingest with analysis / bare spaCy:       {bare / one:.2f}")
    print(f"  --workers 2 / --workers 1:               {one / two:.2f}")
    if ray_seconds:
        print(f"  Ray (local, 2 CPUs) / --workers 1:       {one / ray_seconds:.2f}")
    print("peak memory (resident):")
    print(f"  this process with the model loaded, --workers 1: {one_rss / MB:6.0f} MB")
    for pid, rss in sorted(worker_rss.items()):
        print(f"  analysis worker {pid}:                       {rss / MB:6.0f} MB")

    # One core does the whole ingest of an article in (analysis + writing) seconds; the writing
    # (with resolution) is the serial part: one writer at a time per store.
    per_article = analysis / n + serial / n
    share = (serial / n) / per_article
    core_rate = 1 / per_article
    print(f"one core: {core_rate:.1f} articles/s; serial share (writing with resolution) {share:.3f}, "
          f"so no number of cores goes past {1 / share:.0f}x ({1 / (serial / n):.0f} articles/s)")
    for label, cores in (("a 16-core machine", 16), ("10 machines of 16 cores", 160)):
        speedup = 1 / (share + (1 - share) / cores)
        print(f"  a million articles on {label:<24} {amdahl_hours(1_000_000, core_rate, share, cores):6.1f} h "
              f"(speed-up {speedup:.1f}x)")
    print(f"  (one core: {amdahl_hours(1_000_000, core_rate, share, 1):.1f} h)")
    print(f"at the end: load average {os.getloadavg()[0]:.2f}; two CPU-bound processes get {free_cores():.2f} cores")


def ray_run(tmp: str, files, options, batch_size: int, show) -> float | None:
    try:
        import ray
    except ImportError:
        print("  Ray engine: not installed (pip install newsgraph[ray]); skipped")
        return None
    from newsgraph.ingest.ray_engine import ray_ingest

    corpus = Path(tmp) / "corpus"
    corpus.mkdir()
    for path in files:
        (corpus / path.name).symlink_to(path.resolve())
    _, start = timed(lambda: ray.init(num_cpus=2, include_dashboard=False, log_to_driver=False,
                                      logging_level="ERROR"))
    try:
        with Store(str(Path(tmp) / "ray.db")) as store:
            report, seconds = timed(lambda: ray_ingest([str(corpus)], store, options, workers=2,
                                                       batch_size=batch_size))
        assert report.stored + report.duplicates == len(files) and not report.errors, report.as_dict()
    finally:
        ray.shutdown()
    show(f"Ray engine, local Ray of 2 CPUs (+{start:.0f} s to start Ray)", seconds, len(files))
    return seconds


if __name__ == "__main__":
    main()
