"""The API's pages of one thing: ``GET /api/actors/page`` (an actor) and ``GET /api/clusters/{id}``
(every report of one real-world event); the queries are in :mod:`newsgraph.serve.pages`."""
from __future__ import annotations

from fastapi import APIRouter, Depends, HTTPException, Path as PathParam, Query

from newsgraph.serve import pages
from newsgraph.serve import params as P
from newsgraph.serve.params import choice, event_filters, text
from newsgraph.serve.queries import INTERVALS
from newsgraph.serve.routes import error
from newsgraph.serve.service import Service
from newsgraph.store.query import EventFilter

INTERVAL_HELP = "The activity timeline's interval: day, week, month or year."
MAX_CLUSTER_ID = 2**62  # beyond what the database's integers hold: answered 422, not sent to it


def pages_router(svc: Service) -> APIRouter:
    router = APIRouter()

    def answer(conn, flt: EventFilter, interval: str, name: str | None, country: str | None, code: str | None):
        interval = choice("interval", interval, INTERVALS) or "month"
        identity = pages.find_actor(conn, name, country, code)
        if identity is None and name and not country and not code:  # the actor box's value may be a code
            identity = pages.find_actor(conn, None, None, name)
        if identity is None:
            asked = f"name {name!r}" + (f" in {country}" if country else "") if name else f"code {code!r}"
            raise HTTPException(404, f"no actor with {asked}")
        return pages.actor_page(conn, identity, flt, interval)

    @router.get("/api/actors/page", tags=["actors"], responses={404: error("No actor has this name or code")},
                summary="One actor, by name or code (the name and country most articles give it): aliases, codes over "
                        "time, activity, main partners, claims it made and claims about it")
    def actor_page(name: str | None = Query(None, max_length=200, description="Canonical name, any case: Sergei Lavrov; else a code."),
                   code: str | None = Query(None, max_length=32, description="A CAMEO-style code (RUSGOV), when no name is given."),
                   interval: str = Query("month", description=INTERVAL_HELP),
                   flt: EventFilter = Depends(event_filters), conn=Depends(svc.connect)):
        name, code = text(name), text(code)
        if not name and not code:
            raise P.BadParameter("name", "give an actor's name or its code")
        return answer(conn, flt, interval, name, None, code)

    # (the country is in the path, as "home": "country" is the event filter that is refused)
    @router.get("/api/actors/page/{home}/{name}", tags=["actors"],
                responses={404: error("No actor has this name in this country")},
                summary="One actor as an identity, canonical name + country (\"-\" for none): the same page")
    def actor_page_of(home: str = PathParam(..., max_length=60, description="The actor's country: a name or alpha-3 code, or - for none."),
                      name: str = PathParam(..., max_length=200), interval: str = Query("month", description=INTERVAL_HELP),
                      flt: EventFilter = Depends(event_filters), conn=Depends(svc.connect)):
        return answer(conn, flt, interval, name, None if home == "-" else P.country("home", home), None)

    @router.get("/api/clusters/{cluster_id}", tags=["events"], responses={404: error("No cluster has this id")},
                summary="One real-world event: every report of it (outlet, date, headline, factuality as each told it) "
                        "and whether the tellings disagree")
    def cluster_page(cluster_id: int = PathParam(..., ge=1, le=MAX_CLUSTER_ID), conn=Depends(svc.connect)):
        found = pages.cluster_page(conn, cluster_id)
        if found is None:
            raise HTTPException(404, f"no event cluster with id {cluster_id}")
        return found

    return router
