"""End-to-end: the `newsgraph` command on real files, in a real subprocess."""

from __future__ import annotations

import gzip
import json
import os
import signal
import subprocess
import time

import pytest

from cli_helpers import NEWSGRAPH, POLNEAR_TRAIN, SEED, db_info, run
from newsgraph.store.migrations import LATEST

pytestmark = pytest.mark.slow

WIRE = (
    "Britain and France will send military planners to Kyiv next week to prepare for a possible "
    "reassurance force, officials said on Wednesday. The planners will meet Ukrainian commanders to "
    "discuss air defence, training and the protection of ports on the Black Sea coast. Germany said it "
    "was ready to take part in the planning but had not decided whether to send troops. A spokesman "
    "for the Kremlin said Moscow would regard any such deployment as a direct threat."
)


def test_cli_ingest_seed_article_twice_stores_it_once(tmp_path):
    db = tmp_path / "corpus.db"
    first = run("ingest", SEED, "--db", db, "--published", "2025-04-02")
    assert first.returncode == 0, first.stderr
    assert "stored 1 article" in first.stderr
    second = run("ingest", SEED, "--db", db)
    assert second.returncode == 0, second.stderr
    assert "1 already stored" in second.stderr
    info = db_info(db)
    assert (info["articles"], info["analyzed"], info["schema_version"]) == (1, 1, LATEST)
    assert info["first_published"] == "2025-04-02"
    assert info["quotes"] >= 20 and info["timexes"] >= 9 and info["quantities"] >= 2
    actors = json.loads(run("actors", "--db", db, "--json").stdout)
    assert {"Keir Starmer", "Yuri Knutov"} <= {a["name"] for a in actors}


def test_cli_near_duplicate_wire_story_is_linked_not_counted_twice(tmp_path):
    (tmp_path / "a.txt").write_text("UK and France to send planners to Kyiv\n" + WIRE, encoding="utf-8")
    (tmp_path / "b.txt").write_text("European military planners head to Ukraine\n" + WIRE, encoding="utf-8")
    db = tmp_path / "corpus.db"
    result = run("ingest", tmp_path / "a.txt", tmp_path / "b.txt", "--db", db, "--no-analyze")
    assert result.returncode == 0, result.stderr
    assert "1 linked as near-duplicates" in result.stderr
    info = db_info(db)
    assert (info["articles"], info["stories"], info["near_duplicate_links"]) == (2, 1, 1)


