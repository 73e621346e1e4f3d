"""Event-type evaluation over PLOVER's gold-standard example sentences (PLOVER_GSR_CAMEO.json).

Each example (the ``DOCUMENT`` entry aside) is one sentence with one event type, source
and target actors. The pipeline runs over every sentence; the predicted type is that of
the most confident event (or ``none``). The 2016 labels are mapped to 2021 types with
``data/plover_2016_to_2021.tsv``; CAMEO country codes to ISO with ``data/cameo_country_codes.tsv``.
"""
from __future__ import annotations

import json
import logging
from collections import Counter
from functools import lru_cache
from pathlib import Path
from typing import Any

from newsgraph.config import Config
from newsgraph.lexicons import read_tsv
from newsgraph.record import Article, Record

LOGGER = logging.getLogger(__name__)

NONE = "none"


def _mapping(name: str, key: str, value: str) -> dict[str, str]:
    return {row[key]: row[value] for row in read_tsv("newsgraph.evaluate", name)}


@lru_cache(maxsize=1)
def type_map() -> dict[str, str]:
    return _mapping("plover_2016_to_2021.tsv", "type_2016", "type_2021")


@lru_cache(maxsize=1)
def country_map() -> dict[str, str]:
    return _mapping("cameo_country_codes.tsv", "cameo", "iso3")


def gold_type(label: str) -> str:
    """The 2021 PLOVER type for a 2016 gold label."""
    return type_map().get(label, label)


def iso_country(code: str | None) -> str | None:
    """ISO alpha-3 (or IGO) for a CAMEO country code; None for transnational or missing codes."""
    if not code:
        return None
    code = code.strip().upper()[:3]
    mapped = country_map().get(code, code)
    return mapped or None


def _countries(actors: Any) -> set[str]:
    if isinstance(actors, dict):
        actors = [actors]
    if not isinstance(actors, list):
        return set()
    return {c for a in actors if isinstance(a, dict) for c in [iso_country(a.get("code"))] if c}


def load_examples(path: str | Path) -> list[dict[str, Any]]:
    """The example sentences (entries with a ``text``, not the ``DOCUMENT`` entry)."""
    data = json.loads(Path(path).read_text(encoding="utf-8"))
    return [x for x in data if x.get("text") and x.get("event") != "DOCUMENT"]


def predicted(record: Record | None) -> tuple[str, str | None, str | None]:
    """(PLOVER category, actor country, recipient country) of the most confident event, or
    ('none', None, None). The category is the codebook's (a future visit is AGREE)."""
    if record is None or not record.events:
        return NONE, None, None
    best = max(record.events, key=lambda e: e.confidence or 0.0)
    actor, recipient = record.actor(best.actor), record.actor(best.recipient)
    return best.plover_type or best.type, actor.country if actor else None, recipient.country if recipient else None


def classification_report(gold: list[str], pred: list[str]) -> dict[str, dict[str, float]]:
    """Per gold label: precision, recall, F1 and support (how many gold examples)."""
    support = Counter(gold)
    predicted_n = Counter(pred)
    right = Counter(g for g, p in zip(gold, pred) if g == p)
    report = {}
    for label in sorted(support):
        p = right[label] / predicted_n[label] if predicted_n[label] else 0.0
        r = right[label] / support[label]
        report[label] = {"precision": round(p, 4), "recall": round(r, 4),
                         "f1": round(2 * p * r / (p + r), 4) if p + r else 0.0, "support": support[label]}
    return report


def evaluate_gsr(path: str | Path, config: Config) -> dict[str, Any]:
    """Run the pipeline over every example sentence and score event types and actor countries."""
    from newsgraph.pipeline import extract_many

    examples = load_examples(path)
    articles = [Article(id=str(x.get("id", i)), text=x["text"], title="", published=x.get("date"),
                        source=str(x.get("id", i))) for i, x in enumerate(examples)]
    gold_types, pred_types = [], []
    actor_right = actor_total = recip_right = recip_total = 0
    confusions: Counter[tuple[str, str]] = Counter()
    rows = []
    for x, outcome in zip(examples, extract_many(articles, config)):
        if outcome.error:
            LOGGER.warning("%s: extraction failed: %s", x.get("id"), outcome.error)
        g = gold_type(x["event"])
        p, p_actor, p_recip = predicted(outcome.record)
        gold_types.append(g)
        pred_types.append(p)
        if g != p:
            confusions[(g, p)] += 1
        sources, targets = _countries(x.get("source")), _countries(x.get("target"))
        if sources:
            actor_total += 1
            actor_right += p_actor in sources
        if targets:
            recip_total += 1
            recip_right += p_recip in targets
        rows.append({"id": x.get("id"), "gold": g, "predicted": p, "actor": p_actor, "gold_actor": sorted(sources)})
    per_type = classification_report(gold_types, pred_types)
    n = len(per_type) or 1
    macro = {k: round(sum(r[k] for r in per_type.values()) / n, 4) for k in ("precision", "recall", "f1")}
    correct = sum(g == p for g, p in zip(gold_types, pred_types))
    return {
        "examples": len(examples),
        "per_type": per_type,
        "macro": macro,
        "type_accuracy": {"correct": correct, "total": len(examples),
                          "accuracy": round(correct / len(examples), 4) if examples else 0.0},
        "actor_country": {"correct": actor_right, "total": actor_total,
                          "accuracy": round(actor_right / actor_total, 4) if actor_total else 0.0},
        "recipient_country": {"correct": recip_right, "total": recip_total,
                              "accuracy": round(recip_right / recip_total, 4) if recip_total else 0.0},
        "no_event": sum(p == NONE for p in pred_types),
        "confusions": [{"gold": g, "predicted": p, "count": c} for (g, p), c in confusions.most_common(15)],
        "examples_detail": rows,
    }
