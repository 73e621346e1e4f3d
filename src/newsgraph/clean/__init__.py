"""Clean: strip boilerplate and repeated headline lines, normalise whitespace and odd characters.

Entry point: :func:`clean`. The body is read line by line (a line is a paragraph, or a
piece of a hard-wrapped paragraph). A line is dropped, and reported in
``article.removed`` as ``Removed(text, reason, line)``, when it is

* page furniture matched by ``data/boilerplate.toml`` ("Also Read | ...", "Leave a
  Comment", share/subscribe/cookie lines, bylines, photo credits): reason from the file;
* a copy of the headline (compared case-, quote- and whitespace-insensitively; image
  captions often repeat it): ``"repeated headline"`` -- the headline stays once, as the title;
* a short line without sentence punctuation that occurs more than once (a caption):
  ``"caption"``; or a later copy of a whole paragraph: ``"repeated paragraph"``.

What is kept is re-assembled as paragraphs separated by one blank line, with runs of
spaces collapsed and no trailing spaces; hard-wrapped lines are joined. Every offset the
later stages produce points into this cleaned text.

Quotes: curly quotes (’ ‘ “ ”) are KEPT as written. Offsets point into the cleaned text,
and gold fragments are written with the curly characters, so rewriting them would only
move text away from what annotators copied; the evaluation matches quote-insensitively
anyway. Only odd characters are normalised: non-breaking and other Unicode spaces become
a plain space, zero-width characters and soft hyphens are removed, TeX-style ``quotes''
become “quotes”, and the text is put in Unicode NFC form.
"""
from __future__ import annotations

import logging
import re
import tomllib
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from newsgraph.record import Article, Record, Removed

LOGGER = logging.getLogger(__name__)

__all__ = ["clean", "clean_text", "normalise_chars", "line_key", "boilerplate_reason"]

_SPACES = re.compile(r"[\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000\t\f\v]")
_INVISIBLE = re.compile(r"[\u200b\u200c\u200d\u2060\ufeff\u00ad]")
_TEX_QUOTES = re.compile(r"``(.+?)''", re.S)
_RUNS = re.compile(r" {2,}")
# A line ending like this closes a sentence (or a quote); one that does not may be hard-wrapped.
_SENTENCE_END = re.compile(r"[.!?…:;\"”’)\]]\s*$")
_WRAP_MIN_CHARS = 40      # shorter unpunctuated lines are headings or captions, not wrapped text
_CAPTION_MAX_WORDS = 30   # a repeated line longer than this is a repeated paragraph
_DEFAULT_MAX_WORDS = 25

# For comparing lines: every apostrophe and quote mark to one form, punctuation at the ends away.
_QUOTE_FOLD = (("’", "'"), ("‘", "'"), ("`", "'"), ("´", "'"), ("′", "'"), ("“", '"'), ("”", '"'), ("„", '"'), ("″", '"'))


def normalise_chars(text: str) -> str:
    """NFC; odd spaces to a space, invisible characters out, ``\\r\\n`` to ``\\n``, TeX quotes to curly."""
    text = unicodedata.normalize("NFC", text)
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\u2028", "\n").replace("\u2029", "\n\n")
    text = _INVISIBLE.sub("", text)
    text = _SPACES.sub(" ", text)
    text = _TEX_QUOTES.sub(lambda m: f"“{m.group(1)}”", text)
    return text.replace("''", '"')


def collapse(line: str) -> str:
    """One line with runs of spaces collapsed and the ends stripped."""
    return _RUNS.sub(" ", line).strip()


def line_key(line: str) -> str:
    """The comparison form of a line: case-folded, quotes unified, whitespace collapsed, end punctuation off."""
    for odd, plain in _QUOTE_FOLD:  # str.replace: much faster than str.translate with a dict
        line = line.replace(odd, plain)
    folded = " ".join(line.casefold().split())
    return folded.strip(" .,:;!?-–—|\"'")


@dataclass(frozen=True)
class _Section:
    name: str
    reason: str
    max_words: int
    patterns: tuple[re.Pattern, ...]


