"""The API's read endpoints, one router per area (meta, articles, events, actors and claims,
aggregates) over a :class:`~newsgraph.serve.service.Service`."""
from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Depends, HTTPException, Path as PathParam, Query
from fastapi.responses import StreamingResponse
from pydantic import BaseModel

from newsgraph import __version__
from newsgraph.record import FACTUALITY, STANCES
from newsgraph.serve import downloads
from newsgraph.serve import queries as Q
from newsgraph.serve import params as P
from newsgraph.serve.basemap import basemap
from newsgraph.serve.dyad_routes import dyads_router
from newsgraph.serve.params import MAX_LIMIT, choice, event_filters, page, text, vocabulary
from newsgraph.serve.service import Service, cache_key
from newsgraph.store.query import EventFilter, suggest_actors


class ErrorMessage(BaseModel):
    """Every 4xx and 5xx answer: what was wrong, naming the parameter or field."""
    detail: str
    errors: list[dict[str, Any]] | None = None


def error(description: str) -> dict[str, Any]:
    return {"model": ErrorMessage, "description": description}


READ_ERRORS = {400: error("A parameter has a value it does not accept"),
               422: error("A parameter is of the wrong type or out of range")}


def meta_router(svc: Service) -> APIRouter:
    router = APIRouter(tags=["meta"])

    @router.get("/api/meta", summary="Vocabularies, store counts and whether writes are on")
    def meta(conn=Depends(svc.connect)):
        stats = svc.cache.get(conn, ("stats",), svc.store().stats)
        v = vocabulary()
        return {
            "version": __version__, "event_types": v["event_types"], "quad_classes": v["quad_classes"],
            "factuality": list(FACTUALITY), "stances": list(STANCES),
            "stats": {k: stats[k] for k in ("articles", "events", "actors", "claims", "timexes", "places")},
            "date_range": {"first": stats.get("first_day"), "last": stats.get("last_day")},
            "backend": stats.get("backend"), "writes_enabled": bool(svc.config.api_token),
        }

    @router.get("/api/stats", summary="Counts of what is stored, by type, factuality and quad class")
    def stats():
        return svc.store().stats()

    return router


def articles_router(svc: Service) -> APIRouter:
    router = APIRouter(tags=["articles"])

    @router.get("/api/articles", summary="Articles, newest first; q searches titles and text")
    def list_articles(q: str | None = Query(None, max_length=500), date_from: str | None = None, date_to: str | None = None,
                      outlet: str | None = Query(None, max_length=200), paging=Depends(page), conn=Depends(svc.connect)):
        start, end = P.day("date_from", date_from), P.day("date_to", date_to)
        return Q.articles_page(conn, text(q), start, end, text(outlet), *paging)

    @router.get("/api/articles/{article_id:path}", summary="One article's full record (the contract shape)",
                responses={404: error("No article has this id")})
    def get_article(article_id: str = PathParam(..., max_length=200)):
        record = svc.store().record(article_id)
        if record is None:
            raise HTTPException(404, f"no article with id {article_id!r}")
        return record.to_dict()

    return router


def events_router(svc: Service) -> APIRouter:
    router = APIRouter(tags=["events"])

    @router.get("/api/events", summary="Events matching the filters, newest first")
    def list_events(flt: EventFilter = Depends(event_filters), paging=Depends(page), conn=Depends(svc.connect)):
        return Q.events_page(conn, flt, *paging)

    @router.get("/api/events.csv", summary="Every event matching the filters of /api/events, as CSV (streamed)",
                response_class=StreamingResponse, responses={200: {"content": {"text/csv": {}}}})
    def download_csv(flt: EventFilter = Depends(event_filters)):
        return StreamingResponse(downloads.csv_pieces(svc.store(), flt), media_type="text/csv; charset=utf-8",
                                 headers=downloads.attachment(flt, "csv"))

    @router.get("/api/events.parquet", summary="Every event matching the filters of /api/events, as Parquet",
                response_class=StreamingResponse, responses={200: {"content": {"application/vnd.apache.parquet": {}}}})
    def download_parquet(flt: EventFilter = Depends(event_filters)):
        return StreamingResponse(downloads.parquet_pieces(svc.store(), flt), media_type="application/vnd.apache.parquet",
                                 headers=downloads.attachment(flt, "parquet"))

    @router.get("/api/clusters",
                summary="Event clusters: one real-world event told by many articles, with mention, article and source counts")
    def list_clusters(flt: EventFilter = Depends(event_filters), paging=Depends(page), conn=Depends(svc.connect)):
        return Q.clusters_page(conn, flt, *paging)

    @router.get("/api/timeline", summary="Event counts per day, week, month or year, by type, quad class or factuality; "
                "every period of the range, empty ones as zero")
    def get_timeline(interval: str = Query("month", description=f"day, week (ISO), month or year; a range of more than "
                                           f"{Q.MAX_PERIODS} periods is counted at the first coarser interval that fits, "
                                           "and the answer says so (requested_interval, note)"),
                     by: str = Query("type", description="type, quad_class or factuality"),
                     flt: EventFilter = Depends(event_filters), conn=Depends(svc.connect)):
        interval = choice("interval", interval, Q.INTERVALS) or "month"  # empty: the default
        by = choice("by", by, ("type", "quad_class", "factuality")) or "type"
        return svc.cache.get(conn, ("timeline", interval, by, cache_key(flt)), lambda: Q.timeline(conn, flt, interval, by))

    return router


