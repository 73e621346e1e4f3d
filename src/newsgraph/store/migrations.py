"""Schema versions and the ordered steps that move a store from one to the next.

A new store is created at the latest shape in one go (``METADATA.create_all`` plus the
backend's full-text index) and stamped with the latest version. An existing store runs,
in order, every step whose version is above the one it records in ``schema_version``.

To change the schema: edit :mod:`newsgraph.store.schema` (the latest shape), then append
a ``Migration`` whose ``apply`` brings an older store to that shape (``ALTER TABLE ...``),
with the next version number. Steps run inside one transaction each.
"""
from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timezone

from sqlalchemy import Connection, inspect, select, text

from newsgraph.store.schema import METADATA, schema_version

LOGGER = logging.getLogger(__name__)


@dataclass(frozen=True)
class Migration:
    version: int
    name: str
    apply: Callable[[Connection], None]


def _create_fulltext(conn: Connection) -> None:
    """Full-text search over article titles and bodies: FTS5 on SQLite, tsvector + GIN on PostgreSQL."""
    if conn.dialect.name == "sqlite":
        # External-content table: the text lives once, in ``articles``; the store keeps the index in step.
        conn.exec_driver_sql(
            "CREATE VIRTUAL TABLE IF NOT EXISTS articles_fts USING fts5("
            "title, text, content='articles', content_rowid='pk', tokenize='porter unicode61')"
        )
    elif conn.dialect.name == "postgresql":
        conn.exec_driver_sql(
            "ALTER TABLE articles ADD COLUMN IF NOT EXISTS tsv tsvector GENERATED ALWAYS AS "
            "(setweight(to_tsvector('english', coalesce(title, '')), 'A') || "
            "to_tsvector('english', coalesce(text, ''))) STORED"
        )
        conn.exec_driver_sql("CREATE INDEX IF NOT EXISTS ix_articles_tsv ON articles USING GIN (tsv)")
    else:
        raise ValueError(f"unsupported database backend: {conn.dialect.name}")


def _initial(conn: Connection) -> None:
    METADATA.create_all(conn)
    _create_fulltext(conn)


def _corpus(conn: Connection) -> None:
    """Near-duplicate signatures, event clusters and each event's cluster id."""
    from newsgraph.store.schema import article_signatures, event_clusters, events

    article_signatures.create(conn, checkfirst=True)
    event_clusters.create(conn, checkfirst=True)
    for index in event_clusters.indexes:
        index.create(conn, checkfirst=True)
    _add_column(conn, "events", "cluster_id", "INTEGER")
    next(i for i in events.indexes if i.name == "ix_events_cluster").create(conn, checkfirst=True)


def _plover_type(conn: Connection) -> None:
    """events.plover_type: the PLOVER codebook's category (a future visit is AGREE)."""
    _add_column(conn, "events", "plover_type", "VARCHAR(32)")


def _add_column(conn: Connection, table: str, column: str, sql_type: str) -> None:
    """Add ``column`` unless an interrupted earlier run already did (migrations may be re-run)."""
    if column not in {c["name"] for c in inspect(conn).get_columns(table)}:
        conn.execute(text(f"ALTER TABLE {table} ADD COLUMN {column} {sql_type}"))


# Ordered steps. Version 1 is the first released shape.
MIGRATIONS: tuple[Migration, ...] = (
    Migration(1, "initial schema: articles, actors, events, claims, event_claims, timexes, places, failures, full text", _initial),
    Migration(2, "corpus: article signatures (near-duplicates), event clusters, events.cluster_id", _corpus),
    Migration(3, "events.plover_type: the PLOVER codebook's category", _plover_type),
)
LATEST = MIGRATIONS[-1].version


def current_version(conn: Connection) -> int | None:
    """The version the store records, or None for an empty database."""
    if not inspect(conn).has_table("schema_version"):
        return None
    return conn.execute(select(schema_version.c.version).order_by(schema_version.c.version.desc()).limit(1)).scalar()


def _stamp(conn: Connection, migration: Migration) -> None:
    conn.execute(schema_version.insert().values(
        version=migration.version, name=migration.name,
        applied_at=datetime.now(timezone.utc).isoformat(timespec="seconds")))


def migrate(engine) -> int:
    """Bring the database to the latest schema; return the version it is at."""
    with engine.begin() as conn:
        if conn.dialect.name == "postgresql":
            # Two processes opening a new store at once must not both create it.
            conn.execute(text("SELECT pg_advisory_xact_lock(727374)"))
        version = current_version(conn)
        if version is None:
            LOGGER.info("creating a new store at schema version %d", LATEST)
            _initial(conn)
            for m in MIGRATIONS:
                _stamp(conn, m)
            return LATEST
        if version > LATEST:
            raise RuntimeError(
                f"the store is at schema version {version}, newer than this newsgraph knows ({LATEST}); "
                "upgrade newsgraph")
        for m in MIGRATIONS:
            if m.version > version:
                LOGGER.info("migrating store to schema version %d: %s", m.version, m.name)
                m.apply(conn)
                _stamp(conn, m)
        return LATEST
