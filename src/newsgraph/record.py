"""The article record: newsgraph's stable output contract (schema ``newsgraph.article/1``).

Every stage reads and extends one :class:`Record`. ``Record.to_dict()`` gives the
JSON object described in the contract; fields are only ever added, never renamed.
Offsets are Python string indices into ``Article.text`` (the cleaned body), end exclusive.
"""
from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any

from newsgraph.spans import Span, SpanIndex

SCHEMA = "newsgraph.article/1"

FACTUALITY = ("asserted", "reported", "planned", "hypothetical", "negated", "denied")
# When several values apply, the first in this order wins (gold README).
FACTUALITY_PRECEDENCE = ("denied", "negated", "hypothetical", "planned", "reported", "asserted")
STANCES = ("assert", "deny", "warn", "demand", "promise", "question")


@dataclass
class Removed:
    text: str
    reason: str
    line: int | None = None  # 1-based line number in the raw body, when known


@dataclass
class Article:
    id: str
    text: str
    title: str = ""
    url: str | None = None
    outlet: str | None = None
    published: str | None = None  # ISO date (YYYY-MM-DD) or None
    language: str | None = "en"
    removed: list[Removed] = field(default_factory=list)
    source: str | None = None  # where it was read from: "path[:line]"
    metadata: dict[str, Any] = field(default_factory=dict)
    skipped: str | None = None  # reason, when the article is not processed (e.g. not English)


@dataclass
class Actor:
    id: str
    name: str
    type: str  # person | organization | country | metonym | group
    country: str | None = None
    sector: str | None = None
    code: str | None = None
    title: str | None = None
    mentions: list[Span] = field(default_factory=list)


@dataclass
class Event:
    id: str
    type: str
    mode: str | None = None
    context: list[str] = field(default_factory=list)
    cameo: str | None = None
    quad_class: int | None = None
    goldstein: float | None = None
    actor: str | None = None
    recipient: str | None = None
    actor_code: str | None = None
    recipient_code: str | None = None
    factuality: str = "asserted"
    claims: list[str] = field(default_factory=list)
    date: str | None = None
    date_text: str | None = None
    location: dict[str, Any] | None = None
    evidence: list[Span] = field(default_factory=list)
    trigger: Span | None = None
    confidence: float = 0.5
    # Extra actors of a compound ("Russia and China voted ...") beyond actor/recipient.
    actors_extra: list[str] = field(default_factory=list)
    # Every factuality value found for the event, strongest first, and "future" (PLOVER's
    # auxiliary mode) when its clause is in the future tense: "said it will visit" is
    # ["planned", "reported", "future"]; ``factuality`` is the strongest.
    modality: list[str] = field(default_factory=list)
    # The PLOVER category after the codebook's reductions of type + auxiliary mode (a future
    # visit is AGREE, an announced withdrawal CONCEDE); ``type`` keeps what would happen.
    plover_type: str | None = None


@dataclass
class Claim:
    id: str
    speaker: str | None
    speaker_span: Span | None
    cue: Span
    content: Span
    direct: bool = False
    anonymous: bool = False
    stance: str = "assert"
    via: str | None = None
    cue_text: str | None = None
    # Heard second-hand by the narrator ("Peskov was reported as saying"): events it holds are reported.
    relayed: bool = False
    # The claim this one contradicts (a denial of what another side claimed), or None.
    contradicts: str | None = None


@dataclass
class Timex:
    span: Span
    text: str
    value: str | None
    type: str = "DATE"  # DATE | DURATION | SET | TIME


@dataclass
class Place:
    span: Span
    name: str
    country: str | None = None
    lat: float | None = None
    lon: float | None = None
    geonameid: int | None = None
    resolved: bool = True
    feature: str | None = None  # city | country | admin1 | unresolved ...


