"""The store: articles and everything extracted from them, in SQLite or PostgreSQL."""
from __future__ import annotations

import hashlib
import logging
import re
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import asdict
from datetime import date, datetime, timezone
from pathlib import Path
from typing import Any

from sqlalchemy import Connection, create_engine, delete, event, func, insert, or_, select, text, update
from sqlalchemy.engine import Engine
from sqlalchemy.pool import StaticPool

from newsgraph.closable import Closable
from newsgraph.record import Actor, Article, Claim, Event, Place, Record, Removed, Timex
from newsgraph.store import schema as S
from newsgraph.store.corpus import CorpusLinker
from newsgraph.store.migrations import migrate

LOGGER = logging.getLogger(__name__)

INGESTED, DUPLICATE = "ingested", "duplicate"


def normalise_url(url: str | None) -> str | None:
    """The URL as stored and compared: stripped, no fragment, no trailing slash."""
    if not url or not url.strip():
        return None
    url = url.strip().split("#", 1)[0]
    return url.rstrip("/") or url


def text_hash(text: str | None) -> str | None:
    """SHA-1 of the text with case and whitespace normalised; None for empty text.

    Two copies of one story that differ only in spacing, line breaks or case hash alike.
    """
    norm = " ".join((text or "").split()).casefold()
    norm = norm.replace("\u2019", "'").replace("\u2018", "'").replace("\u201c", '"').replace("\u201d", '"')
    return hashlib.sha1(norm.encode("utf-8")).hexdigest() if norm else None


_FULL_DAY = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_MONTH = re.compile(r"^(\d{4})-(\d{2})$")
_WEEK = re.compile(r"^(\d{4})-W(\d{2})$")
_YEAR = re.compile(r"^(\d{4})$")


def best_day(event_date: str | None, published: str | None) -> str | None:
    """The full day (YYYY-MM-DD) an event is filed under on timelines and date filters.

    A complete event date wins; a partial one (month, ISO week, year) is the publication
    day when that falls inside it, else its first day; no date at all is the publication day.
    """
    pub = published[:10] if published and _FULL_DAY.match(published[:10]) else None
    if not event_date:
        return pub
    d = event_date.strip()
    if _FULL_DAY.match(d[:10]):
        return d[:10]
    try:
        if m := _MONTH.match(d):
            start = date(int(m[1]), int(m[2]), 1)
            if pub and pub.startswith(d):
                return pub
            return start.isoformat()
        if m := _WEEK.match(d):
            start = date.fromisocalendar(int(m[1]), int(m[2]), 1)
            if pub and date.fromisoformat(pub).isocalendar()[:2] == (int(m[1]), int(m[2])):
                return pub
            return start.isoformat()
        if m := _YEAR.match(d):
            if pub and pub.startswith(d):
                return pub
            return f"{d}-01-01"
    except ValueError:
        pass
    return pub


def _now() -> str:
    return datetime.now(timezone.utc).isoformat(timespec="seconds")


def _engine_url(url_or_path: str | Path) -> str:
    s = str(url_or_path)
    if s.startswith(("postgresql+psycopg://", "sqlite:")):
        return s
    if s.startswith(("postgresql://", "postgres://")):
        return "postgresql+psycopg://" + s.split("://", 1)[1]
    if "://" in s:
        raise ValueError(f"unsupported store URL {s!r}: give an SQLite file path or a postgresql:// URL")
    if s == ":memory:":
        return "sqlite://"
    path = Path(s).expanduser()
    if not path.parent.exists():
        raise FileNotFoundError(f"cannot create the store {s}: folder {path.parent} does not exist")
    return f"sqlite:///{path.resolve()}"


def _sqlite_pragmas(dbapi_conn, _record) -> None:
    cur = dbapi_conn.cursor()
    # WAL lets the API read while an ingest writes; NORMAL sync is safe with WAL and much faster.
    cur.execute("PRAGMA journal_mode=WAL")
    cur.execute("PRAGMA synchronous=NORMAL")
    cur.execute("PRAGMA busy_timeout=30000")
    cur.execute("PRAGMA cache_size=-65536")  # 64 MiB page cache
    cur.close()


def make_engine(url_or_path: str | Path) -> Engine:
    """An SQLAlchemy engine for a path or URL (no schema work)."""
    url = _engine_url(url_or_path)
    if url == "sqlite://":
        engine = create_engine(url, connect_args={"check_same_thread": False}, poolclass=StaticPool)
    elif url.startswith("sqlite"):
        engine = create_engine(url, connect_args={"check_same_thread": False})
    else:
        engine = create_engine(url, pool_pre_ping=True)
    if engine.dialect.name == "sqlite":
        event.listen(engine, "connect", _sqlite_pragmas)
    return engine


