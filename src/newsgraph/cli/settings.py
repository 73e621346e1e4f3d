"""``newsgraph settings``: list every setting, its value and where the value came from."""
from __future__ import annotations

import json
import re
from typing import Any, Optional

import typer
from rich.console import Console
from rich.table import Table
from rich.text import Text

from newsgraph.cli.app import app
from newsgraph.cli.common import CONFIG_OPTION, config_from
from newsgraph.config import describe

MASK = "****"
SECRETS = ("api_token",)  # shown as set or unset, never in clear: terminals are shared and logged
_PASSWORD = re.compile(r"^([a-z][a-z0-9+.-]*://[^:/@]*):[^@]*@")  # scheme://user:PASSWORD@host


def shown(name: str, value: Any) -> Any:
    """A setting's value as it may be printed: secrets masked, a password in a store URL too."""
    if name in SECRETS and value not in (None, ""):
        return MASK
    if isinstance(value, str):
        return _PASSWORD.sub(rf"\1:{MASK}@", value)
    return value


@app.command("settings")
def settings_cli(
    config: Optional[str] = CONFIG_OPTION,
    as_json: bool = typer.Option(False, "--json", help="Print the settings as one JSON object."),
) -> None:
    """List the settings: value, source (default, config file, environment) and meaning.

    Secrets (api_token, a password in a postgresql:// URL) are shown as **** when set.

    Example: NEWSGRAPH_PROCESSES=2 newsgraph settings --json
    """
    rows = describe(config_from(config))
    if as_json:
        typer.echo(json.dumps({r["name"]: shown(r["name"], r["value"]) for r in rows}))
        return
    table = Table("setting", "value", "from", "env", "meaning")
    for r in rows:
        table.add_row(r["name"], Text(str(shown(r["name"], r["value"]))), r["from"], r["env"], r["help"])
    Console().print(table)
