"""``newsgraph eval``: score extraction against gold files or PLOVER's example sentences."""
from __future__ import annotations

import json
from pathlib import Path
from typing import Optional

import typer
from rich.console import Console
from rich.table import Table

from newsgraph.cli.app import app
from newsgraph.cli.common import CONFIG_OPTION, ERR, MODEL_OPTION, PROCESSES_OPTION, config_from, fail
from newsgraph.nlp import ModelNotInstalled

OUT = Console()


def _pct(x: float) -> str:
    return f"{x:.2f}"


def _figures_table(title: str, fig: dict) -> Table:
    table = Table("measure", "precision", "recall", "F1", "counts", title=title)
    for name in ("events", "claims", "actors"):
        f = fig[name]
        counts = (f"found {f['found']}/{f['gold']}  right {f['tp_pred']}  fp {f['fp']}"
                  if name == "actors" else f"tp {f['tp']}  fp {f['fp']}  fn {f['fn']}")
        table.add_row(name, _pct(f["precision"]), _pct(f["recall"]), _pct(f["f1"]), counts)
    acc = [("factuality accuracy", fig["events"]["factuality"], "of matched"),
           ("date accuracy", fig["events"]["date"], "of matched"),
           ("speaker accuracy", fig["claims"]["speaker"], "of matched"),
           ("sector accuracy", fig["actors"]["sector"], "of found"),
           ("timex value accuracy", fig["timexes"], f"(found {fig['timexes']['found']}/{fig['timexes']['gold']})"),
           ("place country accuracy", fig["places"], f"(found {fig['places']['found']}/{fig['places']['gold']})")]
    for name, a, note in acc:
        table.add_row(name, "", "", "", f"{_pct(a['accuracy'])} = {a['correct']}/{a['total']} {note}")
    return table


def _print_details(details: dict) -> None:
    for section in ("events", "claims", "actors", "timexes", "places"):
        for kind in ("misses", "wrong", "extras"):
            items = details.get(section, {}).get(kind, [])
            if not items:
                continue
            OUT.print(f"[bold]{section} {kind}[/bold] ({len(items)})")
            for item in items:
                OUT.print(f"  - {item}", highlight=False, markup=False, soft_wrap=True)


def _gsr_table(report: dict) -> Table:
    table = Table("type", "precision", "recall", "F1", "support", title="PLOVER gold-standard sentences: event type")
    for t, r in report["per_type"].items():
        table.add_row(t, _pct(r["precision"]), _pct(r["recall"]), _pct(r["f1"]), str(r["support"]))
    m = report["macro"]
    table.add_row("[bold]macro avg[/bold]", _pct(m["precision"]), _pct(m["recall"]), _pct(m["f1"]), str(report["examples"]))
    return table


@app.command("eval")
def eval_cli(
    gold: Optional[str] = typer.Argument(None, help="A *.gold.json file, or a folder of them (totals are micro-averaged)."),
    predictions: Optional[str] = typer.Option(None, "--predictions", help="Score these records (JSONL from `extract --format jsonl`) instead of running extraction."),
    plover_gsr: Optional[str] = typer.Option(None, "--plover-gsr", help="Score event types over PLOVER_GSR_CAMEO.json example sentences instead."),
    as_json: bool = typer.Option(False, "--json", help="Print the figures as one JSON object."),
    details: bool = typer.Option(True, "--details/--no-details", help="List misses, wrong details and extras."),
    model: Optional[str] = MODEL_OPTION,
    processes: Optional[int] = PROCESSES_OPTION,
    config: Optional[str] = CONFIG_OPTION,
) -> None:
    """Score extraction against gold annotations (the scoring of ../shared/gold/README.md).

    Examples: newsgraph eval ../shared/gold/seed.gold.json ;
    newsgraph eval ../shared/gold --json ;
    newsgraph eval --plover-gsr ../shared/reference/plover/PLOVER_GSR_CAMEO.json
    """
    from newsgraph.evaluate import GoldError, evaluate_gold
    from newsgraph.evaluate.plover import evaluate_gsr

    if (gold is None) == (plover_gsr is None):
        ERR.print("[red]error:[/red] give either a GOLD file/folder or --plover-gsr PATH")
        raise typer.Exit(2)
    cfg = config_from(config, model=model, processes=processes)
    try:
        if plover_gsr is not None:
            report = evaluate_gsr(plover_gsr, cfg)
            if as_json:
                typer.echo(json.dumps(report, ensure_ascii=False))
                return
            OUT.print(_gsr_table(report))
            OUT.print(f"event-type accuracy {_pct(report['type_accuracy']['accuracy'])} "
                      f"({report['type_accuracy']['correct']}/{report['type_accuracy']['total']}) | "
                      f"actor country accuracy {_pct(report['actor_country']['accuracy'])} "
                      f"({report['actor_country']['correct']}/{report['actor_country']['total']}) | "
                      f"recipient country accuracy {_pct(report['recipient_country']['accuracy'])} "
                      f"({report['recipient_country']['correct']}/{report['recipient_country']['total']}) | "
                      f"no event found {report['no_event']}/{report['examples']}", highlight=False, soft_wrap=True)
            if details and report["confusions"]:
                OUT.print("most frequent confusions (gold -> predicted): " + ", ".join(
                    f"{c['gold']}->{c['predicted']} {c['count']}" for c in report["confusions"]), highlight=False, soft_wrap=True)
            return
        run = evaluate_gold(gold, cfg, predictions=predictions)
    except (GoldError, FileNotFoundError, ModelNotInstalled) as exc:
        raise fail(exc) from exc
    if as_json:
        data = run.to_dict() if details else {"total": run.total.figures(),
                                              "files": [{"gold": str(p), **s.figures()} for p, s in run.scores]}
        typer.echo(json.dumps(data, ensure_ascii=False))
        return
    for path, s in run.scores:
        OUT.print(_figures_table(f"newsgraph eval: {Path(path).name}", s.figures()))
        if details:
            _print_details(s.details)
        if len(run.scores) > 1:
            OUT.print(f"{Path(path).name}: {s.summary()}", highlight=False, soft_wrap=True)
    if len(run.scores) > 1:
        OUT.print(_figures_table(f"total over {len(run.scores)} gold files (micro-averaged)", run.total.figures()))
    OUT.print(run.total.summary(), highlight=False, soft_wrap=True)
