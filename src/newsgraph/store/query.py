"""The dashboard's and the exports' read queries, each one indexed SQL statement.

Every function takes a SQLAlchemy ``Connection`` (``with store.connect() as conn``) and
plain filter values, and returns plain dicts, so the API, the exports and the benchmark
share one definition of "events by actor" and friends. Pages are ``limit``/``offset``,
newest first.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, fields, replace
from datetime import date
from typing import Any

from sqlalchemy import Connection, Integer, Select, and_, cast, column, false, func, or_, select, text, union

from newsgraph.events.lexicon import PLOVER_TYPES
from newsgraph.record import FACTUALITY
from newsgraph.store import schema as S

MAX_LIMIT = 1000
_CODE = re.compile(r"^[A-Z0-9]{3,}$")


class BadFilter(ValueError):
    """A filter value that is not accepted; ``name`` is the filter's field. A message that names
    other fields has ``{0}``... for them, filled by :meth:`render` with each interface's names."""

    def __init__(self, name: str, message: str, mentions: tuple[str, ...] = ()):
        self.name, self.template, self.mentions = name, message, mentions
        super().__init__(self.render(str))

    def render(self, namer) -> str:
        """The message, with the fields it mentions named by ``namer`` (a flag, a parameter)."""
        return self.template.format(*map(namer, self.mentions)) if self.mentions else self.template


@dataclass
class EventFilter:
    """Filters over events; ``None`` means "any". Dates are inclusive ISO days. The same fields,
    with the same meaning, are the CLI's flags and the API's query parameters."""

    since: str | None = None
    until: str | None = None
    type: str | None = None
    actor: str | None = None  # actor or recipient: a CAMEO-style code (e.g. "RUSGOV") or an exact name
    involving: str | None = None  # a country involved: the actor's, the recipient's or the location's (alpha-3)
    actor_country: str | None = None  # actor's country (ISO alpha-3)
    recipient_country: str | None = None
    location_country: str | None = None  # where it happened, ISO alpha-3
    factuality: str | None = None
    quad_class: int | None = None
    article_id: str | None = None
    q: str | None = None  # words that must all occur in the article's title or text (needs a connection)

    @classmethod
    def from_mapping(cls, values: dict[str, Any]) -> "EventFilter":
        names = {f.name for f in fields(cls)}
        return cls(**{k: v for k, v in values.items() if k in names and v not in (None, "")})

    @classmethod
    def checked(cls, **values: Any) -> "EventFilter":
        """A filter from user input: blanks are "any", codes upper-cased, days and countries checked;
        raises :class:`BadFilter` naming the field."""
        flt = cls.from_mapping({k: v.strip() if isinstance(v, str) else v for k, v in values.items()})
        for name in ("since", "until"):
            check_day(name, getattr(flt, name))
        for name in COUNTRY_FIELDS:
            setattr(flt, name, check_country(name, getattr(flt, name)))
        flt.type = flt.type and flt.type.upper()
        if flt.type and flt.type not in PLOVER_TYPES:
            raise BadFilter("type", f"unknown event type {flt.type!r}; expected one of: {', '.join(PLOVER_TYPES)}")
        if flt.factuality and flt.factuality.lower() not in FACTUALITY:
            raise BadFilter("factuality", f"unknown value {flt.factuality!r}; expected one of: {', '.join(FACTUALITY)}")
        flt.factuality = flt.factuality and flt.factuality.lower()
        if flt.since and flt.until and flt.since > flt.until:
            raise BadFilter("since", f"{flt.since} is after {{0}} {flt.until}", ("until",))
        return flt

    @property
    def event_fields_set(self) -> bool:
        """Whether anything beyond what claims are filtered on directly (actor, q, dates, article) is asked for."""
        return any(v not in (None, "") for k, v in vars(self).items() if k not in CLAIM_FIELDS)

    def conditions(self, conn: Connection | None = None) -> list:
        """WHERE conditions on ``events``; ``conn`` is needed for ``q`` (the text index)."""
        e = S.events.c
        conds = [make(e, v) for name, make in _CONDITIONS.items() if (v := getattr(self, name)) not in (None, "")]
        if self.q:
            if conn is None:
                raise ValueError("a text search (q) needs a connection")
            conds.append(e.article_id.in_(matching_ids(conn, self.q)))
        return conds


