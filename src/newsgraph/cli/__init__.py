"""The ``newsgraph`` command: a thin layer over the library.

Each command makes one library call and prints the result (``newsgraph.terminal``);
a library error becomes one line, ``error: ...``, on standard error (``_options.fail``).
Exit status: 0 success; 1 some inputs failed (the good ones were stored) or a figure
fell below its floor; 2 a usage or configuration error; 130 interrupted (what was
committed is kept).

The commands live in ingest.py (ingest, analyze, demo), query.py (db info and the
read commands and exports), entities.py (entities ...), serve.py and evaluate.py;
_options.py declares the options they share. They are all registered here, one way:
a name and a function, in the order ``newsgraph --help`` lists them.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from typing import Annotated, Optional

import typer

from .. import __version__, terminal
from . import entities, evaluate, ingest, query, serve

__all__ = ["app", "main", "COMMANDS", "GROUPS"]

COMMANDS: dict[str, Callable[..., None]] = {
    "ingest": ingest.ingest, "analyze": ingest.analyze,
    "articles": query.articles, "actors": query.actors, "outlets": query.outlets,
    "eval": evaluate.evaluate_command, "demo": ingest.demo,
    "entity": query.entity, "quotes": query.quotes, "timeline": query.timeline, "events": query.events,
    "network": query.network, "search": query.search, "export": query.export,
    "serve": serve.serve,
}
# Command groups: name -> (help, commands).
GROUPS: dict[str, tuple[str, dict[str, Callable[..., None]]]] = {
    "db": ("Inspect the store.", {"info": query.db_info}),
    "entities": (entities.HELP, entities.COMMANDS),
}


def _typer(commands: dict[str, Callable[..., None]], **settings) -> typer.Typer:
    app = typer.Typer(no_args_is_help=True, **settings)
    for name, function in commands.items():
        app.command(name)(function)
    return app


app = _typer(
    COMMANDS,
    help="Turn news reports into a sourced, queryable model of the situation they describe.",
    add_completion=False,
    pretty_exceptions_enable=False,
)
for _name, (_help, _commands) in GROUPS.items():
    app.add_typer(_typer(_commands, help=_help), name=_name)


def _version(value: bool) -> None:
    if value:
        print(f"newsgraph {__version__}")
        raise typer.Exit()


@app.callback()
def main_options(
    version: Annotated[
        Optional[bool], typer.Option("--version", callback=_version, is_eager=True, help="Show the version.")
    ] = None,
) -> None:
    """newsgraph: who did, said, promised and threatened what, on whose word."""


def main() -> None:
    try:
        app()
    except KeyboardInterrupt:
        terminal.err_console.print("[bold yellow]interrupted[/bold yellow]")
        sys.exit(130)
