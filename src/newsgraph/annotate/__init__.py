"""Annotate: parse the cleaned text with spaCy.

Entry point: :func:`annotate`. Later stages read the returned ``Doc``; the record keeps
only character offsets, so nothing of spaCy leaks into the output.
"""
from __future__ import annotations

from newsgraph.record import Record


def annotate(record: Record, nlp):
    """Parse ``record.article.text`` and return the spaCy ``Doc``."""
    return nlp(record.article.text)
