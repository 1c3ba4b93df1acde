"""What the commands share: the options declared once, printing a result, and the one error exit.

Every error a command reports goes through :func:`fail`: ``error: MESSAGE`` on standard
error and exit status 2 (a usage, configuration or store error), or 1 where some inputs
failed or an evaluation fell below its floor. :func:`exit_on_error` turns a library error
(a NewsgraphError) raised inside it into that line and status 2.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Annotated, Any, NoReturn, Optional

import typer

from .. import terminal
from ..errors import NewsgraphError
from ..store import Store

__all__ = ["Db", "Json", "Limit", "Offset", "json_option", "fail", "exit_on_error", "reading", "show", "analyzer"]


def json_option(help: str = "Print as JSON."):
    """The --json flag; commands whose JSON is not the plain result say what it is."""
    return Annotated[bool, typer.Option("--json", help=help)]


Db = Annotated[
    Optional[str],
    typer.Option("--db", help="SQLite file or postgresql:// URL [default: $NEWSGRAPH_DB or ./newsgraph.db]"),
]
Json = json_option()
Limit = Annotated[int, typer.Option(help="How many to list.")]
Offset = Annotated[int, typer.Option(help="How many to skip (paging).")]


def fail(message: str, code: int = 2) -> NoReturn:
    """Print ``error: MESSAGE`` on standard error and exit with ``code``."""
    terminal.print_error(message)
    raise typer.Exit(code)


@contextmanager
def exit_on_error(*also: type[Exception]) -> Iterator[None]:
    """Turn a library error (and any of ``also``) raised inside into one line and exit 2."""
    try:
        yield
    except (NewsgraphError, *also) as exc:
        fail(str(exc))


def reading(db: str | None, call: Callable[[Store], Any]) -> Any:
    """Open the store at ``db`` (which must exist), make the one library call ``call(store)``."""
    with exit_on_error(), Store(db, create=False) as store:
        return call(store)


def _plain(value: Any) -> Any:
    if dataclasses.is_dataclass(value):
        return dataclasses.asdict(value)
    if isinstance(value, list):
        return [_plain(v) for v in value]
    return value


def show(value: Any, json_output: bool, table: Callable | None = None, lines: Callable | None = None) -> None:
    """Print a library result: as JSON with --json, else as ``table(value)`` or as ``lines(value)``."""
    if json_output:
        terminal.print_json(_plain(value))
    elif table is not None:
        terminal.out_console.print(table(value))
    else:
        terminal.print_lines(lines(value))


def analyzer():
    """The analysis pipeline (spaCy), imported only by the commands that analyse."""
    from ..analyze import Analyzer

    return Analyzer()
