"""What the lists show of events, as a user reads them: CLI tables, web pages, the JSON API, exports.

Only events that name someone are listed; a side the text does not name is left out, never
written "— → —"; the network and the overview's latest events hold resolved actor -> target
edges only; reports disagree only across stories; an event read inside a quote links to it.
Stores are built by resolution from hand-made analysis records, on SQLite and PostgreSQL.
"""

from __future__ import annotations

import csv
import io
import json
import re

import pytest
from resolve_records import event, record, store_record
from typer.testing import CliRunner
from web_helpers import app_client

from newsgraph import query as q
from newsgraph.cli import app
from newsgraph.export import write_events_csv
from newsgraph.store import Store

STRUCK = "Russia struck Ukraine on Tuesday."
POLICE = "Riot police used tear gas in Kyiv."
FIGHTING = "There was more fighting near the front."
AGAIN = "Ukraine was shelled again at night."
QUOTED = 'The minister said: "Russia will send troops to the border."'
TEXT = " ".join((STRUCK, POLICE, FIGHTING, AGAIN, QUOTED))
PLACEHOLDER = re.compile(r"—\s*(<[^>]*>\s*)*→|→\s*(<[^>]*>\s*)*—")  # "— → —" and either half, tags between


def _span(text: str, part: str, within: str | None = None) -> dict:
    base = text.index(within) if within else 0
    at = text.index(part, base)
    return {"start": at, "end": at + len(part), "text": part}


def _event(type_: str, actors: list, targets: list, trigger: str, sentence: str, **changes) -> dict:
    s = _span(TEXT, sentence)
    return {**event(type_, actors, targets, changes.pop("time", None)), "trigger": _span(TEXT, trigger, sentence),
            "sentence": {"start": s["start"], "end": s["end"]}, **changes}


def _situation() -> dict:
    quote = _span(TEXT, "Russia will send troops to the border.")
    speaker = _span(TEXT, "The minister")
    rec = record(TEXT, [("Russia", "GPE", ["Russia", "Russia"], {"iso3166": "RU"}),
                        ("Ukraine", "GPE", ["Ukraine", "Ukraine"], {"iso3166": "UA"}),
                        ("Sergei Lavrov", "PERSON", []),
                        ("riot police", "NOMINAL", ["Riot police"])], "2025-04-02", [
        _event("ASSAULT", ["e1"], ["e2"], "struck", STRUCK, time="2025-04-01"),
        _event("ASSAULT", ["e4"], [], "tear gas", POLICE),
        _event("ASSAULT", [], [], "fighting", FIGHTING),
        _event("ASSAULT", [], ["e2"], "shelled", AGAIN),
        _event("MOBILIZE", ["e1"], [], "send", QUOTED, modality="claimed", attributed_to="e3"),
    ], quotes=[{"kind": "direct", **{k: quote[k] for k in ("start", "end")}, "text": quote["text"],
                "cue": _span(TEXT, "said"), "speaker": {**speaker, "entity": "e3", "name": "Sergei Lavrov"},
                "part_of": None}])
    return rec


@pytest.fixture
def stored(store_url):
    with Store(store_url) as store:
        article = store_record(store, _situation(), outlet="Wire")
    return store_url, article


