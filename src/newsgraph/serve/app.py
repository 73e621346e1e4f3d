"""The REST API and the dashboard: ``create_app(config)`` returns the FastAPI application.

Read endpoints live under ``/api`` (articles, events, actors, claims, timeline, aggregates;
``routes.py``, one router per area); ``POST /api/ingest`` (``writes.py``) stores an article and
needs the bearer token of the ``api_token`` setting (none configured: writes are off). The
dashboard is the static page in ``static/`` at ``/``. Bad parameters and bodies are answered 4xx
with a JSON message naming the parameter or field and what it accepts (``params.py`` for
parameters, ``bodies.py`` for the ingest limits); every response, errors included, carries the
security headers.
"""
from __future__ import annotations

import json
import logging
from contextlib import asynccontextmanager
from pathlib import Path

from fastapi import APIRouter, FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import FileResponse, JSONResponse, RedirectResponse
from fastapi.staticfiles import StaticFiles
from starlette.datastructures import MutableHeaders

from newsgraph import __version__
from newsgraph.config import Config
from newsgraph.serve.page_routes import pages_router
from newsgraph.report.html import style_source  # the situation report's inline style
from newsgraph.serve.report_routes import report_router
from newsgraph.serve.routes import READ_ERRORS, read_routers
from newsgraph.serve.service import Service
from newsgraph.serve.writes import document_ingest_bodies, ingest_router

LOGGER = logging.getLogger(__name__)

STATIC = Path(__file__).parent / "static"

# Article text is untrusted: the page may only run its own scripts and talk to its own origin.
SECURITY_HEADERS = {
    "Content-Security-Policy": (f"default-src 'self'; script-src 'self'; style-src 'self' {style_source()}; img-src 'self' data:; "
                                "connect-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'; "
                                "form-action 'self'"),
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
}


class SecurityHeaders:
    """The outermost layer (pure ASGI): the security headers go on every response, Starlette's own
    404, 405 and 500 answers included, and no exception reaches the server, which would drop the
    connection after the error response was sent."""

    def __init__(self, app):
        self.app = app

    async def __call__(self, scope, receive, send):
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        started = finished = False

        async def send_with_headers(message):
            nonlocal started, finished
            if message["type"] == "http.response.start":
                started = True
                headers = MutableHeaders(scope=message)
                for k, v in SECURITY_HEADERS.items():
                    headers.setdefault(k, v)
            elif message["type"] == "http.response.body" and not message.get("more_body", False):
                finished = True
            await send(message)

        try:
            await self.app(scope, receive, send_with_headers)
        except Exception:
            if finished:  # answered (and logged) by the catch-all handler; Starlette re-raises for servers
                return
            if started:  # half a response is out: nothing better to do than let the server close it
                raise
            LOGGER.exception("unhandled error for %s %s", scope.get("method"), scope.get("path"))
            await JSONResponse(status_code=500, content={"detail": "internal error"})(scope, receive, send_with_headers)


class _FastAPI(FastAPI):
    def build_middleware_stack(self):
        return SecurityHeaders(super().build_middleware_stack())


def create_app(config: Config | None = None, store=None) -> FastAPI:
    """The API and dashboard over the store named by ``config.db`` (or an already open ``store``)."""
    config = config or Config()
    svc = Service(config, store)

    @asynccontextmanager
    async def lifespan(_app: FastAPI):
        svc.store()
        yield
        svc.close()

    app = _FastAPI(
        title="newsgraph",
        version=__version__,
        description=("Political event data from news: events (PLOVER/CAMEO), actors, claims and their sources. "
                     "Read endpoints are open; POST /api/ingest needs the bearer token set by NEWSGRAPH_API_TOKEN."),
        docs_url=None, redoc_url=None, lifespan=lifespan, responses=READ_ERRORS,
    )
    app.state.config = config
    document_ingest_bodies(app)
    app.add_exception_handler(Exception, internal_error)
    app.add_exception_handler(RequestValidationError, validation_error)
    for router in (*read_routers(svc), pages_router(svc), report_router(svc), ingest_router(svc)):
        app.include_router(router)
    app.mount("/static", StaticFiles(directory=STATIC), name="static")
    app.include_router(dashboard_router())
    return app


async def internal_error(request: Request, exc: Exception):
    # A bug, not the client's doing: logged with its traceback, answered in JSON like every error.
    LOGGER.error("unhandled error for %s %s", request.method, request.url.path, exc_info=exc)
    return JSONResponse(status_code=500, content={"detail": f"internal error ({type(exc).__name__})"})


async def validation_error(_request: Request, exc: RequestValidationError):
    messages = []
    for err in exc.errors():
        where = ".".join(str(x) for x in err.get("loc", ()) if x not in ("query", "path", "body"))
        messages.append(f"{where or 'request'}: {err.get('msg')}")
    return JSONResponse(status_code=422, content={"detail": "; ".join(messages), "errors": json.loads(json.dumps(exc.errors(), default=str))})


def dashboard_router() -> APIRouter:
    """The dashboard's page and the API's documentation page (not in the OpenAPI document)."""
    router = APIRouter(include_in_schema=False)

    @router.get("/")
    def index():
        return FileResponse(STATIC / "index.html", headers={"Cache-Control": "no-cache"})

    @router.get("/docs")
    def docs():
        return FileResponse(STATIC / "docs.html")

    @router.get("/dashboard")
    def dashboard():
        return RedirectResponse("/")

    return router
