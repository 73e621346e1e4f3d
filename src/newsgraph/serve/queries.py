"""The API's read queries over the store's tables.

Event filters (:class:`~newsgraph.store.query.EventFilter`), event pages and paging are the
store's (:mod:`newsgraph.store.query`); what the dashboard needs beyond them (week and month
timelines, the network by actor name, event locations, claims with their chains, events and
denials, actor aggregates) is written here as SQL over the store's schema.
Every function takes a SQLAlchemy ``Connection`` and returns plain JSON-ready dicts.
"""
from __future__ import annotations

import logging
from collections import defaultdict
from datetime import date, timedelta
from typing import Any

from sqlalchemy import Connection, and_, case, distinct, func, select

from newsgraph.actors.lexicon import load_lexicon
from newsgraph.store import query as Q
from newsgraph.store.query import EventFilter, claim_conditions, matching_articles, matching_ids
from newsgraph.store import schema as S
from newsgraph.spans import span_text

LOGGER = logging.getLogger(__name__)

COOPERATION, CONFLICT = (1, 2), (3, 4)


def store_version(conn: Connection) -> tuple:
    """Changes whenever articles or events are added or removed: the key that expires cached aggregates."""
    a, e = S.articles.c, S.events.c
    return tuple(conn.execute(select(select(func.max(a.pk)).scalar_subquery(), select(func.count()).select_from(S.articles).scalar_subquery(),
                                     select(func.max(e.pk)).scalar_subquery())).one())


def _where(query, conds):
    return query.where(and_(*conds)) if conds else query


# -- events ----------------------------------------------------------------------------

def events_page(conn: Connection, flt: EventFilter, limit: int, offset: int) -> dict[str, Any]:
    rows = Q.events(conn, flt, limit, offset)
    texts = Q.article_texts(conn, {r["article_id"] for r in rows})
    claims = _event_claim_ids(conn, [r["pk"] for r in rows])
    items = [event_item(r, texts.get(r["article_id"], ""), claims.get(r["pk"], [])) for r in rows]
    return {"total": Q.count_events(conn, flt), "limit": limit, "offset": offset, "items": items}


def clusters_page(conn: Connection, flt: EventFilter, limit: int, offset: int) -> dict[str, Any]:
    """Event clusters (one real-world event however many articles tell it) that hold a
    matching event, most widely reported first, each with its first-stored event."""
    e, k, a = S.events.c, S.event_clusters.c, S.articles.c
    matching = _where(select(e.cluster_id).where(e.cluster_id.is_not(None)), flt.conditions(conn))
    conds = [k.id.in_(matching)]
    total = conn.execute(select(func.count()).select_from(S.event_clusters).where(*conds)).scalar_one()
    rows = conn.execute(select(S.event_clusters).where(*conds)
                        .order_by(k.num_articles.desc(), k.day.desc(), k.id).limit(limit).offset(offset)).all()
    ids = [r.id for r in rows]
    first = (select(func.min(e.pk)).where(e.cluster_id.in_(ids)).group_by(e.cluster_id)) if ids else None
    events: dict[int, dict[str, Any]] = {}
    if first is not None:
        q = (select(S.events, a.title.label("article_title"), a.published.label("article_published"),
                    a.url.label("article_url"), a.outlet.label("article_outlet"))
             .join(S.articles, a.id == e.article_id).where(e.pk.in_(first)))
        found = conn.execute(q).all()
        texts = Q.article_texts(conn, {r.article_id for r in found})
        claims = _event_claim_ids(conn, [r.pk for r in found])
        events = {r.cluster_id: event_item(r._mapping, texts.get(r.article_id, ""), claims.get(r.pk, [])) for r in found}
    items = [{"id": r.id, "type": r.type,
              "actor_country": None if r.actor_country == "-" else r.actor_country,
              "recipient_country": None if r.recipient_country == "-" else r.recipient_country,
              "day": r.day, "location_country": r.location_country, "num_mentions": r.num_mentions,
              "num_articles": r.num_articles, "num_sources": r.num_sources, "first_reported": r.first_reported,
              "event": events.get(r.id)} for r in rows]
    return {"total": total, "limit": limit, "offset": offset, "items": items}


