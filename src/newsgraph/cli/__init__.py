"""The ``newsgraph`` command: one module per command, each a thin wrapper over a plain function."""
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


# Each module adds its command(s) to ``app`` on import.
from newsgraph.cli import extract, settings  # noqa: E402,F401

for _optional in ("ingest", "evaluate", "bench", "serve", "export", "watch", "spark"):
    try:
        __import__(f"newsgraph.cli.{_optional}")
    except ModuleNotFoundError as exc:  # a command whose module is not written yet
        if exc.name != f"newsgraph.cli.{_optional}":
            raise


def main() -> None:
    app()
