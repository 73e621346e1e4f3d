"""Exports of stored events: GDELT 2.0 event table, PLOVER JSON, Parquet, CSV, and contract JSONL.

Every format starts from :func:`event_rows`, which streams events (matching an
:class:`~newsgraph.store.query.EventFilter`) in ``pk`` order, a few thousand at a time, with
their actors' sectors, the article's title/URL/outlet and the evidence sentence's text.
``export(store, fmt, out, flt)`` writes one format to a binary file object.
"""
from __future__ import annotations

import csv
import io
import json
import logging
from collections.abc import Iterator
from datetime import date
from typing import IO, Any

from sqlalchemy import and_, func, select

from newsgraph import __version__
from newsgraph.spans import span_text
from newsgraph.store import schema as S
from newsgraph.store.core import Store
from newsgraph.store.query import EventFilter, article_texts

LOGGER = logging.getLogger(__name__)

FORMATS = ("gdelt", "plover", "parquet", "csv", "jsonl")
CHUNK = 5000

# One row per event; CSV and Parquet carry these columns, in this order.
FLAT_COLUMNS = (
    "event_pk", "article_id", "event_id", "day", "date", "date_text", "type", "plover_type", "mode", "context", "cameo",
    "quad_class", "goldstein", "factuality", "confidence", "claims",
    "actor_name", "actor_code", "actor_country", "actor_sector",
    "recipient_name", "recipient_code", "recipient_country", "recipient_sector",
    "location_name", "location_country", "lat", "lon",
    "evidence_text", "article_title", "article_url", "article_outlet", "article_published",
)

# GDELT 2.0 event table, in the order of its codebook (61 columns).
GDELT_COLUMNS = (
    "GLOBALEVENTID", "SQLDATE", "MonthYear", "Year", "FractionDate",
    "Actor1Code", "Actor1Name", "Actor1CountryCode", "Actor1KnownGroupCode", "Actor1EthnicCode",
    "Actor1Religion1Code", "Actor1Religion2Code", "Actor1Type1Code", "Actor1Type2Code", "Actor1Type3Code",
    "Actor2Code", "Actor2Name", "Actor2CountryCode", "Actor2KnownGroupCode", "Actor2EthnicCode",
    "Actor2Religion1Code", "Actor2Religion2Code", "Actor2Type1Code", "Actor2Type2Code", "Actor2Type3Code",
    "IsRootEvent", "EventCode", "EventBaseCode", "EventRootCode", "QuadClass", "GoldsteinScale",
    "NumMentions", "NumSources", "NumArticles", "AvgTone",
    "Actor1Geo_Type", "Actor1Geo_FullName", "Actor1Geo_CountryCode", "Actor1Geo_ADM1Code", "Actor1Geo_ADM2Code",
    "Actor1Geo_Lat", "Actor1Geo_Long", "Actor1Geo_FeatureID",
    "Actor2Geo_Type", "Actor2Geo_FullName", "Actor2Geo_CountryCode", "Actor2Geo_ADM1Code", "Actor2Geo_ADM2Code",
    "Actor2Geo_Lat", "Actor2Geo_Long", "Actor2Geo_FeatureID",
    "ActionGeo_Type", "ActionGeo_FullName", "ActionGeo_CountryCode", "ActionGeo_ADM1Code", "ActionGeo_ADM2Code",
    "ActionGeo_Lat", "ActionGeo_Long", "ActionGeo_FeatureID",
    "DATEADDED", "SOURCEURL",
)

# GDELT geo resolution: 1 country, 2 US state, 3 US city, 4 world city, 5 world state (ADM1).
_GEO_TYPE = {"country": 1, "admin1": 5, "state": 5, "province": 5}
# A sentence this close to the top is in the lead, which GDELT calls a root event.
LEAD_CHARS = 600


