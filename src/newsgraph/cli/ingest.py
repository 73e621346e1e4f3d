"""``newsgraph ingest`` (read, extract, store) and ``newsgraph stats`` (what the store holds)."""
from __future__ import annotations

import json
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field
from itertools import islice
from pathlib import Path
from typing import Optional

import typer
from rich.console import Console
from rich.markup import escape
from rich.progress import BarColumn, MofNCompleteColumn, Progress, SpinnerColumn, TextColumn, TimeElapsedColumn
from rich.table import Table
from rich.text import Text

from newsgraph.cli import app
from newsgraph.cli.common import (
    ACTOR_OPTION,
    CONFIG_OPTION,
    COUNTRY_OPTION,
    DB_OPTION,
    ERR,
    FACTUALITY_OPTION,
    MODEL_OPTION,
    PROCESSES_OPTION,
    SINCE_OPTION,
    TYPE_OPTION,
    UNTIL_OPTION,
    config_from,
    fail,
    failure_counts,
    say,
    say_read_problem,
    short_error,
)
from newsgraph.config import Config
from newsgraph.nlp import ModelNotInstalled
from newsgraph.pipeline import Outcome, extract_many
from newsgraph.read import WARNING, ReadOptions, ReadProblem, read_inputs
from newsgraph.record import Article, Record
from newsgraph.store import DUPLICATE, INGESTED, Store, open_store


@dataclass
class IngestReport:
    """What one ingest run did; ``rows`` feeds the per-article table."""

    ingested: int = 0
    duplicates: int = 0
    skipped: int = 0
    failed: int = 0  # extraction or storing failed
    read_problems: int = 0  # inputs (or lines, records of them) that could not be read
    warnings: int = 0  # inputs read with a repair (bytes that were not UTF-8)
    left_out: int = 0  # files of unknown type in a folder
    rows: list[tuple[str, Record | None, str]] = field(default_factory=list)  # (status, record, detail)

    @property
    def processed(self) -> int:
        return self.ingested + self.duplicates + self.skipped

    def as_dict(self) -> dict[str, int]:
        return {"ingested": self.ingested, "duplicates": self.duplicates, "skipped": self.skipped,
                "failed": self.failed, "read_problems": self.read_problems, "warnings": self.warnings,
                "left_out": self.left_out}


def open_store_or_exit(db: str, cfg: Config | None = None) -> Store:
    """Open the store (with ``cfg``'s near-duplicate and cluster settings), or print one clear line and exit 2."""
    try:
        if cfg is None:
            return open_store(db)
        return open_store(db, dedup_threshold=cfg.dedup_threshold, cluster_window_days=cfg.cluster_window_days)
    except Exception as exc:  # bad path, server down, wrong password: the user needs the reason, not a trace
        ERR.print(f"[red]error:[/red] cannot open the store {escape(db)}: "
                  f"{escape(short_error(f'{type(exc).__name__}: {exc}'))}", highlight=False)
        raise typer.Exit(2) from exc


def _estimate_total(paths: list[str]) -> int | None:
    """Articles to expect, when cheap to know (line counts of JSONL files, one per text file)."""
    total = 0
    for p in paths:
        path = Path(p)
        if not path.is_file():
            return None
        if path.suffix == ".jsonl":
            try:
                with path.open("rb") as fh:
                    total += sum(1 for line in fh if line.strip())
            except OSError:
                return None
        elif path.suffix in (".txt", ".html", ".htm"):
            total += 1
        else:
            return None
    return total


