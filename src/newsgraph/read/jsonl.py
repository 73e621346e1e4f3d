"""JSON lines: one article object per line (``id``, ``url``, ``title``, ``published``, ``text``).

Every other key is kept in ``article.metadata``. ``published`` may be any timestamp news
sources write ("2025-03-14 20:30:26Z"); the article gets its ISO date. A line that is not
JSON, not an object or has no text is one ReadProblem naming the file and line; the other
lines are read. A ``.json`` file may hold one such object or a list of them.
"""
from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from newsgraph.read.base import (Article, BadInput, ReadOptions, ReadProblem, article_id, iso_date, load_bytes,
                                 load_text, reader)
from newsgraph.read.detect import binary_kind, decode

# Keys read into Article fields, in order of preference; the rest is metadata.
TEXT_KEYS = ("text", "body", "content", "maintext")
TITLE_KEYS = ("title", "headline")
DATE_KEYS = ("published", "date", "date_publish", "pubdate", "published_at")
OUTLET_KEYS = ("outlet", "source_domain", "sitename", "site")


def _take(obj: dict[str, Any], keys: tuple[str, ...]) -> Any:
    value = None
    for key in keys:
        if key in obj:
            v = obj.pop(key)
            if value in (None, "") and v not in (None, ""):
                value = v
    return value


def article_from_object(obj: Any, source: str, options: ReadOptions) -> Article | ReadProblem:
    """One article from one decoded JSON object."""
    if not isinstance(obj, dict):
        return ReadProblem(source, f"expected a JSON object, got {type(obj).__name__}")
    obj = dict(obj)
    text = _take(obj, TEXT_KEYS)
    if not isinstance(text, str) or not text.strip():
        return ReadProblem(source, "no article text (expected a non-empty \"text\" key)")
    title = _take(obj, TITLE_KEYS)
    url = _take(obj, ("url", "link")) or options.url
    published_raw = _take(obj, DATE_KEYS) or options.published
    published = iso_date(published_raw)
    if published_raw and published != published_raw:
        obj["published_raw"] = published_raw
    outlet = _take(obj, OUTLET_KEYS) or options.outlet
    given_id = obj.pop("id", None)
    return Article(id=str(given_id) if given_id not in (None, "") else article_id(text, url),
                   text=text, title=str(title or "").strip(), url=url, outlet=outlet,
                   published=published, source=source, metadata=obj)


def _lines(data: bytes) -> Iterator[tuple[int, str | None]]:
    """``(line number, text)``; each line is decoded on its own, so one line in a legacy encoding
    does not garble the UTF-8 lines around it. Text is None for a line that cannot be decoded."""
    for n, raw in enumerate(data.split(b"\n"), 1):
        try:
            yield n, raw.decode("utf-8-sig" if n == 1 else "utf-8")
        except UnicodeDecodeError:
            try:
                yield n, decode(raw)[0]
            except BadInput:
                yield n, None


@reader(".jsonl", ".ndjson", ".jsonl.gz")
def read_jsonl(path: Path, options: ReadOptions) -> Iterator[Article | ReadProblem]:
    data = load_bytes(path, options)
    kind = binary_kind(data)
    if kind:
        raise BadInput(f"binary file ({kind}), not text")
    for n, line in _lines(data):
        source = f"{path}:{n}"
        if line is None:
            yield ReadProblem(source, "line is neither UTF-8 nor any other text encoding")
            continue
        if not line.strip():
            continue
        try:
            obj = json.loads(line)
        except json.JSONDecodeError as exc:
            yield ReadProblem(source, f"malformed JSON line ({exc.msg}, column {exc.colno})")
            continue
        yield article_from_object(obj, source, options)


@reader(".json")
def read_json(path: Path, options: ReadOptions) -> Iterator[Article | ReadProblem]:
    text, _encoding = load_text(path, options)
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise BadInput(f"malformed JSON ({exc.msg}, line {exc.lineno}, column {exc.colno})") from exc
    items = data if isinstance(data, list) else [data]
    for i, obj in enumerate(items, 1):
        yield article_from_object(obj, f"{path}#{i}" if isinstance(data, list) else str(path), options)