def event_rows(store: Store, flt: EventFilter | None = None, clusters: bool = False) -> Iterator[dict[str, Any]]:
    """Events matching ``flt`` as flat dicts (``FLAT_COLUMNS`` plus ``location``, ``evidence``,
    ``trigger``, ``ingested_at``, ``is_root`` and the event cluster's ``num_mentions``,
    ``num_articles``, ``num_sources``), in ``pk`` order, streamed in chunks.

    With ``clusters=True`` each event cluster (one real-world event, however many articles
    tell it) gives one row, its first-stored event; near copies' events give none."""
    flt = flt or EventFilter()
    e, a, k = S.events.c, S.articles.c, S.event_clusters.c
    act1, act2 = S.actors.alias("act1"), S.actors.alias("act2")
    base = (
        select(S.events, act1.c.sector.label("actor_sector"), act2.c.sector.label("recipient_sector"),
               a.title.label("article_title"), a.url.label("article_url"), a.outlet.label("article_outlet"),
               a.published.label("article_published"), a.ingested_at, a.source.label("article_source"),
               k.num_mentions, k.num_articles, k.num_sources, k.first_reported)
        .join(S.articles, a.id == e.article_id)
        .outerjoin(S.event_clusters, k.id == e.cluster_id)
        .outerjoin(act1, and_(act1.c.article_id == e.article_id, act1.c.actor_id == e.actor_id))
        .outerjoin(act2, and_(act2.c.article_id == e.article_id, act2.c.actor_id == e.recipient_id))
    )
    last = 0
    with store.connect() as conn:
        conds = flt.conditions(conn)
        if clusters:
            first = select(func.min(e.pk)).where(e.cluster_id.is_not(None)).group_by(e.cluster_id)
            conds = [*conds, e.pk.in_(first)]
        while True:
            q = base.where(and_(e.pk > last, *conds)).order_by(e.pk).limit(CHUNK)
            rows = [dict(r._mapping) for r in conn.execute(q)]
            if not rows:
                return
            last = rows[-1]["pk"]
            pks = [r["pk"] for r in rows]
            claims: dict[int, list[str]] = {}
            cq = (select(S.event_claims.c.event_pk, S.claims.c.claim_id)
                  .join(S.claims, S.claims.c.pk == S.event_claims.c.claim_pk)
                  .where(S.event_claims.c.event_pk.in_(pks)).order_by(S.claims.c.pk))
            for epk, cid in conn.execute(cq):
                claims.setdefault(epk, []).append(cid)
            texts = article_texts(conn, {r["article_id"] for r in rows})
            for r in rows:
                body = texts.get(r["article_id"]) or ""
                spans = r["evidence"] or []
                r["event_pk"] = r.pop("pk")
                r["claims"] = claims.get(r["event_pk"], [])
                r["evidence_text"] = evidence_text(body, spans)
                r["is_root"] = bool(spans) and spans[0][0] < min(LEAD_CHARS, _lead_end(body))
                r["context"] = list(r["context"] or [])
                yield r


def evidence_text(body: str, spans) -> str | None:
    """The text of an event's evidence spans, joined and trimmed; None when there is none."""
    return span_text(body, spans)


def _lead_end(body: str) -> int:
    """Offset where the first paragraph ends (or the whole text)."""
    i = body.find("\n\n")
    return i if i > 0 else len(body)


# -- GDELT ----------------------------------------------------------------------------------
def _ymd(day: str | None) -> date | None:
    try:
        return date.fromisoformat(day) if day else None
    except ValueError:
        return None


def gdelt_row(r: dict[str, Any]) -> list[Any]:
    """One GDELT 2.0 event-table row. Country codes are ISO 3166 alpha-3 (CAMEO's, not FIPS)."""
    d = _ymd(r.get("day"))
    cameo = r.get("cameo") or ""
    loc = r.get("location") or {}
    feature = (loc.get("feature") or "").lower()
    has_loc = bool(r.get("location_name") or r.get("location_country"))
    geo_type = (_GEO_TYPE.get(feature, 4) if r.get("location_name") else 1) if has_loc else ""
    added = (r.get("ingested_at") or "").replace("-", "").replace("T", "").replace(":", "")[:14]
    values = {
        "GLOBALEVENTID": r["event_pk"],
        "SQLDATE": d.strftime("%Y%m%d") if d else "",
        "MonthYear": d.strftime("%Y%m") if d else "",
        "Year": d.year if d else "",
        "FractionDate": f"{d.year + (d.timetuple().tm_yday - 1) / 365:.4f}" if d else "",
        "Actor1Code": r.get("actor_code") or "",
        "Actor1Name": (r.get("actor_name") or "").upper(),
        "Actor1CountryCode": r.get("actor_country") or "",
        "Actor1Type1Code": r.get("actor_sector") or "",
        "Actor2Code": r.get("recipient_code") or "",
        "Actor2Name": (r.get("recipient_name") or "").upper(),
        "Actor2CountryCode": r.get("recipient_country") or "",
        "Actor2Type1Code": r.get("recipient_sector") or "",
        "IsRootEvent": int(bool(r.get("is_root"))),
        "EventCode": cameo,
        "EventBaseCode": cameo[:3],
        "EventRootCode": cameo[:2],
        "QuadClass": r.get("quad_class") if r.get("quad_class") is not None else "",
        "GoldsteinScale": r.get("goldstein") if r.get("goldstein") is not None else "",
        # the event cluster's counts: every article that tells this real-world event
        "NumMentions": r.get("num_mentions") or max(1, len(r.get("evidence") or [])),
        "NumSources": r.get("num_sources") or 1,
        "NumArticles": r.get("num_articles") or 1,
        "ActionGeo_Type": geo_type,
        "ActionGeo_FullName": ", ".join(x for x in (r.get("location_name"), r.get("location_country")) if x),
        "ActionGeo_CountryCode": r.get("location_country") or "",
        "ActionGeo_Lat": r.get("lat") if r.get("lat") is not None else "",
        "ActionGeo_Long": r.get("lon") if r.get("lon") is not None else "",
        "ActionGeo_FeatureID": loc.get("geonameid") or "",
        "DATEADDED": added,
        "SOURCEURL": r.get("article_url") or r.get("article_source") or r.get("article_id") or "",
    }
    return [values.get(c, "") for c in GDELT_COLUMNS]


