"""The pipeline: read -> clean -> annotate -> actors -> events -> claims -> dates -> places -> merge.

Every stage is a package with one public entry point over the :class:`~newsgraph.record.Record`;
this module only puts them in order. ``extract_article`` is the one function per article
that the CLI, the API, the store and the Spark job all call.
"""
from __future__ import annotations

import logging
import multiprocessing as mp
import time
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from itertools import islice

from newsgraph.actors import find_actors
from newsgraph.annotate import PIECE_CHARS, annotate, annotate_many
from newsgraph.annotate.blas import limit_blas_threads
from newsgraph.claims import attribute
from newsgraph.clean import clean
from newsgraph.config import Config
from newsgraph.dates import place_in_time
from newsgraph.events import code_events
from newsgraph.events.codebook import apply_codebook
from newsgraph.events.merge import merge_events
from newsgraph.nlp import load_nlp
from newsgraph.places import place_in_space
from newsgraph.record import Article, Record
from newsgraph.stage import Stage, check_order, declared

LOGGER = logging.getLogger(__name__)

# The stages after parsing, in order; each takes (record, doc) and fills the parts of the record
# it declares (newsgraph.stage). The order is checked here, once, when the module is imported.
STAGES: tuple[Stage, ...] = check_order(declared(fn) for fn in (
    find_actors, code_events, attribute, place_in_time, place_in_space, merge_events, apply_codebook))


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


class OverBudget(TimeoutError):
    """An article took longer than its time budget (the ``article_seconds`` setting)."""


class Budget:
    """The time one article may take. Checked between the pieces of a long text's parse
    and between stages, so an article stops within one stage's time of its limit; every
    stage is linear in the text's length, which keeps that short. ``seconds`` of 0 or None
    is no limit."""

    def __init__(self, seconds: float | None):
        self.seconds = seconds or None
        self.deadline = time.monotonic() + seconds if seconds else None

    def check(self, where: str = "") -> None:
        if self.deadline is not None and time.monotonic() > self.deadline:
            after = f" (after {where})" if where else ""
            raise OverBudget(f"took longer than its time budget of {self.seconds:g} s{after}; "
                             "set article_seconds (NEWSGRAPH_ARTICLE_SECONDS) to allow more, 0 for no limit")


def extract_article(article: Article, nlp, doc=None, seconds: float | None = None) -> Record:
    """Run every stage over one article and return its record.

    ``doc`` is the article's parse when the caller has already made it (batched parsing);
    an article already marked ``skipped`` by its reader (not English, empty) comes back as
    a record with no extraction. ``seconds`` is the article's time budget (None: no limit);
    past it :class:`OverBudget` is raised.
    """
    budget = Budget(seconds)
    record = clean(article)
    if article.skipped:
        return record
    if doc is None:
        doc = annotate(record, nlp, lambda: budget.check("part of the parse"))
        budget.check("parsing")
    run_stages(record, doc, budget)
    return record


def run_stages(record: Record, doc, budget: Budget | None = None) -> None:
    """The stages after parsing, in order, over a cleaned and parsed record."""
    for st in STAGES:
        st(record, doc)
        if budget is not None:
            budget.check(f"the {st.name} stage")


def _failed(source: str, exc: Exception) -> Outcome:
    # One bad article must not stop the batch: the reason is kept and reported.
    LOGGER.debug("extraction failed for %s", source, exc_info=True)
    return Outcome(source, error=f"{type(exc).__name__}: {exc}")


def extract_batch(articles: list[Article], nlp, batch_size: int = 32, seconds: float | None = None) -> list[Outcome]:
    """Extract a batch of articles, parsing their texts together with ``nlp.pipe`` (faster
    than one call per text); the result has one outcome per article, in order. ``seconds``
    is each article's time budget (None: no limit): an article past it is a failed outcome
    and the others go on. A short article's budget counts from the end of the shared parse."""
    return list(iter_batch(articles, nlp, batch_size, seconds))


