"""Factuality: did an event take place, as the article tells it?

Each event gets one value of :data:`~newsgraph.record.FACTUALITY` (the rules are those
of the gold README, "Factuality"); when several apply, the first in
:data:`~newsgraph.record.FACTUALITY_PRECEDENCE` wins. The cues are read from
``claims/data/factuality.toml``. The modality of an event is read on the path from its
trigger up the dependency tree to the claim that holds it (or the sentence root), the
scope idea of FactBank (Saurí and Pustejovsky 2009) without its full machinery.
"""
from __future__ import annotations

import logging

from newsgraph.claims.lexicon import FactualityCues, factuality_cues
from newsgraph.claims.tokens import tokens_in, tokens_overlapping
from newsgraph.language import clause_verb, first_person_subject, has_negation, head_chain, is_infinitive, is_past
from newsgraph.record import FACTUALITY_PRECEDENCE, Claim, Event, Record, Span
from newsgraph.spans import SpanIndex

LOGGER = logging.getLogger(__name__)

def assess_events(record: Record, doc) -> None:
    """Set ``factuality`` and ``claims`` on every event of ``record``."""
    fc = factuality_cues()
    stop = _cue_heads(record, doc)
    claims = _ClaimSpans(record.claims)
    for event in record.events:
        values, held_by = assess(event, record, doc, fc, stop, claims)
        event.claims = [c.id for c in held_by]
        found = [v for v in FACTUALITY_PRECEDENCE if v in values] or ["asserted"]
        event.factuality = found[0]
        event.modality = found + (["future"] if "future" in values else [])


def _trigger_token(doc, trigger: Span):
    toks = tokens_overlapping(doc, trigger)
    if not toks:
        return None
    for t in toks:  # the syntactic head of a multiword trigger ("take place", "paid a visit")
        if not (trigger[0] <= t.head.idx < trigger[1]) or t.head.i == t.i:
            return t
    return toks[0]


def _same_side(record: Record, actor_id: str | None, speaker_id: str | None) -> bool:
    if actor_id is None or speaker_id is None:
        return False
    if actor_id == speaker_id:
        return True
    a, s = record.actor(actor_id), record.actor(speaker_id)
    return bool(a and s and a.country and a.country == s.country)


def _cue_heads(record: Record, doc) -> set[int]:
    """Token indexes where a claim's cue starts: the modal walk stops there."""
    return {toks[0].i for c in record.claims if (toks := tokens_in(doc, c.cue))}


class _ClaimSpans:
    """The claims' contents and cues, for finding those around an event in a long article."""

    def __init__(self, claims: list[Claim]):
        self.claims = claims
        self.contents = SpanIndex(c.content for c in claims)
        self.cues = SpanIndex(c.cue for c in claims)

    def holding(self, span: Span) -> list[Claim]:
        return [self.claims[i] for i in self.contents.holding(*span)]

    def cued_over(self, span: Span) -> list[Claim]:
        return [self.claims[i] for i in self.cues.overlapping(*span)]


def assess(event: Event, record: Record, doc, fc: FactualityCues | None = None,
           stop: set[int] | None = None, claims: _ClaimSpans | None = None) -> tuple[set[str], list[Claim]]:
    """The factuality values that apply to ``event`` and the claims that hold it."""
    fc = fc or factuality_cues()
    if event.trigger is None:
        return {"asserted"}, []
    trig = tuple(event.trigger)
    claims = claims or _ClaimSpans(record.claims)
    held = sorted(claims.holding(trig), key=lambda c: c.content[1] - c.content[0])  # innermost first
    own = claims.cued_over(trig)
    main = _trigger_token(doc, trig)
    if main is None:
        return ({"reported"} if held else {"asserted"}), held
    if stop is None:
        stop = _cue_heads(record, doc)
    chain = head_chain(main, stop - {main.i})

    if own:  # the event is the speech act itself ("Washington warned ...")
        return _speech_act(own[0], held, chain, fc) | _future(chain, fc), held + own
    for c in held:  # an accusation, threat or promise made in the speaker's own words
        if event.type in fc.speech_act_types and not is_past(chain) and (
                event.type in fc.stance_types.get(c.stance, ()) or _same_side(record, event.actor, c.speaker)
                or c.direct and first_person_subject(chain)):
            return _speech_act(c, [h for h in held if h is not c], [], fc) | _future(chain, fc), held
        break

    values: set[str] = set()
    if any(c.stance == "deny" for c in held):
        values.add("denied")
    if held:
        values.add("reported")
    values |= _modality(chain, held, doc, fc)
    values |= _future(chain, fc)
    return values, held


