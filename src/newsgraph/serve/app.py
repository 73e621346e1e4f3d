"""The REST API and the dashboard: ``create_app(config)`` returns the FastAPI application.

Read endpoints live under ``/api`` (articles, events, actors, claims, timeline,
aggregates); ``POST /api/ingest`` stores an article and needs the bearer token of the
``api_token`` setting (none configured: writes are off). The dashboard is the static
page in ``static/`` at ``/``. Bad parameters and bodies are answered 4xx with a JSON message
naming the parameter or field and what it accepts (``bodies.py`` has the ingest limits); every
response, errors included, carries the security headers.
"""
from __future__ import annotations

import hmac
import json
import logging
import re
import threading
from collections import OrderedDict
from contextlib import asynccontextmanager
from datetime import date
from functools import lru_cache
from pathlib import Path
from typing import Any

from fastapi import Depends, FastAPI, HTTPException, Path as PathParam, Query, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import FileResponse, JSONResponse, RedirectResponse
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer
from fastapi.staticfiles import StaticFiles
from pydantic import BaseModel
from starlette.concurrency import run_in_threadpool
from starlette.datastructures import MutableHeaders
from starlette.requests import ClientDisconnect

from newsgraph import __version__
from newsgraph.config import Config
from newsgraph.record import FACTUALITY, STANCES, Record
from newsgraph.serve import queries as Q
from newsgraph.serve.basemap import basemap
from newsgraph.serve.bodies import (MAX_INGEST_BYTES, MAX_JSON_DEPTH, MAX_TEXT_CHARS, ArticleIn, RecordIn, is_record,
                                    openapi_schemas, parse_json, validate)

LOGGER = logging.getLogger(__name__)

STATIC = Path(__file__).parent / "static"
MAX_LIMIT = 1000
MAX_OFFSET = 10_000_000  # far beyond any store; larger values are refused, not sent to the database
INGEST_TYPES = ("application/json", "text/plain", "")  # no Content-Type: JSON
BEARER = HTTPBearer(auto_error=False, description="The api_token setting (NEWSGRAPH_API_TOKEN).")

# Article text is untrusted: the page may only run its own scripts and talk to its own origin.
SECURITY_HEADERS = {
    "Content-Security-Policy": ("default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
                                "connect-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'; "
                                "form-action 'self'"),
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
}


@lru_cache(maxsize=1)
def vocabulary() -> dict[str, Any]:
    """Event types and quad classes as the dashboard labels and colours them (``data/vocabulary.json``)."""
    data = json.loads((Path(__file__).parent / "data" / "vocabulary.json").read_text(encoding="utf-8"))
    data.pop("_comment", None)
    return data


class ErrorMessage(BaseModel):
    """Every 4xx and 5xx answer: what was wrong, naming the parameter or field."""
    detail: str
    errors: list[dict[str, Any]] | None = None


def _error(description: str) -> dict[str, Any]:
    return {"model": ErrorMessage, "description": description}


READ_ERRORS = {400: _error("A parameter has a value it does not accept"),
               422: _error("A parameter is of the wrong type or out of range")}


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


class AggregateCache:
    """Whole-store aggregates (timelines, network, places) are costly on millions of events and change
    only when articles are stored: answers are kept per query until the store's version moves on."""

    def __init__(self, size: int = 256):
        self.size = size
        self.version: tuple | None = None
        self.items: OrderedDict[tuple, Any] = OrderedDict()
        self.lock = threading.Lock()

    def get(self, conn, key: tuple, compute):
        version = Q.store_version(conn)
        with self.lock:
            if version != self.version:
                self.items.clear()
                self.version = version
            if key in self.items:
                self.items.move_to_end(key)
                return self.items[key]
        value = compute()
        with self.lock:
            if version == self.version:
                self.items[key] = value
                while len(self.items) > self.size:
                    self.items.popitem(last=False)
        return value


