"""The dashboard's and the exports' read queries, each one indexed SQL statement.

Every function takes a SQLAlchemy ``Connection`` (``with store.connect() as conn``) and
plain filter values, and returns plain dicts, so the API, the exports and the benchmark
share one definition of "events by actor" and friends. Pages are ``limit``/``offset``,
newest first.
"""
from __future__ import annotations

import re
import threading
import unicodedata
from bisect import bisect_left
from dataclasses import dataclass, fields, replace
from datetime import date
from typing import Any

from sqlalchemy import Connection, Integer, Select, and_, cast, column, distinct, false, func, or_, select, text, tuple_, union

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
        flt.factuality = flt.factuality and check_factuality(flt.factuality)
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
        values = {name: getattr(self, name) for name in _CONDITIONS}
        if self.actor and conn is not None:
            values["actor"] = resolve_actor(conn, self.actor)
        conds = [make(e, v) for name, make in _CONDITIONS.items() if (v := values[name]) not in (None, "")]
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


def _actor_condition(e, actor: "str | ActorMatch"):
    # Without a connection to resolve it (ActorMatch), the value is taken as it is: a code or an exact name.
    match = actor if isinstance(actor, ActorMatch) else ActorMatch.literal(actor)
    sides = match.sides(e.actor_code, e.recipient_code, e.actor_name, e.recipient_name)
    return or_(*(col.in_(values) for col, values in sides)) if sides else false()


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
    "factuality": lambda e, v: e.factuality.in_(v.split(",")),
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


def check_factuality(value: str) -> str:
    """One factuality or several joined by commas ("asserted,reported": what is told as having happened)."""
    values = [v.strip().lower() for v in value.split(",") if v.strip()]
    for v in values:
        if v not in FACTUALITY:
            raise BadFilter("factuality", f"unknown value {v!r}; expected one of: {', '.join(FACTUALITY)} "
                                          "(several joined by commas)")
    return ",".join(dict.fromkeys(values))


def check_country(name: str, value: str | None) -> str | None:
    """A country as typed (a name, "Russia", or an ISO 3166 alpha-3 code, "rus") as its code."""
    if value is None:
        return None
    code = country_code(value)
    if code is None:
        raise BadFilter(name, f"expected a country name or an ISO 3166 alpha-3 code such as RUS (or IGO), "
                              f"got {value!r}{_did_you_mean(value)}")
    return code


def claim_conditions(conn: Connection, flt: EventFilter) -> list:
    """WHERE conditions on ``claims`` for ``flt``, as the claims ledger reads it: the actor (as the
    speaker, resolved as for events), dates, article and words directly; any other field selects
    the claims that a matching event rests on."""
    c, k = S.claims.c, S.actors.c
    conds = []
    if flt.actor:
        match = resolve_actor(conn, flt.actor)
        by_code = select(k.article_id, k.actor_id).where(k.code.in_(match.codes))
        conds.append(or_(c.speaker.in_(match.names), tuple_(c.article_id, c.speaker_id).in_(by_code)))
    for field, make in (("since", lambda v: c.day >= v), ("until", lambda v: c.day <= v),
                        ("article_id", lambda v: c.article_id == v), ("q", lambda v: c.article_id.in_(matching_ids(conn, v)))):
        if getattr(flt, field):
            conds.append(make(getattr(flt, field)))
    if flt.event_fields_set:  # claims resting on a matching event
        event_side = replace(flt, **dict.fromkeys(CLAIM_FIELDS))
        ec = S.event_claims.c
        resting = select(ec.claim_pk).join(S.events, S.events.c.pk == ec.event_pk).where(*event_side.conditions(conn))
        conds.append(c.pk.in_(resting))
    return conds


def _page(limit: int, offset: int) -> tuple[int, int]:
    if limit < 0 or offset < 0:
        raise ValueError("limit and offset must not be negative")
    return min(limit, MAX_LIMIT), offset


VALUES_PER_IN = 500  # values per IN (...): well under SQLite's and PostgreSQL's parameter limits


def rows_in(conn: Connection, query, column, values) -> list:
    """``query`` where ``column`` is one of ``values``, asked in chunks of :data:`VALUES_PER_IN`."""
    values = list(values)
    out = []
    for i in range(0, len(values), VALUES_PER_IN):
        out.extend(conn.execute(query.where(column.in_(values[i:i + VALUES_PER_IN]))).all())
    return out


