"""The ``newsgraph`` command: a thin layer over the library.

Each command makes library calls and turns library errors into one clear line.
Exit status: 0 success; 1 some inputs failed (the good ones were stored);
2 a usage or configuration error; 130 interrupted (what was committed is kept).
"""

from __future__ import annotations

import dataclasses
import json
import re
import sys
from datetime import date
from importlib import resources
from pathlib import Path
from typing import Annotated, Optional

import typer

from . import __version__, terminal
from .errors import ConfigError, NewsgraphError
from .model import ReadOptions

app = typer.Typer(
    help="Turn news reports into a sourced, queryable model of the situation they describe.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)
db_app = typer.Typer(help="Inspect the store.", no_args_is_help=True)
app.add_typer(db_app, name="db")


def _register_subcommands() -> None:
    from .cli_entities import entities_app
    from .cli_query import register as register_query_commands
    from .cli_web import register as register_web

    app.add_typer(entities_app, name="entities")
    register_query_commands(app)
    register_web(app)

DbOption = Annotated[
    Optional[str],
    typer.Option("--db", help="SQLite file or postgresql:// URL [default: $NEWSGRAPH_DB or ./newsgraph.db]"),
]
PublishedOption = Annotated[Optional[str], typer.Option(help="Publication date YYYY-MM-DD for every input (overrides the input's).")]
OutletOption = Annotated[Optional[str], typer.Option(help="Outlet name for every input (overrides the input's).")]
LanguageOption = Annotated[Optional[str], typer.Option(help="Language code for every input (skips detection).")]
FormatOption = Annotated[str, typer.Option("--format", help="Input format: auto, text, html, jsonl, warc or feed.")]
EncodingOption = Annotated[str, typer.Option(help="Text encoding of plain-text and JSON Lines inputs.")]
MaxCharsOption = Annotated[int, typer.Option(help="Longest article accepted, in characters.")]
FieldOption = Annotated[
    Optional[list[str]],
    typer.Option("--field", help="JSON Lines field name mapping, e.g. --field text=body --field published=date."),
]

FORMATS = ("auto", "text", "html", "jsonl", "warc", "feed")
FIELDS = ("text", "title", "url", "published", "outlet", "author")


def fail(message: str, code: int = 2) -> typer.Exit:
    terminal.err_console.print(f"[bold red]error:[/bold red] {message}", highlight=False)
    return typer.Exit(code)


def read_options(published, outlet, language, fmt, encoding, max_chars, fields) -> ReadOptions:
    if published is not None:
        try:
            date.fromisoformat(published)
        except ValueError:
            raise ConfigError(f"--published {published!r} is not a date of the form YYYY-MM-DD") from None
    if fmt not in FORMATS:
        raise ConfigError(f"--format {fmt!r} is not one of {', '.join(FORMATS)}")
    if max_chars < 1:
        raise ConfigError("--max-chars must be a positive number")
    try:
        "".encode(encoding)
    except LookupError:
        raise ConfigError(f"--encoding {encoding!r} is not an encoding Python knows") from None
    mapping = {}
    for item in fields or []:
        name, sep, key = item.partition("=")
        if not sep or name not in FIELDS or not key:
            raise ConfigError(f"--field {item!r} must be NAME=KEY with NAME one of {', '.join(FIELDS)}")
        mapping[name] = key
    if language is not None and not re.fullmatch(r"[a-z]{2,3}", language):
        raise ConfigError(f"--language {language!r} must be an ISO 639 code such as 'en'")
    return ReadOptions(
        published=published, outlet=outlet, language=language, format=fmt,
        encoding=encoding, max_chars=max_chars, fields=mapping,
    )


def open_store(db: str | None, create: bool = True):
    from .store import Store

    return Store(db, create=create)


@app.command()
def ingest(
    paths: Annotated[list[str], typer.Argument(help="Files, directories, glob patterns, or - for standard input.")],
    db: DbOption = None,
    published: PublishedOption = None,
    outlet: OutletOption = None,
    language: LanguageOption = None,
    fmt: FormatOption = "auto",
    encoding: EncodingOption = "utf-8",
    max_chars: MaxCharsOption = 1_000_000,
    field: FieldOption = None,
    analyze: Annotated[bool, typer.Option("--analyze/--no-analyze", help="Analyse while ingesting.")] = True,
    batch_size: Annotated[int, typer.Option(help="Articles per committed batch.")] = 32,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="Print only errors and failures.")] = False,
    log_json: Annotated[bool, typer.Option("--log-json", help="Log one JSON object per event on stderr.")] = False,
) -> None:
    """Read reports (text, Markdown, HTML, JSON Lines, WARC, RSS/Atom), analyse and store them."""
    from .ingest import read_inputs
    from .ingest.runner import run_ingest

    try:
        options = read_options(published, outlet, language, fmt, encoding, max_chars, field)
        with open_store(db) as store:
            analyzer = _analyzer() if analyze else None
            with terminal.IngestFeedback(quiet=quiet, log_json=log_json) as feedback:
                report = run_ingest(read_inputs(paths, options), store, options, analyzer, batch_size, feedback)
            feedback.summary(report)
    except NewsgraphError as exc:
        raise fail(str(exc)) from None
    if report.interrupted:
        raise typer.Exit(130)
    if report.errors:
        raise typer.Exit(1)


