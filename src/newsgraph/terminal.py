"""Terminal output for the CLI: progress while ingesting, tables and reports after.

Only presentation lives here; every figure comes from the query API.
"""

from __future__ import annotations

import json
import sys
import time

from rich.console import Console
from rich.panel import Panel
from rich.progress import Progress, ProgressColumn, SpinnerColumn, TextColumn, TimeElapsedColumn
from rich.table import Table
from rich.text import Text

from .ingest.runner import IngestEvent, IngestReport
from .query import Overview
from .quotations import quotation_groups, quotation_text
from .store import StoreInfo

err_console = Console(stderr=True)
out_console = Console()


class _RateColumn(ProgressColumn):
    def render(self, task) -> Text:
        # Averaged over the whole run: per-batch commits make the instant rate jumpy.
        elapsed = task.elapsed or 0.0
        speed = task.completed / elapsed if elapsed > 0 else 0.0
        return Text(f"{speed:.1f} articles/s", style="cyan")


class IngestFeedback:
    """Shows ingest events as a progress line, plain error lines, or JSON log lines."""

    def __init__(self, quiet: bool = False, log_json: bool = False, stream=None):
        self.quiet = quiet
        self.log_json = log_json
        self.stream = stream or sys.stderr
        self.started = time.monotonic()
        self.progress: Progress | None = None
        self.task = None
        self.counts = {"stored": 0, "duplicate": 0, "near_duplicate": 0, "error": 0}

    def __enter__(self) -> "IngestFeedback":
        if not self.quiet and not self.log_json:
            self.progress = Progress(
                SpinnerColumn(),
                TextColumn("[bold]articles:[/bold] {task.completed}"),
                _RateColumn(),
                TextColumn("{task.fields[status]}"),
                TimeElapsedColumn(),
                console=err_console,
                transient=False,
            )
            self.progress.start()
            self.task = self.progress.add_task("ingest", total=None, status="")
        return self

    def __exit__(self, *exc) -> None:
        if self.progress:
            self.progress.stop()

    def __call__(self, event: IngestEvent) -> None:
        self.counts[event.kind] = self.counts.get(event.kind, 0) + 1
        if self.log_json:
            record = {"event": event.kind, "source": event.source, "id": event.article_id}
            if event.location:
                record["location"] = event.location
            if event.error is not None:
                record.update(location=event.error.location, reason=event.error.reason)
            elif event.detail:
                record["detail"] = event.detail
            print(json.dumps(record, ensure_ascii=False), file=self.stream, flush=True)
            return
        if event.kind == "error":
            line = Text("error: ", style="bold red") + Text(event.error.describe() if event.error else event.detail or "")
            (self.progress.console if self.progress else err_console).print(line, highlight=False)
        if self.progress and event.kind in ("stored", "duplicate"):
            status = f"{self.counts['duplicate']} already stored · {self.counts['error']} failed"
            self.progress.update(self.task, advance=1, status=status)

    def summary(self, report: IngestReport) -> None:
        elapsed = time.monotonic() - self.started
        if self.log_json:
            record = {"event": "summary", **report.as_dict(), "seconds": round(elapsed, 2)}
            print(json.dumps(record), file=self.stream, flush=True)
            return
        if self.quiet and not report.errors and not report.interrupted:
            return
        parts = [f"stored {report.stored} article{'s' if report.stored != 1 else ''}"]
        if report.analyzed:
            parts.append(f"analysed {report.analyzed}")
        if report.duplicates:
            parts.append(f"{report.duplicates} already stored (skipped)")
        if report.near_duplicates:
            parts.append(f"{report.near_duplicates} linked as near-duplicates of stored reports")
        if report.errors:
            parts.append(f"[bold red]{report.failed} failed[/bold red]")
        err_console.print(", ".join(parts) + f" in {elapsed:.1f}s")
        if report.interrupted:
            err_console.print(
                "[bold yellow]interrupted:[/bold yellow] what was committed is kept; "
                "run the same command again to finish the rest"
            )


def info_table(info: StoreInfo) -> Table:
    table = Table(title="newsgraph store", show_header=False, title_justify="left")
    table.add_column(style="bold")
    table.add_column()
    rows = [
        ("database", info.url),
        ("backend", info.backend),
        ("schema version", str(info.schema_version)),
        ("articles", f"{info.articles} ({info.analyzed} analysed)"),
        ("independent reports", f"{info.stories} ({info.near_duplicate_links} near-duplicate links)"),
        ("outlets", str(info.outlets)),
        ("entities", f"{info.entities} ({info.mentions} mentions)"),
        ("quotes", str(info.quotes)),
        ("time expressions", str(info.timexes)),
        ("quantities", str(info.quantities)),
        ("published", f"{info.first_published or '?'} to {info.last_published or '?'}"),
    ]
    for key, value in rows:
        table.add_row(key, value)
    return table


def articles_table(articles: list[dict]) -> Table:
    table = Table(title="Articles", title_justify="left")
    for name, style in (("published", "cyan"), ("title", "bold"), ("outlet", ""), ("chars", ""), ("id", "dim")):
        table.add_column(name, style=style, justify="right" if name == "chars" else "left")
    for a in articles:
        table.add_row(a["published"] or "?", a["title"] or "(untitled)", a["outlet"] or "?", str(a["chars"]), a["id"][:12])
    return table


