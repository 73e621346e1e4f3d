"""Scoring one record against one gold annotation, as ``../shared/gold/README.md`` defines it.

Entry point: :func:`score` (gold dict, :class:`~newsgraph.record.Record`) -> :class:`Score`.
Scores add up (``Score.add``) so that several articles give micro-averaged totals.

Choices the gold README leaves open, made here once:

- A predicted event with extra actors (``actors_extra``: "Russia and China voted ...")
  stands for one event per distinct actor country.
- Matching is one-to-one and greedy over all candidate pairs, best pairs first:
  non-optional gold first, then optional gold (whose matches are set aside, neither
  true nor false positives). Events: an event matches in the written direction or
  swapped; ties prefer the written direction, then equal factuality, equal date,
  higher confidence. Claims: the higher share of gold content tokens covered wins,
  then the shorter predicted content. A predicted claim that a matched claim names as
  its ``via`` is set aside when the gold claim has a ``via`` (the relay, not an extra).
- Date accuracy counts a matched pair right when the dates are equal (null = null).
- Claim content overlap: the gold content is located in the text; the share of its
  tokens that the predicted content span touches must be >= 1/2. A gold content that
  cannot be located falls back to the share of its tokens found among the predicted
  content's tokens.
- Speaker: right when the predicted speaker (span text, or the name of the actor it
  resolves to) shares a content token with the gold speaker (or with the name of the
  gold actor that the gold speaker names), or when both are the same words ("he").
- Actors: recall is gold actors found; precision counts predicted actors: right (a
  mention overlaps an alias of a gold actor of its country), wrong (overlaps an alias
  but the country differs) or extra (overlaps no gold actor alias, place or speaker);
  predicted actors that overlap only gold places or claim speakers are not counted,
  since the gold does not list them as actors.
- Timexes and places: found when a predicted span overlaps an occurrence of the gold
  text (places: or the predicted name equals it); value / country accuracy over found.
"""
from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from typing import Any

from newsgraph.evaluate.text import Span, TextIndex, content_tokens, normalise, overlaps, token_spans, tokens
from newsgraph.record import Record


@dataclass
class PRF:
    """Counts for precision / recall / F1. ``tp_pred`` is the number of right predictions
    when it can differ from the gold items found (actors); by default it equals ``tp``."""

    tp: int = 0
    fp: int = 0
    fn: int = 0
    tp_pred: int | None = None

    @property
    def right_predictions(self) -> int:
        return self.tp if self.tp_pred is None else self.tp_pred

    @property
    def precision(self) -> float:
        n = self.right_predictions + self.fp
        return self.right_predictions / n if n else 0.0

    @property
    def recall(self) -> float:
        n = self.tp + self.fn
        return self.tp / n if n else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def add(self, other: "PRF") -> None:
        if self.tp_pred is not None or other.tp_pred is not None:
            self.tp_pred = self.right_predictions + other.right_predictions
        self.tp += other.tp
        self.fp += other.fp
        self.fn += other.fn

    def to_dict(self) -> dict[str, Any]:
        d = {"tp": self.tp, "fp": self.fp, "fn": self.fn,
             "precision": round(self.precision, 4), "recall": round(self.recall, 4), "f1": round(self.f1, 4)}
        if self.tp_pred is not None:
            d["tp_pred"] = self.tp_pred
        return d


@dataclass
class Accuracy:
    correct: int = 0
    total: int = 0

    @property
    def accuracy(self) -> float:
        return self.correct / self.total if self.total else 0.0

    def count(self, right: bool) -> None:
        self.total += 1
        self.correct += int(right)

    def add(self, other: "Accuracy") -> None:
        self.correct += other.correct
        self.total += other.total

    def to_dict(self) -> dict[str, Any]:
        return {"correct": self.correct, "total": self.total, "accuracy": round(self.accuracy, 4)}


@dataclass
class Found(Accuracy):
    """Accuracy over found gold items, plus how many gold items there were."""

    gold: int = 0

    def add(self, other: "Found") -> None:  # type: ignore[override]
        super().add(other)
        self.gold += other.gold

    def to_dict(self) -> dict[str, Any]:
        return {"found": self.total, "gold": self.gold, **super().to_dict()}


