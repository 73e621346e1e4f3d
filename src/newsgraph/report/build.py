"""A situation report read from the store: the events one :class:`EventFilter` matches, day by day,
and the contested ones with their tellings side by side.

An event is contested when the tellings of it disagree, in one of two ways:

* its claims disagree: one of the claims it rests on denies (stance ``deny``) what another
  asserts (the claims ledger's ``denied_by``, read per event);
* the reports of its event cluster (the same real-world event told by several articles) disagree:
  one tells it as having happened (``asserted``, ``reported``), another as ``denied`` or ``negated``.
"""
from __future__ import annotations

from collections import defaultdict
from dataclasses import asdict, dataclass, field
from datetime import datetime, timezone
from typing import Any

from sqlalchemy import Connection, select

from newsgraph.spans import span_text
from newsgraph.store import query as Q
from newsgraph.store import schema as S
from newsgraph.store.query import EventFilter

MAX_EVENTS = 1000  # a report is read by people: past this, the query is to be narrowed
DEFAULT_EVENTS = 500
TOLD = ("asserted", "reported")  # told as having happened
GAINSAID = ("denied", "negated")  # told as not having happened
UNDATED = "undated"


@dataclass
class Telling:
    """One side's telling of a contested event: a claim, or one article's report of a clustered event."""

    who: str  # the source: the claim's speaker, else the outlet
    how: str  # the claim's stance, or the report's factuality
    text: str | None  # what is claimed, or the evidence sentence
    cue: str | None = None  # "said", "denied"
    chain: list[str] = field(default_factory=list)  # the sources it was relayed through, nearest first
    article_id: str = ""
    article_title: str | None = None
    article_url: str | None = None
    outlet: str | None = None
    published: str | None = None


@dataclass
class Contested:
    id: str  # "cluster-12" or the event's id "art1/e1"
    type: str
    actor: str | None
    recipient: str | None
    day: str | None
    why: str
    asserts: list[Telling]
    denies: list[Telling]


@dataclass
class ReportEvent:
    id: str
    article_id: str
    event_id: str
    day: str | None
    type: str
    quad_class: int | None
    goldstein: float | None
    factuality: str
    actor: str | None
    recipient: str | None
    location: str | None
    evidence: str | None
    sources: list[str]  # the speakers of the claims it rests on
    article_title: str | None
    article_url: str | None
    outlet: str | None
    published: str | None
    contested: str | None = None  # the id of its entry in Report.contested


@dataclass
class Day:
    day: str  # ISO day, or "undated"
    events: list[ReportEvent]


@dataclass
class Report:
    title: str
    query: dict[str, Any]  # the filter's fields that are set
    generated: str
    total: int  # events matching the query
    shown: int  # events in the timeline (the newest, when there are more than the limit)
    days: list[Day]
    contested: list[Contested]

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


def build_report(store, flt: EventFilter | None = None, *, limit: int = DEFAULT_EVENTS, title: str | None = None,
                 generated: str | None = None) -> Report:
    """The report of the events ``flt`` matches (the newest ``limit`` of them, oldest first)."""
    flt = flt or EventFilter()
    limit = max(1, min(limit, MAX_EVENTS))
    with store.connect() as conn:
        rows = Q.events(conn, flt, limit=limit)
        total = Q.count_events(conn, flt)
        data = _Related.read(conn, rows)
    contested = data.contested(rows)
    by_event = {eid: c.id for c in contested for eid in data.members(c.id)}
    days: dict[str, list[ReportEvent]] = defaultdict(list)
    for r in sorted(rows, key=lambda r: (r["day"] or "9999", r["pk"])):
        days[r["day"] or UNDATED].append(data.report_event(r, by_event.get(_event_id(r))))
    return Report(title=title or report_title(flt), query={k: v for k, v in vars(flt).items() if v not in (None, "")},
                  generated=generated or datetime.now(timezone.utc).strftime("%Y-%m-%d %H:%M UTC"),
                  total=total, shown=len(rows), days=[Day(d, evs) for d, evs in days.items()], contested=contested)


def report_title(flt: EventFilter) -> str:
    parts = [v for v in (flt.actor, flt.involving, flt.actor_country, flt.recipient_country, flt.location_country,
                         flt.type, flt.q) if v]
    span = " to ".join(d for d in (flt.since, flt.until) if d)
    return "Situation report" + (f": {', '.join(parts)}" if parts else "") + (f", {span}" if span else "")


def _event_id(r) -> str:
    return f"{r['article_id']}/{r['event_id']}"


def _party(r, side: str) -> str | None:
    name, code = r[f"{side}_name"], r[f"{side}_code"]
    return f"{name} ({code})" if name and code and code != name else (name or code)


