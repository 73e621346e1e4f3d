"""Ingest: extract articles and store their records, each article once.

Entry point: :func:`ingest`, the one loop that ``newsgraph ingest``, the feed watcher and the
API's ``POST /api/ingest`` share. The store links near-duplicates and clusters events as each
record is added; failures and skipped articles go to its ``failures`` table, and the run goes on.
Library code: nothing is printed. Problems are passed to ``on_problem(label, source, message)``
(logged when it is not given) and progress to ``progress(n)``.
"""
from __future__ import annotations

import logging
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from itertools import islice
from typing import NamedTuple

from newsgraph.config import Config
from newsgraph.pipeline import Outcome, extract_in_batches, extract_many
from newsgraph.read.base import WARNING, ReadProblem
from newsgraph.record import Article, Record
from newsgraph.store import DUPLICATE, INGESTED, Store

LOGGER = logging.getLogger(__name__)

FAILED, SKIPPED = "failed", "skipped"  # statuses besides the store's INGESTED and DUPLICATE

Problem = Callable[[str, str, str], None]  # (label, source, message)
Progress = Callable[[int], None]  # articles done since the last call


class Row(NamedTuple):
    """What became of one article: ``status`` ingested, duplicate, skipped or failed; ``detail`` the
    reason for the last two; ``record`` when there is one."""

    status: str
    record: Record | None
    detail: str = ""
    source: str = ""


@dataclass
class IngestReport:
    """What one ingest run did; ``rows`` (kept on request) feeds a per-article table."""

    ingested: int = 0
    duplicates: int = 0
    skipped: int = 0
    failed: int = 0  # extraction or storing failed
    read_problems: int = 0  # inputs (or lines, records of them) that could not be read
    warnings: int = 0  # inputs read with a repair (bytes that were not UTF-8)
    left_out: int = 0  # files of unknown type in a folder
    rows: list[Row] = field(default_factory=list)

    @property
    def processed(self) -> int:
        return self.ingested + self.duplicates + self.skipped

    def as_dict(self) -> dict[str, int]:
        return {k: v for k, v in vars(self).items() if k != "rows"}


def _log_problem(label: str, source: str, message: str) -> None:
    LOGGER.warning("%s %s: %s", label, source, message)


def store_outcome(store: Store, o: Outcome, report: IngestReport, *, keep_rows: bool = False, replace: bool = False,
                  on_problem: Problem = _log_problem) -> str:
    """Store one outcome: its record, or its failure or skip in the ``failures`` table. Counts it
    in ``report`` and returns its status (ingested, duplicate, failed or skipped); a store error
    is raised, not recorded."""
    if o.error:
        store.add_failure(o.source, o.error, kind=FAILED)
        report.failed += 1
        on_problem(FAILED, o.source, o.error)
        row = Row(FAILED, None, o.error, o.source)
    elif o.skipped or o.record is None:
        reason = o.skipped or "no record"
        store.add_failure(o.source, reason, kind=SKIPPED)
        report.skipped += 1
        on_problem(SKIPPED, o.source, reason)
        row = Row(SKIPPED, o.record, reason, o.source)
    else:
        status = store.add(o.record, replace=replace)
        if status == INGESTED:
            report.ingested += 1
        else:
            report.duplicates += 1
        row = Row(status, o.record, "", o.source)
    if keep_rows:
        report.rows.append(row)
    return row.status


@dataclass
class _Run:
    """One ingest run's state: what was met before extraction waits here for the next commit."""

    store: Store
    report: IngestReport
    replace: bool
    keep_rows: bool
    on_problem: Problem
    progress: Progress
    problems: list[ReadProblem] = field(default_factory=list)
    seen_before: list[str] = field(default_factory=list)  # stored ids of articles found before extraction

    def to_extract(self, items: Iterable[Article | ReadProblem]) -> Iterator[Article]:
        for item in items:
            if isinstance(item, ReadProblem):
                self.on_problem(item.label, item.source, item.message)
                if item.fatal:
                    self.problems.append(item)
                elif item.severity == WARNING:
                    self.report.warnings += 1
                else:
                    self.report.left_out += 1
                continue
            if not self.replace and not item.skipped:
                existing = self.store.stored_id(item)
                if existing is not None:
                    self.seen_before.append(existing)
                    continue
            yield item

    def counted(self, outcomes: Iterator[Outcome]) -> Iterator[Outcome]:
        """The outcomes, each counted as progress when it arrives (before its batch is stored)."""
        for o in outcomes:
            self.progress(1)
            yield o

    def flush_side_effects(self) -> None:
        with self.store.batch():
            while self.problems:
                p = self.problems.pop(0)
                self.report.read_problems += 1
                self.store.add_failure(p.source, p.message, kind="read")
            while self.seen_before:
                existing = self.seen_before.pop(0)
                self.report.duplicates += 1
                if self.keep_rows:
                    self.report.rows.append(Row(DUPLICATE, self.store.record(existing)))
                self.progress(1)

    def store_chunk(self, chunk: list[Outcome]) -> None:
        before = (self.report.as_dict(), len(self.report.rows))
        try:
            with self.store.batch():  # an exception here rolls the whole batch back
                for o in chunk:
                    self._store(o)
            return
        except Exception as exc:  # noqa: BLE001 - a store error must not lose the batch's other articles
            self.on_problem("warning", "store", f"batch write failed ({type(exc).__name__}); retrying one by one")
        counts, n_rows = before  # forget what the rolled-back batch counted
        del self.report.rows[n_rows:]
        for k, v in counts.items():
            setattr(self.report, k, v)
        for o in chunk:
            try:
                with self.store.batch():
                    self._store(o)
            except Exception as exc:  # noqa: BLE001
                self.report.failed += 1
                self.store.add_failure(o.source, f"store: {type(exc).__name__}: {str(exc).splitlines()[0][:300]}")
                message = f"cannot store: {type(exc).__name__}: {exc}"
                self.on_problem(FAILED, o.source, message)
                if self.keep_rows:
                    self.report.rows.append(Row(FAILED, None, message, o.source))

    def _store(self, o: Outcome) -> None:
        store_outcome(self.store, o, self.report, keep_rows=self.keep_rows, replace=self.replace,
                      on_problem=self.on_problem)


def _outcomes(articles: Iterator[Article], config: Config, nlp) -> Iterator[Outcome]:
    """Extracted with ``nlp`` in this process when given, else as ``config`` says (worker processes)."""
    if nlp is None:
        return extract_many(articles, config)
    return extract_in_batches(articles, nlp, config.batch_size, config.article_seconds or None)


def ingest(items: Iterable[Article | ReadProblem], store: Store, config: Config, *, replace: bool = False,
           keep_rows: bool = False, nlp=None, progress: Progress | None = None,
           on_problem: Problem | None = None) -> IngestReport:
    """Extract and store ``items`` (articles and read problems, as :func:`~newsgraph.read.read_inputs`
    yields them), committing every ``config.batch_size``.

    Articles already stored (same id, URL or text) are counted as duplicates without being
    extracted again, unless ``replace``. A failed or skipped article, and every read problem,
    is recorded in the store's ``failures`` table and the run goes on. ``nlp``: a loaded
    pipeline to extract with in this process (else ``config`` says how).
    """
    report = IngestReport()
    run = _Run(store, report, replace, keep_rows, on_problem or _log_problem, progress or (lambda n: None))
    outcomes = run.counted(_outcomes(run.to_extract(items), config, nlp))
    while True:
        chunk = list(islice(outcomes, max(1, config.batch_size)))
        run.flush_side_effects()
        if not chunk:
            return report
        run.store_chunk(chunk)