def iter_batch(articles: list[Article], nlp, batch_size: int = 32, seconds: float | None = None) -> Iterator[Outcome]:
    """:func:`extract_batch`, yielding each outcome as soon as it and those before it are done
    (a progress bar then moves article by article, not batch by batch)."""
    outcomes: list[Outcome | None] = [None] * len(articles)
    todo: list[tuple[int, Record]] = []
    for i, article in enumerate(articles):
        source = article.source or article.id
        if article.skipped:
            outcomes[i] = Outcome(source, record=Record(article=article), skipped=article.skipped)
            continue
        try:
            record = clean(article)
        except Exception as exc:
            outcomes[i] = _failed(source, exc)
            continue
        if record.article.skipped:
            outcomes[i] = Outcome(source, record=record, skipped=record.article.skipped)
        else:
            todo.append((i, record))
    short = [(i, r) for i, r in todo if len(r.article.text) <= PIECE_CHARS]
    try:
        docs = dict(zip((i for i, _ in short), annotate_many([r for _, r in short], nlp, batch_size=batch_size)))
    except Exception:  # a parse failure in the batch: parse one by one to isolate it
        docs = {}
    done = 0
    for i, record in todo:
        while done < i:  # the articles before this one that needed no extraction
            yield outcomes[done]
            done += 1
        source = record.article.source or record.article.id
        budget = Budget(seconds)
        try:
            doc = docs.pop(i, None)
            if doc is None:  # a long text, parsed in pieces under its own budget
                doc = annotate(record, nlp, lambda: budget.check("part of the parse"))
                budget.check("parsing")
            run_stages(record, doc, budget)
            outcomes[i] = Outcome(source, record=record)
        except Exception as exc:
            outcomes[i] = _failed(source, exc)
        yield outcomes[i]
        done = i + 1
    yield from outcomes[done:]  # type: ignore[misc]


_WORKER: dict = {}
_WARM: set[int] = set()


def warm_up(nlp) -> None:
    """Load what the stages read lazily (gazetteer, lexicons, rule caches) by extracting a few
    bundled sample articles. Called in the parent before workers fork, so that they share
    one copy instead of each building its own (the place gazetteer alone takes ~2 s)."""
    from newsgraph.read import ReadOptions, read_inputs, sample_paths

    if id(nlp) in _WARM:
        return
    _WARM.add(id(nlp))
    articles = [a for a in read_inputs([str(p) for p in sample_paths()], ReadOptions()) if isinstance(a, Article)]
    extract_batch(articles[:8], nlp)


def _init_worker(model: str, fast: bool, batch_size: int, seconds: float | None = None) -> None:
    # One model per worker process, loaded once; one BLAS thread, as the workers fill the cores.
    limit_blas_threads(1)
    _WORKER["nlp"] = load_nlp(model, fast)
    _WORKER["batch_size"] = batch_size
    _WORKER["seconds"] = seconds


def _work(articles: list[Article]) -> list[Outcome]:
    return extract_batch(articles, _WORKER["nlp"], _WORKER["batch_size"], _WORKER["seconds"])


def _batches(items: Iterable[Article], size: int) -> Iterator[list[Article]]:
    it = iter(items)
    while batch := list(islice(it, size)):
        yield batch


def worker_batch_size(config: Config) -> int:
    """Articles per task when several workers share the input: at most 16 keeps every worker
    busy on short inputs; much smaller batches slow spaCy down (fewer tokens per product)."""
    return max(1, min(config.batch_size, 16))


def extract_in_batches(articles: Iterable[Article], nlp, batch_size: int, seconds: float | None) -> Iterator[Outcome]:
    """Outcomes of ``articles`` in this process with an already loaded ``nlp``, ``batch_size``
    parsed together, each as soon as its stages are done."""
    size = max(1, batch_size)
    for batch in _batches(articles, size):
        yield from iter_batch(batch, nlp, size, seconds)


def extract_many(articles: Iterable[Article], config: Config) -> Iterator[Outcome]:
    """Extract records from articles, in input order, with ``config.processes`` workers,
    ``config.batch_size`` articles parsed together, each within ``config.article_seconds``."""
    size = max(1, config.batch_size)
    seconds = config.article_seconds or None
    if config.processes <= 1:
        yield from extract_in_batches(articles, load_nlp(config.model, config.fast_parse), size, seconds)
        return
    ctx = mp.get_context("fork") if "fork" in mp.get_all_start_methods() else mp.get_context()
    if ctx.get_start_method() == "fork":
        warm_up(load_nlp(config.model, config.fast_parse))
    per_worker = worker_batch_size(config)
    with ctx.Pool(config.processes, initializer=_init_worker,
                  initargs=(config.model, config.fast_parse, per_worker, seconds)) as pool:
        for outcomes in pool.imap(_work, _batches(articles, per_worker)):
            yield from outcomes
