"""The claims stage's lexicons, read once from ``claims/data/*.toml`` and cached.

Each file's header says what it holds; the code here only turns the TOML into sets
and maps that the finders look words up in.
"""
from __future__ import annotations

import logging
from dataclasses import dataclass
from functools import lru_cache

from newsgraph.language import auxiliaries, speech_verbs
from newsgraph.lexicons import LexiconError, read_toml
from newsgraph.record import STANCES

LOGGER = logging.getLogger(__name__)

__all__ = ["Cues", "FactualityCues", "LexiconError", "Sources", "cues", "factuality_cues", "sources"]


@dataclass(frozen=True)
class Cues:
    stance: dict[str, str]              # reporting-verb lemma -> stance
    xcomp: frozenset[str]               # lemmas whose content may be an infinitive
    demand_with_xcomp: frozenset[str]   # lemmas whose infinitive content is a request
    particles: dict[str, frozenset[str]]  # lemma -> particles it needs ("call" -> on/for)
    hearers: frozenset[str]             # "told reporters": nouns joined to the cue
    according_heads: frozenset[str]
    according_preps: frozenset[str]
    source_nouns: frozenset[str]        # "a report from X": X is the speaker
    source_preps: frozenset[str]
    citing: frozenset[str]              # "citing Y", "which cited Y"
    relayed: frozenset[str]             # "was reported as saying"
    no_content: dict[str, frozenset[str]]  # "declined to comment"
    object_verbs: dict[str, frozenset[str]]  # "expressed concern that": verb -> objects that make it a cue
    object_stance: dict[str, str]       # such an object -> the stance it gives (default assert)


@dataclass(frozen=True)
class Sources:
    marker_words: frozenset[str]
    marker_phrases: tuple[str, ...]
    generic_heads: frozenset[str]
    generic_determiners: frozenset[str]


@dataclass(frozen=True)
class FactualityCues:
    hyp_modals: frozenset[str]
    hyp_adverbs: frozenset[str]
    hyp_marks: frozenset[str]
    hyp_governors: frozenset[str]
    unconfirmed: frozenset[str]
    planned_modals: frozenset[str]
    planned_governors: frozenset[str]
    neg_words: frozenset[str]
    neg_governors: frozenset[str]
    speech_act_types: frozenset[str]
    stance_types: dict[str, frozenset[str]]
    light_verbs: frozenset[str]
    temporal: frozenset[str]


def _load(name: str) -> dict:
    return read_toml("newsgraph.claims", name)


def _words(table: dict, key: str, name: str) -> frozenset[str]:
    try:
        return frozenset(w.lower() for w in table[key])
    except KeyError as exc:
        raise LexiconError(f"{name}: missing key {key!r}") from exc


@lru_cache(maxsize=1)
def cues() -> Cues:
    d = _load("cues.toml")
    stance: dict[str, str] = {}
    for row in speech_verbs():
        if row["stance"] == "-":
            continue
        if row["stance"] not in STANCES:
            raise row.error(f"unknown stance {row['stance']!r} (known: {', '.join(STANCES)})")
        stance.setdefault(row["lemma"].lower(), row["stance"])
    object_verbs = {k.lower(): frozenset(w.lower() for w in v) for k, v in d.get("object_verbs", {}).items()}
    object_stance: dict[str, str] = {}
    for st, words in d.get("object_stance", {}).items():
        if st not in STANCES:
            raise LexiconError(f"cues.toml [object_stance]: unknown stance {st!r} (known: {', '.join(STANCES)})")
        object_stance.update({w.lower(): st for w in words})
    for lemma in object_verbs:
        stance.setdefault(lemma, "assert")
    return Cues(
        stance=stance,
        xcomp=_words(d["xcomp"], "lemmas", "cues.toml [xcomp]"),
        demand_with_xcomp=_words(d["xcomp"], "demand_with_xcomp", "cues.toml [xcomp]"),
        particles={k: frozenset(v) for k, v in d.get("particles", {}).items()},
        hearers=_words(d["hearers"], "nouns", "cues.toml [hearers]"),
        according_heads=_words(d["according"], "heads", "cues.toml [according]"),
        according_preps=_words(d["according"], "preps", "cues.toml [according]"),
        source_nouns=_words(d["source_nouns"], "nouns", "cues.toml [source_nouns]"),
        source_preps=_words(d["source_nouns"], "preps", "cues.toml [source_nouns]"),
        citing=_words(d["citing"], "lemmas", "cues.toml [citing]"),
        relayed=_words(d["relayed"], "lemmas", "cues.toml [relayed]"),
        no_content={k: frozenset(v) for k, v in d.get("no_content", {}).items()},
        object_verbs=object_verbs,
        object_stance=object_stance,
    )


@lru_cache(maxsize=1)
def sources() -> Sources:
    d = _load("sources.toml")
    return Sources(
        marker_words=_words(d["markers"], "words", "sources.toml [markers]"),
        marker_phrases=tuple(p.lower() for p in d["markers"]["phrases"]),
        generic_heads=_words(d["generic"], "heads", "sources.toml [generic]"),
        generic_determiners=_words(d["generic"], "determiners", "sources.toml [generic]"),
    )


@lru_cache(maxsize=1)
def factuality_cues() -> FactualityCues:
    d = _load("factuality.toml")
    h, p, n, s = d["hypothetical"], d["planned"], d["negated"], d["speech_acts"]
    return FactualityCues(
        hyp_modals=auxiliaries("future_in_past", "possibility", "advice", "obligation"),
        hyp_adverbs=_words(h, "adverbs", "factuality.toml [hypothetical]"),
        hyp_marks=_words(h, "marks", "factuality.toml [hypothetical]"),
        hyp_governors=_words(h, "governors", "factuality.toml [hypothetical]"),
        unconfirmed=_words(h, "unconfirmed", "factuality.toml [hypothetical]"),
        planned_modals=auxiliaries("future", "future_negated"),
        planned_governors=_words(p, "governors", "factuality.toml [planned]"),
        neg_words=_words(n, "words", "factuality.toml [negated]"),
        neg_governors=_words(n, "governors", "factuality.toml [negated]"),
        speech_act_types=frozenset(t.upper() for t in s["types"]),
        stance_types={k: frozenset(t.upper() for t in v) for k, v in s["stance_types"].items()},
        light_verbs=_words(d["nominal"], "light_verbs", "factuality.toml [nominal]"),
        temporal=_words(d["nominal"], "temporal", "factuality.toml [nominal]"),
    )
