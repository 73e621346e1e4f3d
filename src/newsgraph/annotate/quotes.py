"""Quotation spans in article text: curly and straight double quotes.

A quotation is the text between an opening and a closing mark, marks excluded. News
style lets a quotation run over several paragraphs, each reopened with an opening mark
and only the last one closed; an opening mark with no closing mark before the next
opening mark therefore ends at its paragraph's end.
"""
from __future__ import annotations

import logging
from bisect import bisect_left, bisect_right

from newsgraph.record import Span

LOGGER = logging.getLogger(__name__)

OPEN_CURLY, CLOSE_CURLY, STRAIGHT = "\u201c", "\u201d", '"'


def quotes_of(doc) -> list[Span]:
    """``find_quotes`` of a parsed article's text, computed once and kept on the ``Doc``: the
    actors and claims stages both read it."""
    cached = doc.user_data.get(_QUOTES_KEY)
    if cached is None:
        cached = doc.user_data[_QUOTES_KEY] = find_quotes(doc.text)
    return cached


_QUOTES_KEY = "newsgraph.quotes"


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
    for i in range(start, end):
        ch = text[i]
        if ch not in (OPEN_CURLY, CLOSE_CURLY, STRAIGHT):
            continue
        if _opens(text, i, open_at is not None):
            if open_at is not None:
                out.append((open_at, _rstrip(text, open_at, i)))  # unclosed: ends where the next one opens
            open_at = i + 1
        elif open_at is not None:
            out.append((open_at, i))
            open_at = None
    if open_at is not None:
        out.append((open_at, _rstrip(text, open_at, end)))
    return out


def _opens(text: str, i: int, inside: bool) -> bool:
    """Whether the mark at ``i`` opens a quotation. Curly marks say so by their shape,
    unless they sit where the other one belongs (texts mix straight and curly marks:
    "...,” he said); a straight mark opens after a space or bracket and before a word."""
    before = text[i - 1] if i > 0 else " "
    after = text[i + 1] if i + 1 < len(text) else " "
    looks_open = (before.isspace() or before in "([{\u2014\u2013-/") and not after.isspace()
    looks_close = not before.isspace() and (after.isspace() or after in ".,;:!?)]}\u2014\u2013-")
    ch = text[i]
    if ch == OPEN_CURLY:
        return not (inside and looks_close)
    if ch == CLOSE_CURLY:
        return not inside and looks_open and not looks_close
    if looks_open and not looks_close:
        return True
    if looks_close and not looks_open:
        return False
    return not inside


def _rstrip(text: str, start: int, end: int) -> int:
    while end > start and text[end - 1].isspace():
        end -= 1
    return end


def quote_at(quotes: list[Span], pos: int) -> Span | None:
    """The quotation that holds character ``pos``, or None. ``quotes`` are in text order
    and never overlap (as :func:`find_quotes` gives them), so a binary search finds it."""
    i = bisect_right(quotes, pos, key=_start) - 1
    if i >= 0 and pos < quotes[i][1]:
        return quotes[i]
    return None


def first_starting_at(quotes: list[Span], pos: int) -> int:
    """Index of the first quotation that starts at or after ``pos`` (``len(quotes)`` if none)."""
    return bisect_left(quotes, pos, key=_start)


def last_ending_by(quotes: list[Span], pos: int) -> int:
    """Index of the last quotation that ends at or before ``pos`` (-1 if none)."""
    return bisect_right(quotes, pos, key=_end) - 1


def _start(q: Span) -> int:
    return q[0]


def _end(q: Span) -> int:
    return q[1]
