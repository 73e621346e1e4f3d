"""Watch: poll RSS/Atom feeds, fetch new item pages politely, extract and store them.

Entry point: :class:`Watcher` (``newsgraph watch FEEDS``). FEEDS is a text file of feed
URLs (one a line, ``#`` comments) or an OPML file. What was seen and stored is kept in a
state file (:mod:`newsgraph.watch.state`), so a restarted watcher — even after ``kill -9``
— neither re-ingests nor loses items. Feeds are untrusted: item links and redirects to
loopback, private, link-local or multicast addresses are refused unless
``FetchPolicy.allow_private_hosts`` (the ``watch_private_hosts`` setting) is on
(:mod:`newsgraph.watch.hosts`).
"""
from __future__ import annotations

import hashlib
import logging
import threading
import xml.etree.ElementTree as ET
from dataclasses import dataclass, field
from pathlib import Path

from newsgraph.config import Config
from newsgraph.ingest import ingest
from newsgraph.read import check_language
from newsgraph.read.base import ReadOptions, ReadProblem, iso_date
from newsgraph.read.feed import fragment_text
from newsgraph.read.html import article_from_html
from newsgraph.record import Article
from newsgraph.watch.fetch import FetchError, Fetcher, FetchPolicy, check_url
from newsgraph.watch.state import Item, WatchState

LOGGER = logging.getLogger(__name__)

__all__ = ["Watcher", "PollReport", "load_feed_list", "FetchPolicy", "WatchState"]


def load_feed_list(path: str | Path) -> list[str]:
    """Feed URLs from a plain list (one a line, # comments) or an OPML file."""
    text = Path(path).read_text(encoding="utf-8")
    if text.lstrip().startswith("<"):
        try:
            root = ET.fromstring(text)
        except ET.ParseError as exc:
            raise ValueError(f"{path}: not a valid OPML file ({exc})") from exc
        urls = [o.get("xmlUrl") for o in root.iter("outline") if o.get("xmlUrl")]
    else:
        urls = [ln.split("#", 1)[0].strip() for ln in text.splitlines()]
        urls = [u for u in urls if u]
    bad = []
    for u in urls:
        try:
            check_url(u)
        except FetchError as exc:
            bad.append(str(exc))
    if bad:
        raise ValueError(f"{path}: " + "; ".join(bad))
    if not urls:
        raise ValueError(f"{path}: no feed URLs found")
    return list(dict.fromkeys(urls))


def item_key(feed_url: str, entry) -> str:
    """A stable identity for a feed item: its guid, else its link, else its title."""
    ident = entry.get("id") or entry.get("link") or entry.get("title") or ""
    return hashlib.sha1(f"{feed_url}\n{ident}".encode("utf-8")).hexdigest()


@dataclass
class PollReport:
    feeds: int = 0
    feed_errors: list[str] = field(default_factory=list)
    new_items: int = 0
    ingested: int = 0
    duplicates: int = 0
    failed: list[str] = field(default_factory=list)