def actors_claims_router(svc: Service) -> APIRouter:
    router = APIRouter()

    @router.get("/api/actors", tags=["actors"], summary="Actors by canonical name and code, most widely reported first")
    def list_actors(q: str | None = Query(None, max_length=200, description="Part of the actor's name."),
                    country: str | None = None, type: str | None = Query(None, description="person, organization, country, metonym or group"),
                    sector: str | None = Query(None, max_length=16), paging=Depends(page), conn=Depends(svc.connect)):
        kind = choice("type", type, ("person", "organization", "country", "metonym", "group"))
        return Q.actors_page(conn, text(q), P.country("country", country), kind, text(sector) and sector.upper(), *paging)

    @router.get("/api/actors/suggest", tags=["actors"],
                summary="Actors for an autocomplete box: by code, country, name (any case, no accents needed), prefix or a near spelling")
    def suggest(q: str = Query("", max_length=200, description="What was typed so far: \"nig\", \"nergov\", \"Zelenskiy\"."),
                limit: int = Query(10, ge=1, le=50), conn=Depends(svc.connect)):
        return {"q": q, "items": suggest_actors(conn, q, limit)}

    @router.get("/api/claims", tags=["claims"], summary="The claims ledger: sources, cues, chains, events resting on claims, denials")
    def list_claims(stance: str | None = Query(None, description="assert, deny, warn, demand, promise or question"),
                    anonymous: bool | None = Query(None, description="Only anonymous (true) or named (false) sources."),
                    direct: bool | None = Query(None, description="Only direct quotes (true) or reported speech (false)."),
                    flt: EventFilter = Depends(event_filters), paging=Depends(page), conn=Depends(svc.connect)):
        return Q.claims_page(conn, flt, *paging, stance=choice("stance", stance, STANCES), anonymous=anonymous, direct=direct)

    return router


def aggregates_router(svc: Service) -> APIRouter:
    router = APIRouter(tags=["aggregates"])

    def cached(conn, name: str, flt: EventFilter, *args, compute):
        return svc.cache.get(conn, (name, *args, cache_key(flt)), compute)

    @router.get("/api/aggregates/top-actors", summary="Actors in the most matching events")
    def get_top_actors(limit: int = Query(20, ge=1, le=MAX_LIMIT), flt: EventFilter = Depends(event_filters),
                       conn=Depends(svc.connect)):
        return cached(conn, "top", flt, limit, compute=lambda: Q.top_actors(conn, flt, limit))

    @router.get("/api/aggregates/network", summary="Who acts on whom: edges with cooperation/conflict counts")
    def get_network(limit: int = Query(60, ge=1, le=MAX_LIMIT, description="Strongest edges kept."),
                    level: str = Query("identity", description="identity (canonical actor names; name is the same), code "
                                       "(CAMEO-style codes) or country (ISO alpha-3 of each side)"),
                    flt: EventFilter = Depends(event_filters), conn=Depends(svc.connect)):
        level = choice("level", level, ("identity", "name", "code", "country")) or "identity"
        return cached(conn, "network", flt, limit, level, compute=lambda: Q.network(conn, flt, limit, level))

    @router.get("/api/aggregates/locations", summary="Where matching events happened, with counts")
    def get_locations(limit: int = Query(500, ge=1, le=5000), flt: EventFilter = Depends(event_filters),
                      conn=Depends(svc.connect)):
        return cached(conn, "locations", flt, limit, compute=lambda: Q.locations(conn, flt, limit))

    @router.get("/api/aggregates/places", summary="Places the articles name (geocoded mentions)")
    def get_places(limit: int = Query(500, ge=1, le=5000), flt: EventFilter = Depends(event_filters),
                   conn=Depends(svc.connect)):
        return cached(conn, "places", flt, limit, compute=lambda: Q.mentioned_places(conn, flt, limit))

    @router.get("/api/basemap", tags=["meta"], summary="The dashboard's offline base map (populated one-degree cells)")
    def get_basemap():
        return basemap()

    return router


def read_routers(svc: Service) -> list[APIRouter]:
    """Every read router, in the order the OpenAPI document lists them."""
    return [make(svc) for make in (meta_router, articles_router, events_router, actors_claims_router, aggregates_router,
                                   dyads_router)]
