"""Quotation spans in article text: curly and straight double quotes.

A quotation is the text between an opening and a closing mark, marks excluded. News
style lets a quotation run over several paragraphs, each reopened with an opening mark
and only the last one closed; an opening mark with no closing mark before the next
opening mark therefore ends at its paragraph's end.
"""
from __future__ import annotations

import logging

from newsgraph.record import Span

LOGGER = logging.getLogger(__name__)

OPEN_CURLY, CLOSE_CURLY, STRAIGHT = "\u201c", "\u201d", '"'


def find_quotes(text: str) -> list[Span]:
    """The quotations in ``text`` as ``(start, end)`` of the quoted words, in text order."""
    spans: list[Span] = []
    pos = 0
    for para_end in _paragraph_ends(text):
        spans.extend(_quotes_in(text, pos, para_end))
        pos = para_end
    return [s for s in spans if text[s[0]:s[1]].strip()]


def _paragraph_ends(text: str) -> list[int]:
    ends, i = [], 0
    while True:
        j = text.find("\n", i)
        if j < 0:
            ends.append(len(text))
            return ends
        ends.append(j)
        i = j + 1


def _quotes_in(text: str, start: int, end: int) -> list[Span]:
    out: list[Span] = []
    open_at: int | None = None   # position after an opening mark
    kind = ""
    for i in range(start, end):
        ch = text[i]
        if ch == OPEN_CURLY:
            if open_at is not None and kind == OPEN_CURLY:
                out.append((open_at, i))  # unclosed: ends where the next one opens
            if open_at is None or kind == OPEN_CURLY:
                open_at, kind = i + 1, OPEN_CURLY
        elif ch == CLOSE_CURLY:
            if open_at is not None and kind == OPEN_CURLY:
                out.append((open_at, i))
                open_at = None
        elif ch == STRAIGHT:
            if open_at is None:
                open_at, kind = i + 1, STRAIGHT
            elif kind == STRAIGHT:
                out.append((open_at, i))
                open_at = None
    if open_at is not None:
        out.append((open_at, _rstrip(text, open_at, end)))
    return out


def _rstrip(text: str, start: int, end: int) -> int:
    while end > start and text[end - 1].isspace():
        end -= 1
    return end


def quote_at(quotes: list[Span], pos: int) -> Span | None:
    """The quotation that holds character ``pos``, or None."""
    for q in quotes:
        if q[0] <= pos < q[1]:
            return q
    return None