class Store(Closable):
    """A newsgraph store. Use :func:`newsgraph.store.open_store` to get one.

    ``add`` is idempotent: an article whose id, URL or normalised-text hash is already
    stored comes back ``"duplicate"`` and nothing changes. Writes inside ``with
    store.batch():`` share one transaction (fast bulk ingest); outside it, each call
    commits on its own.
    """

    def __init__(self, engine: Engine, url: str, dedup_threshold: float = 0.8, cluster_window_days: int = 3):
        self.engine = engine
        self.url = url
        self.backend = engine.dialect.name  # "sqlite" | "postgresql"
        self.version = migrate(engine)
        self._conn: Connection | None = None
        self.corpus = CorpusLinker(dedup_threshold, cluster_window_days)

    # -- lifecycle -------------------------------------------------------------------
    def close(self) -> None:
        self.engine.dispose()

    def __repr__(self) -> str:
        return f"Store({self.engine.url.render_as_string(hide_password=True)!r})"

    @contextmanager
    def batch(self) -> Iterator["Store"]:
        """One transaction for every write inside the block; committed at its end."""
        if self._conn is not None:  # nested: join the outer batch
            yield self
            return
        with self.engine.begin() as conn:
            self._conn = conn
            try:
                yield self
            finally:
                self._conn = None

    @contextmanager
    def _joined(self, open_conn) -> Iterator[Connection]:
        """The batch's connection inside a batch, else a new one from ``open_conn``."""
        if self._conn is not None:
            yield self._conn
        else:
            with open_conn() as conn:
                yield conn

    def _tx(self):
        """A connection in a transaction, committed at the end of the block (or of the batch)."""
        return self._joined(self.engine.begin)

    def connect(self):
        """A read connection (the batch's, inside a batch)."""
        return self._joined(self.engine.connect)

    # -- writing ---------------------------------------------------------------------
    def find_duplicate(self, conn: Connection, article: Article) -> str | None:
        """The id of a stored article with this article's id, URL or text hash, or None."""
        a = S.articles.c
        conds = [a.id == article.id]
        url = normalise_url(article.url)
        if url:
            conds.append(a.url == url)
        h = text_hash(article.text)
        if h:
            conds.append(a.text_hash == h)
        return conn.execute(select(a.id).where(or_(*conds)).limit(1)).scalar()

    def stored_id(self, article: Article) -> str | None:
        """The id of the stored copy of ``article`` (same id, URL or text), or None.

        Uses its own connection, so it may run beside an open batch (e.g. from a feeder thread).
        """
        with self.engine.connect() as conn:
            return self.find_duplicate(conn, article)

    def add(self, record: Record, replace: bool = False) -> str:
        """Store one record; ``"ingested"``, or ``"duplicate"`` when the article is already there.

        With ``replace=True`` a stored copy (same id, URL or text) is deleted first and the
        record stored afresh (re-extraction with a better model).
        """
        with self._tx() as conn:
            if record.article.source:  # an earlier failure of this source is history now
                conn.execute(delete(S.failures).where(S.failures.c.source == record.article.source))
            existing = self.find_duplicate(conn, record.article)
            if existing is not None:
                if not replace:
                    return DUPLICATE
                self._delete(conn, existing)
            sig, near = self.corpus.near_duplicate(conn, record)
            if near is not None:
                record.article.metadata = {**(record.article.metadata or {}), "duplicate_of": near}
            events = self._insert(conn, record)
            self.corpus.remember(conn, record.article.id, sig)
            if near is None:  # a near copy's events are not counted twice
                self.corpus.cluster(conn, record.article.outlet, record.article.published, events)
            return INGESTED

    def add_many(self, records: Iterable[Record], replace: bool = False) -> dict[str, int]:
        """Store records in one transaction; counts of ``ingested`` and ``duplicate``."""
        counts = {INGESTED: 0, DUPLICATE: 0}
        with self.batch():
            for r in records:
                counts[self.add(r, replace=replace)] += 1
        return counts

    def add_failure(self, source: str, error: str, kind: str = "failed") -> None:
        """Record that ``source`` could not be read (``read``), was skipped (``skipped``) or failed.

        The same source and error seen again updates the time and count rather than adding a row.
        """
        f = S.failures.c
        with self._tx() as conn:
            pk = conn.execute(select(f.pk).where(f.source == source, f.error == error, f.kind == kind).limit(1)).scalar()
            if pk is None:
                conn.execute(insert(S.failures).values(source=source, error=error, kind=kind, at=_now(), count=1))
            else:
                conn.execute(update(S.failures).where(f.pk == pk).values(at=_now(), count=f.count + 1))

    def delete(self, article_id: str) -> bool:
        """Remove an article and everything extracted from it; False when it was not stored."""
        with self._tx() as conn:
            return self._delete(conn, article_id)

    def _delete(self, conn: Connection, article_id: str) -> bool:
        a = S.articles.c
        row = conn.execute(select(a.pk, a.title, a.text).where(a.id == article_id)).first()
        if row is None:
            return False
        ev_pks = select(S.events.c.pk).where(S.events.c.article_id == article_id)
        clusters = {c for c in conn.execute(select(S.events.c.cluster_id).where(
            S.events.c.article_id == article_id, S.events.c.cluster_id.is_not(None))).scalars()}
        conn.execute(delete(S.event_claims).where(S.event_claims.c.event_pk.in_(ev_pks)))
        for table in S.CHILD_TABLES:
            conn.execute(delete(table).where(table.c.article_id == article_id))
        if self.backend == "sqlite":
            conn.execute(text("INSERT INTO articles_fts(articles_fts, rowid, title, text) VALUES ('delete', :pk, :title, :text)"),
                         {"pk": row.pk, "title": row.title, "text": row.text})
        conn.execute(delete(S.articles).where(a.pk == row.pk))
        self.corpus.forget(conn, article_id)
        self.corpus.refresh(conn, clusters)
        return True

    def _insert(self, conn: Connection, record: Record) -> list[tuple[int, dict[str, Any]]]:
        """Write the record's rows; returns its events as (pk, row) pairs."""
        art = record.article
        published = art.published
        values = {
            "id": art.id, "url": normalise_url(art.url), "outlet": art.outlet, "title": art.title or "",
            "published": published, "language": art.language, "text": art.text or "",
            "removed": [asdict(r) for r in art.removed], "text_hash": text_hash(art.text),
            "source": art.source, "ingested_at": _now(), "metadata": art.metadata or None,
            "duplicate_of": (art.metadata or {}).get("duplicate_of"),
            "cluster": (art.metadata or {}).get("cluster"),
            "n_events": len(record.events), "n_actors": len(record.actors), "n_claims": len(record.claims),
        }
        pk = conn.execute(insert(S.articles).values(**values).returning(S.articles.c.pk)).scalar_one()
        if self.backend == "sqlite":
            conn.execute(text("INSERT INTO articles_fts(rowid, title, text) VALUES (:pk, :title, :text)"),
                         {"pk": pk, "title": values["title"], "text": values["text"]})
        aid = art.id
        body = art.text or ""
        actors = {a.id: a for a in record.actors}
        if record.actors:
            conn.execute(insert(S.actors), [
                {"article_id": aid, "actor_id": a.id, "name": a.name, "type": a.type, "country": a.country,
                 "sector": a.sector, "code": a.code, "title": a.title, "mentions": [list(m) for m in a.mentions]}
                for a in record.actors])
        claim_pks: dict[str, int] = {}
        if record.claims:
            rows = [_claim_row(aid, c, actors, body, published) for c in record.claims]
            result = conn.execute(insert(S.claims).returning(S.claims.c.pk, sort_by_parameter_order=True), rows)
            claim_pks = {c.id: pk for c, pk in zip(record.claims, result.scalars().all())}
        stored_events: list[tuple[int, dict[str, Any]]] = []
        if record.events:
            rows = [event_row(aid, e, actors, published) for e in record.events]
            result = conn.execute(insert(S.events).returning(S.events.c.pk, sort_by_parameter_order=True), rows)
            links = []
            event_pks = result.scalars().all()
            stored_events = list(zip(event_pks, rows))
            for e, epk in zip(record.events, event_pks):
                for cid in dict.fromkeys(e.claims):
                    if cid in claim_pks:
                        links.append({"event_pk": epk, "claim_pk": claim_pks[cid]})
            if links:
                conn.execute(insert(S.event_claims), links)
        if record.timexes:
            conn.execute(insert(S.timexes), [
                {"article_id": aid, "start": t.span[0], "end": t.span[1], "text": t.text, "value": t.value, "type": t.type}
                for t in record.timexes])
        if record.places:
            conn.execute(insert(S.places), [
                {"article_id": aid, "start": p.span[0], "end": p.span[1], "name": p.name, "country": p.country,
                 "lat": p.lat, "lon": p.lon, "geonameid": p.geonameid, "resolved": p.resolved, "feature": p.feature}
                for p in record.places])
        return stored_events

    # -- reading ---------------------------------------------------------------------
    def count(self, table: str) -> int:
        with self.connect() as conn:
            return conn.execute(select(func.count()).select_from(S.METADATA.tables[table])).scalar_one()

    def stats(self) -> dict[str, Any]:
        """Counts of what is stored, for ``newsgraph stats`` and the dashboard's header."""
        e = S.events.c
        with self.connect() as conn:
            def count(table) -> int:
                return conn.execute(select(func.count()).select_from(table)).scalar_one()

            def by(col) -> dict[str, int]:
                rows = conn.execute(select(col, func.count()).group_by(col).order_by(func.count().desc(), col))
                return {str(k): n for k, n in rows if k is not None}

            first, last = conn.execute(select(func.min(e.day), func.max(e.day))).one()
            f = S.failures.c
            failures_by_kind = {k: n for k, n in conn.execute(select(f.kind, func.count()).group_by(f.kind))}
            return {
                "articles": count(S.articles),
                "events": count(S.events),
                "actors": count(S.actors),
                "claims": count(S.claims),
                "timexes": count(S.timexes),
                "places": count(S.places),
                "failures": count(S.failures),
                "near_duplicates": conn.execute(select(func.count()).select_from(S.articles)
                                                .where(S.articles.c.duplicate_of.is_not(None))).scalar_one(),
                "event_clusters": count(S.event_clusters),
                "failures_by_kind": failures_by_kind,
                "events_by_type": by(e.type),
                "events_by_factuality": by(e.factuality),
                "events_by_quad_class": by(e.quad_class),
                "first_day": first,
                "last_day": last,
                "schema_version": self.version,
                "backend": self.backend,
            }

    def article_ids(self, limit: int | None = None, offset: int = 0, since: str | None = None,
                    until: str | None = None, ids: Iterable[str] | None = None) -> list[str]:
        """Stored article ids, oldest publication first (then ingestion order)."""
        a = S.articles.c
        q = select(a.id).order_by(a.published, a.pk)
        if ids is not None:
            q = q.where(a.id.in_(list(ids)))
        if since:
            q = q.where(a.published >= since)
        if until:
            q = q.where(a.published <= until)
        if limit is not None:
            q = q.limit(limit)
        if offset:
            q = q.offset(offset)
        with self.connect() as conn:
            return list(conn.execute(q).scalars())

    def record(self, article_id: str) -> Record | None:
        """The stored record of one article, or None."""
        recs = self._load([article_id])
        return recs[0] if recs else None

    def records(self, ids: Iterable[str] | None = None, since: str | None = None, until: str | None = None,
                limit: int | None = None, offset: int = 0, chunk: int = 200) -> Iterator[Record]:
        """Stored records rebuilt as :class:`Record` (the contract), in :meth:`article_ids` order."""
        all_ids = self.article_ids(limit=limit, offset=offset, since=since, until=until, ids=ids)
        for i in range(0, len(all_ids), chunk):
            yield from self._load(all_ids[i:i + chunk])

    def _load(self, ids: list[str]) -> list[Record]:
        if not ids:
            return []
        with self.connect() as conn:
            arts = {r.id: r for r in conn.execute(select(S.articles).where(S.articles.c.id.in_(ids)))}

            def children(table, order):
                out: dict[str, list] = {}
                for r in conn.execute(select(table).where(table.c.article_id.in_(ids)).order_by(*order)):
                    out.setdefault(r.article_id, []).append(r)
                return out

            actors = children(S.actors, [S.actors.c.pk])
            events = children(S.events, [S.events.c.pk])
            claims = children(S.claims, [S.claims.c.pk])
            timexes = children(S.timexes, [S.timexes.c.pk])
            places = children(S.places, [S.places.c.pk])
            ev_claims: dict[int, list[str]] = {}
            q = (select(S.event_claims.c.event_pk, S.claims.c.claim_id)
                 .join(S.claims, S.claims.c.pk == S.event_claims.c.claim_pk)
                 .where(S.claims.c.article_id.in_(ids)).order_by(S.event_claims.c.event_pk, S.claims.c.pk))
            for epk, cid in conn.execute(q):
                ev_claims.setdefault(epk, []).append(cid)
        out = []
        for aid in ids:
            a = arts.get(aid)
            if a is None:
                continue
            article = Article(
                id=a.id, text=a.text, title=a.title, url=a.url, outlet=a.outlet, published=a.published,
                language=a.language, removed=[Removed(**r) for r in (a.removed or [])], source=a.source,
                metadata=dict(a.metadata or {}))
            out.append(Record(
                article=article,
                actors=[Actor(id=r.actor_id, name=r.name, type=r.type, country=r.country, sector=r.sector,
                              code=r.code, title=r.title, mentions=[tuple(m) for m in (r.mentions or [])])
                        for r in actors.get(aid, [])],
                events=[_event_from_row(r, ev_claims.get(r.pk, [])) for r in events.get(aid, [])],
                claims=[Claim(id=r.claim_id, speaker=r.speaker_id, speaker_span=_span(r.speaker_span), cue=_span(r.cue),
                              content=_span(r.content), direct=bool(r.direct), anonymous=bool(r.anonymous),
                              stance=r.stance, via=r.via, cue_text=r.cue_text)
                        for r in claims.get(aid, [])],
                timexes=[Timex(span=(r.start, r.end), text=r.text, value=r.value, type=r.type) for r in timexes.get(aid, [])],
                places=[Place(span=(r.start, r.end), name=r.name, country=r.country, lat=r.lat, lon=r.lon,
                              geonameid=r.geonameid, resolved=bool(r.resolved) if r.resolved is not None else True,
                              feature=r.feature) for r in places.get(aid, [])],
            ))
        return out

    def failures(self, limit: int = 100) -> list[dict[str, Any]]:
        f = S.failures.c
        with self.connect() as conn:
            rows = conn.execute(select(S.failures).order_by(f.at.desc(), f.pk.desc()).limit(limit))
            return [dict(r._mapping) for r in rows]


