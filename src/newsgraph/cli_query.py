"""Query commands: entity, quotes, timeline, events, network, search, export.

Each is a thin layer: one library call (``newsgraph.query`` or ``newsgraph.export``),
then a rich table or ``--json``; a library error becomes one clear line and exit 2.
Register them on the main app with ``register(app)``; ``query_app`` holds them alone.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from typing import Annotated, Optional

import typer
from rich.table import Table
from rich.text import Text

from . import terminal
from .errors import NewsgraphError

__all__ = ["register", "query_app", "COMMANDS"]

Db = Annotated[Optional[str], typer.Option("--db", help="SQLite file or postgresql:// URL [default: $NEWSGRAPH_DB or ./newsgraph.db]")]
Json = Annotated[bool, typer.Option("--json", help="Print as JSON.")]
Limit = Annotated[int, typer.Option(help="How many to list.")]
Offset = Annotated[int, typer.Option(help="How many to skip (paging).")]
Since = Annotated[Optional[str], typer.Option(help="From this date: YYYY, YYYY-MM or YYYY-MM-DD (inclusive).")]
Until = Annotated[Optional[str], typer.Option(help="Up to this date: YYYY, YYYY-MM or YYYY-MM-DD (inclusive).")]
Outlet = Annotated[Optional[str], typer.Option(help="Only reports from this outlet (exact name).")]
Type = Annotated[Optional[str], typer.Option("--type", help="PLOVER event type, e.g. ACCUSE, AID, CONSULT.")]
Modality = Annotated[Optional[str], typer.Option(help="asserted, planned, hypothetical, negated or claimed.")]
EntityArg = Annotated[Optional[str], typer.Option("--entity", help="Only events this entity (name, alias or id) takes part in.")]


def _run(db: str | None, call: Callable):
    """Open the store, make the one library call, turn a library error into one line."""
    from .store import Store

    try:
        with Store(db, create=False) as store:
            return call(store)
    except NewsgraphError as exc:
        terminal.err_console.print(f"[bold red]error:[/bold red] {exc}", highlight=False)
        raise typer.Exit(2) from None


def _show(value, json_output: bool, table: Callable) -> None:
    if json_output:
        terminal.print_json(dataclasses.asdict(value) if dataclasses.is_dataclass(value)
                            else [dataclasses.asdict(v) for v in value])
    else:
        terminal.out_console.print(table(value))


def _table(title: str, *columns: str) -> Table:
    table = Table(title=title, title_justify="left")
    for name in columns:
        table.add_column(name, overflow="fold")
    return table


def _source(s) -> Text:
    return Text(f"{s.published or '?'} {s.outlet or '?'}\n{(s.title or '')[:60]}", style="dim")


def _names(refs) -> str:
    return ", ".join(r.name for r in refs)


def statements_table(statements, title: str = "Who said what") -> Table:
    table = _table(title, "speaker", "said", "source")
    for s in statements:
        said = Text(s.text)
        if s.found_by == "model":  # a reader must see which quotes a statistical model proposed
            said.append(f" [model {s.score:.2f}]", style="dim")
        table.add_row(Text(s.speaker_name or s.speaker_text or "?", style="bold"), said, _source(s.source))
    return table


def reports_table(reports, title: str = "Timeline") -> Table:
    table = _table(title, "date", "event", "actors → targets", "modality", "sentence", "source")
    for r in reports:
        said = f" (per {r.attributed_text or r.attributed_to.name})" if r.attributed_text or r.attributed_to else ""
        table.add_row(r.date or "?", Text(r.type, style="green" if r.polarity == "cooperation" else "red"),
                      Text(f"{_names(r.actors)} → {_names(r.targets)}"), r.modality + said,
                      Text(r.source.text), _source(r.source))
    return table


def events_table(events) -> Table:
    table = _table("Events", "id", "date", "event", "actors → targets", "reports", "outlets")
    for e in events:
        first = e.reports[0] if e.reports else None
        who = f"{_names(first.actors)} → {_names(first.targets)}" if first else ""
        outlets = ", ".join(sorted({r.source.outlet or "?" for r in e.reports}))
        table.add_row(str(e.id), e.date or "?", e.type, Text(who), str(e.report_count), Text(outlets))
    return table


def profile_table(p) -> Table:
    from .query import COUNT_CAPS  # a count equal to its cap means "at least"

    table = Table(title=f"{p.entity.name} ({p.entity.type}, id {p.entity.id})", show_header=False, title_justify="left")
    table.add_column(style="bold")
    table.add_column(overflow="fold")
    rows = [("aliases", ", ".join(p.aliases)), ("roles", "; ".join(p.roles)), ("ids", str(p.ids or "")),
            ("counts", ", ".join(f"{k} {v}{'+' if v >= COUNT_CAPS.get(k, v + 1) else ''}"
                                 for k, v in p.counts.items()))]
    rows += [("said", f"“{s.text}” ({s.source.outlet}, {s.source.published})") for s in p.statements_by[:5]]
    rows += [("said about it", f"{s.speaker_name or '?'}: “{s.text}”") for s in p.statements_about[:5]]
    rows += [("did", f"{r.date} {r.type} → {_names(r.targets)}") for r in p.events_as_actor[:5]]
    rows += [("suffered", f"{r.date} {_names(r.actors)} {r.type}") for r in p.events_as_target[:5]]
    if p.others:
        rows.append(("may also mean", ", ".join(f"{o.name} (id {o.id})" for o in p.others)))
    for key, value in rows:
        table.add_row(key, Text(value))
    return table


def hits_table(hits) -> Table:
    table = _table("Search", "kind", "match", "source")
    for h in hits:
        table.add_row(h.kind, Text(h.snippet), _source(h.source))
    return table


# -- the commands --------------------------------------------------------------

def entity(name: Annotated[str, typer.Argument(help="Entity name, alias or id.")], db: Db = None,
           limit: Limit = 20, json_output: Json = False) -> None:
    """Profile an entity: aliases, roles, what it said, what was said about it, what it did."""
    from .query import entity_profile

    _show(_run(db, lambda s: entity_profile(s, name, limit=limit)), json_output, profile_table)


def quotes(speaker: Annotated[Optional[str], typer.Option(help="Who spoke (name, alias or id).")] = None,
           about: Annotated[Optional[str], typer.Option(help="Who is mentioned inside the quote.")] = None,
           since: Since = None, until: Until = None, outlet: Outlet = None, db: Db = None,
           rules_only: Annotated[bool, typer.Option(
               "--rules-only", help="Leave out the quotes the learned model found (marked 'model').")] = False,
           limit: Limit = 50, offset: Offset = 0, json_output: Json = False) -> None:
    """Who said what about whom, newest first, each with its source."""
    from .query import who_said_what

    rows = _run(db, lambda s: who_said_what(s, speaker=speaker, about=about, since=since, until=until,
                                             outlet=outlet, limit=limit, offset=offset, rules_only=rules_only))
    _show(rows, json_output, statements_table)


def timeline(entity: EntityArg = None, event_type: Type = None, modality: Modality = None, since: Since = None,
             until: Until = None, db: Db = None, limit: Limit = 100, offset: Offset = 0,
             json_output: Json = False) -> None:
    """Event reports in date order (event date, else publication date)."""
    from .query import timeline as timeline_query

    rows = _run(db, lambda s: timeline_query(s, entity=entity, type=event_type, modality=modality, since=since,
                                              until=until, limit=limit, offset=offset))
    _show(rows, json_output, reports_table)


def events(event_type: Type = None, modality: Modality = None,
           actor: Annotated[Optional[str], typer.Option(help="Acting entity (name, alias or id).")] = None,
           target: Annotated[Optional[str], typer.Option(help="Entity acted upon (name, alias or id).")] = None,
           since: Since = None, until: Until = None, outlet: Outlet = None, db: Db = None,
           limit: Limit = 50, offset: Offset = 0, json_output: Json = False) -> None:
    """Events merged across reports, latest first."""
    from .query import search_events

    rows = _run(db, lambda s: search_events(s, type=event_type, modality=modality, actor=actor, target=target,
                                             since=since, until=until, outlet=outlet, limit=limit, offset=offset))
    _show(rows, json_output, events_table)


def network(output: Annotated[str, typer.Option("--output", "-o", help="File to write.")],
            fmt: Annotated[str, typer.Option("--format", help="gexf or graphml.")] = "gexf",
            since: Since = None, until: Until = None,
            min_weight: Annotated[int, typer.Option(help="Leave out edges with fewer events.")] = 1,
            db: Db = None) -> None:
    """Write the actor network (actor → target, per event type) for Gephi and other graph tools."""
    from .export import write_network

    graph = _run(db, lambda s: write_network(s, output, fmt, since=since, until=until, min_weight=min_weight))
    terminal.err_console.print(f"wrote {graph.number_of_nodes()} actors and {graph.number_of_edges()} edges to {output}")


def search(query: Annotated[str, typer.Argument(help='Words, "phrases", a OR b, -excluded.')], db: Db = None,
           limit: Limit = 20, offset: Offset = 0, json_output: Json = False) -> None:
    """Full-text search over sentences and quotes."""
    from .query import search_text

    _show(_run(db, lambda s: search_text(s, query, limit=limit, offset=offset)), json_output, hits_table)


def export(path: Annotated[str, typer.Argument(help="events.csv, graph.gexf, graph.graphml or records.jsonl (- for stdout: csv, jsonl).")],
           kind: Annotated[Optional[str], typer.Option("--kind", help="events, records, gexf or graphml [default: from the file name].")] = None,
           db: Db = None) -> None:
    """Export the event table (CSV), the actor network (GEXF, GraphML) or the analysis records (JSON Lines)."""
    from .export import export as export_file

    written = _run(db, lambda s: export_file(s, path, kind))
    terminal.err_console.print(f"wrote {written} {'edges' if path.endswith(('.gexf', '.graphml')) else 'rows'} to {path}")


COMMANDS: dict[str, Callable] = {
    "entity": entity, "quotes": quotes, "timeline": timeline, "events": events,
    "network": network, "search": search, "export": export,
}


def register(app: typer.Typer) -> None:
    """Add the query commands to a Typer app (``newsgraph entity ...`` and so on)."""
    for name, function in COMMANDS.items():
        app.command(name)(function)


query_app = typer.Typer(help="Query the store.", no_args_is_help=True, add_completion=False,
                        pretty_exceptions_enable=False)
register(query_app)
