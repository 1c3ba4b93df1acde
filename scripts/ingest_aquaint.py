"""Ingest the 14 AQUAINT stories of the event gold into one store and show how their reports merge.

    python scripts/ingest_aquaint.py [--db aquaint.db] [--data ../shared/data] [--order published|name]

Each story (``events/txt/*.txt``) is ingested with the publication date and outlet its file
name gives (APW19980807.0261 = Associated Press, 1998-08-07), in publication order (or in
file-name order, as a shell glob would). Then it prints how many event reports there are,
into how many events they merge, and each event reported by more than one article with the
sentence of every report, for reading. The database is kept (``newsgraph serve --db ...``).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from sqlalchemy import func, select

from newsgraph import query as q
from newsgraph.analyze import Analyzer
from newsgraph.evaluate.events import OUTLETS, published_from_name
from newsgraph.ingest import read_inputs
from newsgraph.ingest.runner import run_ingest
from newsgraph.model import ReadOptions
from newsgraph.store import Store
from newsgraph.store.schema import event_reports, events

ROOT = Path(__file__).resolve().parents[1]


def stories(data: Path, order: str = "published") -> list[Path]:
    paths = sorted((data / "events" / "txt").glob("*.txt"))
    if order == "published":
        paths.sort(key=lambda p: (published_from_name(p.stem) or "", p.stem))
    return paths


def ingest(store: Store, paths: list[Path], analyzer) -> None:
    for path in paths:
        options = ReadOptions(published=published_from_name(path.stem), outlet=OUTLETS.get(path.stem[:3]))
        report = run_ingest(read_inputs([str(path)], options), store, options, analyzer)
        if report.failed:
            raise SystemExit(f"{path}: {report.errors[0]}")


def figures(store: Store) -> dict[str, int]:
    """Reports, events, and the events (and their reports) that more than one article reports."""
    with store.engine.connect() as conn:
        reports = conn.execute(select(func.count()).select_from(event_reports)).scalar()
        count = conn.execute(select(func.count()).select_from(events)).scalar()
        merged = conn.execute(select(events.c.id).where(events.c.reports > 1)).scalars().all()
        in_merged = conn.execute(select(func.count()).select_from(event_reports)
                                 .where(event_reports.c.event_id.in_(merged))).scalar() if merged else 0
    return {"reports": reports, "events": count, "merged_events": len(merged), "reports_in_merged": in_merged}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--db", default="aquaint.db")
    parser.add_argument("--data", type=Path, default=ROOT.parent / "shared" / "data")
    parser.add_argument("--order", choices=("published", "name"), default="published")
    args = parser.parse_args(argv)
    with Store(args.db) as store:
        ingest(store, stories(args.data, args.order), Analyzer())
        f = figures(store)
        print(f"{f['reports']} event reports in {f['events']} events; {f['merged_events']} events reported by "
              f"more than one article hold {f['reports_in_merged']} reports")
        for event in q.search_events(store, limit=200):
            if event.report_count < 2:
                continue
            print(f"\n#{event.id} {event.type} {event.date or 'undated'}: {event.report_count} articles"
                  + (f", reports disagree on {', '.join(c['field'] for c in event.contradictions)}"
                     if event.contradictions else ""))
            for r in event.reports:
                print(f"  [{r.source.outlet} {r.source.published}] {r.modality} {q.who_to_whom(r.actors, r.targets)}"
                      f" «{r.trigger}»: {' '.join(r.source.text.split())}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
