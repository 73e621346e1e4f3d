"""HTML pages: main text, title, date and site name via trafilatura.

:func:`article_from_html` is shared with the WARC and feed readers. trafilatura gives one
paragraph per line; they are written out separated by blank lines, as the cleaner expects.

lxml (libxml2), which trafilatura parses with, keeps 256 levels of nesting and silently drops
whatever lies deeper, so a story inside a thousand ``<div>``s would come out empty. A page
nested deeper than :data:`MAX_DEPTH` is first flattened (:func:`flatten_html`: the excess
wrapper tags go, every word of text stays), then extracted.
"""
from __future__ import annotations

import logging
import re
import warnings
from collections.abc import Iterator
from html.parser import HTMLParser
from pathlib import Path

from newsgraph.read.base import (Article, BadInput, ReadOptions, ReadProblem, article_id, iso_date,
                                 load_bytes, reader, repair_warning)
from newsgraph.read.detect import Decoded, binary_kind, decode_text

LOGGER = logging.getLogger(__name__)

_MIN_TEXT_CHARS = 40  # less than this is navigation or an error page, not an article
MAX_DEPTH = 200  # deeper pages are flattened before extraction (libxml2 drops content past 256)
_WRAPPER_DEPTH = 24  # wrapper tags (div, span, ...) deeper than this go when a page is flattened


_META_CHARSET = re.compile(rb"""<meta[^>]+charset=["']?([\w-]+)""", re.I)


def decode_html_text(data: bytes) -> Decoded:
    """A page's text: UTF-8 when it is, else the charset its <meta> declares, else detection
    (which keeps mostly-UTF-8 pages UTF-8 and lists the lines it repaired)."""
    kind = binary_kind(data)
    if kind:
        raise BadInput(f"binary file ({kind}), not text")
    try:
        return Decoded(data.decode("utf-8-sig"), "utf-8")
    except UnicodeDecodeError:
        pass
    m = _META_CHARSET.search(data[:4096])
    if m and m.group(1).lower().replace(b"_", b"-") not in (b"utf-8", b"utf8"):
        try:
            encoding = m.group(1).decode("ascii")
            return Decoded(data.decode(encoding), encoding)
        except (LookupError, ValueError):  # unknown, or not this page's charset
            LOGGER.debug("declared charset %s does not fit; detecting", m.group(1))
    return decode_text(data, check_binary=False)


def decode_html(data: bytes) -> str:
    """A page's text; see :func:`decode_html_text`."""
    return decode_html_text(data).text


# --- deep nesting ---------------------------------------------------------------------------

_HIDDEN_CODE = re.compile(r"(?is)<script\b.*?</script\s*>|<style\b.*?</style\s*>|<!--.*?-->")
_TAG = re.compile(r"<(/?)([a-zA-Z][^\s/>]*)[^>]*?(/?)>")
_VOID = frozenset("area base br col embed hr img input link meta param source track wbr".split())
# Elements the HTML parser closes by itself when the next one starts: they never nest deep.
_SELF_CLOSING = frozenset("p li dt dd tr td th option optgroup rp rt".split())
_RAW_TEXT = frozenset("script style textarea title".split())
# Tags that only wrap other content; flattening drops them past _WRAPPER_DEPTH.
_WRAPPERS = frozenset("div span section font center small big b i u em strong label form fieldset".split())


def nesting_depth(html: str) -> int:
    """How deep the page's elements nest (scripts, styles and comments aside); an estimate
    that counts what an HTML parser keeps open."""
    depth = deepest = 0
    for m in _TAG.finditer(_HIDDEN_CODE.sub("", html)):
        name = m.group(2).lower()
        if name in _VOID or name in _SELF_CLOSING or m.group(3):
            continue
        if m.group(1):
            depth = max(0, depth - 1)
        else:
            depth += 1
            deepest = max(deepest, depth)
    return deepest


class _Flattener(HTMLParser):
    """Rewrites a page with its excess nesting removed: wrapper tags past ``_WRAPPER_DEPTH``
    and any tag past ``MAX_DEPTH`` are left out; text, and every other tag, is kept as written."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=False)
        self.out: list[str] = []
        self.stack: list[tuple[str, bool]] = []  # open elements: (name, kept)
        self.kept = 0

    def handle_starttag(self, tag, attrs):
        if tag in _VOID or tag in _SELF_CLOSING:
            self.out.append(self.get_starttag_text() or "")
            return
        keep = tag in _RAW_TEXT or (self.kept < MAX_DEPTH
                                    and (tag not in _WRAPPERS or len(self.stack) < _WRAPPER_DEPTH))
        self.stack.append((tag, keep))
        self.kept += keep
        if keep:
            self.out.append(self.get_starttag_text() or "")

    def handle_startendtag(self, tag, attrs):
        self.out.append(self.get_starttag_text() or "")

    def handle_endtag(self, tag):
        if tag in _VOID or tag in _SELF_CLOSING:
            self.out.append(f"</{tag}>")
            return
        for i in range(len(self.stack) - 1, max(-1, len(self.stack) - 64), -1):  # an unclosed tag or two
            if self.stack[i][0] == tag:
                for name, kept in reversed(self.stack[i:]):
                    if kept:
                        self.out.append(f"</{name}>")
                        self.kept -= 1
                del self.stack[i:]
                return
        # a stray end tag: left out, as the HTML parser would

    def handle_data(self, data):
        self.out.append(data)

    def handle_entityref(self, name):
        self.out.append(f"&{name};")

    def handle_charref(self, name):
        self.out.append(f"&#{name};")

    def handle_decl(self, decl):
        self.out.append(f"<!{decl}>")


def flatten_html(html: str) -> str:
    """``html`` with the nesting past what lxml keeps taken out, its text unchanged."""
    parser = _Flattener()
    parser.feed(html)
    parser.close()
    return "".join(parser.out)


# --- extraction -----------------------------------------------------------------------------

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
    depth = nesting_depth(html)
    if depth > MAX_DEPTH:
        LOGGER.info("%s: tags nested %d deep; flattened before extraction", source, depth)
    try:
        data = extract_html(flatten_html(html) if depth > MAX_DEPTH else html, url)
    except Exception as exc:  # noqa: BLE001 -- lxml and trafilatura fail on hostile pages in many ways
        LOGGER.debug("%s: trafilatura failed", source, exc_info=True)
        return ReadProblem(source, f"HTML that could not be parsed ({type(exc).__name__})")
    text = (data or {}).get("text") or ""
    if len(text.strip()) < _MIN_TEXT_CHARS:
        if depth > MAX_DEPTH:
            return ReadProblem(source, f"HTML page with no article text (tags nested {depth:,} deep, "
                                       f"flattened to read it)")
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
    decoded = decode_html_text(load_bytes(path, options))
    if "<" not in decoded.text:
        raise BadInput("not HTML (no tags)")
    item = article_from_html(decoded.text, str(path), options)
    if isinstance(item, Article) and decoded.repaired_lines:
        yield repair_warning(str(path), decoded.repaired_lines, decoded.repaired_bytes)
    yield item