def ingest(inputs: list[str], store: Store, config: Config, options: ReadOptions, *, replace: bool = False,
           keep_rows: bool = False, progress: Progress | None = None, task=None) -> IngestReport:
    """Read, extract and store ``inputs``, committing every ``config.batch_size`` articles.

    Articles already stored (same id or URL) are counted as duplicates without being
    extracted again. A failed or skipped article, and every read problem, is recorded in
    the store's ``failures`` table and the run goes on.
    """
    report = IngestReport()
    problems: list[ReadProblem] = []
    seen_before: list[tuple[Article, str]] = []  # (article, stored id) found before extraction

    def articles() -> Iterator[Article]:
        for item in read_inputs(inputs, options):
            if isinstance(item, ReadProblem):
                say_read_problem(item)
                if item.fatal:
                    problems.append(item)
                elif item.severity == WARNING:
                    report.warnings += 1
                else:
                    report.left_out += 1
                continue
            if not replace and not item.skipped:
                existing = store.stored_id(item)
                if existing is not None:
                    seen_before.append((item, existing))
                    continue
            yield item

    def flush_side_effects() -> None:
        while problems:
            p = problems.pop(0)
            report.read_problems += 1
            store.add_failure(p.source, p.message, kind="read")
        while seen_before:
            article, existing = seen_before.pop(0)
            report.duplicates += 1
            if keep_rows:
                report.rows.append(("duplicate", store.record(existing), ""))
            _advance(progress, task)

    outcomes = extract_many(articles(), config)
    while True:
        chunk = list(islice(outcomes, max(1, config.batch_size)))
        with store.batch():
            flush_side_effects()
        if not chunk:
            break
        before = (dict(vars(report)), len(report.rows))
        try:
            with store.batch():  # an exception here rolls the whole batch back
                for o in chunk:
                    _store_one(store, o, report, keep_rows, replace)
            for _ in chunk:
                _advance(progress, task)
            continue
        except Exception as exc:  # noqa: BLE001 - a store error must not lose the batch's other articles
            batch_error = exc
        # The batch's transaction rolled back: store its articles one by one, recording the culprit.
        ERR.print(f"[yellow]warning:[/yellow] batch write failed ({type(batch_error).__name__}); retrying one by one")
        counts, n_rows = before  # forget what the rolled-back batch counted
        del report.rows[n_rows:]
        for k, v in counts.items():
            if k != "rows":
                setattr(report, k, v)
        for o in chunk:
            try:
                with store.batch():
                    _store_one(store, o, report, keep_rows, replace)
                _advance(progress, task)
            except Exception as exc:  # noqa: BLE001
                report.failed += 1
                store.add_failure(o.source, f"store: {type(exc).__name__}: {str(exc).splitlines()[0][:300]}")
                say("failed", o.source, f"cannot store: {short_error(f'{type(exc).__name__}: {exc}')}")
    return report


def _advance(progress: Progress | None, task) -> None:
    if progress is not None and task is not None:
        progress.advance(task)


def _store_one(store: Store, o: Outcome, report: IngestReport, keep_rows: bool, replace: bool) -> None:
    if o.error:
        store.add_failure(o.source, o.error, kind="failed")
        report.failed += 1
        say("failed", o.source, short_error(o.error))
        if keep_rows:
            report.rows.append(("failed", None, f"{Path(o.source).name}: {short_error(o.error)}"))
        return
    if o.skipped or o.record is None:
        reason = o.skipped or "no record"
        store.add_failure(o.source, reason, kind="skipped")
        report.skipped += 1
        say("skipped", o.source, reason)
        if keep_rows:
            report.rows.append(("skipped", o.record, reason))
        return
    status = store.add(o.record, replace=replace)
    if status == INGESTED:
        report.ingested += 1
    else:
        report.duplicates += 1
    if keep_rows:
        report.rows.append(("new" if status == INGESTED else DUPLICATE, o.record, ""))


def _events_by_type(record: Record) -> str:
    counts = Counter(e.type for e in record.events)
    return " ".join(f"{t}×{n}" if n > 1 else t for t, n in counts.most_common()) or "-"


def _actor_names(record: Record, limit: int = 4) -> str:
    # Actors that take part in an event first: those are the ones the reader looks for.
    in_events = {x for e in record.events for x in (e.actor, e.recipient, *e.actors_extra) if x}
    ordered = sorted(record.actors, key=lambda a: (a.id not in in_events, -len(a.mentions)))
    names = list(dict.fromkeys(a.name for a in ordered))
    more = f" +{len(names) - limit}" if len(names) > limit else ""
    return ", ".join(names[:limit]) + more if names else "-"


def _claims_cell(record: Record) -> str:
    if not record.claims:
        return "-"
    anon = sum(1 for c in record.claims if c.anonymous)
    denials = sum(1 for c in record.claims if c.stance == "deny")
    extra = [f"{anon} anon." if anon else "", f"{denials} denial{'s' if denials > 1 else ''}" if denials else ""]
    extra = [x for x in extra if x]
    return f"{len(record.claims)}" + (f" ({', '.join(extra)})" if extra else "")