# The old "country" filter meant "where it happened" in the CLI and "involved" in the API: it is
# refused everywhere with this message (``involving`` and ``located``: the interface's names).
AMBIGUOUS_COUNTRY = ("country is ambiguous and no longer accepted: use {involving} for a country involved "
                     "(the actor's, the recipient's or the location's) or {located} for where the event happened")
COUNTRY_FIELDS = ("involving", "actor_country", "recipient_country", "location_country")
CLAIM_FIELDS = ("actor", "q", "since", "until", "article_id")  # the claims ledger filters claims on these directly
_DAY = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_COUNTRY = re.compile(r"^[A-Za-z]{3}$")


def _actor_condition(e, actor: str):
    # A code ("RUSGOV") is matched against codes, anything else against names: each side one index.
    if _CODE.match(actor):
        return or_(e.actor_code == actor, e.recipient_code == actor)
    return or_(e.actor_name == actor, e.recipient_name == actor)


# Each filter field's condition on the events table (``e``: its columns) for a given value.
_CONDITIONS = {
    "since": lambda e, v: e.day >= v,
    "until": lambda e, v: e.day <= v,
    "type": lambda e, v: e.type == v,
    "actor": _actor_condition,
    "involving": lambda e, v: or_(e.actor_country == v, e.recipient_country == v, e.location_country == v),
    "actor_country": lambda e, v: e.actor_country == v,
    "recipient_country": lambda e, v: e.recipient_country == v,
    "location_country": lambda e, v: e.location_country == v,
    "factuality": lambda e, v: e.factuality == v,
    "quad_class": lambda e, v: e.quad_class == int(v),
    "article_id": lambda e, v: e.article_id == v,
}


def check_day(name: str, value: str | None) -> None:
    if value is None:
        return
    if not _DAY.match(value):
        raise BadFilter(name, f"expected a date YYYY-MM-DD, got {value!r}")
    try:
        date.fromisoformat(value)
    except ValueError:
        raise BadFilter(name, f"{value!r} is not a calendar date") from None


def check_country(name: str, value: str | None) -> str | None:
    if value is None:
        return None
    if not _COUNTRY.match(value):
        raise BadFilter(name, f"expected an ISO 3166 alpha-3 code such as RUS (or IGO), got {value!r}")
    return value.upper()


def _page(limit: int, offset: int) -> tuple[int, int]:
    if limit < 0 or offset < 0:
        raise ValueError("limit and offset must not be negative")
    return min(limit, MAX_LIMIT), offset


def events_select(flt: EventFilter, conn: Connection | None = None) -> Select:
    """SELECT of event rows (with the article's title, URL and publication date) matching ``flt``
    (``conn``: for a text search)."""
    a = S.articles.c
    q = (select(S.events, a.title.label("article_title"), a.url.label("article_url"),
                a.outlet.label("article_outlet"), a.published.label("article_published"))
         .join(S.articles, a.id == S.events.c.article_id))
    conds = flt.conditions(conn)
    return q.where(and_(*conds)) if conds else q


def events(conn: Connection, flt: EventFilter | None = None, limit: int = 50, offset: int = 0) -> list[dict[str, Any]]:
    """One page of events, newest day first (then newest stored first)."""
    flt = flt or EventFilter()
    limit, offset = _page(limit, offset)
    e = S.events.c
    order = (e.day.desc(), e.pk.desc())
    if not flt.actor:
        # The page's pks first, from the filter's (column, day, pk) index alone; then only those rows.
        conds = flt.conditions(conn)
        top = select(e.pk).where(*conds).order_by(*order).limit(limit).offset(offset)
    else:
        # "actor X" means X acts or X receives. An OR would make the database collect and sort every
        # event of a busy actor; instead each side walks its own (column, day, pk) index for the
        # first offset+limit rows, and the two short lists are merged.
        rest = replace(flt, actor=None).conditions(conn)
        sides = (e.actor_code, e.recipient_code) if _CODE.match(flt.actor) else (e.actor_name, e.recipient_name)
        parts = []
        for col in sides:
            sub = select(e.pk, e.day).where(col == flt.actor, *rest).order_by(*order).limit(limit + offset).subquery()
            parts.append(select(sub.c.pk, sub.c.day))
        both = union(*parts).subquery()
        top = select(both.c.pk).order_by(both.c.day.desc(), both.c.pk.desc()).limit(limit).offset(offset)
    # One statement (one round trip): the rows of the page's pks, in page order.
    q = events_select(EventFilter()).where(e.pk.in_(top)).order_by(*order)
    return [dict(r._mapping) for r in conn.execute(q)]


