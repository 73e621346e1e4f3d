"""Actors: who is who (people, organisations, countries, metonyms) with country, sector and code.

Entry point: :func:`find_actors`.
"""
from __future__ import annotations

from newsgraph.record import Record


def find_actors(record: Record, doc) -> None:
    """Fill this stage's part of ``record`` from the parsed ``doc``."""
    # First version: the owning issue replaces this with the real stage.
    return None