def article_texts(conn: Connection, ids) -> dict[str, str]:
    """The cleaned text of each article in ``ids`` (the body every stored span points into)."""
    a = S.articles.c
    return dict(rows_in(conn, select(a.id, a.text), a.id, ids))


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
        sides = resolve_actor(conn, flt.actor).sides(e.actor_code, e.recipient_code, e.actor_name, e.recipient_name)
        if not sides:
            return []
        parts = []
        for col, values in sides:
            sub = select(e.pk, e.day).where(col.in_(values), *rest).order_by(*order).limit(limit + offset).subquery()
            parts.append(select(sub.c.pk, sub.c.day))
        both = (union(*parts) if len(parts) > 1 else parts[0]).subquery()
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


# -- actors and countries as users type them ------------------------------------------------
# "Niger", "nergov", "NER", "cote d'ivoire": the actor box and the country boxes take what an analyst
# types, in any case and with or without accents; the store keeps names and codes as extracted.

_NOT_WORD = re.compile(r"[\W_]+")
MAX_NAMES = 500  # names one actor value may stand for (a prefix such as "Kim"); the most reported are kept


def fold(value: str) -> str:
    """``value`` without case, accents or punctuation: "Côte d'Ivoire" -> "cote d ivoire"."""
    bare = "".join(ch for ch in unicodedata.normalize("NFKD", value) if not unicodedata.combining(ch))
    return " ".join(w for w in _NOT_WORD.split(bare.casefold()) if w)


def _countries():
    from newsgraph.actors.lexicon import load_lexicon  # the extraction's own country names and aliases

    return load_lexicon()


def country_code(value: str) -> str | None:
    """The ISO alpha-3 code a typed country stands for: a code in any case ("rus", and codes the lexicon
    does not know, as before), or a name or alias the lexicon knows ("Russia", "UK", "Côte d'Ivoire")."""
    value = value.strip()
    lex = _countries()
    if _COUNTRY.match(value) and (value.upper() in lex.country_names or value.upper() == "IGO"):
        return value.upper()
    found = lex.country(value) or lex.country(fold(value))
    if found:
        return found
    return value.upper() if _COUNTRY.match(value) else None


def _did_you_mean(value: str) -> str:
    from rapidfuzz import fuzz, process

    names = _countries().country_names
    best = process.extractOne(fold(value), {code: fold(n) for code, n in names.items()}, scorer=fuzz.WRatio,
                              score_cutoff=80)
    return f"; did you mean {names[best[2]]} ({best[2]})?" if best else ""


@dataclass(frozen=True)
class ActorMatch:
    """What an ``actor`` value stands for: actor codes and exact names, each matched as actor or recipient."""

    codes: tuple[str, ...] = ()
    names: tuple[str, ...] = ()

    @classmethod
    def literal(cls, value: str) -> "ActorMatch":
        return cls(codes=(value,)) if _CODE.match(value) else cls(names=(value,))

    def sides(self, actor_code, recipient_code, actor_name, recipient_name) -> list:
        """(column, values) for each side worth a look: each is one index walk."""
        return ([(c, self.codes) for c in (actor_code, recipient_code)] if self.codes else []) + \
               ([(c, self.names) for c in (actor_name, recipient_name)] if self.names else [])


@dataclass(frozen=True)
class KnownActor:
    name: str
    code: str | None
    country: str | None
    articles: int
    folded: str


class ActorDirectory:
    """The store's actors, one per canonical name and code, with folded names to match what is typed."""

    def __init__(self, rows):
        self.actors = sorted((KnownActor(n, c, k, a, fold(n)) for n, c, k, a in rows if n),
                             key=lambda x: (-x.articles, x.name))
        self.codes = sorted({a.code for a in self.actors if a.code})

    def codes_from(self, prefix: str) -> list[str]:
        """Codes that start with ``prefix`` ("NER": NER, NERGOV, NERMIL)."""
        i = bisect_left(self.codes, prefix)
        out = []
        while i < len(self.codes) and self.codes[i].startswith(prefix):
            out.append(self.codes[i])
            i += 1
        return out

    def named(self, value: str, prefixes: bool = False) -> list[KnownActor]:
        """Actors whose folded name is ``value``'s; failing that (or with ``prefixes``), whose name or
        one of its words starts with it ("putin": Vladimir Putin), given 3 characters or more."""
        key = fold(value)
        exact = [a for a in self.actors if a.folded == key]
        if (exact and not prefixes) or len(key) < 3:
            return exact
        return [a for a in self.actors if a.folded.startswith(key) or f" {key}" in f" {a.folded}"][:MAX_NAMES]


