"""``newsgraph stats``: what the store holds."""
from __future__ import annotations

import json
from typing import Optional

import typer
from rich.console import Console
from rich.table import Table

from newsgraph.cli.app import app
from newsgraph.cli.common import CONFIG_OPTION, DB_OPTION, config_from, open_store_or_exit


@app.command("stats")
def stats_cli(
    db: Optional[str] = DB_OPTION,
    as_json: bool = typer.Option(False, "--json", help="Print the counts as one JSON object."),
    config: Optional[str] = CONFIG_OPTION,
) -> None:
    """Count what the store holds: articles, events, actors, claims, failures, events by type.

    Example: newsgraph stats --json
    """
    cfg = config_from(config, db=db)
    with open_store_or_exit(cfg.db, must_exist=True) as store:
        stats = store.stats()
    if as_json:
        typer.echo(json.dumps(stats))
        return
    out = Console()
    counts = Table(title=f"store {cfg.db} ({stats['backend']}, schema v{stats['schema_version']})", title_justify="left")
    counts.add_column("what")
    counts.add_column("count", justify="right")
    for key in ("articles", "events", "actors", "claims", "timexes", "places", "failures"):
        counts.add_row(key, f"{stats[key]:,}")
    if stats["first_day"]:
        counts.add_row("event days", f"{stats['first_day']} … {stats['last_day']}")
    out.print(counts)
    if stats["events_by_type"]:
        by_type = Table(title="events by type", title_justify="left")
        by_type.add_column("type")
        by_type.add_column("events", justify="right")
        for t, n in stats["events_by_type"].items():
            by_type.add_row(t, f"{n:,}")
        out.print(by_type)
