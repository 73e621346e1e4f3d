"""``GET /api/report``: the situation report of ``newsgraph report`` for the events filters, as a
self-contained HTML page (the default) or as JSON (``format=json``, what the dashboard's Report view draws)."""
from __future__ import annotations

from fastapi import APIRouter, Depends, Query, Request
from fastapi.responses import HTMLResponse

from newsgraph.report import build_report, render_html
from newsgraph.report.build import DEFAULT_EVENTS, MAX_EVENTS
from newsgraph.serve.params import choice, event_filters
from newsgraph.serve.service import Service
from newsgraph.store.query import EventFilter


def report_router(svc: Service) -> APIRouter:
    router = APIRouter(tags=["reports"])

    @router.get("/api/report", summary="A situation report: the matching events day by day with their evidence, and each "
                "contested event's tellings side by side (who asserts, who denies, through which sources)",
                responses={200: {"content": {"text/html": {}, "application/json": {}}}})
    def get_report(request: Request,
                   format: str = Query("html", description="html (a printable page, no script) or json"),
                   limit: int = Query(DEFAULT_EVENTS, ge=1, le=MAX_EVENTS, description="Events in the timeline (the newest)."),
                   flt: EventFilter = Depends(event_filters)):
        fmt = choice("format", format, ("html", "json")) or "html"
        report = build_report(svc.store(), flt, limit=limit)
        if fmt == "json":
            return report.to_dict()
        # Absolute links to the dashboard, so that a saved or printed page still says where each article is.
        page = render_html(report, dashboard=str(request.base_url))
        return HTMLResponse(page)  # the app's CSP allows its inline style by hash, and no script

    return router
