"""``newsgraph show``: one stored article, its events, actors and claims."""
from __future__ import annotations

import json
from typing import Optional

import typer
from rich.console import Console
from rich.table import Table
from rich.text import Text

from newsgraph.cli.app import app
from newsgraph.cli.common import CONFIG_OPTION, DB_OPTION, ERR, config_from, open_store_or_exit
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


def _texts(*values) -> list[Text]:
    """Table cells as plain text: names and quotes from articles may hold "[", which is not markup."""
    return [Text("" if v is None else str(v)) for v in values]


@app.command("show")
def show_cli(
    article_id: str = typer.Argument(..., help="Article id (or a unique prefix of it), as `newsgraph events` shows."),
    db: Optional[str] = DB_OPTION,
    as_json: bool = typer.Option(False, "--json", help="Print the stored record (the contract's JSON)."),
    config: Optional[str] = CONFIG_OPTION,
) -> None:
    """Show one stored article: its events, actors and claims.

    Example: newsgraph show 8011115
    """
    cfg = config_from(config, db=db)
    with open_store_or_exit(cfg.db) as store:
        found = _find_article(store, article_id)
        record = store.record(found) if found else None
    if record is None:
        ERR.print(f"[red]error:[/red] no stored article with id {article_id!r} (or it is not a unique prefix)")
        raise typer.Exit(1)
    if as_json:
        typer.echo(json.dumps(record.to_dict(), ensure_ascii=False))
        return
    out = Console()
    art = record.article
    out.print(Text(art.title, style="bold"))
    out.print(Text(f"{art.id} · {art.published or 'undated'} · {art.outlet or ''} {art.url or ''}", style="dim"))
    names = {a.id: a.name for a in record.actors}
    if record.events:
        t = Table(title="events", title_justify="left")
        for col in ("id", "type", "actor", "recipient", "factuality", "date", "where", "evidence"):
            t.add_column(col, max_width=50 if col == "evidence" else 22)
        for e in record.events:
            ev = " ".join(art.text[s:x] for s, x in e.evidence)[:200]
            t.add_row(*_texts(e.id, e.type, names.get(e.actor, "-"), names.get(e.recipient, "-"), e.factuality,
                              e.date, (e.location or {}).get("name"), ev))
        out.print(t)
    if record.actors:
        t = Table(title="actors", title_justify="left")
        for col in ("id", "name", "type", "code", "mentions"):
            t.add_column(col)
        for a in record.actors:
            t.add_row(*_texts(a.id, a.name, a.type, a.code, len(a.mentions)))
        out.print(t)
    if record.claims:
        t = Table(title="claims", title_justify="left")
        for col in ("id", "speaker", "cue", "stance", "content"):
            t.add_column(col, max_width=60 if col == "content" else 28)
        for c in record.claims:
            speaker = names.get(c.speaker) or (art.text[c.speaker_span[0]:c.speaker_span[1]] if c.speaker_span else "?")
            t.add_row(*_texts(c.id, speaker + (" (anon.)" if c.anonymous else ""), art.text[c.cue[0]:c.cue[1]],
                              c.stance, art.text[c.content[0]:c.content[1]][:200]))
        out.print(t)
