"""Merge: one real-world event told several times in an article becomes one event."""
from __future__ import annotations

from newsgraph.record import Record


def merge_events(record: Record, doc) -> None:
    """Join events that describe the same real-world event, keeping every evidence span."""
    # First version: the events issue replaces this with the real merge.
    return None
