"""Exports written, then parsed back with the readers other tools use."""

from __future__ import annotations

import csv
import io
import json

import networkx as nx
import pytest
from query_helpers import build_situation

from newsgraph import export, query
from newsgraph.errors import ConfigError
from newsgraph.store import Store


@pytest.fixture
def situation(store_url):
    ids = build_situation(store_url)
    with Store(store_url) as store:
        yield store, ids


@pytest.mark.parametrize("name, reader", [("graph.gexf", nx.read_gexf), ("graph.graphml", nx.read_graphml)])
def test_export_network_reads_back(situation, tmp_path, name, reader):
    store, ids = situation
    path = tmp_path / name
    assert export.export(store, path) == 4
    graph = reader(path)
    labels = {n: d.get("label") for n, d in graph.nodes(data=True)}
    # read_gexf keys nodes by label unless asked otherwise; graphml keeps ids.
    node = {v: k for k, v in labels.items()}.get("Keir Starmer", str(ids["Keir Starmer"]))
    assert node in graph
    edges = [d for _, target, d in graph.out_edges(node, data=True)]
    assert len(edges) == 1
    assert float(edges[0]["weight"]) == 1 and edges[0]["polarity"] == "cooperation"
    assert {d["event_type"] for *_, d in graph.edges(data=True)} == {"CONSULT", "ACCUSE", "REJECT", "AID"}
    assert graph.nodes[node]["entity_type"] == "person"


def test_export_events_csv_one_row_per_report(situation, tmp_path):
    store, ids = situation
    path = tmp_path / "events.csv"
    assert export.export(store, path) == 5
    with open(path, newline="", encoding="utf-8") as f:
        rows = list(csv.DictReader(f))
    assert list(rows[0]) == list(export.EVENT_COLUMNS)
    meeting = [r for r in rows if r["event_id"] == str(ids["meeting"])]
    assert {r["outlet"] for r in meeting} == {"BBC News", "The Guardian"}
    bbc = next(r for r in meeting if r["outlet"] == "BBC News")
    assert (bbc["type"], bbc["actor_names"], bbc["target_ids"]) == ("CONSULT", "Keir Starmer", str(ids["Volodymyr Zelensky"]))
    assert bbc["place"] == "London" and bbc["mode"] == "visit" and bbc["date"] == "2025-04-01"
    assert bbc["source_url"] == "https://www.bbc.co.uk/news/ukraine-1"
    assert bbc["sentence"] == "Keir Starmer met Volodymyr Zelensky in London on Tuesday."
    aid = next(r for r in rows if r["type"] == "AID")
    assert aid["modality"] == "planned" and aid["attributed_to"] == "Keir Starmer" and aid["context"] == "military"
    assert json.loads(aid["amounts"])[0]["unit"] == "GBP"


def test_export_records_jsonl(situation):
    store, ids = situation
    out = io.StringIO()
    assert export.write_records_jsonl(store, out, batch=2) == 3
    records = [json.loads(line) for line in out.getvalue().splitlines()]
    assert {r["document"]["id"] for r in records} == {ids["d1"], ids["d2"], ids["d3"]}
    peskov = next(r for r in records if r["document"]["outlet"] == "Reuters")
    assert peskov["format"] == "newsgraph.analysis/1"
    assert peskov["document"]["text"].startswith("Russia rejected the ceasefire proposal")


def test_export_events_stream_in_batches(situation):
    store, _ = situation
    assert [r.id for r in query.iter_event_reports(store, batch=2)] == [1, 2, 3, 4, 5]
    assert len(list(query.iter_records(store, batch=2))) == 3


def test_export_records_from_the_real_ingest(tmp_path):
    from cli_helpers import SEED

    from newsgraph import Analyzer, ReadOptions, read_inputs, run_ingest

    if not SEED.exists():
        pytest.skip("the shared seed article is not here")
    options = ReadOptions(published="2025-04-02")
    with Store(str(tmp_path / "seed.db")) as store:
        run_ingest(read_inputs([str(SEED)], options), store, options, Analyzer(), 8, None)
        out = io.StringIO()
        assert export.write_records_jsonl(store, out) == 1
        record = json.loads(out.getvalue())
        assert record["document"]["text"] == store.article(record["document"]["id"]).text
        assert record["entities"] and record == store.analysis(record["document"]["id"])


@pytest.mark.parametrize("name", ["graph.png", "events.txt"])
def test_export_unknown_suffix_is_a_config_error(situation, tmp_path, name):
    store, _ = situation
    with pytest.raises(ConfigError, match="cannot tell what to export"):
        export.export(store, tmp_path / name)


def test_export_unwritable_place_is_a_config_error(situation, tmp_path):
    store, _ = situation
    with pytest.raises(ConfigError, match="cannot write"):
        export.export(store, tmp_path / "missing" / "events.csv")