def test_cli_bad_inputs_fail_one_by_one_and_good_ones_are_stored(tmp_path):
    inputs = tmp_path / "inputs"
    inputs.mkdir()
    (inputs / "good.txt").write_text("Military planners head to Kyiv\n" + WIRE, encoding="utf-8")
    (inputs / "empty.txt").write_text("", encoding="utf-8")
    (inputs / "binary.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)))
    (inputs / "latin1.txt").write_bytes("Caf\xe9 owners protest in Lyon\nThe owners said the new rules were unfair.".encode("latin-1"))
    (inputs / "feed.jsonl").write_text(
        json.dumps({"text": "Talks in Geneva ended without agreement on Friday, diplomats said. " * 3, "title": "Geneva talks end"}) + "\n"
        + "{not json at all\n"
        + json.dumps({"text": "A second report from Geneva says the delegations will meet again in May. " * 3}) + "\n",
        encoding="utf-8",
    )
    (inputs / "scripts.html").write_text(
        "<html><head><script>var a = 1;</script></head><body>" + "<script>track('x');</script>" * 200 + "</body></html>",
        encoding="utf-8",
    )
    with gzip.open(inputs / "cut.warc.gz", "wb") as fh:
        fh.write(b"WARC/1.0\r\nWARC-Type: response\r\nContent-Length: 99999\r\n\r\nHTTP/1.1 200 OK\r\n")
    big = inputs / "huge.txt"
    with big.open("w", encoding="utf-8") as fh:
        fh.write("A very long article\n")
        line = "This sentence repeats to make a file far larger than any news article. " * 100 + "\n"
        for _ in range(50 * 1024 * 1024 // len(line) + 1):
            fh.write(line)
    db = tmp_path / "corpus.db"
    result = run("ingest", inputs, "--db", db)
    assert result.returncode == 1
    err = result.stderr
    for name in ("empty.txt", "binary.txt", "latin1.txt", "scripts.html", "cut.warc.gz", "huge.txt"):
        assert name in err, f"no error names {name}:\n{err}"
    assert "feed.jsonl: line 2" in err
    assert "Traceback" not in err
    info = db_info(db)
    assert info["articles"] == 3  # good.txt and the two good JSON lines
    assert info["analyzed"] == 3


def test_cli_ingest_json_log_and_quiet(tmp_path):
    db = tmp_path / "corpus.db"
    good = json.dumps({"text": WIRE, "title": "Planners head to Kyiv"})
    (tmp_path / "broken.jsonl").write_text(good + '\n{"text": 5}\n', encoding="utf-8")
    logged = run("ingest", SEED, tmp_path / "broken.jsonl", "--db", db, "--log-json", "--no-analyze")
    assert logged.returncode == 1
    events = [json.loads(line) for line in logged.stderr.splitlines() if line.startswith("{")]
    kinds = [e["event"] for e in events]
    assert kinds.count("stored") == 2 and kinds.count("error") == 1 and kinds[-1] == "summary"
    error = next(e for e in events if e["event"] == "error")
    assert error["source"].endswith("broken.jsonl") and error["location"] == "line 2"
    from_jsonl = next(e for e in events if e["event"] == "stored" and e["source"].endswith("broken.jsonl"))
    assert from_jsonl["location"] == "line 1"
    assert events[-1]["stored"] == 2 and events[-1]["failed"] == 1
    quiet = run("ingest", SEED, "--db", db, "--quiet")
    assert quiet.returncode == 0 and quiet.stdout == "" and quiet.stderr == ""


def test_cli_ingest_from_standard_input(tmp_path):
    db = tmp_path / "corpus.db"
    result = run("ingest", "-", "--db", db, "--outlet", "Stdin Times", input="Planners head to Kyiv\n" + WIRE)
    assert result.returncode == 0, result.stderr
    listed = json.loads(run("articles", "--db", db, "--json").stdout)
    assert [(a["title"], a["outlet"]) for a in listed] == [("Planners head to Kyiv", "Stdin Times")]


def test_cli_ingest_rejects_a_malformed_date_option(tmp_path):
    result = run("ingest", SEED, "--db", tmp_path / "x.db", "--published", "2 April")
    assert result.returncode == 2
    assert "--published '2 April' is not a date of the form YYYY-MM-DD" in result.stderr
    assert not (tmp_path / "x.db").exists() or db_info(tmp_path / "x.db")["articles"] == 0


def _polnear_copy(tmp_path, count):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    for path in sorted(POLNEAR_TRAIN.glob("*.txt"))[:count]:
        (corpus / path.name).write_bytes(path.read_bytes())
    return corpus


def _wait_for_articles(db, at_least, timeout=240):
    import sqlite3

    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if db.exists():
            try:
                with sqlite3.connect(db, timeout=1) as conn:
                    if conn.execute("SELECT count(*) FROM articles").fetchone()[0] >= at_least:
                        return
            except sqlite3.OperationalError:
                pass
        time.sleep(0.2)
    raise AssertionError(f"{db} never held {at_least} articles")


@pytest.mark.parametrize("how", ["kill -9", "Ctrl-C"])
def test_cli_interrupted_ingest_keeps_what_it_committed_and_resumes(tmp_path, how):
    corpus = _polnear_copy(tmp_path, 40)
    db = tmp_path / "corpus.db"
    args = [*NEWSGRAPH, "ingest", str(corpus), "--db", str(db), "--batch-size", "4", "--quiet", "--workers", "2"]
    proc = subprocess.Popen(args, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        _wait_for_articles(db, 8)
        proc.send_signal(signal.SIGKILL if how == "kill -9" else signal.SIGINT)
        _out, err = proc.communicate(timeout=60)
    finally:
        if proc.poll() is None:
            proc.kill()
    if how == "Ctrl-C":
        assert proc.returncode == 130
        assert "run the same command again" in err
    partial = db_info(db)
    assert 8 <= partial["articles"] < 40
    assert partial["analyzed"] == partial["articles"]  # committed together, never half
    resumed = run("ingest", corpus, "--db", db, "--batch-size", "4")
    assert resumed.returncode == 0, resumed.stderr
    assert f"{partial['articles']} already stored" in resumed.stderr
    final = db_info(db)
    assert (final["articles"], final["analyzed"]) == (40, 40)


def _alive(pid: int) -> bool:
    try:
        with open(f"/proc/{pid}/stat") as stat:
            return stat.read().split(") ", 1)[1][0] != "Z"  # a zombie has ended
    except FileNotFoundError:
        return False


def _session(sid: int) -> list[int]:
    """The live processes of a session (the ingest and its workers)."""
    found = []
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                if os.getsid(int(entry)) == sid and _alive(int(entry)):
                    found.append(int(entry))
            except ProcessLookupError:
                pass
    return found


def test_cli_ingest_workers_store_the_same_rows_as_one_process(tmp_path):
    from store_rows import assert_same_rows

    corpus = _polnear_copy(tmp_path, 6)
    for workers in (1, 2):
        result = run("ingest", corpus, "--db", tmp_path / f"w{workers}.db", "--workers", workers, "--batch-size", "2")
        assert result.returncode == 0, result.stderr
        assert "stored 6 articles, analysed 6" in result.stderr
    assert_same_rows(str(tmp_path / "w1.db"), str(tmp_path / "w2.db"))


def test_cli_ingest_killed_with_its_workers_leaves_no_process_and_resumes(tmp_path):
    corpus = _polnear_copy(tmp_path, 24)
    db = tmp_path / "corpus.db"
    args = [*NEWSGRAPH, "ingest", str(corpus), "--db", str(db), "--batch-size", "2", "--quiet", "--workers", "2"]
    proc = subprocess.Popen(args, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, start_new_session=True)
    try:
        _wait_for_articles(db, 4)
        assert len(_session(proc.pid)) >= 3  # the ingest, two analysis workers (and multiprocessing's tracker)
        proc.kill()
        proc.communicate(timeout=60)
        deadline = time.monotonic() + 10
        while _session(proc.pid) and time.monotonic() < deadline:
            time.sleep(0.1)
        assert _session(proc.pid) == [], "analysis workers outlived the ingest"
    finally:
        for pid in _session(proc.pid):
            os.kill(pid, signal.SIGKILL)
    partial = db_info(db)
    assert 4 <= partial["articles"] < 24 and partial["analyzed"] == partial["articles"]
    resumed = run("ingest", corpus, "--db", db, "--workers", "2")
    assert resumed.returncode == 0, resumed.stderr
    assert f"{partial['articles']} already stored" in resumed.stderr
    final = db_info(db)
    assert (final["articles"], final["analyzed"]) == (24, 24)


@pytest.mark.postgres
def test_cli_ingest_into_postgresql(postgres_url, tmp_path):
    result = run("ingest", SEED, "--db", postgres_url, "--published", "2025-04-02")
    assert result.returncode == 0, result.stderr
    info = db_info(postgres_url)
    assert (info["backend"], info["articles"], info["analyzed"]) == ("postgresql", 1, 1)
    assert info["entities"] > 10


def test_cli_analyze_json_prints_the_record_without_storing(tmp_path):
    result = run("analyze", "--json", "--published", "2025-04-02", SEED, cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    (record,) = [json.loads(line) for line in result.stdout.splitlines()]
    assert record["format"] == "newsgraph.analysis/1"
    assert record["document"]["published"] == "2025-04-02"
    assert record["document"]["title"] == "Kiev is preparing for the landing of foreign troops in Ukraine"
    assert not record["document"]["text"].endswith("Â")
    assert list(tmp_path.iterdir()) == []  # nothing stored, no database made


def test_cli_analyze_summary_shows_who_said_what_dates_amounts_and_events(tmp_path):
    result = run("analyze", "--published", "2025-04-02", SEED, cwd=tmp_path, env={"COLUMNS": "240"})
    assert result.returncode == 0, result.stderr
    out = result.stdout
    for title in ("Entities", "Who said what", "Dates and amounts", "Events"):
        assert title in out
    # a quotation row: speaker, cue and the start of what was said
    assert any("Annalena Baerbock" in line and "promised" in line and "to provide an additional 3 billion" in line
               for line in out.splitlines())
    assert "money 3,000,000,000 EUR" in out and "DATE 2025-03-27" in out
    assert list(tmp_path.iterdir()) == []


def test_cli_analyze_summary_prints_brackets_in_a_title_as_written(tmp_path):
    article = tmp_path / "brackets.txt"
    article.write_text("Council vote [/bold] on the [red]bridge[/red] budget\n\n"
                       "The mayor said the bridge would reopen on Monday.\n", encoding="utf-8")
    result = run("analyze", article, env={"COLUMNS": "200"})
    assert result.returncode == 0, result.stderr
    assert "Council vote [/bold] on the [red]bridge[/red] budget" in result.stdout


def test_cli_analyze_seed_scores_with_the_shared_scorer(tmp_path):
    result = run("analyze", "--json", "--published", "2025-04-02", SEED)
    out = tmp_path / "seed.jsonl"
    out.write_text(result.stdout, encoding="utf-8")
    scorer = SEED.parent.parent / "tools" / "score_seed.py"
    score = subprocess.run(["python3", str(scorer), str(out)], capture_output=True, text=True, timeout=60)
    assert score.returncode == 0, score.stderr
    assert "mojibake removed: yes" in score.stdout
    assert "warning" not in score.stdout


def test_cli_demo_builds_a_fresh_database_and_reports(tmp_path):
    result = run("demo", "--db", tmp_path / "demo.db")
    assert result.returncode == 0, result.stderr
    for expected in ("Kiev is preparing for the landing", "Keir Starmer", "Yuri Knutov", "schema version",
                     "Who said what", "newsgraph serve --db"):
        assert expected in result.stdout
    again = run("demo", "--db", tmp_path / "demo.db")
    assert again.returncode == 0
    assert db_info(tmp_path / "demo.db")["articles"] == 1