class Watcher:
    """Polls feeds, fetches pages and stores articles; ``poll_once`` is one round."""

    def __init__(self, feeds: list[str], store, nlp, state: WatchState, fetcher: Fetcher | None = None,
                 max_attempts: int = 3, options: ReadOptions | None = None, policy: FetchPolicy | None = None,
                 article_seconds: float | None = None):
        """``policy`` configures the Fetcher made when none is given (private hosts refused by default);
        ``article_seconds`` is each item's time budget for extraction (None: no limit)."""
        self.feeds, self.store, self.nlp, self.state = feeds, store, nlp, state
        # One item at a time, within its time budget (0: none).
        self.config = Config(batch_size=1, article_seconds=article_seconds or 0)
        self.fetcher = fetcher or Fetcher(policy)
        self.max_attempts = max_attempts
        self.options = options or ReadOptions()
        self.stop = threading.Event()

    def poll_once(self) -> PollReport:
        report = PollReport()
        for url in self.feeds:
            if self.stop.is_set():
                break
            report.feeds += 1
            try:
                report.new_items += self._poll_feed(url)
            except FetchError as exc:
                LOGGER.warning("feed %s", exc)
                report.feed_errors.append(str(exc))
                self.state.feed_polled(url, None, None, error=str(exc))
        for item in self.state.pending(self.max_attempts):
            if self.stop.is_set():
                break
            self._ingest_item(item, report)
        return report

    def run(self, interval: float, rounds: int | None = None, on_report=None) -> None:
        """Poll every ``interval`` seconds until stopped (or ``rounds`` rounds are done)."""
        done = 0
        while not self.stop.is_set():
            report = self.poll_once()
            done += 1
            if on_report:
                on_report(report)
            if rounds is not None and done >= rounds:
                break
            self.stop.wait(interval)

    def _poll_feed(self, url: str) -> int:
        import feedparser

        etag, modified = self.state.feed_validators(url)
        resp = self.fetcher.get(url, etag=etag, last_modified=modified)
        if resp.not_modified:
            self.state.feed_polled(url, None, None)
            return 0
        parsed = feedparser.parse(resp.body)
        if not parsed.get("version") and not parsed.entries:
            raise FetchError(url, "not an RSS/Atom feed", permanent=True)
        new = 0
        for entry in parsed.entries:
            link = entry.get("link") or None
            summary = fragment_text(entry.get("summary", "") or "")
            item = Item(key=item_key(url, entry), feed=url, url=link, title=" ".join((entry.get("title") or "").split()),
                        summary=summary or None,
                        published=iso_date(entry.get("published") or entry.get("updated")))
            new += self.state.remember(item)
        # validators are saved only once every item of this response is remembered
        self.state.feed_polled(url, resp.etag, resp.last_modified)
        return new

    def _article(self, item: Item) -> Article:
        html_problem = None
        if item.url:
            resp = self.fetcher.get(item.url)
            html = resp.body.decode("utf-8", errors="replace")
            got = article_from_html(html, item.url, self.options, url=item.url,
                                    fallback_date=item.published, title=item.title or None)
            if isinstance(got, Article):
                got.metadata.update(feed=item.feed, body_from="page")
                return got
            html_problem = got
        if item.summary and len(item.summary) >= 40:
            return Article(id=hashlib.sha1((item.url or item.key).encode()).hexdigest(), text=item.summary,
                           title=item.title or "", url=item.url, published=item.published, source=item.url or item.key,
                           metadata={"feed": item.feed, "body_from": "summary"})
        raise FetchError(item.url or item.key, html_problem.message if isinstance(html_problem, ReadProblem)
                         else "item has no page and no text", permanent=True)

    def _ingest_item(self, item: Item, report: PollReport) -> None:
        try:
            article = check_language(self._article(item))  # a non-English item is skipped with the reason
        except FetchError as exc:
            self._attempt_failed(item, exc, report)
            return
        # Stored as every ingest stores: near copies linked, events clustered, a skip recorded.
        done = ingest([article], self.store, self.config, nlp=self.nlp, keep_rows=True)
        if done.failed:  # recorded in the store's failures already; not tried again
            message = str(FetchError(item.url or item.key, done.rows[-1].detail))
            self.state.attempt_failed(item.key, message, True, self.max_attempts)
            report.failed.append(message)
            return
        self.state.done(item.key)
        report.ingested += done.ingested
        report.duplicates += done.duplicates

    def _attempt_failed(self, item: Item, exc: FetchError, report: PollReport) -> None:
        LOGGER.warning("item %s", exc)
        self.state.attempt_failed(item.key, str(exc), exc.permanent, self.max_attempts)
        if exc.permanent or item.attempts + 1 >= self.max_attempts:
            self.store.add_failure(item.url or item.key, str(exc), kind="failed")
            report.failed.append(str(exc))