def event_item(r, body: str, claim_ids: list[str]) -> dict[str, Any]:
    """One event row as the API gives it: the contract's fields plus names and excerpts."""
    def party(prefix: str):
        name, code = r[f"{prefix}_name"], r[f"{prefix}_code"]
        if name is None and code is None:
            return None
        return {"id": r[f"{prefix}_id"], "name": name, "code": code, "country": r[f"{prefix}_country"]}

    return {
        "id": f"{r['article_id']}/{r['event_id']}", "article_id": r["article_id"], "event_id": r["event_id"],
        "article_title": r["article_title"], "article_published": r["article_published"],
        "article_url": r["article_url"], "article_outlet": r["article_outlet"],
        "type": r["type"], "mode": r["mode"], "context": r["context"] or [], "cameo": r["cameo"],
        "quad_class": r["quad_class"], "goldstein": r["goldstein"], "factuality": r["factuality"],
        "actor": party("actor"), "recipient": party("recipient"),
        "date": r["date"], "date_text": r["date_text"], "day": r["day"], "location": r["location"],
        "claims": claim_ids, "confidence": r["confidence"], "cluster_id": r.get("cluster_id"),
        "trigger": r["trigger"], "trigger_text": _slice(body, r["trigger"]),
        "evidence": r["evidence"] or [], "evidence_text": span_text(body, r["evidence"], sep=" … "),
    }


def _slice(body: str, span) -> str | None:
    if not span or len(span) != 2:
        return None
    s, e = span
    return body[s:e] if isinstance(s, int) and isinstance(e, int) and 0 <= s <= e <= len(body) else None


def _event_claim_ids(conn: Connection, event_pks: list[int]) -> dict[int, list[str]]:
    if not event_pks:
        return {}
    ec, c = S.event_claims.c, S.claims.c
    out: dict[int, list[str]] = defaultdict(list)
    q = (select(ec.event_pk, c.claim_id).join(S.claims, c.pk == ec.claim_pk)
         .where(ec.event_pk.in_(event_pks)).order_by(ec.event_pk, c.pk))
    for epk, cid in conn.execute(q):
        out[epk].append(cid)
    return out


# -- timeline --------------------------------------------------------------------------

INTERVALS = ("day", "week", "month", "year")  # finest first: a range too long for one is counted in the next
MAX_PERIODS = 400  # periods one timeline holds: more than a chart can show a bar for


def period_of(day: str, interval: str) -> str:
    """The bucket a day falls in: the day itself, its ISO week (2023-W37), its month (2023-09) or year (2023)."""
    if interval == "day":
        return date.fromisoformat(day).isoformat()
    if interval == "month":
        return day[:7]
    if interval == "year":
        return day[:4]
    y, w, _ = date.fromisoformat(day).isocalendar()
    return f"{y}-W{w:02d}"


def count_periods(first: date, last: date, interval: str) -> int:
    """How many periods of ``interval`` a range of days touches, without listing them."""
    if interval == "day":
        return (last - first).days + 1
    if interval == "week":
        return ((last - timedelta(last.weekday())) - (first - timedelta(first.weekday()))).days // 7 + 1
    if interval == "month":
        return (last.year - first.year) * 12 + last.month - first.month + 1
    return last.year - first.year + 1