class BadParameter(HTTPException):
    def __init__(self, name: str, message: str):
        super().__init__(status_code=400, detail=f"{name}: {message}")


# -- parameter checks (each gives a 400 naming the parameter) ------------------------------

_DAY = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_COUNTRY = re.compile(r"^[A-Za-z]{3}$")


def _day(name: str, value: str | None) -> str | None:
    if value in (None, ""):
        return None
    if not _DAY.match(value):
        raise BadParameter(name, f"expected a date YYYY-MM-DD, got {value!r}")
    try:
        date.fromisoformat(value)
    except ValueError:
        raise BadParameter(name, f"{value!r} is not a calendar date") from None
    return value


def _choice(name: str, value: str | None, allowed: tuple[str, ...] | list[str], upper: bool = False) -> str | None:
    if value in (None, ""):
        return None
    v = value.upper() if upper else value.lower()
    if v not in allowed:
        raise BadParameter(name, f"unknown value {value!r}; expected one of: {', '.join(allowed)}")
    return v


def _country(name: str, value: str | None) -> str | None:
    if value in (None, ""):
        return None
    if not _COUNTRY.match(value):
        raise BadParameter(name, f"expected an ISO 3166 alpha-3 code such as RUS (or IGO), got {value!r}")
    return value.upper()


def _text(value: str | None) -> str | None:
    value = (value or "").strip()
    return value or None


def event_filters(
    actor: str | None = Query(None, max_length=200, description="Actor or recipient: a CAMEO-style code (RUSGOV) or an exact canonical name."),
    country: str | None = Query(None, description="ISO alpha-3 country involved: the actor's, the recipient's or the event location's."),
    actor_country: str | None = Query(None, description="ISO alpha-3 country of the actor."),
    recipient_country: str | None = Query(None, description="ISO alpha-3 country of the recipient."),
    location_country: str | None = Query(None, description="ISO alpha-3 country where the event happened."),
    type: str | None = Query(None, description="PLOVER event type, e.g. CONSULT, ASSAULT."),
    quad_class: int | None = Query(None, ge=1, le=4, description="CAMEO quad class: 1 verbal cooperation, 2 material cooperation, 3 verbal conflict, 4 material conflict."),
    factuality: str | None = Query(None, description="asserted, reported, planned, hypothetical, negated or denied."),
    date_from: str | None = Query(None, description="First day (YYYY-MM-DD), inclusive; events are filed under their own date, else the publication date."),
    date_to: str | None = Query(None, description="Last day (YYYY-MM-DD), inclusive."),
    q: str | None = Query(None, max_length=500, description="Words that must all occur in the article's title or text."),
    article: str | None = Query(None, max_length=200, description="Only this article's events (article id)."),
) -> Q.Filters:
    flt = Q.Filters(
        actor=_text(actor), country=_country("country", country), actor_country=_country("actor_country", actor_country),
        recipient_country=_country("recipient_country", recipient_country),
        location_country=_country("location_country", location_country),
        type=_choice("type", type, vocabulary()["event_types"], upper=True), quad_class=quad_class,
        factuality=_choice("factuality", factuality, FACTUALITY),
        date_from=_day("date_from", date_from), date_to=_day("date_to", date_to), q=_text(q), article=_text(article))
    if flt.date_from and flt.date_to and flt.date_from > flt.date_to:
        raise BadParameter("date_from", f"{flt.date_from} is after date_to {flt.date_to}")
    return flt


def page(
    limit: int = Query(50, ge=1, le=MAX_LIMIT, description=f"Items per page (1-{MAX_LIMIT})."),
    offset: int = Query(0, ge=0, le=MAX_OFFSET, description="Items to skip."),
) -> tuple[int, int]:
    return limit, offset


# -- the application ---------------------------------------------------------------------

