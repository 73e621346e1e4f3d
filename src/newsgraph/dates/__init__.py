"""Dates: time expressions resolved against the publication date; event dates.

Entry point: :func:`place_in_time`. Three steps:

1. find the expressions (:mod:`newsgraph.dates.find`, patterns built from ``data/lexicon.toml``);
2. resolve each against ``article.published`` (:mod:`newsgraph.dates.resolve`), the tense of the
   verb that governs it choosing past or future for weekdays and months (news usage: "on Sunday"
   in a Tuesday article with a past verb is two days before; "will meet on Thursday" two after);
3. give each event the date of the expression that governs it: one in the event's own clause,
   else one attached to a clause above it (``reported on Tuesday that ... arrived``), else the
   nearest in the sentence. Planned and hypothetical events take only their own clause's
   expression: the date of a report is not the date of what it announces. A past-tense clause
   with a pronoun subject and no expression continues the sentence before it ("It urged ...").
   Otherwise the date stays null: background facts, quotes in the present perfect and planned
   events are not dated by the publication date (the gold convention).

Relative expressions in an article without a publication date keep their text with value None;
absolute ones ("2017", "Feb. 13, 2023") still resolve.
"""
from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import date, timedelta

from newsgraph.dates import resolve as R
from newsgraph.dates.find import Found, find
from newsgraph.dates.lexicon import lexicon
from newsgraph.language import ancestors_clauses, clause_head, direction, token_at
from newsgraph.record import Record, Timex
from newsgraph.stage import stage

LOGGER = logging.getLogger(__name__)

__all__ = ["place_in_time", "timexes_of", "resolve_found"]

# Event factualities that take a date only from their own clause.
_OWN_CLAUSE_ONLY = {"planned", "hypothetical"}


def _publication(record: Record) -> date | None:
    p = record.article.published
    if not p:
        return None
    try:
        return date.fromisoformat(p[:10])
    except ValueError:
        LOGGER.warning("unreadable publication date %r: relative expressions stay unresolved", p)
        return None


def _unit(word: str) -> tuple[str | None, bool]:
    w = word.lower()
    w = "century" if w == "centuries" else w.rstrip("s") if w != "s" else w
    lx = lexicon()
    return lx.units.get(w), w in lx.time_units


def _nearest_year(pub: date, month: int, day: int | None) -> int:
    """Month (and day) without a year and no tense to go by: the occurrence nearest to ``pub``."""
    best = None
    for y in (pub.year - 1, pub.year, pub.year + 1):
        try:
            d = date(y, month, day or 15)
        except ValueError:
            continue
        if best is None or abs((d - pub).days) < abs((best - pub).days):
            best = d
    return best.year if best else pub.year


@dataclass(frozen=True)
class _Expression:
    """One expression with what resolving it needs: its parts, the publication date, the
    direction to look in and the shift word's value ("last" -1, "next" +1)."""

    parts: dict
    surface: str
    pub: date | None
    dirn: int
    shift: int | None
    lx: object


def resolve_found(f: Found, text: str, pub: date | None, verb_direction: int = 0) -> Timex:
    """A :class:`Timex` for one found expression; ``verb_direction`` is the governing verb's
    tense (-1 past, +1 future, 0 unknown)."""
    lx = lexicon()
    p = f.parts
    surface = text[f.start:f.end]
    pre = (p.get("pre") or "").lower()
    # the verb's tense first ("remained there until March 3" looks back); the preposition when
    # the tense says nothing ("through Wednesday" after a verbless phrase)
    dirn = verb_direction or lx.direction_prepositions.get(pre, 0)
    if f.kind in ("month", "monthday"):
        dirn = verb_direction  # "through February" may look back a month: without tense, the nearest
    shift = lx.shift.get((p.get("shift") or "").lower()) if p.get("shift") else None
    found = _Expression(p, surface, pub, dirn, shift, lx)
    try:
        value, ttype = _VALUE_OF[f.kind](found) if f.kind in _VALUE_OF else (None, "DATE")
    except (KeyError, ValueError) as exc:  # an impossible date ("Feb. 30"): keep the text, no value
        LOGGER.debug("no value for %r: %s", surface, exc)
        value, ttype = None, _TYPE_ON_ERROR.get(f.kind, "DATE")
    return Timex(span=(f.start, f.end), text=surface, value=value, type=ttype)


