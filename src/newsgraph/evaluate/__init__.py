"""Evaluate: score extraction against gold annotations and PLOVER's example sentences.

Entry points:

- :func:`score` (gold dict, record) -> :class:`Score`, the scoring of ``../shared/gold/README.md``;
- :func:`evaluate_gold` (gold file or folder, config, predictions=None) -> :class:`GoldRun`, which
  runs extraction (or reads given records) and scores every gold file;
- :func:`newsgraph.evaluate.plover.evaluate_gsr` for PLOVER's gold-standard sentences.
"""
from __future__ import annotations

import logging
from dataclasses import dataclass, field
from pathlib import Path

from newsgraph.config import Config
from newsgraph.evaluate.gold import (GoldError, gold_files, gold_to_article, load_gold, pick_record,
                                     read_predictions)
from newsgraph.evaluate.score import PRF, Accuracy, Found, Score, score

LOGGER = logging.getLogger(__name__)

__all__ = ["Accuracy", "Found", "GoldError", "GoldRun", "PRF", "Score", "evaluate_gold", "score"]


@dataclass
class GoldRun:
    """Per-file scores and their micro-averaged total."""

    scores: list[tuple[Path, Score]] = field(default_factory=list)
    total: Score = field(default_factory=lambda: Score(articles=0))

    def to_dict(self) -> dict:
        return {"total": self.total.figures(),
                "files": [{"gold": str(p), **s.to_dict()} for p, s in self.scores]}


def evaluate_gold(path: str | Path, config: Config, predictions: str | Path | None = None) -> GoldRun:
    """Score extraction (or the records in ``predictions``) against every gold file at ``path``."""
    from newsgraph.pipeline import extract_many

    files = gold_files(path)
    golds = [(f, load_gold(f)) for f in files]
    if predictions is not None:
        records = read_predictions(predictions)
        paired = []
        for f, g in golds:
            rec = pick_record(g, records, f)
            if rec is None:
                raise GoldError(f"{f}: no record in {predictions} matches this gold's article (title or text)")
            paired.append(rec)
    else:
        articles = [gold_to_article(g, f) for f, g in golds]
        paired = []
        for (f, _g), outcome in zip(golds, extract_many(articles, config)):
            if outcome.record is None or outcome.error:
                raise GoldError(f"{f}: extraction failed: {outcome.error or outcome.skipped}")
            paired.append(outcome.record)
    run = GoldRun()
    for (f, g), rec in zip(golds, paired):
        s = score(g, rec)
        run.scores.append((f, s))
        run.total.add(s)
    return run