def _analyzer():
    from .analyze import Analyzer

    return Analyzer()


@app.command()
def analyze(
    paths: Annotated[list[str], typer.Argument(help="Files, directories, glob patterns, or - for standard input.")],
    json_output: Annotated[bool, typer.Option("--json", help="Print analysis records as JSON Lines.")] = False,
    published: PublishedOption = None,
    outlet: OutletOption = None,
    language: LanguageOption = None,
    fmt: FormatOption = "auto",
    encoding: EncodingOption = "utf-8",
    max_chars: MaxCharsOption = 1_000_000,
    field: FieldOption = None,
) -> None:
    """Analyse reports and print the results, without storing anything."""
    from .ingest import clean, read_inputs
    from .errors import InputError

    failed = 0
    try:
        options = read_options(published, outlet, language, fmt, encoding, max_chars, field)
        analyzer = _analyzer()
        articles = []
        for item in read_inputs(paths, options):
            try:
                articles.append(item if isinstance(item, InputError) else clean(item, options))
            except InputError as exc:
                articles.append(exc)
        good = [a for a in articles if not isinstance(a, InputError)]
        for error in (a for a in articles if isinstance(a, InputError)):
            failed += 1
            terminal.err_console.print(f"[bold red]error:[/bold red] {error.describe()}", highlight=False)
        for article, record in analyzer.analyze(good):
            if isinstance(record, InputError):
                failed += 1
                terminal.err_console.print(f"[bold red]error:[/bold red] {record.describe()}", highlight=False)
            elif json_output:
                print(json.dumps(record, ensure_ascii=False), flush=True)
            else:
                terminal.print_record(record)
    except NewsgraphError as exc:
        raise fail(str(exc)) from None
    if failed:
        raise typer.Exit(1)


@db_app.command("info")
def db_info(
    db: DbOption = None,
    json_output: Annotated[bool, typer.Option("--json", help="Print as JSON.")] = False,
) -> None:
    """Show the store's schema version and what it holds."""
    try:
        with open_store(db, create=False) as store:
            info = store.info()
    except NewsgraphError as exc:
        raise fail(str(exc)) from None
    if json_output:
        terminal.print_json(dataclasses.asdict(info))
    else:
        terminal.out_console.print(terminal.info_table(info))


LimitOption = Annotated[int, typer.Option(help="How many to list.")]
JsonOption = Annotated[bool, typer.Option("--json", help="Print as JSON.")]


def _show_rows(db: str | None, fetch, limit: int, json_output: bool, table) -> None:
    """Fetch rows through the query API and print them as JSON or as a table."""
    try:
        with open_store(db, create=False) as store:
            rows = fetch(store, limit=limit)
    except NewsgraphError as exc:
        raise fail(str(exc)) from None
    if json_output:
        terminal.print_json(rows)
    else:
        terminal.out_console.print(table(rows))


@app.command()
def articles(db: DbOption = None, limit: LimitOption = 50, json_output: JsonOption = False) -> None:
    """List stored articles, newest first."""
    from .query import list_articles

    _show_rows(db, list_articles, limit, json_output, terminal.articles_table)


@app.command()
def actors(db: DbOption = None, limit: LimitOption = 20, json_output: JsonOption = False) -> None:
    """List actors (people, organisations, states, groups) by number of mentions."""
    from .query import top_actors

    _show_rows(db, top_actors, limit, json_output, terminal.actors_table)


def _outlets_table(rows: list[dict]):
    from rich.table import Table

    table = Table(title="Outlets by articles", title_justify="left")
    table.add_column("outlet", style="bold")
    for name in ("articles", "stories"):
        table.add_column(name, justify="right")
    table.add_column("first", style="cyan")
    table.add_column("last", style="cyan")
    for o in rows:
        table.add_row(o["outlet"], str(o["articles"]), str(o["stories"]), o["first_published"] or "?",
                      o["last_published"] or "?")
    return table