@dataclass
class Record:
    article: Article
    actors: list[Actor] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    claims: list[Claim] = field(default_factory=list)
    timexes: list[Timex] = field(default_factory=list)
    places: list[Place] = field(default_factory=list)

    _index: "_ActorIndex | None" = field(default=None, init=False, repr=False, compare=False)

    def actor(self, actor_id: str | None) -> Actor | None:
        """The actor with this id, or None."""
        if actor_id is None:
            return None
        return self._actor_index().by_id.get(actor_id)

    def actor_at(self, start: int, end: int) -> Actor | None:
        """The actor one of whose mentions overlaps ``[start, end)`` most, or None (on a
        tie, the mention that starts first, then the shorter, then the actor listed first)."""
        return self._actor_index().at(start, end)

    def actors_with_mention(self, span: Span) -> list[Actor]:
        """The actors that have exactly this mention, in the record's order."""
        return self._actor_index().by_mention.get(tuple(span), [])

    def _actor_index(self) -> "_ActorIndex":
        # Stages look actors up thousands of times in a long article; scanning every
        # mention each time made them quadratic. The index is rebuilt when actors are
        # added or replaced; an actor's mentions are fixed once it is on the record.
        if self._index is None or not self._index.fits(self.actors):
            self._index = _ActorIndex(self.actors)
        return self._index

    def __getstate__(self) -> dict[str, Any]:
        # Records cross process boundaries; the index is rebuilt on demand, not shipped.
        return {**self.__dict__, "_index": None}

    def to_dict(self) -> dict[str, Any]:
        art = self.article
        article = {
            "id": art.id,
            "url": art.url,
            "outlet": art.outlet,
            "title": art.title,
            "published": art.published,
            "language": art.language,
            "text": art.text,
            "removed": [asdict(r) for r in art.removed],
        }
        if art.metadata:
            article["metadata"] = art.metadata
        if art.source:
            article["source"] = art.source
        if art.skipped:
            article["skipped"] = art.skipped
        return {
            "schema": SCHEMA,
            "article": article,
            "actors": [_listify(asdict(a)) for a in self.actors],
            "events": [_listify(asdict(e)) for e in self.events],
            "claims": [_listify(asdict(c)) for c in self.claims],
            "timexes": [_listify(asdict(t)) for t in self.timexes],
            "places": [_listify(asdict(p)) for p in self.places],
        }

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> "Record":
        """Rebuild a record from its JSON form (the inverse of :meth:`to_dict`)."""
        a = dict(d["article"])
        a["removed"] = [Removed(**r) for r in a.get("removed", [])]
        known = Article.__dataclass_fields__
        article = Article(**{k: v for k, v in a.items() if k in known})
        return cls(
            article=article,
            actors=[Actor(**_tuplify(x, Actor)) for x in d.get("actors", [])],
            events=[Event(**_tuplify(x, Event)) for x in d.get("events", [])],
            claims=[Claim(**_tuplify(x, Claim)) for x in d.get("claims", [])],
            timexes=[Timex(**_tuplify(x, Timex)) for x in d.get("timexes", [])],
            places=[Place(**_tuplify(x, Place)) for x in d.get("places", [])],
        )


class _ActorIndex:
    """Actors by id, and their mentions sorted by start for overlap look-ups."""

    def __init__(self, actors: list[Actor]):
        self.source, self.count = actors, len(actors)
        self.by_id: dict[str, Actor] = {}
        self.by_mention: dict[Span, list[Actor]] = {}
        self.mentions: list[tuple[int, int, int]] = []  # (start, end, the actor's rank)
        for rank, a in enumerate(actors):
            self.by_id.setdefault(a.id, a)
            self.mentions += [(s, e, rank) for s, e in a.mentions]
            for span in dict.fromkeys(tuple(m) for m in a.mentions):
                self.by_mention.setdefault(span, []).append(a)
        self.spans = SpanIndex((s, e) for s, e, _ in self.mentions)
        self.actors = list(actors)

    def fits(self, actors: list[Actor]) -> bool:
        return actors is self.source and len(actors) == self.count

    def at(self, start: int, end: int) -> Actor | None:
        def key(i: int) -> tuple[int, int, int, int]:
            s, e, rank = self.mentions[i]
            return -(min(e, end) - max(s, start)), s, e, rank

        overlapping = self.spans.overlapping(start, end)
        return self.actors[self.mentions[min(overlapping, key=key)][2]] if overlapping else None


def _listify(obj: Any) -> Any:
    """JSON has no tuples: spans become two-element lists."""
    if isinstance(obj, dict):
        return {k: _listify(v) for k, v in obj.items()}
    if isinstance(obj, (list, tuple)):
        return [_listify(v) for v in obj]
    return obj


_SPAN_FIELDS = {"mentions", "evidence"}
_ONE_SPAN_FIELDS = {"trigger", "span", "speaker_span", "cue", "content"}


def _tuplify(d: dict[str, Any], cls: type) -> dict[str, Any]:
    out = {}
    for k, v in d.items():
        if k not in cls.__dataclass_fields__:
            continue
        if k in _SPAN_FIELDS and v is not None:
            v = [tuple(s) for s in v]
        elif k in _ONE_SPAN_FIELDS and v is not None:
            v = tuple(v)
        out[k] = v
    return out
