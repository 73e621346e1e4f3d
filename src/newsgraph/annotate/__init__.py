"""Annotate: parse the cleaned text with spaCy.

Entry point: :func:`annotate`. Later stages read the returned ``Doc``; the record keeps
only character offsets, so nothing of spaCy leaks into the output.
"""
from __future__ import annotations

from newsgraph.record import Record


def annotate(record: Record, nlp):
    """Parse ``record.article.text`` and return the spaCy ``Doc``."""
    return nlp(record.article.text)


def annotate_many(records: list[Record], nlp, batch_size: int = 32):
    """Parse many records' texts together (``nlp.pipe``); yields one ``Doc`` per record, in order."""
    return nlp.pipe((r.article.text for r in records), batch_size=batch_size)
