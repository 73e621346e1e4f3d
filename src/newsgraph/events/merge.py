"""Merge: one real-world event told several times in an article becomes one event.

Runs last (after claims, dates and places). Two events are the same real-world event when
they have the same type, the same actor and recipient countries (either order for CONSULT,
except two visits, whose direction is the visitor's), compatible dates (equal, one inside the
other, or one missing) and compatible factuality (both realised: asserted/reported; or both
unrealised: planned/hypothetical/negated/denied). The first-told event is the base; it gains
the others' evidence spans and claims, and a missing date or location; its factuality is the
strongest by the contract's precedence (a claimed arms deal that a party denies is denied),
except that a scheduled event stays planned when others speculate about it (hypothetical).

Before merging, events whose actor is "we"/"our" inside a quote get the quote's speaker
(from the claims stage); events left with no participant at all are dropped.
"""
from __future__ import annotations

import logging

from newsgraph.events.lexicon import load_lexicon
from newsgraph.events.roles import first_person_subject
from newsgraph.record import FACTUALITY_PRECEDENCE, Event, Record
from newsgraph.stage import stage

LOGGER = logging.getLogger(__name__)

REALISED = frozenset({"asserted", "reported"})
SYMMETRIC_TYPES = frozenset({"CONSULT"})


@stage("merge", reads=("events", "actors", "claims", "events.factuality", "events.date", "events.location"),
       writes=("events",))
def merge_events(record: Record, doc) -> None:
    """Join events that describe the same real-world event, keeping every evidence span."""
    _resolve_speakers(record, doc)
    lex = load_lexicon()
    kept = [e for e in record.events if _participants_ok(record, e, lex.needs_recipient)]
    merged: list[Event] = []
    for ev in kept:
        base = next((b for b in merged if _same_event(record, b, ev)), None)
        if base is None:
            merged.append(ev)
        else:
            _absorb(base, ev)
    LOGGER.debug("%s: %d events merged into %d", record.article.id, len(record.events), len(merged))
    record.events = merged


def _participants_ok(record: Record, ev: Event, needs_recipient) -> bool:
    if ev.actor is None and ev.recipient is None:
        return False
    if ev.type in needs_recipient and ev.recipient is None:
        return False
    return True


def _resolve_speakers(record: Record, doc) -> None:
    """ "We have enforced our sanctions," Miller said: the speaker is the actor."""
    if doc is None or not record.claims:
        return
    lex = load_lexicon()
    for ev in record.events:
        if ev.actor is not None or ev.trigger is None:
            continue
        span = doc.char_span(ev.trigger[0], ev.trigger[1], alignment_mode="expand")
        if span is None or not first_person_subject(span.root, lex):
            continue
        claim = next((c for c in record.claims if c.speaker and c.content[0] <= ev.trigger[0] < c.content[1]), None)
        if claim is None:
            continue
        speaker = record.actor(claim.speaker)
        if speaker is None:
            continue
        ev.actor, ev.actor_code = speaker.id, speaker.code
        if ev.recipient == speaker.id:
            ev.recipient = ev.recipient_code = None


def _country(record: Record, actor_id: str | None) -> str | None:
    actor = record.actor(actor_id)
    if actor is None:
        return None
    return actor.country or actor.id


def _same_event(record: Record, a: Event, b: Event) -> bool:
    if a.type != b.type:
        return False
    pa = (_country(record, a.actor), _country(record, a.recipient))
    pb = (_country(record, b.actor), _country(record, b.recipient))
    if pa != pb:
        both_visits = a.mode == b.mode == "visit"
        if not (a.type in SYMMETRIC_TYPES and not both_visits and pa == pb[::-1]):
            return False
    if not _dates_compatible(a.date, b.date):
        return False
    return (a.factuality in REALISED) == (b.factuality in REALISED)


def _dates_compatible(a: str | None, b: str | None) -> bool:
    if not a or not b:
        return True
    return a == b or a.startswith(b) or b.startswith(a)


def _absorb(base: Event, other: Event) -> None:
    for span in other.evidence:
        if span not in base.evidence:
            base.evidence.append(span)
    for claim in other.claims:
        if claim not in base.claims:
            base.claims.append(claim)
    if not base.date and other.date:
        base.date, base.date_text = other.date, other.date_text
    elif base.date and other.date and len(other.date) > len(base.date):
        base.date, base.date_text = other.date, other.date_text  # the more precise day
    if base.location is None and other.location is not None:
        base.location = other.location
    if {base.factuality, other.factuality} == {"planned", "hypothetical"}:
        base.factuality = "planned"  # a schedule outweighs speculation about the same event
    elif _rank(other.factuality) < _rank(base.factuality):
        base.factuality = other.factuality
    base.modality = base.modality + [m for m in other.modality if m not in base.modality]
    base.confidence = round(min(0.95, max(base.confidence, other.confidence) + 0.05), 2)


def _rank(factuality: str) -> int:
    try:
        return FACTUALITY_PRECEDENCE.index(factuality)
    except ValueError:
        return len(FACTUALITY_PRECEDENCE)
