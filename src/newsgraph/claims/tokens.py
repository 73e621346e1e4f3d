"""Character spans to spaCy tokens, without scanning the whole document each time."""
from __future__ import annotations

from newsgraph.record import Span


def tokens_in(doc, span: Span) -> list:
    """The tokens that start inside ``span`` (``[start, end)`` character offsets)."""
    start, end = span
    if end <= start:
        return []
    s = doc.char_span(start, end, alignment_mode="expand")
    if s is None:
        return []
    return [t for t in s if start <= t.idx < end]


def tokens_overlapping(doc, span: Span) -> list:
    """The tokens that overlap ``span`` at all."""
    start, end = span
    if end <= start:
        return []
    s = doc.char_span(start, end, alignment_mode="expand")
    return list(s) if s is not None else []
