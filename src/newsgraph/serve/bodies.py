"""What ``POST /api/ingest`` accepts, checked before anything is parsed deeply, extracted or stored.

A posted body is untrusted: it may be huge, nested a hundred thousand levels deep, of the wrong
shape, or hold values the store cannot keep (lone surrogates, NUL characters, integers past 64
bits, NaN). :func:`parse_json` and the models here turn each of these into a 4xx
``HTTPException`` whose message names the field and the limit. The models follow the contract
(docs/record.md); their JSON schemas are the request body the API documents.
"""
from __future__ import annotations

import json
import math
import re
from typing import Annotated, Any, Literal

from fastapi import HTTPException
from pydantic import BaseModel, ConfigDict, Field, ValidationError, model_validator
from pydantic.json_schema import models_json_schema

from newsgraph.read.jsonl import TEXT_KEYS  # the keys a .jsonl line's text may have, first non-empty wins
from newsgraph.record import FACTUALITY, SCHEMA, STANCES

MAX_INGEST_BYTES = 5 * 1024 * 1024  # one article's body, a whole record included
MAX_TEXT_CHARS = 1_000_000  # spaCy parses at most this much in one piece (its max_length)
MAX_JSON_DEPTH = 64  # a record is four levels deep; the rest is room for an article's metadata
MAX_INT = 2**63 - 1  # the largest integer SQLite and PostgreSQL keep

# -- the shapes ----------------------------------------------------------------------------
# Lengths are those of the store's columns (store/schema.py): PostgreSQL refuses longer values.

def _str(n: int, min_length: int = 0):
    return Annotated[str, Field(min_length=min_length, max_length=n)]


Text = Annotated[str, Field(max_length=MAX_TEXT_CHARS)]
Offset = Annotated[int, Field(ge=0, le=MAX_TEXT_CHARS)]
Span = Annotated[list[Offset], Field(min_length=2, max_length=2, description="[start, end): character offsets into article.text")]


class _Strict(BaseModel):
    # strict: "1" is not an integer, 1 is not a string; parts of a record may gain fields (the
    # contract grows by adding them), so unknown keys are let through and ignored.
    model_config = ConfigDict(strict=True, extra="ignore", allow_inf_nan=False)


class RemovedIn(_Strict):
    text: str
    reason: str
    line: Annotated[int, Field(ge=0, le=MAX_INT)] | None = None


class ArticlePartIn(_Strict):
    id: _str(200, 1)
    text: Text
    title: str = ""
    url: str | None = None
    outlet: str | None = None
    published: _str(32) | None = None
    language: _str(16) | None = "en"
    removed: list[RemovedIn] = []
    source: str | None = None
    metadata: dict[str, Any] = {}
    skipped: str | None = None


class ActorIn(_Strict):
    id: _str(64)
    name: str
    type: _str(32)
    country: _str(8) | None = None
    sector: _str(16) | None = None
    code: _str(32) | None = None
    title: str | None = None
    mentions: list[Span] = []


class LocationIn(_Strict):
    model_config = ConfigDict(extra="allow")
    name: str | None = None
    country: _str(8) | None = None
    lat: Annotated[float, Field(ge=-90, le=90)] | None = None
    lon: Annotated[float, Field(ge=-180, le=180)] | None = None


class EventIn(_Strict):
    id: _str(64)
    type: _str(32)
    mode: _str(64) | None = None
    context: list[str] = []
    cameo: _str(8) | None = None
    quad_class: Annotated[int, Field(ge=1, le=4)] | None = None
    goldstein: Annotated[float, Field(ge=-10, le=10)] | None = None
    actor: _str(64) | None = None
    recipient: _str(64) | None = None
    actor_code: _str(32) | None = None
    recipient_code: _str(32) | None = None
    factuality: Literal[FACTUALITY] = "asserted"
    claims: list[str] = []
    date: _str(32) | None = None
    date_text: str | None = None
    location: LocationIn | None = None
    evidence: list[Span] = []
    trigger: Span | None = None
    confidence: Annotated[float, Field(ge=0, le=1)] = 0.5
    actors_extra: list[str] = []
    modality: list[str] = []
    plover_type: _str(32) | None = None


class ClaimIn(_Strict):
    id: _str(64)
    speaker: _str(64) | None
    speaker_span: Span | None
    cue: Span
    content: Span
    direct: bool = False
    anonymous: bool = False
    stance: Literal[STANCES] = "assert"
    via: _str(64) | None = None
    cue_text: str | None = None
    relayed: bool = False
    contradicts: _str(64) | None = None


class TimexIn(_Strict):
    span: Span
    text: str
    value: _str(64) | None
    type: _str(16) = "DATE"


class PlaceIn(_Strict):
    span: Span
    name: str
    country: _str(8) | None = None
    lat: Annotated[float, Field(ge=-90, le=90)] | None = None
    lon: Annotated[float, Field(ge=-180, le=180)] | None = None
    geonameid: Annotated[int, Field(ge=0, le=MAX_INT)] | None = None
    resolved: bool = True
    feature: _str(32) | None = None


class RecordIn(_Strict):
    """A whole article record (schema newsgraph.article/1, docs/record.md), stored as it is."""
    schema_: Literal[SCHEMA] = Field(alias="schema")
    article: ArticlePartIn
    actors: list[ActorIn] = []
    events: list[EventIn] = []
    claims: list[ClaimIn] = []
    timexes: list[TimexIn] = []
    places: list[PlaceIn] = []


_NonBlank = Annotated[str, Field(max_length=MAX_TEXT_CHARS, pattern=r"\S")]


