"""The read commands: db info, articles, actors, outlets, entity, quotes, timeline, events,
search, and the exports (network, export).

Each is one call into ``newsgraph.query`` or ``newsgraph.export``, printed as a table
(``terminal``) or with ``--json``. Entities are named as everywhere: a name, an alias or
``#id`` (``query.resolve_entity``).
"""

from __future__ import annotations

from typing import Annotated, Optional

import typer

from .. import query as q
from .. import terminal
from ..export import export as export_file
from ..export import write_network
from ._options import Db, Json, Limit, Offset, reading, show

__all__ = ["db_info", "articles", "actors", "outlets", "entity", "quotes", "timeline", "events", "network", "search",
           "export"]

Since = Annotated[Optional[str], typer.Option(help="From this date: YYYY, YYYY-MM or YYYY-MM-DD (inclusive).")]
Until = Annotated[Optional[str], typer.Option(help="Up to this date: YYYY, YYYY-MM or YYYY-MM-DD (inclusive).")]
Outlet = Annotated[Optional[str], typer.Option(help="Only reports from this outlet (exact name).")]
Type = Annotated[Optional[str], typer.Option("--type", help="PLOVER event type, e.g. ACCUSE, AID, CONSULT.")]
Modality = Annotated[Optional[str], typer.Option(help="asserted, planned, hypothetical, negated or claimed.")]
EntityOption = Annotated[Optional[str], typer.Option(
    "--entity", help="Only events this entity (name, alias or #id) takes part in.")]


def db_info(db: Db = None, json_output: Json = False) -> None:
    """Show the store's schema version and what it holds."""
    show(reading(db, lambda s: s.info()), json_output, terminal.info_table)


def articles(db: Db = None, limit: Limit = 50, json_output: Json = False) -> None:
    """List stored articles, newest first."""
    show(reading(db, lambda s: q.list_articles(s, limit=limit)), json_output, terminal.articles_table)


def actors(db: Db = None, limit: Limit = 20, json_output: Json = False) -> None:
    """List actors (people, organisations, states, groups) by number of mentions."""
    show(reading(db, lambda s: q.top_actors(s, limit=limit)), json_output, terminal.actors_table)


def outlets(db: Db = None, limit: Limit = 50, offset: Offset = 0, json_output: Json = False) -> None:
    """List outlets by number of articles, with independent stories and first and last publication date."""
    show(reading(db, lambda s: q.outlets(s, limit=limit, offset=offset)), json_output, terminal.outlets_table)


def entity(name: Annotated[str, typer.Argument(help="Entity name, alias or #id.")], db: Db = None,
           limit: Limit = 20, json_output: Json = False) -> None:
    """Profile an entity: aliases, roles, what it said, what was said about it, what it did."""
    show(reading(db, lambda s: q.entity_profile(s, name, limit=limit)), json_output, terminal.profile_table)


def quotes(speaker: Annotated[Optional[str], typer.Option(help="Who spoke (name, alias or #id).")] = None,
           about: Annotated[Optional[str], typer.Option(help="Who is mentioned inside the quote.")] = None,
           since: Since = None, until: Until = None, outlet: Outlet = None, db: Db = None,
           rules_only: Annotated[bool, typer.Option(
               "--rules-only", help="Leave out the quotes the learned model found (marked 'model').")] = False,
           attribution: Annotated[str, typer.Option(
               help="What kind of attribution: speech (what was said), belief, intention, stance, several "
                    "joined by commas, or all.")] = "speech",
           limit: Limit = 50, offset: Offset = 0, json_output: Json = False) -> None:
    """Who said what about whom, newest first, each with its source (speech unless --attribution says otherwise)."""
    rows = reading(db, lambda s: q.who_said_what(s, speaker=speaker, about=about, since=since, until=until,
                                                  outlet=outlet, limit=limit, offset=offset, rules_only=rules_only,
                                                  attribution=attribution))
    show(rows, json_output, terminal.quotes_table)


def timeline(entity: EntityOption = None, event_type: Type = None, modality: Modality = None, since: Since = None,
             until: Until = None, db: Db = None, limit: Limit = 100, offset: Offset = 0,
             json_output: Json = False) -> None:
    """Event reports in date order (event date, else publication date)."""
    rows = reading(db, lambda s: q.timeline(s, entity=entity, type=event_type, modality=modality, since=since,
                                             until=until, limit=limit, offset=offset))
    show(rows, json_output, terminal.reports_table)


def events(event_type: Type = None, modality: Modality = None,
           actor: Annotated[Optional[str], typer.Option(help="Acting entity (name, alias or #id).")] = None,
           target: Annotated[Optional[str], typer.Option(help="Entity acted upon (name, alias or #id).")] = None,
           since: Since = None, until: Until = None, outlet: Outlet = None, db: Db = None,
           limit: Limit = 50, offset: Offset = 0, json_output: Json = False) -> None:
    """Events merged across reports, latest first."""
    rows = reading(db, lambda s: q.search_events(s, type=event_type, modality=modality, actor=actor, target=target,
                                                  since=since, until=until, outlet=outlet, limit=limit,
                                                  offset=offset))
    show(rows, json_output, terminal.events_table)


def network(output: Annotated[str, typer.Option("--output", "-o", help="File to write.")],
            fmt: Annotated[str, typer.Option("--format", help="gexf or graphml.")] = "gexf",
            since: Since = None, until: Until = None,
            min_weight: Annotated[int, typer.Option(help="Leave out edges with fewer events.")] = 1,
            db: Db = None) -> None:
    """Write the actor network (actor → target, per event type) for Gephi and other graph tools."""
    graph = reading(db, lambda s: write_network(s, output, fmt, since=since, until=until, min_weight=min_weight))
    terminal.err_console.print(f"wrote {graph.number_of_nodes()} actors and {graph.number_of_edges()} edges to {output}")


def search(query: Annotated[str, typer.Argument(help='Words, "phrases", a OR b, -excluded.')], db: Db = None,
           limit: Limit = 20, offset: Offset = 0, json_output: Json = False) -> None:
    """Full-text search over sentences and quotes."""
    show(reading(db, lambda s: q.search_text(s, query, limit=limit, offset=offset)), json_output, terminal.hits_table)


def export(path: Annotated[str, typer.Argument(
               help="events.csv, graph.gexf, graph.graphml or records.jsonl (- for stdout: csv, jsonl).")],
           kind: Annotated[Optional[str], typer.Option(
               "--kind", help="events, records, gexf or graphml [default: from the file name].")] = None,
           db: Db = None) -> None:
    """Export the event table (CSV), the actor network (GEXF, GraphML) or the analysis records (JSON Lines)."""
    written = reading(db, lambda s: export_file(s, path, kind))
    terminal.err_console.print(f"wrote {written} {'edges' if path.endswith(('.gexf', '.graphml')) else 'rows'} to {path}")