def create_app(config: Config | None = None, store=None) -> FastAPI:
    """The API and dashboard over the store named by ``config.db`` (or an already open ``store``)."""
    from newsgraph.store import open_store

    config = config or Config()
    owned = store is None
    state: dict[str, Any] = {"store": store, "nlp": None}
    nlp_lock = threading.Lock()
    cache = AggregateCache()

    def get_store():
        if state["store"] is None:
            state["store"] = open_store(config.db)
        return state["store"]

    @asynccontextmanager
    async def lifespan(_app: FastAPI):
        get_store()
        yield
        if owned and state["store"] is not None:
            state["store"].close()
            state["store"] = None

    app = _FastAPI(
        title="newsgraph",
        version=__version__,
        description=("Political event data from news: events (PLOVER/CAMEO), actors, claims and their sources. "
                     "Read endpoints are open; POST /api/ingest needs the bearer token set by NEWSGRAPH_API_TOKEN."),
        docs_url=None, redoc_url=None, lifespan=lifespan, responses=READ_ERRORS,
    )
    app.state.config = config
    _document_ingest_bodies(app)

    @app.exception_handler(Exception)
    async def internal_error(request: Request, exc: Exception):
        # A bug, not the client's doing: logged with its traceback, answered in JSON like every error.
        LOGGER.error("unhandled error for %s %s", request.method, request.url.path, exc_info=exc)
        return JSONResponse(status_code=500, content={"detail": f"internal error ({type(exc).__name__})"})

    @app.exception_handler(RequestValidationError)
    async def validation_error(_request: Request, exc: RequestValidationError):
        messages = []
        for err in exc.errors():
            where = ".".join(str(x) for x in err.get("loc", ()) if x not in ("query", "path", "body"))
            messages.append(f"{where or 'request'}: {err.get('msg')}")
        return JSONResponse(status_code=422, content={"detail": "; ".join(messages), "errors": json.loads(json.dumps(exc.errors(), default=str))})

    def connect():
        with get_store().connect() as conn:
            yield conn

    # -- metadata ------------------------------------------------------------------------
    @app.get("/api/meta", tags=["meta"], summary="Vocabularies, store counts and whether writes are on")
    def meta(conn=Depends(connect)):
        stats = cache.get(conn, ("stats",), get_store().stats)
        v = vocabulary()
        return {
            "version": __version__, "event_types": v["event_types"], "quad_classes": v["quad_classes"],
            "factuality": list(FACTUALITY), "stances": list(STANCES),
            "stats": {k: stats[k] for k in ("articles", "events", "actors", "claims", "timexes", "places")},
            "date_range": {"first": stats.get("first_day"), "last": stats.get("last_day")},
            "backend": stats.get("backend"), "writes_enabled": bool(config.api_token),
        }

    @app.get("/api/stats", tags=["meta"], summary="Counts of what is stored, by type, factuality and quad class")
    def stats():
        return get_store().stats()

    # -- articles ------------------------------------------------------------------------
    @app.get("/api/articles", tags=["articles"], summary="Articles, newest first; q searches titles and text")
    def list_articles(q: str | None = Query(None, max_length=500), date_from: str | None = None, date_to: str | None = None,
                      outlet: str | None = Query(None, max_length=200), paging=Depends(page), conn=Depends(connect)):
        start, end = _day("date_from", date_from), _day("date_to", date_to)
        return Q.articles_page(conn, _text(q), start, end, _text(outlet), *paging)

    @app.get("/api/articles/{article_id:path}", tags=["articles"], summary="One article's full record (the contract shape)",
             responses={404: _error("No article has this id")})
    def get_article(article_id: str = PathParam(..., max_length=200)):
        record = get_store().record(article_id)
        if record is None:
            raise HTTPException(404, f"no article with id {article_id!r}")
        return record.to_dict()

    # -- events --------------------------------------------------------------------------
    @app.get("/api/events", tags=["events"], summary="Events matching the filters, newest first")
    def list_events(flt: Q.Filters = Depends(event_filters), paging=Depends(page), conn=Depends(connect)):
        return Q.events_page(conn, flt, *paging)

    @app.get("/api/clusters", tags=["events"],
             summary="Event clusters: one real-world event told by many articles, with mention, article and source counts")
    def list_clusters(flt: Q.Filters = Depends(event_filters), paging=Depends(page), conn=Depends(connect)):
        return Q.clusters_page(conn, flt, *paging)

    @app.get("/api/timeline", tags=["events"], summary="Event counts per day, week or month, by type, quad class or factuality")
    def get_timeline(interval: str = Query("month", description="day, week (ISO) or month"),
                     by: str = Query("type", description="type, quad_class or factuality"),
                     flt: Q.Filters = Depends(event_filters), conn=Depends(connect)):
        interval = _choice("interval", interval, ("day", "week", "month")) or "month"  # empty: the default
        by = _choice("by", by, ("type", "quad_class", "factuality")) or "type"
        return cache.get(conn, ("timeline", interval, by, _key(flt)), lambda: Q.timeline(conn, flt, interval, by))

    # -- actors --------------------------------------------------------------------------
    @app.get("/api/actors", tags=["actors"], summary="Actors by canonical name and code, most widely reported first")
    def list_actors(q: str | None = Query(None, max_length=200, description="Part of the actor's name."),
                    country: str | None = None, type: str | None = Query(None, description="person, organization, country, metonym or group"),
                    sector: str | None = Query(None, max_length=16), paging=Depends(page), conn=Depends(connect)):
        kind = _choice("type", type, ("person", "organization", "country", "metonym", "group"))
        return Q.actors_page(conn, _text(q), _country("country", country), kind, _text(sector) and sector.upper(), *paging)

    # -- claims --------------------------------------------------------------------------
    @app.get("/api/claims", tags=["claims"], summary="The claims ledger: sources, cues, chains, events resting on claims, denials")
    def list_claims(stance: str | None = Query(None, description="assert, deny, warn, demand, promise or question"),
                    anonymous: bool | None = Query(None, description="Only anonymous (true) or named (false) sources."),
                    direct: bool | None = Query(None, description="Only direct quotes (true) or reported speech (false)."),
                    flt: Q.Filters = Depends(event_filters), paging=Depends(page), conn=Depends(connect)):
        return Q.claims_page(conn, flt, *paging, stance=_choice("stance", stance, STANCES), anonymous=anonymous, direct=direct)

    # -- aggregates ----------------------------------------------------------------------
    @app.get("/api/aggregates/top-actors", tags=["aggregates"], summary="Actors in the most matching events")
    def get_top_actors(limit: int = Query(20, ge=1, le=MAX_LIMIT), flt: Q.Filters = Depends(event_filters), conn=Depends(connect)):
        return cache.get(conn, ("top", limit, _key(flt)), lambda: Q.top_actors(conn, flt, limit))

    @app.get("/api/aggregates/network", tags=["aggregates"], summary="Who acts on whom: edges with cooperation/conflict counts")
    def get_network(limit: int = Query(60, ge=1, le=MAX_LIMIT, description="Strongest edges kept."),
                    level: str = Query("name", description="name (canonical actor names) or code (CAMEO-style codes)"),
                    flt: Q.Filters = Depends(event_filters), conn=Depends(connect)):
        level = _choice("level", level, ("name", "code")) or "name"
        return cache.get(conn, ("network", limit, level, _key(flt)), lambda: Q.network(conn, flt, limit, level))

    @app.get("/api/aggregates/locations", tags=["aggregates"], summary="Where matching events happened, with counts")
    def get_locations(limit: int = Query(500, ge=1, le=5000), flt: Q.Filters = Depends(event_filters), conn=Depends(connect)):
        return cache.get(conn, ("locations", limit, _key(flt)), lambda: Q.locations(conn, flt, limit))

    @app.get("/api/aggregates/places", tags=["aggregates"], summary="Places the articles name (geocoded mentions)")
    def get_places(limit: int = Query(500, ge=1, le=5000), flt: Q.Filters = Depends(event_filters), conn=Depends(connect)):
        return cache.get(conn, ("places", limit, _key(flt)), lambda: Q.mentioned_places(conn, flt, limit))

    @app.get("/api/basemap", tags=["meta"], summary="The dashboard's offline base map (populated one-degree cells)")
    def get_basemap():
        return basemap()

    # -- writes --------------------------------------------------------------------------
    @app.post("/api/ingest", tags=["ingest"], status_code=201,
              summary="Extract and store one article (needs the API token)",
              description=(f"The body is at most {MAX_INGEST_BYTES} bytes, JSON nests at most {MAX_JSON_DEPTH} levels, "
                           f"and an article's text has at most {MAX_TEXT_CHARS} characters. 201: stored; 200: already stored."),
              responses={200: {"description": "Already stored (a duplicate)"},
                         400: _error("The body is not UTF-8 text or not JSON"),
                         401: _error("Missing or wrong bearer token"), 403: _error("Writes are off (no API token configured)"),
                         413: _error(f"The body is larger than {MAX_INGEST_BYTES} bytes"),
                         415: _error("Neither application/json nor text/plain"),
                         422: _error("Not a valid article or record (the message names the field), over a limit, "
                                     "not English, or the article could not be extracted"),
                         503: _error("The spaCy model is not installed")},
              openapi_extra={"requestBody": {"required": True, "content": {
                  "application/json": {"schema": {"$ref": "#/components/schemas/IngestBody"}},
                  "text/plain": {"schema": {"type": "string", "description": "Plain text: the first non-empty line is the headline."}}}}})
    async def ingest(request: Request, credentials: HTTPAuthorizationCredentials | None = Depends(BEARER)):
        check_token(credentials, config.api_token)
        ctype = request.headers.get("content-type", "").split(";")[0].strip().lower()
        if ctype not in INGEST_TYPES:  # refused before a byte of the body is read
            raise HTTPException(415, f"send application/json or text/plain, not {ctype!r}")
        body = await read_capped(request, MAX_INGEST_BYTES)
        record = await _record_from_request(ctype, body, config, state, nlp_lock)
        outcome = get_store().add(record)
        r = record
        content = {"status": outcome, "id": r.article.id, "title": r.article.title,
                   "events": len(r.events), "actors": len(r.actors), "claims": len(r.claims)}
        return JSONResponse(status_code=201 if outcome == "ingested" else 200, content=content)

    # -- dashboard and docs --------------------------------------------------------------
    app.mount("/static", StaticFiles(directory=STATIC), name="static")

    @app.get("/", include_in_schema=False)
    def index():
        return FileResponse(STATIC / "index.html", headers={"Cache-Control": "no-cache"})

    @app.get("/docs", include_in_schema=False)
    def docs():
        return FileResponse(STATIC / "docs.html")

    @app.get("/dashboard", include_in_schema=False)
    def dashboard():
        return RedirectResponse("/")

    return app


