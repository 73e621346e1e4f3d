"""Links made across articles at ingest: near-duplicate articles and event clusters.

A new article whose MinHash signature is close to a stored one's (estimated Jaccard at or
above ``dedup_threshold``) is stored with ``duplicate_of`` set, and its events join no
cluster, so a syndicated copy adds no events to the counts. Every other event joins the
cluster of the same real-world event (:mod:`newsgraph.corpus.clusters`) or starts one.
"""
from __future__ import annotations

import logging
from datetime import date, timedelta
from typing import Any

from sqlalchemy import Connection, insert, select, update

from newsgraph.corpus.clusters import Cluster, EventFacts, cluster_key, nearest
from newsgraph.corpus.near_duplicates import NearDuplicateIndex, from_bytes, signature, to_bytes
from newsgraph.record import Record
from newsgraph.store import schema as S

LOGGER = logging.getLogger(__name__)


def _shift(day: str, days: int) -> str:
    return (date.fromisoformat(day) + timedelta(days=days)).isoformat()


class CorpusLinker:
    """Near-duplicate index and event clustering over one store's connection."""

    def __init__(self, dedup_threshold: float = 0.8, cluster_window_days: int = 3):
        self.threshold = dedup_threshold
        self.window = cluster_window_days
        self._index: NearDuplicateIndex | None = None

    # -- near-duplicates -------------------------------------------------------------
    def _loaded_index(self, conn: Connection) -> NearDuplicateIndex:
        if self._index is None:
            index = NearDuplicateIndex(self.threshold)
            sig = S.article_signatures.c
            index.add_many((aid, from_bytes(blob)) for aid, blob in conn.execute(select(sig.article_id, sig.signature)))
            self._index = index
        return self._index

    def near_duplicate(self, conn: Connection, record: Record):
        """(signature, id of the stored article this one nearly copies or None)."""
        index = self._loaded_index(conn)
        sig = signature(record.article.text or "")
        match = index.find(sig)
        if match is not None:
            a = S.articles.c
            # the index may remember an article whose transaction was rolled back
            if conn.execute(select(a.id).where(a.id == match[0])).scalar() is None:
                match = None
        return sig, (match[0] if match else None)

    def remember(self, conn: Connection, article_id: str, sig) -> None:
        conn.execute(insert(S.article_signatures).values(article_id=article_id, signature=to_bytes(sig)))
        self._loaded_index(conn).add(article_id, sig)

    def forget(self, conn: Connection, article_id: str) -> None:
        sig = S.article_signatures.c
        conn.execute(S.article_signatures.delete().where(sig.article_id == article_id))
        self._index = None  # LSH has no removal: rebuilt on next use

    # -- event clusters --------------------------------------------------------------
    def cluster(self, conn: Connection, outlet: str | None, published: str | None,
                events: list[tuple[int, dict[str, Any]]]) -> None:
        """Put each stored event (pk, row) into a cluster, then refresh those clusters' counts."""
        touched: set[int] = set()
        for pk, row in events:
            facts = EventFacts(key=str(pk), article_id=row["article_id"], type=row["type"],
                               actor_country=row.get("actor_country"), recipient_country=row.get("recipient_country"),
                               day=row.get("day"), location_country=row.get("location_country"), outlet=outlet,
                               published=published, mentions=len(row.get("evidence") or []) or 1)
            cid = self._find(conn, facts)
            if cid is None:
                key = cluster_key(facts)
                cid = conn.execute(insert(S.event_clusters).values(
                    type=key[0], actor_country=key[1], recipient_country=key[2], day=facts.day,
                    location_country=facts.location_country, num_mentions=0, num_articles=0, num_sources=0,
                ).returning(S.event_clusters.c.id)).scalar_one()
            conn.execute(update(S.events).where(S.events.c.pk == pk).values(cluster_id=cid))
            touched.add(cid)
        self.refresh(conn, touched)

    def _find(self, conn: Connection, ev: EventFacts) -> int | None:
        c = S.event_clusters.c
        key = cluster_key(ev)
        q = select(c.id, c.day, c.location_country).where(c.type == key[0], c.actor_country == key[1],
                                                          c.recipient_country == key[2])
        if ev.day:
            q = q.where(c.day >= _shift(ev.day, -self.window), c.day <= _shift(ev.day, self.window))
        else:
            q = q.where(c.day.is_(None))
        found = nearest((Cluster(id=cid, key=key, day=day, location_country=loc)
                         for cid, day, loc in conn.execute(q.limit(200))), ev, self.window)
        return found.id if found else None

    def refresh(self, conn: Connection, cluster_ids: set[int]) -> None:
        """Recount mentions, articles and distinct outlets, and the earliest report."""
        e, a = S.events.c, S.articles.c
        for cid in cluster_ids:
            rows = conn.execute(select(e.article_id, e.evidence, a.outlet, a.published)
                                .join(S.articles, a.id == e.article_id).where(e.cluster_id == cid)).all()
            if not rows:
                conn.execute(S.event_clusters.delete().where(S.event_clusters.c.id == cid))
                continue
            published = [r.published for r in rows if r.published]
            conn.execute(update(S.event_clusters).where(S.event_clusters.c.id == cid).values(
                num_mentions=sum(len(r.evidence or []) or 1 for r in rows),
                num_articles=len({r.article_id for r in rows}),
                num_sources=len({r.outlet or r.article_id for r in rows}),
                first_reported=min(published) if published else None))
