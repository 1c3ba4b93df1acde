"""User corrections persist: aliases, merge and split hold for articles ingested later."""

from __future__ import annotations

import json

import pytest
from sqlalchemy import select

from newsgraph.errors import InputError
from newsgraph.errors import CorrectionError
from newsgraph.resolve.corrections import (export_corrections, import_corrections, load_alias_file,
                                           merge, split)
from newsgraph.store import Store
from newsgraph.store.graph import Graph
from newsgraph.store.schema import entities, quotes
from resolve_records import entity_of, record, store_record

# Ours: a think-tank known under two names, and two different men called Smith.
RUSI_A = "The Royal United Services Institute said the drills were routine."
RUSI_B = "RUSI analysts said the drills were routine."
RUSI_C = "A RUSI report, out on Friday, said the drills were larger than usual."
SMITH_A = "John Smith, the mayor, and Smith said they disagreed."



def _graph_do(store: Store, action):
    with store.writer() as writer:
        return action(Graph(writer.conn))


def test_resolve_merge_persists_for_later_ingests(store_url):
    with Store(store_url) as store:
        a = store_record(store, record(RUSI_A, [("Royal United Services Institute", "ORG", ["Royal United Services Institute"])]))
        b = store_record(store, record(RUSI_B, [("RUSI", "ORG", ["RUSI"])]))
        assert entity_of(store, a, "Royal United Services Institute") != entity_of(store, b, "RUSI")
        kept = _graph_do(store, lambda g: merge(g, "Royal United Services Institute", "RUSI"))
        assert entity_of(store, b, "RUSI") == kept
        c = store_record(store, record(RUSI_C, [("RUSI", "ORG", ["RUSI"])]))
        assert entity_of(store, c, "RUSI") == kept
        with store.engine.connect() as conn:
            assert [r.name for r in conn.execute(select(entities.c.name))] == ["Royal United Services Institute"]
        log = _graph_do(store, lambda g: g.corrections())
        assert [c["action"] for c in log] == ["merge"] and log[0]["payload"]["gone"] == "RUSI"


def test_resolve_split_persists_for_later_ingests(store_url):
    with Store(store_url) as store:
        # The analysis folded "Smith" into John Smith; the user knows it is another Smith.
        a = store_record(store, record(SMITH_A, [("John Smith", "PERSON", ["John Smith", "Smith"])]))
        john = entity_of(store, a, "John Smith")
        assert entity_of(store, a, "Smith") == john
        new_id = _graph_do(store, lambda g: split(g, "John Smith", "Smith"))
        assert entity_of(store, a, "Smith") == new_id and entity_of(store, a, "John Smith") == john
        b = store_record(store, record("John Smith and Smith met again.", [("John Smith", "PERSON", ["John Smith", "Smith"])]))
        assert entity_of(store, b, "Smith") == new_id and entity_of(store, b, "John Smith") == john


def test_resolve_alias_file_persists_and_exports(store_url, tmp_path):
    aliases = tmp_path / "aliases.csv"
    aliases.write_text("alias,canonical,type\nRUSI,Royal United Services Institute,organisation\n", encoding="utf-8")
    with Store(store_url) as store:
        a = store_record(store, record(RUSI_A, [("Royal United Services Institute", "ORG", ["Royal United Services Institute"])]))
        assert _graph_do(store, lambda g: load_alias_file(g, aliases)) == 1
        b = store_record(store, record(RUSI_B, [("RUSI", "ORG", ["RUSI"])]))
        assert entity_of(store, b, "RUSI") == entity_of(store, a, "Royal United Services Institute")
        exported = tmp_path / "corrections.jsonl"
        assert _graph_do(store, lambda g: export_corrections(g, exported)) == 1
    # Loaded into another, empty database, the correction holds there too.
    with Store(f"sqlite:///{tmp_path / 'other.db'}") as other:
        assert _graph_do(other, lambda g: import_corrections(g, exported)) == 1
        b = store_record(other, record(RUSI_B, [("RUSI", "ORG", ["RUSI"])]))
        with other.engine.connect() as conn:
            name = conn.execute(select(entities.c.name).where(entities.c.id == entity_of(other, b, "RUSI"))).scalar_one()
        assert name == "Royal United Services Institute"


def test_resolve_merge_moves_quotes(store_url):
    text = "RUSI said the drills were routine."
    quote = {"kind": "indirect", "start": 10, "end": 33, "text": "the drills were routine", "cue": None,
             "speaker": {"start": 0, "end": 4, "text": "RUSI", "entity": "e1", "name": "RUSI"}}
    with Store(store_url) as store:
        store_record(store, record(RUSI_A, [("Royal United Services Institute", "ORG", ["Royal United Services Institute"])]))
        store_record(store, record(text, [("RUSI", "ORG", ["RUSI"])], quotes=[quote]))
        kept = _graph_do(store, lambda g: merge(g, "Royal United Services Institute", "RUSI"))
        with store.engine.connect() as conn:
            assert conn.execute(select(quotes.c.speaker_entity_id)).scalar_one() == kept


def test_resolve_corrections_refuse_clearly(store_url, tmp_path):
    bad = tmp_path / "bad.csv"
    bad.write_text("only-one-column\n", encoding="utf-8")
    with Store(store_url) as store:
        with pytest.raises(CorrectionError, match="no entity named 'Nobody'"):
            _graph_do(store, lambda g: merge(g, "Nobody", "Else"))
        with pytest.raises(InputError, match="line 1"):
            _graph_do(store, lambda g: load_alias_file(g, bad))


def test_resolve_corrections_export_leaves_out_undo_data_and_import_records_its_own(store_url, tmp_path):
    exported = tmp_path / "corrections.jsonl"
    with Store(f"sqlite:///{tmp_path / 'first.db'}") as first:
        store_record(first, record(RUSI_A, [("Royal United Services Institute", "ORG", ["Royal United Services Institute"])]))
        store_record(first, record(RUSI_B, [("RUSI", "ORG", ["RUSI"])]))
        _graph_do(first, lambda g: merge(g, "Royal United Services Institute", "RUSI"))
        assert _graph_do(first, lambda g: g.corrections())[0]["payload"]["undo"]["steps"]
        assert _graph_do(first, lambda g: export_corrections(g, exported)) == 1
    assert "undo" not in json.loads(exported.read_text(encoding="utf-8"))["payload"]
    with Store(store_url) as store:
        store_record(store, record(RUSI_B, [("RUSI", "ORG", ["RUSI"])]))
        assert _graph_do(store, lambda g: import_corrections(g, exported)) == 1
        (logged,) = _graph_do(store, lambda g: g.corrections())
        assert logged["payload"]["gone"] == "RUSI" and logged["payload"]["undo"]["steps"]