@dataclass
class Score:
    """Everything measured for one gold file (or, after ``add``, several)."""

    articles: int = 1
    events: PRF = field(default_factory=PRF)
    factuality: Accuracy = field(default_factory=Accuracy)
    dates: Accuracy = field(default_factory=Accuracy)
    claims: PRF = field(default_factory=PRF)
    speakers: Accuracy = field(default_factory=Accuracy)
    actors: PRF = field(default_factory=lambda: PRF(tp_pred=0))
    sectors: Accuracy = field(default_factory=Accuracy)
    timexes: Found = field(default_factory=Found)
    places: Found = field(default_factory=Found)
    # Human-readable lists, per section: "misses" (gold not found), "extras" (false positives),
    # "wrong" (matched but a detail differs).
    details: dict[str, dict[str, list[str]]] = field(default_factory=dict)

    def add(self, other: "Score") -> None:
        self.articles += other.articles
        for name in ("events", "factuality", "dates", "claims", "speakers", "actors", "sectors", "timexes", "places"):
            getattr(self, name).add(getattr(other, name))
        for section, lists in other.details.items():
            mine = self.details.setdefault(section, {})
            for kind, items in lists.items():
                mine.setdefault(kind, []).extend(items)

    def note(self, section: str, kind: str, item: str) -> None:
        self.details.setdefault(section, {}).setdefault(kind, []).append(item)

    def figures(self) -> dict[str, Any]:
        """The figures as plain JSON-ready data."""
        return {
            "articles": self.articles,
            "events": {**self.events.to_dict(), "factuality": self.factuality.to_dict(), "date": self.dates.to_dict()},
            "claims": {**self.claims.to_dict(), "speaker": self.speakers.to_dict()},
            "actors": {**self.actors.to_dict(), "found": self.actors.tp, "gold": self.actors.tp + self.actors.fn,
                       "sector": self.sectors.to_dict()},
            "timexes": self.timexes.to_dict(),
            "places": self.places.to_dict(),
        }

    def to_dict(self) -> dict[str, Any]:
        return {**self.figures(), "details": self.details}

    def summary(self) -> str:
        """One line: the headline figures."""
        return (f"events F1 {self.events.f1:.2f} | claims F1 {self.claims.f1:.2f} | "
                f"actors found {self.actors.tp}/{self.actors.tp + self.actors.fn} | "
                f"factuality {self.factuality.correct}/{self.factuality.total} | "
                f"dates {self.dates.correct}/{self.dates.total} | "
                f"speakers {self.speakers.correct}/{self.speakers.total} | "
                f"sectors {self.sectors.correct}/{self.sectors.total} | "
                f"timexes {self.timexes.correct}/{self.timexes.gold} | "
                f"places {self.places.correct}/{self.places.gold}")


def score(gold: dict[str, Any], record: Record) -> Score:
    """Score ``record`` against ``gold`` (a parsed ``*.gold.json``)."""
    index = TextIndex(record.article.text)
    result = Score()
    _score_events(gold, record, index, result)
    _score_claims(gold, record, index, result)
    _score_actors(gold, record, index, result)
    _score_timexes(gold, record, index, result)
    _score_places(gold, record, index, result)
    return result


# --- matching -------------------------------------------------------------------------

def _greedy(pairs: list[tuple[tuple, int, int]]) -> list[tuple[int, int]]:
    """One-to-one matching: pairs ``(rank, gold_i, pred_i)`` taken best rank first."""
    used_gold: set[int] = set()
    used_pred: set[int] = set()
    chosen = []
    for _rank, g, p in sorted(pairs, key=lambda x: x[0], reverse=True):
        if g in used_gold or p in used_pred:
            continue
        used_gold.add(g)
        used_pred.add(p)
        chosen.append((g, p))
    return chosen