class ArticleIn(_Strict):
    """An article to extract, as in a .jsonl line: ``text`` (or body, content, maintext) and what is
    known about it; other keys are kept as the article's metadata."""
    model_config = ConfigDict(extra="allow",
                              json_schema_extra={"anyOf": [{"required": [k]} for k in TEXT_KEYS]})
    text: _NonBlank | None = None
    body: _NonBlank | None = None
    content: _NonBlank | None = None
    maintext: _NonBlank | None = None
    title: str | None = None
    headline: str | None = None
    id: _str(200) | Annotated[int, Field(ge=0, le=MAX_INT)] | None = Field(None, description="Made from the text when absent or empty.")
    url: str | None = None
    link: str | None = None
    published: str | None = Field(None, description="Any timestamp news sources write; the article gets its ISO date.")
    date: str | None = None
    date_publish: str | None = None
    pubdate: str | None = None
    published_at: str | None = None
    outlet: str | None = None
    source_domain: str | None = None
    sitename: str | None = None
    site: str | None = None

    @model_validator(mode="after")
    def _has_text(self):
        if not any(getattr(self, k) for k in TEXT_KEYS):
            raise ValueError('no article text (expected a non-empty "text" key)')
        return self


def openapi_schemas() -> tuple[dict[str, Any], dict[str, Any]]:
    """``(request body schema, component schemas)`` of the JSON bodies, for the OpenAPI document."""
    refs, top = models_json_schema([(ArticleIn, "validation"), (RecordIn, "validation")],
                                   ref_template="#/components/schemas/{model}")
    body = {"anyOf": [refs[(ArticleIn, "validation")], refs[(RecordIn, "validation")]],
            "description": "An article object to extract and store, or a whole article record "
                           "(recognised by its \"schema\" key) to store as it is."}
    return body, top["$defs"]


# -- parsing -------------------------------------------------------------------------------

# A JSON string (an unterminated one runs to the end, so no quote is scanned twice), or a bracket.
_TOKEN = re.compile(r'"[^"\\]*+(?:\\.[^"\\]*+)*+(?:"|\\?\Z)|[\[\]{}]', re.S)
# Escapes that may decode to a NUL or to half of a surrogate pair.
_SUSPECT = re.compile(r"\\u(?:0000|d[89a-f])", re.I)


def too_deep(raw: str, limit: int = MAX_JSON_DEPTH) -> bool:
    """Whether brackets outside strings nest deeper than ``limit``: one linear scan, no recursion,
    so that a hundred thousand ``[`` cannot exhaust the parser's stack."""
    if raw.count("[") + raw.count("{") <= limit:
        return False
    depth = 0
    for m in _TOKEN.finditer(raw):
        c = m.group()
        if c == "[" or c == "{":
            depth += 1
            if depth > limit:
                return True
        elif c == "]" or c == "}":
            depth -= 1
    return False


def _finite(text: str) -> float:
    value = float(text)
    if not math.isfinite(value):
        raise ValueError(f"number out of range: {text[:40]}")
    return value


def _no_constants(name: str):
    raise ValueError(f"{name} is not a JSON number")


def parse_json(raw: str) -> Any:
    """The decoded body, or a 400 (not JSON) or 422 (too deep, NUL or lone surrogate) naming why."""
    if too_deep(raw):
        raise HTTPException(422, f"the JSON nests deeper than {MAX_JSON_DEPTH} levels")
    try:
        obj = json.loads(raw, parse_float=_finite, parse_constant=_no_constants)
    except json.JSONDecodeError as exc:
        raise HTTPException(400, f"malformed JSON ({exc.msg} at line {exc.lineno}, column {exc.colno})") from None
    except ValueError as exc:  # NaN, Infinity, 1e999, integers of more than 4300 digits
        raise HTTPException(400, f"malformed JSON ({exc})") from None
    if _SUSPECT.search(raw):
        where = _unstorable_string(obj)
        if where:
            raise HTTPException(422, f"{where}: strings may not hold NUL characters or lone surrogates (\\u0000, \\ud800-\\udfff)")
    return obj


def _unstorable_string(obj: Any) -> str | None:
    """The path of the first key or string the store cannot keep, or None (no recursion: see too_deep)."""
    stack: list[tuple[str, Any]] = [("body", obj)]
    while stack:
        path, value = stack.pop()
        if isinstance(value, str):
            if _bad(value):
                return path
        elif isinstance(value, dict):
            for k, v in value.items():
                if _bad(k):
                    return path
                stack.append((k if path == "body" else f"{path}.{k}", v))
        elif isinstance(value, list):
            stack.extend((f"{path}.{i}", v) for i, v in enumerate(value))
    return None


_UNSTORABLE = re.compile("[\x00\ud800-\udfff]")


def _bad(s: str) -> bool:
    return _UNSTORABLE.search(s) is not None


def validate(model: type[BaseModel], obj: Any, what: str) -> BaseModel:
    """``obj`` as ``model``, or a 422 naming the first wrong fields: "not a valid article record: events: ..."."""
    try:
        return model.model_validate(obj)
    except ValidationError as exc:
        errors = exc.errors(include_url=False, include_input=False)
        shown = [f"{'.'.join(str(x) for x in e['loc']) or 'body'}: {e['msg']}" for e in errors[:5]]
        more = f" (and {len(errors) - 5} more)" if len(errors) > 5 else ""
        raise HTTPException(422, f"not a valid {what}: {'; '.join(shown)}{more}") from None


def is_record(obj: Any) -> bool:
    """A whole record carries its schema name; anything else posted as JSON is an article object."""
    return isinstance(obj, dict) and "schema" in obj