@lru_cache(maxsize=1)
def boilerplate_rules() -> tuple[_Section, ...]:
    """The sections of ``data/boilerplate.toml``, compiled, in file order."""
    raw = tomllib.loads((resources.files(__package__) / "data" / "boilerplate.toml").read_text(encoding="utf-8"))
    sections = []
    for name, sec in raw.items():
        flags = re.IGNORECASE if sec.get("ignore_case", True) else 0
        try:
            patterns = tuple(re.compile(p, flags) for p in sec["patterns"])
        except re.error as exc:
            raise ValueError(f"boilerplate.toml [{name}]: bad pattern ({exc})") from exc
        sections.append(_Section(name, sec.get("reason", "boilerplate"), int(sec.get("max_words", _DEFAULT_MAX_WORDS)), patterns))
    return tuple(sections)


def boilerplate_reason(line: str) -> str | None:
    """The reason ``line`` is page furniture ("boilerplate", "byline", "caption"), or None."""
    line = collapse(line)
    words = len(line.split())
    for sec in boilerplate_rules():
        if words <= sec.max_words and any(p.search(line) for p in sec.patterns):
            return sec.reason
    return None


def _title_keys(title: str) -> set[str]:
    """The headline, plus the headline without a trailing " | Outlet" / " - Outlet" part."""
    keys = {line_key(title)}
    for sep in (" | ", " - ", " – ", " — "):
        if sep in title:
            keys.add(line_key(title.rsplit(sep, 1)[0]))
    keys.discard("")
    return keys


def _is_caption_like(line: str) -> bool:
    return len(line.split()) <= _CAPTION_MAX_WORDS and not _SENTENCE_END.search(line)


def clean_text(body: str, title: str = "") -> tuple[str, list[Removed]]:
    """``(cleaned body, removed lines)`` for a raw body and its headline."""
    lines = [collapse(line) for line in normalise_chars(body).split("\n")]
    title_keys = _title_keys(collapse(normalise_chars(title))) if title else set()
    keys = [line_key(line) if line else "" for line in lines]
    counts: dict[str, int] = {}
    for key in keys:
        counts[key] = counts.get(key, 0) + 1
    removed: list[Removed] = []
    kept: list[str] = []  # "" marks a paragraph break
    seen_paragraphs: set[str] = set()
    for n, line in enumerate(lines, 1):
        if not line:
            kept.append("")
            continue
        key = keys[n - 1]
        reason = None
        if key in title_keys:
            reason = "repeated headline"
        elif (reason := boilerplate_reason(line)) is not None:
            pass
        elif counts[key] > 1 and key and _is_caption_like(line):
            reason = "caption"
        elif key in seen_paragraphs and len(key) > 20:
            reason = "repeated paragraph"
        if reason:
            removed.append(Removed(text=line, reason=reason, line=n))
            kept.append("")  # a dropped line between two paragraphs still separates them
            continue
        seen_paragraphs.add(key)
        kept.append(line)
    return "\n\n".join(_paragraphs(kept)), removed


def _paragraphs(lines: list[str]) -> list[str]:
    """Blank-separated blocks; inside a block, a line is its own paragraph unless it looks hard-wrapped."""
    paragraphs: list[str] = []
    current = ""
    for line in lines + [""]:
        if not line:
            if current:
                paragraphs.append(current)
            current = ""
            continue
        if current and not _SENTENCE_END.search(current) and len(current.rsplit("\n", 1)[-1]) >= _WRAP_MIN_CHARS:
            current += " " + line  # the previous line broke mid-sentence: a hard wrap
        elif current:
            paragraphs.append(current)
            current = line
        else:
            current = line
    return paragraphs


def clean(article: Article) -> Record:
    """Clean ``article`` in place and wrap it in a new :class:`Record`.

    Idempotent: cleaning a cleaned article changes nothing and removes nothing more.
    """
    article.title = collapse(normalise_chars(article.title or ""))
    text, removed = clean_text(article.text or "", article.title)
    article.text = text
    article.removed.extend(removed)
    if removed:
        LOGGER.debug("%s: removed %d line(s)", article.source or article.id, len(removed))
    return Record(article=article)
