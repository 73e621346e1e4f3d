"""Text helpers for scoring: locating gold fragments in a record's text, and tokens.

Gold files give text fragments, not offsets. A fragment is located in the cleaned
``article.text`` insensitively to typographic quotes (’ ‘ ′ vs ', “ ” ″ vs "), dashes
(– — vs -) and runs of whitespace: both sides are normalised and a map from
normalised offsets back to original offsets turns a hit into an original span.
When no case-sensitive hit exists, a case-insensitive one is accepted.

Tokens are lowercased runs of word characters (``\\w+``); *content tokens* are
tokens minus the short stopword list in ``data/stopwords.txt``.
"""
from __future__ import annotations

import re
from functools import lru_cache
from importlib import resources

Span = tuple[int, int]

# One character in, one character out, so that offsets map one to one except for whitespace runs.
_CHAR_MAP = str.maketrans({
    "\u2019": "'", "\u2018": "'", "\u201b": "'", "\u2032": "'", "`": "'", "\u00b4": "'",
    "\u201c": '"', "\u201d": '"', "\u201e": '"', "\u2033": '"', "\u00ab": '"', "\u00bb": '"',
    "\u2013": "-", "\u2014": "-", "\u2012": "-", "\u2010": "-", "\u2011": "-", "\u00a0": " ",
})
_TOKEN = re.compile(r"\w+")


def normalise(text: str) -> str:
    """Quotes and dashes folded to ASCII, whitespace runs collapsed to one space, ends stripped."""
    return " ".join(text.translate(_CHAR_MAP).split())


class TextIndex:
    """A normalised copy of a text with a map back to the original offsets."""

    def __init__(self, text: str) -> None:
        self.text = text
        folded = text.translate(_CHAR_MAP)
        chars: list[str] = []
        offsets: list[int] = []
        in_space = True  # drops leading whitespace
        for i, ch in enumerate(folded):
            if ch.isspace():
                if not in_space:
                    chars.append(" ")
                    offsets.append(i)
                in_space = True
                continue
            in_space = False
            chars.append(ch)
            offsets.append(i)
        self.norm = "".join(chars)
        self.lower = self.norm.lower()
        self.offsets = offsets
        self._cache: dict[str, list[Span]] = {}

    def find_all(self, fragment: str) -> list[Span]:
        """Every original span where ``fragment`` occurs (case-sensitive hits first, else case-insensitive)."""
        if fragment in self._cache:
            return self._cache[fragment]
        needle = normalise(fragment)
        spans: list[Span] = []
        if needle:
            spans = self._scan(self.norm, needle) or self._scan(self.lower, needle.lower())
            if not spans:  # a trailing full stop or quote in the gold that the text lacks
                trimmed = needle.strip(" .,;:'\"")
                if trimmed and trimmed != needle:
                    spans = self._scan(self.norm, trimmed) or self._scan(self.lower, trimmed.lower())
        self._cache[fragment] = spans
        return spans

    def find(self, fragment: str) -> Span | None:
        """The first original span of ``fragment``, or None."""
        spans = self.find_all(fragment)
        return spans[0] if spans else None

    def _scan(self, haystack: str, needle: str) -> list[Span]:
        spans, start = [], haystack.find(needle)
        while start != -1:
            end = start + len(needle)
            spans.append((self.offsets[start], self.offsets[end - 1] + 1))
            start = haystack.find(needle, start + 1)
        return spans


@lru_cache(maxsize=1)
def stopwords() -> frozenset[str]:
    raw = resources.files("newsgraph.evaluate").joinpath("data/stopwords.txt").read_text(encoding="utf-8")
    return frozenset(w.strip() for w in raw.splitlines() if w.strip() and not w.startswith("#"))


def tokens(text: str) -> list[str]:
    """Lowercased word-character runs."""
    return [t.lower() for t in _TOKEN.findall(text)]


def token_spans(text: str, span: Span) -> list[Span]:
    """The spans of the tokens inside ``text[span[0]:span[1]]``, as offsets into ``text``."""
    start = span[0]
    return [(m.start() + start, m.end() + start) for m in _TOKEN.finditer(text[span[0]:span[1]])]


def content_tokens(text: str) -> set[str]:
    """Tokens of ``text`` that are not stopwords."""
    stop = stopwords()
    return {t for t in tokens(text) if t not in stop}


def overlaps(a: Span, b: Span) -> bool:
    return a[0] < b[1] and b[0] < a[1]
