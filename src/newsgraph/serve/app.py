"""The REST API and the dashboard: ``create_app(config)`` returns the FastAPI application.

Read endpoints live under ``/api`` (articles, events, actors, claims, timeline,
aggregates); ``POST /api/ingest`` stores an article and needs the bearer token of the
``api_token`` setting (none configured: writes are off). The dashboard is the static
page in ``static/`` at ``/``. Bad parameters are answered 4xx with a message naming the
parameter and what it accepts.
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

from newsgraph import __version__
from newsgraph.config import Config
from newsgraph.record import FACTUALITY, STANCES, Record
from newsgraph.serve import queries as Q
from newsgraph.serve.basemap import basemap

LOGGER = logging.getLogger(__name__)

STATIC = Path(__file__).parent / "static"
MAX_LIMIT = 1000
MAX_OFFSET = 10_000_000  # far beyond any store; larger values are refused, not sent to the database
MAX_INGEST_BYTES = 5 * 1024 * 1024
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

    app = FastAPI(
        title="newsgraph",
        version=__version__,
        description=("Political event data from news: events (PLOVER/CAMEO), actors, claims and their sources. "
                     "Read endpoints are open; POST /api/ingest needs the bearer token set by NEWSGRAPH_API_TOKEN."),
        docs_url=None, redoc_url=None, lifespan=lifespan,
    )
    app.state.config = config

    @app.middleware("http")
    async def security_headers(request: Request, call_next):
        response = await call_next(request)
        for k, v in SECURITY_HEADERS.items():
            response.headers.setdefault(k, v)
        return response

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

    @app.get("/api/articles/{article_id:path}", tags=["articles"], summary="One article's full record (the contract shape)")
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
        interval = _choice("interval", interval, ("day", "week", "month"))
        by = _choice("by", by, ("type", "quad_class", "factuality"))
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
        level = _choice("level", level, ("name", "code"))
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
              openapi_extra={"requestBody": {"required": True, "content": {
                  "application/json": {"schema": {"type": "object", "description":
                      "An article object (text, title, published, url, outlet, id), as in a .jsonl line; "
                      "or a whole article record (schema newsgraph.article/1), stored as it is."}},
                  "text/plain": {"schema": {"type": "string", "description": "Plain text: the first non-empty line is the headline."}}}}})
    async def ingest(request: Request, credentials: HTTPAuthorizationCredentials | None = Depends(BEARER)):
        check_token(credentials, config.api_token)
        body = await request.body()
        if len(body) > MAX_INGEST_BYTES:
            raise HTTPException(413, f"the article is larger than {MAX_INGEST_BYTES} bytes")
        record = await _record_from_request(request, body, config, state, nlp_lock)
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


async def _record_from_request(request: Request, body: bytes, config: Config, state: dict, lock: threading.Lock) -> Record:
    """The record to store: a posted record as it is, or the pipeline's record of a posted article."""
    from starlette.concurrency import run_in_threadpool

    from newsgraph.read.base import ReadOptions, ReadProblem
    from newsgraph.read.jsonl import article_from_object
    from newsgraph.read.txt import article_from_text

    ctype = request.headers.get("content-type", "").split(";")[0].strip().lower()
    try:
        raw = body.decode("utf-8")
    except UnicodeDecodeError:
        raise HTTPException(400, "the body is not UTF-8 text") from None
    options = ReadOptions(max_bytes=config.max_bytes)
    if ctype in ("application/json", ""):
        try:
            obj = json.loads(raw)
        except json.JSONDecodeError as exc:
            raise HTTPException(400, f"malformed JSON ({exc.msg} at line {exc.lineno}, column {exc.colno})") from None
        if isinstance(obj, dict) and isinstance(obj.get("article"), dict) and "schema" in obj:
            try:
                return Record.from_dict(obj)
            except (TypeError, KeyError, ValueError) as exc:
                raise HTTPException(400, f"not a valid article record: {exc}") from None
        item = article_from_object(obj, "api", options)
    elif ctype == "text/plain":
        item = article_from_text(raw, "api", options)
    else:
        raise HTTPException(415, f"send application/json or text/plain, not {ctype!r}")
    if isinstance(item, ReadProblem):
        raise HTTPException(400, item.message)
    from newsgraph.read import check_language

    item = check_language(item)  # as the readers do: non-English text is refused with the reason
    if item.skipped:
        raise HTTPException(422, f"not ingested: {item.skipped}")
    return await run_in_threadpool(_extract, item, config, state, lock)


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
            return extract_article(article, state["nlp"])
        except Exception as exc:  # a pipeline bug: report it, keep serving
            LOGGER.exception("extraction failed for %s", article.id)
            raise HTTPException(500, f"extraction failed: {type(exc).__name__}: {exc}") from exc
