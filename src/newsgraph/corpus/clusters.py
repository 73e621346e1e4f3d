"""Event clusters: one real-world event reported by many articles.

Two events join one cluster when they have the same PLOVER type, the same actor and
recipient countries (either order for symmetric types such as CONSULT), days within a
window of each other, and places that do not contradict (same location country, or one
unknown). A cluster counts its mentions (evidence spans), articles and distinct outlets,
like GDELT's NumMentions, NumArticles and NumSources, and keeps its earliest report.
"""
from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date

# Types whose actor and recipient can swap without changing the event.
SYMMETRIC_TYPES = frozenset({"CONSULT", "COOPERATE", "AGREE"})


@dataclass(frozen=True)
class EventFacts:
    """What clustering needs to know of one stored event."""

    key: str  # the event's store key (article id + event id)
    article_id: str
    type: str
    actor_country: str | None
    recipient_country: str | None
    day: str | None  # ISO day the event is filed under
    location_country: str | None = None
    outlet: str | None = None
    published: str | None = None
    mentions: int = 1


def cluster_key(ev: EventFacts) -> tuple[str, str, str]:
    """The part of an event that must be equal within a cluster."""
    a, r = ev.actor_country or "-", ev.recipient_country or "-"
    if ev.type in SYMMETRIC_TYPES and r < a:
        a, r = r, a
    return ev.type, a, r


def _days_apart(a: str | None, b: str | None) -> int | None:
    if not a or not b:
        return None
    try:
        return abs((date.fromisoformat(a[:10]) - date.fromisoformat(b[:10])).days)
    except ValueError:
        return None


@dataclass
class Cluster:
    id: int
    key: tuple[str, str, str]
    day: str | None
    location_country: str | None = None
    events: list[str] = field(default_factory=list)
    articles: set[str] = field(default_factory=set)
    outlets: set[str] = field(default_factory=set)
    mentions: int = 0
    first_reported: str | None = None

    def accepts(self, ev: EventFacts, window_days: int) -> bool:
        if cluster_key(ev) != self.key:
            return False
        apart = _days_apart(self.day, ev.day)
        if apart is None:
            if self.day or ev.day:  # a dated and an undated event: not the same one
                return False
        elif apart > window_days:
            return False
        return not (self.location_country and ev.location_country and self.location_country != ev.location_country)

    def take(self, ev: EventFacts) -> None:
        self.events.append(ev.key)
        self.articles.add(ev.article_id)
        if ev.outlet:
            self.outlets.add(ev.outlet)
        self.mentions += max(1, ev.mentions)
        self.location_country = self.location_country or ev.location_country
        if ev.published and (self.first_reported is None or ev.published < self.first_reported):
            self.first_reported = ev.published

    def summary(self) -> dict:
        return {"cluster": self.id, "type": self.key[0], "actor_country": None if self.key[1] == "-" else self.key[1],
                "recipient_country": None if self.key[2] == "-" else self.key[2], "day": self.day,
                "location_country": self.location_country, "num_mentions": self.mentions,
                "num_articles": len(self.articles), "num_sources": len(self.outlets),
                "first_reported": self.first_reported}


def nearest(candidates: Iterable[Cluster], ev: EventFacts, window_days: int) -> Cluster | None:
    """The cluster among ``candidates`` that accepts ``ev`` with the closest day, or None."""
    best: tuple[int, Cluster] | None = None
    for c in candidates:
        if c.accepts(ev, window_days):
            apart = _days_apart(c.day, ev.day) or 0
            if best is None or apart < best[0]:
                best = (apart, c)
    return best[1] if best else None


class Clusterer:
    """Assigns events to clusters incrementally, in the order they are given."""

    def __init__(self, window_days: int = 3, clusters: Iterable[Cluster] = ()):
        if window_days < 0:
            raise ValueError(f"cluster window must be >= 0 days, not {window_days}")
        self.window_days = window_days
        self._by_key: dict[tuple[str, str, str], list[Cluster]] = {}
        self._next = 1
        for c in clusters:
            self._by_key.setdefault(c.key, []).append(c)
            self._next = max(self._next, c.id + 1)

    @property
    def clusters(self) -> list[Cluster]:
        return sorted((c for cs in self._by_key.values() for c in cs), key=lambda c: c.id)

    def assign(self, ev: EventFacts) -> Cluster:
        """The cluster ``ev`` joins, made new when none accepts it."""
        candidates = self._by_key.setdefault(cluster_key(ev), [])
        cluster = nearest(candidates, ev, self.window_days)
        if cluster is None:
            cluster = Cluster(id=self._next, key=cluster_key(ev), day=ev.day)
            self._next += 1
            candidates.append(cluster)
        cluster.take(ev)
        return cluster