def _clean_cell(v: Any) -> str:
    return str(v).replace("\t", " ").replace("\n", " ").replace("\r", " ")


def write_gdelt(rows: Iterator[dict[str, Any]], out: IO[bytes], header: bool = True) -> int:
    text = io.TextIOWrapper(out, encoding="utf-8", newline="", write_through=True)
    n = 0
    if header:
        text.write("\t".join(GDELT_COLUMNS) + "\n")
    for r in rows:
        text.write("\t".join(_clean_cell(v) for v in gdelt_row(r)) + "\n")
        n += 1
    text.flush()
    text.detach()
    return n


# -- PLOVER ---------------------------------------------------------------------------------
def _entity(name, code, country, sector) -> list[dict[str, Any]]:
    if not (name or code):
        return []
    ent = {"code": country or code, "sector": sector, "entity_text": name, "identifier_text": name,
           "actor_code": code}
    return [{k: v for k, v in ent.items() if v is not None}]


def plover_event(r: dict[str, Any]) -> dict[str, Any]:
    """One PLOVER JSON record (field names of the PLOVER manual's data-fields chapter)."""
    loc = r.get("location") or {}
    rec = {
        "id": f"newsgraph-{r['article_id']}-{r['event_id']}",
        "date": r.get("day"),
        "actor": _entity(r.get("actor_name"), r.get("actor_code"), r.get("actor_country"), r.get("actor_sector")),
        "recipient": _entity(r.get("recipient_name"), r.get("recipient_code"), r.get("recipient_country"),
                             r.get("recipient_sector")),
        "event": [r.get("plover_type") or r["type"]],
        "mode": [r["mode"]] if r.get("mode") else [],
        "context": r.get("context") or [],
        "quad_code": r.get("quad_class"),
        "event_scale": r.get("goldstein"),
        "event_text": [r["evidence_text"]] if r.get("evidence_text") else [],
        "event_loc": ({"extracted_place": r.get("location_name"), "resolved_place": r.get("location_name"),
                       "country_code": r.get("location_country"), "lat": r.get("lat"), "lon": r.get("lon"),
                       "geonameid": loc.get("geonameid"),
                       "resolution": {"country": 1, "admin1": 2}.get((loc.get("feature") or "").lower(), 4)
                       if r.get("location_name") else 1}
                      if (r.get("location_name") or r.get("location_country")) else None),
        "text_info": {"start": (r.get("evidence") or [[None]])[0][0],
                      "end": (r.get("evidence") or [[None, None]])[-1][1]} if r.get("evidence") else None,
        "cite_info": {"url": r.get("article_url"), "publication": r.get("article_outlet"),
                      "headline": r.get("article_title"), "date": r.get("article_published"),
                      "story_id": r.get("article_id")},
        "coder": f"newsgraph {__version__}",
        "codebook": "plover",
        "coded_date": (r.get("ingested_at") or "")[:10] or None,
        # newsgraph's additions: CAMEO code, factuality and the claims the event rests on.
        "cameo": r.get("cameo"),
        "factuality": r.get("factuality"),
        "newsgraph_type": r["type"],
        "claims": r.get("claims") or [],
        "date_text": r.get("date_text"),
        "confidence": r.get("confidence"),
        "cluster": ({"id": r.get("cluster_id"), "num_mentions": r.get("num_mentions"),
                     "num_articles": r.get("num_articles"), "num_sources": r.get("num_sources"),
                     "first_reported": r.get("first_reported")} if r.get("cluster_id") is not None else None),
    }
    return rec


