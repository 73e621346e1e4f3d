"""``newsgraph settings``: list every setting, its value and where the value came from."""
from __future__ import annotations

import json
from typing import Optional

import typer
from rich.console import Console
from rich.table import Table

from newsgraph.cli.app import app
from newsgraph.cli.common import CONFIG_OPTION, config_from
from newsgraph.config import describe


@app.command("settings")
def settings_cli(
    config: Optional[str] = CONFIG_OPTION,
    as_json: bool = typer.Option(False, "--json", help="Print the settings as one JSON object."),
) -> None:
    """List the settings: value, source (default, config file, environment) and meaning."""
    rows = describe(config_from(config))
    if as_json:
        typer.echo(json.dumps({r["name"]: r["value"] for r in rows}))
        return
    table = Table("setting", "value", "from", "env", "meaning")
    for r in rows:
        table.add_row(r["name"], str(r["value"]), r["from"], r["env"], r["help"])
    Console().print(table)