def actors_table(actors: list[dict]) -> Table:
    table = Table(title="Actors by mentions", title_justify="left")
    table.add_column("actor", style="bold")
    table.add_column("type")
    table.add_column("mentions", justify="right")
    table.add_column("articles", justify="right")
    for a in actors:
        table.add_row(a["name"], a["type"], str(a["mentions"]), str(a["articles"]))
    return table


def statements_table(statements) -> Table:
    table = Table(title="Who said what", title_justify="left")
    table.add_column("speaker", style="bold")
    table.add_column("cue")
    table.add_column("what was said")
    for st in statements:
        said = st.text if len(st.text) <= 100 else st.text[:97] + "..."
        table.add_row(st.speaker_name or f"({st.speaker_text or 'unattributed'})", st.cue or "", said)
    return table


def print_overview(view: Overview) -> None:
    out_console.print(Panel.fit("[bold]newsgraph[/bold]: what the store holds", border_style="blue"))
    out_console.print(articles_table(view.articles))
    out_console.print(actors_table(view.actors))
    if view.statements:
        out_console.print(statements_table(view.statements))
    out_console.print(info_table(view.info))


def print_json(value) -> None:
    print(json.dumps(value, ensure_ascii=False, indent=2, default=str))


def print_record(record: dict) -> None:
    """A readable summary of one analysis record (``analyze`` without --json)."""
    doc = record["document"]
    # Text, not markup: a title or source may hold brackets that rich would read as tags.
    head = Text(doc["title"] or "(untitled)", style="bold")
    head.append(f"\n{doc['source']}")
    head.append(f"\npublished {doc['published'] or '?'} · {doc['outlet'] or 'outlet unknown'} · "
                f"language {doc['language'] or '?'} · {len(doc['text'])} characters · id {doc['id'][:12]}")
    out_console.print(Panel(head, border_style="blue"))
    table = Table(title="Entities", title_justify="left")
    table.add_column("name", style="bold")
    table.add_column("type")
    table.add_column("mentions", justify="right")
    table.add_column("as written")
    for ent in record["entities"]:
        written = sorted({m["text"] for m in ent["mentions"]})
        table.add_row(Text(ent["name"]), ent["type"], str(len(ent["mentions"])), Text(", ".join(written)))
    out_console.print(table)
    out_console.print(_record_quotes(record.get("quotes", []), doc["text"]))
    out_console.print(_record_dates_and_amounts(record.get("timexes", []), record.get("quantities", [])))
    names = {e["id"]: e["name"] for e in record["entities"]}
    out_console.print(_record_events(record.get("events", []), names))


def _record_quotes(quotes: list[dict], text: str) -> Table:
    """One row per quotation (its parts joined, quotation_text); the model's finds marked with their score."""
    table = Table(title="Who said what", title_justify="left")
    table.add_column("speaker", style="bold")
    table.add_column("cue")
    table.add_column("kind")
    table.add_column("what was said")
    for group in quotation_groups(quotes):
        parts = [quotes[i] for i in group]
        q = parts[0]
        who = q.get("speaker") or {}
        said = Text(quotation_text(text, [(p["start"], p["end"]) for p in parts]))
        if q.get("found_by") == "model":
            said.append(f" [model {q['score']:.2f}]", style="dim")
        table.add_row(Text(who.get("name") or who.get("text") or "(unattributed)"),
                      Text((q.get("cue") or {}).get("text") or ""), q["kind"], said)
    return table


def _record_dates_and_amounts(timexes: list[dict], quantities: list[dict]) -> Table:
    table = Table(title="Dates and amounts", title_justify="left")
    table.add_column("as written")
    table.add_column("value")
    for t in timexes:
        value = t["value"] + (f" ({t['mod']})" if t.get("mod") else "")
        table.add_row(Text(t["text"]), Text(f"{t['type']} {value}"))
    for qn in quantities:
        table.add_row(Text(qn["text"]), Text(f"{qn['kind']} {qn['amount']:,} {qn.get('unit') or ''}".rstrip()))
    return table


def _record_events(events: list[dict], names: dict[str, str]) -> Table:
    table = Table(title="Events", title_justify="left")
    table.add_column("type")
    table.add_column("actors → targets")
    table.add_column("modality")
    table.add_column("trigger")
    for e in events:
        who = ", ".join(names.get(a, a) for a in e.get("actors", [])) or "?"
        whom = ", ".join(names.get(t, t) for t in e.get("targets", [])) or "?"
        table.add_row(e["type"], Text(f"{who} → {whom}"), e.get("modality") or "", Text(e["trigger"]["text"]))
    return table


def evaluation_table(results: dict[str, dict[str, float]], floors: dict[str, dict[str, float]], checked: bool) -> Table:
    table = Table(title="Accuracy against gold data", title_justify="left")
    for name, justify in (("evaluation", "left"), ("figure", "left"), ("value", "right"), ("floor", "right"), ("", "left")):
        table.add_column(name, justify=justify)
    for name, figures in results.items():
        recorded = floors.get(name, {})
        for i, (key, value) in enumerate(figures.items()):
            floor = recorded.get(key)
            mark = ""
            if floor is not None and checked:
                mark = "[green]ok[/green]" if value >= floor else "[bold red]BELOW[/bold red]"
            shown = f"{value:.4f}" if isinstance(value, float) and not float(value).is_integer() else f"{value:g}"
            table.add_row(name if i == 0 else "", key, shown, f"{floor:.4f}" if floor is not None else "", mark)
        table.add_section()
    return table
