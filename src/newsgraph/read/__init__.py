"""Read: turn input files into :class:`~newsgraph.record.Article` objects.

Entry point: :func:`read_inputs`. Readers are registered by file suffix (one module per
format: ``txt``, ``jsonl``, ``html``, ``warc``, ``feed``); each yields articles or
:class:`ReadProblem` (one clear line naming the file and line), so one bad input never
stops a batch. ``-`` reads plain text from stdin; a directory is read file by file, and
each of its files of unknown type is named in a ReadProblem of severity ``skipped``.
Files whose suffix names no reader (and ``.xml``) are sniffed by their first bytes.
Every article then gets a language check: confidently non-English text is yielded with
``article.skipped`` set and ``article.language`` the detected code.
"""
from __future__ import annotations

import logging
import sys
from collections.abc import Iterable, Iterator
from importlib import resources
from pathlib import Path

from newsgraph.read import feed, html, jsonl, txt, warc  # noqa: F401  (register the readers)
from newsgraph.read.base import (ERROR, READERS, SKIPPED, STDIN, WARNING, BadInput, ReadOptions, ReadProblem, Reader,
                                 article_id, gzip_magic, iso_date, reader, repair_warning, route_library_logs)
from newsgraph.read.detect import decode_text, language_verdict
from newsgraph.record import Article

LOGGER = logging.getLogger(__name__)
route_library_logs()  # trafilatura's and htmldate's log lines become our debug messages

__all__ = ["ReadOptions", "ReadProblem", "ERROR", "WARNING", "SKIPPED", "READERS", "reader", "article_id", "iso_date",
           "read_inputs", "sample_paths", "reader_for", "check_language"]

_HIDDEN = (".", "_", "~")


def sample_paths() -> list[Path]:
    """The bundled illustrative sample corpus (``newsgraph ingest --sample`` reads these)."""
    root = resources.files("newsgraph") / "data" / "sample"
    return sorted(Path(str(p)) for p in root.iterdir() if p.name.endswith(".jsonl"))


def _sniff(path: Path) -> Reader | None:
    """Pick a reader from the first bytes, for ``.xml`` and files whose suffix names no reader."""
    try:
        with path.open("rb") as fh:
            head = fh.read(4096)
    except OSError:
        return None
    if gzip_magic(head):
        import gzip
        import zlib

        try:
            with gzip.open(path, "rb") as fh:
                inner = fh.read(4096)
        except (OSError, EOFError, zlib.error):
            inner = b""
        return READERS[".warc.gz"] if inner.startswith(b"WARC/") else None
    start = head.lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    if start.startswith(b"warc/"):
        return READERS[".warc"]
    if any(tag in start[:2048] for tag in (b"<rss", b"<feed", b"<rdf:rdf")):
        return READERS[".rss"]
    if start.startswith((b"<!doctype html", b"<html")) or b"<body" in start:
        return READERS[".html"]
    if start.startswith(b"{"):
        return READERS[".jsonl"]
    if start.startswith(b"<"):
        return None
    return READERS[".txt"]  # plain text; binary data is caught when it is decoded


def reader_for(path: Path) -> Reader | None:
    """The reader for ``path``: by suffix (longest match first), else by sniffing its content."""
    name = path.name.lower()
    if name.endswith(".xml"):
        return _sniff(path)
    return _by_suffix(path) or _sniff(path)


def _by_suffix(path: Path) -> Reader | None:
    name = path.name.lower()
    for suffix in sorted(READERS, key=len, reverse=True):
        if name.endswith(suffix):
            return READERS[suffix]
    return None


def _expand(p: str) -> Iterator[Path | ReadProblem]:
    """Input paths: a directory becomes its files (recursively, sorted, hidden ones left out)."""
    path = Path(p)
    if path.is_dir():
        files = sorted(f for f in path.rglob("*")
                       if f.is_file() and not any(part.startswith(_HIDDEN) for part in f.relative_to(path).parts))
        known = {f for f in files if _by_suffix(f) is not None or f.name.lower().endswith(".xml")}
        if not files:
            yield ReadProblem(p, "empty directory")
        elif not known:
            yield ReadProblem(p, f"directory holds no readable files ({len(files)} of unknown type)")
        else:  # each file left out is named, so that the user sees what was not read
            for f in files:
                yield f if f in known else ReadProblem(str(f), "unknown file type, left out", SKIPPED)
    else:
        yield path


def _read_stdin(options: ReadOptions) -> Iterator[Article | ReadProblem]:
    data = sys.stdin.buffer.read(options.max_bytes + 1)
    if len(data) > options.max_bytes:
        raise BadInput(f"more than the {options.max_bytes} bytes allowed on stdin")
    if not data.strip():
        raise BadInput("empty input")
    decoded = decode_text(data)
    item = txt.article_from_text(decoded.text, "<stdin>", options)
    if isinstance(item, Article) and decoded.repaired_lines:
        yield repair_warning("<stdin>", decoded.repaired_lines, decoded.repaired_bytes)
    yield item


def _read_one(path: Path, options: ReadOptions) -> Iterator[Article | ReadProblem]:
    source = str(path)
    if source == STDIN:
        fn = lambda _p, o: _read_stdin(o)  # noqa: E731
    elif not path.exists():
        yield ReadProblem(source, "no such file")
        return
    elif not path.is_file():
        yield ReadProblem(source, "not a regular file")
        return
    else:
        fn = reader_for(path)
    if fn is None and path.name.lower().endswith(".xml"):
        yield ReadProblem(source, "XML file that is not an RSS or Atom feed")
        return
    if fn is None:
        yield ReadProblem(source, "unknown file type (known: " + ", ".join(sorted(READERS)) + ", or - for stdin)")
        return
    try:
        yield from fn(path, options)
    except BadInput as exc:
        yield ReadProblem(source, str(exc))
    except PermissionError:
        yield ReadProblem(source, "cannot read: permission denied")
    except OSError as exc:
        yield ReadProblem(source, f"cannot read: {exc.strerror or exc}")
    except UnicodeDecodeError as exc:
        yield ReadProblem(source, f"not valid text ({exc.reason} at byte {exc.start})")
    except Exception as exc:  # noqa: BLE001 -- a reader's own bug must cost this input only, not the batch
        LOGGER.debug("%s: reader failed", source, exc_info=True)
        yield ReadProblem(source, f"cannot read: the reader failed ({type(exc).__name__}: {_first_line(exc)})")


def _first_line(exc: BaseException, limit: int = 120) -> str:
    text = (str(exc).splitlines() or [""])[0]
    return text if len(text) <= limit else text[: limit - 1] + "…"


def check_language(article: Article) -> Article:
    """Set ``article.language``; mark confidently non-English text ``skipped`` (for articles built
    outside :func:`read_inputs`, e.g. from an API request)."""
    if article.skipped:
        return article
    lang, reason = language_verdict(article.title + "\n" + article.text)
    if lang:
        article.language = lang
    if reason:
        article.skipped = reason
    return article


def read_inputs(paths: Iterable[str], options: ReadOptions | None = None) -> Iterator[Article | ReadProblem]:
    """Articles (and problems) from every input path, in order. Never raises for bad input."""
    options = options or ReadOptions()
    for p in paths:
        for path in _expand(str(p)):
            if isinstance(path, ReadProblem):
                yield path
                continue
            for item in _read_one(path, options):
                if isinstance(item, Article) and options.detect_language:
                    item = check_language(item)
                yield item
