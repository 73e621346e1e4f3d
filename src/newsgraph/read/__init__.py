"""Read: turn input files into :class:`~newsgraph.record.Article` objects.

Entry point: :func:`read_inputs`. Readers are registered by file suffix; each yields
articles or :class:`ReadProblem` (one clear line naming the file and line), so one bad
input never stops a batch.
"""
from __future__ import annotations

import hashlib
import json
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from newsgraph.record import Article


@dataclass
class ReadOptions:
    published: str | None = None
    outlet: str | None = None
    url: str | None = None
    max_bytes: int = 50 * 1024 * 1024
    pages: list[str] = field(default_factory=list)  # folders or WARCs holding feed item pages


@dataclass
class ReadProblem:
    source: str  # "path" or "path:line"
    message: str

    def __str__(self) -> str:
        return f"{self.source}: {self.message}"


Reader = Callable[[Path, ReadOptions], Iterator["Article | ReadProblem"]]
READERS: dict[str, Reader] = {}


def reader(*suffixes: str):
    """Register a reader function for file names ending in ``suffixes``."""
    def register(fn: Reader) -> Reader:
        for s in suffixes:
            READERS[s] = fn
        return fn
    return register


def article_id(text: str, url: str | None = None) -> str:
    """A stable id: the SHA-1 of the URL when there is one, else of the text."""
    return hashlib.sha1((url or text).encode("utf-8")).hexdigest()


@reader(".txt")
def read_txt(path: Path, options: ReadOptions) -> Iterator[Article | ReadProblem]:
    text = path.read_text(encoding="utf-8")
    lines = text.strip().splitlines()
    if not lines:
        yield ReadProblem(str(path), "empty file")
        return
    title, body = lines[0].strip(), "\n".join(lines[1:]).strip()
    yield Article(id=article_id(body, options.url), text=body, title=title, url=options.url,
                  outlet=options.outlet, published=options.published, source=str(path))


@reader(".jsonl")
def read_jsonl(path: Path, options: ReadOptions) -> Iterator[Article | ReadProblem]:
    with path.open(encoding="utf-8") as fh:
        for n, line in enumerate(fh, 1):
            if not line.strip():
                continue
            try:
                obj = json.loads(line)
            except json.JSONDecodeError as exc:
                yield ReadProblem(f"{path}:{n}", f"malformed JSON ({exc.msg})")
                continue
            text = obj.pop("text", "") or ""
            url = obj.pop("url", None)
            published = obj.pop("published", None)
            yield Article(id=str(obj.pop("id", None) or article_id(text, url)), text=text,
                          title=obj.pop("title", "") or "", url=url, outlet=obj.pop("outlet", None),
                          published=(published or "")[:10] or None, source=f"{path}:{n}", metadata=obj)


def read_inputs(paths: Iterable[str], options: ReadOptions | None = None) -> Iterator[Article | ReadProblem]:
    """Articles (and problems) from every input path, in order."""
    options = options or ReadOptions()
    for p in paths:
        path = Path(p)
        fn = next((READERS[s] for s in sorted(READERS, key=len, reverse=True) if path.name.lower().endswith(s)), None)
        if fn is None:
            yield ReadProblem(p, f"no reader for this file type (known: {', '.join(sorted(READERS))})")
            continue
        try:
            yield from fn(path, options)
        except OSError as exc:
            yield ReadProblem(p, f"cannot read: {exc.strerror or exc}")
        except UnicodeDecodeError as exc:
            yield ReadProblem(p, f"not valid text ({exc.reason} at byte {exc.start})")