def _match_two_tiers(gold: list[dict], candidates: list[tuple[tuple, int, int]]) -> tuple[dict[int, int], set[int]]:
    """Match non-optional gold first, then optional gold with the predictions left.

    Returns {gold index: prediction index} for non-optional gold, and the prediction
    indices set aside because they matched optional gold.
    """
    required = [c for c in candidates if not gold[c[1]].get("optional")]
    matched = dict(_greedy(required))
    taken = set(matched.values())
    optional = [c for c in candidates if gold[c[1]].get("optional") and c[2] not in taken]
    ignored = {p for _g, p in _greedy(optional)}
    return matched, ignored


# --- events ---------------------------------------------------------------------------

@dataclass
class _PredEvent:
    type: str
    actor: str | None
    recipient: str | None
    factuality: str
    date: str | None
    confidence: float
    label: str


def _predicted_events(record: Record) -> list[_PredEvent]:
    out = []
    text = record.article.text
    for ev in record.events:
        recipient = record.actor(ev.recipient)
        r_country = recipient.country if recipient else None
        actor_ids = [ev.actor] + [a for a in (getattr(ev, "actors_extra", None) or []) if a != ev.actor]
        seen = set()
        for actor_id in actor_ids:
            actor = record.actor(actor_id)
            a_country = actor.country if actor else None
            if a_country in seen:
                continue
            seen.add(a_country)
            where = ev.trigger or (ev.evidence[0] if ev.evidence else None)
            snippet = _snippet(text, ev.evidence[0]) if ev.evidence else (text[where[0]:where[1]] if where else "")
            out.append(_PredEvent(ev.type, a_country, r_country, ev.factuality, ev.date, float(ev.confidence or 0.0),
                                  f"{ev.type} {a_country}->{r_country} [{ev.factuality}, {ev.date}] {ev.id}: {snippet}"))
    return out


def _event_rank(g: dict, p: _PredEvent) -> tuple | None:
    if p.type != g.get("type"):
        return None
    ga, gr = g.get("actor"), g.get("recipient")
    direct = (p.actor, p.recipient) == (ga, gr)
    if not direct and (p.recipient, p.actor) != (ga, gr):
        return None
    return (direct, p.factuality == g.get("factuality"), p.date == g.get("date"), p.confidence)


def _gold_event_label(g: dict) -> str:
    opt = " (optional)" if g.get("optional") else ""
    return (f"{g.get('type')} {g.get('actor')}->{g.get('recipient')} [{g.get('factuality')}, {g.get('date')}]{opt}: "
            f"{g.get('evidence', '')}")


def _found(gold_items: list[dict], matched: dict[int, int], result: Score, kind: str, label):
    """Count each required gold item of ``kind`` as found or missed (noted with ``label``); yield
    the found ones with the index of the prediction matched to each."""
    counts = getattr(result, kind)
    for gi, g in enumerate(gold_items):
        if g.get("optional"):
            continue
        if gi not in matched:
            counts.fn += 1
            result.note(kind, "misses", label(g))
            continue
        counts.tp += 1
        yield g, matched[gi]


def _score_events(gold: dict, record: Record, index: TextIndex, result: Score) -> None:
    gold_events = gold.get("events", [])
    preds = _predicted_events(record)
    candidates = []
    for gi, g in enumerate(gold_events):
        for pi, p in enumerate(preds):
            rank = _event_rank(g, p)
            if rank is not None:
                candidates.append((rank, gi, pi))
    matched, ignored = _match_two_tiers(gold_events, candidates)
    for g, pi in _found(gold_events, matched, result, "events", _gold_event_label):
        p = preds[pi]
        result.factuality.count(p.factuality == g.get("factuality"))
        result.dates.count(p.date == g.get("date"))
        if p.factuality != g.get("factuality") or p.date != g.get("date"):
            result.note("events", "wrong", f"gold {_gold_event_label(g)}  <>  predicted {p.label}")
    used = set(matched.values()) | ignored
    for pi, p in enumerate(preds):
        if pi not in used:
            result.events.fp += 1
            result.note("events", "extras", p.label)


