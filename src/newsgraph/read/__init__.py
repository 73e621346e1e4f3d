"""Read: turn input files into :class:`~newsgraph.record.Article` objects.

Entry point: :func:`read_inputs`. Readers are registered by file suffix (one module per
format: ``txt``, ``jsonl``, ``html``, ``warc``, ``feed``); each yields articles or
:class:`ReadProblem` (one clear line naming the file and line), so one bad input never
stops a batch. ``-`` reads plain text from stdin; a directory is read file by file.
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
from newsgraph.read.base import (READERS, STDIN, BadInput, ReadOptions, ReadProblem, Reader, article_id,
                                 gzip_magic, iso_date, reader)
from newsgraph.read.detect import language_verdict
from newsgraph.record import Article

LOGGER = logging.getLogger(__name__)

__all__ = ["ReadOptions", "ReadProblem", "READERS", "reader", "article_id", "iso_date", "read_inputs",
           "sample_paths", "reader_for", "check_language"]

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
        known = [f for f in files if _by_suffix(f) is not None or f.name.lower().endswith(".xml")]
        if len(known) < len(files):
            LOGGER.info("%s: left out %d file(s) of unknown type", p, len(files) - len(known))
        if not files:
            yield ReadProblem(p, "empty directory")
        elif not known:
            yield ReadProblem(p, f"directory holds no readable files ({len(files)} of unknown type)")
        yield from known
    else:
        yield path


def _read_stdin(options: ReadOptions) -> Iterator[Article | ReadProblem]:
    from newsgraph.read.detect import decode

    data = sys.stdin.buffer.read(options.max_bytes + 1)
    if len(data) > options.max_bytes:
        raise BadInput(f"more than the {options.max_bytes} bytes allowed on stdin")
    if not data.strip():
        raise BadInput("empty input")
    text, _encoding = decode(data)
    yield txt.article_from_text(text, "<stdin>", options)


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
