"""Shared fixtures: the spaCy pipeline (loaded once), ``../shared`` when present, a record builder."""
from __future__ import annotations

import os
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SHARED = Path(os.environ.get("NEWSGRAPH_SHARED", ROOT.parent / "shared"))


@pytest.fixture(scope="session")
def nlp():
    from newsgraph.config import load_config
    from newsgraph.nlp import load_nlp

    return load_nlp(load_config(environ={}).model)


@pytest.fixture(scope="session")
def shared() -> Path:
    """The project's shared reference folder; tests that need it skip cleanly without it."""
    if not SHARED.is_dir():
        pytest.skip(f"../shared is absent ({SHARED}); this test reads the shared corpus or gold")
    return SHARED


@pytest.fixture(scope="session")
def extract(nlp):
    """``extract(text, published=None, title='')`` runs the whole pipeline over one text."""
    from newsgraph.pipeline import extract_article
    from newsgraph.record import Article

    def run(text: str, published: str | None = None, title: str = ""):
        return extract_article(Article(id="test", text=text, title=title, published=published), nlp)

    return run


@pytest.fixture(scope="session")
def seed_record(shared, nlp):
    """The seed article, extracted once for the whole session."""
    from newsgraph.pipeline import extract_article
    from newsgraph.read import ReadOptions, read_inputs

    (article,) = list(read_inputs([str(shared / "corpus/seed/kim-jong-un-russia.txt")], ReadOptions(published="2023-09-12")))
    return extract_article(article, nlp)


@pytest.fixture(scope="session")
def actors_of(nlp):
    """``actors_of(text)`` -> the record after the actors stage alone (cleaning left out)."""
    from newsgraph.actors import find_actors
    from newsgraph.record import Article, Record

    def run(text: str):
        record = Record(article=Article(id="t", text=text))
        find_actors(record, nlp(text))
        return record

    return run
