"""Tests of the PostgreSQL test harness (tests/pgserver.py, conftest fixtures)."""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

import psycopg
import pytest
import sqlalchemy as sa

from pgserver import ENSURE_SCRIPT


def _user_tables(url: str) -> list[str]:
    with psycopg.connect(url) as conn:
        rows = conn.execute(
            "SELECT table_name FROM information_schema.tables"
            " WHERE table_schema NOT IN ('pg_catalog', 'information_schema')"
        ).fetchall()
    return [r[0] for r in rows]


@pytest.mark.postgres
def test_server_answers_select_version(postgres_url):
    assert postgres_url.startswith("postgresql://postgres@127.0.0.1:")
    with psycopg.connect(postgres_url) as conn:
        (version,) = conn.execute("SELECT version()").fetchone()
    assert version.startswith("PostgreSQL ")


_seen_databases: set[str] = set()


@pytest.mark.postgres
@pytest.mark.parametrize("run", [1, 2])
def test_each_use_gets_a_new_empty_database(postgres_url, run):
    # Symmetric, so it holds in any order: each run must see a database it
    # has not seen before, with none of the other run's table in it.
    assert _user_tables(postgres_url) == []
    with psycopg.connect(postgres_url) as conn:
        (dbname,) = conn.execute("SELECT current_database()").fetchone()
        conn.execute("CREATE TABLE leftover (id int)")
        conn.execute("INSERT INTO leftover VALUES (1)")
    assert dbname not in _seen_databases
    _seen_databases.add(dbname)
    assert _user_tables(postgres_url) == ["leftover"]


@pytest.mark.postgres
def test_databases_of_finished_tests_are_dropped(postgres_server, postgres_url):
    current = postgres_url.rsplit("/", 1)[1]
    with postgres_server.connect() as conn:
        names = [r[0] for r in conn.execute(
            "SELECT datname FROM pg_database WHERE datname LIKE 'test\\_%'"
        )]
    assert names == [current]


@pytest.mark.postgres
def test_drop_database_disconnects_open_sessions(postgres_server):
    postgres_server.create_database("harness_drop_check")
    lingering = psycopg.connect(postgres_server.url("harness_drop_check"))
    try:
        postgres_server.drop_database("harness_drop_check")
    finally:
        lingering.close()
    with postgres_server.connect() as conn:
        assert conn.execute(
            "SELECT count(*) FROM pg_database WHERE datname = 'harness_drop_check'"
        ).fetchone()[0] == 0


@pytest.mark.postgres
def test_sqlalchemy_connects_with_psycopg_driver(postgres_url):
    engine = sa.create_engine(postgres_url.replace("postgresql://", "postgresql+psycopg://"))
    try:
        meta = sa.MetaData()
        items = sa.Table("items", meta, sa.Column("id", sa.Integer, primary_key=True),
                         sa.Column("name", sa.Text))
        meta.create_all(engine)
        with engine.begin() as conn:
            conn.execute(items.insert(), [{"name": "café"}, {"name": "Zürich"}])
        with engine.connect() as conn:
            assert conn.execute(sa.text("SELECT 1")).scalar() == 1
            assert conn.execute(sa.select(items.c.name).order_by(items.c.id)).scalars().all() == [
                "café", "Zürich"]
            assert conn.execute(sa.text("SHOW server_encoding")).scalar() == "UTF8"
    finally:
        engine.dispose()


def test_store_url_covers_both_backends(request, store_url):
    backend = request.node.callspec.id
    if backend == "sqlite":
        assert store_url.startswith("sqlite:///") and store_url.endswith("store.db")
    else:
        assert backend == "postgresql" and store_url.startswith("postgresql://")
        assert request.node.get_closest_marker("postgres") is not None


def _make_server_tree(root: Path, version: str, complete: bool = True) -> Path:
    bindir = root / version / "bin"
    bindir.mkdir(parents=True)
    for tool in ("postgres", "initdb") if complete else ("postgres",):
        (bindir / tool).write_text("#!/bin/sh\n")
        (bindir / tool).chmod(0o755)
    return bindir


def test_ensure_postgres_prints_newest_existing_bindir(tmp_path):
    _make_server_tree(tmp_path, "9.6")
    newest = _make_server_tree(tmp_path, "15")
    _make_server_tree(tmp_path, "16", complete=False)  # client-only: no initdb
    proc = subprocess.run(
        ["bash", str(ENSURE_SCRIPT)], capture_output=True, text=True,
        env={**os.environ, "NEWSGRAPH_PG_LIBDIR": str(tmp_path)},
    )
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.splitlines()[-1] == str(newest)
    assert proc.stderr == ""  # quiet when already installed


@pytest.mark.postgres
def test_ensure_postgres_agrees_with_the_harness(postgres_server):
    proc = subprocess.run(["bash", str(ENSURE_SCRIPT)], capture_output=True, text=True)
    assert proc.returncode == 0, proc.stderr
    bindir = Path(proc.stdout.splitlines()[-1])
    assert (bindir / "postgres").exists() and (bindir / "initdb").exists()
    if not os.environ.get("NEWSGRAPH_PG_BINDIR"):
        assert bindir == postgres_server.bindir
