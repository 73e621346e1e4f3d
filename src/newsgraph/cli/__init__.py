"""The ``newsgraph`` command: one module per command, each a thin wrapper over a plain function."""
from __future__ import annotations

from newsgraph.cli.app import app

# Each module adds its command to ``app`` on import; this order is the order of ``--help``.
from newsgraph.cli import (  # noqa: E402,F401  isort: skip
    extract, settings, ingest, stats, events, show, evaluate, bench, serve, export, report, watch, spark)

__all__ = ["app", "main"]


def main() -> None:
    app()
