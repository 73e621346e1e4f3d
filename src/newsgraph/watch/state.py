"""The watcher's memory, an SQLite file: which feeds were polled (with their ETag and
Last-Modified) and which items were seen, stored, or failed.

An item is marked ``done`` only after its article is in the store, so a watcher killed at
any moment re-fetches at most the items it was working on, and the store's idempotent
``add`` keeps each of them stored once.
"""
from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path

PENDING, DONE, FAILED = "pending", "done", "failed"

_SCHEMA = """
CREATE TABLE IF NOT EXISTS feeds (
    url TEXT PRIMARY KEY, etag TEXT, last_modified TEXT, last_polled TEXT, last_error TEXT);
CREATE TABLE IF NOT EXISTS items (
    key TEXT PRIMARY KEY, feed TEXT NOT NULL, url TEXT, title TEXT, summary TEXT, published TEXT,
    status TEXT NOT NULL DEFAULT 'pending', attempts INTEGER NOT NULL DEFAULT 0, last_error TEXT,
    first_seen TEXT NOT NULL, done_at TEXT);
CREATE INDEX IF NOT EXISTS items_status ON items(status, first_seen);
"""


def _now() -> str:
    return datetime.now(timezone.utc).isoformat(timespec="seconds")


@dataclass
class Item:
    key: str
    feed: str
    url: str | None
    title: str | None = None
    summary: str | None = None
    published: str | None = None
    attempts: int = 0


class WatchState:
    def __init__(self, path: str | Path):
        self.path = str(path)
        # autocommit: every change is durable at once (a kill -9 loses nothing said done)
        self._db = sqlite3.connect(self.path, isolation_level=None)
        self._db.execute("PRAGMA journal_mode=WAL")
        self._db.executescript(_SCHEMA)

    def close(self) -> None:
        self._db.close()

    def feed_validators(self, url: str) -> tuple[str | None, str | None]:
        row = self._db.execute("SELECT etag, last_modified FROM feeds WHERE url=?", (url,)).fetchone()
        return (row[0], row[1]) if row else (None, None)

    def feed_polled(self, url: str, etag: str | None, last_modified: str | None, error: str | None = None) -> None:
        self._db.execute(
            "INSERT INTO feeds(url, etag, last_modified, last_polled, last_error) VALUES (?,?,?,?,?) "
            "ON CONFLICT(url) DO UPDATE SET etag=coalesce(excluded.etag, etag), "
            "last_modified=coalesce(excluded.last_modified, last_modified), last_polled=excluded.last_polled, "
            "last_error=excluded.last_error", (url, etag, last_modified, _now(), error))

    def remember(self, item: Item) -> bool:
        """Record a newly seen item; False when it was seen before."""
        cur = self._db.execute(
            "INSERT OR IGNORE INTO items(key, feed, url, title, summary, published, first_seen) VALUES (?,?,?,?,?,?,?)",
            (item.key, item.feed, item.url, item.title, item.summary, item.published, _now()))
        return cur.rowcount == 1

    def pending(self, max_attempts: int) -> list[Item]:
        rows = self._db.execute(
            "SELECT key, feed, url, title, summary, published, attempts FROM items "
            "WHERE status=? AND attempts < ? ORDER BY first_seen, key", (PENDING, max_attempts)).fetchall()
        return [Item(*r) for r in rows]

    def done(self, key: str) -> None:
        self._db.execute("UPDATE items SET status=?, done_at=?, last_error=NULL WHERE key=?", (DONE, _now(), key))

    def attempt_failed(self, key: str, error: str, permanent: bool, max_attempts: int) -> None:
        self._db.execute(
            "UPDATE items SET attempts=attempts+1, last_error=?, "
            "status=CASE WHEN ? OR attempts+1 >= ? THEN ? ELSE status END WHERE key=?",
            (error, permanent, max_attempts, FAILED, key))

    def counts(self) -> dict[str, int]:
        rows = self._db.execute("SELECT status, count(*) FROM items GROUP BY status").fetchall()
        return {PENDING: 0, DONE: 0, FAILED: 0, **dict(rows)}
