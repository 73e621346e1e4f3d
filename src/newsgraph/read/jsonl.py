"""JSON lines: one article object per line (``id``, ``url``, ``title``, ``published``, ``text``).

Every other key is kept in ``article.metadata``. ``published`` may be any timestamp news
sources write ("2025-03-14 20:30:26Z"); the article gets its ISO date. A line that is not
JSON, not an object or has no text is one ReadProblem naming the file and line; the other
lines are read. A ``.json`` file may hold one such object or a list of them.
"""
from __future__ import annotations

import codecs
import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from newsgraph.read.base import (Article, BadInput, ReadOptions, ReadProblem, article_id, iso_date, load_bytes, reader,
                                 repair_warning)
from newsgraph.read.detect import decode_text, line_binary_kind, load_text, signature_kind

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


def _string(obj: dict[str, Any], key: str, value: Any) -> str | None:
    """``value`` when it is a string; anything else (a list, an object) is kept as ``{key}_raw``."""
    if value is None or isinstance(value, str):
        return value or None
    obj[f"{key}_raw"] = value
    return None


def article_from_object(obj: Any, source: str, options: ReadOptions) -> Article | ReadProblem:
    """One article from one decoded JSON object."""
    if not isinstance(obj, dict):
        return ReadProblem(source, f"expected a JSON object, got {type(obj).__name__}")
    obj = dict(obj)
    text = _take(obj, TEXT_KEYS)
    if not isinstance(text, str) or not text.strip():
        return ReadProblem(source, "no article text (expected a non-empty \"text\" key)")
    title = _take(obj, TITLE_KEYS)
    url = _string(obj, "url", _take(obj, ("url", "link"))) or options.url
    published_raw = _take(obj, DATE_KEYS) or options.published
    published = iso_date(published_raw)
    if published_raw and published != published_raw:
        obj["published_raw"] = published_raw
    outlet = _string(obj, "outlet", _take(obj, OUTLET_KEYS)) or options.outlet
    given_id = obj.pop("id", None)
    return Article(id=str(given_id) if given_id not in (None, "") else article_id(text, url),
                   text=text, title=str(title or "").strip(), url=url, outlet=outlet,
                   published=published, source=source, metadata=obj)


def _lines(path: Path, data: bytes) -> Iterator[tuple[int, str, str | None] | ReadProblem]:
    """``(line number, text, binary kind)`` for each line (the kind set, and the text empty, for
    a line of binary data); first a warning naming the lines whose stray bytes were repaired.

    NUL bytes and control characters are judged line by line, so that one damaged line
    costs that line only; a file most of whose lines are binary is a binary file.
    """
    kind = signature_kind(data)
    if kind:
        raise BadInput(f"binary file ({kind}), not text")
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):  # UTF-16 (or -32) JSONL: NULs and all
        data = decode_text(data).text.encode("utf-8", "surrogatepass")
    raws = data.split(b"\n")
    binary = {n: k for n, raw in enumerate(raws, 1) if (k := line_binary_kind(raw))}
    if binary and 2 * len(binary) > sum(1 for raw in raws if raw.strip()):
        raise BadInput(f"binary file ({next(iter(binary.values()))}), not text")
    # Binary lines are blanked before decoding, so that they do not sway the encoding's detection.
    decoded = decode_text(b"\n".join(b"" if n in binary else raw for n, raw in enumerate(raws, 1)),
                          check_binary=False)
    if decoded.repaired_lines:
        yield repair_warning(str(path), decoded.repaired_lines, decoded.repaired_bytes)
    for n, line in enumerate(decoded.text.split("\n"), 1):
        yield n, line, binary.get(n)


@reader(".jsonl", ".ndjson", ".jsonl.gz")
def read_jsonl(path: Path, options: ReadOptions) -> Iterator[Article | ReadProblem]:
    for item in _lines(path, load_bytes(path, options)):
        if isinstance(item, ReadProblem):
            yield item
            continue
        n, line, binary = item
        source = f"{path}:{n}"
        if binary:
            yield ReadProblem(source, f"line holds {binary}, not text")
            continue
        if not line.strip():
            continue
        try:
            obj = json.loads(line)
        except json.JSONDecodeError as exc:
            yield ReadProblem(source, f"malformed JSON line ({exc.msg}, column {exc.colno})")
            continue
        except RecursionError:  # "[[[[..." nested deeper than Python's stack
            yield ReadProblem(source, "malformed JSON line (nested too deeply)")
            continue
        except ValueError:  # a number of more than 4,300 digits
            yield ReadProblem(source, "malformed JSON line (a number too long to read)")
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
