"""``newsgraph ingest``: read, extract and store (:func:`newsgraph.ingest.ingest`), with a progress
bar, a line per problem, and a closing summary."""
from __future__ import annotations

import json
from collections import Counter
from pathlib import Path
from typing import Optional

import typer
from rich.console import Console
from rich.markup import escape
from rich.progress import (BarColumn, MofNCompleteColumn, Progress, ProgressColumn, SpinnerColumn, Task, TextColumn,
                           TimeElapsedColumn, TimeRemainingColumn)
from rich.table import Table
from rich.text import Text

from newsgraph.cli.app import app
from newsgraph.cli.common import (CONFIG_OPTION, DB_OPTION, ERR, MODEL_OPTION, PROCESSES_OPTION, config_from, fail,
                                  failure_counts, open_store_or_exit, say, short_error)
from newsgraph.ingest import FAILED, IngestReport, Row, ingest
from newsgraph.nlp import ModelNotInstalled
from newsgraph.read import ReadOptions, read_inputs
from newsgraph.record import Record
from newsgraph.store import DUPLICATE, INGESTED


def _estimate_total(paths: list[str]) -> int | None:
    """Articles to expect, when cheap to know (line counts of JSONL files, one per text file)."""
    total = 0
    for p in paths:
        path = Path(p)
        if not path.is_file():
            return None
        if path.suffix == ".jsonl":
            try:
                with path.open("rb") as fh:
                    total += sum(1 for line in fh if line.strip())
            except OSError:
                return None
        elif path.suffix in (".txt", ".html", ".htm"):
            total += 1
        else:
            return None
    return total


class RateColumn(ProgressColumn):
    """Articles per second, over rich's recent window of advances."""

    def render(self, task: Task) -> Text:
        speed = task.finished_speed or task.speed
        return Text("" if speed is None else f"{speed:.1f} articles/s", style="progress.data.speed")


def progress_bar(console: Console, clock=None) -> Progress:
    """The ingest bar: done of expected, rate, time spent and, when the total is known, time left.
    Shown on a terminal only (a log or a pipe gets the closing summary alone); ``clock``: seconds
    now, for a test."""
    return Progress(SpinnerColumn(), TextColumn("[bold]ingest[/]"), BarColumn(), MofNCompleteColumn(),
                    TextColumn("articles"), RateColumn(), TimeElapsedColumn(), TextColumn("eta"),
                    TimeRemainingColumn(), console=console, transient=True, disable=not console.is_terminal,
                    get_time=clock)


def _say_problem(label: str, source: str, message: str) -> None:
    # An extraction error can run to many lines (spaCy's E088): its gist, as one line.
    say(label, source, short_error(message) if label == FAILED else message)


def _events_by_type(record: Record) -> str:
    counts = Counter(e.type for e in record.events)
    return " ".join(f"{t}×{n}" if n > 1 else t for t, n in counts.most_common()) or "-"


def _actor_names(record: Record, limit: int = 4) -> str:
    # Actors that take part in an event first: those are the ones the reader looks for.
    in_events = {x for e in record.events for x in (e.actor, e.recipient, *e.actors_extra) if x}
    ordered = sorted(record.actors, key=lambda a: (a.id not in in_events, -len(a.mentions)))
    names = list(dict.fromkeys(a.name for a in ordered))
    more = f" +{len(names) - limit}" if len(names) > limit else ""
    return ", ".join(names[:limit]) + more if names else "-"


def _claims_cell(record: Record) -> str:
    if not record.claims:
        return "-"
    anon = sum(1 for c in record.claims if c.anonymous)
    denials = sum(1 for c in record.claims if c.stance == "deny")
    extra = [f"{anon} anon." if anon else "", f"{denials} denial{'s' if denials > 1 else ''}" if denials else ""]
    extra = [x for x in extra if x]
    return f"{len(record.claims)}" + (f" ({', '.join(extra)})" if extra else "")


def article_table(rows: list[Row], title: str = "Articles", width: int = 120) -> Table:
    """Per-article summary; on a narrow terminal the id and date columns are left out."""
    wide = width >= 120
    table = Table(title=title, title_justify="left", expand=False, pad_edge=False)
    if wide:
        table.add_column("id", style="dim", no_wrap=True, max_width=10, overflow="ellipsis")
        table.add_column("date", no_wrap=True)
    table.add_column("title", ratio=3, min_width=14)
    table.add_column("events by type", ratio=2, min_width=9)
    table.add_column("actors", ratio=2, min_width=9)
    table.add_column("claims", justify="right", no_wrap=True)
    table.add_column("status", no_wrap=True)
    style = {"new": "green", DUPLICATE: "cyan", "skipped": "yellow", "failed": "red"}
    for status, rec, detail, source in rows:
        status = "new" if status == INGESTED else status
        if status == FAILED:
            detail = f"{Path(source).name}: {short_error(detail)}"
        # Text() and escape(): a "[" in a title, a name or a message is text, not markup.
        status_cell = f"[{style.get(status, 'white')}]{status}[/]"
        lead = ["", ""] if wide else []
        if rec is None:
            table.add_row(*lead, Text(detail), "", "", "", status_cell)
            continue
        art = rec.article
        lead = [Text(art.id), art.published or ""] if wide else []
        table.add_row(*lead, Text(art.title or art.id), _events_by_type(rec), Text(_actor_names(rec, 3 if wide else 2)),
                      _claims_cell(rec) if wide else str(len(rec.claims)),
                      status_cell + (f" [dim]{escape(detail)}[/]" if detail else ""))
    return table


