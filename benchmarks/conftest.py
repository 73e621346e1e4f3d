"""Fixtures for the stage benchmarks: a few VOA articles from ../shared, the model."""
from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SHARED = Path(os.environ.get("NEWSGRAPH_SHARED", ROOT.parent / "shared"))
VOA = SHARED / "corpus/voa/voa_stories.jsonl"
N_ARTICLES = int(os.environ.get("NEWSGRAPH_BENCH_ARTICLES", "5"))


@pytest.fixture(scope="session")
def nlp():
    from newsgraph.config import load_config
    from newsgraph.nlp import load_nlp

    return load_nlp(load_config().model)


@pytest.fixture(scope="session")
def voa_articles():
    """The first few VOA stories as articles; skipped cleanly without ../shared."""
    if not VOA.is_file():
        pytest.skip(f"skipped: ../shared/corpus/voa not found ({VOA})")
    from newsgraph.record import Article

    with VOA.open(encoding="utf-8") as fh:
        rows = [json.loads(line) for line in fh if line.strip()][:N_ARTICLES]
    return [Article(id=r["id"], text=r["text"], title=r.get("title", ""), published=(r.get("published") or "")[:10] or None)
            for r in rows]
