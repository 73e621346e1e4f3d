"""``newsgraph extract``: print article records; stores nothing."""
from __future__ import annotations

import json
import sys
from collections.abc import Iterator
from typing import Optional

import typer
from rich.console import Console
from rich.text import Text

from newsgraph.cli.app import app
from newsgraph.cli.common import (CONFIG_OPTION, ERR, MODEL_OPTION, PROCESSES_OPTION, config_from, fail, failure_counts,
                                  is_terminal, say, say_read_problem, short_error)
from newsgraph.cli.tables import claims_table, events_table, heading
from newsgraph.config import Config
from newsgraph.nlp import ModelNotInstalled
from newsgraph.pipeline import Outcome, extract_many
from newsgraph.read import ReadOptions, ReadProblem, read_inputs
from newsgraph.record import Article, Record


def articles_and_problems(inputs: list[str], options: ReadOptions, problems: list[ReadProblem]) -> Iterator[Article]:
    """Articles from ``inputs``; read problems (warnings and skipped files too) are printed, one
    line each, and appended to ``problems`` as they are met."""
    for item in read_inputs(inputs, options):
        if isinstance(item, ReadProblem):
            problems.append(item)
            say_read_problem(item)
        else:
            yield item


def run_extraction(inputs: list[str], options: ReadOptions, config: Config, problems: list[ReadProblem]) -> Iterator[Outcome]:
    """Read and extract, reporting a missing model as a clean exit."""
    try:
        yield from extract_many(articles_and_problems(inputs, options, problems), config)
    except ModelNotInstalled as exc:
        raise fail(exc) from exc


def print_record(out: Console, record: Record) -> None:
    """One article on a terminal: its headline and id, then who did what to whom and who says so."""
    heading(out, record)
    if record.article.skipped:
        out.print(Text(f"skipped: {record.article.skipped}", style="yellow"))
    elif record.events:
        out.print(events_table(record))
    else:
        out.print("no events", style="dim")
    if record.claims:
        out.print(claims_table(record))
    out.print()


@app.command("extract")
def extract_cli(
    inputs: list[str] = typer.Argument(..., help="Input files: .txt, .jsonl, .html, .warc(.gz), RSS/Atom feeds, or - for stdin."),
    fmt: str = typer.Option("auto", "--format", "-f", help="jsonl (one contract record per line), table (per article: its events and claims), or auto (table on a terminal, jsonl otherwise)."),
    published: Optional[str] = typer.Option(None, "--published", help="Publication date YYYY-MM-DD for .txt input."),
    outlet: Optional[str] = typer.Option(None, "--outlet", help="Outlet name for .txt input."),
    url: Optional[str] = typer.Option(None, "--url", help="Source URL for .txt input."),
    pages: Optional[list[str]] = typer.Option(None, "--pages", help="Folder of saved pages or WARC file holding the pages of feed items (repeatable); their main text becomes the item body."),
    model: Optional[str] = MODEL_OPTION,
    processes: Optional[int] = PROCESSES_OPTION,
    config: Optional[str] = CONFIG_OPTION,
) -> None:
    """Extract events, actors, claims, dates and places from articles and print them.

    Example: newsgraph extract article.txt --published 2023-09-12 --format jsonl
    """
    if fmt not in ("auto", "jsonl", "table"):
        ERR.print(f"[red]error:[/red] --format must be jsonl, table or auto, not {fmt!r}")
        raise typer.Exit(2)
    cfg = config_from(config, model=model, processes=processes)
    options = ReadOptions(published=published, outlet=outlet, url=url, max_bytes=cfg.max_bytes, pages=list(pages or []))
    as_table = fmt == "table" or (fmt == "auto" and is_terminal())
    problems: list[ReadProblem] = []
    done, failed = 0, 0
    out = Console()
    for outcome in run_extraction(inputs, options, cfg, problems):
        if outcome.error:
            failed += 1
            say("failed", outcome.source, short_error(outcome.error))
        elif outcome.skipped:
            say("skipped", outcome.source, outcome.skipped)
        if outcome.record is None or outcome.error:
            continue
        done += 1  # extracted, or read and skipped for a reason (not English): processed either way
        if as_table:
            print_record(out, outcome.record)
        else:
            sys.stdout.write(json.dumps(outcome.record.to_dict(), ensure_ascii=False) + "\n")
    # The closing count: every input that gave nothing, whether reading or extraction failed.
    unreadable = sum(1 for p in problems if p.fatal)
    left_out = sum(1 for p in problems if p.severity == "skipped")
    if done == 0:  # non-zero only when nothing at all could be processed
        ERR.print(f"[red]error:[/red] nothing could be processed ({failure_counts(unreadable, failed)})",
                  highlight=False)
        raise typer.Exit(1)
    parts = [failure_counts(unreadable, failed)] if unreadable or failed else []
    if left_out:
        parts.append(f"{left_out} file{'s' if left_out != 1 else ''} of unknown type skipped")
    if parts:
        ERR.print(f"{done} article{'s' if done != 1 else ''} processed; " + "; ".join(parts), highlight=False)
