"""WARC files (``.warc``, ``.warc.gz``): HTML response records become articles (warcio).

Only ``response`` records with an HTML content type and a 2xx status (and HTML ``resource``
records) are read; the page's URL is the record's ``WARC-Target-URI`` and its crawl date is
the fallback publication date. A truncated or corrupt archive yields every article read before the damage and
then one ReadProblem saying where reading stopped. Each record is judged on its own: a page of
binary data (NUL bytes, an image served as text/html) costs that record only.
"""
from __future__ import annotations

import contextlib
import io
import logging
import zlib
from collections.abc import Iterator
from pathlib import Path

from newsgraph.read.base import Article, BadInput, ReadOptions, ReadProblem, check_size, reader, repair_warning
from newsgraph.read.detect import Decoded
from newsgraph.read.html import article_from_html, decode_html_text

LOGGER = logging.getLogger(__name__)

_HTML_TYPES = ("text/html", "application/xhtml+xml")


def _is_warc(path: Path) -> bool:
    """Whether the file starts like a WARC or ARC record (gzipped or not)."""
    import gzip

    with path.open("rb") as fh:
        head = fh.read(64)
    if head[:2] == b"\x1f\x8b":
        try:
            with gzip.open(path, "rb") as fh:
                head = fh.read(64)
        except (OSError, EOFError, zlib.error):
            return False
    head = head.lstrip()
    return head.startswith((b"WARC/", b"filedesc://"))  # an ARC file opens with its filedesc record


def gzip_cut_off(path: Path) -> bool:
    """Whether a (multi-member) gzip file ends in the middle of a member: a cut-off download."""
    d, fed = zlib.decompressobj(16 + zlib.MAX_WBITS), False
    with path.open("rb") as fh:
        while chunk := fh.read(1 << 20):
            while chunk:
                try:
                    d.decompress(chunk)
                except zlib.error:
                    return True
                fed = True
                if not d.eof:
                    break
                chunk = d.unused_data  # member done; what is left starts the next member
                d, fed = zlib.decompressobj(16 + zlib.MAX_WBITS), False
    return fed and not d.eof


def _type_and_status(record) -> tuple[str, str]:
    """Content type and HTTP status of a ``response`` record, or of a ``resource`` record (a page
    saved without its HTTP exchange, as ``wget --warc-file`` writes some); ``("", "")`` otherwise."""
    if record.rec_type == "response" and record.http_headers is not None:
        return (record.http_headers.get_header("Content-Type") or "").lower(), record.http_headers.get_statuscode() or ""
    if record.rec_type == "resource":
        return (record.rec_headers.get_header("Content-Type") or "").lower(), "200"
    return "", ""


def html_responses(path: Path) -> Iterator[tuple[str, str | None, bytes, str | None, int] | ReadProblem]:
    """``(url, warc_date, body, charset, record_number)`` for each HTML response record;
    a ReadProblem (and the end) when the archive turns out truncated or corrupt."""
    from warcio.archiveiterator import ArchiveIterator

    n = 0
    quiet = io.StringIO()  # warcio writes its warnings to stderr; they become a ReadProblem instead
    with path.open("rb") as fh:
        records = ArchiveIterator(fh)
        while True:
            try:
                with contextlib.redirect_stderr(quiet):
                    record = next(records, None)
                    if record is None:
                        tail = path.stat().st_size - records.offset
                        break
                    n += 1
                    ctype, status = _type_and_status(record)
                    wanted = any(t in ctype for t in _HTML_TYPES) and status.startswith("2")
                    body = record.content_stream().read() if wanted else b""
                    while record.raw_stream.read(65536):
                        pass
                    missing = getattr(record.raw_stream, "limit", 0)
            except Exception as exc:  # noqa: BLE001 -- warcio fails on damaged archives in many ways
                # (ArchiveLoadFailed, EOFError, zlib.error, AttributeError on a cut header, ...).
                LOGGER.debug("%s: warcio stopped", path, exc_info=True)
                yield ReadProblem(str(path), f"truncated or corrupt WARC: reading stopped after {n} whole record(s) "
                                             f"({type(exc).__name__})")
                return
            if missing:
                yield ReadProblem(f"{path}#{n}", f"truncated WARC: record {n} lacks {missing} of its declared bytes")
                return
            if quiet.getvalue():
                yield ReadProblem(f"{path}#{n}", "corrupt WARC: a record's Content-Length does not match its content")
                return
            if wanted:
                charset = ctype.split("charset=", 1)[1].split(";")[0].strip() if "charset=" in ctype else None
                yield (record.rec_headers.get_header("WARC-Target-URI"), record.rec_headers.get_header("WARC-Date"),
                       body, charset, n)
    if tail <= 4 and path.name.lower().endswith(".gz") and gzip_cut_off(path):
        yield ReadProblem(str(path), f"truncated WARC: the gzip stream is cut off after {n} whole record(s)")
    elif tail > 4:  # bytes left after the last whole record: a record cut off in its headers
        yield ReadProblem(str(path), f"truncated WARC: the last {tail} bytes, after {n} whole record(s), are cut off")


def decode_page(body: bytes, charset: str | None) -> str:
    """A page's text: its declared charset when that works, else detection."""
    return decode_page_text(body, charset).text


def decode_page_text(body: bytes, charset: str | None) -> Decoded:
    """A page's text and how it was read: its declared charset when that works, else as
    :func:`html.decode_html_text` reads a page (which lists the lines it repaired)."""
    if charset:
        try:
            return Decoded(body.decode(charset), charset)
        except (LookupError, ValueError):  # unknown, or not this page's charset
            LOGGER.debug("declared charset %s does not fit; detecting", charset)
    return decode_html_text(body)


@reader(".warc", ".warc.gz", ".arc", ".arc.gz")
def read_warc(path: Path, options: ReadOptions) -> Iterator[Article | ReadProblem]:
    check_size(path, options)
    if path.stat().st_size == 0:
        raise BadInput("empty file")
    if not _is_warc(path):
        raise BadInput("not a WARC file (it does not start with a WARC record)")
    pages, problem = 0, False
    for item in html_responses(path):
        if isinstance(item, ReadProblem):
            problem = True
            yield item
            return
        url, warc_date, body, charset, n = item
        pages += 1
        source = f"{path}#{n}"
        try:
            page = decode_page_text(body, charset)
        except BadInput as exc:
            yield ReadProblem(source, f"{url}: {exc}")
            continue
        article = article_from_html(page.text, source, options, url=url, fallback_date=warc_date)
        if isinstance(article, ReadProblem):
            LOGGER.info("%s (%s): %s", source, url, article.message)  # many crawled pages are not articles
            continue
        if page.repaired_lines:
            yield repair_warning(source, page.repaired_lines, page.repaired_bytes)
        yield article
    if pages == 0 and not problem:
        yield ReadProblem(str(path), "WARC holds no HTML response records")