def periods_between(first: date, last: date, interval: str) -> list[str]:
    """Every period from the one holding ``first`` to the one holding ``last``, in order."""
    out: list[str] = []
    d = first - timedelta(first.weekday()) if interval == "week" else first
    while d <= last and d.year < 9999:  # (the calendar's last year would overflow the step below)
        out.append(period_of(d.isoformat(), interval))
        if interval in ("day", "week"):
            d += timedelta(1 if interval == "day" else 7)
        elif interval == "month":
            d = date(d.year + d.month // 12, d.month % 12 + 1, 1)
        else:
            d = date(d.year + 1, 1, 1)
    return out


def fitting_interval(first: date, last: date, interval: str) -> str:
    """``interval``, or the first coarser one whose periods over the range are at most MAX_PERIODS."""
    for candidate in INTERVALS[INTERVALS.index(interval):]:
        if count_periods(first, last, candidate) <= MAX_PERIODS:
            return candidate
    return INTERVALS[-1]  # years are as coarse as it gets, however many


def timeline(conn: Connection, flt: EventFilter, interval: str, by: str) -> dict[str, Any]:
    """Counts per period and per ``by`` value (type, quad_class or factuality) over a continuous axis:
    every period from the filter's first day (else the first event's) to its last, empty ones as 0.
    When that would be more than MAX_PERIODS periods, a coarser interval is used and ``note`` says so."""
    e = S.events.c
    col = getattr(e, by)
    conds = flt.conditions(conn)
    q = _where(select(e.day, col.label("key"), func.count().label("n")), conds + [e.day.is_not(None)]).group_by(e.day, col)
    by_day: dict[tuple[date, Any], int] = defaultdict(int)
    for day, key, n in conn.execute(q):
        try:
            by_day[(date.fromisoformat(day), key)] += n
        except ValueError:
            LOGGER.debug("event day %r is not an ISO date", day)
    undated = conn.execute(_where(select(func.count()).select_from(S.events), conds + [e.day.is_(None)])).scalar_one()
    out = {"interval": interval, "requested_interval": interval, "note": None, "by": by, "periods": [], "series": [],
           "undated": undated, "first": None, "last": None}
    days = sorted({d for d, _ in by_day})
    first = date.fromisoformat(flt.since) if flt.since else (days[0] if days else None)
    last = date.fromisoformat(flt.until) if flt.until else (days[-1] if days else None)
    if first is None or last is None or first > last:
        return out
    chosen = fitting_interval(first, last, interval)
    if chosen != interval:
        n = count_periods(first, last, interval)
        out["note"] = (f"{first} to {last} spans {n} {interval}s, more than the {MAX_PERIODS} a timeline holds: "
                       f"counted per {chosen}.")
    periods = periods_between(first, last, chosen)
    index = {p: i for i, p in enumerate(periods)}
    counts: dict[Any, list[int]] = {}
    for (d, key), n in by_day.items():
        counts.setdefault(key, [0] * len(periods))[index[period_of(d.isoformat(), chosen)]] += n
    series = [{"key": k, "total": sum(row), "counts": row} for k, row in counts.items()]
    series.sort(key=lambda s: (-s["total"], s["key"] is None, str(s["key"])))
    out.update(interval=chosen, periods=periods, series=series, first=first.isoformat(), last=last.isoformat())
    return out


# -- aggregates ------------------------------------------------------------------------

def network(conn: Connection, flt: EventFilter, limit: int, level: str = "name") -> dict[str, Any]:
    """Who acts on whom: edges actor -> recipient with counts split by cooperation and conflict."""
    e = S.events.c
    level = "identity" if level == "name" else level  # "name", the old word for the canonical identity
    if level == "code":
        src, dst = func.coalesce(e.actor_code, e.actor_name), func.coalesce(e.recipient_code, e.recipient_name)
    elif level == "country":
        src, dst = e.actor_country, e.recipient_country
    else:
        src, dst = func.coalesce(e.actor_name, e.actor_code), func.coalesce(e.recipient_name, e.recipient_code)
    conds = flt.conditions(conn) + [src.is_not(None), dst.is_not(None)]
    q = _where(select(src.label("s"), dst.label("t"), e.quad_class, e.type, func.count().label("n"),
                      func.max(e.actor_code).label("sc"), func.max(e.recipient_code).label("tc"),
                      func.max(e.actor_country).label("sk"), func.max(e.recipient_country).label("tk")), conds)
    q = q.group_by(src, dst, e.quad_class, e.type)
    edges: dict[tuple[str, str], dict[str, Any]] = {}
    info: dict[str, dict[str, Any]] = {}
    for s, t, quad, typ, n, sc, tc, sk, tk in conn.execute(q):
        edge = edges.setdefault((s, t), {"source": s, "target": t, "source_name": s, "target_name": t, "count": 0,
                                         "cooperation": 0, "conflict": 0, "quad": {}, "types": {}})
        edge["count"] += n
        if quad in COOPERATION:
            edge["cooperation"] += n
        elif quad in CONFLICT:
            edge["conflict"] += n
        qk = str(quad) if quad is not None else "none"
        edge["quad"][qk] = edge["quad"].get(qk, 0) + n
        edge["types"][typ] = edge["types"].get(typ, 0) + n
        info.setdefault(s, {"code": sc, "country": sk})
        info.setdefault(t, {"code": tc, "country": tk})
    kept = sorted(edges.values(), key=lambda x: (-x["count"], x["source"], x["target"]))[:limit]
    for edge in kept:
        edge["types"] = dict(sorted(edge["types"].items(), key=lambda kv: -kv[1]))
    weight: dict[str, int] = defaultdict(int)
    for edge in kept:
        weight[edge["source"]] += edge["count"]
        if edge["target"] != edge["source"]:
            weight[edge["target"]] += edge["count"]
    # A country is shown by its name (its code stays the id); an actor by its canonical name or code.
    names = load_lexicon().country_names if level == "country" else {}
    label = lambda k: names.get(k, k)  # noqa: E731
    for edge in kept:
        edge["source_name"], edge["target_name"] = label(edge["source"]), label(edge["target"])
    nodes = [{"id": k, "name": label(k), "code": info[k]["code"] if level != "country" else None,
              "country": info[k]["country"] if level != "country" else k, "events": n}
             for k, n in sorted(weight.items(), key=lambda kv: -kv[1])]
    return {"level": level, "nodes": nodes, "edges": kept, "total_edges": len(edges)}


def locations(conn: Connection, flt: EventFilter, limit: int) -> dict[str, Any]:
    """Places where events happened, with counts by cooperation/conflict and by type."""
    e = S.events.c
    conds = flt.conditions(conn)
    # One point per named place (events at a place share its coordinates); unnamed ones by rounded position.
    lat, lon = func.round(e.lat, 1), func.round(e.lon, 1)
    key_lat = case((e.location_name.is_(None), lat), else_=None)
    key_lon = case((e.location_name.is_(None), lon), else_=None)
    q = _where(select(e.location_name, e.location_country, key_lat, key_lon, e.quad_class, e.type, func.count(),
                      func.avg(e.lat), func.avg(e.lon)),
               conds + [e.lat.is_not(None), e.lon.is_not(None)])
    q = q.group_by(e.location_name, e.location_country, key_lat, key_lon, e.quad_class, e.type)
    places: dict[tuple, dict[str, Any]] = {}
    for name, country, kla, klo, quad, typ, n, la, lo in conn.execute(q):
        p = places.setdefault((name, country, kla, klo), {"name": name, "country": country, "lat": 0.0, "lon": 0.0,
                                                          "count": 0, "cooperation": 0, "conflict": 0, "types": {}})
        # Running mean of the coordinates over the groups of this place, weighted by events.
        total = p["count"] + n
        p["lat"] = round((p["lat"] * p["count"] + float(la) * n) / total, 4)
        p["lon"] = round((p["lon"] * p["count"] + float(lo) * n) / total, 4)
        p["count"] = total
        if quad in COOPERATION:
            p["cooperation"] += n
        elif quad in CONFLICT:
            p["conflict"] += n
        p["types"][typ] = p["types"].get(typ, 0) + n
    unlocated = conn.execute(_where(select(func.count()).select_from(S.events), conds + [e.lat.is_(None)])).scalar_one()
    items = sorted(places.values(), key=lambda p: (-p["count"], p["name"] or ""))
    return {"total": len(items), "unlocated": unlocated, "items": items[:limit]}


def mentioned_places(conn: Connection, flt: EventFilter, limit: int) -> dict[str, Any]:
    """Places the articles name (geocoded mentions), whether or not an event was placed there."""
    p, a = S.places.c, S.articles.c
    conds = [p.lat.is_not(None), p.lon.is_not(None)]
    if flt.q:
        conds.append(p.article_id.in_(matching_ids(conn, flt.q)))
    if flt.article_id:
        conds.append(p.article_id == flt.article_id)
    # A named place is where it is: in a country "involved" and in the country it is "located in".
    conds += [p.country == c for c in dict.fromkeys((flt.involving, flt.location_country)) if c]
    if flt.since or flt.until:
        dated = select(a.id)
        if flt.since:
            dated = dated.where(a.published >= flt.since)
        if flt.until:
            dated = dated.where(a.published <= flt.until)
        conds.append(p.article_id.in_(dated))
    articles = func.count(distinct(p.article_id))
    q = (select(p.name, p.country, func.avg(p.lat), func.avg(p.lon), func.count(), articles).where(and_(*conds))
         .group_by(p.name, p.country).order_by(articles.desc(), p.name).limit(limit))
    items = [{"name": n, "country": c, "lat": round(float(la), 4), "lon": round(float(lo), 4), "mentions": m, "articles": k}
             for n, c, la, lo, m, k in conn.execute(q)]
    return {"items": items}


def top_actors(conn: Connection, flt: EventFilter, limit: int) -> dict[str, Any]:
    """Actors in the most matching events, as actor or as recipient."""
    e = S.events.c
    conds = flt.conditions(conn)
    totals: dict[str, dict[str, Any]] = {}
    for role, name, code, country in (("as_actor", e.actor_name, e.actor_code, e.actor_country),
                                      ("as_recipient", e.recipient_name, e.recipient_code, e.recipient_country)):
        q = _where(select(name, e.quad_class, func.count(), func.max(code), func.max(country)), conds + [name.is_not(None)])
        for n, quad, count, c, k in conn.execute(q.group_by(name, e.quad_class)):
            t = totals.setdefault(n, {"name": n, "code": c, "country": k, "events": 0, "as_actor": 0, "as_recipient": 0,
                                      "cooperation": 0, "conflict": 0})
            t["events"] += count
            t[role] += count
            if quad in COOPERATION:
                t["cooperation"] += count
            elif quad in CONFLICT:
                t["conflict"] += count
    items = sorted(totals.values(), key=lambda t: (-t["events"], t["name"]))[:limit]
    return {"items": items}


def actors_page(conn: Connection, q: str | None, country: str | None, type_: str | None, sector: str | None,
                limit: int, offset: int) -> dict[str, Any]:
    """Actors as the store knows them (one row per canonical name and code), most widely reported first."""
    a = S.actors.c
    conds = []
    if q:
        conds.append(func.lower(a.name).contains(q.lower(), autoescape=True))
    if country:
        conds.append(a.country == country)
    if type_:
        conds.append(a.type == type_)
    if sector:
        conds.append(a.sector == sector)
    grouped = _where(select(a.name, a.code), conds).group_by(a.name, a.code).subquery()
    total = conn.execute(select(func.count()).select_from(grouped)).scalar_one()
    articles = func.count(distinct(a.article_id))
    rows = conn.execute(_where(select(a.name, a.code, func.max(a.country), func.max(a.type), func.max(a.sector),
                                      func.max(a.title), articles, func.count()), conds)
                        .group_by(a.name, a.code).order_by(articles.desc(), a.name).limit(limit).offset(offset)).all()
    names = [r[0] for r in rows]
    counts: dict[str, int] = defaultdict(int)
    if names:
        e = S.events.c
        for col in (e.actor_name, e.recipient_name):
            for name, n in conn.execute(select(col, func.count()).where(col.in_(names)).group_by(col)):
                counts[name] += n
    items = [{"name": n, "code": c, "country": k, "type": t, "sector": s, "title": ti, "articles": na, "mentions": nm,
              "events": counts.get(n, 0)} for n, c, k, t, s, ti, na, nm in rows]
    return {"total": total, "limit": limit, "offset": offset, "items": items}


# -- claims ----------------------------------------------------------------------------

def claims_page(conn: Connection, flt: EventFilter, limit: int, offset: int, stance: str | None = None,
                anonymous: bool | None = None, direct: bool | None = None) -> dict[str, Any]:
    """Claims with their source, cue, content, relay chain, the events resting on them and denials."""
    c, a = S.claims.c, S.articles.c
    conds = claim_conditions(conn, flt)
    if stance:
        conds.append(c.stance == stance)
    if anonymous is not None:
        conds.append(c.anonymous.is_(anonymous))
    if direct is not None:
        conds.append(c.direct.is_(direct))
    total = conn.execute(_where(select(func.count()).select_from(S.claims), conds)).scalar_one()
    q = (select(S.claims, a.title.label("article_title"), a.published.label("article_published"))
         .join(S.articles, a.id == c.article_id))
    rows = conn.execute(_where(q, conds).order_by(c.day.desc(), c.article_id, c.pk).limit(limit).offset(offset)).all()
    return {"total": total, "limit": limit, "offset": offset, "items": _claim_items(conn, rows)}


def _claim_items(conn: Connection, rows) -> list[dict[str, Any]]:
    """Dress claim rows with what the ledger shows: names, chains, events, denials."""
    if not rows:
        return []
    c, e, ec = S.claims.c, S.events.c, S.event_claims.c
    article_ids = sorted({r.article_id for r in rows})
    # Every claim of these articles (chains and denials stay inside one article).
    siblings: dict[tuple[str, str], Any] = {}
    for r in conn.execute(select(S.claims).where(c.article_id.in_(article_ids))):
        siblings[(r.article_id, r.claim_id)] = r
    actor_rows = conn.execute(select(S.actors.c.article_id, S.actors.c.actor_id, S.actors.c.name, S.actors.c.code,
                                     S.actors.c.country).where(S.actors.c.article_id.in_(article_ids)))
    actors = {(r.article_id, r.actor_id): {"name": r.name, "code": r.code, "country": r.country} for r in actor_rows}
    texts = Q.article_texts(conn, set(article_ids))
    # Events resting on each claim, and the claims sharing an event (for denials).
    events_of: dict[int, list[dict[str, Any]]] = defaultdict(list)
    claims_of_event: dict[int, list[int]] = defaultdict(list)
    pks = [r.pk for r in siblings.values()]
    q = (select(ec.claim_pk, e.pk, e.event_id, e.type, e.quad_class, e.factuality, e.trigger, e.article_id)
         .join(S.events, e.pk == ec.event_pk).where(ec.claim_pk.in_(pks)).order_by(e.pk))
    for cpk, epk, eid, typ, quad, fact, trig, aid in conn.execute(q):
        events_of[cpk].append({"event_id": eid, "type": typ, "quad_class": quad, "factuality": fact,
                               "trigger_text": _slice(texts.get(aid, ""), trig)})
        claims_of_event[epk].append(cpk)
    by_pk = {r.pk: r for r in siblings.values()}
    shares: dict[int, set[int]] = defaultdict(set)
    for cpks in claims_of_event.values():
        for x in cpks:
            shares[x].update(y for y in cpks if y != x)

    def brief(r) -> dict[str, Any]:
        speaker = actors.get((r.article_id, r.speaker_id)) if r.speaker_id else None
        return {"claim_id": r.claim_id, "speaker_name": speaker["name"] if speaker else None,
                "speaker_text": r.speaker_text, "cue_text": r.cue_words or r.cue_text, "content_text": r.content_text,
                "stance": r.stance}

    items = []
    for r in rows:
        chain, seen, via = [], {r.claim_id}, r.via
        while via and via not in seen and (r.article_id, via) in siblings:
            seen.add(via)
            link = siblings[(r.article_id, via)]
            chain.append(brief(link))
            via = link.via
        related = [by_pk[p] for p in sorted(shares.get(r.pk, ())) if p in by_pk]
        is_denial = r.stance == "deny"
        items.append({
            "id": f"{r.article_id}/{r.claim_id}", "article_id": r.article_id, "claim_id": r.claim_id,
            "article_title": r.article_title, "article_published": r.article_published, "day": r.day,
            "speaker": actors.get((r.article_id, r.speaker_id)) if r.speaker_id else None,
            "speaker_label": r.speaker, "speaker_text": r.speaker_text,
            "cue_text": r.cue_words or r.cue_text, "content_text": r.content_text,
            "speaker_span": r.speaker_span, "cue": r.cue, "content": r.content,
            "direct": bool(r.direct), "anonymous": bool(r.anonymous), "stance": r.stance, "via": r.via,
            "chain": chain, "events": events_of.get(r.pk, []),
            "denied_by": [] if is_denial else [brief(x) for x in related if x.stance == "deny"],
            "denies": [brief(x) for x in related if x.stance != "deny"] if is_denial else [],
        })
    return items


# -- articles --------------------------------------------------------------------------

def articles_page(conn: Connection, q: str | None, date_from: str | None, date_to: str | None, outlet: str | None,
                  limit: int, offset: int) -> dict[str, Any]:
    a = S.articles.c
    conds = []
    if q:
        conds.append(a.id.in_(matching_articles(conn, q)))
    if date_from:
        conds.append(a.published >= date_from)
    if date_to:
        conds.append(a.published <= date_to)
    if outlet:
        conds.append(a.outlet == outlet)
    total = conn.execute(_where(select(func.count()).select_from(S.articles), conds)).scalar_one()
    rows = conn.execute(_where(select(a.id, a.title, a.url, a.outlet, a.published, a.language, a.n_events, a.n_actors,
                                      a.n_claims, a.duplicate_of, a.cluster), conds)
                        .order_by(a.published.desc(), a.pk.desc()).limit(limit).offset(offset)).all()
    items = [{"id": r.id, "title": r.title, "url": r.url, "outlet": r.outlet, "published": r.published,
              "language": r.language, "events": r.n_events, "actors": r.n_actors, "claims": r.n_claims,
              "duplicate_of": r.duplicate_of, "cluster": r.cluster} for r in rows]
    return {"total": total, "limit": limit, "offset": offset, "items": items}