def test_event_lists_name_someone_and_never_write_a_placeholder(stored):
    url, article = stored
    with Store(url) as store:
        listed = q.search_events(store)
        triggers = sorted(r.trigger for e in listed for r in e.reports)
        assert triggers == ["send", "shelled", "struck", "tear gas"]  # "fighting" names nobody
        assert sorted(q.who_to_whom(r.actors, r.targets) for r in q.timeline(store)) == [
            "Riot police", "Russia", "Russia → Ukraine", "→ Ukraine"]  # the phrase as written
        assert [e.reports[0].trigger for e in q.search_events(store, shown="edge")] == ["struck"]
        assert list(q.actor_network(store).edges(keys=True)) == [
            (q.resolve_entity(store, "Russia").id, q.resolve_entity(store, "Ukraine").id, "ASSAULT")]
    runner = CliRunner()
    for command in (["events"], ["timeline"], ["entity", "Ukraine"]):
        result = runner.invoke(app, [*command, "--db", url], env={"COLUMNS": "250", "NEWSGRAPH_DB": ""})
        assert result.exit_code == 0, result.output
        assert not PLACEHOLDER.search(result.output) and "? → ?" not in result.output, result.output
        assert "fighting near the front" not in result.output
    with app_client(url) as client:
        for path in ("/", "/events", f"/entities/{q.resolve_entity(Store(url), 'Ukraine').id}",
                     f"/articles/{article}"):
            html = client.get(path).text
            assert not PLACEHOLDER.search(html), (path, PLACEHOLDER.search(html))
        latest = re.search(r"<h2>Latest events</h2>(.*?)</ul>", client.get("/").text, re.S).group(1)
        assert latest.count("<li") == 1 and "Russia" in latest and "Ukraine" in latest
        reader = client.get(f"/articles/{article}").text
        assert '<mark class="ev conflict" title="ASSAULT (asserted)">fighting</mark>' in reader  # still marked
        assert "Riot police" in client.get("/events").text
        assert [e["type"] for e in client.get("/api/overview").json()["events"]] == ["ASSAULT"]


def test_event_csv_keeps_reports_with_a_resolved_participant(stored):
    url, _ = stored
    with Store(url) as store:
        out = io.StringIO()
        assert write_events_csv(store, out) == 3
    rows = {r["trigger"]: r for r in csv.DictReader(io.StringIO(out.getvalue()))}
    assert sorted(rows) == ["send", "shelled", "struck"]  # not the police phrase alone, not "fighting"
    assert (rows["shelled"]["actor_names"], rows["shelled"]["target_names"]) == ("", "Ukraine")
    assert (rows["send"]["quote_speaker"], rows["struck"]["quote_start"]) == ("Sergei Lavrov", "")


def test_a_claimed_event_links_to_the_quote_it_sits_in(stored):
    url, article = stored
    quote = _span(TEXT, "Russia will send troops to the border.")
    with Store(url) as store:
        [report] = [r for r in q.timeline(store) if r.trigger == "send"]
    assert report.modality == "claimed"
    assert (report.quote.start, report.quote.end, report.quote.text, report.quote.speaker) == (
        quote["start"], quote["end"], quote["text"], "Sergei Lavrov")
    assert report.source.text == QUOTED  # and the sentence, as every report
    with app_client(url) as client:
        api = client.get("/api/timeline").json()["items"]
        assert [r["quote"]["speaker"] for r in api if r["trigger"] == "send"] == ["Sergei Lavrov"]
        page = client.get("/events?type=MOBILIZE").text
        assert f'/articles/{article}?span={quote["start"]}-{quote["end"]}#span' in page
        assert "in the quote of Sergei Lavrov" in page
        reader = client.get(f"/articles/{article}").text
        assert re.search(r'<a class="in-quote" href="#q0"[^>]*>in the quote of Sergei Lavrov</a>', reader)


AID = "Germany pledged 3 billion euros, or 4 billion by another count, in military aid to Ukraine on Monday."
AID_OTHER = "Germany promised Ukraine 5 billion euros of military aid on Monday."
DONORS = [("Germany", "GPE", ["Germany"], {"iso3166": "DE"}), ("Ukraine", "GPE", ["Ukraine"], {"iso3166": "UA"})]


def test_reports_disagree_between_stories_never_within_one_sentence(store_url):
    def aid(text: str, amounts: list[tuple[str, float, str]], modalities=("asserted",)) -> dict:
        whole = {"start": 0, "end": len(text)}
        events = [{**event("AID", ["e1"], ["e2"], "2025-03-31", [i]), "sentence": whole, "modality": m}
                  for i, _ in enumerate(amounts) for m in modalities]
        return record(text, DONORS, "2025-04-01", events, amounts)

    with Store(store_url) as store:
        # Two readings of one sentence (two amounts; asserted and negated): one event, no disagreement.
        store_record(store, aid(AID, [("3 billion euros", 3e9, "EUR"), ("4 billion", 4e9, "EUR")],
                                ("asserted", "negated")), outlet="Reuters")
        [found] = q.search_events(store)
        assert len(found.reports) == 4 and found.report_count == 1 and found.contradictions == []
        other = store_record(store, aid(AID_OTHER, [("5 billion euros", 5e9, "EUR")]), outlet="Der Spiegel")
        [found] = q.search_events(store)
        assert found.report_count == 2
        [clash] = found.contradictions
        assert clash["field"] == "amount" and [(v["value"], v["stories"]) for v in clash["values"]] == [
            (3000000000, 1), (4000000000, 1), (5000000000, 1)]
        assert [v["articles"] for v in clash["values"]][-1] == [other]