def write_plover(rows: Iterator[dict[str, Any]], out: IO[bytes], as_array: bool = False) -> int:
    """PLOVER records as JSON Lines (the manual's suggestion), or one JSON array."""
    n = 0
    if as_array:
        out.write(b"[")
    for r in rows:
        line = json.dumps(plover_event(r), ensure_ascii=False)
        if as_array:
            out.write((",\n" if n else "\n").encode("utf-8"))
            out.write(line.encode("utf-8"))
        else:
            out.write(line.encode("utf-8") + b"\n")
        n += 1
    if as_array:
        out.write(b"\n]\n")
    return n


# -- CSV and Parquet ------------------------------------------------------------------------
def flat(r: dict[str, Any]) -> dict[str, Any]:
    return {c: r.get(c) for c in FLAT_COLUMNS}


def csv_text(rows: Iterator[dict[str, Any]], rows_per_piece: int = 500) -> Iterator[str]:
    """The CSV file (header, then one line per event) in pieces of a few hundred rows, for streaming."""
    buf = io.StringIO()
    writer = csv.DictWriter(buf, fieldnames=FLAT_COLUMNS)
    writer.writeheader()
    for i, r in enumerate(rows, 1):
        row = flat(r)
        row["context"] = ";".join(row["context"] or [])
        row["claims"] = ";".join(row["claims"] or [])
        writer.writerow(row)
        if i % rows_per_piece == 0:
            yield buf.getvalue()
            buf.seek(0)
            buf.truncate()
    yield buf.getvalue()


def write_csv(rows: Iterator[dict[str, Any]], out: IO[bytes]) -> int:
    n = 0

    def counted():
        nonlocal n
        for r in rows:
            n += 1
            yield r

    for piece in csv_text(counted()):
        out.write(piece.encode("utf-8"))
    return n


def parquet_schema():
    import pyarrow as pa

    s, i, f = pa.string(), pa.int64(), pa.float64()
    types = {"event_pk": i, "quad_class": i, "goldstein": f, "confidence": f, "lat": f, "lon": f,
             "context": pa.list_(s), "claims": pa.list_(s)}
    return pa.schema([(c, types.get(c, s)) for c in FLAT_COLUMNS])


def write_parquet(rows: Iterator[dict[str, Any]], out: IO[bytes]) -> int:
    import pyarrow as pa
    import pyarrow.parquet as pq

    schema = parquet_schema()
    n = 0
    with pq.ParquetWriter(out, schema, compression="zstd") as writer:
        batch: list[dict[str, Any]] = []
        for r in rows:
            batch.append(flat(r))
            if len(batch) >= 50_000:
                writer.write_table(pa.Table.from_pylist(batch, schema=schema))
                n += len(batch)
                batch = []
        if batch or n == 0:
            writer.write_table(pa.Table.from_pylist(batch, schema=schema))
            n += len(batch)
    return n


# -- contract JSONL -------------------------------------------------------------------------
def write_jsonl(store: Store, out: IO[bytes], flt: EventFilter | None = None) -> int:
    """Whole article records (the contract), one per line. With event filters, only the
    articles having at least one matching event (each record still complete)."""
    flt = flt or EventFilter()
    ids = None
    event_only = {k: v for k, v in vars(flt).items() if v is not None and k not in ("since", "until")}
    if event_only:
        with store.connect() as conn:
            conds = flt.conditions(conn)
            ids = list(conn.execute(select(S.events.c.article_id).where(and_(*conds)).distinct()).scalars())
        if not ids:
            return 0
    n = 0
    kwargs = {} if ids is not None else {"since": flt.since, "until": flt.until}
    for rec in store.records(ids=ids, **kwargs):
        out.write(json.dumps(rec.to_dict(), ensure_ascii=False).encode("utf-8") + b"\n")
        n += 1
    return n


def export(store: Store, fmt: str, out: IO[bytes], flt: EventFilter | None = None, *,
           header: bool = True, as_array: bool = False, clusters: bool = False) -> int:
    """Write the store's events (or records, for ``jsonl``) in ``fmt`` to ``out``; return the count.
    ``clusters=True``: one row per event cluster instead of one per event."""
    if fmt not in FORMATS:
        raise ValueError(f"unknown export format {fmt!r}; known: {', '.join(FORMATS)}")
    if fmt == "jsonl":
        if clusters:
            raise ValueError("jsonl exports whole article records; --clusters applies to event formats")
        return write_jsonl(store, out, flt)
    rows = event_rows(store, flt, clusters=clusters)
    if fmt == "gdelt":
        return write_gdelt(rows, out, header=header)
    if fmt == "plover":
        return write_plover(rows, out, as_array=as_array)
    if fmt == "csv":
        return write_csv(rows, out)
    return write_parquet(rows, out)
