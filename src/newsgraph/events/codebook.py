"""The PLOVER category of each event: the codebook's reductions of type + auxiliary mode.

Entry point: :func:`apply_codebook` (the pipeline's last stage, after factuality and merging).
The rules are rows of ``data/codebook.tsv``; an event no row matches keeps its own type.
"""
from __future__ import annotations

from functools import lru_cache

from newsgraph.events.lexicon import data_rows
from newsgraph.record import Event, Record
from newsgraph.stage import stage

# Values that decide an event before any auxiliary mode: a denied visit is not an intention.
_DECISIVE = ("denied", "negated")


@lru_cache(maxsize=1)
def reductions() -> dict[tuple[str, str], str]:
    """(type, auxiliary mode) -> PLOVER category, from ``data/codebook.tsv``."""
    rules = {}
    for row in data_rows("codebook.tsv", required=3):
        rules[(row["type"], row["mode"])] = row["plover_type"]
    return rules


def plover_category(event: Event) -> str:
    """The single PLOVER category the codebook gives ``event``."""
    if event.factuality in _DECISIVE:
        return event.type
    rules = reductions()
    for mode in event.modality or [event.factuality]:
        category = rules.get((event.type, mode))
        if category:
            return category
    return event.type


@stage("codebook", reads=("events", "events.factuality", "events.modality"), writes=("events.plover_type",))
def apply_codebook(record: Record, doc=None) -> None:
    """Set ``plover_type`` on every event of ``record``."""
    for event in record.events:
        event.plover_type = plover_category(event)