def _monthday(f: _Expression):
    m, d = f.lx.months[f.parts["mon"].lower().rstrip(".")], int(f.parts["day"])
    if f.parts.get("year"):
        return date(int(f.parts["year"]), m, d).isoformat(), "DATE"
    if not f.pub:
        return None, "DATE"
    y = R.month_year(f.pub, m, d, f.dirn) if f.dirn else _nearest_year(f.pub, m, d)
    return date(y, m, d).isoformat(), "DATE"


def _month(f: _Expression):
    m, pub = f.lx.months[f.parts["mon"].lower().rstrip(".")], f.pub
    if f.parts.get("year"):
        return f"{f.parts['year']}-{m:02d}", "DATE"
    if not pub:
        return None, "DATE"
    if f.shift == -1:
        y = pub.year if m < pub.month else pub.year - 1
    elif f.shift == 1:
        y = pub.year if m > pub.month else pub.year + 1
    elif f.shift == 0:
        y = pub.year
    else:
        y = R.month_year(pub, m, None, f.dirn) if f.dirn else _nearest_year(pub, m, None)
    return f"{y}-{m:02d}", "DATE"


def _weekday(f: _Expression):
    if not f.pub:
        return None, "DATE"
    p, lx = f.parts, f.lx
    value = R.weekday(f.pub, lx.weekdays[p["wd"].lower()], f.dirn, f.shift if f.shift else None).isoformat()
    if (p.get("shift") or "").lower() == "coming":
        value = R.weekday(f.pub, lx.weekdays[p["wd"].lower()], 1, 1).isoformat()
    if p.get("part"):
        return value + "T" + lx.day_parts[p["part"].lower()], "TIME"
    return value, "DATE"


def _season(f: _Expression):
    code = f.lx.seasons[f.parts["season"].lower()]
    if f.parts.get("year"):
        return f"{f.parts['year']}-{code}", "DATE"
    return (R.season(f.pub, code, f.shift or 0, f.dirn) if f.pub else None), "DATE"


def _shifted(f: _Expression):
    unit, _ = _unit(f.parts["unit"])
    if f.parts.get("the") and f.shift == -1:  # "the past year": the year up to now
        return R.duration(1, unit), "DURATION"
    return (R.shifted_unit(f.pub, unit, f.shift or 0) if f.pub else None), "DATE"


def _deictic(f: _Expression):
    word = " ".join(f.parts["word"].lower().split())
    part = f.lx.day_parts.get((f.parts.get("part") or "").lower()) or f.lx.deictic_parts.get(word)
    ttype = "TIME" if part else "DATE"
    if not f.pub:
        return None, ttype
    return (f.pub + timedelta(days=f.lx.deictic_offsets[word])).isoformat() + (f"T{part}" if part else ""), ttype


def _ago(f: _Expression):
    unit, _ = _unit(f.parts["unit"])
    n = f.lx.number(f.parts["num"]) if f.parts.get("num") else "X"
    return (R.ago(f.pub, n, unit) if f.pub and isinstance(n, int) else None), "DATE"


def _duration(f: _Expression):
    unit, is_time = _unit(f.parts["unit"])
    n = f.lx.number(f.parts["num"])
    if "half" in f.surface.lower() and isinstance(n, (int, float)):
        n = n + 0.5
    return R.duration(n, unit, is_time), "DURATION"


def _vague(f: _Expression):
    unit, is_time = _unit(f.parts["unit"])
    return R.duration("X", unit, is_time), "DURATION"


def _set(f: _Expression):
    if f.parts.get("adv"):
        return f.lx.sets[f.parts["adv"].lower()], "SET"
    unit, is_time = _unit(f.parts["unit"])
    n = f.lx.number(f.parts["num"]) if f.parts.get("num") else 1
    return R.duration(n if n is not None else 1, unit, is_time), "SET"


def _clock(f: _Expression):
    p = f.parts
    if p.get("word"):
        hh, mm = (12, 0) if p["word"].lower() == "noon" else (0, 0)
    else:
        hh, mm = int(p["h"]) % 12, int(p.get("min") or 0)
        if p["ampm"].lower().startswith("p"):
            hh += 12
    return (f"{f.pub.isoformat()}T{hh:02d}:{mm:02d}" if f.pub else None), "TIME"


# A kind that sets its type before the value can fail keeps it.
_TYPE_ON_ERROR = {"set": "SET", "clock": "TIME"}

