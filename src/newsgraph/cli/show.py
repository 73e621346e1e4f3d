"""``newsgraph show``: one stored article, its events, actors and claims."""
from __future__ import annotations

import json
from typing import Optional

import typer
from rich.console import Console
from rich.table import Table

from newsgraph.cli.app import app
from newsgraph.cli.common import CONFIG_OPTION, DB_OPTION, ERR, config_from, open_store_or_exit
from newsgraph.cli.tables import cells, claims_table, events_table, heading
from newsgraph.store import Store


def _find_article(store: Store, article_id: str) -> str | None:
    """The stored id equal to ``article_id``, or the one stored id starting with it."""
    from sqlalchemy import select

    from newsgraph.store import schema as S

    a = S.articles.c
    with store.connect() as conn:
        if conn.execute(select(a.id).where(a.id == article_id)).scalar() is not None:
            return article_id
        found = list(conn.execute(select(a.id).where(a.id.startswith(article_id, autoescape=True)).limit(2)).scalars())
    return found[0] if len(found) == 1 else None


@app.command("show")
def show_cli(
    article_id: str = typer.Argument(..., help="Article id, or a unique prefix of it: the id column of `newsgraph events` (article_id in its --json)."),
    db: Optional[str] = DB_OPTION,
    as_json: bool = typer.Option(False, "--json", help="Print the stored record (the contract's JSON)."),
    config: Optional[str] = CONFIG_OPTION,
) -> None:
    """Show one stored article: its events, actors and claims.

    Take the id from `newsgraph events` (its id column), e.g. `newsgraph events --type ASSAULT`,
    then `newsgraph show ID`.

    Example: newsgraph show 8011115
    """
    cfg = config_from(config, db=db)
    with open_store_or_exit(cfg.db, must_exist=True) as store:
        found = _find_article(store, article_id)
        record = store.record(found) if found else None
    if record is None:
        ERR.print(f"[red]error:[/red] no stored article with id {article_id!r} (or it is not a unique prefix)")
        raise typer.Exit(1)
    if as_json:
        typer.echo(json.dumps(record.to_dict(), ensure_ascii=False))
        return
    out = Console()
    heading(out, record)
    if record.events:
        out.print(events_table(record, ids=True, where=True))
    if record.actors:
        t = Table(title="actors", title_justify="left")
        for col in ("id", "name", "type", "code", "mentions"):
            t.add_column(col)
        for a in record.actors:
            t.add_row(*cells(a.id, a.name, a.type, a.code, len(a.mentions)))
        out.print(t)
    if record.claims:
        out.print(claims_table(record, ids=True))
