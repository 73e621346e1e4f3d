"""The dashboard's pages of one thing: an actor (``actor_page``) and an event cluster (``cluster_page``).

Until actors have an identity across articles, an actor is its canonical name and its country
(``None`` for none), as each article's extraction gave them; a code leads to the name and country
most articles give it. Events, partners and claims follow the request's event filter; aliases and
codes describe the actor itself and are read over the whole store.
"""
from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Connection, and_, distinct, func, or_, select, tuple_

from newsgraph.serve import queries as Q
from newsgraph.serve.queries import COOPERATION, CONFLICT, event_item
from newsgraph.store import schema as S
from newsgraph.store.query import article_texts
from newsgraph.store.query import EventFilter, actor_directory, claim_conditions, fold

MAX_ALIAS_ROWS = 500  # actor rows read for aliases: the newest articles are enough to show how it is named
PAGE_ITEMS = 20  # partners and claims listed on a page
QUADS = {"cooperation": COOPERATION, "conflict": CONFLICT}
TELLS_IT_HAPPENED, DENIES_IT = ("asserted", "reported"), ("denied", "negated")


def _same(name_col, country_col, name: str, country: str | None):
    return and_(name_col == name, country_col == country if country else country_col.is_(None))


def involves(name: str, country: str | None):
    """Events where the actor (name + country) is the actor or the recipient."""
    e = S.events.c
    return or_(_same(e.actor_name, e.actor_country, name, country),
               _same(e.recipient_name, e.recipient_country, name, country))


@dataclass
class ActorEvents(EventFilter):
    """The filter's events that involve one actor: what the timeline counts for the actor's activity."""

    identity: tuple[str, str | None] | None = None

    def conditions(self, conn: Connection | None = None) -> list:
        return super().conditions(conn) + ([involves(*self.identity)] if self.identity else [])


def find_actor(conn: Connection, name: str | None, country: str | None, code: str | None) -> tuple[str, str | None] | None:
    """(name, country) of the actor asked for: by name (any case, accents optional) and country, else
    the name and country most articles give; by code, the name and country most articles give it."""
    k = S.actors.c
    articles = func.count(distinct(k.article_id))
    q = select(k.name, k.country).group_by(k.name, k.country).order_by(articles.desc(), k.name)
    if name:
        names = conn.execute(select(k.name).where(k.name == name).distinct()).scalars().all() or _folded_names(conn, name)
        if not names:
            return None
        q = q.where(k.name.in_(names))
        if country:  # (None: whichever country most articles give the name)
            q = q.where(k.country == country)
    elif code:
        q = q.where(k.code == code.upper())
    else:
        return None
    row = conn.execute(q.limit(1)).first()
    return (row.name, row.country) if row else None


def _folded_names(conn: Connection, name: str) -> list[str]:
    """The names that are ``name`` without case or accents ("sergei lavrov")."""
    key = fold(name)
    return [a.name for a in actor_directory(conn).actors if a.folded == key]


def actor_page(conn: Connection, identity: tuple[str, str | None], flt: EventFilter, interval: str) -> dict[str, Any]:
    name, country = identity
    scope = ActorEvents(**vars(flt), identity=identity)
    conds = scope.conditions(conn)
    e = S.events.c
    count, goldstein = conn.execute(select(func.count(), func.avg(e.goldstein)).where(*conds)).one()
    return {
        "name": name, "country": country, "events": count,
        "goldstein_mean": round(float(goldstein), 2) if goldstein is not None else None,
        **_identity_facts(conn, name, country),
        "activity": Q.timeline(conn, scope, interval, "quad_class"),
        "partners": _partners(conn, conds, name, country),
        "claims_made": _claims(conn, flt, _made_by(name, country)),
        "claims_about": _claims(conn, flt, _about(conds)),
    }


def _identity_facts(conn: Connection, name: str, country: str | None) -> dict[str, Any]:
    """How the articles name the actor (mention texts, pronouns left out) and its codes per month."""
    k, a = S.actors.c, S.articles.c
    mine = _same(k.name, k.country, name, country)
    rows = conn.execute(select(k.article_id, k.mentions, k.type, k.sector).join(S.articles, a.id == k.article_id).where(mine)
                        .order_by(a.published.desc(), k.pk.desc()).limit(MAX_ALIAS_ROWS)).all()
    texts = article_texts(conn, {r.article_id for r in rows})
    aliases: Counter[str] = Counter()
    for r in rows:
        body = texts.get(r.article_id, "")
        for span in r.mentions or []:
            said = Q._slice(body, span)
            # pronouns and "the minister" are resolved mentions, not names: only capitalised ones are aliases
            if said and any(ch.isupper() for ch in said):
                aliases[" ".join(said.split())] += 1
    month = func.substr(a.published, 1, 7)
    by_month: dict[str, dict[str, int]] = defaultdict(dict)
    codes: Counter[str] = Counter()
    q = (select(month, k.code, func.count(distinct(k.article_id))).join(S.articles, a.id == k.article_id)
         .where(mine).group_by(month, k.code).order_by(month))
    for period, code, n in conn.execute(q):
        by_month[period or "undated"][code or "-"] = n
        codes[code or "-"] += n
    return {"types": sorted({r.type for r in rows if r.type}), "sectors": sorted({r.sector for r in rows if r.sector}),
            "aliases": [{"text": t, "mentions": n} for t, n in aliases.most_common(30)],
            "codes": [{"code": c, "articles": n} for c, n in codes.most_common()],
            "codes_over_time": [{"period": p, "codes": v} for p, v in by_month.items()]}


