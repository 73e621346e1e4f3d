"""``newsgraph bench``: articles/s and words/s of extraction against bare spaCy parsing."""
from __future__ import annotations

import json
from typing import Optional

import typer
from rich.console import Console
from rich.table import Table

from newsgraph.cli.app import app
from newsgraph.cli.common import CONFIG_OPTION, MODEL_OPTION, PROCESSES_OPTION, config_from, fail
from newsgraph.nlp import ModelNotInstalled


@app.command("bench")
def bench_cli(
    corpus: Optional[str] = typer.Option(None, "--corpus", help="Corpus file (JSONL or any input `extract` reads) [default ../shared/corpus/voa/voa_stories.jsonl]."),
    processes: Optional[int] = PROCESSES_OPTION,
    batch_size: Optional[int] = typer.Option(None, "--batch-size", min=1, help="Articles per batch [env NEWSGRAPH_BATCH_SIZE; default 32]."),
    limit: Optional[int] = typer.Option(None, "--limit", min=1, help="Use only the first N articles."),
    as_json: bool = typer.Option(False, "--json", help="Print the figures as one JSON object."),
    model: Optional[str] = MODEL_OPTION,
    config: Optional[str] = CONFIG_OPTION,
) -> None:
    """Time the full extraction and bare spaCy parsing of the same texts, in one run.

    Example: newsgraph bench --processes 2 --json
    """
    from newsgraph.evaluate.bench import default_corpus, run_benchmark

    cfg = config_from(config, model=model, processes=processes, batch_size=batch_size)
    path = corpus or default_corpus()
    if corpus is None and not default_corpus().is_file():
        typer.echo(f"skipped: ../shared/corpus/voa not found ({default_corpus()})")
        return
    try:
        result = run_benchmark(path, cfg, limit=limit)
    except (FileNotFoundError, ValueError, ModelNotInstalled) as exc:
        raise fail(exc) from exc
    if as_json:
        typer.echo(json.dumps(result))
        return
    table = Table("run", "seconds", "articles/s", "words/s", "CPU seconds", title=(
        f"newsgraph bench: {result['articles']} articles, {result['words']} words, "
        f"{result['processes']} process(es), batch {result['batch_size']}, {result['model']}"))
    for name, key in (("full extraction", "extract"), ("bare spaCy parse", "parse")):
        r = result[key]
        table.add_row(name, f"{r['seconds']:.2f}", f"{r['articles_per_s']:.2f}", f"{r['words_per_s']:.0f}", f"{r['cpu_seconds']:.2f}")
    console = Console()
    console.print(table)
    m, mem = result["machine"], result["peak_rss_mb"]
    console.print(f"ratio extraction/parse {result['ratio']} (by CPU time {result['cpu_ratio']}) | load {result['load_average'][0]} | peak RSS {mem['self']} MB (largest child {mem['children']} MB) | "
                  f"{m['cpus']} CPUs, {m['processor']}, Python {m['python']}, spaCy {m['spacy']}", highlight=False, soft_wrap=True)
    if result["extract"]["failed"]:
        console.print(f"[yellow]{result['extract']['failed']} article(s) failed extraction[/yellow]")
