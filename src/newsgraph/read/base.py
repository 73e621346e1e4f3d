"""What every reader shares: options, problems, the reader registry, loading bytes safely.

A reader is a function ``(path, options) -> Iterator[Article | ReadProblem]`` registered
for one or more file-name suffixes with :func:`reader`. Readers never raise for bad input:
they yield a :class:`ReadProblem` (one line naming the file, and the line when there is
one) and go on, so one bad file never stops a batch. A problem's ``severity`` says what
became of the input: ``error`` (it, or that line or record of it, is lost), ``warning``
(it was read, with a repair the user should know of, such as bytes that were not UTF-8)
or ``skipped`` (left out on purpose: a file of unknown type in a folder).

The libraries the readers use (trafilatura, htmldate, ...) log with their own loggers;
:func:`route_library_logs` turns those records into this package's debug messages, so that
the reader's own ReadProblem is the one line a user sees about an input.
"""
from __future__ import annotations

import hashlib
import logging
import re
import zlib
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path

from newsgraph.record import Article

LOGGER = logging.getLogger(__name__)

STDIN = "-"


@dataclass
class ReadOptions:
    published: str | None = None  # ISO date for inputs that carry none (.txt, stdin)
    outlet: str | None = None
    url: str | None = None
    max_bytes: int = 50 * 1024 * 1024  # larger files are refused with a ReadProblem
    pages: list[str] = field(default_factory=list)  # folders or WARCs holding feed item pages
    detect_language: bool = True  # mark non-English articles ``skipped`` (py3langid)


ERROR, WARNING, SKIPPED = "error", "warning", "skipped"  # ReadProblem.severity


@dataclass
class ReadProblem:
    source: str  # "path", "path:line" or "path#record"
    message: str
    severity: str = ERROR  # ERROR: lost; WARNING: read, with a repair; SKIPPED: left out on purpose

    @property
    def fatal(self) -> bool:
        """Whether the input (or this line or record of it) yielded nothing."""
        return self.severity == ERROR

    @property
    def label(self) -> str:
        """How a report names it: ``unreadable`` (lost), ``warning`` (repaired) or ``skipped``."""
        return "unreadable" if self.severity == ERROR else self.severity

    def __str__(self) -> str:
        return f"{self.source}: {self.message}"


def repair_warning(source: str, repaired_lines: tuple[int, ...] | list[int], repaired_bytes: int) -> ReadProblem:
    """The warning for text whose stray non-UTF-8 bytes were read as Windows-1252 (see
    :func:`detect.decode_text`): which lines, so the user can look at them."""
    lines = list(repaired_lines)
    what = f"{repaired_bytes} byte{'s' if repaired_bytes != 1 else ''} not valid UTF-8, read as Windows-1252"
    if len(lines) == 1:
        return ReadProblem(f"{source}:{lines[0]}", what, WARNING)
    shown = ", ".join(map(str, lines[:8])) + (f" and {len(lines) - 8} more" if len(lines) > 8 else "")
    return ReadProblem(source, f"{what} (lines {shown})", WARNING)


_LIBRARY_LOGGERS = ("trafilatura", "htmldate", "courlan", "justext", "readability", "lxml_html_clean",
                    "charset_normalizer", "warcio", "feedparser")


class _ToDebug(logging.Handler):
    """Re-logs a library's record as a debug message of ``newsgraph.read`` (seen with ``-v``)."""

    def emit(self, record: logging.LogRecord) -> None:
        try:
            message = record.getMessage()
        except Exception:  # noqa: BLE001 -- a library's badly formatted message must not stop reading
            message = str(record.msg)
        logging.getLogger("newsgraph.read").debug("%s: %s", record.name, message)


def route_library_logs() -> None:
    """Send the readers' libraries' log records to our debug log instead of the user's terminal:
    trafilatura's "discarding data: None" says less than the ReadProblem the reader yields."""
    for name in _LIBRARY_LOGGERS:
        lib = logging.getLogger(name)
        if not any(isinstance(h, _ToDebug) for h in lib.handlers):
            lib.addHandler(_ToDebug())
            lib.propagate = False


