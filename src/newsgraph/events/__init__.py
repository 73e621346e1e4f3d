"""Events: PLOVER/CAMEO event coding with actor, recipient, trigger and evidence.

Entry point: :func:`code_events`. For every token whose lemma is in the trigger lexicon
(``data/triggers.tsv``) and whose condition holds, the stage reads the event's participants
off the dependency parse (:mod:`newsgraph.events.roles`), resolves them to the actors found by
the actors stage, and codes the event with the CAMEO table (``data/cameo.tsv``). An event is
emitted only when the trigger has at least one resolved participant (nominal events need both,
or two parties of a symmetric event), so sentences without a coded trigger give none.
"""
from __future__ import annotations

import logging
from bisect import bisect_right

import numpy

from newsgraph.events.lexicon import Lexicon, Trigger, load_lexicon
from newsgraph.events.roles import (
    Participants, pos_of, find_participants, first_person_subject, match_trigger,
)
from newsgraph.record import Actor, Event, Record
from newsgraph.stage import stage

LOGGER = logging.getLogger(__name__)

__all__ = ["code_events", "load_lexicon"]

MAX_EVENTS_PER_TRIGGER = 4  # compound actor x compound recipient, capped
# Conjunctions that set a clause as the time frame of the main act, not the act reported.
BACKGROUND_MARKS = frozenset({"as", "while", "when", "whilst", "after", "before", "since", "until", "once"})


# host countries named only as places join the actors, through the actors package
@stage("events", reads=("doc", "actors"), writes=("events", "actors"))
def code_events(record: Record, doc) -> None:
    """Fill ``record.events`` from the parsed ``doc`` (spaCy Doc of ``record.article.text``)."""
    lex = load_lexicon()
    events: list[Event] = []
    seen: set[tuple] = set()
    sentences = _Sentences(doc)
    for i in _candidates(doc, lex):
        tok = doc[i]
        if pos_of(tok) is None:
            continue
        trig = match_trigger(tok, lex)
        if trig is None or trig.type is None or _obligation(tok):
            continue
        parts = find_participants(tok, trig, record, lex)
        if parts is None:
            continue
        typ = parts.type or trig.type
        pairs = _pairs(parts, trig, tok)
        if not parts.actors and first_person_subject(tok, lex):
            # "we have enforced our sanctions": the speaker, resolved by merge from the claims
            pairs = [(None, r) for r in parts.recipients[:1]] or [(None, None)]
        if not pairs:
            continue
        for actor, recipient in pairs:
            if recipient is None and typ in lex.needs_recipient:
                continue
            key = (tok.i, actor.id if actor else None, recipient.id if recipient else None)
            if key in seen:
                continue
            seen.add(key)
            events.append(_event(lex, trig, tok, sentences.span(tok.i), actor, recipient, parts))
    for n, ev in enumerate(events, 1):
        ev.id = f"e{n}"
    record.events = events
    LOGGER.debug("%s: %d events", record.article.id, len(events))


def _candidates(doc, lex: Lexicon) -> list[int]:
    """Indices of tokens whose lemma is a trigger word: one array look-up, no per-token Python."""
    from spacy.attrs import LEMMA, LOWER

    if len(doc) == 0:
        return []
    wanted = numpy.fromiter((doc.vocab.strings.add(w) for w in lex.lemmas), dtype=numpy.uint64)
    arr = doc.to_array([LEMMA, LOWER])
    hit = numpy.isin(arr[:, 0], wanted) | numpy.isin(arr[:, 1], wanted)
    return [int(i) for i in numpy.flatnonzero(hit)]


class _Sentences:
    """Sentence character spans by token index, computed from the sentence starts once."""

    def __init__(self, doc):
        self.doc = doc
        self.starts = [s.start for s in doc.sents]

    def span(self, i: int) -> tuple[int, int]:
        k = bisect_right(self.starts, i) - 1
        start = self.starts[k]
        end = self.starts[k + 1] if k + 1 < len(self.starts) else len(self.doc)
        last = self.doc[end - 1]
        return self.doc[start].idx, last.idx + len(last.text)