def article_table(rows: list[tuple[str, Record | None, str]], title: str = "Articles", width: int = 120) -> Table:
    """Per-article summary; on a narrow terminal the id and date columns are left out."""
    wide = width >= 120
    table = Table(title=title, title_justify="left", expand=False, pad_edge=False)
    if wide:
        table.add_column("id", style="dim", no_wrap=True, max_width=10, overflow="ellipsis")
        table.add_column("date", no_wrap=True)
    table.add_column("title", ratio=3, min_width=14)
    table.add_column("events by type", ratio=2, min_width=9)
    table.add_column("actors", ratio=2, min_width=9)
    table.add_column("claims", justify="right", no_wrap=True)
    table.add_column("status", no_wrap=True)
    style = {"new": "green", DUPLICATE: "cyan", "skipped": "yellow", "failed": "red"}
    for status, rec, detail in rows:
        # Text() and escape(): a "[" in a title, a name or a message is text, not markup.
        status_cell = f"[{style.get(status, 'white')}]{status}[/]"
        lead = ["", ""] if wide else []
        if rec is None:
            table.add_row(*lead, Text(detail), "", "", "", status_cell)
            continue
        art = rec.article
        lead = [Text(art.id), art.published or ""] if wide else []
        table.add_row(*lead, Text(art.title or art.id), _events_by_type(rec), Text(_actor_names(rec, 3 if wide else 2)),
                      _claims_cell(rec) if wide else str(len(rec.claims)),
                      status_cell + (f" [dim]{escape(detail)}[/]" if detail else ""))
    return table


def _summary_line(report: IngestReport) -> str:
    parts = [f"[green]{report.ingested} ingested[/]", f"[cyan]{report.duplicates} duplicates[/]",
             f"[yellow]{report.skipped} skipped[/]", f"[red]{report.failed} failed[/]" if report.failed else "0 failed"]
    if report.read_problems:
        parts.append(f"[yellow]{report.read_problems} unreadable[/]")
    if report.left_out:
        parts.append(f"[yellow]{report.left_out} file{'s' if report.left_out != 1 else ''} of unknown type skipped[/]")
    if report.warnings:
        parts.append(f"[yellow]{report.warnings} repaired[/]")
    return " · ".join(parts)


def _totals_line(stats: dict) -> str:
    return (f"{stats['articles']} articles, {stats['events']} events, {stats['actors']} actors, "
            f"{stats['claims']} claims")


@app.command("ingest")
def ingest_cli(
    inputs: Optional[list[str]] = typer.Argument(None, help="Input files or folders: .txt, .jsonl, .html, .warc(.gz), RSS/Atom feeds, or - for stdin."),
    db: Optional[str] = DB_OPTION,
    sample: bool = typer.Option(False, "--sample", help="Also ingest the bundled illustrative sample corpus (and show the per-article summary)."),
    summary: bool = typer.Option(False, "--summary", help="Print a table per article: events by type, actors, claims."),
    as_json: bool = typer.Option(False, "--json", help="Print the closing summary as one JSON object on stdout."),
    replace: bool = typer.Option(False, "--replace", help="Re-extract articles already stored and replace them."),
    published: Optional[str] = typer.Option(None, "--published", help="Publication date YYYY-MM-DD for .txt input."),
    outlet: Optional[str] = typer.Option(None, "--outlet", help="Outlet name for .txt input."),
    url: Optional[str] = typer.Option(None, "--url", help="Source URL for .txt input."),
    model: Optional[str] = MODEL_OPTION,
    processes: Optional[int] = PROCESSES_OPTION,
    config: Optional[str] = CONFIG_OPTION,
) -> None:
    """Read articles, extract events, actors and claims, and store them (each article once).

    Example: newsgraph ingest corpus.jsonl --db newsgraph.db
    """
    cfg = config_from(config, model=model, processes=processes, db=db)
    paths = list(inputs or [])
    if sample:
        from newsgraph.read import sample_paths

        found = [str(p) for p in sample_paths()]
        if not found:
            ERR.print("[red]error:[/red] the bundled sample corpus is missing from this installation")
            raise typer.Exit(2)
        paths += found
    if not paths:
        ERR.print("[red]error:[/red] give input files (or --sample for the bundled sample corpus); see --help")
        raise typer.Exit(2)
    options = ReadOptions(published=published, outlet=outlet, url=url, max_bytes=cfg.max_bytes)
    show_table = sample or summary
    out = Console()
    with open_store_or_exit(cfg.db, cfg) as store:
        total = _estimate_total(paths)
        with Progress(SpinnerColumn(), TextColumn("[bold]ingest[/]"), BarColumn(), MofNCompleteColumn(),
                      TextColumn("articles"), TimeElapsedColumn(), console=ERR, transient=True,
                      disable=not ERR.is_terminal) as progress:
            task = progress.add_task("ingest", total=total)
            try:
                report = ingest(paths, store, cfg, options, replace=replace, keep_rows=show_table,
                                progress=progress, task=task)
            except ModelNotInstalled as exc:
                raise fail(exc) from exc
        stats = store.stats()
    if as_json:
        typer.echo(json.dumps({**report.as_dict(), "store": {k: stats[k] for k in ("articles", "events", "actors", "claims", "failures")}}))
    else:
        if show_table and report.rows:
            out.print(article_table(report.rows, title=f"newsgraph ingest: {len(report.rows)} articles",
                                    width=out.width))
        out.print(_summary_line(report), highlight=False, soft_wrap=True)
        out.print(f"store [bold]{escape(cfg.db)}[/]: {_totals_line(stats)}", highlight=False, soft_wrap=True)
        if report.processed and show_table:
            out.print("next: [bold]newsgraph serve[/] (dashboard) · [bold]newsgraph events[/] · "
                      "[bold]newsgraph export -f gdelt[/]", highlight=False)
    if report.processed == 0:
        ERR.print(f"[red]error:[/red] nothing could be processed "
                  f"({failure_counts(report.read_problems, report.failed, 'extract or store')})", highlight=False)
        raise typer.Exit(1)


