"""Claims: who says so (the claims ledger) and each event's factuality.

Entry point: :func:`attribute`. It runs after the actors and events stages: the
speakers it finds are looked up among the actors (pronouns included, as the actors
stage resolved them), and each event is given a factuality from the claims that hold
it and the modality of its own clause (:mod:`newsgraph.claims.factuality`).
"""
from __future__ import annotations

import logging

from newsgraph.claims.attribution import Found, find_attributions
from newsgraph.claims.factuality import assess_events, link_contradictions
from newsgraph.record import Claim, Record
from newsgraph.stage import stage

LOGGER = logging.getLogger(__name__)

__all__ = ["attribute", "find_claims"]


def find_claims(record: Record, doc) -> list[Claim]:
    """The claims of ``record``'s article, speakers resolved to actors where possible."""
    found = find_attributions(doc, record.article.text)
    return [_claim(record, k, f) for k, f in enumerate(found)]


def _claim(record: Record, k: int, f: Found) -> Claim:
    speaker = None
    if f.speaker_head is not None:
        actor = record.actor_at(*f.speaker_head)
        if actor is None and f.speaker is not None:
            # the phrase up to its head word: "a student, who spoke with VOA, ..." must not become VOA
            actor = record.actor_at(f.speaker[0], max(f.speaker_head[1], f.speaker[0] + 1))
        speaker = actor.id if actor else None
    return Claim(
        id=f"c{k + 1}", speaker=speaker, speaker_span=f.speaker, cue=f.cue, content=f.content,
        direct=f.direct, anonymous=f.anonymous, stance=f.stance,
        via=f"c{f.via + 1}" if f.via is not None else None, cue_text=f.cue_text,
        relayed=f.relayed)


@stage("claims", reads=("doc", "actors", "events"),
       writes=("claims", "events.factuality", "events.modality", "events.claims"))
def attribute(record: Record, doc) -> None:
    """Fill ``record.claims`` and set each event's ``factuality`` and ``claims``."""
    record.claims = find_claims(record, doc)
    assess_events(record, doc)
    link_contradictions(record, doc)
    LOGGER.debug("%s: %d claims", record.article.id, len(record.claims))
