"""Gold files: loading them, finding the article each one annotates, and pairing records.

A gold file's ``article.file`` is relative to the shared folder that holds ``gold/``,
so it is resolved against the gold file's grandparent (``GOLD_DIR/..``).
"""
from __future__ import annotations

import json
import logging
from pathlib import Path
from typing import Any

from newsgraph.evaluate.text import TextIndex, normalise
from newsgraph.record import Article, Record

LOGGER = logging.getLogger(__name__)


class GoldError(ValueError):
    """A gold file that cannot be read or whose article cannot be found."""


def gold_files(path: str | Path) -> list[Path]:
    """``path`` itself, or every ``*.gold.json`` in the folder ``path``, sorted."""
    p = Path(path)
    if p.is_dir():
        files = sorted(p.glob("*.gold.json"))
        if not files:
            raise GoldError(f"no *.gold.json files in {p}")
        return files
    if not p.is_file():
        raise GoldError(f"gold file not found: {p}")
    return [p]


def load_gold(path: str | Path) -> dict[str, Any]:
    p = Path(path)
    try:
        gold = json.loads(p.read_text(encoding="utf-8"))
    except (OSError, json.JSONDecodeError) as exc:
        raise GoldError(f"{p}: cannot read gold file ({exc})") from exc
    if not isinstance(gold, dict) or "article" not in gold:
        raise GoldError(f"{p}: not a gold file (no 'article' key)")
    return gold


def gold_article_path(gold: dict[str, Any], gold_path: str | Path) -> Path:
    """The article file the gold annotates, resolved against ``GOLD_DIR/..``."""
    rel = (gold.get("article") or {}).get("file")
    if not rel:
        raise GoldError(f"{gold_path}: gold has no article.file")
    base = Path(gold_path).resolve().parent.parent
    path = base / rel
    if not path.is_file():
        raise GoldError(f"{gold_path}: article file not found: {path}")
    return path


def gold_published(gold: dict[str, Any]) -> str | None:
    return (gold.get("article") or {}).get("published")


def gold_title(gold: dict[str, Any], gold_path: str | Path | None = None) -> str | None:
    """The article's headline: ``boilerplate.keep_title``, else the article file's first line."""
    title = (gold.get("boilerplate") or {}).get("keep_title")
    if title:
        return title
    if gold_path is not None:
        try:
            first = next((ln for ln in gold_article_path(gold, gold_path).read_text(encoding="utf-8").splitlines() if ln.strip()), "")
            return first.strip() or None
        except (GoldError, OSError):
            return None
    return None


def gold_fragments(gold: dict[str, Any]) -> list[str]:
    """Text fragments the gold expects in the article: evidence and claim contents."""
    frags = [e.get("evidence") for e in gold.get("events", [])]
    frags += [c.get("content") for c in gold.get("claims", [])]
    return [f for f in frags if f]


def pick_record(gold: dict[str, Any], records: list[Record], gold_path: str | Path | None = None) -> Record | None:
    """The record that the gold annotates: same title, else the one holding most gold fragments."""
    title = gold_title(gold, gold_path)
    if title:
        key = normalise(title).lower()
        for r in records:
            if normalise(r.article.title or "").lower() == key:
                return r
    frags = gold_fragments(gold)
    best, best_hits = None, 0
    for r in records:
        index = TextIndex(r.article.text)
        hits = sum(1 for f in frags if index.find(f))
        if hits > best_hits:
            best, best_hits = r, hits
    if best is not None and best_hits * 2 >= len(frags):
        return best
    return None


def read_predictions(path: str | Path) -> list[Record]:
    """Records from a JSONL file of contract records (``newsgraph extract --format jsonl``)."""
    records = []
    with Path(path).open(encoding="utf-8") as fh:
        for n, line in enumerate(fh, 1):
            if not line.strip():
                continue
            try:
                records.append(Record.from_dict(json.loads(line)))
            except (json.JSONDecodeError, KeyError, TypeError) as exc:
                raise GoldError(f"{path}:{n}: not an article record ({exc})") from exc
    return records


def gold_to_article(gold: dict[str, Any], gold_path: str | Path) -> Article:
    """The gold's article, read with the reader that ``newsgraph extract`` uses."""
    from newsgraph.read import ReadOptions, ReadProblem, read_inputs

    path = gold_article_path(gold, gold_path)
    items = list(read_inputs([str(path)], ReadOptions(published=gold_published(gold))))
    articles = [a for a in items if isinstance(a, Article)]
    if not articles:
        problems = "; ".join(str(p) for p in items if isinstance(p, ReadProblem))
        raise GoldError(f"{gold_path}: cannot read article {path}: {problems or 'nothing read'}")
    return articles[0]
