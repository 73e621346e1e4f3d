"""``newsgraph export``: stored events as GDELT 2.0, PLOVER JSON, Parquet, CSV, or contract JSONL."""
from __future__ import annotations

import sys
from datetime import date
from pathlib import Path
from typing import Optional

import typer

from newsgraph.cli import app
from newsgraph.cli.common import (
    ACTOR_OPTION,
    CONFIG_OPTION,
    COUNTRY_OPTION,
    DB_OPTION,
    ERR,
    FACTUALITY_OPTION,
    SINCE_OPTION,
    TYPE_OPTION,
    UNTIL_OPTION,
    config_from,
)
from newsgraph.cli.ingest import open_store_or_exit
from newsgraph.store.export import FORMATS, export
from newsgraph.store.query import EventFilter


def _is_day(value: str) -> bool:
    try:
        return len(value) == 10 and date.fromisoformat(value).isoformat() == value
    except ValueError:
        return False


@app.command("export")
def export_cli(
    fmt: str = typer.Option(..., "--format", "-f", help="gdelt (GDELT 2.0 event table, tab-separated), plover (PLOVER JSON lines), parquet, csv, or jsonl (article records)."),
    output: Optional[str] = typer.Option(None, "--output", "-o", help="File to write [default: stdout; required for parquet]."),
    db: Optional[str] = DB_OPTION,
    since: Optional[str] = SINCE_OPTION,
    until: Optional[str] = UNTIL_OPTION,
    event_type: Optional[str] = TYPE_OPTION,
    actor: Optional[str] = ACTOR_OPTION,
    country: Optional[str] = COUNTRY_OPTION,
    actor_country: Optional[str] = typer.Option(None, "--actor-country", help="Actor's country (ISO alpha-3)."),
    factuality: Optional[str] = FACTUALITY_OPTION,
    header: bool = typer.Option(True, "--header/--no-header", help="gdelt: write the column names first (GDELT's own files have none)."),
    clusters: bool = typer.Option(False, "--clusters", help="One row per event cluster (a real-world event however many articles tell it), with its mention, article and source counts."),
    config: Optional[str] = CONFIG_OPTION,
) -> None:
    """Export stored events for other tools (one row or object per event; jsonl: one record per article).

    Example: newsgraph export --format gdelt --since 2023-09-01 --output events.tsv
    """
    fmt = fmt.lower()
    if fmt not in FORMATS:
        ERR.print(f"[red]error:[/red] --format must be one of {', '.join(FORMATS)}, not {fmt!r}")
        raise typer.Exit(2)
    if clusters and fmt == "jsonl":
        ERR.print("[red]error:[/red] --clusters applies to gdelt, plover, parquet and csv; jsonl exports whole articles")
        raise typer.Exit(2)
    if fmt == "parquet" and (output is None or output == "-"):
        ERR.print("[red]error:[/red] parquet is binary: give --output FILE.parquet")
        raise typer.Exit(2)
    for name, value in (("--since", since), ("--until", until)):
        if value and not _is_day(value):
            ERR.print(f"[red]error:[/red] {name} must be a day YYYY-MM-DD, not {value!r}")
            raise typer.Exit(2)
    cfg = config_from(config, db=db)
    flt = EventFilter(since=since, until=until, type=event_type, actor=actor, country=country,
                      actor_country=actor_country, factuality=factuality)
    with open_store_or_exit(cfg.db) as store:
        if output and output != "-":
            path = Path(output)
            tmp = path.with_name(path.name + ".part")
            try:
                with tmp.open("wb") as fh:
                    n = export(store, fmt, fh, flt, header=header, as_array=path.suffix == ".json", clusters=clusters)
                tmp.replace(path)
            except OSError as exc:
                tmp.unlink(missing_ok=True)
                ERR.print(f"[red]error:[/red] cannot write {output}: {exc.strerror or exc}")
                raise typer.Exit(2) from exc
        else:
            n = export(store, fmt, sys.stdout.buffer, flt, header=header, clusters=clusters)
            sys.stdout.flush()
    what = "articles" if fmt == "jsonl" else ("event clusters" if clusters else "events")
    ERR.print(f"exported {n} {what} as {fmt}" + (f" to {output}" if output and output != "-" else ""), highlight=False)
