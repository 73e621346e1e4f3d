"""Plain text: the first non-empty line is the headline, the rest is the body.

A front-matter block at the very top is also accepted::

    ---
    title: Talks resume in Geneva
    published: 2024-03-05
    outlet: Example Wire
    url: https://example.org/talks
    ---
    Body text ...

With front matter that has a ``title``, the whole rest of the file is the body. Other
front-matter keys are kept in ``article.metadata``. Command-line ``--published``,
``--outlet`` and ``--url`` win over the file, since the user typed them for this run.
"""
from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

from newsgraph.read.base import Article, ReadOptions, ReadProblem, article_id, iso_date, reader, repair_warning
from newsgraph.read.detect import load_decoded

_FRONT = re.compile(r"\A\s*---[ \t]*\n(.*?)\n---[ \t]*(?:\n|\Z)", re.S)
_KEY = re.compile(r"^\s*([A-Za-z_][\w-]*)\s*:\s*(.*?)\s*$")
_HEADING_MARK = re.compile(r"^#{1,6}\s+")  # a Markdown "# Headline" is a headline too


def parse_front_matter(text: str) -> tuple[dict[str, str], str]:
    """``(keys, rest)``: simple ``key: value`` lines of a leading ``---`` block, and the text after it."""
    m = _FRONT.match(text)
    if not m:
        return {}, text
    meta = {}
    for line in m.group(1).splitlines():
        km = _KEY.match(line)
        if km:
            value = km.group(2)
            if len(value) >= 2 and value[0] == value[-1] and value[0] in "\"'":
                value = value[1:-1]
            meta[km.group(1).lower()] = value
    return meta, text[m.end():]


def article_from_text(text: str, source: str, options: ReadOptions) -> Article | ReadProblem:
    """One article from a plain-text document (a file or stdin)."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    meta, rest = parse_front_matter(text)
    # Lines above the body stay as blank lines, so that line numbers in article.removed
    # (counted in the raw body by the cleaner) are line numbers of the file.
    skipped_lines = text[: len(text) - len(rest)].count("\n")
    title = meta.pop("title", "").strip()
    if not title:
        lines = rest.split("\n")
        first = next((i for i, line in enumerate(lines) if line.strip()), None)
        if first is None:
            return ReadProblem(source, "empty file (no headline, no text)")
        title = _HEADING_MARK.sub("", lines[first].strip())
        rest = "\n".join(lines[first + 1:])
        skipped_lines += first + 1
    body = "\n" * skipped_lines + rest.rstrip()
    if not body.strip():
        return ReadProblem(source, "no text after the headline")
    file_url, file_outlet = meta.pop("url", None), meta.pop("outlet", None) or meta.pop("source", None)
    file_published = meta.pop("published", None) or meta.pop("date", None)
    url = options.url or file_url or None
    outlet = options.outlet or file_outlet or None
    published_raw = options.published or file_published
    published = iso_date(published_raw)
    if published_raw and not published:
        meta["published_raw"] = published_raw
    given_id = meta.pop("id", None)
    return Article(id=given_id or article_id(title + "\n" + body.strip(), url), text=body, title=title, url=url,
                   outlet=outlet, published=published, source=source, metadata=meta)


@reader(".txt", ".text", ".md", ".txt.gz")
def read_txt(path: Path, options: ReadOptions) -> Iterator[Article | ReadProblem]:
    decoded = load_decoded(path, options)
    item = article_from_text(decoded.text, str(path), options)
    if isinstance(item, Article) and decoded.encoding != "utf-8":
        item.metadata["encoding"] = decoded.encoding
    if isinstance(item, Article) and decoded.repaired_lines:
        yield repair_warning(str(path), decoded.repaired_lines, decoded.repaired_bytes)
    yield item
