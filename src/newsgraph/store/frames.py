"""Stored events and claims as pandas DataFrames, one row per stored event or claim.

Entry points: :func:`event_frame` and :func:`claim_frame`, each over a connection and one
:class:`~newsgraph.store.query.EventFilter` (the filter of the CLI, the exports and the API).
pandas is imported only when a frame is asked for, so the store works without it.
"""
from __future__ import annotations

from typing import Any

from sqlalchemy import Connection, and_, select

from newsgraph.spans import span_text
from newsgraph.store import query as Q
from newsgraph.store import schema as S
from newsgraph.store.query import EventFilter

PANDAS_MISSING = ("DataFrames need pandas, which is not installed: pip install 'newsgraph[frames]' "
                  "(or pip install pandas; `make setup` installs it)")
# Columns shown first: what an analyst reads before the rest; the others follow in table order.
EVENT_LEAD = ("article_id", "event_id", "day", "type", "actor_name", "actor_country", "recipient_name",
              "recipient_country", "factuality", "goldstein", "quad_class", "evidence_text")
CLAIM_LEAD = ("article_id", "claim_id", "day", "speaker", "speaker_code", "speaker_country", "cue_text", "stance",
              "content_text")


def pandas():
    """The pandas module, or an ImportError saying how to install it."""
    try:
        import pandas as pd
    except ImportError as exc:
        raise ImportError(PANDAS_MISSING) from exc
    return pd


def _frame(rows: list[dict[str, Any]], columns: list[str], lead: tuple[str, ...]):
    pd = pandas()
    order = [c for c in lead if c in columns] + [c for c in columns if c not in lead]
    df = pd.DataFrame(rows, columns=order)
    # Days as datetimes, so that a frame resamples by week or month directly.
    df["day"] = pd.to_datetime(df["day"], format="%Y-%m-%d", errors="coerce")
    return df


def event_frame(conn: Connection, flt: EventFilter):
    """Every stored event matching ``flt``, in the order stored: the events table's columns (the
    record's spans as lists), the article's title, URL, outlet and publication date, and the
    evidence and trigger texts."""
    e = S.events.c
    q = Q.events_select(flt, conn).order_by(e.pk)
    rows = [dict(r._mapping) for r in conn.execute(q)]
    texts = Q.article_texts(conn, {r["article_id"] for r in rows})
    for r in rows:
        body = texts.get(r["article_id"], "")
        r["event_pk"] = r.pop("pk")
        r["evidence_text"] = span_text(body, r["evidence"])
        r["trigger_text"] = span_text(body, [r["trigger"]] if r["trigger"] else [])
    columns = ["event_pk" if c == "pk" else c for c in q.selected_columns.keys()] + ["evidence_text", "trigger_text"]
    return _frame(rows, columns, EVENT_LEAD)


def claim_frame(conn: Connection, flt: EventFilter):
    """Every stored claim matching ``flt`` (as the claims ledger reads it), in the order stored: the
    claims table's columns, the speaker's code and country when the speaker is a known actor, and
    the article's title and publication date."""
    c, a, who = S.claims.c, S.articles.c, S.actors.alias("speaker_actor")
    q = (select(S.claims, who.c.code.label("speaker_code"), who.c.country.label("speaker_country"),
                a.title.label("article_title"), a.url.label("article_url"), a.published.label("article_published"))
         .join(S.articles, a.id == c.article_id)
         .outerjoin(who, and_(who.c.article_id == c.article_id, who.c.actor_id == c.speaker_id)))
    conds = Q.claim_conditions(conn, flt)
    q = (q.where(and_(*conds)) if conds else q).order_by(c.pk)
    rows = [dict(r._mapping) for r in conn.execute(q)]
    for r in rows:
        r["claim_pk"] = r.pop("pk")
        r["content_text"] = (r["content_text"] or "").strip() or None
    columns = ["claim_pk" if k == "pk" else k for k in q.selected_columns.keys()]
    return _frame(rows, columns, CLAIM_LEAD)
