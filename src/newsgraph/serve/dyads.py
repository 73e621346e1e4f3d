"""Dyads and series: who does what to whom, as a matrix and over time.

``dyad_matrix`` counts events (and sums and averages their Goldstein scores) between actor-side and
recipient-side countries or codes; ``series`` gives, on the timeline's continuous axis, event counts by
type or quad class and the Goldstein sum and mean per period for an actor, a dyad or a country. Both
read the one event filter; :class:`SidedFilter` adds the two sides of a dyad (``source``: the actor,
``target``: the recipient), each read as the actor box reads a value.
"""
from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlalchemy import Connection, and_, false, func, or_, select

from newsgraph.actors.lexicon import load_lexicon
from newsgraph.serve import queries as Q
from newsgraph.store import schema as S
from newsgraph.store.query import EventFilter, resolve_actor

# What is told as having happened: planned, hypothetical, negated and denied events are left out
# unless the factuality filter asks for them.
DEFAULT_FACTUALITY = "asserted,reported"
LEVELS = ("country", "code")
MEASURES = ("count", "goldstein_sum", "goldstein_mean")


@dataclass
class SidedFilter(EventFilter):
    """The event filter with a dyad's sides: ``source`` only as the actor, ``target`` only as the recipient."""

    source: str | None = None
    target: str | None = None

    def conditions(self, conn: Connection | None = None) -> list:
        conds = super().conditions(conn)
        e = S.events.c
        for value, code, name in ((self.source, e.actor_code, e.actor_name), (self.target, e.recipient_code, e.recipient_name)):
            if value:
                match = resolve_actor(conn, value)
                sides = [code.in_(match.codes)] if match.codes else []
                sides += [name.in_(match.names)] if match.names else []
                conds.append(or_(*sides) if sides else false())  # nothing known by that name: no events
        return conds


def with_default_factuality(flt: EventFilter) -> EventFilter:
    if not flt.factuality:
        flt.factuality = DEFAULT_FACTUALITY
    return flt


def dyad_matrix(conn: Connection, flt: EventFilter, level: str = "country", limit: int = 20) -> dict[str, Any]:
    """Cells (actor side, recipient side) with the count of events and their Goldstein sum and mean, for the
    ``limit`` most active keys on each axis (countries, or CAMEO-style codes); events missing a side are left out."""
    e = S.events.c
    src, dst = (e.actor_country, e.recipient_country) if level == "country" else (e.actor_code, e.recipient_code)
    conds = flt.conditions(conn) + [src.is_not(None), dst.is_not(None)]
    q = select(src, dst, func.count(), func.sum(e.goldstein), func.count(e.goldstein)).where(and_(*conds)).group_by(src, dst)
    cells, rows, cols = [], defaultdict(int), defaultdict(int)
    for s, t, n, gsum, gn in conn.execute(q):
        cells.append({"actor": s, "recipient": t, "count": n, "goldstein_sum": _round(gsum) if gn else None,
                      "goldstein_mean": _round(gsum / gn) if gn else None, "scored": gn})
        rows[s] += n
        cols[t] += n
    top_rows, top_cols = _top(rows, limit), _top(cols, limit)
    kept = [c for c in cells if c["actor"] in top_rows and c["recipient"] in top_cols]
    kept.sort(key=lambda c: (-c["count"], c["actor"], c["recipient"]))
    names = load_lexicon().country_names if level == "country" else {}
    axis = lambda keys, totals: [{"key": k, "name": names.get(k, k), "count": totals[k]} for k in keys]  # noqa: E731
    return {"level": level, "factuality": flt.factuality, "rows": axis(top_rows, rows), "columns": axis(top_cols, cols), "cells": kept,
            "total": sum(rows.values()), "total_rows": len(rows), "total_columns": len(cols)}


def _top(totals: dict[str, int], limit: int) -> list[str]:
    return [k for k, _ in sorted(totals.items(), key=lambda kv: (-kv[1], kv[0]))[:limit]]


def _round(x) -> float:
    return round(float(x), 3)


def series(conn: Connection, flt: EventFilter, interval: str, by: str) -> dict[str, Any]:
    """The timeline's counts (continuous periods, a coarser interval when too many) with the Goldstein sum
    and mean of each period's scored events (mean ``None`` where no event of the period has a score)."""
    out = Q.timeline(conn, flt, interval, by)
    n = len(out["periods"])
    sums, scored = [0.0] * n, [0] * n
    if n:
        e = S.events.c
        index = {p: i for i, p in enumerate(out["periods"])}
        q = (select(e.day, func.sum(e.goldstein), func.count(e.goldstein))
             .where(and_(*flt.conditions(conn), e.day.is_not(None), e.goldstein.is_not(None))).group_by(e.day))
        for day, gsum, gn in conn.execute(q):
            i = index.get(_period(day, out["interval"]))
            if i is not None:  # a day outside the asked range or not a date
                sums[i] += float(gsum)
                scored[i] += gn
    out["factuality"] = flt.factuality
    out["goldstein"] = {"sum": [_round(s) for s in sums], "mean": [_round(s / k) if k else None for s, k in zip(sums, scored)],
                        "scored": scored}
    out["counts"] = [sum(s["counts"][i] for s in out["series"]) for i in range(n)]
    return out


def _period(day: str, interval: str) -> str | None:
    try:
        date.fromisoformat(day)
    except ValueError:
        return None
    return Q.period_of(day, interval)
