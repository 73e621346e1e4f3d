"""Encoding and language detection.

Bytes that are valid UTF-8 are read as UTF-8 (with or without a byte-order mark). UTF-8 text
with a few stray bytes (a Latin-1 "é" pasted into a UTF-8 file) stays UTF-8: each stray byte
is read as Windows-1252 and the lines repaired are reported, instead of the whole file being
re-read in a legacy encoding (mojibake for every other accented letter). Text with no sign of
UTF-8 goes to charset-normalizer. Binary data (images, PDFs, archives) is recognised first so
that it is reported as binary instead of being "decoded" into noise.
Language is guessed with py3langid; only a confident non-English guess on enough text marks
an article as skipped, so short or mixed texts are never lost by mistake.
"""
from __future__ import annotations

import codecs
import logging
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from newsgraph.read.base import BadInput, ReadOptions, load_bytes

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


def signature_kind(data: bytes) -> str | None:
    """The binary format whose file signature ``data`` starts with, or None."""
    for magic, kind in _MAGIC:
        if data.startswith(magic):
            return kind
    return None


def binary_kind(data: bytes) -> str | None:
    """What binary format ``data`` looks like, or None when it looks like text."""
    head = data[:_SAMPLE]
    kind = signature_kind(head)
    if kind:
        return kind
    if head.startswith((b"\xff\xfe", b"\xfe\xff")):
        return None  # UTF-16 with a byte-order mark: text, NULs and all
    if b"\x00" in head:
        return "binary data (NUL bytes)"
    controls = sum(head.count(bytes([c])) for c in _CONTROL)
    if head and controls / len(head) > 0.05:
        return "binary data (control characters)"
    return None


def line_binary_kind(line: bytes) -> str | None:
    """What makes one line (of a JSONL file) binary data rather than text, or None."""
    if b"\x00" in line:
        return "binary data (NUL bytes)"
    controls = len(line) - len(line.translate(None, _CONTROL))
    if line and controls / len(line) > 0.05:
        return "binary data (control characters)"
    return None


@dataclass(frozen=True)
class Decoded:
    text: str
    encoding: str  # "utf-8" (repaired or not) or the legacy encoding detected
    repaired_lines: tuple[int, ...] = ()  # 1-based lines whose stray bytes were read as Windows-1252
    repaired_bytes: int = 0


_STRAY = re.compile("[\udc80-\udcff]")  # a byte that is not UTF-8, as "surrogateescape" keeps it
_ASCII = bytes(range(128))
# UTF-32 first: its little-endian mark starts with UTF-16's.
_WIDE_BOMS = ((codecs.BOM_UTF32_LE, "utf-32"), (codecs.BOM_UTF32_BE, "utf-32"),
              (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16"))
# Windows-1252 for each byte; its five unassigned bytes become U+FFFD.
_CP1252 = [bytes([b]).decode("cp1252", errors="replace") for b in range(256)]


def _repaired(text: str) -> Decoded:
    """``text`` (decoded with "surrogateescape") with each stray byte read as Windows-1252."""
    lines = tuple(n for n, line in enumerate(text.split("\n"), 1) if _STRAY.search(line))
    fixed, stray = _STRAY.subn(lambda m: _CP1252[ord(m.group()) - 0xDC00], text)
    LOGGER.info("%d byte(s) not UTF-8 on %d line(s); read as Windows-1252", stray, len(lines))
    return Decoded(fixed, "utf-8", lines, stray)


def decode_text(data: bytes, *, check_binary: bool = True) -> Decoded:
    """The text of ``data`` and how it was read; raises :class:`BadInput` for binary data.

    Valid UTF-8 is read as such. Invalid UTF-8 with well-formed non-ASCII characters (at least
    one for every ten stray bytes), or with stray bytes under 1% of the whole, is UTF-8 with
    stray bytes: they are read as Windows-1252 and their lines listed in ``repaired_lines``. Otherwise the encoding is detected; when no
    encoding fits, or the one found does not keep the lines (UTF-16 guessed for a text file),
    the stray bytes are repaired as above, so text is never refused for its encoding alone.
    ``check_binary=False`` is for callers that judge binary data themselves (line by line).
    """
    if check_binary:
        kind = binary_kind(data)
        if kind:
            raise BadInput(f"binary file ({kind}), not text")
    for bom, encoding in _WIDE_BOMS:
        if data.startswith(bom):
            try:
                return Decoded(data.decode(encoding), encoding)
            except UnicodeDecodeError:
                break  # a byte-order mark on something else: detect below
    body = data[len(codecs.BOM_UTF8):] if data.startswith(codecs.BOM_UTF8) else data
    try:
        return Decoded(body.decode("utf-8"), "utf-8")
    except UnicodeDecodeError as exc:
        first_bad = exc.start
    escaped = body.decode("utf-8", "surrogateescape")
    stray = _STRAY.subn("", escaped)[1]
    ascii_chars = len(body) - len(body.translate(None, _ASCII))
    well_formed = len(escaped) - ascii_chars - stray  # non-ASCII characters that are proper UTF-8
    # Proper UTF-8 letters are a sign of a UTF-8 file; in legacy text they are rare accidents
    # (cp1251 "СЁ" is valid UTF-8), so one in ten of the stray bytes is needed. Stray bytes
    # under one in a hundred are strays too: legacy text has far more (every accented letter).
    if 10 * well_formed >= stray or 100 * stray <= len(body):
        return _repaired(escaped)
    detected = _detect(data, first_bad)
    if detected is None or detected[0].count("\n") != body.count(b"\n"):
        return _repaired(escaped)
    return Decoded(*detected)


def decode(data: bytes) -> tuple[str, str]:
    """``(text, encoding)``; raises :class:`BadInput` for binary data. See :func:`decode_text`."""
    decoded = decode_text(data)
    return decoded.text, decoded.encoding


def _detect(data: bytes, first_bad: int) -> tuple[str, str] | None:
    """``(text, encoding)`` in the legacy encoding charset-normalizer finds, or None."""
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
        LOGGER.info("not UTF-8 (first bad byte at offset %d) and no other encoding fits", first_bad)
        return None
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


def load_text(path: Path, options: ReadOptions) -> tuple[str, str]:
    """The file decoded to text and the encoding used; see :func:`decode`."""
    return decode(load_bytes(path, options))


def load_decoded(path: Path, options: ReadOptions):
    """The file decoded, with the lines whose stray bytes were repaired; see :func:`decode_text`."""
    return decode_text(load_bytes(path, options))
