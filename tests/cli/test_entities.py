"""`newsgraph entities ...` through Typer's runner, on a real SQLite store."""

from __future__ import annotations

import json

from typer.testing import CliRunner

from newsgraph.cli import app
from newsgraph.store import Store
from resolve_records import record, store_record

RUSI_A = "The Royal United Services Institute said the drills were routine."
RUSI_B = "RUSI analysts said the drills were routine."


def _db(tmp_path) -> str:
    db = str(tmp_path / "cli.db")
    with Store(db) as store:
        store_record(store, record(RUSI_A, [("Royal United Services Institute", "ORG", ["Royal United Services Institute"])]))
        store_record(store, record(RUSI_B, [("RUSI", "ORG", ["RUSI"]), ("Reuters", "ORG", ["drills"])]))
    return db


def invoke(*args):
    return CliRunner().invoke(app, ["entities", *map(str, args)], env={"NEWSGRAPH_DB": ""})


def test_cli_entities_list_show_merge_split_export(tmp_path):
    db = _db(tmp_path)
    listed = json.loads(invoke("list", "--db", db, "--json").output)
    assert {(r["name"], r["type"]) for r in listed} == {("Royal United Services Institute", "organisation"),
                                                        ("RUSI", "organisation"), ("Reuters", "media")}
    assert [r["name"] for r in json.loads(invoke("list", "--db", db, "--type", "media", "--json").output)] == ["Reuters"]
    assert invoke("merge", "Royal United Services Institute", "RUSI", "--db", db).exit_code == 0
    shown = json.loads(invoke("show", "RUSI", "--db", db, "--json").output)
    assert shown["name"] == "Royal United Services Institute" and shown["mentions"] == 2 and shown["articles"] == 2
    assert {"alias": "RUSI", "origin": "analysis"} in shown["aliases"]
    result = invoke("split", "Royal United Services Institute", "RUSI", "--db", db)
    assert result.exit_code == 0 and "into #" in result.output
    out = tmp_path / "corrections.jsonl"
    assert invoke("export-corrections", out, "--db", db).exit_code == 0
    assert [json.loads(x)["action"] for x in out.read_text().splitlines()] == ["merge", "split"]


def test_cli_entities_aliases_file_and_errors(tmp_path):
    db = _db(tmp_path)
    aliases = tmp_path / "aliases.csv"
    aliases.write_text("RUSI,Royal United Services Institute,organisation\n", encoding="utf-8")
    result = invoke("aliases", aliases, "--db", db)
    assert result.exit_code == 0 and "loaded 1 aliases" in result.output
    missing = invoke("show", "Nobody", "--db", db)
    assert missing.exit_code == 2 and "no entity named 'Nobody'" in missing.output
    assert invoke("aliases", tmp_path / "absent.csv", "--db", db).exit_code == 2


def test_cli_entities_corrections_and_undo(tmp_path):
    db = _db(tmp_path)
    assert invoke("corrections", "--db", db).output.strip() == "no corrections"
    empty = invoke("undo", "--db", db)
    assert empty.exit_code == 2 and "nothing to undo" in empty.output
    before = json.loads(invoke("list", "--db", db, "--json").output)
    assert invoke("merge", "Royal United Services Institute", "RUSI", "--db", db).exit_code == 0
    assert invoke("split", "Royal United Services Institute", "RUSI", "--db", db).exit_code == 0
    listed = json.loads(invoke("corrections", "--db", db, "--json").output)
    assert [(r["number"], r["action"], r["undoable"]) for r in listed] == [(1, "merge", True), (2, "split", True)]
    assert listed[0]["description"].startswith("merge: RUSI into Royal United Services Institute (#")
    assert all("undo" not in r["payload"] for r in listed)
    text = invoke("corrections", "--db", db).output.splitlines()
    assert len(text) == 2 and text[0].startswith("#1") and "split: RUSI from Royal United Services Institute" in text[1]
    undone = invoke("undo", "--db", db)
    assert undone.exit_code == 0 and "undid correction #2: split" in undone.output
    out = tmp_path / "corrections.jsonl"
    assert invoke("export-corrections", out, "--db", db).exit_code == 0
    lines = [json.loads(x) for x in out.read_text().splitlines()]
    assert [x["action"] for x in lines] == ["merge"] and "undo" not in lines[0]["payload"]
    assert invoke("undo", "--db", db).exit_code == 0
    assert json.loads(invoke("list", "--db", db, "--json").output) == before
    again = invoke("undo", "--db", db)
    assert again.exit_code == 2 and "the correction log is empty" in " ".join(again.output.split())


def test_cli_entities_undo_refuses_imported_old_log(tmp_path):
    db = _db(tmp_path)
    old = tmp_path / "old.jsonl"
    # Written by an older newsgraph: an alias correction, imported here with fresh undo data.
    old.write_text(json.dumps({"action": "alias", "created_at": "2025-01-02T09:00:00+00:00",
                               "payload": {"alias": "RUSI", "canonical": "Royal United Services Institute",
                                           "type": "organisation"}}) + "\n", encoding="utf-8")
    assert invoke("import-corrections", old, "--db", db).exit_code == 0
    assert invoke("undo", "--db", db).exit_code == 0
    from newsgraph.store.graph import Graph

    with Store(db) as store, store.writer() as writer:
        Graph(writer.conn).log_correction("merge", {"keep": "Royal United Services Institute", "gone": "RUSI"})
    assert "(cannot be undone)" in invoke("corrections", "--db", db).output
    refused = invoke("undo", "--db", db)
    message = " ".join(refused.output.split())  # one line, wrapped to the runner's width
    assert refused.exit_code == 2 and message.startswith("error: correction #1 (merge: RUSI into")
    assert "cannot be undone exactly" in message
