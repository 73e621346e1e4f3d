"""RSS and Atom feeds (``.rss``, ``.atom``, ``.xml`` sniffed as a feed): items become articles.

Feeds usually carry only a summary of each story. When ``ReadOptions.pages`` names folders
of saved pages or WARC files, an item whose link matches a page (by URL, by the page's
canonical URL, or by the last part of the URL path, such as ``talks-resume.html``) gets the
page's main text as its body; otherwise the item's full content, or its summary, is used.
``article.metadata["body_from"]`` says which ("page", "content" or "summary").
"""
from __future__ import annotations

import logging
import re
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urlsplit

from newsgraph.read.base import (Article, BadInput, ReadOptions, ReadProblem, article_id, iso_date,
                                 load_bytes, reader)
from newsgraph.read.detect import decode

LOGGER = logging.getLogger(__name__)

_CANONICAL = re.compile(
    r"""<(?:link[^>]+rel=["']canonical["'][^>]*href|meta[^>]+property=["']og:url["'][^>]*content)=["']([^"']+)""", re.I)
_BLOCK_END = re.compile(r"(?i)<\s*(br\s*/?|/p|/div|/li|/h[1-6]|/blockquote)\s*>")
_PAGE_SUFFIXES = (".html", ".htm", ".xhtml")


def url_key(url: str) -> str:
    """A URL without scheme, ``www.``, fragment or trailing slash, lower-cased host."""
    parts = urlsplit(url.strip())
    host = parts.netloc.lower().removeprefix("www.")
    path = parts.path.rstrip("/")
    return f"{host}{path}" + (f"?{parts.query}" if parts.query else "")


def slug_key(url_or_name: str) -> str:
    """The last path segment without its extension: ``talks-resume`` for ``.../talks-resume.html``."""
    last = urlsplit(url_or_name).path.rstrip("/").rsplit("/", 1)[-1]
    for suffix in _PAGE_SUFFIXES:
        if last.lower().endswith(suffix):
            last = last[: -len(suffix)]
    return last.lower()


def fragment_text(html: str) -> str:
    """Plain text of an HTML fragment (a feed summary), one paragraph per block element."""
    if "<" not in html:
        return html.strip()
    import lxml.html

    marked = _BLOCK_END.sub("\n\n", html)
    try:
        text = lxml.html.fragment_fromstring(marked, create_parent="div").text_content()
    except (ValueError, lxml.etree.ParserError):
        text = re.sub(r"<[^>]+>", " ", marked)
    return "\n\n".join(" ".join(p.split()) for p in text.split("\n\n") if p.strip())


class PageIndex:
    """Item pages from folders and WARC files, looked up by URL or by slug."""

    def __init__(self, locations: list[str], options: ReadOptions):
        self.by_url: dict[str, tuple[str, Path | str]] = {}   # key -> (source, path or html)
        self.by_slug: dict[str, tuple[str, Path | str]] = {}
        self.problems: list[ReadProblem] = []
        for loc in locations:
            self._add(Path(loc), options)

    def _add(self, loc: Path, options: ReadOptions) -> None:
        if loc.is_dir():
            for f in sorted(loc.rglob("*")):
                if f.is_file() and f.name.lower().endswith(_PAGE_SUFFIXES):
                    self.by_slug.setdefault(slug_key(f.name), (str(f), f))
                    try:
                        with f.open("rb") as fh:
                            head = fh.read(20000).decode("utf-8", "replace")
                    except OSError:
                        continue
                    m = _CANONICAL.search(head)
                    if m:
                        self.by_url.setdefault(url_key(m.group(1)), (str(f), f))
        elif loc.is_file() and ".warc" in loc.name.lower():
            from newsgraph.read.warc import decode_page, html_responses

            for item in html_responses(loc):
                if isinstance(item, ReadProblem):
                    self.problems.append(item)
                    break
                url, _date, body, charset, n = item
                try:
                    html = decode_page(body, charset)
                except BadInput:
                    continue
                entry = (f"{loc}#{n}", html)
                self.by_url.setdefault(url_key(url or ""), entry)
                self.by_slug.setdefault(slug_key(url or ""), entry)
        else:
            self.problems.append(ReadProblem(str(loc), "--pages: not a folder or a WARC file"))

    def html_for(self, link: str, options: ReadOptions) -> tuple[str, str] | None:
        """``(source, html)`` of the page saved for ``link``, or None."""
        if not link:
            return None
        hit = self.by_url.get(url_key(link)) or self.by_slug.get(slug_key(link) or "\0")
        if hit is None:
            return None
        source, where = hit
        if isinstance(where, Path):
            try:
                where = decode(load_bytes(where, options))[0]
            except (BadInput, OSError) as exc:
                LOGGER.info("%s: %s", source, exc)
                return None
        return source, where


def _page_index(options: ReadOptions) -> PageIndex | None:
    # Built for each feed (no cache across calls): a watched folder may gain pages between runs.
    return PageIndex(list(options.pages), options) if options.pages else None


def _entry_body(entry) -> tuple[str, str]:
    """The item's own text: full content when the feed has it, else the summary."""
    contents = [c.get("value", "") for c in entry.get("content", []) if c.get("value")]
    if contents:
        return fragment_text(max(contents, key=len)), "content"
    return fragment_text(entry.get("summary", "") or ""), "summary"


@reader(".rss", ".atom", ".rdf", ".feed")
def read_feed(path: Path, options: ReadOptions) -> Iterator[Article | ReadProblem]:
    import feedparser

    from newsgraph.read.html import article_from_html

    data = load_bytes(path, options)
    decode(data)  # binary data is refused here with a clear message; feedparser reads the bytes itself
    parsed = feedparser.parse(data)
    if not parsed.get("version") and not parsed.entries:
        reason = parsed.get("bozo_exception")
        raise BadInput(f"not an RSS/Atom feed ({reason})" if reason else "not an RSS/Atom feed")
    if not parsed.entries:
        raise BadInput("feed with no items")
    index = _page_index(options)
    if index:
        yield from index.problems
        index.problems = []
    feed_title = parsed.feed.get("title") or None
    for n, entry in enumerate(parsed.entries, 1):
        source = f"{path}#item{n}"
        link = entry.get("link") or ""
        title = " ".join((entry.get("title") or "").split())
        published_raw = entry.get("published") or entry.get("updated") or entry.get("created")
        page = index.html_for(link, options) if index else None
        if page is not None:
            article = article_from_html(page[1], source, options, url=link or None,
                                        fallback_date=published_raw, title=title or None)
            if isinstance(article, Article):
                article.outlet = options.outlet or feed_title or article.outlet
                article.metadata.update(body_from="page", page=page[0])
                if iso_date(published_raw):
                    article.published = iso_date(options.published) or iso_date(published_raw)
                yield article
                continue
            LOGGER.info("%s: page %s has no article text; using the item's own text", source, page[0])
        body, body_from = _entry_body(entry)
        if not body.strip():
            yield ReadProblem(source, "feed item with no text (no summary, no content, no saved page)")
            continue
        metadata = {"body_from": body_from}
        if entry.get("id"):
            metadata["guid"] = entry["id"]
        if entry.get("author"):
            metadata["author"] = entry["author"]
        yield Article(id=article_id(body, link or None), text=body, title=title, url=link or None,
                      outlet=options.outlet or feed_title, published=iso_date(options.published) or iso_date(published_raw),
                      source=source, metadata=metadata)
