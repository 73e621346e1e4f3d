"""Downloads of the filtered events (``/api/events.csv``, ``/api/events.parquet``): the rows and columns
of ``newsgraph export --format csv|parquet`` with the same filters, streamed, so that a store of millions
of events never sits in memory."""
from __future__ import annotations

import re
import tempfile
from collections.abc import Iterator

from newsgraph.store.export import csv_text, event_rows, write_parquet
from newsgraph.store.query import EventFilter

PIECE = 1 << 16  # bytes handed to the server at a time
SPOOL = 32 << 20  # a Parquet file up to this size stays in memory; a larger one goes to a temporary file


def attachment(flt: EventFilter, suffix: str) -> dict[str, str]:
    """A Content-Disposition naming the file after its filters: newsgraph-events_type-ASSAULT.csv."""
    parts = [f"{k}-{v}" for k, v in sorted(vars(flt).items()) if v not in (None, "")]
    stem = re.sub(r"[^A-Za-z0-9.,-]+", "_", "_".join(["newsgraph-events", *parts]))[:150]
    return {"Content-Disposition": f'attachment; filename="{stem}.{suffix}"'}


def csv_pieces(store, flt: EventFilter) -> Iterator[bytes]:
    """The CSV file, a few hundred rows at a time, as the store yields them."""
    for piece in csv_text(event_rows(store, flt)):
        yield piece.encode("utf-8")


def parquet_pieces(store, flt: EventFilter) -> Iterator[bytes]:
    """The Parquet file (row groups written by pyarrow in batches) spooled, then handed on in pieces:
    Parquet's footer comes last, so the file is whole before its first byte is of use."""
    with tempfile.SpooledTemporaryFile(max_size=SPOOL) as spool:
        write_parquet(event_rows(store, flt), spool)
        spool.seek(0)
        while piece := spool.read(PIECE):
            yield piece
