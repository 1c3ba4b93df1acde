"""Shared pytest fixtures.

Store tests take ``store_url`` and run once on SQLite and once on a real
PostgreSQL server that the suite starts itself (see tests/pgserver.py).
Deselect the PostgreSQL half with ``-m "not postgres"``. Without a usable
server those tests are skipped, unless ``NEWSGRAPH_REQUIRE_POSTGRES=1``
(as in CI), in which case they fail.
"""

from __future__ import annotations

import os
import sys
import uuid
from pathlib import Path

import pytest

_TESTS_DIR = str(Path(__file__).parent)
if _TESTS_DIR not in sys.path:  # `import pgserver` under any pytest import mode
    sys.path.insert(0, _TESTS_DIR)
from pgserver import PostgresServer  # noqa: E402


@pytest.fixture(scope="session")
def nlp():
    """The English pipeline, loaded once for the whole session (about a second)."""
    from newsgraph.analyze import load_nlp

    return load_nlp()


@pytest.fixture(scope="session")
def postgres_server():
    """One throw-away PostgresServer for the whole session."""
    try:
        server = PostgresServer().start()
    except Exception as exc:
        failure = f"could not start a PostgreSQL server: {exc}"
    else:
        failure = None
    if failure:
        if os.environ.get("NEWSGRAPH_REQUIRE_POSTGRES") == "1":
            pytest.fail(failure, pytrace=False)
        pytest.skip(failure)
    with server:
        yield server


@pytest.fixture
def postgres_url(postgres_server):
    """URL (postgresql://...) of a fresh, empty database, dropped afterwards."""
    name = f"test_{uuid.uuid4().hex[:16]}"
    postgres_server.create_database(name)
    yield postgres_server.url(name)
    postgres_server.drop_database(name)


@pytest.fixture
def sqlite_url(tmp_path):
    """URL (sqlite:///...) of a database file in the test's tmp_path."""
    return f"sqlite:///{tmp_path / 'store.db'}"


@pytest.fixture(
    params=[
        pytest.param("sqlite", id="sqlite"),
        pytest.param("postgresql", id="postgresql", marks=pytest.mark.postgres),
    ]
)
def store_url(request):
    """A fresh store URL: once SQLite, once PostgreSQL."""
    fixture = {"sqlite": "sqlite_url", "postgresql": "postgres_url"}[request.param]
    return request.getfixturevalue(fixture)