class _Related:
    """What the report needs beyond the matching events: the other reports of their clusters, the
    claims they rest on, every claim of their articles (for relay chains) and the articles' texts."""

    def __init__(self, mates, claims_of, siblings, texts):
        self.mates: dict[int, list[Any]] = mates  # cluster id -> its events (every article's)
        self.claims_of: dict[int, list[Any]] = claims_of  # event pk -> the claims it rests on
        self.siblings: dict[tuple[str, str], Any] = siblings  # (article id, claim id) -> claim
        self.texts: dict[str, str] = texts
        self._members: dict[str, list[str]] = {}

    @classmethod
    def read(cls, conn: Connection, rows: list[dict[str, Any]]) -> "_Related":
        e, c, ec = S.events.c, S.claims.c, S.event_claims.c
        clusters = sorted({r["cluster_id"] for r in rows if r["cluster_id"] is not None})
        mates: dict[int, list[Any]] = defaultdict(list)
        if clusters:
            q = Q.events_select(EventFilter()).where(e.cluster_id.in_(clusters)).order_by(e.day, e.pk)
            for m in conn.execute(q):
                mates[m.cluster_id].append(dict(m._mapping))
        events = {r["pk"]: r for r in rows} | {m["pk"]: m for ms in mates.values() for m in ms}
        claims_of: dict[int, list[Any]] = defaultdict(list)
        for claim in Q.rows_in(conn, select(ec.event_pk, S.claims).join(S.claims, c.pk == ec.claim_pk).order_by(c.pk),
                               ec.event_pk, list(events)):
            claims_of[claim.event_pk].append(claim)
        articles = sorted({r["article_id"] for r in events.values()})
        siblings = {(s.article_id, s.claim_id): s for s in Q.rows_in(conn, select(S.claims), c.article_id, articles)}
        texts = Q.article_texts(conn, articles)
        return cls(mates, claims_of, siblings, texts)

    def members(self, contested_id: str) -> list[str]:
        return self._members.get(contested_id, [])

    def contested(self, rows: list[dict[str, Any]]) -> list[Contested]:
        """The contested events among ``rows``, one entry per disagreeing cluster or event, in report order."""
        out: dict[str, Contested] = {}
        for r in sorted(rows, key=lambda r: (r["day"] or "9999", r["pk"])):
            cluster = self.mates.get(r["cluster_id"]) if r["cluster_id"] is not None else None
            key = f"cluster-{r['cluster_id']}"
            if cluster and key not in out and self._reports_disagree(cluster):
                out[key] = self._cluster_entry(key, r, cluster)
                self._members[key] = [_event_id(m) for m in cluster]
            elif _event_id(r) not in out and not any(_event_id(r) in m for m in self._members.values()):
                claims = self.claims_of.get(r["pk"], [])
                if _claims_disagree(claims):
                    out[_event_id(r)] = self._claims_entry(r, claims)
                    self._members[_event_id(r)] = [_event_id(r)]
        return list(out.values())

    @staticmethod
    def _reports_disagree(cluster: list[dict[str, Any]]) -> bool:
        told = {m["factuality"] for m in cluster}
        return bool(told & set(TOLD)) and bool(told & set(GAINSAID))

    def _cluster_entry(self, key: str, r, cluster) -> Contested:
        sides: dict[str, list[Telling]] = {"asserts": [], "denies": []}
        for m in cluster:
            side = "asserts" if m["factuality"] in TOLD else "denies" if m["factuality"] in GAINSAID else None
            if side:
                claims = self.claims_of.get(m["pk"], [])
                who = ", ".join(dict.fromkeys(_speaker(c) for c in claims)) or m["article_outlet"] or "the article"
                sides[side].append(self._telling(m, who=who, how=m["factuality"], text=self.evidence(m),
                                                 chain=self.chain(claims[0]) if claims else []))
        why = (f"{len(cluster)} reports of one event disagree: "
               f"{_count(sides['asserts'], 'tells', 'tell')} it as having happened, {len(sides['denies'])} as denied or negated")
        return self._entry(key, r, why, sides)

    def _claims_entry(self, r, claims) -> Contested:
        sides: dict[str, list[Telling]] = {"asserts": [], "denies": []}
        for c in claims:
            sides["denies" if c.stance == "deny" else "asserts"].append(
                self._telling(r, who=_speaker(c), how=c.stance or "assert", text=c.content_text,
                              cue=c.cue_words or c.cue_text, chain=self.chain(c)))
        return self._entry(_event_id(r), r, "the claims it rests on disagree: one asserts it, another denies it", sides)

    @staticmethod
    def _entry(key: str, r, why: str, sides: dict[str, list[Telling]]) -> Contested:
        return Contested(id=key, type=r["type"], actor=_party(r, "actor"), recipient=_party(r, "recipient"),
                         day=r["day"], why=why, asserts=sides["asserts"], denies=sides["denies"])

    @staticmethod
    def _telling(r, **values: Any) -> Telling:
        return Telling(article_id=r["article_id"], article_title=r["article_title"], article_url=r["article_url"],
                       outlet=r["article_outlet"], published=r["article_published"], **values)

    def chain(self, claim) -> list[str]:
        """The sources a claim was relayed through (``via``), nearest first; a loop ends it."""
        out, seen, via = [], {claim.claim_id}, claim.via
        while via and via not in seen and (link := self.siblings.get((claim.article_id, via))) is not None:
            seen.add(via)
            out.append(_speaker(link))
            via = link.via
        return out

    def evidence(self, r) -> str | None:
        return span_text(self.texts.get(r["article_id"], ""), r["evidence"], sep=" … ")

    def report_event(self, r, contested: str | None) -> ReportEvent:
        where = r["location_name"] or r["location_country"]
        return ReportEvent(
            id=_event_id(r), article_id=r["article_id"], event_id=r["event_id"], day=r["day"], type=r["type"],
            quad_class=r["quad_class"], goldstein=r["goldstein"], factuality=r["factuality"],
            actor=_party(r, "actor"), recipient=_party(r, "recipient"), location=where, evidence=self.evidence(r),
            sources=list(dict.fromkeys(_speaker(c) for c in self.claims_of.get(r["pk"], []))),
            article_title=r["article_title"], article_url=r["article_url"], outlet=r["article_outlet"],
            published=r["article_published"], contested=contested)


def _claims_disagree(claims) -> bool:
    stances = {c.stance or "assert" for c in claims}
    return "deny" in stances and len(stances) > 1


def _speaker(claim) -> str:
    return claim.speaker or claim.speaker_text or "an unnamed source"


def _count(items: list, one: str, many: str) -> str:
    return f"{len(items)} {one if len(items) == 1 else many}"