@app.command("stats")
def stats_cli(
    db: Optional[str] = DB_OPTION,
    as_json: bool = typer.Option(False, "--json", help="Print the counts as one JSON object."),
    config: Optional[str] = CONFIG_OPTION,
) -> None:
    """Count what the store holds: articles, events, actors, claims, failures, events by type.

    Example: newsgraph stats --json
    """
    cfg = config_from(config, db=db)
    if not cfg.db.startswith(("postgresql", "postgres:", "sqlite:")) and cfg.db != ":memory:" and not Path(cfg.db).exists():
        ERR.print(f"[red]error:[/red] no store at {cfg.db} (run `newsgraph ingest` first, or pass --db)")
        raise typer.Exit(2)
    with open_store_or_exit(cfg.db) as store:
        stats = store.stats()
    if as_json:
        typer.echo(json.dumps(stats))
        return
    out = Console()
    counts = Table(title=f"store {cfg.db} ({stats['backend']}, schema v{stats['schema_version']})", title_justify="left")
    counts.add_column("what")
    counts.add_column("count", justify="right")
    for key in ("articles", "events", "actors", "claims", "timexes", "places", "failures"):
        counts.add_row(key, f"{stats[key]:,}")
    if stats["first_day"]:
        counts.add_row("event days", f"{stats['first_day']} … {stats['last_day']}")
    out.print(counts)
    if stats["events_by_type"]:
        by_type = Table(title="events by type", title_justify="left")
        by_type.add_column("type")
        by_type.add_column("events", justify="right")
        for t, n in stats["events_by_type"].items():
            by_type.add_row(t, f"{n:,}")
        out.print(by_type)


def _find_article(store: Store, article_id: str) -> str | None:
    """The stored id equal to ``article_id``, or the one stored id starting with it."""
    from sqlalchemy import select

    from newsgraph.store import schema as S

    a = S.articles.c
    with store.connect() as conn:
        if conn.execute(select(a.id).where(a.id == article_id)).scalar() is not None:
            return article_id
        found = list(conn.execute(select(a.id).where(a.id.startswith(article_id, autoescape=True)).limit(2)).scalars())
    return found[0] if len(found) == 1 else None


