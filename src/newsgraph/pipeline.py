"""The pipeline: read -> clean -> annotate -> actors -> events -> claims -> dates -> places -> merge.

Every stage is a package with one public entry point over the :class:`~newsgraph.record.Record`;
this module only puts them in order. ``extract_article`` is the one function per article
that the CLI, the API, the store and the Spark job all call.
"""
from __future__ import annotations

import logging
import multiprocessing as mp
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass

from newsgraph.actors import find_actors
from newsgraph.annotate import annotate
from newsgraph.claims import attribute
from newsgraph.clean import clean
from newsgraph.config import Config
from newsgraph.dates import place_in_time
from newsgraph.events import code_events
from newsgraph.events.merge import merge_events
from newsgraph.nlp import load_nlp
from newsgraph.places import place_in_space
from newsgraph.record import Article, Record

LOGGER = logging.getLogger(__name__)

# The stages after parsing, in order; each takes (record, doc) and fills its part of the record.
STAGES: tuple[tuple[str, Callable], ...] = (
    ("actors", find_actors),
    ("events", code_events),
    ("claims", attribute),
    ("dates", place_in_time),
    ("places", place_in_space),
    ("merge", merge_events),
)


@dataclass
class Outcome:
    """What became of one article: a record, or the reason it was skipped or failed."""

    source: str
    record: Record | None = None
    skipped: str | None = None
    error: str | None = None

    @property
    def ok(self) -> bool:
        return self.record is not None and not self.skipped and not self.error


def extract_article(article: Article, nlp) -> Record:
    """Run every stage over one article and return its record.

    An article already marked ``skipped`` by its reader (not English, empty) comes back
    as a record with no extraction.
    """
    record = clean(article)
    if article.skipped:
        return record
    doc = annotate(record, nlp)
    for _name, stage in STAGES:
        stage(record, doc)
    return record


def _outcome(article: Article, nlp) -> Outcome:
    source = article.source or article.id
    if article.skipped:
        return Outcome(source, record=Record(article=article), skipped=article.skipped)
    try:
        return Outcome(source, record=extract_article(article, nlp))
    except Exception as exc:  # one bad article must not stop the batch; the reason is kept
        LOGGER.debug("extraction failed for %s", source, exc_info=True)
        return Outcome(source, error=f"{type(exc).__name__}: {exc}")


_WORKER_NLP = None


def _init_worker(model: str) -> None:
    global _WORKER_NLP  # one model per worker process, loaded once
    _WORKER_NLP = load_nlp(model)


def _work(article: Article) -> Outcome:
    return _outcome(article, _WORKER_NLP)


def extract_many(articles: Iterable[Article], config: Config) -> Iterator[Outcome]:
    """Extract records from articles, in input order, with ``config.processes`` workers."""
    if config.processes <= 1:
        nlp = load_nlp(config.model)
        for article in articles:
            yield _outcome(article, nlp)
        return
    ctx = mp.get_context("fork") if "fork" in mp.get_all_start_methods() else mp.get_context()
    with ctx.Pool(config.processes, initializer=_init_worker, initargs=(config.model,)) as pool:
        yield from pool.imap(_work, articles, chunksize=max(1, config.batch_size // config.processes))
