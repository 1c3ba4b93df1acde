"""Several ingests writing to one store at the same moment, as separate processes.

Each writer is a real process (tests/writer_process.py) started before the others finish
and released at one moment; together they ingest overlapping articles that all name two
people no store knew and report one meeting. Nothing may be lost or stored twice: each
article once, each person one entity, the meeting one event with a report per article, as
one process ingesting everything would store it.
"""

from __future__ import annotations

import json
import os
import sqlite3
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest
from sqlalchemy import func, select

from cli_helpers import run
from newsgraph.store import Store
from newsgraph.store.schema import analyses, articles, entities, event_reports, events, mentions

WRITER = Path(__file__).parents[1] / "writer_process.py"
WRITERS = 4


def _texts(writer: int) -> list[str]:
    own = [f"Ada Quill met Bram Okafor in Lisbon on Tuesday, dispatch {writer}-{i} reports." for i in range(6)]
    shared = [f"Ada Quill met Bram Okafor in Lisbon on Tuesday, as the shared wire story {i} says." for i in range(2)]
    return shared + own if writer % 2 else own + shared


def _start_writers(db: str, tmp_path: Path) -> list[dict]:
    go = tmp_path / "go"
    procs = []
    for n in range(WRITERS):
        texts = tmp_path / f"texts{n}.txt"
        texts.write_text("\n".join(_texts(n)) + "\n", encoding="utf-8")
        cmd = [sys.executable, str(WRITER), db, str(tmp_path / f"ready{n}"), str(go), str(texts)]
        procs.append(subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True))
    deadline = time.monotonic() + 60
    while not all((tmp_path / f"ready{n}").exists() for n in range(WRITERS)):
        assert time.monotonic() < deadline and all(p.poll() is None for p in procs), "a writer did not start"
        time.sleep(0.05)
    go.touch()  # every writer is waiting: release them together
    reports = []
    for proc in procs:
        out, err = proc.communicate(timeout=120)
        assert proc.returncode == 0, err
        reports.append(json.loads(out))
    return reports


def _summary(store: Store) -> dict:
    with store.engine.connect() as conn:
        def count(table, *where):
            return conn.execute(select(func.count()).select_from(table).where(*where)).scalar()
        return {
            "articles": count(articles), "analyses": count(analyses), "mentions": count(mentions),
            "unlinked_mentions": count(mentions, mentions.c.entity_id.is_(None)),
            "entities": sorted(tuple(r) for r in conn.execute(select(entities.c.name, entities.c.type))),
            "events": sorted(r[0] for r in conn.execute(select(events.c.reports))),
            "reports": count(event_reports),
        }


def test_concurrent_writers_lose_nothing_and_duplicate_nothing(store_url, tmp_path):
    reports = _start_writers(store_url, tmp_path)
    unique = len({t for n in range(WRITERS) for t in _texts(n)})
    assert sum(r["stored"] for r in reports) == unique
    assert sum(r["failed"] for r in reports) == 0
    with Store(store_url) as store:
        together = _summary(store)
    assert together["articles"] == together["analyses"] == unique
    assert together["mentions"] == 2 * unique and together["unlinked_mentions"] == 0
    assert together["entities"] == [("Ada Quill", "person"), ("Bram Okafor", "person")]
    assert together["events"] == [unique] and together["reports"] == unique
    # ... which is what one process ingesting everything stores.
    alone = tmp_path / "alone"
    alone.mkdir()
    (tmp_path / "all.txt").write_text("\n".join(t for n in range(WRITERS) for t in _texts(n)) + "\n", encoding="utf-8")
    one = subprocess.run([sys.executable, str(WRITER), f"sqlite:///{alone / 'one.db'}", str(alone / "ready"),
                          str(alone / "ready"), str(tmp_path / "all.txt")], capture_output=True, text=True, timeout=120)
    assert one.returncode == 0, one.stderr
    with Store(f"sqlite:///{alone / 'one.db'}") as store:
        assert _summary(store) == together


def _hold_write_lock(db: Path, seconds: float, held: threading.Event) -> None:
    conn = sqlite3.connect(db, isolation_level=None)
    conn.execute("BEGIN IMMEDIATE")
    held.set()
    time.sleep(seconds)
    conn.execute("ROLLBACK")
    conn.close()


@pytest.mark.parametrize("hold, timeout, expected", [(2.0, "60", 0), (5.0, "1", 2)])
def test_concurrent_sqlite_writer_waits_for_the_lock_within_its_limit(tmp_path, hold, timeout, expected):
    db = tmp_path / "corpus.db"
    article = tmp_path / "report.txt"
    article.write_text("Ferry services resumed on Friday after the storm, the port authority said.\n",
                       encoding="utf-8")
    Store(str(db)).close()
    held = threading.Event()
    holder = threading.Thread(target=_hold_write_lock, args=(db, hold, held), daemon=True)
    holder.start()
    held.wait(10)
    started = time.monotonic()
    result = run("ingest", article, "--db", db, "--no-analyze", "--lock-timeout", timeout, "--log-json")
    waited = time.monotonic() - started
    assert result.returncode == expected, result.stderr
    if expected == 0:
        assert waited >= hold - 0.5 and '"stored": 1' in result.stderr
    else:
        line = " ".join(result.stderr.split())  # one error line, as the terminal may wrap it
        assert line == (f"error: the database sqlite:///{db} stayed locked by another writer for 1 s (another "
                        "ingest or correction writing to it); try again when it is done, or wait longer with "
                        "--lock-timeout")
        assert os.path.getsize(db) > 0
