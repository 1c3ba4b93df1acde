"""The commands that read reports: ingest (store them), analyze (print them), demo (the bundled sample).

The input options (--published, --outlet, --format, ...) are declared here once for
ingest and analyze; read_options checks them and turns them into ReadOptions.
"""

from __future__ import annotations

import contextlib
import functools
import inspect
import json
import re
from collections.abc import Callable
from datetime import date
from importlib import resources
from pathlib import Path
from typing import Annotated, Optional

import typer

from .. import terminal
from ..errors import ConfigError, InputError
from ..ingest import read_inputs
from ..ingest.runner import analyze_inputs, run_ingest
from ..ingest.ray_engine import import_ray, ray_ingest
from ..ingest.workers import AnalysisPool, default_workers
from ..model import ReadOptions
from ..query import overview
from ..store import Store
from ..store.db import DEFAULT_LOCK_TIMEOUT
from ._options import Db, analyzer, exit_on_error, fail, json_option

__all__ = ["ingest", "analyze", "demo", "read_options", "FORMATS", "FIELDS"]

Paths = Annotated[list[str], typer.Argument(help="Files, directories, glob patterns, or - for standard input.")]
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
RecordsJson = json_option("Print analysis records as JSON Lines.")

FORMATS = ("auto", "text", "html", "jsonl", "warc", "feed")
FIELDS = ("text", "title", "url", "published", "outlet", "author")
ENGINES = ("local", "ray")
SAMPLE_PUBLISHED = "2025-04-02"


def read_options(published, outlet, language, fmt, encoding, max_chars, field) -> ReadOptions:
    """The input options as ReadOptions; a ConfigError naming the option whose value is unusable."""
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
    for item in field or []:
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


# The input options, in the order the commands list them: name -> (declaration, default).
INPUT_OPTIONS = {
    "published": (PublishedOption, None), "outlet": (OutletOption, None), "language": (LanguageOption, None),
    "fmt": (FormatOption, "auto"), "encoding": (EncodingOption, "utf-8"), "max_chars": (MaxCharsOption, 1_000_000),
    "field": (FieldOption, None),
}


def with_input_options(command: Callable[..., None]) -> Callable[..., None]:
    """``command`` with the input options in place of its parameter ``options``, which gets them checked.

    Typer has no groups of options: this puts the input options into the signature Typer
    reads, where ``options`` stands, and calls ``command`` with one ReadOptions (read_options).
    """
    signature = inspect.signature(command, eval_str=True)
    inputs = [inspect.Parameter(name, inspect.Parameter.POSITIONAL_OR_KEYWORD, default=default, annotation=declared)
              for name, (declared, default) in INPUT_OPTIONS.items()]
    parameters = [q for p in signature.parameters.values() for q in (inputs if p.name == "options" else [p])]

    @functools.wraps(command)
    def run(**values) -> None:
        given = {name: values.pop(name) for name in INPUT_OPTIONS}
        with exit_on_error():
            options = read_options(**given)
        command(**values, options=options)

    run.__signature__ = signature.replace(parameters=parameters)
    return run


@with_input_options
def ingest(
    paths: Paths,
    db: Db = None,
    options: ReadOptions = None,
    analyze: Annotated[bool, typer.Option("--analyze/--no-analyze", help="Analyse while ingesting.")] = True,
    batch_size: Annotated[int, typer.Option(help="Articles per committed batch.")] = 32,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="Print only errors and failures.")] = False,
    log_json: Annotated[bool, typer.Option("--log-json", help="Log one JSON object per event on stderr.")] = False,
    workers: Annotated[Optional[int], typer.Option(
        help="Analysis processes [default: the machine's cores]; 1 analyses in this process.")] = None,
    lock_timeout: Annotated[float, typer.Option(
        help="Seconds to wait while other processes write to the store.")] = DEFAULT_LOCK_TIMEOUT,
    engine: Annotated[str, typer.Option(help="Where the analysis runs: local (processes here) or ray.")] = "local",
    ray_address: Annotated[Optional[str], typer.Option(
        help="The Ray cluster to use with --engine ray [default: $RAY_ADDRESS, else a local Ray].")] = None,
) -> None:
    """Read reports (text, Markdown, HTML, JSON Lines, WARC, RSS/Atom), analyse and store them."""
    with exit_on_error():
        if engine not in ENGINES:
            raise ConfigError(f"--engine {engine!r} is not one of {', '.join(ENGINES)}")
        if engine == "ray" and not analyze:
            raise ConfigError("--engine ray runs the analysis on Ray; store without analysis with --engine local")
        if workers is not None and workers < 1:
            raise ConfigError(f"--workers {workers} must be 1 or more")
    with exit_on_error(), Store(db, lock_timeout=lock_timeout) as store:
        if engine == "ray":
            import_ray()  # before the progress bar: a missing extra is one error line
            with terminal.IngestFeedback(quiet=quiet, log_json=log_json) as feedback:
                report = ray_ingest(paths, store, options, ray_address, workers, batch_size, feedback)
        else:
            with _analysis(analyze, workers) as pipeline, \
                    terminal.IngestFeedback(quiet=quiet, log_json=log_json) as feedback:
                report = run_ingest(read_inputs(paths, options), store, options, pipeline, batch_size, feedback)
        feedback.summary(report)
    if report.interrupted:
        raise typer.Exit(130)
    if report.errors:
        raise typer.Exit(1)


@contextlib.contextmanager
def _analysis(analyze: bool, workers: int | None):
    """None (no analysis), the Analyzer of this process, or a pool of ``workers`` processes."""
    workers = default_workers() if workers is None else workers
    if not analyze:
        yield None
    elif workers == 1:
        yield analyzer()
    else:
        with AnalysisPool(workers) as pool:
            yield pool


@with_input_options
def analyze(paths: Paths, json_output: RecordsJson = False, options: ReadOptions = None) -> None:
    """Analyse reports and print the results, without storing anything."""
    failed = 0
    with exit_on_error():
        for record in analyze_inputs(read_inputs(paths, options), options, analyzer()):
            if isinstance(record, InputError):
                failed += 1
                terminal.print_error(record.describe())
            elif json_output:
                print(json.dumps(record, ensure_ascii=False), flush=True)
            else:
                terminal.print_record(record)
    if failed:
        raise typer.Exit(1)


def demo(
    db: Annotated[str, typer.Option("--db", help="Where to build the demo database (replaced if it exists).")] = "newsgraph-demo.db",
) -> None:
    """Ingest the bundled sample into a fresh database and report what it holds."""
    # Its own --db: a file to create afresh, not an existing store ($NEWSGRAPH_DB is not read).
    if "://" in db:
        fail("the demo builds a fresh SQLite file; give --db a file path, not a URL")
    for suffix in ("", "-wal", "-shm"):
        Path(db + suffix).unlink(missing_ok=True)
    options = ReadOptions(published=SAMPLE_PUBLISHED)
    sample = resources.files("newsgraph") / "sample" / "seed-article.txt"
    with exit_on_error(), resources.as_file(sample) as path, Store(db) as store:
        with terminal.IngestFeedback() as feedback:
            report = run_ingest(read_inputs([str(path)], options), store, options, analyzer(), 32, feedback)
        feedback.summary(report)
        terminal.print_overview(overview(store, statements=12))
    terminal.out_console.print(
        f"\nThe demo database is {db}. Try:\n  newsgraph quotes --db {db} --speaker 'Yuri Knutov'\n"
        f"  newsgraph events --db {db}\n  newsgraph serve --db {db}   (then open http://127.0.0.1:8000)"
    )
    if report.errors:
        raise typer.Exit(1)
