"""The API's query parameters: a bad value is a 400 naming the parameter and what it accepts.

Event filters are the store's :class:`~newsgraph.store.query.EventFilter`, checked by the same
code (and with the same messages) as the CLI's flags.
"""
from __future__ import annotations

import json
from functools import lru_cache
from pathlib import Path
from typing import Any

from fastapi import HTTPException, Query

from newsgraph.events.lexicon import PLOVER_TYPES
from newsgraph.store.query import AMBIGUOUS_COUNTRY, BadFilter, EventFilter, check_country, check_day

MAX_LIMIT = 1000
MAX_OFFSET = 10_000_000  # far beyond any store; larger values are refused, not sent to the database
# The API's names for the filter fields it names differently (the dashboard's links and saved URLs use them).
API_NAMES = {"since": "date_from", "until": "date_to", "article_id": "article"}


@lru_cache(maxsize=1)
def vocabulary() -> dict[str, Any]:
    """Event types and quad classes as the dashboard labels and colours them (``data/vocabulary.json``)."""
    data = json.loads((Path(__file__).parent / "data" / "vocabulary.json").read_text(encoding="utf-8"))
    data.pop("_comment", None)
    return {"event_types": list(PLOVER_TYPES), **data}


class BadParameter(HTTPException):
    def __init__(self, name: str, message: str):
        super().__init__(status_code=400, detail=f"{name}: {message}")


def day(name: str, value: str | None) -> str | None:
    value = text(value)
    try:
        check_day(name, value)
    except BadFilter as exc:
        raise BadParameter(name, str(exc)) from None
    return value


def country(name: str, value: str | None) -> str | None:
    try:
        return check_country(name, text(value))
    except BadFilter as exc:
        raise BadParameter(name, str(exc)) from None


def choice(name: str, value: str | None, allowed: tuple[str, ...] | list[str], upper: bool = False) -> str | None:
    if value in (None, ""):
        return None
    v = value.upper() if upper else value.lower()
    if v not in allowed:
        raise BadParameter(name, f"unknown value {value!r}; expected one of: {', '.join(allowed)}")
    return v


def text(value: str | None) -> str | None:
    value = (value or "").strip()
    return value or None


def event_filters(
    actor: str | None = Query(None, max_length=200, description="Actor or recipient, any case: a code or code prefix (nergov; NER: every Nigerien actor), a country's name (Niger), or a name with or without accents, else the names it starts (putin)."),
    involving: str | None = Query(None, description="Country involved (the actor's, the recipient's or the event location's): a name (Russia) or ISO alpha-3 code (RUS)."),
    actor_country: str | None = Query(None, description="Country of the actor: a name or ISO alpha-3 code."),
    recipient_country: str | None = Query(None, description="Country of the recipient: a name or ISO alpha-3 code."),
    location_country: str | None = Query(None, description="Country where the event happened: a name or ISO alpha-3 code."),
    country: str | None = Query(None, deprecated=True, description="Refused: ambiguous. Use involving or location_country."),
    type: str | None = Query(None, description="PLOVER event type, e.g. CONSULT, ASSAULT."),
    quad_class: int | None = Query(None, ge=1, le=4, description="CAMEO quad class: 1 verbal cooperation, 2 material cooperation, 3 verbal conflict, 4 material conflict."),
    factuality: str | None = Query(None, description="asserted, reported, planned, hypothetical, negated or denied; several joined by commas (asserted,reported: what is told as having happened)."),
    date_from: str | None = Query(None, description="First day (YYYY-MM-DD), inclusive; events are filed under their own date, else the publication date."),
    date_to: str | None = Query(None, description="Last day (YYYY-MM-DD), inclusive."),
    q: str | None = Query(None, max_length=500, description="Words that must all occur in the article's title or text."),
    article: str | None = Query(None, max_length=200, description="Only this article's events (article id)."),
) -> EventFilter:
    if text(country):
        raise BadParameter("country", AMBIGUOUS_COUNTRY.format(involving="involving", located="location_country"))
    try:
        return EventFilter.checked(
            actor=actor, involving=involving, actor_country=actor_country, recipient_country=recipient_country,
            location_country=location_country, type=type,
            quad_class=quad_class, factuality=factuality, since=date_from, until=date_to, q=q, article_id=article)
    except BadFilter as exc:
        raise BadParameter(api_name(exc.name), exc.render(api_name)) from None


def api_name(field: str) -> str:
    return API_NAMES.get(field, field)


def page(
    limit: int = Query(50, ge=1, le=MAX_LIMIT, description=f"Items per page (1-{MAX_LIMIT})."),
    offset: int = Query(0, ge=0, le=MAX_OFFSET, description="Items to skip."),
) -> tuple[int, int]:
    return limit, offset
