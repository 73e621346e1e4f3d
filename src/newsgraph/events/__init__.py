"""Events: PLOVER/CAMEO event coding with actor, recipient, trigger and evidence.

Entry point: :func:`code_events`.
"""
from __future__ import annotations

from newsgraph.record import Record


def code_events(record: Record, doc) -> None:
    """Fill this stage's part of ``record`` from the parsed ``doc``."""
    # First version: the owning issue replaces this with the real stage.
    return None
