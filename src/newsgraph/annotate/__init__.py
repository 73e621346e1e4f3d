"""Annotate: parse the cleaned text with spaCy.

Entry point: :func:`annotate`. Later stages read the returned ``Doc``; the record keeps
only character offsets, so nothing of spaCy leaks into the output.

A long text is parsed in pieces cut at paragraph ends (else sentence ends, else spaces)
and joined back into one ``Doc`` whose text is the article's, character for character,
so every offset still points into ``article.text``. Parsing a whole long text at once
costs memory in proportion to its length (about 1.5 GB for 400,000 characters) and
stops at spaCy's ``nlp.max_length``; in pieces it stays near the model's own size. Texts
up to :data:`PIECE_CHARS` are parsed whole, as before, so ordinary articles parse the same.
"""
from __future__ import annotations

import re
from collections.abc import Callable, Iterator

from newsgraph.record import Record

# Longest piece of text handed to the parser at once, in characters.
PIECE_CHARS = 50_000
_SENTENCE_END = re.compile(r"[.!?][\"\u201d\u2019')\]]*\s")


def annotate(record: Record, nlp, between: Callable[[], None] | None = None):
    """Parse ``record.article.text`` and return the spaCy ``Doc``. ``between`` is called
    after each piece of a long text (the pipeline checks the article's time budget there)."""
    return parse(record.article.text, nlp, between)


def annotate_many(records: list[Record], nlp, batch_size: int = 32) -> Iterator:
    """Parse many records' texts, the short ones together (``nlp.pipe``); yields one ``Doc``
    per record, in order."""
    short = nlp.pipe((r.article.text for r in records if len(r.article.text) <= PIECE_CHARS), batch_size=batch_size)
    for r in records:
        yield next(short) if len(r.article.text) <= PIECE_CHARS else parse(r.article.text, nlp)


def parse(text: str, nlp, between: Callable[[], None] | None = None):
    """One ``Doc`` of ``text``; a long text is parsed piece by piece (see the module's doc)."""
    if len(text) <= PIECE_CHARS:
        return nlp(text)
    from spacy.tokens import Doc

    docs = []
    for piece in pieces(text, PIECE_CHARS):
        docs.append(nlp(piece))
        if between is not None:
            between()
    # ensure_whitespace=False: the pieces already end where the next one starts
    return Doc.from_docs(docs, ensure_whitespace=False)


def pieces(text: str, limit: int) -> list[str]:
    """``text`` cut into consecutive pieces of at most ``limit`` characters, each ending at
    a paragraph end where there is one, else after a sentence, else after a space."""
    out, start = [], 0
    while len(text) - start > limit:
        window_end = start + limit
        cut = text.rfind("\n", start, window_end) + 1
        if cut <= start + limit // 4:
            ends = [m.end() for m in _SENTENCE_END.finditer(text, start + limit // 4, window_end)]
            cut = ends[-1] if ends else text.rfind(" ", start, window_end) + 1
        if cut <= start:
            cut = window_end  # one unbroken run of characters: cut it where the limit falls
        out.append(text[start:cut])
        start = cut
    out.append(text[start:])
    return out