def _future(chain, fc: FactualityCues) -> set[str]:
    """{"future"} when the event's own clause is in the future tense ("Portugal will support").
    Not a factuality value (a promise of support is asserted as a promise), but PLOVER's
    auxiliary mode, which the codebook stage reads."""
    verb = clause_verb(chain) if chain else None
    if verb is not None and any(c.dep_ in ("aux", "auxpass") and c.lower_ in fc.planned_modals for c in verb.children):
        return {"future"}
    return set()


def _speech_act(claim: Claim, outer: list[Claim], chain, fc: FactualityCues) -> set[str]:
    """A speech act the narrator reports directly is asserted; one heard second-hand
    ("was reported as saying") or relayed through another claim is reported."""
    values = set()
    if chain and _negated_verb(chain, fc):
        values.add("negated")
    values.add("reported" if claim.relayed or claim.via or outer else "asserted")
    return values


def _negated_verb(chain, fc: FactualityCues) -> bool:
    verb = clause_verb(chain)
    return verb is not None and has_negation(verb, fc.neg_words)


def _modality(chain, held: list[Claim], doc, fc: FactualityCues) -> set[str]:
    values: set[str] = set()
    main = chain[0]
    verb = clause_verb(chain)
    # negation of the event's own clause, or "no talks", or "refused to meet"
    if verb is not None and not is_infinitive(verb) and _negated_verb(chain, fc):
        values.add("negated")
    if any(c.dep_ == "det" and c.lower_ in fc.neg_words for c in main.children):
        values.add("negated")
    if verb is not None and verb.i != main.i and verb.lemma_.lower() in fc.light_verbs and _negated_verb([verb], fc):
        values.add("negated")
    reported_past = any(_reporting_past(doc, c) for c in held)
    scope = _modal_scope(chain)
    if any(c.stance == "assert" and _cue_lemmas(doc, c) & fc.hyp_governors for c in held):
        values.add("hypothetical")  # "analysts predicted that ...": a forecast, not a report
    hedged = False
    for k, tok in enumerate(chain):
        lemma = tok.lemma_.lower()
        for c in (tok.children if k < len(scope) else ()):
            low = c.lower_
            if c.dep_ in ("aux", "auxpass") and low in fc.hyp_modals:
                if low == "would" and reported_past:
                    values.add("planned")  # "said ... would take place": the future seen from the past
                else:
                    values.add("hypothetical")
            elif c.dep_ == "aux" and low in fc.planned_modals:
                values.add("planned")
            elif c.dep_ == "advmod" and low in fc.hyp_adverbs:
                hedged = True
            elif c.dep_ == "mark" and low in fc.hyp_marks:
                values.add("hypothetical")
            elif c.dep_ == "amod" and k == 0 and low in fc.planned_governors:
                values.add("planned")  # "the planned visit", "an upcoming summit"
        if k == 0:
            continue
        if lemma in fc.hyp_governors:
            values.add("hypothetical")
        elif lemma in fc.planned_governors and chain[k - 1].dep_ in ("xcomp", "ccomp", "dobj", "nsubjpass", "acl"):
            values.add("planned")
        elif lemma in fc.neg_governors and chain[k - 1].dep_ in ("xcomp", "dobj"):
            values.add("negated")
        elif lemma in fc.unconfirmed and _negated_verb([tok], fc) or lemma in fc.unconfirmed and any(
                c.dep_ == "preconj" and c.lower_ in fc.neg_words for s in tok.children for c in s.children):
            values.add("hypothetical")
    if hedged:
        values.add("hypothetical")
    for c in held:  # the content of a demand or warning is not done; of a promise, planned
        if c.stance in ("demand", "warn", "question") and any(is_infinitive(t) for t in chain):
            values.add("hypothetical")
        elif c.stance == "promise":
            values.add("planned")
    return values