# --- claims ---------------------------------------------------------------------------

def _claim_overlap(gold_content: str, occurrences: list[Span], text: str, pred: Span) -> float:
    """Share of the gold content's tokens that the predicted content covers."""
    best = 0.0
    for occ in occurrences:
        toks = token_spans(text, occ)
        if toks:
            best = max(best, sum(overlaps(t, pred) for t in toks) / len(toks))
    if not occurrences:
        gold_toks = Counter(tokens(gold_content))
        if gold_toks:
            pred_toks = Counter(tokens(text[pred[0]:pred[1]]))
            best = sum((gold_toks & pred_toks).values()) / sum(gold_toks.values())
    return best


def _gold_speaker_names(gold: dict, speaker: str) -> set[str]:
    """Content tokens of the gold speaker, plus those of the gold actor it names."""
    names = content_tokens(speaker)
    key = normalise(speaker).lower()
    for actor in gold.get("actors", []):
        forms = [actor.get("name", "")] + list(actor.get("aliases", []))
        if any(normalise(f).lower() in (key, f"the {key}") or key == f"the {normalise(f).lower()}" for f in forms):
            names |= content_tokens(actor.get("name", ""))
    return names


def _speaker_right(gold: dict, g: dict, record: Record, claim) -> bool:
    text = record.article.text
    pred_text = text[claim.speaker_span[0]:claim.speaker_span[1]] if claim.speaker_span else ""
    gold_speaker = g.get("speaker") or ""
    if pred_text and normalise(pred_text).lower() == normalise(gold_speaker).lower():
        return True
    pred_names = content_tokens(pred_text)
    actor = record.actor(claim.speaker)
    if actor is not None:
        pred_names |= content_tokens(actor.name)
    return bool(pred_names & _gold_speaker_names(gold, gold_speaker))


def _claim_label(record: Record, claim) -> str:
    text = record.article.text
    speaker = text[claim.speaker_span[0]:claim.speaker_span[1]] if claim.speaker_span else "?"
    cue = text[claim.cue[0]:claim.cue[1]] if claim.cue else "?"
    return f"{speaker} / {cue} / {_snippet(text, claim.content)}"


def _gold_claim_label(g: dict) -> str:
    opt = " (optional)" if g.get("optional") else ""
    return f"{g.get('speaker')} / {g.get('cue')} / {g.get('content')}{opt}"


def _score_claims(gold: dict, record: Record, index: TextIndex, result: Score) -> None:
    gold_claims = gold.get("claims", [])
    text = record.article.text
    candidates = []
    for gi, g in enumerate(gold_claims):
        content = g.get("content") or ""
        occurrences = index.find_all(content)
        for pi, c in enumerate(record.claims):
            if not c.content:
                continue
            share = _claim_overlap(content, occurrences, text, tuple(c.content))
            if share >= 0.5:
                # Ties (two predictions both cover the gold content) go to the tighter content:
                # "Peskov stated that X" relayed by outlets vs "X" said by Peskov.
                n_pred = len(tokens(text[c.content[0]:c.content[1]])) or 1
                candidates.append(((share, -n_pred), gi, pi))
    matched, ignored = _match_two_tiers(gold_claims, candidates)
    for g, pi in _found(gold_claims, matched, result, "claims", _gold_claim_label):
        claim = record.claims[pi]
        right = _speaker_right(gold, g, record, claim)
        result.speakers.count(right)
        if not right:
            result.note("claims", "wrong", f"speaker: gold {g.get('speaker')!r} <> predicted {_claim_label(record, claim)}")
    # The gold writes a relay as `via` on the claim ("Peskov stated ..." via "Russian news
    # outlets"); a record may write it as a claim of its own that the matched one points to.
    by_id = {c.id: pi for pi, c in enumerate(record.claims)}
    relays = {by_id[record.claims[pi].via] for gi, pi in matched.items()
              if gold_claims[gi].get("via") and record.claims[pi].via in by_id}
    used = set(matched.values()) | ignored | relays
    for pi, c in enumerate(record.claims):
        if pi not in used:
            result.claims.fp += 1
            result.note("claims", "extras", _claim_label(record, c))