@app.command()
def outlets(db: DbOption = None, limit: LimitOption = 50,
            offset: Annotated[int, typer.Option(help="How many to skip (paging).")] = 0,
            json_output: JsonOption = False) -> None:
    """List outlets by number of articles, with independent stories and first and last publication date."""
    from .query import outlets as list_outlets

    _show_rows(db, lambda store, limit: list_outlets(store, limit=limit, offset=offset), limit, json_output,
               _outlets_table)


@app.command("eval")
def evaluate_command(
    names: Annotated[Optional[list[str]], typer.Argument(help="Evaluations to run [default: all]: seed, polnear, timebank, meantime, meantime_xdoc, plover, events.")] = None,
    data: Annotated[Optional[str], typer.Option(help="The shared gold data folder [default: $NEWSGRAPH_DATA or ../shared/data].")] = None,
    limit: Annotated[Optional[int], typer.Option(help="Score only the first N documents of each (a quick look; floors apply to full runs).")] = None,
    json_output: Annotated[bool, typer.Option("--json", help="Print the figures as JSON.")] = False,
    split: Annotated[str, typer.Option(help="PolNeAR split to score: dev, or a held-out split laid out the same way "
                                            "(polnear/<split>/text, .../attributions). Floors apply to dev.")] = "dev",
) -> None:
    """Score the analysis against gold data (seed, PolNeAR, TimeBank/AQUAINT, MEANTIME) and check the floors."""
    from . import evaluate

    try:
        root = evaluate.data_root(data)
        chosen = names or list(evaluate.EVALUATIONS)
        for name in chosen:
            if name not in evaluate.EVALUATIONS:
                raise ConfigError(f"no evaluation named {name!r}; choose from {', '.join(evaluate.EVALUATIONS)}")
        analyzer = _analyzer()
        results = {}
        for name in chosen:
            terminal.err_console.print(f"[dim]evaluating {name} ...[/dim]")
            if name == "polnear" and split != "dev":  # its own row: the floors are dev's
                results[f"polnear:{split}"] = evaluate.run(name, analyzer, root, limit=limit, split=split)
            else:
                results[name] = evaluate.run(name, analyzer, root, limit=limit)
    except NewsgraphError as exc:
        raise fail(str(exc)) from None
    failures = [] if limit else [line for name in results for line in evaluate.below_floor(name, results[name])]
    if json_output:
        terminal.print_json(results)
    else:
        terminal.out_console.print(terminal.evaluation_table(results, evaluate.floors(), checked=not limit))
    for line in failures:
        terminal.err_console.print(f"[bold red]below floor:[/bold red] {line}", highlight=False)
    if failures:
        raise typer.Exit(1)


SAMPLE_PUBLISHED = "2025-04-02"


@app.command()
def demo(
    db: Annotated[str, typer.Option("--db", help="Where to build the demo database (replaced if it exists).")] = "newsgraph-demo.db",
) -> None:
    """Ingest the bundled sample into a fresh database and report what it holds."""
    from .ingest import read_inputs
    from .ingest.runner import run_ingest
    from .query import overview

    if "://" in db:
        raise fail("the demo builds a fresh SQLite file; give --db a file path, not a URL")
    for suffix in ("", "-wal", "-shm"):
        Path(db + suffix).unlink(missing_ok=True)
    options = ReadOptions(published=SAMPLE_PUBLISHED)
    sample = resources.files("newsgraph") / "sample" / "seed-article.txt"
    try:
        with resources.as_file(sample) as path, open_store(db) as store:
            with terminal.IngestFeedback() as feedback:
                report = run_ingest(read_inputs([str(path)], options), store, options, _analyzer(), 32, feedback)
            feedback.summary(report)
            terminal.print_overview(overview(store, statements=12))
    except NewsgraphError as exc:
        raise fail(str(exc)) from None
    terminal.out_console.print(
        f"\nThe demo database is {db}. Try:\n  newsgraph quotes --db {db} --speaker 'Yuri Knutov'\n"
        f"  newsgraph events --db {db}\n  newsgraph serve --db {db}   (then open http://127.0.0.1:8000)"
    )
    if report.errors:
        raise typer.Exit(1)


def version_callback(value: bool) -> None:
    if value:
        print(f"newsgraph {__version__}")
        raise typer.Exit()


@app.callback()
def main_options(
    version: Annotated[
        Optional[bool], typer.Option("--version", callback=version_callback, is_eager=True, help="Show the version.")
    ] = None,
) -> None:
    """newsgraph: who did, said, promised and threatened what, on whose word."""


_register_subcommands()


def main() -> None:
    try:
        app()
    except KeyboardInterrupt:
        terminal.err_console.print("[bold yellow]interrupted[/bold yellow]")
        sys.exit(130)
