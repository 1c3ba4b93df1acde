"""`newsgraph entities ...` through Typer's runner, on a real SQLite store."""

from __future__ import annotations

import json

from typer.testing import CliRunner

from newsgraph.cli_entities import entities_app
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
    result = CliRunner().invoke(entities_app, [str(a) for a in args])
    return result


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