_DIRECTORIES: dict[str, tuple[tuple, ActorDirectory]] = {}
_DIRECTORY_LOCK = threading.Lock()


def actor_directory(conn: Connection) -> ActorDirectory:
    """The store's actor directory, read once per store version (articles added or removed)."""
    a, e = S.articles.c, S.events.c
    version = tuple(conn.execute(select(select(func.max(a.pk)).scalar_subquery(),
                                        select(func.count()).select_from(S.articles).scalar_subquery(),
                                        select(func.max(e.pk)).scalar_subquery())).one())
    key = str(conn.engine.url)
    with _DIRECTORY_LOCK:
        cached = _DIRECTORIES.get(key)
    if cached and cached[0] == version:
        return cached[1]
    k = S.actors.c
    rows = conn.execute(select(k.name, k.code, func.max(k.country), func.count(distinct(k.article_id)))
                        .group_by(k.name, k.code)).all()
    directory = ActorDirectory(rows)
    with _DIRECTORY_LOCK:
        _DIRECTORIES[key] = (version, directory)
    return directory


def resolve_actor(conn: Connection, value: str) -> ActorMatch:
    """What a typed actor stands for, first that applies: a code or code prefix in any case ("nergov",
    "NER": every Nigerien actor); a country's name ("Niger": its codes); an actor's name without case or
    accents, else the names it starts ("putin"). Nothing found: an empty match (no events)."""
    value = value.strip()
    d = actor_directory(conn)
    if _CODE.match(value.upper()) and (codes := d.codes_from(value.upper())):
        return ActorMatch(codes=tuple(codes))
    named = d.named(value)
    exact = [a.name for a in named if a.folded == fold(value)]
    lex = _countries()
    iso3 = lex.country(value) or lex.country(fold(value))
    if iso3 and (codes := d.codes_from(iso3)):
        return ActorMatch(codes=tuple(codes), names=tuple(dict.fromkeys(exact)))
    return ActorMatch(names=tuple(dict.fromkeys(a.name for a in named)))


def suggest_actors(conn: Connection, q: str, limit: int = 10) -> list[dict[str, Any]]:
    """Actors for an autocomplete box, best first: codes starting ``q``, a country of that name, names
    equal to it or starting with it, then names like it (typos: "Zelenskiy", "Nigre")."""
    from rapidfuzz import fuzz, process

    d, key, upper = actor_directory(conn), fold(q), q.strip().upper()
    if not key:
        return []
    out: dict[tuple, dict[str, Any]] = {}

    def add(a: KnownActor, match: str, value: str) -> None:
        out.setdefault((a.name, a.code), {"name": a.name, "code": a.code, "country": a.country,
                                          "articles": a.articles, "match": match, "value": value})

    iso3 = country_code(q)
    if iso3 and d.codes_from(iso3):
        n = sum(a.articles for a in d.actors if a.code and a.code.startswith(iso3))
        name = _countries().country_names.get(iso3, iso3)
        out[("country", iso3)] = {"name": f"{name}: every actor", "code": iso3, "country": iso3, "articles": n,
                                  "match": "country", "value": iso3}
    if _CODE.match(upper):
        for a in d.actors:
            if a.code and a.code.startswith(upper) and len(out) < limit:
                add(a, "code", a.name)
    for a in sorted(d.named(q, prefixes=True), key=lambda a: a.folded != key):
        add(a, "name" if a.folded == key else "prefix", a.name)
    if len(out) < limit:
        folded = {i: a.folded for i, a in enumerate(d.actors)}
        for _, score, i in process.extract(key, folded, scorer=fuzz.WRatio, score_cutoff=75, limit=limit):
            add(d.actors[i], "fuzzy", d.actors[i].name)
    return list(out.values())[:limit]
