"""Store: articles and everything extracted from them, in SQLite (default) or PostgreSQL.

Entry point: :func:`open_store`. The tables are described in ``store/README.md`` and
declared in :mod:`newsgraph.store.schema`; :mod:`newsgraph.store.query` holds the
dashboard's read queries; :mod:`newsgraph.store.export` the export formats.
"""
from __future__ import annotations

import logging
from pathlib import Path

from newsgraph.store.core import DUPLICATE, INGESTED, Store, best_day, make_engine, normalise_url, text_hash

LOGGER = logging.getLogger(__name__)

__all__ = ["DUPLICATE", "INGESTED", "Store", "best_day", "normalise_url", "open_store", "text_hash"]


def open_store(url_or_path: str | Path | None = None, dedup_threshold: float | None = None,
               cluster_window_days: int | None = None) -> Store:
    """Open (creating or migrating as needed) the store at an SQLite path or a ``postgresql://`` URL.

    ``None`` uses the configured ``db`` setting (``--db`` / ``NEWSGRAPH_DB`` / config file;
    default ``newsgraph.db``). ``":memory:"`` gives a private in-memory SQLite store.
    The near-duplicate threshold and the event-cluster window default to their settings.
    """
    if None in (url_or_path, dedup_threshold, cluster_window_days):
        from newsgraph.config import load_config

        cfg = load_config()
        url_or_path = cfg.db if url_or_path is None else url_or_path
        dedup_threshold = cfg.dedup_threshold if dedup_threshold is None else dedup_threshold
        cluster_window_days = cfg.cluster_window_days if cluster_window_days is None else cluster_window_days
    engine = make_engine(url_or_path)
    try:
        return Store(engine, str(url_or_path), dedup_threshold, cluster_window_days)
    except Exception:
        engine.dispose()
        raise
