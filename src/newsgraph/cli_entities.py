"""`newsgraph entities ...`: list, show and correct corpus entities.

Thin: each command opens the store, makes one call into ``resolve.corrections``,
``resolve.undo`` or ``store.graph`` in one transaction, and prints. Corrections are logged
and persist: later ingests resolve new mentions according to them; ``corrections`` lists
the log and ``undo`` takes back the newest one.
"""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Optional

import typer

from . import terminal
from .errors import NewsgraphError

__all__ = ["entities_app"]

entities_app = typer.Typer(help="Corpus entities: list, show, and correct them (merge, split, aliases, undo).",
                           no_args_is_help=True)

DbOption = Annotated[
    Optional[str], typer.Option("--db", help="SQLite file or postgresql:// URL [default: $NEWSGRAPH_DB or ./newsgraph.db]")]
JsonOption = Annotated[bool, typer.Option("--json", help="Print as JSON.")]


def _fail(message: str) -> typer.Exit:
    terminal.err_console.print(f"[bold red]error:[/bold red] {message}", highlight=False)
    return typer.Exit(2)


def _run(db: str | None, action):
    """Run ``action(graph)`` in one transaction; library errors become a clear message."""
    from .resolve.corrections import CorrectionError
    from .store import Store
    from .store.graph import Graph

    try:
        with Store(db, create=False) as store, store.writer() as writer:
            return action(Graph(writer.conn))
    except (NewsgraphError, CorrectionError, OSError) as exc:
        raise _fail(str(exc)) from None


def _say(message: str) -> None:
    # Entity names are data, not rich markup ("[sic]" must print), and a line is not cut.
    terminal.out_console.print(message, highlight=False, markup=False, soft_wrap=True)


@entities_app.command("list")
def list_command(db: DbOption = None, type_: Annotated[Optional[str], typer.Option("--type", help="Only this type: person, organisation, state, place, media, group, other.")] = None,
                 limit: Annotated[int, typer.Option(help="How many to list.")] = 50, json_output: JsonOption = False) -> None:
    """List entities by number of mentions."""
    rows = _run(db, lambda g: g.list_entities(type_, limit))
    if json_output:
        terminal.print_json(rows)
        return
    for r in rows:
        _say(f"#{r['id']:<6} {r['name']:<40} {r['type']:<13} {r['mentions']:>6} mentions {r['articles']:>5} articles")


@entities_app.command("show")
def show_command(name: Annotated[str, typer.Argument(help="A name, an alias, or #<id>.")], db: DbOption = None,
                 json_output: JsonOption = False) -> None:
    """Show one entity: its aliases and how often it is mentioned, quoted, involved in events."""
    from .resolve.corrections import find_entity

    def action(g):
        e = find_entity(g, name)
        aliases = [a for a in g.entity_aliases(e.id) if a["origin"] != "key"]
        return {"id": e.id, "name": e.name, "type": e.type, "label": e.label, "ids": e.ids,
                "aliases": [{"alias": a["alias"], "origin": a["origin"]} for a in aliases], **g.entity_counts(e.id)}

    profile = _run(db, action)
    if json_output:
        terminal.print_json(profile)
        return
    _say(f"#{profile['id']} {profile['name']} ({profile['type']})")
    _say("aliases: " + ", ".join(f"{a['alias']} [{a['origin']}]" for a in profile["aliases"]))
    _say(f"{profile['mentions']} mentions in {profile['articles']} articles, {profile['quotes']} quotes, "
         f"{profile['events']} event reports")


@entities_app.command("aliases")
def aliases_command(file: Annotated[Path, typer.Argument(help="CSV file: alias,canonical[,type] per line.")],
                    db: DbOption = None) -> None:
    """Load user aliases from a CSV file; later ingests resolve these names accordingly."""
    from .resolve.corrections import load_alias_file

    count = _run(db, lambda g: load_alias_file(g, file))
    _say(f"loaded {count} aliases from {file}")


@entities_app.command("merge")
def merge_command(keep: Annotated[str, typer.Argument(help="The entity that stays (name or #id).")],
                  gone: Annotated[str, typer.Argument(help="The entity merged into it and removed.")],
                  db: DbOption = None) -> None:
    """Merge entity B into entity A: mentions, aliases, quotes and event participants move."""
    from .resolve.corrections import merge

    kept = _run(db, lambda g: merge(g, keep, gone))
    _say(f"merged {gone!r} into #{kept} {keep!r}")


@entities_app.command("split")
def split_command(entity: Annotated[str, typer.Argument(help="The entity (name or #id).")],
                  alias: Annotated[str, typer.Argument(help="The name whose mentions leave it.")],
                  db: DbOption = None) -> None:
    """Move the mentions of ENTITY written ALIAS to a new entity named ALIAS."""
    from .resolve.corrections import split

    new_id = _run(db, lambda g: split(g, entity, alias))
    _say(f"split {alias!r} from {entity!r} into #{new_id}")


@entities_app.command("export-corrections")
def export_command(file: Annotated[Path, typer.Argument(help="Where to write the corrections (JSON Lines).")],
                   db: DbOption = None) -> None:
    """Write every correction made so far, to load into another database with import-corrections."""
    from .resolve.corrections import export_corrections

    count = _run(db, lambda g: export_corrections(g, file))
    _say(f"wrote {count} corrections to {file}")


@entities_app.command("import-corrections")
def import_command(file: Annotated[Path, typer.Argument(help="A file written by export-corrections.")],
                   db: DbOption = None) -> None:
    """Replay corrections exported from another database."""
    from .resolve.corrections import import_corrections

    count = _run(db, lambda g: import_corrections(g, file))
    _say(f"applied {count} corrections from {file}")


@entities_app.command("corrections")
def corrections_command(db: DbOption = None, json_output: JsonOption = False) -> None:
    """List the corrections made so far, oldest first: the last one is what `undo` takes back."""
    from .resolve.undo import describe, undoable

    rows = [{"number": r["number"], "date": r["created_at"], "action": r["action"], "description": describe(r),
             "undoable": undoable(r), "payload": {k: v for k, v in r["payload"].items() if k != "undo"}}
            for r in _run(db, lambda g: g.correction_log())]
    if json_output:
        terminal.print_json(rows)
        return
    if not rows:
        _say("no corrections")
    for r in rows:
        _say(f"#{r['number']:<5} {r['date']}  {r['description']}" + ("" if r["undoable"] else "  (cannot be undone)"))


@entities_app.command("undo")
def undo_command(db: DbOption = None) -> None:
    """Undo the newest correction still in the log, exactly, and drop it from the log (again: the one before)."""
    from .resolve.undo import describe, undo_last

    row = _run(db, undo_last)
    _say(f"undid correction #{row['number']}: {describe(row)}")
