"""HTML pages: main text, title, date and site name via trafilatura.

:func:`article_from_html` is shared with the WARC and feed readers. trafilatura gives one
paragraph per line; they are written out separated by blank lines, as the cleaner expects.
"""
from __future__ import annotations

import logging
import re
import warnings
from collections.abc import Iterator
from pathlib import Path

from newsgraph.read.base import (Article, BadInput, ReadOptions, ReadProblem, article_id, iso_date,
                                 load_bytes, reader)
from newsgraph.read.detect import binary_kind, decode

LOGGER = logging.getLogger(__name__)

_MIN_TEXT_CHARS = 40  # less than this is navigation or an error page, not an article


_META_CHARSET = re.compile(rb"""<meta[^>]+charset=["']?([\w-]+)""", re.I)


def decode_html(data: bytes) -> str:
    """A page's text: UTF-8 when it is, else the charset its <meta> declares, else detection."""
    kind = binary_kind(data)
    if kind:
        raise BadInput(f"binary file ({kind}), not text")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        pass
    m = _META_CHARSET.search(data[:4096])
    if m:
        try:
            return data.decode(m.group(1).decode("ascii"))
        except (LookupError, UnicodeDecodeError):
            LOGGER.debug("declared charset %s does not fit; detecting", m.group(1))
    return decode(data)[0]


def extract_html(html: str, url: str | None = None) -> dict | None:
    """trafilatura's main text and metadata (title, date, sitename, url, author...), or None."""
    import trafilatura

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # trafilatura and lxml warn about their own API changes
        doc = trafilatura.bare_extraction(html, url=url, with_metadata=True, include_comments=False,
                                          include_tables=False, deduplicate=False)
    if doc is None:
        return None
    data = doc.as_dict() if hasattr(doc, "as_dict") else dict(doc)
    if not (data.get("text") or "").strip():
        return None
    return data


def article_from_html(html: str, source: str, options: ReadOptions, url: str | None = None,
                      fallback_date: str | None = None, title: str | None = None) -> Article | ReadProblem:
    """One article from one HTML page; a ReadProblem when the page holds no article text."""
    if "<" not in html:
        return ReadProblem(source, "not HTML (no tags)")
    data = extract_html(html, url)
    text = (data or {}).get("text") or ""
    if len(text.strip()) < _MIN_TEXT_CHARS:
        return ReadProblem(source, "HTML page with no article text (empty body or only navigation)")
    url = url or options.url or data.get("url") or None
    body = "\n\n".join(line for line in text.split("\n"))
    metadata = {k: data[k] for k in ("author", "description", "categories", "tags", "hostname")
                if data.get(k) not in (None, "", [])}
    published = iso_date(options.published) or iso_date(data.get("date")) or iso_date(fallback_date)
    return Article(id=article_id(body, url), text=body, title=(title or data.get("title") or "").strip(),
                   url=url, outlet=options.outlet or data.get("sitename") or None, published=published,
                   source=source, metadata=metadata)


@reader(".html", ".htm", ".xhtml", ".html.gz", ".htm.gz")
def read_html(path: Path, options: ReadOptions) -> Iterator[Article | ReadProblem]:
    data = load_bytes(path, options)
    html = decode_html(data)
    if "<" not in html:
        raise BadInput("not HTML (no tags)")
    yield article_from_html(html, str(path), options)
