"""``newsgraph watch``: poll feeds and ingest new items until stopped."""
from __future__ import annotations

import signal
from pathlib import Path
from typing import Optional

import typer

from newsgraph.cli.app import app
from newsgraph.cli.common import CONFIG_OPTION, DB_OPTION, ERR, MODEL_OPTION, config_from, fail


def default_state_path(db: str) -> str:
    """The watcher's state file sits beside an SQLite store; in the working directory otherwise."""
    if "://" in db:
        return "newsgraph-watch.sqlite"
    return str(Path(db).with_name(Path(db).name + ".watch.sqlite"))


@app.command("watch")
def watch_cli(
    feeds: Path = typer.Argument(..., help="A text file of RSS/Atom feed URLs (one a line, # comments) or an OPML file."),
    db: Optional[str] = DB_OPTION,
    state: Optional[str] = typer.Option(None, "--state", help="State file (SQLite) remembering feeds and items [default: beside the store]."),
    interval: float = typer.Option(300.0, "--interval", min=1.0, help="Seconds between polls."),
    once: bool = typer.Option(False, "--once", help="Poll once, ingest what is new, and exit."),
    per_host_delay: float = typer.Option(1.0, "--per-host-delay", min=0.0, help="Seconds between two requests to one host."),
    timeout: float = typer.Option(10.0, "--timeout", min=0.1, help="Seconds before a request is abandoned."),
    max_bytes: int = typer.Option(5 * 1024 * 1024, "--max-bytes", min=1024, help="Largest feed or page fetched."),
    retries: int = typer.Option(3, "--retries", min=0, help="Retries (with exponential backoff) for timeouts, 429 and 5xx."),
    allow_private_hosts: Optional[bool] = typer.Option(
        None, "--allow-private-hosts/--refuse-private-hosts",
        help="Fetch from hosts that resolve to loopback (127.0.0.1, ::1), private (10/8, 172.16/12, "
             "192.168/16), link-local (169.254/16, e.g. cloud metadata) or multicast addresses. Off by "
             "default: a feed could otherwise make the watcher probe this machine and its network; such "
             "items fail with 'refused: ...', checked on every redirect. Turn on only for feeds you "
             "trust, e.g. served from localhost or your intranet [default: the watch_private_hosts setting, "
             "NEWSGRAPH_WATCH_PRIVATE_HOSTS, off]."),
    model: Optional[str] = MODEL_OPTION,
    config: Optional[str] = CONFIG_OPTION,
) -> None:
    """Watch feeds: poll them, fetch new item pages politely, extract and store them.

    Only http(s) URLs on public addresses are fetched (see --allow-private-hosts); unchanged
    feeds cost one conditional GET; a restarted watcher (even after kill -9) neither
    re-ingests nor loses items.

    Example: newsgraph watch feeds.txt --db news.db --interval 600
    """
    from newsgraph.nlp import ModelNotInstalled, load_nlp
    from newsgraph.store import open_store
    from newsgraph.watch import FetchPolicy, Watcher, WatchState, load_feed_list
    from newsgraph.watch.fetch import Fetcher

    cfg = config_from(config, db=db, model=model, watch_private_hosts=allow_private_hosts)
    try:
        urls = load_feed_list(feeds)
    except (OSError, ValueError) as exc:
        raise fail(exc) from exc
    try:
        nlp = load_nlp(cfg.model, cfg.fast_parse)
    except ModelNotInstalled as exc:
        raise fail(exc) from exc
    policy = FetchPolicy(timeout=timeout, max_bytes=max_bytes, per_host_delay=per_host_delay, retries=retries,
                         allow_private_hosts=cfg.watch_private_hosts)
    state_db = WatchState(state or default_state_path(cfg.db))
    with open_store(cfg.db) as store, Fetcher(policy) as fetcher:
        watcher = Watcher(urls, store, nlp, state_db, fetcher, article_seconds=cfg.article_seconds or None)
        for sig in (signal.SIGINT, signal.SIGTERM):
            signal.signal(sig, lambda *_: watcher.stop.set())

        def report(r) -> None:
            counts = state_db.counts()
            ERR.print(f"polled {r.feeds} feed(s): {r.new_items} new item(s), {r.ingested} ingested, "
                      f"{r.duplicates} duplicate(s), {len(r.failed)} failed, {len(r.feed_errors)} feed error(s); "
                      f"pending {counts['pending']}, done {counts['done']}, failed {counts['failed']}", highlight=False)

        ERR.print(f"watching {len(urls)} feed(s) into {cfg.db} (state {state_db.path}); Ctrl-C stops", highlight=False)
        watcher.run(interval, rounds=1 if once else None, on_report=report)
    state_db.close()
