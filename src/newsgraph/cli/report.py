"""``newsgraph report``: a situation report (timeline and contested events) as one printable HTML file."""
from __future__ import annotations

import sys
from pathlib import Path
from typing import Optional

import typer

from newsgraph.cli.app import app
from newsgraph.cli.common import CONFIG_OPTION, DB_OPTION, ERR, config_from, open_store_or_exit, with_event_filter
from newsgraph.report import build_report, render_html
from newsgraph.report.build import DEFAULT_EVENTS, MAX_EVENTS
from newsgraph.store.query import EventFilter


@app.command("report")
@with_event_filter
def report_cli(
    flt: EventFilter,
    output: str = typer.Option(..., "--output", "-o", help="HTML file to write ('-': stdout)."),
    db: Optional[str] = DB_OPTION,
    limit: int = typer.Option(DEFAULT_EVENTS, "--limit", "-n", min=1, max=MAX_EVENTS, help="Events in the timeline (the newest)."),
    title: Optional[str] = typer.Option(None, "--title", help="The report's heading [default: from the filters]."),
    dashboard: str = typer.Option("http://127.0.0.1:8000", "--dashboard", help="Address of `newsgraph serve`, for the links to each article's page there."),
    config: Optional[str] = CONFIG_OPTION,
) -> None:
    """Write a situation report: the matching events day by day with their evidence, and each contested event
    (its claims disagree, or its reports tell it as happened and as denied) with who asserts and who denies
    side by side, through which sources, with links to the articles. One self-contained HTML file (no script),
    ready to print.

    Example: newsgraph report --involving UKR --since 2024-03-01 --output ukraine-march.html
    """
    cfg = config_from(config, db=db)
    with open_store_or_exit(cfg.db, must_exist=True) as store:
        report = build_report(store, flt, limit=limit, title=title)
    page = render_html(report, dashboard=dashboard)
    if output == "-":
        sys.stdout.write(page)
    else:
        try:
            Path(output).write_text(page, encoding="utf-8")
        except OSError as exc:
            ERR.print(f"[red]error:[/red] cannot write {output}: {exc.strerror or exc}", highlight=False)
            raise typer.Exit(2) from exc
    shown = f" (the newest {report.shown} in the timeline)" if report.shown < report.total else ""
    ERR.print(f"report of {report.total} events{shown}, {len(report.contested)} contested"
              + (f", written to {output}" if output != "-" else ""), highlight=False)
