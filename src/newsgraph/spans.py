"""Look-ups over many character spans in logarithmic time.

Stages ask, for each of their items, whether it overlaps or lies inside any of a list of
spans (the actors' mentions, the claims' contents, the quotations). Scanning the list
each time makes a stage quadratic in the article's length; a long article (hundreds of
thousands of characters) then takes minutes. :class:`SpanIndex` answers the same
questions from the spans sorted by start with a running maximum of their ends.
"""
from __future__ import annotations

import math
from bisect import bisect_left, bisect_right
from collections.abc import Iterable

Span = tuple[int, int]  # character offsets, end exclusive (the record's spans)


def span_text(body: str, spans, sep: str = " ") -> str | None:
    """The text of ``spans`` (``[[start, end], ...]``) joined by ``sep``, without the newlines
    and spaces around each piece (an evidence sentence often ends at a paragraph break); None
    when there is none. Spans outside ``body`` are left out."""
    pieces = (body[s:t].strip() for s, t in spans or [] if 0 <= s <= t <= len(body))
    return sep.join(p for p in pieces if p) or None


class SpanIndex:
    """A fixed list of half-open ``(start, end)`` spans.

    The yes/no questions (:meth:`overlaps`, :meth:`covers`, :meth:`contains`) take
    logarithmic time; empty spans hold nothing there. :meth:`holding` and
    :meth:`overlapping` list the spans' positions in the input list, looking only at spans
    that start within the longest span's length of the question.
    """

    def __init__(self, spans: Iterable[Span]):
        spans = [tuple(sp) for sp in spans]
        ordered = sorted((s, e) for s, e in spans if e > s)
        self.starts = [s for s, _ in ordered]
        self.reach: list[int] = []  # the furthest end among the spans up to each position
        furthest = -1
        for _, e in ordered:
            furthest = max(furthest, e)
            self.reach.append(furthest)
        self.table = sorted((s, e, i) for i, (s, e) in enumerate(spans))
        self.table_starts = [s for s, _, _ in self.table]
        self.longest = max((e - s for s, e, _ in self.table), default=0)

    def _furthest(self, count: int) -> float:
        """The furthest end among the first ``count`` spans (by start)."""
        return self.reach[count - 1] if count > 0 else -math.inf

    def overlaps(self, start: int, end: int) -> bool:
        """Does any span share a character with ``[start, end)``?"""
        return self._furthest(bisect_left(self.starts, end)) > start

    def covers(self, pos: int) -> bool:
        """Does any span hold the character at ``pos``?"""
        return self._furthest(bisect_right(self.starts, pos)) > pos

    def contains(self, start: int, end: int, strictly_after: bool = False) -> bool:
        """Does any span hold all of ``[start, end)``? With ``strictly_after``, only spans
        that start before ``start`` count (a span is then never its own container)."""
        count = bisect_left(self.starts, start) if strictly_after else bisect_right(self.starts, start)
        return self._furthest(count) >= end

    def holding(self, start: int, end: int) -> list[int]:
        """Positions of the spans ``(s, e)`` with ``s <= start`` and ``end <= e``, in input order."""
        out = []
        i = bisect_right(self.table_starts, start) - 1
        while i >= 0 and self.table[i][0] >= end - self.longest:
            if self.table[i][1] >= end:
                out.append(self.table[i][2])
            i -= 1
        return sorted(out)

    def overlapping(self, start: int, end: int) -> list[int]:
        """Positions of the spans ``(s, e)`` with ``s < end`` and ``start < e``, in input order."""
        out = []
        i = bisect_left(self.table_starts, end) - 1
        while i >= 0 and self.table[i][0] > start - self.longest:
            if self.table[i][1] > start:
                out.append(self.table[i][2])
            i -= 1
        return sorted(out)
