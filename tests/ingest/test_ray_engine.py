"""The Ray engine on a local Ray (two CPUs, started once for this module) against a real PostgreSQL.

Ray starts slowly (about ten seconds), so every Ray test lives here and shares one Ray.
"""

from __future__ import annotations

import sys
import uuid

import pytest

from cli_helpers import POLNEAR_TRAIN
from newsgraph import Analyzer, ReadOptions, Store, read_inputs, run_ingest
from newsgraph.errors import ConfigError
from newsgraph.ingest.ray_engine import ray_ingest
from store_rows import assert_same_rows

pytestmark = [pytest.mark.slow, pytest.mark.postgres]


@pytest.fixture(scope="module")
def local_ray():
    ray = pytest.importorskip("ray")
    ray.init(num_cpus=2, include_dashboard=False, log_to_driver=False, logging_level="ERROR")
    yield ray
    ray.shutdown()


@pytest.fixture
def two_databases(postgres_server):
    names = [f"test_{uuid.uuid4().hex[:16]}" for _ in range(2)]
    for name in names:
        postgres_server.create_database(name)
    yield [postgres_server.url(name) for name in names]
    for name in names:
        postgres_server.drop_database(name)


def _corpus(tmp_path):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    shortest = sorted(POLNEAR_TRAIN.glob("*.txt"), key=lambda p: (p.stat().st_size, p.name))[:5]
    for path in shortest:
        (corpus / path.name).write_bytes(path.read_bytes())
    (corpus / "empty.txt").write_text("", encoding="utf-8")
    return corpus


def test_ray_engine_stores_what_a_plain_run_stores(local_ray, two_databases, tmp_path, nlp):
    corpus = _corpus(tmp_path)
    plain_db, ray_db = two_databases
    options = ReadOptions()
    with Store(plain_db) as store:
        plain = run_ingest(read_inputs([str(corpus)], options), store, options, Analyzer(nlp), batch_size=4)
    with Store(ray_db) as store:
        on_ray = ray_ingest([str(corpus)], store, options, workers=2, batch_size=4)
    assert on_ray.as_dict() == plain.as_dict() == {
        "stored": 5, "analyzed": 5, "duplicates": 0, "near_duplicates": 0, "failed": 1, "interrupted": False}
    assert [e.describe() for e in on_ray.errors] == [e.describe() for e in plain.errors]
    assert_same_rows(plain_db, ray_db)
    with Store(ray_db) as store:  # a rerun finds everything stored and analyses nothing
        again = ray_ingest([str(corpus)], store, options, workers=2, batch_size=4)
    assert (again.stored, again.analyzed, again.duplicates, again.failed) == (0, 0, 5, 1)
    assert_same_rows(plain_db, ray_db)


def test_ray_engine_without_ray_says_how_to_install_it(monkeypatch, sqlite_url, tmp_path):
    monkeypatch.setitem(sys.modules, "ray", None)
    with Store(sqlite_url) as store, pytest.raises(ConfigError, match=r"pip install newsgraph\[ray\]"):
        ray_ingest([str(tmp_path)], store, ReadOptions())