def _document_ingest_bodies(app: FastAPI) -> None:
    """The OpenAPI document gets the ingest body's schemas (bodies.py): the endpoint reads its body
    itself, in a stream, so FastAPI does not know them."""
    generate = app.openapi

    def openapi() -> dict[str, Any]:
        if app.openapi_schema is None:
            schema = generate()
            body, models = openapi_schemas()
            schema.setdefault("components", {}).setdefault("schemas", {}).update(models, IngestBody=body)
        return app.openapi_schema

    app.openapi = openapi


async def read_capped(request: Request, cap: int) -> bytes:
    """The request body, read as it streams in; a 413 as soon as it passes ``cap`` bytes, so that a
    huge body is neither read whole nor held in memory."""
    too_large = HTTPException(413, f"the body is larger than {cap} bytes ({cap / 2**20:g} MB), the most one article may have",
                              headers={"Connection": "close"})  # the rest of the body is left unread
    declared = request.headers.get("content-length", "")
    if declared.isdigit() and int(declared) > cap:
        raise too_large
    chunks, size = [], 0
    try:
        async for chunk in request.stream():
            size += len(chunk)
            if size > cap:
                raise too_large
            chunks.append(chunk)
    except ClientDisconnect:
        raise HTTPException(400, "the body ended early: the client disconnected") from None
    return b"".join(chunks)