def _modal_scope(chain) -> list:
    """The part of the chain whose auxiliaries and adverbs bear on the event: up to its
    own clause's verb, and on through infinitives to the verb they complete ("is expected
    to attend"). "After meeting in 2019, this will be their second summit": the "will"
    of the main clause does not make the 2019 meeting planned."""
    fc = factuality_cues()
    scope = []
    for tok in chain:
        scope.append(tok)
        if tok.pos_ not in ("VERB", "AUX") or tok.dep_ in ("xcomp", "aux", "auxpass"):
            continue
        finite = tok.tag_ in ("VBD", "VBZ", "VBP", "MD") or any(
            c.dep_ in ("nsubj", "nsubjpass", "aux", "auxpass") for c in tok.children)
        temporal = tok.head.lower_ in fc.temporal or any(
            c.dep_ == "mark" and c.lower_ in fc.temporal for c in tok.children)
        if finite or temporal or tok.dep_ in ("ROOT", "ccomp", "conj", "relcl"):
            break  # "talk about giving weapons" goes on to "would ... talk"; "after meeting in 2019" stops
    return scope


def _cue_lemmas(doc, claim: Claim) -> set[str]:
    return {t.lemma_.lower() for t in tokens_in(doc, claim.cue)}


def _reporting_past(doc, claim: Claim) -> bool:
    toks = tokens_in(doc, claim.cue)
    return any(t.tag_ in ("VBD", "VBN") for t in toks)


# --------------------------------------------------------------------------- contradictions

_CONTENT_POS = ("NOUN", "PROPN", "VERB")


def link_contradictions(record: Record, doc) -> None:
    """Link each denial to the claim it contradicts: one that holds an event of the same
    type between the same sides, or failing that one whose content shares most words."""
    denials = [c for c in record.claims if c.stance == "deny"]
    if not denials:
        return
    claims = _ClaimSpans(record.claims)
    events_in: dict[str, list[Event]] = {c.id: [] for c in record.claims}
    for e in record.events:  # in event order, as each claim's list was
        if e.trigger:
            for c in claims.holding(tuple(e.trigger)):
                events_in[c.id].append(e)
    words = {c.id: _content_words(doc, c.content) for c in record.claims}
    for d in denials:
        best, best_score = None, 0.0
        for c in record.claims:
            if c is d or c.stance == "deny" or c.via == d.id or d.via == c.id:
                continue
            if c.speaker_span and d.speaker_span and c.speaker_span == d.speaker_span:
                continue
            score = 0.0
            for e in events_in[d.id]:
                for f in events_in[c.id]:
                    if e.type == f.type and {e.actor_code, e.recipient_code} == {f.actor_code, f.recipient_code}:
                        score = max(score, 2.0)
            shared = words[d.id] & words[c.id]
            if len(shared) >= 2 and words[d.id]:
                score = max(score, len(shared) / len(words[d.id]))
            if score > best_score:
                best, best_score = c, score
        if best is not None and best_score >= 0.4:
            d.contradicts = best.id


def _content_words(doc, span: Span) -> set[str]:
    return {t.lemma_.lower() for t in tokens_in(doc, span) if t.pos_ in _CONTENT_POS and not t.is_stop}
