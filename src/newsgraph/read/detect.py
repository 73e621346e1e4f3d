"""Encoding and language detection.

Bytes that are valid UTF-8 are read as UTF-8 (with or without a byte-order mark); anything
else goes to charset-normalizer. Binary data (images, PDFs, archives) is recognised first so
that it is reported as binary instead of being "decoded" into noise.
Language is guessed with py3langid; only a confident non-English guess on enough text marks
an article as skipped, so short or mixed texts are never lost by mistake.
"""
from __future__ import annotations

import logging
from functools import lru_cache

from newsgraph.read.base import BadInput

LOGGER = logging.getLogger(__name__)

# File signatures of common binary formats, so the message can say what the file is.
_MAGIC = (
    (b"%PDF", "a PDF document"),
    (b"\x89PNG", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF8", "a GIF image"),
    (b"PK\x03\x04", "a ZIP archive (or Office document)"),
    (b"\x1f\x8b", "gzip data (name it .gz)"),
    (b"BZh", "bzip2 data"),
    (b"\xfd7zXZ", "xz data"),
    (b"SQLite format 3", "an SQLite database"),
    (b"\x7fELF", "an executable"),
)

# Control characters other than tab, newline, form feed and carriage return: text has almost none.
_CONTROL = bytes(set(range(32)) - {9, 10, 12, 13})
_SAMPLE = 8192
_MIN_LANG_CHARS = 80       # below this a language guess is too weak to skip an article
_MIN_LANG_PROB = 0.90      # normalised probability needed to call an article not English


def binary_kind(data: bytes) -> str | None:
    """What binary format ``data`` looks like, or None when it looks like text."""
    head = data[:_SAMPLE]
    for magic, kind in _MAGIC:
        if head.startswith(magic):
            return kind
    if head.startswith((b"\xff\xfe", b"\xfe\xff")):
        return None  # UTF-16 with a byte-order mark: text, NULs and all
    if b"\x00" in head:
        return "binary data (NUL bytes)"
    controls = sum(head.count(bytes([c])) for c in _CONTROL)
    if head and controls / len(head) > 0.05:
        return "binary data (control characters)"
    return None


def decode(data: bytes) -> tuple[str, str]:
    """``(text, encoding)``; raises :class:`BadInput` for binary or undecodable bytes."""
    kind = binary_kind(data)
    if kind:
        raise BadInput(f"binary file ({kind}), not text")
    try:
        return data.decode("utf-8-sig"), "utf-8"
    except UnicodeDecodeError as exc:
        first_bad = exc.start
    from charset_normalizer import from_bytes

    results = from_bytes(data)
    best = results.best()
    # On short Western text several single-byte code pages tie (cp1250 reads "Grève" as "Grčve").
    # Windows-1252 is by far the most common legacy encoding of news pages, so it wins a tie.
    for match in results:
        if best is not None and match.encoding == "cp1252" and match.chaos <= best.chaos + 0.01 \
                and match.coherence >= best.coherence - 0.05:
            best = match
    if best is None:
        raise BadInput(f"not valid UTF-8 (first bad byte at offset {first_bad}) and no other encoding fits")
    LOGGER.info("not UTF-8 (first bad byte at offset %d); decoded as %s", first_bad, best.encoding)
    return str(best), best.encoding


@lru_cache(maxsize=1)
def _identifier():
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    return LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)


def detect_language(text: str) -> tuple[str | None, float]:
    """``(ISO 639-1 code, probability)`` for ``text``; ``(None, 0.0)`` when there is too little text."""
    sample = " ".join(text[:4000].split())[:2000]  # the first 2,000 characters settle the language
    if len(sample) < _MIN_LANG_CHARS:
        return None, 0.0
    lang, prob = _identifier().classify(sample)
    return lang, float(prob)


def language_verdict(text: str) -> tuple[str | None, str | None]:
    """``(language, skip_reason)``: the reason is set only for confidently non-English text."""
    lang, prob = detect_language(text)
    if lang is None:
        return None, None
    if lang != "en" and prob >= _MIN_LANG_PROB:
        return lang, f"not English (detected {lang}, p={prob:.2f})"
    return "en" if lang != "en" else lang, None
