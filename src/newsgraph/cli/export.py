"""``newsgraph export``: stored events as GDELT 2.0, PLOVER JSON, Parquet, CSV, or contract JSONL."""
from __future__ import annotations

import sys
from pathlib import Path
from typing import Optional

import typer

from newsgraph.cli.app import app
from newsgraph.cli.common import CONFIG_OPTION, DB_OPTION, ERR, config_from, open_store_or_exit, with_event_filter
from newsgraph.store.export import FORMATS, export
from newsgraph.store.query import EventFilter


@app.command("export")
@with_event_filter
def export_cli(
    flt: EventFilter,
    fmt: str = typer.Option(..., "--format", "-f", help="gdelt (GDELT 2.0 event table, tab-separated), plover (PLOVER JSON lines), parquet, csv, or jsonl (article records)."),
    output: Optional[str] = typer.Option(None, "--output", "-o", help="File to write [default: stdout; required for parquet]."),
    db: Optional[str] = DB_OPTION,
    header: bool = typer.Option(True, "--header/--no-header", help="gdelt: write the column names first (GDELT's own files have none)."),
    clusters: bool = typer.Option(False, "--clusters", help="One row per event cluster (a real-world event however many articles tell it), with its mention, article and source counts."),
    config: Optional[str] = CONFIG_OPTION,
) -> None:
    """Export stored events for other tools (one row or object per event; jsonl: one record per article).

    Example: newsgraph export --format gdelt --since 2023-09-01 --location-country UKR --output events.tsv
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
    cfg = config_from(config, db=db)
    with open_store_or_exit(cfg.db, must_exist=True) as store:
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
