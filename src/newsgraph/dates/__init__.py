"""Dates: time expressions resolved against the publication date; event dates.

Entry point: :func:`place_in_time`.
"""
from __future__ import annotations

from newsgraph.record import Record


def place_in_time(record: Record, doc) -> None:
    """Fill this stage's part of ``record`` from the parsed ``doc``."""
    # First version: the owning issue replaces this with the real stage.
    return None
