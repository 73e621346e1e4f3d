"""Dependency-tree helpers shared by dates and places: clause heads, tense, token lookup."""
from __future__ import annotations

_FUTURE_AUX = {"will", "'ll", "\u2019ll", "shall", "wo", "may", "might", "could", "should", "can"}
# "would" is a future seen from the past ("said the ship would leave in early February"): no direction.
_NO_DIRECTION_AUX = {"would", "'d", "\u2019d"}


def token_at(doc, start: int, end: int):
    """The syntactic head of the tokens covering ``[start, end)``, or None."""
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or len(span) == 0:
        return None
    return span.root


def clause_head(tok):
    """The verb heading the clause ``tok`` is in (the token itself when it is that verb);
    the sentence root for verbless sentences (headlines)."""
    t = tok
    while True:
        if t.pos_ == "VERB" or (t.pos_ == "AUX" and t.dep_ not in ("aux", "auxpass")):
            return t
        if t.head == t:
            return t
        t = t.head


def ancestors_clauses(tok):
    """Clause heads above ``tok``'s own clause, nearest first."""
    out = []
    t = clause_head(tok)
    while t.head != t:
        t = clause_head(t.head)
        out.append(t)
    return out


def direction(verb) -> int:
    """-1 past (or present perfect), +1 future, modal or scheduled present, 0 unknown."""
    if verb is None:
        return 0
    auxes = [c for c in verb.children if c.dep_ in ("aux", "auxpass")]
    words = {a.lower_ for a in auxes}
    if words & _NO_DIRECTION_AUX:
        return 0
    if words & _FUTURE_AUX:
        return 1
    if any(a.tag_ == "VBD" for a in auxes):
        return -1
    if any(a.lemma_ == "have" for a in auxes) and verb.tag_ == "VBN":
        return -1
    if any(a.lower_ in ("going", "gon") for a in auxes):
        return 1
    if verb.tag_ == "VBD":
        return -1
    if verb.tag_ in ("VBZ", "VBP"):
        return 1  # scheduled present: "the forum runs through Wednesday"
    if verb.tag_ == "VBG" and any(a.tag_ in ("VBZ", "VBP") for a in auxes):
        return 1  # "is meeting on Thursday"
    if verb.tag_ == "VB" and any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children):
        # "expected to meet on Thursday", "plans to visit in May": the infinitive looks ahead
        return 1
    if verb.tag_ == "VBN" and verb.dep_ in ("acl", "amod"):
        return -1  # "talks held on Monday"
    return 0  # a participle or gerund without auxiliary says nothing of time