def test_the_entity_neighbourhood_leaves_out_phrases_standing_for_no_entity():
    from newsgraph.web.views import neighbourhood

    def report(actors, targets, type_="ASSAULT"):
        return {"event_id": len(actors) + 10 * len(targets), "type": type_, "polarity": "conflict",
                "modality": "asserted", "actors": actors, "targets": targets}

    ukraine = {"id": 2, "name": "Ukraine", "type": "state", "phrase": None}
    police = {"id": None, "name": "Riot police", "type": None, "phrase": "Riot police"}
    russia = {"id": 1, "name": "Russia", "type": "state", "phrase": "the Russian army"}
    profile = {"entity": {"id": 2, "name": "Ukraine"}, "events_as_actor": [],
               "events_as_target": [report([police], [ukraine]), report([russia], [ukraine])]}
    net = neighbourhood(profile)
    assert [(e["source"], e["target"]) for e in net["edges"]] == [("1", "2")]
    assert sorted(n["label"] for n in net["nodes"]) == ["Russia", "Ukraine"]


@pytest.mark.slow
def test_the_seed_article_lists_no_placeholder_anywhere(store_url, nlp):
    """The issue's first complaint, on the real analysis of the seed: events naming nobody filled the
    overview's latest events as "— → —"."""
    from paths import SAMPLE_SEED, SEED

    from newsgraph.analyze import Analyzer
    from newsgraph.ingest import read_inputs
    from newsgraph.ingest.runner import run_ingest
    from newsgraph.model import ReadOptions

    options = ReadOptions(published="2025-04-02")
    with Store(store_url) as store:
        report = run_ingest(read_inputs([str(SEED if SEED.exists() else SAMPLE_SEED)], options), store, options,
                            Analyzer(nlp))
        assert report.analyzed == 1
        record = next(q.iter_records(store))
        nobody = [e for e in record["events"] if not e["actors"] and not e["targets"]]
        listed = {r.trigger for e in q.search_events(store, limit=200) for r in e.reports
                  if r.actors or r.targets}
        edges = q.search_events(store, shown="edge")
        article = record["document"]["id"]
    assert edges and all(q.lead_report(e).actors and q.lead_report(e).targets for e in edges)
    runner = CliRunner()
    for command in (["events", "--limit", "200"], ["timeline", "--limit", "200"]):
        result = runner.invoke(app, [*command, "--db", store_url], env={"COLUMNS": "250", "NEWSGRAPH_DB": ""})
        assert result.exit_code == 0 and not PLACEHOLDER.search(result.output), result.output
    with app_client(store_url) as client:
        for path in ("/", "/events?limit=200", f"/articles/{article}", "/api/overview"):
            assert not PLACEHOLDER.search(client.get(path).text), path
        reader = client.get(f"/articles/{article}").text
    for ev in nobody:  # still marked in the reader, in no list
        assert f">{ev['trigger']['text']}</mark>" in reader or ev["trigger"]["text"] in listed


def test_lead_report_is_an_edge_else_a_report_naming_someone():
    def report(actors, targets):
        return {"actors": [{"id": i, "name": str(i), "phrase": None} for i in actors],
                "targets": [{"id": i, "name": str(i), "phrase": None} for i in targets]}

    alone, itself, edge = report([1], []), report([1], [1]), report([1], [2])
    assert q.lead_report({"reports": [alone, itself, edge]}) is edge
    assert q.lead_report({"reports": [report([], []), itself]}) is itself
    assert q.lead_report({"reports": [report([], [])]}) is None
