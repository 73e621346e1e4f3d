"""``newsgraph spark``: run the extraction with Apache Spark and write Parquet partitioned by date."""
from __future__ import annotations

import time
from typing import Optional

import typer

from newsgraph.cli.app import app
from newsgraph.cli.common import CONFIG_OPTION, ERR, MODEL_OPTION, config_from


@app.command("spark")
def spark_cli(
    inputs: list[str] = typer.Argument(..., help="JSONL or WARC files (any input `extract` reads)."),
    output: str = typer.Option(..., "--output", "-o", help="Parquet output folder (partitioned by event_day)."),
    master: str = typer.Option("local[*]", "--master", help="Spark master: local[N], spark://host:7077, yarn ..."),
    partitions: Optional[int] = typer.Option(None, "--partitions", min=1, help="Partitions of the article set [default: Spark's parallelism]."),
    batch_size: int = typer.Option(16, "--batch-size", min=1, help="Articles parsed together inside an executor."),
    model: Optional[str] = MODEL_OPTION,
    config: Optional[str] = CONFIG_OPTION,
) -> None:
    """Extract events with Spark: the same function per article as `extract`, the model loaded
    once per executor, Parquet rows with the export schema, partitioned by event day.

    Example: newsgraph spark corpus.jsonl --output events.parquet --master local[2]
    """
    try:
        from newsgraph.spark import run_job
    except ImportError as exc:
        ERR.print("[red]error:[/red] pyspark is not installed: pip install 'newsgraph[spark]'")
        raise typer.Exit(2) from exc
    cfg = config_from(config, model=model)
    started = time.perf_counter()
    report = run_job(inputs, output, master=master, model=cfg.model, partitions=partitions, batch_size=batch_size,
                     article_seconds=cfg.article_seconds or None)
    ERR.print(f"wrote {report.events} event(s) in {report.partitions} day partition(s) to {report.output} "
              f"in {time.perf_counter() - started:.1f}s", highlight=False)