# --- actors ---------------------------------------------------------------------------

def _score_actors(gold: dict, record: Record, index: TextIndex, result: Score) -> None:
    gold_actors = gold.get("actors", [])
    alias_spans = [[s for alias in a.get("aliases", []) + [a.get("name", "")] for s in index.find_all(alias)]
                   for a in gold_actors]
    neutral = [s for p in gold.get("places", []) for s in index.find_all(p.get("text", ""))]
    neutral += [s for c in gold.get("claims", []) for s in index.find_all(c.get("speaker") or "")]

    def touches(actor, spans: list[Span]) -> bool:
        return any(overlaps(tuple(m), s) for m in actor.mentions for s in spans)

    for ga, spans in zip(gold_actors, alias_spans):
        hits = [a for a in record.actors if a.country == ga.get("country") and touches(a, spans)]
        if not hits:
            result.actors.fn += 1
            where = "alias not in text" if not spans else "no predicted actor of that country on its mentions"
            result.note("actors", "misses", f"{ga.get('name')} ({ga.get('country')}): {where}")
            continue
        result.actors.tp += 1
        sectors = ga.get("sector") or []
        if isinstance(sectors, str):
            sectors = [sectors]
        right = any(a.sector in sectors for a in hits)
        result.sectors.count(right)
        if not right:
            result.note("actors", "wrong", f"{ga.get('name')}: sector {hits[0].sector} not in {sectors}")
    text = record.article.text
    for a in record.actors:
        touched = [ga for ga, spans in zip(gold_actors, alias_spans) if touches(a, spans)]
        label = f"{a.name} ({a.country}, {a.sector}) at {_snippet(text, tuple(a.mentions[0])) if a.mentions else '?'}"
        if any(ga.get("country") == a.country for ga in touched):
            result.actors.tp_pred = (result.actors.tp_pred or 0) + 1
        elif touched:
            result.actors.fp += 1
            result.note("actors", "extras", f"{label}: wrong country for {touched[0].get('name')} ({touched[0].get('country')})")
        elif not touches(a, neutral):
            result.actors.fp += 1
            result.note("actors", "extras", label)


# --- timexes and places -----------------------------------------------------------------

def _score_timexes(gold: dict, record: Record, index: TextIndex, result: Score) -> None:
    for g in gold.get("timexes", []):
        result.timexes.gold += 1
        spans = index.find_all(g.get("text", ""))
        hits = [t for t in record.timexes if any(overlaps(tuple(t.span), s) for s in spans)]
        if not hits:
            result.note("timexes", "misses", f"{g.get('text')!r} = {g.get('value')}" + ("" if spans else " (not in text)"))
            continue
        right = any(t.value == g.get("value") for t in hits)
        result.timexes.count(right)
        if not right:
            result.note("timexes", "wrong", f"{g.get('text')!r}: gold {g.get('value')} <> predicted "
                        + ", ".join(f"{t.text!r}={t.value}" for t in hits))


def _score_places(gold: dict, record: Record, index: TextIndex, result: Score) -> None:
    for g in gold.get("places", []):
        result.places.gold += 1
        name = g.get("text", "")
        spans = index.find_all(name)
        key = normalise(name).lower()
        hits = [p for p in record.places
                if any(overlaps(tuple(p.span), s) for s in spans) or normalise(p.name or "").lower() == key]
        if not hits:
            result.note("places", "misses", f"{name} ({g.get('country')})")
            continue
        right = any(p.country == g.get("country") for p in hits)
        result.places.count(right)
        if not right:
            result.note("places", "wrong", f"{name}: gold {g.get('country')} <> predicted "
                        + ", ".join(f"{p.name}={p.country}" for p in hits))


def _snippet(text: str, span: Span | None, width: int = 90) -> str:
    if not span:
        return ""
    s = " ".join(text[span[0]:span[1]].split())
    return s if len(s) <= width else s[: width - 1] + "…"