def _partners(conn: Connection, conds: list, name: str, country: str | None) -> list[dict[str, Any]]:
    """The other side of the actor's events, most events first, split by role and by cooperation/conflict."""
    e = S.events.c
    out: dict[tuple, dict[str, Any]] = {}
    sides = (("as_actor", (e.actor_name, e.actor_country), (e.recipient_name, e.recipient_country, e.recipient_code)),
             ("as_recipient", (e.recipient_name, e.recipient_country), (e.actor_name, e.actor_country, e.actor_code)))
    for role, (my_name, my_country), (other, other_country, other_code) in sides:
        q = (select(other, other_country, func.max(other_code), e.quad_class, func.count())
             .where(*conds, _same(my_name, my_country, name, country), other.is_not(None))
             .group_by(other, other_country, e.quad_class))
        for n, k, code, quad, count in conn.execute(q):
            p = out.setdefault((n, k), {"name": n, "country": k, "code": code, "events": 0, "as_actor": 0,
                                        "as_recipient": 0, "cooperation": 0, "conflict": 0})
            for key in (role, "events", *(k for k, quads in QUADS.items() if quad in quads)):
                p[key] += count
    return sorted(out.values(), key=lambda p: (-p["events"], p["name"]))[:PAGE_ITEMS]


def _made_by(name: str, country: str | None):
    c, k = S.claims.c, S.actors.c
    speakers = select(k.article_id, k.actor_id).where(_same(k.name, k.country, name, country))
    return tuple_(c.article_id, c.speaker_id).in_(speakers)


def _about(conds: list):
    """Claims that a matching event of the actor rests on (their content tells that event)."""
    ec = S.event_claims.c
    return S.claims.c.pk.in_(select(ec.claim_pk).join(S.events, S.events.c.pk == ec.event_pk).where(*conds))


def _claims(conn: Connection, flt: EventFilter, condition) -> dict[str, Any]:
    c, a = S.claims.c, S.articles.c
    conds = claim_conditions(conn, flt) + [condition]
    total = conn.execute(select(func.count()).select_from(S.claims).where(*conds)).scalar_one()
    rows = conn.execute(select(S.claims, a.title.label("article_title"), a.published.label("article_published"))
                        .join(S.articles, a.id == c.article_id).where(*conds)
                        .order_by(c.day.desc(), c.article_id, c.pk).limit(PAGE_ITEMS)).all()
    return {"total": total, "items": Q._claim_items(conn, rows)}


# -- clusters --------------------------------------------------------------------------

def cluster_page(conn: Connection, cluster_id: int) -> dict[str, Any] | None:
    """Every report of one real-world event (outlet, date, headline, factuality as each told it) and,
    where one telling says it happened and another denies or negates it, the disagreement."""
    k, e, a = S.event_clusters.c, S.events.c, S.articles.c
    row = conn.execute(select(S.event_clusters).where(k.id == cluster_id)).first()
    if row is None:
        return None
    found = conn.execute(select(S.events, a.title.label("article_title"), a.published.label("article_published"),
                                a.url.label("article_url"), a.outlet.label("article_outlet"))
                         .join(S.articles, a.id == e.article_id).where(e.cluster_id == cluster_id)
                         .order_by(a.published, e.pk)).all()
    texts = article_texts(conn, {r.article_id for r in found})
    claims = Q._event_claim_ids(conn, [r.pk for r in found])
    reports = [event_item(r._mapping, texts.get(r.article_id, ""), claims.get(r.pk, [])) for r in found]
    return {"id": row.id, "type": row.type, "actor_country": None if row.actor_country == "-" else row.actor_country,
            "recipient_country": None if row.recipient_country == "-" else row.recipient_country, "day": row.day,
            "location_country": row.location_country, "num_mentions": row.num_mentions,
            "num_articles": row.num_articles, "num_sources": row.num_sources, "first_reported": row.first_reported,
            "factualities": dict(Counter(r["factuality"] for r in reports)),
            "disagreement": disagreement(reports), "reports": reports}


def disagreement(reports: list[dict[str, Any]]) -> dict[str, Any] | None:
    """None when the tellings agree; else which reports say it happened and which deny or negate it."""
    said = [r["id"] for r in reports if r["factuality"] in TELLS_IT_HAPPENED]
    denied = [r["id"] for r in reports if r["factuality"] in DENIES_IT]
    if not said or not denied:
        return None
    return {"happened": said, "denied": denied,
            "note": f"The reports disagree: {_reports(said)} it happened (asserted or reported), "
                    f"{_reports(denied)} it did not (denied or negated)."}


def _reports(ids: list[str]) -> str:
    return f"{len(ids)} report says" if len(ids) == 1 else f"{len(ids)} reports say"
