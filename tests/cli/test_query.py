"""The query commands through typer's CliRunner: tables, --json, exports, errors."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import networkx as nx
import pytest
import typer.main
from query_helpers import add_namesakes, build_situation
from typer.testing import CliRunner

from newsgraph.cli import app

runner = CliRunner()


@pytest.fixture
def db(tmp_path):
    path = str(tmp_path / "store.db")
    build_situation(f"sqlite:///{path}")
    return path


def invoke(*args):
    return runner.invoke(app, [str(a) for a in args], env={"COLUMNS": "200", "NEWSGRAPH_DB": ""})


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


def test_cli_query_every_command_has_help_and_takes_db():
    for name in ("entity", "quotes", "timeline", "events", "network", "search", "export"):
        result = invoke(name, "--help")
        assert result.exit_code == 0 and "--db" in result.output


def test_cli_outlets_table_json_and_paging(db):
    run = invoke
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


# -- one naming rule, one error exit, options declared once ------------------------

@pytest.fixture
def namesakes(db):
    return add_namesakes(f"sqlite:///{db}")


def _one_line(text: str) -> str:
    return " ".join(text.split())  # rich wraps long lines at the terminal's width


@pytest.mark.parametrize("command", [
    ["entity", "{}"], ["entities", "show", "{}"], ["quotes", "--speaker", "{}"], ["quotes", "--about", "{}"],
    ["timeline", "--entity", "{}"], ["events", "--actor", "{}"], ["events", "--target", "{}"],
    ["entities", "merge", "{}", "Russia"], ["entities", "split", "{}", "Tbilisi"],
])
def test_cli_an_ambiguous_name_is_refused_listing_the_candidates(db, namesakes, command):
    state, place = namesakes["Georgia state"], namesakes["Georgia place"]
    result = invoke(*[part.format("Georgia") for part in command], "--db", db)
    assert result.exit_code == 2 and result.stdout == ""
    assert _one_line(result.stderr) == (f"error: 'Georgia' names 2 entities: #{state} Georgia (state), "
                                        f"#{place} Georgia (place); name one by #id")


@pytest.mark.parametrize("command", [["entity"], ["entities", "show"]])
def test_cli_an_id_is_written_with_a_hash_and_bare_digits_are_a_name(db, namesakes, command):
    def shown(name):
        result = invoke(*command, name, "--db", db, "--json")
        assert result.exit_code == 0, result.output
        data = json.loads(result.stdout)
        return data.get("entity", data)["id"]

    place = namesakes["Georgia place"]
    assert shown(f"#{place}") == place
    assert shown("1984") == namesakes["1984"]  # an entity called 1984, not the id 1984
    digits = invoke(*command, str(place), "--db", db)
    assert digits.exit_code == 2
    assert _one_line(digits.stderr).startswith(f"error: no entity named '{place}';")
    assert f"for the entity with id {place}, write #{place}" in _one_line(digits.stderr)


def _leaves(group=None, prefix=()):
    """(words, click command) for every command of the CLI."""
    group = group or typer.main.get_command(app)
    for name, command in group.commands.items():
        if getattr(command, "commands", None):
            yield from _leaves(command, (*prefix, name))
        else:
            yield (*prefix, name), command


def _option(command, flag: str):
    return next((p for p in command.params if flag in getattr(p, "opts", ())), None)


# The arguments each command needs besides --db; ingest and demo create their store.
ARGUMENTS = {
    ("entity",): ["X"], ("search",): ["X"], ("export",): ["out.csv"], ("network",): ["-o", "out.gexf"],
    ("entities", "show"): ["X"], ("entities", "merge"): ["X", "Y"], ("entities", "split"): ["X", "Y"],
    ("entities", "aliases"): ["aliases.csv"], ("entities", "export-corrections"): ["out.jsonl"],
    ("entities", "import-corrections"): ["in.jsonl"],
}
CREATING = {("ingest",), ("demo",)}


def test_cli_every_command_taking_a_database_accepts_db_and_the_environment(tmp_path):
    missing = tmp_path / "typo.db"
    message = f"error: no newsgraph database at {missing}: nothing has been stored there yet"
    checked = set()
    for words, command in _leaves():
        if _option(command, "--db") is None or words in CREATING:
            continue
        args = [*words, *ARGUMENTS.get(words, [])]
        by_option = invoke(*args, "--db", missing)
        by_environment = runner.invoke(app, args, env={"COLUMNS": "200", "NEWSGRAPH_DB": str(missing)})
        for result in (by_option, by_environment):
            assert result.exit_code == 2 and result.stdout == "", (words, result.output)
            assert _one_line(result.stderr).startswith(message), (words, result.stderr)
        checked.add(words)
    assert not missing.exists()
    assert checked >= {("entity",), ("quotes",), ("db", "info"), ("entities", "show"), ("entities", "undo"),
                       ("serve",), ("export",)}


def test_cli_shared_options_are_declared_once():
    from newsgraph import cli
    from newsgraph.cli import _options

    sources = {p.name: p.read_text(encoding="utf-8") for p in Path(cli.__file__).parent.glob("*.py")}

    def declared(text):
        return {name: source.count(text) for name, source in sources.items() if text in source}

    assert declared('typer.Option("--db"') == {"_options.py": 1, "ingest.py": 1}  # ingest.py: demo's file to create
    assert declared('typer.Option("--json"') == {"_options.py": 1}
    assert declared('"How many to list."') == {"_options.py": 1}
    db_help = _options.Db.__metadata__[0].help
    for words, command in _leaves():
        option = _option(command, "--db")
        if option is not None and words != ("demo",):
            assert option.help == db_help, words