def count_events(conn: Connection, flt: EventFilter | None = None) -> int:
    conds = (flt or EventFilter()).conditions(conn)
    q = select(func.count()).select_from(S.events)
    return conn.execute(q.where(and_(*conds)) if conds else q).scalar_one()


def timeline(conn: Connection, flt: EventFilter | None = None, by: str = "type") -> list[dict[str, Any]]:
    """Event counts per day and ``by`` (``type``, ``quad_class`` or ``factuality``)."""
    if by not in ("type", "quad_class", "factuality"):
        raise ValueError(f"timeline by must be type, quad_class or factuality, not {by!r}")
    e = S.events.c
    col = getattr(e, by)
    conds = (flt or EventFilter()).conditions(conn) + [e.day.is_not(None)]
    q = (select(e.day, col.label(by), func.count().label("count")).where(and_(*conds))
         .group_by(e.day, col).order_by(e.day, col))
    return [dict(r._mapping) for r in conn.execute(q)]


def actor_network(conn: Connection, flt: EventFilter | None = None, limit: int = 200) -> list[dict[str, Any]]:
    """Edges actor -> recipient with event counts, split by quad class (cooperation/conflict)."""
    e = S.events.c
    src = func.coalesce(e.actor_code, e.actor_name)
    dst = func.coalesce(e.recipient_code, e.recipient_name)
    conds = (flt or EventFilter()).conditions(conn) + [src.is_not(None), dst.is_not(None)]
    q = (select(src.label("source"), dst.label("target"), e.quad_class, func.count().label("count"),
                func.avg(e.goldstein).label("goldstein"))
         .where(and_(*conds)).group_by(src, dst, e.quad_class).order_by(func.count().desc()).limit(min(limit, 5000)))
    return [dict(r._mapping) for r in conn.execute(q)]


def claims_by_speaker(conn: Connection, speaker: str | None = None, since: str | None = None,
                      until: str | None = None, limit: int = 50, offset: int = 0) -> list[dict[str, Any]]:
    """One page of claims (newest first), of one speaker (exact name as stored) or all."""
    limit, offset = _page(limit, offset)
    c = S.claims.c
    a = S.articles.c
    q = (select(S.claims, a.title.label("article_title"), a.url.label("article_url"))
         .join(S.articles, a.id == c.article_id))
    if speaker:
        q = q.where(c.speaker == speaker)
    if since:
        q = q.where(c.day >= since)
    if until:
        q = q.where(c.day <= until)
    q = q.order_by(c.day.desc(), c.pk.desc()).limit(limit).offset(offset)
    return [dict(r._mapping) for r in conn.execute(q)]


def speakers(conn: Connection, limit: int = 100) -> list[dict[str, Any]]:
    """Speakers with their claim counts, most prolific first."""
    c = S.claims.c
    q = (select(c.speaker, func.count().label("claims"), func.sum(cast(c.anonymous, Integer)).label("anonymous"))
         .where(c.speaker.is_not(None)).group_by(c.speaker).order_by(func.count().desc()).limit(limit))
    return [dict(r._mapping) for r in conn.execute(q)]


_WORD = re.compile(r"\w+", re.UNICODE)


def _fts5_query(q: str) -> str:
    """User text as a safe FTS5 query: every word must occur (quoted, so no syntax errors)."""
    words = _WORD.findall(q)
    return " ".join(f'"{w}"' for w in words)