# How each kind of expression (dates.find) gets its value and TIMEX3 type.
_VALUE_OF = {
    "iso": lambda f: (f"{f.parts['year']}-{f.parts['m']}-{f.parts['d']}", "DATE"),
    "year": lambda f: (f.parts["year"], "DATE"),
    "decade": lambda f: (f.parts["dec"][:3], "DATE"),
    "century": lambda f: (f"{int(f.parts['cent']) - 1:02d}", "DATE"),  # TIMEX3: the 19th century is "18"
    "monthday": _monthday, "month": _month, "weekday": _weekday, "season": _season, "shifted": _shifted,
    "deictic": _deictic, "ago": _ago, "duration": _duration, "vague": _vague, "set": _set, "clock": _clock,
}


@dataclass
class _Anchored:
    timex: Timex
    head: object  # the expression's syntactic head token
    clause: object  # the verb heading its clause


def timexes_of(text: str, doc, pub: date | None) -> list[_Anchored]:
    """Find and resolve the time expressions of ``text`` (parsed as ``doc``)."""
    out = []
    for f in find(text):
        head = token_at(doc, f.start, f.end) if doc is not None else None
        clause = clause_head(head) if head is not None else None
        verb = clause if clause is not None and clause.pos_ in ("VERB", "AUX") else None
        tx = resolve_found(f, text, pub, direction(verb))
        out.append(_Anchored(tx, head, clause))
    return out


def _nearest(cands: list[_Anchored], tok) -> _Anchored:
    return min(cands, key=lambda a: abs(a.timex.span[0] - tok.idx))


def _governing(event, doc, dated: list[_Anchored]) -> _Anchored | None:
    tok = None
    if event.trigger:
        tok = token_at(doc, *event.trigger)
    if tok is None and event.evidence:
        sent_span = doc.char_span(*event.evidence[0], alignment_mode="expand")
        tok = sent_span.root if sent_span is not None and len(sent_span) else None
    if tok is None:
        return None
    sent = tok.sent
    cands = [a for a in dated if a.head is not None and sent.start <= a.head.i < sent.end]
    if not cands:
        return None if event.factuality in _OWN_CLAUSE_ONLY else _carried_over(tok, dated)
    own = clause_head(tok)
    same = [a for a in cands if a.clause == own]
    if same:
        inside = [a for a in same if a.head in tok.subtree or a.head.head == tok]
        return _nearest(inside or same, tok)
    if event.factuality in _OWN_CLAUSE_ONLY:
        return None
    for clause in ancestors_clauses(tok):
        above = [a for a in cands if a.clause == clause]
        if above:
            return _nearest(above, tok)
    return _nearest(cands, tok)


_PRONOUNS = {"it", "he", "she", "they", "we"}


def _carried_over(tok, dated: list[_Anchored]) -> _Anchored | None:
    """A past-tense clause whose subject is a pronoun continues the sentence before it
    ("Washington warned Pyongyang on Monday ... It urged the North to ..."): it takes the date
    of that sentence's main clause."""
    own = clause_head(tok)
    if direction(own) >= 0 or not any(c.dep_ in ("nsubj", "nsubjpass") and c.lower_ in _PRONOUNS
                                        for c in own.children):
        return None
    if own.sent.start == 0:
        return None
    prev = tok.doc[own.sent.start - 1].sent
    main = [a for a in dated if a.head is not None and prev.start <= a.head.i < prev.end
            and a.clause is not None and a.clause.i == prev.root.i]
    return main[0] if len(main) == 1 else None


@stage("dates", reads=("article", "doc", "events", "events.factuality"),
       writes=("timexes", "events.date"))
def place_in_time(record: Record, doc) -> None:
    """Fill ``record.timexes`` and each event's ``date`` / ``date_text``."""
    text = record.article.text
    pub = _publication(record)
    anchored = timexes_of(text, doc, pub)
    record.timexes = [a.timex for a in anchored]
    dated = [a for a in anchored if a.timex.type in ("DATE", "TIME")]
    for event in record.events:
        try:
            gov = _governing(event, doc, dated)
        except (ValueError, IndexError) as exc:  # a span that does not fit the text: leave undated
            LOGGER.debug("event %s: no date (%s)", event.id, exc)
            gov = None
        if gov is not None:
            event.date = R.date_of(gov.timex.value)
            event.date_text = gov.timex.text
        else:
            event.date, event.date_text = None, None
