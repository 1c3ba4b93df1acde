"""Terminal output for the CLI: progress while ingesting, tables and reports after.

Only presentation lives here; every figure comes from the query API. Each query
result has its table here (``*_table``) or its lines (``*_lines``: entity names are
printed as data, never as rich markup).
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
from .query import COUNT_CAPS, Overview
from .query_records import arrow, lead_report, quote_label, who_to_whom
from .quotations import quotation_groups, quotation_text
from .store import StoreInfo

err_console = Console(stderr=True)
out_console = Console()


def error_line(message: str) -> Text:
    """``error: MESSAGE``, the one shape of every error line; the message is data, not rich markup."""
    return Text("error: ", style="bold red") + Text(message)


def print_error(message: str) -> None:
    err_console.print(error_line(message), highlight=False)


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
            line = error_line(event.error.describe() if event.error else event.detail or "")
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
    # A phrase standing for a named entity reads "the Cuban government (Cuba)".
    labels = {e["id"]: f"{e['name']} ({names[e['refers_to']]})" if e.get("refers_to") in names else e["name"]
              for e in record["entities"]}
    out_console.print(_record_events(record.get("events", []), labels))


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
        who = ", ".join(names.get(a, a) for a in e.get("actors", []))
        whom = ", ".join(names.get(t, t) for t in e.get("targets", []))
        table.add_row(e["type"], Text(arrow(who, whom)), e.get("modality") or "", Text(e["trigger"]["text"]))
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


# -- query results (newsgraph entity, quotes, timeline, events, search, outlets) --

def _table(title: str, *columns: str) -> Table:
    table = Table(title=title, title_justify="left")
    for name in columns:
        table.add_column(name, overflow="fold")
    return table


def _source(s) -> Text:
    return Text(f"{s.published or '?'} {s.outlet or '?'}\n{(s.title or '')[:60]}", style="dim")


def quotes_table(statements, title: str = "Who said what") -> Table:
    table = _table(title, "speaker", "said", "source")
    for s in statements:
        said = Text(s.text)
        if s.attribution not in (None, "speech"):  # believed, intended or a stance: not what was said
            said.append(f" [{s.attribution}]", style="dim")
        if s.found_by == "model":  # a reader must see which quotes a statistical model proposed
            said.append(f" [model {s.score:.2f}]", style="dim")
        table.add_row(Text(s.speaker_name or s.speaker_text or "?", style="bold"), said, _source(s.source))
    return table


def _quoted(r) -> Text:
    """The sentence; for an event inside a quote, which quote (its speaker and span in the article)."""
    sentence = Text(r.source.text)
    if r.quote is not None:
        sentence.append(f"\n{quote_label(r.quote.speaker, r.quote.speaker_text)}, characters "
                        f"{r.quote.start}-{r.quote.end}", style="dim")
    return sentence


def reports_table(reports, title: str = "Timeline") -> Table:
    table = _table(title, "date", "event", "actors → targets", "modality", "sentence", "source")
    for r in reports:
        said = f" (per {r.attributed_text or r.attributed_to.name})" if r.attributed_text or r.attributed_to else ""
        table.add_row(r.date or "?", Text(r.type, style="green" if r.polarity == "cooperation" else "red"),
                      Text(who_to_whom(r.actors, r.targets)), r.modality + said, _quoted(r), _source(r.source))
    return table


def events_table(events) -> Table:
    table = _table("Events", "id", "date", "event", "actors → targets", "reports", "outlets")
    for e in events:
        lead = lead_report(e)
        who = who_to_whom(lead.actors, lead.targets) if lead else ""
        outlets = ", ".join(sorted({r.source.outlet or "?" for r in e.reports}))
        kind = Text(e.type)
        if e.contradictions:
            kind.append("\nreports disagree: " + ", ".join(c["field"] for c in e.contradictions), style="yellow")
        table.add_row(str(e.id), e.date or "?", kind, Text(who), str(e.report_count), Text(outlets))
    return table


def profile_table(p) -> Table:
    table = Table(title=f"{p.entity.name} ({p.entity.type}, id {p.entity.id})", show_header=False, title_justify="left")
    table.add_column(style="bold")
    table.add_column(overflow="fold")
    # A count equal to its cap means "at least".
    rows = [("aliases", ", ".join(p.aliases)), ("roles", "; ".join(p.roles)), ("ids", str(p.ids or "")),
            ("counts", ", ".join(f"{k} {v}{'+' if v >= COUNT_CAPS.get(k, v + 1) else ''}"
                                 for k, v in p.counts.items()))]
    rows += [("said", f"“{s.text}” ({s.source.outlet}, {s.source.published})") for s in p.statements_by[:5]]
    rows += [("said about it", f"{s.speaker_name or '?'}: “{s.text}”") for s in p.statements_about[:5]]
    rows += [("did", " ".join(x for x in (r.date, r.type, who_to_whom([], r.targets)) if x))
             for r in p.events_as_actor[:5]]
    rows += [("suffered", " ".join(x for x in (r.date, who_to_whom(r.actors, []), r.type) if x))
             for r in p.events_as_target[:5]]
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


def outlets_table(rows: list[dict]) -> Table:
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


# -- corpus entities and corrections (newsgraph entities ...) ----------------------

def entity_lines(rows: list[dict]) -> list[str]:
    return [f"#{r['id']:<6} {r['name']:<40} {r['type']:<13} {r['mentions']:>6} mentions {r['articles']:>5} articles"
            for r in rows]


def summary_lines(e) -> list[str]:
    return [f"#{e.id} {e.name} ({e.type})",
            "aliases: " + ", ".join(f"{a['alias']} [{a['origin']}]" for a in e.aliases),
            f"{e.mentions} mentions in {e.articles} articles, {e.quotes} quotes, {e.events} event reports"]


def correction_lines(rows: list[dict]) -> list[str]:
    if not rows:
        return ["no corrections"]
    return [f"#{r['number']:<5} {r['date']}  {r['description']}" + ("" if r["undoable"] else "  (cannot be undone)")
            for r in rows]


def print_lines(lines: list[str]) -> None:
    """Plain lines on standard output: data, not rich markup ("[sic]" prints), never cut or wrapped."""
    for line in lines:
        out_console.print(line, highlight=False, markup=False, soft_wrap=True)