class BadInput(Exception):
    """Raised inside a reader for input it cannot use; turned into one ReadProblem."""


Reader = Callable[[Path, ReadOptions], Iterator["Article | ReadProblem"]]
READERS: dict[str, Reader] = {}


def reader(*suffixes: str):
    """Register a reader function for file names ending in ``suffixes`` (lower case, with the dot)."""
    def register(fn: Reader) -> Reader:
        for s in suffixes:
            READERS[s] = fn
        return fn
    return register


def article_id(text: str, url: str | None = None) -> str:
    """A stable id: the SHA-1 of the URL when there is one, else of the text."""
    return hashlib.sha1((url or text).encode("utf-8")).hexdigest()


def human_size(n: int) -> str:
    for unit in ("bytes", "KB", "MB", "GB"):
        if n < 1024 or unit == "GB":
            return f"{n:.0f} {unit}" if unit == "bytes" else f"{n:.1f} {unit}"
        n /= 1024
    return f"{n} bytes"  # pragma: no cover


def check_size(path: Path, options: ReadOptions) -> None:
    """Refuse files over ``options.max_bytes`` before reading them."""
    size = path.stat().st_size
    if size > options.max_bytes:
        raise BadInput(f"file is {human_size(size)}, over the {human_size(options.max_bytes)} limit "
                       f"(raise it with NEWSGRAPH_MAX_BYTES)")


def load_bytes(path: Path, options: ReadOptions) -> bytes:
    """The file's bytes, gunzipped when it ends in ``.gz``; refuses empty and oversized files."""
    check_size(path, options)
    data = path.read_bytes()
    if path.name.lower().endswith(".gz"):
        data = gunzip(data, options.max_bytes)
    if not data.strip():
        raise BadInput("empty file")
    return data


def gunzip(data: bytes, limit: int) -> bytes:
    """Decompress gzip data, refusing truncated streams and output over ``limit`` bytes."""
    d = zlib.decompressobj(16 + zlib.MAX_WBITS)
    try:
        out = d.decompress(data, limit + 1)
    except zlib.error as exc:
        raise BadInput(f"not a valid gzip file ({exc})") from exc
    if len(out) > limit:
        raise BadInput(f"decompresses to more than the {human_size(limit)} limit")
    if not d.eof:
        raise BadInput("truncated gzip file (the compressed stream ends early)")
    return out


_ISO = re.compile(r"^\s*(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?(?:$|[T\s])")


def iso_date(value: object) -> str | None:
    """An ISO date (``YYYY-MM-DD``, or ``YYYY-MM`` / ``YYYY`` when that is all there is) from a
    timestamp as news sources write it: ``2025-03-14 20:30:26Z``, ``2025-03-14T20:30:26+00:00``,
    ``Fri, 14 Mar 2025 20:30:26 GMT``, ``14 March 2025``. The calendar date is the one written
    (no time-zone conversion). None when the value is empty or not a date.
    """
    if value is None or value == "":
        return None
    if isinstance(value, datetime):
        return value.date().isoformat()
    if isinstance(value, date):
        return value.isoformat()
    text = str(value).strip()
    m = _ISO.match(text)
    if m:
        y, mo, d = m.groups()
        try:
            return date(int(y), int(mo or 1), int(d or 1)).isoformat()[: 4 + (3 if mo else 0) + (3 if d else 0)]
        except ValueError:
            return None
    from email.utils import parsedate_to_datetime

    try:
        return parsedate_to_datetime(text).date().isoformat()
    except (TypeError, ValueError, IndexError):
        pass
    try:
        from dateutil import parser as dateparser

        return dateparser.parse(text, fuzzy=False).date().isoformat()
    except (ValueError, OverflowError, TypeError):
        LOGGER.debug("not a date: %r", text)
        return None


def gzip_magic(data: bytes) -> bool:
    return data[:2] == b"\x1f\x8b"


__all__ = ["Article", "ReadOptions", "ReadProblem", "ERROR", "WARNING", "SKIPPED", "BadInput", "READERS", "reader",
           "article_id", "iso_date", "load_bytes", "check_size", "gunzip", "gzip_magic",
           "STDIN", "repair_warning", "route_library_logs"]
