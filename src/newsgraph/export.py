"""Exports: the actor network for Gephi and other graph tools, an event table in the
spirit of GDELT's, and the stored analysis records as JSON Lines.

Everything is read through the query API (``newsgraph.query``), so an export says
exactly what the CLI and the web pages say. Tables stream in batches: an export of
any size holds one batch in memory at a time.
"""

from __future__ import annotations

import csv
import json
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import IO

import networkx as nx

from .errors import ConfigError
from .query import NETWORK_MODALITIES, actor_network, iter_event_reports, iter_records
from .query_records import EventReport
from .store import Store

__all__ = ["EVENT_COLUMNS", "EXPORTS", "write_network", "write_events_csv", "write_records_jsonl", "export"]

# One row per event report with a resolved participant; several reports of one event share
# event_id. As in GDELT, where an event has a source actor, a target actor or both but never
# neither, a row may leave the actor or the target columns empty, never both: a report whose
# participants are only phrases standing for no entity ("riot police"), or that names nobody,
# is left out (records.jsonl keeps it). actor_names/actor_ids are corpus entities, "the Cuban
# government" counted as Cuba; actor_phrases are the phrases as written, resolved or not. The
# columns after "sentence" came later (schema 7) and are appended, so positions do not move.
EVENT_COLUMNS = (
    "event_id", "report_id", "date", "time_value", "type", "polarity", "mode", "context", "modality", "trigger",
    "actor_names", "actor_ids", "target_names", "target_ids", "place", "place_id", "amounts",
    "attributed_to", "attributed_id", "attributed_text", "source_url", "outlet", "published", "article_id",
    "title", "sentence_start", "sentence_end", "sentence",
    "actor_phrases", "target_phrases", "quote_start", "quote_end", "quote_speaker",
)


def write_network(store: Store, path: str | Path, format: str = "gexf", since: str | None = None,
                  until: str | None = None, min_weight: int = 1,
                  modalities: tuple[str, ...] = NETWORK_MODALITIES) -> nx.MultiDiGraph:
    """The actor network as GEXF or GraphML; returns the graph written.

    Node ids are entity ids; nodes carry ``label`` (Gephi shows it), name and entity_type;
    edges (one per actor, target and event type) carry ``weight`` (events), event_type,
    polarity (cooperation/conflict), reports, first and last date.
    """
    graph = actor_network(store, since=since, until=until, min_weight=min_weight, modalities=modalities)
    if format == "gexf":
        nx.write_gexf(graph, str(path))
    elif format == "graphml":
        nx.write_graphml(graph, str(path))
    else:
        raise ConfigError(f"network format {format!r} is not gexf or graphml")
    return graph


def _names(refs) -> str:
    return "; ".join(r.name for r in refs if r.id is not None)


def _ids(refs) -> str:
    return ";".join(str(r.id) for r in refs if r.id is not None)


def _phrases(refs) -> str:
    return "; ".join(r.phrase for r in refs if r.phrase)


def _event_row(r: EventReport) -> dict:
    return {
        "event_id": r.event_id, "report_id": r.id, "date": r.date or "", "time_value": r.time_value or "",
        "type": r.type, "polarity": r.polarity, "mode": r.mode or "", "context": ";".join(r.context),
        "modality": r.modality, "trigger": r.trigger,
        "actor_names": _names(r.actors), "actor_ids": _ids(r.actors),
        "target_names": _names(r.targets), "target_ids": _ids(r.targets),
        "place": r.place.name if r.place else "", "place_id": r.place.id if r.place else "",
        "amounts": json.dumps(r.amounts, ensure_ascii=False) if r.amounts else "",
        "attributed_to": r.attributed_to.name if r.attributed_to else "",
        "attributed_id": r.attributed_to.id if r.attributed_to else "", "attributed_text": r.attributed_text or "",
        "source_url": r.source.url or "", "outlet": r.source.outlet or "", "published": r.source.published or "",
        "article_id": r.source.article_id, "title": r.source.title or "",
        "sentence_start": r.source.start, "sentence_end": r.source.end, "sentence": r.source.text,
        "actor_phrases": _phrases(r.actors), "target_phrases": _phrases(r.targets),
        "quote_start": r.quote.start if r.quote else "", "quote_end": r.quote.end if r.quote else "",
        "quote_speaker": (r.quote.speaker or "") if r.quote else "",
    }


def write_events_csv(store: Store, out: IO[str]) -> int:
    """The event table as CSV (header + one row per report with a resolved participant, see
    EVENT_COLUMNS); returns the number of rows."""
    writer = csv.DictWriter(out, fieldnames=EVENT_COLUMNS)
    writer.writeheader()
    count = 0
    for report in iter_event_reports(store, shown="resolved"):
        writer.writerow(_event_row(report))
        count += 1
    return count


def write_records_jsonl(store: Store, out: IO[str], batch: int = 500) -> int:
    """Stored analysis records (docs/analysis-json.md), document.text restored; returns the count."""
    count = 0
    for record in iter_records(store, batch):
        out.write(json.dumps(record, ensure_ascii=False) + "\n")
        count += 1
    return count


@contextmanager
def _opened(path: str | Path) -> Iterator[IO[str]]:
    if str(path) == "-":
        yield sys.stdout
        return
    # newline="" lets the csv module write its own line endings.
    with open(path, "w", encoding="utf-8", newline="") as out:
        yield out


# File name suffix -> what is exported.
EXPORTS = {".csv": "events", ".gexf": "gexf", ".graphml": "graphml", ".jsonl": "records"}


def export(store: Store, path: str | Path, kind: str | None = None, **network_options) -> int:
    """Write one export, chosen by ``kind`` or by the file's suffix; returns rows, records or edges written."""
    kind = kind or EXPORTS.get(Path(str(path)).suffix.lower())
    if kind is None:
        raise ConfigError(f"cannot tell what to export to {path}: use a name ending in {', '.join(EXPORTS)}")
    try:
        return _export(store, path, kind, network_options)
    except OSError as exc:
        raise ConfigError(f"cannot write {path}: {exc.strerror or exc}") from exc


def _export(store: Store, path: str | Path, kind: str, network_options: dict) -> int:
    if kind in ("gexf", "graphml"):
        if str(path) == "-":
            raise ConfigError("graph exports need a file name, not -")
        return write_network(store, path, kind, **network_options).number_of_edges()
    with _opened(path) as out:
        if kind == "events":
            return write_events_csv(store, out)
        if kind == "records":
            return write_records_jsonl(store, out)
    raise ConfigError(f"unknown export {kind!r}: choose events, records, gexf or graphml")
