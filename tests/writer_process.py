"""One of several writers started at once by tests/ingest/test_concurrent_writers.py.

    python tests/writer_process.py DB READY_FILE GO_FILE TEXTS_FILE

Touches READY_FILE, waits for GO_FILE (so every writer starts at the same moment), then
ingests the texts of TEXTS_FILE (one per line) with a scripted analysis: no spaCy, records
naming the people the texts name (tests/resolve_records.py), each text reporting one meeting.
Prints the run's report as JSON.
"""

from __future__ import annotations

import json
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))

from newsgraph.analyze.record import document_block  # noqa: E402
from newsgraph.ingest.runner import run_ingest  # noqa: E402
from newsgraph.model import RawDocument, ReadOptions  # noqa: E402
from newsgraph.store import Store  # noqa: E402
from resolve_records import event, record  # noqa: E402

PEOPLE = ("Ada Quill", "Bram Okafor")
PUBLISHED = "2025-05-07"


class ScriptedAnalyzer:
    """Records for texts that name PEOPLE and report that they met on 2025-05-06."""

    def analyze(self, articles):
        for article in articles:
            rec = record(article.text, [(name, "PERSON", [name]) for name in PEOPLE], PUBLISHED,
                         [event("CONSULT", ["e1"], ["e2"], "2025-05-06")])
            rec["document"] = document_block(article)
            yield article, rec


def main(db: str, ready: str, go: str, texts: str) -> None:
    options = ReadOptions(language="en", published=PUBLISHED)
    items = [RawDocument(text=line, source=f"{Path(texts).name}", location=f"line {i}")
             for i, line in enumerate(Path(texts).read_text(encoding="utf-8").splitlines(), 1)]
    with Store(db, lock_timeout=60) as store:
        Path(ready).touch()
        while not Path(go).exists():
            time.sleep(0.01)
        report = run_ingest(items, store, options, ScriptedAnalyzer(), batch_size=2)
    print(json.dumps(report.as_dict()))


if __name__ == "__main__":
    main(*sys.argv[1:5])
