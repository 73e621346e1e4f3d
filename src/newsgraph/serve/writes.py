"""``POST /api/ingest``: read the body (capped, checked by ``bodies.py``), extract it unless it is a
whole record, and store it with :func:`newsgraph.ingest.store_outcome`, as every ingest does."""
from __future__ import annotations

import hmac
import logging
from typing import Any

from fastapi import APIRouter, Depends, FastAPI, HTTPException, Request
from fastapi.responses import JSONResponse
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer
from starlette.concurrency import run_in_threadpool
from starlette.requests import ClientDisconnect

from newsgraph.config import Config
from newsgraph.ingest import IngestReport, store_outcome
from newsgraph.pipeline import Outcome
from newsgraph.record import Record
from newsgraph.serve.bodies import (MAX_INGEST_BYTES, MAX_JSON_DEPTH, MAX_TEXT_CHARS, ArticleIn, RecordIn, is_record,
                                    openapi_schemas, parse_json, validate)
from newsgraph.serve.routes import error
from newsgraph.serve.service import Service
from newsgraph.store import INGESTED

LOGGER = logging.getLogger(__name__)

INGEST_TYPES = ("application/json", "text/plain", "")  # no Content-Type: JSON
BEARER = HTTPBearer(auto_error=False, description="The api_token setting (NEWSGRAPH_API_TOKEN).")

INGEST_DOC = dict(
    status_code=201, summary="Extract and store one article (needs the API token)",
    description=(f"The body is at most {MAX_INGEST_BYTES} bytes, JSON nests at most {MAX_JSON_DEPTH} levels, "
                 f"and an article's text has at most {MAX_TEXT_CHARS} characters. 201: stored; 200: already stored."),
    responses={200: {"description": "Already stored (a duplicate)"},
               400: error("The body is not UTF-8 text or not JSON"),
               401: error("Missing or wrong bearer token"), 403: error("Writes are off (no API token configured)"),
               413: error(f"The body is larger than {MAX_INGEST_BYTES} bytes"),
               415: error("Neither application/json nor text/plain"),
               422: error("Not a valid article or record (the message names the field), over a limit, "
                          "not English, or the article could not be extracted"),
               503: error("The spaCy model is not installed")},
    openapi_extra={"requestBody": {"required": True, "content": {
        "application/json": {"schema": {"$ref": "#/components/schemas/IngestBody"}},
        "text/plain": {"schema": {"type": "string", "description": "Plain text: the first non-empty line is the headline."}}}}},
)


def ingest_router(svc: Service) -> APIRouter:
    router = APIRouter(tags=["ingest"])

    @router.post("/api/ingest", **INGEST_DOC)
    async def ingest(request: Request, credentials: HTTPAuthorizationCredentials | None = Depends(BEARER)):
        check_token(credentials, svc.config.api_token)
        ctype = request.headers.get("content-type", "").split(";")[0].strip().lower()
        if ctype not in INGEST_TYPES:  # refused before a byte of the body is read
            raise HTTPException(415, f"send application/json or text/plain, not {ctype!r}")
        body = await read_capped(request, MAX_INGEST_BYTES)
        record = await _record_from_request(ctype, body, svc)
        r = record.article
        status = store_outcome(svc.store(), Outcome(r.source or r.id, record=record), IngestReport())
        content = {"status": status, "id": r.id, "title": r.title,
                   "events": len(record.events), "actors": len(record.actors), "claims": len(record.claims)}
        return JSONResponse(status_code=201 if status == INGESTED else 200, content=content)

    return router


def document_ingest_bodies(app: FastAPI) -> None:
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


def check_token(credentials: HTTPAuthorizationCredentials | None, token: str | None) -> None:
    """403 when no token is configured (writes are off), 401 when the request's bearer token is wrong."""
    if not token:
        raise HTTPException(403, "writes are off: this server has no API token. Set NEWSGRAPH_API_TOKEN "
                                 "(setting api_token) and restart to enable POST /api/ingest.")
    given = credentials.credentials.strip() if credentials else ""
    if not given or not hmac.compare_digest(given.encode(), token.encode()):
        raise HTTPException(401, "missing or wrong token: send the header 'Authorization: Bearer <api_token>'",
                            headers={"WWW-Authenticate": "Bearer"})


async def _record_from_request(ctype: str, body: bytes, svc: Service) -> Record:
    """The record to store: a posted record as it is, or the pipeline's record of a posted article."""
    item = await run_in_threadpool(_read_body, ctype, body, svc.config)  # up to 5 MB to scan and validate
    if isinstance(item, Record):
        return item
    return await run_in_threadpool(_extract, item, svc)


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


def _extract(article, svc: Service) -> Record:
    from newsgraph.nlp import ModelNotInstalled, load_nlp
    from newsgraph.pipeline import extract_article

    with svc.nlp_lock:
        if svc.nlp is None:
            try:
                svc.nlp = load_nlp(svc.config.model, svc.config.fast_parse)
            except ModelNotInstalled as exc:
                raise HTTPException(503, str(exc)) from None
        try:
            return extract_article(article, svc.nlp, seconds=svc.config.article_seconds or None)
        except Exception as exc:  # the article could not be extracted (over its time budget, a pipeline bug): say so, keep serving
            LOGGER.warning("extraction failed for %s", article.id, exc_info=True)
            raise HTTPException(422, f"the article could not be extracted: {type(exc).__name__}: {exc}") from None
