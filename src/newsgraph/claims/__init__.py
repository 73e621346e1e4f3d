"""Claims: who says so (the claims ledger) and each event's factuality.

Entry point: :func:`attribute`.
"""
from __future__ import annotations

from newsgraph.record import Record


def attribute(record: Record, doc) -> None:
    """Fill this stage's part of ``record`` from the parsed ``doc``."""
    # First version: the owning issue replaces this with the real stage.
    return None
