"""The query commands through typer's CliRunner: tables, --json, exports, errors."""

from __future__ import annotations

import csv
import io
import json

import networkx as nx
import pytest
import typer.main
from query_helpers import build_situation
from typer.testing import CliRunner

from newsgraph.cli_query import COMMANDS, query_app, register

runner = CliRunner()


@pytest.fixture
def db(tmp_path):
    path = str(tmp_path / "store.db")
    build_situation(f"sqlite:///{path}")
    return path


def invoke(*args):
    return runner.invoke(query_app, [str(a) for a in args], env={"COLUMNS": "200", "NEWSGRAPH_DB": ""})


def test_cli_query_entity_table_and_json(db):
    result = invoke("entity", "Starmer", "--db", db)
    assert result.exit_code == 0, result.output
    assert "Keir Starmer" in result.output and "Sir Keir Starmer" in result.output
    data = json.loads(invoke("entity", "Zelensky", "--db", db, "--json").stdout)
    assert data["entity"]["name"] == "Volodymyr Zelensky"
    assert data["statements_about"][0]["source"]["outlet"] == "Reuters"


def test_cli_query_unknown_entity_is_one_clear_line(db):
    result = invoke("entity", "Boris Johnson", "--db", db)
    assert result.exit_code == 2
    assert "no entity named 'Boris Johnson'" in result.output and "Traceback" not in result.output


def test_cli_query_quotes_with_filters(db):
    data = json.loads(invoke("quotes", "--speaker", "Peskov", "--since", "2025-04", "--db", db, "--json").stdout)
    assert [q["text"] for q in data] == ["Zelensky's proposal is not serious"]
    table = invoke("quotes", "--about", "Russia", "--db", db)
    assert table.exit_code == 0 and "civilians" in table.output


def test_cli_query_bad_date_is_a_usage_error(db):
    result = invoke("quotes", "--since", "last week", "--db", db)
    assert result.exit_code == 2 and "not a date prefix" in result.output


def test_cli_query_timeline_and_events(db):
    data = json.loads(invoke("timeline", "--entity", "Ukraine", "--db", db, "--json").stdout)
    assert [r["type"] for r in data] == ["REJECT", "AID"]
    events = json.loads(invoke("events", "--actor", "Starmer", "--db", db, "--json").stdout)
    assert events[0]["report_count"] == 2 and len(events[0]["reports"]) == 2
    table = invoke("events", "--type", "consult", "--db", db)
    assert table.exit_code == 0 and "BBC News, The Guardian" in table.output
    assert invoke("timeline", "--type", "WAR", "--db", db).exit_code == 2


def test_cli_query_search_awkward_input(db):
    for text in ["Starmer's", '"', "NEAR(", "AND OR"]:
        assert invoke("search", text, "--db", db).exit_code == 0
    data = json.loads(invoke("search", "ceasefire", "--db", db, "--json").stdout)
    assert data[0]["source"]["outlet"] == "Reuters" and "«ceasefire»" in data[0]["snippet"]


@pytest.mark.parametrize("fmt, reader", [("gexf", nx.read_gexf), ("graphml", nx.read_graphml)])
def test_cli_query_network_file(db, tmp_path, fmt, reader):
    out = tmp_path / f"net.{fmt}"
    result = invoke("network", "--format", fmt, "-o", out, "--db", db)
    assert result.exit_code == 0, result.output
    assert reader(out).number_of_edges() == 4
    assert invoke("network", "--format", "dot", "-o", out, "--db", db).exit_code == 2


def test_cli_query_export_files_and_stdout(db, tmp_path):
    assert invoke("export", tmp_path / "events.csv", "--db", db).exit_code == 0
    assert len(list(csv.DictReader(open(tmp_path / "events.csv", encoding="utf-8")))) == 5
    stdout = invoke("export", "-", "--kind", "records", "--db", db).stdout
    assert len(stdout.splitlines()) == 3
    rows = list(csv.DictReader(io.StringIO(invoke("export", "-", "--kind", "events", "--db", db).stdout)))
    assert {r["type"] for r in rows} == {"CONSULT", "ACCUSE", "REJECT", "AID"}
    assert invoke("export", tmp_path / "x.pdf", "--db", db).exit_code == 2


def test_cli_query_every_command_has_help_and_registers():
    app = typer.Typer()
    register(app)
    names = set(typer.main.get_command(app).commands)
    assert names == set(COMMANDS)
    for name in COMMANDS:
        result = invoke(name, "--help")
        assert result.exit_code == 0 and "--db" in result.output


def test_cli_outlets_table_json_and_paging(db):
    from newsgraph.cli import app

    def run(*args):
        return runner.invoke(app, [str(a) for a in args], env={"COLUMNS": "200", "NEWSGRAPH_DB": ""})

    table = run("outlets", "--db", db)
    assert table.exit_code == 0, table.output
    assert "BBC News" in table.output and "The Guardian" in table.output and "2025-04-03" in table.output
    rows = json.loads(run("outlets", "--db", db, "--json").stdout)
    assert [r["outlet"] for r in rows] == ["BBC News", "Reuters", "The Guardian"]
    assert rows[1] == {"outlet": "Reuters", "articles": 1, "stories": 1, "first_published": "2025-04-03",
                       "last_published": "2025-04-03"}
    paged = json.loads(run("outlets", "--db", db, "--json", "--limit", "1", "--offset", "2").stdout)
    assert [r["outlet"] for r in paged] == ["The Guardian"]
    bad = run("outlets", "--db", db, "--limit", "0")
    assert bad.exit_code == 2 and "limit must be at least 1" in bad.output
    actors = json.loads(run("actors", "--db", db, "--json").stdout)
    assert actors and all(isinstance(a["entity_id"], int) for a in actors)


@pytest.mark.parametrize("command", [
    ("quotes",), ("entity", "Keir Starmer"), ("events",), ("db", "info"), ("articles",), ("entities", "corrections"),
])
def test_cli_reading_a_path_with_no_database_is_an_error_not_a_new_empty_one(tmp_path, command):
    from cli_helpers import run

    missing = tmp_path / "typo.db"
    result = run(*command, "--db", missing)
    assert result.returncode == 2
    assert "no newsgraph database at" in result.stderr and "typo.db" in result.stderr
    assert not missing.exists()


def test_serving_a_path_with_no_database_needs_ingest_allowed(tmp_path):
    from newsgraph.errors import StoreError
    from newsgraph.web import create_app

    with pytest.raises(StoreError, match="no newsgraph database"):
        create_app(str(tmp_path / "typo.db"))
    app = create_app(str(tmp_path / "new.db"), allow_ingest=True, token="t0ken")  # uploads will fill it
    app.state.store.close()
    assert (tmp_path / "new.db").exists()
