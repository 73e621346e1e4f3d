"""Choosing among gazetteer candidates for one place name.

A candidate's score adds up: its kind (a country before a US state before a city of the same
name), the city's population (log scale) and capital status, the share of the article's country
mentions that its country holds ("countries in focus"), a qualifier written after the name
("Paris, Texas"), cue words in the sentence ("governor", "state" for a US state; "president",
"ministry", "border" for a country) and other places of the text in the same US state
("Atlanta" supports the state of Georgia). A name the gazetteer lacks is kept, unresolved,
with the country of the nearest country named in its sentence, else the article's main one.
"""
from __future__ import annotations

import math
from bisect import bisect_left, bisect_right
from collections import Counter
from dataclasses import dataclass, field

from newsgraph.places.gazetteer import Candidate, Gazetteer
from newsgraph.record import Place

_BASE = {"country": 3.0, "admin1": 2.0, "region": 2.5, "continent": 2.5, "subdivision": 0.6}
# Place words after a name that are inside a city: the city's coordinates are close enough.
_IN_CITY = {"station", "railway station", "train station", "airport", "port", "harbor", "harbour", "square",
            "palace", "city", "refinery", "bridge"}


@dataclass
class Context:
    gz: Gazetteer
    text: str
    focus: Counter = field(default_factory=Counter)
    countries_at: list[tuple[int, str]] = field(default_factory=list)  # (offset, alpha-3) of country names
    sent_bounds: list[tuple[int, int]] = field(default_factory=list)
    state_cue_sents: set[int] = field(default_factory=set)
    country_cue_sents: set[int] = field(default_factory=set)
    admin1_support: Counter = field(default_factory=Counter)
    waters: frozenset = frozenset()
    support_from: dict = field(default_factory=dict)  # mention offset -> the US state its city is in

    @classmethod
    def of(cls, text, doc, mentions, gz: Gazetteer, cues) -> "Context":
        ctx = cls(gz=gz, text=text, waters=cues.waters)
        ctx.sent_bounds = [(s.start_char, s.end_char) for s in doc.sents]
        for m in mentions:
            cands = gz.lookup(m.name)
            country = next((c for c in cands if c.feature == "country" and c.exact), None)
            if m.country_hint:
                ctx.countries_at.append((m.start, m.country_hint))
                ctx.focus[m.country_hint] += 1
            elif country:
                ctx.countries_at.append((m.start, country.country))
                ctx.focus[country.country] += 1
            else:
                cities = [c for c in cands if c.feature == "city" and c.exact]
                if len({c.country for c in cities}) == 1:
                    ctx.focus[cities[0].country] += 0.5
                if len(cities) == 1 and cities[0].admin1:
                    ctx.admin1_support[cities[0].admin1] += 1
                    ctx.support_from[m.start] = cities[0].admin1
        ctx.countries_at.sort()
        lower = text.lower()
        for i, (s, e) in enumerate(ctx.sent_bounds):
            sent = " " + " ".join(lower[s:e].split()) + " "
            if any(_has_word(sent, w) for w in cues.state_cues):
                ctx.state_cue_sents.add(i)
            if any(_has_word(sent, w) for w in cues.country_cues):
                ctx.country_cue_sents.add(i)
        return ctx

    def sentence_of(self, offset: int) -> int:
        # sentences follow each other without overlap: a binary search finds the one
        i = bisect_right(self.sent_bounds, (offset, math.inf)) - 1
        if i >= 0 and offset < self.sent_bounds[i][1]:
            return i
        return -1

    def country_near(self, offset: int) -> str | None:
        """The country named nearest to ``offset`` in its sentence, else the article's main one."""
        i = self.sentence_of(offset)
        if i >= 0:
            s, e = self.sent_bounds[i]
            lo, hi = bisect_left(self.countries_at, (s,)), bisect_left(self.countries_at, (e,))
            near = [(abs(o - offset), c) for o, c in self.countries_at[lo:hi] if o != offset]
            if near:
                return min(near)[1]
        return self.focus.most_common(1)[0][0] if self.focus else None


