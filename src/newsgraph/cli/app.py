"""The ``newsgraph`` Typer application and its global options; each command module adds itself to ``app``."""
from __future__ import annotations

import logging

import typer

from newsgraph import __version__

app = typer.Typer(
    name="newsgraph",
    help=(
        "Turn news into political event data: who did what to whom, when and where, "
        "and who says so.\n\n"
        "Typical use: `newsgraph extract article.txt` to look at one article, "
        "`newsgraph ingest corpus.jsonl` to store a corpus, `newsgraph serve` to browse it."
    ),
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,  # help texts show [env ...] literally
)


def _version(value: bool) -> None:
    if value:
        typer.echo(f"newsgraph {__version__}")
        raise typer.Exit()


@app.callback()
def _root(
    version: bool = typer.Option(False, "--version", callback=_version, is_eager=True, help="Print the version and exit."),
    verbose: bool = typer.Option(False, "--verbose", "-v", help="Log debugging detail to stderr."),
) -> None:
    logging.basicConfig(level=logging.DEBUG if verbose else logging.WARNING, format="%(levelname)s %(name)s: %(message)s")