def _key(flt: Q.Filters) -> tuple:
    return tuple(sorted((k, v) for k, v in vars(flt).items() if v is not None))


def check_token(credentials: HTTPAuthorizationCredentials | None, token: str | None) -> None:
    """403 when no token is configured (writes are off), 401 when the request's bearer token is wrong."""
    if not token:
        raise HTTPException(403, "writes are off: this server has no API token. Set NEWSGRAPH_API_TOKEN "
                                 "(setting api_token) and restart to enable POST /api/ingest.")
    given = credentials.credentials.strip() if credentials else ""
    if not given or not hmac.compare_digest(given.encode(), token.encode()):
        raise HTTPException(401, "missing or wrong token: send the header 'Authorization: Bearer <api_token>'",
                            headers={"WWW-Authenticate": "Bearer"})


async def _record_from_request(ctype: str, body: bytes, config: Config, state: dict, lock: threading.Lock) -> Record:
    """The record to store: a posted record as it is, or the pipeline's record of a posted article."""
    item = await run_in_threadpool(_read_body, ctype, body, config)  # up to 5 MB to scan and validate
    if isinstance(item, Record):
        return item
    return await run_in_threadpool(_extract, item, config, state, lock)


def _read_body(ctype: str, body: bytes, config: Config):
    """A posted body as a Record (a whole record) or an Article (to extract), or a 4xx naming what is wrong."""
    from newsgraph.read import check_language
    from newsgraph.read.base import ReadOptions, ReadProblem
    from newsgraph.read.jsonl import article_from_object
    from newsgraph.read.txt import article_from_text

    try:
        raw = body.decode("utf-8")
    except UnicodeDecodeError:
        raise HTTPException(400, "the body is not UTF-8 text") from None
    options = ReadOptions(max_bytes=config.max_bytes)
    if ctype == "text/plain":
        if "\x00" in raw:
            raise HTTPException(400, "the body is binary data (NUL bytes), not text")
        if len(raw) > MAX_TEXT_CHARS:
            raise HTTPException(422, f"the text has {len(raw)} characters; an article may have at most {MAX_TEXT_CHARS}")
        item = article_from_text(raw, "api", options)
    else:
        obj = parse_json(raw)
        if is_record(obj):
            valid = validate(RecordIn, obj, "article record")
            return Record.from_dict(valid.model_dump(exclude_unset=True))
        validate(ArticleIn, obj, "article")
        item = article_from_object(obj, "api", options)
    if isinstance(item, ReadProblem):
        raise HTTPException(422, item.message)
    if len(item.id) > 200:  # a front-matter id; the store keeps 200 characters
        raise HTTPException(422, f"id: at most 200 characters, got {len(item.id)}")
    item = check_language(item)  # as the readers do: non-English text is refused with the reason
    if item.skipped:
        raise HTTPException(422, f"not ingested: {item.skipped}")
    return item


def _extract(article, config: Config, state: dict, lock: threading.Lock) -> Record:
    from newsgraph.nlp import ModelNotInstalled, load_nlp
    from newsgraph.pipeline import extract_article

    with lock:
        if state["nlp"] is None:
            try:
                state["nlp"] = load_nlp(config.model, config.fast_parse)
            except ModelNotInstalled as exc:
                raise HTTPException(503, str(exc)) from None
        try:
            return extract_article(article, state["nlp"], seconds=config.article_seconds or None)
        except Exception as exc:  # the article could not be extracted (over its time budget, a pipeline bug): say so, keep serving
            LOGGER.warning("extraction failed for %s", article.id, exc_info=True)
            raise HTTPException(422, f"the article could not be extracted: {type(exc).__name__}: {exc}") from None
