"""``newsgraph events``: stored events, newest first, with the event filters the API has."""
from __future__ import annotations

import json
from typing import Optional

import typer
from rich.console import Console
from rich.markup import escape
from rich.table import Table

from newsgraph.cli.app import app
from newsgraph.cli.common import CONFIG_OPTION, DB_OPTION, config_from, open_store_or_exit, with_event_filter
from newsgraph.store import query as Q
from newsgraph.store.query import EventFilter


@app.command("events")
@with_event_filter
def events_cli(
    flt: EventFilter,
    db: Optional[str] = DB_OPTION,
    limit: int = typer.Option(30, "--limit", "-n", min=1, max=1000, help="Events to show."),
    offset: int = typer.Option(0, "--offset", min=0, help="Skip this many (paging)."),
    as_json: bool = typer.Option(False, "--json", help="One JSON object per event."),
    config: Optional[str] = CONFIG_OPTION,
) -> None:
    """List stored events, newest first, with filters.

    Example: newsgraph events --type CONSULT --since 2024-01-01 --involving RUS
    """
    cfg = config_from(config, db=db)
    with open_store_or_exit(cfg.db) as store, store.connect() as conn:
        rows = Q.events(conn, flt, limit=limit, offset=offset)
        total = Q.count_events(conn, flt)
    if as_json:
        for r in rows:
            typer.echo(json.dumps(r, ensure_ascii=False, default=str))
        return
    table = Table(title=f"{total} events" + (f" (showing {offset + 1}-{offset + len(rows)})" if total > len(rows) else ""),
                  title_justify="left")
    # One line per event: the fixed columns keep their width, the rest share what the terminal
    # has left (2:2:1:3) and long names are cut with an ellipsis rather than wrapped.
    out = Console()
    fixed = {"day": 10, "type": 9, "factuality": 12}
    flex = {"actor": 2, "recipient": 2, "where": 1, "article": 3}
    room = max(len(flex) * 6, out.width - sum(fixed.values()) - 3 * (len(fixed) + len(flex)) - 1)
    for col in ("day", "type", "actor", "recipient", "factuality", "where", "article"):
        width = fixed.get(col) or max(6, room * flex[col] // sum(flex.values()))
        table.add_column(col, no_wrap=True, overflow="ellipsis", width=width)
    for r in rows:
        # Stored names and titles come from the articles: escaped, so that a "[" in them is text.
        table.add_row(r["day"] or "", r["type"], escape(r["actor_name"] or r["actor_code"] or "-"),
                      escape(r["recipient_name"] or r["recipient_code"] or "-"), r["factuality"],
                      escape(r["location_name"] or r["location_country"] or ""),
                      f"{escape(r['article_title'] or '')} [dim]({escape(r['article_id'])})[/]")
    out.print(table)