def matching_articles(conn: Connection, q: str):
    """A sub-select of the ids of articles whose title or text hold every word of ``q``."""
    a = S.articles.c
    if not _WORD.search(q):
        return select(a.id).where(false())  # no word to look for: nothing matches
    if conn.dialect.name == "sqlite":
        fts = (text("SELECT rowid FROM articles_fts WHERE articles_fts MATCH :fts")
               .bindparams(fts=_fts5_query(q)).columns(column("rowid", Integer)))
        return select(a.id).where(a.pk.in_(fts))
    return select(a.id).where(text("articles.tsv @@ websearch_to_tsquery('english', :tsq)").bindparams(tsq=q))


IDS_INLINE = 2000


def matching_ids(conn: Connection, q: str):
    """The matching articles' ids as a list when there are few (so the planner walks the article index),
    else as a sub-select."""
    sub = matching_articles(conn, q)
    ids = list(conn.execute(sub.limit(IDS_INLINE + 1)).scalars())
    return ids if len(ids) <= IDS_INLINE else sub


def search_articles(conn: Connection, q: str, limit: int = 20, offset: int = 0) -> list[dict[str, Any]]:
    """Articles whose title or text contain every word of ``q``, newest stored first, with a snippet.

    Newest first rather than best match: ranking must score every match, which for a common
    word in a large store takes seconds; walking the index from the newest article stops
    after one page.
    """
    limit, offset = _page(limit, offset)
    if not _WORD.search(q or ""):
        return []
    if conn.dialect.name == "sqlite":
        sql = text(
            "SELECT a.id, a.title, a.url, a.outlet, a.published, a.n_events, a.n_claims, "
            "snippet(articles_fts, 1, '[', ']', ' … ', 12) AS snippet "
            "FROM articles_fts JOIN articles a ON a.pk = articles_fts.rowid "
            "WHERE articles_fts MATCH :q ORDER BY articles_fts.rowid DESC LIMIT :limit OFFSET :offset")
        rows = conn.execute(sql, {"q": _fts5_query(q), "limit": limit, "offset": offset})
    else:
        # Newest first can walk the primary key backwards and stop after one page -- fast when
        # matches are common, a whole-table scan when they are rare. A capped probe tells which:
        # few matches are collected from the GIN index and sorted ("pk + 0" keeps the planner
        # off the primary key), many are found by walking back from the newest article.
        cap = max(200, 10 * (limit + offset))
        probe = text("SELECT count(*) FROM (SELECT 1 FROM articles "
                     "WHERE tsv @@ websearch_to_tsquery('english', :q) LIMIT :cap) s")
        many = conn.execute(probe, {"q": q, "cap": cap}).scalar_one() >= cap
        order = "pk DESC" if many else "pk + 0 DESC"
        sql = text(
            "SELECT a.id, a.title, a.url, a.outlet, a.published, a.n_events, a.n_claims, "
            "ts_headline('english', left(a.text, 2000), query, 'StartSel=[,StopSel=],MaxWords=20,MinWords=8') AS snippet "
            "FROM (SELECT pk FROM articles, websearch_to_tsquery('english', :q) query "
            f"      WHERE tsv @@ query ORDER BY {order} LIMIT :limit OFFSET :offset) hit "
            "JOIN articles a ON a.pk = hit.pk, websearch_to_tsquery('english', :q) query "
            "ORDER BY a.pk DESC")
        rows = conn.execute(sql, {"q": q, "limit": limit, "offset": offset})
    return [dict(r._mapping) for r in rows]


def articles(conn: Connection, since: str | None = None, until: str | None = None, outlet: str | None = None,
             limit: int = 50, offset: int = 0) -> list[dict[str, Any]]:
    """One page of articles (no body text), newest first."""
    limit, offset = _page(limit, offset)
    a = S.articles.c
    q = select(a.id, a.title, a.url, a.outlet, a.published, a.language, a.ingested_at,
               a.n_events, a.n_actors, a.n_claims, a.duplicate_of, a.cluster)
    if since:
        q = q.where(a.published >= since)
    if until:
        q = q.where(a.published <= until)
    if outlet:
        q = q.where(a.outlet == outlet)
    q = q.order_by(a.published.desc(), a.pk.desc()).limit(limit).offset(offset)
    return [dict(r._mapping) for r in conn.execute(q)]