def _span(v) -> tuple[int, int] | None:
    return tuple(v) if v is not None else None


def _slice(body: str, span) -> str | None:
    if not span:
        return None
    s, e = span
    return body[s:e] if 0 <= s <= e <= len(body) else None


def _claim_row(aid: str, c: Claim, actors: dict[str, Actor], body: str, published: str | None) -> dict[str, Any]:
    speaker_text = _slice(body, c.speaker_span)
    speaker_actor = actors.get(c.speaker) if c.speaker else None
    return {
        "article_id": aid, "claim_id": c.id, "speaker_id": c.speaker,
        "speaker": speaker_actor.name if speaker_actor else speaker_text,
        "speaker_text": speaker_text,
        "speaker_span": list(c.speaker_span) if c.speaker_span else None,
        "cue": list(c.cue) if c.cue else None, "cue_text": c.cue_text, "cue_words": _slice(body, c.cue),
        "content": list(c.content) if c.content else None, "content_text": _slice(body, c.content),
        "direct": bool(c.direct), "anonymous": bool(c.anonymous), "stance": c.stance, "via": c.via,
        "day": published[:10] if published else None,
    }


def event_row(aid: str, e: Event, actors: dict[str, Actor], published: str | None) -> dict[str, Any]:
    actor = actors.get(e.actor) if e.actor else None
    recipient = actors.get(e.recipient) if e.recipient else None
    loc = e.location or {}
    return {
        "article_id": aid, "event_id": e.id, "type": e.type, "plover_type": e.plover_type, "mode": e.mode, "context": list(e.context or []),
        "cameo": e.cameo, "quad_class": e.quad_class, "goldstein": e.goldstein,
        "actor_id": e.actor, "actor_name": actor.name if actor else None,
        "actor_code": e.actor_code or (actor.code if actor else None),
        "actor_country": actor.country if actor else None,
        "recipient_id": e.recipient, "recipient_name": recipient.name if recipient else None,
        "recipient_code": e.recipient_code or (recipient.code if recipient else None),
        "recipient_country": recipient.country if recipient else None,
        "actors_extra": list(e.actors_extra or []),
        "factuality": e.factuality or "asserted", "date": e.date, "date_text": e.date_text,
        "day": best_day(e.date, published),
        "location_name": loc.get("name"), "location_country": loc.get("country"),
        "lat": loc.get("lat"), "lon": loc.get("lon"), "location": e.location,
        "evidence": [list(s) for s in e.evidence], "trigger": list(e.trigger) if e.trigger else None,
        "confidence": e.confidence,
    }


def _event_from_row(r, claim_ids: list[str]) -> Event:
    return Event(
        id=r.event_id, type=r.type, plover_type=r.plover_type, mode=r.mode, context=list(r.context or []), cameo=r.cameo,
        quad_class=r.quad_class, goldstein=r.goldstein, actor=r.actor_id, recipient=r.recipient_id,
        actor_code=r.actor_code, recipient_code=r.recipient_code, factuality=r.factuality, claims=claim_ids,
        date=r.date, date_text=r.date_text, location=r.location,
        evidence=[tuple(s) for s in (r.evidence or [])], trigger=_span(r.trigger),
        confidence=r.confidence if r.confidence is not None else 0.5,
        actors_extra=list(r.actors_extra or []),
    )