def _has_word(padded_sentence: str, word: str) -> bool:
    i = padded_sentence.find(word)
    while i >= 0:
        before, after = padded_sentence[i - 1], padded_sentence[i + len(word):i + len(word) + 1]
        if not before.isalnum() and not after.isalnum():
            return True
        i = padded_sentence.find(word, i + 1)
    return False


def score(c: Candidate, m, ctx: Context) -> float:
    if c.feature == "city":
        s = 1.0 + math.log10(c.population + 1) / 7 + (0.8 if c.capital else 0.0)
    else:
        s = _BASE.get(c.feature, 1.0)
    if not c.exact:
        s -= 0.8
    if c.alias:
        s += 0.5
    total = sum(ctx.focus.values())
    if total and c.country:
        s += 1.5 * ctx.focus[c.country] / total
    sent = ctx.sentence_of(m.start)
    if c.feature == "admin1":
        s += 1.2 * (sent in ctx.state_cue_sents)
        # other places of the text in that state ("Atlanta"), not the name itself
        support = ctx.admin1_support[c.admin1] - (ctx.support_from.get(m.start) == c.admin1)
        s += 1.0 * min(support, 2)
    if c.feature == "country":
        s += 0.6 * (sent in ctx.country_cue_sents)
    return s


def _qualified(cands: list[Candidate], qualifier: list[Candidate]) -> list[Candidate]:
    ok = []
    for c in cands:
        for q in qualifier:
            if q.feature == "country" and c.country == q.country and c.feature != "country":
                ok.append(c)
            elif q.feature == "admin1" and c.admin1 and c.admin1 == q.admin1:
                ok.append(c)
    return ok or cands


def choose(m, ctx: Context) -> Place | None:
    """The :class:`Place` for one mention (resolved or not)."""
    span = (m.start, m.end)
    if m.kind == "region":
        known = [c for c in ctx.gz.lookup(m.text) if c.feature in ("region", "admin1", "subdivision")]
        if known and known[0].country:
            c = known[0]
            return Place(span, c.name, c.country, c.lat, c.lon, c.geonameid, True, c.feature)
        return Place(span, m.text, m.country_hint, None, None, None, False, "region")
    cands = ctx.gz.lookup(m.name)
    if m.kind == "suffix":
        whole = ctx.gz.lookup(m.text)
        if whole:
            cands = whole
        else:
            suffix = m.text[len(m.name):].strip().lower()
            # only the city's own name, in a country the article is about: "X station" is no
            # evidence for a namesake town on another continent
            cities = [c for c in cands if c.feature == "city" and c.exact and ctx.focus[c.country]] \
                if suffix in _IN_CITY else []
            if cities:
                c = max(cities, key=lambda c: score(c, m, ctx))
                return Place(span, m.text, c.country, c.lat, c.lon, c.geonameid, True, suffix)
            # "Balochistan province", "Primorsky region": the administrative region of that name
            regions = [c for c in cands if c.feature in ("admin1", "subdivision", "region") and c.country] \
                if suffix not in _IN_CITY else []
            if regions:
                c = max(regions, key=lambda c: score(c, m, ctx))
                return Place(span, m.text, c.country, c.lat, c.lon, c.geonameid, True, c.feature)
            country = None if set(m.text.lower().split()) & ctx.waters else ctx.country_near(m.start)
            return Place(span, m.text, country, None, None, None, False, suffix)
    if m.qualifier:
        cands = _qualified(cands, m.qualifier)
    if not cands:
        words = set(m.text.lower().split())
        if m.qualifier:
            country = m.qualifier[0].country
        elif words & ctx.waters:
            country = None  # a sea or a strait is nobody's by default
        else:
            country = ctx.country_near(m.start)
        return Place(span, m.text, country, None, None, None, False, "unresolved")
    best = max(cands, key=lambda c: score(c, m, ctx))
    return Place(span, best.name, best.country, best.lat, best.lon, best.geonameid, True, best.feature)
