"""Rule-based in-document coreference for actors.

coreferee cannot install its model offline, so newsgraph resolves the few patterns that news
relies on, and only where the rule is confident:

- short names: "Kim" after (or before) "Kim Jong Un", "Putin" after "Vladimir Putin";
- "the North" / "the South" for a country named earlier ("North Korea" ... "the North");
- definite role descriptions: "the Kremlin spokesman", "the president" -> the person
  earlier (or later) given that title, of the same country when one is written;
- pronouns: he/him/his/she/her for people, it/its for countries and bodies, they/them/their
  for groups, searched in the same and the two previous sentences. The order of preference
  follows the salience idea of Lappin & Leass (1994) and Hobbs (1978), much simplified: the
  subject of the pronoun's own clause, then earlier subjects, then the nearest mention, never
  a co-argument of the same verb (binding: "Kim offered him" is not Kim).
"""
from __future__ import annotations

import logging

LOGGER = logging.getLogger(__name__)

PERSON_PRONOUNS = {"he": "m", "him": "m", "his": "m", "himself": "m", "she": "f", "her": "f", "hers": "f",
                   "herself": "f"}
THING_PRONOUNS = {"it", "its", "itself"}
GROUP_PRONOUNS = {"they", "them", "their", "themselves"}
SUBJECT_DEPS = {"nsubj", "nsubjpass", "csubj"}
# "it" is resolved only as the subject of a verb of action or saying or as "its": "it is
# time", "it will be a full-fledged visit" and extraposed "it would be in ... interest" are not.
NON_REFERRING_HEADS = {"be", "seem", "appear", "take", "remain", "happen", "rain", "matter", "become"}


def short_name_target(tokens: tuple[str, ...], full_names: list[tuple[tuple[str, ...], object]]):
    """The full-name actor whose name starts or ends with ``tokens`` (most recent first), or None."""
    n = len(tokens)
    for full, actor in reversed(full_names):
        if len(full) > n and (full[:n] == tokens or full[-n:] == tokens):
            return actor
    return None


def resolve_pronouns(doc, mentions: list[tuple[int, int, object]], actors_kind: dict[int, str]) -> list[tuple[int, object]]:
    """(pronoun token index, actor) pairs.

    ``mentions`` are (first token, end token, actor) of the named mentions found so far;
    ``actors_kind`` maps ``id(actor)`` to person | thing | group.
    """
    out: list[tuple[int, object]] = []
    sents = list(doc.sents)
    sent_of = [0] * len(doc)
    for si, s in enumerate(sents):
        for t in range(s.start, s.end):
            sent_of[t] = si
    covered = set()
    # Each sentence's actor mentions, as (head token, actor, is_subject), in text order.
    per_sent: list[list[tuple[int, object, bool]]] = [[] for _ in sents]
    for start, end, actor in sorted(mentions, key=lambda m: m[0]):
        span = doc[start:end]
        root = span.root
        covered.update(range(start, end))
        per_sent[sent_of[start]].append((root.i, actor, root.dep_ in SUBJECT_DEPS
                                         or (root.dep_ == "conj" and root.head.dep_ in SUBJECT_DEPS)))
    for tok in doc:
        low = tok.lower_
        if tok.i in covered:
            continue
        if low in PERSON_PRONOUNS:
            want = "person"
        elif low in THING_PRONOUNS:
            if low == "it" and (tok.dep_ == "expl" or tok.head.lemma_.lower() in NON_REFERRING_HEADS):
                continue
            if low == "it" and tok.dep_ not in SUBJECT_DEPS:
                continue
            want = "thing"
        elif low in GROUP_PRONOUNS:
            want = "group"
        else:
            continue
        if tok.pos_ not in ("PRON", "DET"):
            continue
        si = sent_of[tok.i]
        actor = _pick(doc, tok, si, per_sent, actors_kind, want)
        if actor is not None:
            out.append((tok.i, actor))
            per_sent[si].append((tok.i, actor, tok.dep_ in SUBJECT_DEPS))
            per_sent[si].sort(key=lambda x: x[0])
    return out


def _clause_verb(tok):
    head = tok.head
    hops = 0
    while head.pos_ not in ("VERB", "AUX") and head.head != head and hops < 6:
        head = head.head
        hops += 1
    return head


def _pick(doc, tok, si, per_sent, actors_kind, want):
    def ok(actor):
        return actors_kind.get(id(actor)) == want

    verb = _clause_verb(tok)
    coargs = {c.i for c in verb.children if c.dep_ in SUBJECT_DEPS} if tok.dep_ not in SUBJECT_DEPS else set()
    reflexive = tok.lower_.endswith(("self", "selves"))
    same = [(i, a, s) for i, a, s in per_sent[si] if i < tok.i and ok(a)]
    if not reflexive:
        same_ok = [(i, a, s) for i, a, s in same if i not in coargs]
    else:
        same_ok = same
    # Possessive and object pronouns first look at their own clause's subject ("Kim ... his train").
    if tok.dep_ not in SUBJECT_DEPS:
        for c in verb.children:
            if c.dep_ in SUBJECT_DEPS:
                for i, a, s in same:
                    if i == c.i and (reflexive or tok.dep_ == "poss"):
                        return a
        # "urged the North to uphold its commitment": the controller of an infinitive.
        if verb.dep_ == "xcomp" and not any(c.dep_ in SUBJECT_DEPS for c in verb.children):
            for c in verb.head.children:
                if c.dep_ in ("dobj", "obj"):
                    for i, a, s in same:
                        if i == c.i:
                            return a
    subjects = [x for x in same_ok if x[2]]
    if subjects:
        return subjects[0][1]
    for back in (1, 2):
        if si - back < 0:
            break
        prev = [(i, a, s) for i, a, s in per_sent[si - back] if ok(a)]
        subj = [x for x in prev if x[2]]
        if subj:
            return subj[0][1]
        if same_ok:
            return same_ok[-1][1]
        if prev:
            return prev[0][1]
    if same_ok:
        return same_ok[-1][1]
    return None



def add_pronouns(doc, accs: list) -> None:
    """Add to each grouped actor the pronouns that refer to it (see :func:`resolve_pronouns`)."""
    kinds = {}
    mentions = []
    for acc in accs:
        if acc.type == "person":
            kinds[id(acc)] = "person"
        elif acc.type == "group":
            kinds[id(acc)] = "group"
        else:
            kinds[id(acc)] = "thing"
        for c in acc.cands:
            mentions.append((c.start, c.end, acc))
    for i, acc in resolve_pronouns(doc, mentions, kinds):
        acc.spans.append((i, i + 1))
