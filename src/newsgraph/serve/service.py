"""What the API's routes share: the store (opened on first use), the cache of aggregates and the
spaCy pipeline of the ingest endpoint (loaded on first use, one extraction at a time)."""
from __future__ import annotations

import threading
from collections import OrderedDict
from typing import Any

from newsgraph.config import Config
from newsgraph.serve import queries as Q


class AggregateCache:
    """Whole-store aggregates (timelines, network, places) are costly on millions of events and change
    only when articles are stored: answers are kept per query until the store's version moves on."""

    def __init__(self, size: int = 256):
        self.size = size
        self.version: tuple | None = None
        self.items: OrderedDict[tuple, Any] = OrderedDict()
        self.lock = threading.Lock()

    def get(self, conn, key: tuple, compute):
        version = Q.store_version(conn)
        with self.lock:
            if version != self.version:
                self.items.clear()
                self.version = version
            if key in self.items:
                self.items.move_to_end(key)
                return self.items[key]
        value = compute()
        with self.lock:
            if version == self.version:
                self.items[key] = value
                while len(self.items) > self.size:
                    self.items.popitem(last=False)
        return value


class Service:
    """The store named by ``config.db`` (or an already open one, which the service does not close)."""

    def __init__(self, config: Config, store=None):
        self.config = config
        self.owned = store is None
        self._store = store
        self.nlp = None
        self.nlp_lock = threading.Lock()
        self.cache = AggregateCache()

    def store(self):
        if self._store is None:
            from newsgraph.store import open_store

            self._store = open_store(self.config.db)
        return self._store

    def close(self) -> None:
        if self.owned and self._store is not None:
            self._store.close()
            self._store = None

    def connect(self):
        """A FastAPI dependency: a read connection for the request."""
        with self.store().connect() as conn:
            yield conn


def cache_key(flt) -> tuple:
    """A filter as part of a cache key: its set fields, sorted."""
    return tuple(sorted((k, v) for k, v in vars(flt).items() if v is not None))
