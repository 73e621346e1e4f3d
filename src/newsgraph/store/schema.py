"""The store's tables (SQLAlchemy Core), the same on SQLite and PostgreSQL.

Rows are keyed by an integer ``pk``; every child row also carries the article's string
``article_id`` (the record's ``article.id``) and its record-local id (``a1``, ``e1``, ``c1``),
so a record can be rebuilt exactly. Events denormalise the names, codes and countries of
their actor and recipient, and the location, so the dashboard filters without joins.
Dates are ISO strings (``YYYY-MM-DD`` or partial); ``events.day`` is the best full day for
an event (its own date when complete, else the article's publication date) and is what
date-range filters and timelines use.

The tables are created by the migrations in :mod:`newsgraph.store.migrations`; this module
only declares their current shape.
"""
from __future__ import annotations

from sqlalchemy import (
    JSON,
    Boolean,
    Column,
    Float,
    Index,
    Integer,
    LargeBinary,
    MetaData,
    String,
    Table,
    Text,
)
from sqlalchemy.dialects.postgresql import JSONB

METADATA = MetaData()

# JSON on SQLite (stored as text), JSONB on PostgreSQL.
Json = JSON().with_variant(JSONB(), "postgresql")

def _of_article(spans: bool = False) -> list[Column]:
    """The first columns of a table of an article's parts: row key and article id, and for spans
    of its text the offsets."""
    cols = [Column("pk", Integer, primary_key=True), Column("article_id", String(200), nullable=False)]
    if spans:
        cols += [Column("start", Integer, nullable=False), Column("end", Integer, nullable=False)]
    return cols


schema_version = Table(
    "schema_version", METADATA,
    Column("version", Integer, primary_key=True, autoincrement=False),
    Column("name", String(200), nullable=False),
    Column("applied_at", String(40), nullable=False),
)

articles = Table(
    "articles", METADATA,
    Column("pk", Integer, primary_key=True),
    Column("id", String(200), nullable=False, unique=True),
    Column("url", Text),
    Column("outlet", Text),
    Column("title", Text, nullable=False, default=""),
    Column("published", String(32)),  # ISO date or None
    Column("language", String(16)),
    Column("text", Text, nullable=False, default=""),
    Column("removed", Json),  # [{"text", "reason", "line"}]
    Column("text_hash", String(64)),  # SHA-1 of the normalised text: duplicate detection
    Column("source", Text),  # where it was read from ("path:line")
    Column("duplicate_of", String(200)),  # near-duplicate of this article id (corpus stage), or None
    Column("cluster", String(200)),  # story cluster id (corpus stage), or None
    Column("ingested_at", String(40), nullable=False),
    Column("metadata", Json),
    Column("n_events", Integer, nullable=False, default=0),
    Column("n_actors", Integer, nullable=False, default=0),
    Column("n_claims", Integer, nullable=False, default=0),
)
Index("ix_articles_url", articles.c.url, unique=True)
Index("ix_articles_text_hash", articles.c.text_hash, unique=True)
Index("ix_articles_published", articles.c.published)
Index("ix_articles_outlet", articles.c.outlet)

actors = Table(
    "actors", METADATA,
    *_of_article(),
    Column("actor_id", String(64), nullable=False),  # record-local id ("a1")
    Column("name", Text, nullable=False),
    Column("type", String(32)),
    Column("country", String(8)),
    Column("sector", String(16)),
    Column("code", String(32)),
    Column("title", Text),
    Column("mentions", Json),  # [[start, end], ...]
)
Index("ix_actors_article", actors.c.article_id)
Index("ix_actors_code", actors.c.code)
Index("ix_actors_country", actors.c.country)
Index("ix_actors_name", actors.c.name)

events = Table(
    "events", METADATA,
    *_of_article(),
    Column("event_id", String(64), nullable=False),  # record-local id ("e1")
    Column("type", String(32), nullable=False),  # PLOVER event type
    Column("plover_type", String(32)),  # the codebook's single category (v3; null before)
    Column("mode", String(64)),
    Column("context", Json),  # list of strings
    Column("cameo", String(8)),
    Column("quad_class", Integer),
    Column("goldstein", Float),
    Column("actor_id", String(64)),
    Column("actor_name", Text),
    Column("actor_code", String(32)),
    Column("actor_country", String(8)),
    Column("recipient_id", String(64)),
    Column("recipient_name", Text),
    Column("recipient_code", String(32)),
    Column("recipient_country", String(8)),
    Column("actors_extra", Json),  # further actor ids of a compound subject
    Column("factuality", String(16), nullable=False),
    Column("date", String(32)),  # as in the record: ISO date or partial
    Column("date_text", Text),
    Column("day", String(10)),  # best full day: event date if complete, else article published
    Column("location_name", Text),
    Column("location_country", String(8)),
    Column("lat", Float),
    Column("lon", Float),
    Column("location", Json),  # the record's whole location object
    Column("evidence", Json),  # [[start, end], ...]
    Column("trigger", Json),  # [start, end] or None
    Column("confidence", Float),
    # Event cluster (same real-world event across articles); null for near-duplicate articles' events.
    Column("cluster_id", Integer),
)
# Each dashboard filter is an index led by the filtered column and ending in (day, pk), so
# "filter + date range + newest first + page" is one index range scan that needs no sort, and
# the page's pks come from the index alone (the rows are fetched for those 50 pks only).
Index("ix_events_day", events.c.day, events.c.pk)
# (day, type) also answers the timeline (counts per day and type) from the index alone.
Index("ix_events_day_type", events.c.day, events.c.type)
for _col in ("type", "actor_code", "recipient_code", "actor_country", "recipient_country", "location_country",
             "factuality", "quad_class", "actor_name", "recipient_name"):
    Index(f"ix_events_{_col}_day", events.c[_col], events.c.day, events.c.pk)