def _summary_line(report: IngestReport) -> str:
    parts = [f"[green]{report.ingested} ingested[/]", f"[cyan]{report.duplicates} duplicates[/]",
             f"[yellow]{report.skipped} skipped[/]", f"[red]{report.failed} failed[/]" if report.failed else "0 failed"]
    if report.read_problems:
        parts.append(f"[yellow]{report.read_problems} unreadable[/]")
    if report.left_out:
        parts.append(f"[yellow]{report.left_out} file{'s' if report.left_out != 1 else ''} of unknown type skipped[/]")
    if report.warnings:
        parts.append(f"[yellow]{report.warnings} repaired[/]")
    return " · ".join(parts)


def _totals_line(stats: dict) -> str:
    return (f"{stats['articles']} articles, {stats['events']} events, {stats['actors']} actors, "
            f"{stats['claims']} claims")


@app.command("ingest")
def ingest_cli(
    inputs: Optional[list[str]] = typer.Argument(None, help="Input files or folders: .txt, .jsonl, .html, .warc(.gz), RSS/Atom feeds, or - for stdin."),
    db: Optional[str] = DB_OPTION,
    sample: bool = typer.Option(False, "--sample", help="Also ingest the bundled illustrative sample corpus (and show the per-article summary)."),
    summary: bool = typer.Option(False, "--summary", help="Print a table per article: events by type, actors, claims."),
    as_json: bool = typer.Option(False, "--json", help="Print the closing summary as one JSON object on stdout."),
    replace: bool = typer.Option(False, "--replace", help="Re-extract articles already stored and replace them."),
    published: Optional[str] = typer.Option(None, "--published", help="Publication date YYYY-MM-DD for .txt input."),
    outlet: Optional[str] = typer.Option(None, "--outlet", help="Outlet name for .txt input."),
    url: Optional[str] = typer.Option(None, "--url", help="Source URL for .txt input."),
    model: Optional[str] = MODEL_OPTION,
    processes: Optional[int] = PROCESSES_OPTION,
    config: Optional[str] = CONFIG_OPTION,
) -> None:
    """Read articles, extract events, actors and claims, and store them (each article once).

    Example: newsgraph ingest corpus.jsonl --db newsgraph.db
    """
    cfg = config_from(config, model=model, processes=processes, db=db)
    paths = list(inputs or [])
    if sample:
        from newsgraph.read import sample_paths

        found = [str(p) for p in sample_paths()]
        if not found:
            ERR.print("[red]error:[/red] the bundled sample corpus is missing from this installation")
            raise typer.Exit(2)
        paths += found
    if not paths:
        ERR.print("[red]error:[/red] give input files (or --sample for the bundled sample corpus); see --help")
        raise typer.Exit(2)
    options = ReadOptions(published=published, outlet=outlet, url=url, max_bytes=cfg.max_bytes)
    show_table = sample or summary
    out = Console()
    with open_store_or_exit(cfg.db, cfg) as store:
        total = _estimate_total(paths)
        with progress_bar(ERR) as progress:
            task = progress.add_task("ingest", total=total)
            try:
                report = ingest(read_inputs(paths, options), store, cfg, replace=replace, keep_rows=show_table,
                                progress=lambda n: progress.advance(task, n), on_problem=_say_problem)
            except ModelNotInstalled as exc:
                raise fail(exc) from exc
        stats = store.stats()
    if as_json:
        typer.echo(json.dumps({**report.as_dict(), "store": {k: stats[k] for k in ("articles", "events", "actors", "claims", "failures")}}))
    else:
        if show_table and report.rows:
            out.print(article_table(report.rows, title=f"newsgraph ingest: {len(report.rows)} articles",
                                    width=out.width))
        out.print(_summary_line(report), highlight=False, soft_wrap=True)
        out.print(f"store [bold]{escape(cfg.db)}[/]: {_totals_line(stats)}", highlight=False, soft_wrap=True)
        if report.processed and show_table:
            out.print("next: [bold]newsgraph serve[/] (dashboard) · [bold]newsgraph events[/] · "
                      "[bold]newsgraph export -f gdelt[/]", highlight=False)
    if report.processed == 0:
        ERR.print(f"[red]error:[/red] nothing could be processed "
                  f"({failure_counts(report.read_problems, report.failed, 'extract or store')})", highlight=False)
        raise typer.Exit(1)
