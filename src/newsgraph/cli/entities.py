"""`newsgraph entities ...`: list, show and correct corpus entities.

Reading is one call into ``newsgraph.query`` (list_entities, entity_summary,
correction_log). A correction resolves the entities it names with the query API's one
rule (a name, an alias or ``#id``; an ambiguous name is refused), then makes one call
into ``resolve.corrections`` or ``resolve.undo`` in one transaction. Corrections are
logged and persist: later ingests resolve new mentions according to them.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Annotated, Any, Optional

import typer

from .. import terminal
from ..query import correction_log, entity_summary, list_entities
from ..resolve.corrections import export_corrections, import_corrections, load_alias_file, merge, split
from ..resolve.undo import describe, undo_last
from ..store import Store
from ..store.graph import Graph
from ._options import Db, Json, Limit, exit_on_error, reading, show

__all__ = ["HELP", "COMMANDS"]

HELP = "Corpus entities: list, show, and correct them (merge, split, aliases, undo)."


def _correct(db: str | None, action: Callable[..., Any], *names: str) -> Any:
    """Run ``action(graph, *names)`` in one transaction; the corrections resolve the names by the
    one naming rule (resolve.names). OSError: an alias or corrections file that cannot be read."""
    with exit_on_error(OSError), Store(db, create=False) as store, store.writer() as writer:
        return action(Graph(writer.conn), *names)


def _say(message: str) -> None:
    terminal.print_lines([message])


def list_command(db: Db = None, type_: Annotated[Optional[str], typer.Option(
                     "--type", help="Only this type: person, organisation, state, place, media, group, other.")] = None,
                 limit: Limit = 50, json_output: Json = False) -> None:
    """List entities by number of mentions."""
    show(reading(db, lambda s: list_entities(s, type_, limit)), json_output, lines=terminal.entity_lines)


def show_command(name: Annotated[str, typer.Argument(help="A name, an alias, or #<id>.")], db: Db = None,
                 json_output: Json = False) -> None:
    """Show one entity: its aliases and how often it is mentioned, quoted, involved in events."""
    show(reading(db, lambda s: entity_summary(s, name)), json_output, lines=terminal.summary_lines)


def aliases_command(file: Annotated[Path, typer.Argument(help="CSV file: alias,canonical[,type] per line.")],
                    db: Db = None) -> None:
    """Load user aliases from a CSV file; later ingests resolve these names accordingly."""
    count = _correct(db, lambda g: load_alias_file(g, file))
    _say(f"loaded {count} aliases from {file}")


def merge_command(keep: Annotated[str, typer.Argument(help="The entity that stays (name or #id).")],
                  gone: Annotated[str, typer.Argument(help="The entity merged into it and removed.")],
                  db: Db = None) -> None:
    """Merge entity B into entity A: mentions, aliases, quotes and event participants move."""
    kept = _correct(db, merge, keep, gone)
    _say(f"merged {gone!r} into #{kept} {keep!r}")


def split_command(entity: Annotated[str, typer.Argument(help="The entity (name or #id).")],
                  alias: Annotated[str, typer.Argument(help="The name whose mentions leave it.")],
                  db: Db = None) -> None:
    """Move the mentions of ENTITY written ALIAS to a new entity named ALIAS."""
    new_id = _correct(db, lambda g, ref: split(g, ref, alias), entity)
    _say(f"split {alias!r} from {entity!r} into #{new_id}")


def export_command(file: Annotated[Path, typer.Argument(help="Where to write the corrections (JSON Lines).")],
                   db: Db = None) -> None:
    """Write every correction made so far, to load into another database with import-corrections."""
    count = _correct(db, lambda g: export_corrections(g, file))
    _say(f"wrote {count} corrections to {file}")


def import_command(file: Annotated[Path, typer.Argument(help="A file written by export-corrections.")],
                   db: Db = None) -> None:
    """Replay corrections exported from another database."""
    count = _correct(db, lambda g: import_corrections(g, file))
    _say(f"applied {count} corrections from {file}")


def corrections_command(db: Db = None, json_output: Json = False) -> None:
    """List the corrections made so far, oldest first: the last one is what `undo` takes back."""
    show(reading(db, correction_log), json_output, lines=terminal.correction_lines)


def undo_command(db: Db = None) -> None:
    """Undo the newest correction still in the log, exactly, and drop it from the log (again: the one before)."""
    row = _correct(db, undo_last)
    _say(f"undid correction #{row['number']}: {describe(row)}")


COMMANDS: dict[str, Callable[..., None]] = {
    "list": list_command, "show": show_command, "aliases": aliases_command, "merge": merge_command,
    "split": split_command, "export-corrections": export_command, "import-corrections": import_command,
    "corrections": corrections_command, "undo": undo_command,
}
