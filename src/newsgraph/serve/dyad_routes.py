"""The dyad endpoints: ``/api/aggregates/dyads`` (the dyad matrix) and ``/api/series`` (counts and
Goldstein per period for an actor, a dyad or a country). Both take every event filter and count what is
told as having happened (asserted, reported) unless ``factuality`` asks for more."""
from __future__ import annotations

from fastapi import APIRouter, Depends, Query

from newsgraph.serve import dyads as D
from newsgraph.serve import queries as Q
from newsgraph.serve.params import choice, event_filters, text
from newsgraph.serve.service import Service, cache_key
from newsgraph.store.query import EventFilter

FACTUALITY_NOTE = f"Events counted: factuality {D.DEFAULT_FACTUALITY} unless the factuality filter says otherwise."


def sided_filters(flt: EventFilter = Depends(event_filters),
                  source: str | None = Query(None, max_length=200, description="The dyad's actor side only: a code or code prefix, a country's name or an actor's name, as for actor."),
                  target: str | None = Query(None, max_length=200, description="The dyad's recipient side only, read as source.")) -> D.SidedFilter:
    sided = D.SidedFilter(**vars(flt), source=text(source), target=text(target))
    return D.with_default_factuality(sided)


def dyads_router(svc: Service) -> APIRouter:
    router = APIRouter(tags=["aggregates"])

    @router.get("/api/aggregates/dyads", summary="The dyad matrix: events between actor-side and recipient-side countries "
                "or codes, with their count and Goldstein sum and mean. " + FACTUALITY_NOTE)
    def get_dyads(level: str = Query("country", description="country (ISO alpha-3 of each side) or code (CAMEO-style codes)"),
                  limit: int = Query(20, ge=1, le=100, description="Most active keys kept on each axis."),
                  flt: D.SidedFilter = Depends(sided_filters), conn=Depends(svc.connect)):
        level = choice("level", level, D.LEVELS) or "country"
        return svc.cache.get(conn, ("dyads", level, limit, cache_key(flt)), lambda: D.dyad_matrix(conn, flt, level, limit))

    @router.get("/api/series", summary="Per period (continuous, as /api/timeline): event counts by type or quad class and "
                "the Goldstein sum and mean, for an actor (actor), a dyad (source and target, or actor_country and "
                "recipient_country) or a country (involving). " + FACTUALITY_NOTE)
    def get_series(interval: str = Query("month", description="day, week, month or year; coarser when the range is too long"),
                   by: str = Query("quad_class", description="type or quad_class"),
                   flt: D.SidedFilter = Depends(sided_filters), conn=Depends(svc.connect)):
        interval = choice("interval", interval, Q.INTERVALS) or "month"
        by = choice("by", by, ("type", "quad_class")) or "quad_class"
        return svc.cache.get(conn, ("series", interval, by, cache_key(flt)), lambda: D.series(conn, flt, interval, by))

    return router
