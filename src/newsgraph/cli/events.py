"""``newsgraph events``: stored events, newest first, with the event filters the API has."""
from __future__ import annotations

import json
from typing import Optional

import typer
from rich import box
from rich.console import Console
from rich.table import Table

from newsgraph.cli.app import app
from newsgraph.cli.common import CONFIG_OPTION, DB_OPTION, config_from, open_store_or_exit, with_event_filter
from newsgraph.cli.tables import cells
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
    with open_store_or_exit(cfg.db, must_exist=True) as store, store.connect() as conn:
        rows = Q.events(conn, flt, limit=limit, offset=offset)
        total = Q.count_events(conn, flt)
    if as_json:
        for r in rows:
            typer.echo(json.dumps(r, ensure_ascii=False, default=str))
        return
    out = Console()
    out.print(listing(rows, total, offset, out.width))


ID_CHARS = 14  # ids up to this long are shown whole; longer ones as their first 12 characters
ORDER = ("id", "day", "type", "actor", "recipient", "factuality", "where", "article")
# Each column's least width (a fixed one: its width) and share of the room left, in the order
# columns are given room: the id first, as `show` needs it; the title and the place last.
COLUMNS = {"id": (0, 0), "type": (9, 0), "actor": (12, 2), "recipient": (12, 2), "day": (10, 0),
           "factuality": (12, 0), "article": (16, 3), "where": (8, 1)}
GAP = 3  # between two columns: a space of padding on each side and the (blank) rule


def short_id(article_id: str) -> str:
    """An article id as the table shows it: whole, or a prefix that `newsgraph show` accepts."""
    return article_id if len(article_id) <= ID_CHARS else article_id[:12]


def column_widths(id_width: int, width: int) -> dict[str, int]:
    """The columns that fit in ``width``, most needed first, and their widths: the fixed ones
    as set, the others sharing what is left."""
    least = {**{k: w for k, (w, _) in COLUMNS.items()}, "id": id_width}
    chosen: dict[str, int] = {}
    used = -GAP
    for col, w in least.items():
        if chosen and used + GAP + w > width:  # the id always; after it, up to the first that does not fit
            break
        chosen[col] = w
        used += GAP + w
    shares = {k: COLUMNS[k][1] for k in chosen if COLUMNS[k][1]}
    spare = max(0, width - used)
    for col, share in shares.items():
        chosen[col] += spare * share // sum(shares.values())
    return chosen


def listing(rows: list[dict], total: int, offset: int, width: int) -> Table:
    """The events table for a terminal ``width`` columns wide: one line per event, the article id
    always shown in full (or as a prefix `show` accepts); the article's title and the place where
    there is room for them."""
    ids = [short_id(r["article_id"]) for r in rows]
    widths = column_widths(max([2, *map(len, ids)]), width)
    title = f"{total} events" + (f" (showing {offset + 1}-{offset + len(rows)})" if total > len(rows) else "")
    table = Table(title=title, title_justify="left", box=box.SIMPLE_HEAD, show_edge=False, pad_edge=False,
                  caption="an article's events, actors and claims: newsgraph show ID" if rows else None,
                  caption_justify="left")
    for col in (c for c in ORDER if c in widths):
        table.add_column(col, no_wrap=True, overflow="ellipsis", width=widths[col], style="cyan" if col == "id" else None)
    for article_id, r in zip(ids, rows):
        values = {"id": article_id, "day": r["day"], "type": r["type"], "factuality": r["factuality"],
                  "actor": r["actor_name"] or r["actor_code"] or "-",
                  "recipient": r["recipient_name"] or r["recipient_code"] or "-",
                  "where": r["location_name"] or r["location_country"], "article": r["article_title"]}
        # Stored names and titles come from the articles: Text, so that a "[" in them is text.
        table.add_row(*cells(*(values[c.header] for c in table.columns)))
    return table