def _pairs(parts: Participants, trig: Trigger, tok) -> list[tuple[Actor | None, Actor | None]]:
    """Actor/recipient pairs: one event per actor of a compound, both parties of a symmetric event."""
    actors, recipients = parts.actors, parts.recipients
    if trig.sym and not recipients and len(actors) >= 2:
        first = actors[0]
        others = [a for a in actors[1:] if _distinct(first, a)]
        if others:
            return [(first, others[0])]
    if not actors and not recipients:
        return []
    if tok.pos_ in ("NOUN", "PROPN") and not (actors and recipients) and trig.cond_kind != "head":
        # a nominal event needs both sides ("Kim's visit" alone says too little), unless a light
        # verb makes it a predication: "staged a rally", "launched an offensive"
        return []
    pairs = []
    for a in actors or [None]:
        for r in recipients or [None]:
            if a is not None and r is not None and not _distinct(a, r):
                r = None
            if a is None and r is None:
                continue
            pairs.append((a, r))
    if len(actors) > 1:  # "Kim and Putin would talk about giving Russia weapons": not Putin -> Russia
        pairs = [(a, r) for a, r in pairs if not (a and r and a.country and a.country == r.country)]
    # Drop a one-sided pair when a two-sided one covers the same actor.
    full = {a.id for a, r in pairs if a is not None and r is not None}
    pairs = [(a, r) for a, r in pairs if r is not None or a is None or a.id not in full]
    return pairs[:MAX_EVENTS_PER_TRIGGER]


def _obligation(tok) -> bool:
    """ "they should not agree", "Iraq must cooperate", "the Council must be united in condemning":
    an obligation, not an event (the demand is coded)."""
    cur = tok
    for _ in range(7):
        if any(c.dep_ == "aux" and c.lower_ in ("should", "must", "ought") for c in cur.children):
            return True
        if cur.dep_ not in ("pcomp", "prep", "acomp", "conj") or cur.head.i == cur.i:
            return False
        cur = cur.head
    return False


def _depth(tok) -> int:
    n = 0
    while tok.head != tok and n < 10:
        tok, n = tok.head, n + 1
    return n


def _distinct(a: Actor, b: Actor) -> bool:
    if a.id == b.id:
        return False
    return not (a.country and b.country and a.country == b.country and a.type == b.type == "country")


def _event(lex: Lexicon, trig: Trigger, tok, sent: tuple[int, int], actor, recipient, parts: Participants) -> Event:
    cameo = parts.cameo or trig.cameo
    code = lex.code(cameo)
    typ = parts.type or trig.type
    conf = 0.55
    if actor is not None and recipient is not None:
        conf = 0.75
    if tok.pos_ in ("NOUN", "PROPN"):
        conf -= 0.1
    if parts.embedded:
        conf -= 0.3
    conf -= 0.03 * min(_depth(tok), 5)  # the main predication of a sentence is its most salient event
    if tok.dep_ in ("relcl", "acl"):
        conf -= 0.1  # background told in a clause about a noun: "weapons seized last year"
    elif tok.dep_ == "advcl":
        conf -= 0.1  # purpose, manner or condition of the main act: "marched to demand", "unless X agrees"
        if any(c.dep_ == "mark" and c.lower_ in BACKGROUND_MARKS for c in tok.children):
            conf -= 0.1  # "eased the curfew as police cracked down on ...": what went on meanwhile
    return Event(
        id="",
        type=typ,
        mode=code.mode if code else None,
        context=list(code.context) if code else [],
        cameo=cameo,
        quad_class=code.quad_class if code else None,
        goldstein=code.goldstein if code else None,
        actor=actor.id if actor else None,
        recipient=recipient.id if recipient else None,
        actor_code=actor.code if actor else None,
        recipient_code=recipient.code if recipient else None,
        evidence=[sent],
        trigger=(tok.idx, tok.idx + len(tok.text)),
        confidence=round(conf, 2),
    )