Index("ix_events_article", events.c.article_id)
Index("ix_events_cluster", events.c.cluster_id)

# One real-world event reported by many articles (corpus stage), with GDELT-style counts.
event_clusters = Table(
    "event_clusters", METADATA,
    Column("id", Integer, primary_key=True),
    Column("type", String(32), nullable=False),
    Column("actor_country", String(8), nullable=False),  # "-" when unknown, so the key compares
    Column("recipient_country", String(8), nullable=False),
    Column("day", String(10)),  # the day of its first event
    Column("location_country", String(8)),
    Column("num_mentions", Integer, nullable=False, default=0),
    Column("num_articles", Integer, nullable=False, default=0),
    Column("num_sources", Integer, nullable=False, default=0),
    Column("first_reported", String(32)),
)
Index("ix_event_clusters_key_day", event_clusters.c.type, event_clusters.c.actor_country,
      event_clusters.c.recipient_country, event_clusters.c.day)

# MinHash signatures of stored articles, for near-duplicate detection at ingest.
article_signatures = Table(
    "article_signatures", METADATA,
    Column("article_id", String(200), primary_key=True),
    Column("signature", LargeBinary, nullable=False),
)

claims = Table(
    "claims", METADATA,
    *_of_article(),
    Column("claim_id", String(64), nullable=False),  # record-local id ("c1")
    Column("speaker_id", String(64)),  # actor id in the article, or None
    Column("speaker", Text),  # the resolved actor's name, else the source as written
    Column("speaker_text", Text),  # the source as written (speaker_span's text)
    Column("speaker_span", Json),
    Column("cue", Json),
    Column("cue_text", Text),  # the record's cue_text (normalised cue), as extracted
    Column("cue_words", Text),  # the cue as written (cue span's text)
    Column("content", Json),
    Column("content_text", Text),
    Column("direct", Boolean, nullable=False, default=False),
    Column("anonymous", Boolean, nullable=False, default=False),
    Column("stance", String(16)),
    Column("via", String(64)),  # record-local id of the relaying claim
    Column("day", String(10)),  # the article's publication date
)
Index("ix_claims_speaker_day", claims.c.speaker, claims.c.day, claims.c.pk)
Index("ix_claims_article", claims.c.article_id)
Index("ix_claims_stance", claims.c.stance)

# Which events rest on which claims (Event.claims).
event_claims = Table(
    "event_claims", METADATA,
    Column("event_pk", Integer, primary_key=True, autoincrement=False),
    Column("claim_pk", Integer, primary_key=True, autoincrement=False),
)
Index("ix_event_claims_claim", event_claims.c.claim_pk)

timexes = Table(
    "timexes", METADATA,
    *_of_article(spans=True),
    Column("text", Text),
    Column("value", String(64)),
    Column("type", String(16)),
)
Index("ix_timexes_article", timexes.c.article_id)

places = Table(
    "places", METADATA,
    *_of_article(spans=True),
    Column("name", Text),
    Column("country", String(8)),
    Column("lat", Float),
    Column("lon", Float),
    Column("geonameid", Integer),
    Column("resolved", Boolean),
    Column("feature", String(32)),
)
Index("ix_places_article", places.c.article_id)
Index("ix_places_country", places.c.country)

failures = Table(
    "failures", METADATA,
    Column("pk", Integer, primary_key=True),
    Column("source", Text, nullable=False),  # "path[:line]" or article id
    Column("kind", String(16), nullable=False),  # read | skipped | failed
    Column("error", Text, nullable=False),
    Column("at", String(40), nullable=False),  # ISO timestamp (UTC), last seen
    Column("count", Integer, nullable=False, default=1),  # times seen
)
Index("ix_failures_source", failures.c.source)

# Child tables of an article, in the order they are deleted / rebuilt.
CHILD_TABLES = (actors, events, claims, timexes, places)