@app.command("events")
def events_cli(
    db: Optional[str] = DB_OPTION,
    since: Optional[str] = SINCE_OPTION,
    until: Optional[str] = UNTIL_OPTION,
    event_type: Optional[str] = TYPE_OPTION,
    actor: Optional[str] = ACTOR_OPTION,
    country: Optional[str] = COUNTRY_OPTION,
    factuality: Optional[str] = FACTUALITY_OPTION,
    limit: int = typer.Option(30, "--limit", "-n", min=1, max=1000, help="Events to show."),
    offset: int = typer.Option(0, "--offset", min=0, help="Skip this many (paging)."),
    as_json: bool = typer.Option(False, "--json", help="One JSON object per event."),
    config: Optional[str] = CONFIG_OPTION,
) -> None:
    """List stored events, newest first, with filters.

    Example: newsgraph events --type CONSULT --since 2024-01-01
    """
    from newsgraph.store import query as Q

    cfg = config_from(config, db=db)
    flt = Q.EventFilter(since=since, until=until, type=event_type and event_type.upper(), actor=actor,
                        country=country and country.upper(), factuality=factuality)
    with open_store_or_exit(cfg.db) as store, store.connect() as conn:
        rows = Q.events(conn, flt, limit=limit, offset=offset)
        total = Q.count_events(conn, flt)
    if as_json:
        for r in rows:
            typer.echo(json.dumps(r, ensure_ascii=False, default=str))
        return
    table = Table(title=f"{total} events" + (f" (showing {offset + 1}-{offset + len(rows)})" if total > len(rows) else ""),
                  title_justify="left")
    # One line per event: the fixed columns keep their width, the rest share what the terminal
    # has left (2:2:1:3) and long names are cut with an ellipsis rather than wrapped.
    out = Console()
    fixed = {"day": 10, "type": 9, "factuality": 12}
    flex = {"actor": 2, "recipient": 2, "where": 1, "article": 3}
    room = max(len(flex) * 6, out.width - sum(fixed.values()) - 3 * (len(fixed) + len(flex)) - 1)
    for col in ("day", "type", "actor", "recipient", "factuality", "where", "article"):
        width = fixed.get(col) or max(6, room * flex[col] // sum(flex.values()))
        table.add_column(col, no_wrap=True, overflow="ellipsis", width=width)
    for r in rows:
        # Stored names and titles come from the articles: escaped, so that a "[" in them is text.
        table.add_row(r["day"] or "", r["type"], escape(r["actor_name"] or r["actor_code"] or "-"),
                      escape(r["recipient_name"] or r["recipient_code"] or "-"), r["factuality"],
                      escape(r["location_name"] or r["location_country"] or ""),
                      f"{escape(r['article_title'] or '')} [dim]({escape(r['article_id'])})[/]")
    out.print(table)


def _texts(*values) -> list[Text]:
    """Table cells as plain text: names and quotes from articles may hold "[", which is not markup."""
    return [Text("" if v is None else str(v)) for v in values]


@app.command("show")
def show_cli(
    article_id: str = typer.Argument(..., help="Article id (or a unique prefix of it), as `newsgraph events` shows."),
    db: Optional[str] = DB_OPTION,
    as_json: bool = typer.Option(False, "--json", help="Print the stored record (the contract's JSON)."),
    config: Optional[str] = CONFIG_OPTION,
) -> None:
    """Show one stored article: its events, actors and claims.

    Example: newsgraph show 8011115
    """
    cfg = config_from(config, db=db)
    with open_store_or_exit(cfg.db) as store:
        found = _find_article(store, article_id)
        record = store.record(found) if found else None
    if record is None:
        ERR.print(f"[red]error:[/red] no stored article with id {article_id!r} (or it is not a unique prefix)")
        raise typer.Exit(1)
    if as_json:
        typer.echo(json.dumps(record.to_dict(), ensure_ascii=False))
        return
    out = Console()
    art = record.article
    out.print(Text(art.title, style="bold"))
    out.print(Text(f"{art.id} · {art.published or 'undated'} · {art.outlet or ''} {art.url or ''}", style="dim"))
    names = {a.id: a.name for a in record.actors}
    if record.events:
        t = Table(title="events", title_justify="left")
        for col in ("id", "type", "actor", "recipient", "factuality", "date", "where", "evidence"):
            t.add_column(col, max_width=50 if col == "evidence" else 22)
        for e in record.events:
            ev = " ".join(art.text[s:x] for s, x in e.evidence)[:200]
            t.add_row(*_texts(e.id, e.type, names.get(e.actor, "-"), names.get(e.recipient, "-"), e.factuality,
                              e.date, (e.location or {}).get("name"), ev))
        out.print(t)
    if record.actors:
        t = Table(title="actors", title_justify="left")
        for col in ("id", "name", "type", "code", "mentions"):
            t.add_column(col)
        for a in record.actors:
            t.add_row(*_texts(a.id, a.name, a.type, a.code, len(a.mentions)))
        out.print(t)
    if record.claims:
        t = Table(title="claims", title_justify="left")
        for col in ("id", "speaker", "cue", "stance", "content"):
            t.add_column(col, max_width=60 if col == "content" else 28)
        for c in record.claims:
            speaker = names.get(c.speaker) or (art.text[c.speaker_span[0]:c.speaker_span[1]] if c.speaker_span else "?")
            t.add_row(*_texts(c.id, speaker + (" (anon.)" if c.anonymous else ""), art.text[c.cue[0]:c.cue[1]],
                              c.stance, art.text[c.content[0]:c.content[1]][:200]))
        out.print(t)
