"""Finding time expressions in text: precompiled patterns built from the lexicon.

Each pattern yields a :class:`Found` (span, the parts it read and a kind); resolution against
the publication date happens later (:mod:`newsgraph.dates.resolve`), once the governing verb's
tense is known. Overlapping finds are settled longest first.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

from newsgraph.dates.lexicon import lexicon


@dataclass
class Found:
    start: int
    end: int
    kind: str  # weekday | monthday | month | year | decade | shifted | season | deictic | ago | duration | set | clock | iso
    parts: dict = field(default_factory=dict)


def _alt(words) -> str:
    return "|".join(sorted((re.escape(w) for w in words), key=len, reverse=True))


DEICTIC = ("yesterday", "today", "tonight", "tomorrow", "last night", "this morning", "this afternoon",
           "this evening")


@lru_cache(maxsize=1)
def _anchors() -> list[tuple[str, ...] | None]:
    """Per pattern, words one of which any match contains (lower case), or None: a text
    without any of them cannot match, and the pattern is not run over it."""
    lx = lexicon()
    months, units = tuple(lx.months), (*lx.units, "centur")
    needs = {"monthday": months, "month": months, "weekday": tuple(lx.weekdays), "season": tuple(lx.seasons),
             "shifted": units, "deictic": DEICTIC, "ago": ("ago",), "duration": units, "vague": units}
    return [needs.get(kind) for kind, _ in _patterns()]


@lru_cache(maxsize=1)
def _patterns() -> list[tuple[str, re.Pattern]]:
    lx = lexicon()
    wd = _alt(lx.weekdays)
    full = [m for m in lx.months if len(m) > 4 or m in ("may", "june", "july")]
    abbrev = [m for m in lx.months if m not in full]
    mon = rf"(?P<mon>{_alt(full)}|(?:{_alt(abbrev)})\.?)"  # the period only after an abbreviation
    day = r"(?P<day>3[01]|[12]\d|0?[1-9])(?:st|nd|rd|th)?"
    year = r"(?P<year>1[89]\d\d|20\d\d)"
    num_words = _alt([w for w in lx.numbers if not w.startswith("a ")])
    tens = _alt([w for w, v in lx.numbers.items() if isinstance(v, int) and v >= 20 and v < 100])
    ones = _alt([w for w, v in lx.numbers.items() if isinstance(v, int) and v < 10 and len(w) > 2])
    num = rf"(?P<num>\d+(?:\.\d+)?|(?:{tens})-(?:{ones})|a few|a couple of|{num_words})"
    units = _alt(lx.units)
    units_re = rf"(?P<unit>{units}|centuries)s?"
    season = rf"(?P<season>{_alt(lx.seasons)})"
    shift = rf"(?P<shift>{_alt(lx.shift)})"
    part = rf"(?P<part>{_alt(lx.day_parts)})"
    mod = r"(?P<mod>early|late|mid|earlier|later)"
    b = r"(?<![\w-])"  # word start
    e = r"(?![\w])"  # word end
    pats = [
        ("iso", rf"{b}{year}-(?P<m>0[1-9]|1[0-2])-(?P<d>0[1-9]|[12]\d|3[01]){e}"),
        ("monthday", rf"{b}(?:(?P<pre>on|through|until|till|by|since|from|before|after)\s+)?"
                     rf"(?:(?P<wd>{wd}),?\s+)?{mon}\s+{day}(?:,?\s+{year})?{e}"),
        ("monthday", rf"{b}(?:(?P<pre>on|through|until|till|by|since|from|before|after)\s+)?"
                     rf"(?:(?P<wd>{wd}),?\s+)?(?:the\s+)?{day}(?:\s+of)?\s+{mon}(?:,?\s+{year})?{e}"),
        ("month", rf"{b}(?:{mod}[\s-]+)?(?:(?P<pre>in|since|by|until|till|through|during|from|before|after)\s+)?"
                  rf"(?:(?P<mod2>early|late|mid)[\s-]+)?(?:{shift}\s+)?{mon}(?:,?\s+{year})?{e}"),
        ("weekday", rf"{b}(?:{mod}\s+(?:on\s+)?)?(?:(?P<pre>on|through|until|till|by|since|from|before|after)\s+)?"
                    rf"(?:{shift}\s+)?(?P<wd>{wd})(?:['\u2019]s)?(?:\s+{part})?{e}"),
        ("season", rf"{b}(?:(?P<pre>in|during|by|since|until|through)\s+)?(?:{mod}[\s-]+)?(?:the\s+)?"
                   rf"(?:{shift}\s+)?{season}(?:\s+(?:of\s+)?{year})?{e}"),
        ("shifted", rf"{b}(?:{mod}\s+)?(?P<the>the\s+)?{shift}\s+(?P<unit>week|weekend|month|year|decade|century|quarter){e}"),
        ("deictic", rf"{b}(?:{mod}\s+)?(?P<word>{'|'.join(DEICTIC)})"
                    rf"(?:\s+{part})?(?!['\u2019]s\s+(?:world|society|economy|generation))(?![\w])"),
        ("ago", rf"{b}(?:{num}\s+)?{units_re}\s+ago{e}"),
        ("duration", rf"{b}(?:(?P<the>the\s+)(?:{shift}\s+))?{num}(?:[\s-]+and[\s-]+a[\s-]+half)?[\s-]+{units_re}"
                     rf"(?![\w-])(?!\s+old)(?!-old)"),
        ("vague", rf"(?:(?<=\bfor\s)|(?<=\bover\s))(?P<unit>years|months|weeks|days|decades|centuries){e}"),
        ("set", rf"{b}(?P<every>every|each)\s+(?:{num}\s+)?{units_re}{e}"),
        ("set", rf"{b}(?P<times>once|twice)\s+a\s+{units_re}{e}"),
        ("set", rf"{b}(?P<adv>{_alt(lx.sets)}){e}"),
        ("decade", rf"{b}(?:(?P<mod>early|late|mid)[\s-]+)?(?P<dec>1[89]\d0|20\d0)['\u2019]?s{e}"),
        ("year", rf"{b}(?:{mod}[\s-]+)?{year}(?![\w-])(?!\s*%)(?!,\d)"),
        ("century", rf"{b}(?:(?P<mod>early|late|mid)[\s-]+)?(?P<cent>1\d|20|21|[1-9])(?:st|nd|rd|th)[\s-]+century{e}"),
        ("clock", rf"{b}(?:at\s+)?(?P<h>1[0-2]|0?[1-9])(?::(?P<min>[0-5]\d))?\s*(?P<ampm>a\.m\.|p\.m\.|am|pm)(?!\w)"),
        ("clock", rf"{b}(?:at\s+)?(?P<word>noon|midnight){e}"),
    ]
    return [(kind, re.compile(p, re.IGNORECASE)) for kind, p in pats]


# Words that may only be months in a date context ("May", "March"), and months written in lower case.
# Month names that are a month even alone ("February was the wettest"); "June" and "August" are
# also given names, "May" and "March" also a modal and a verb.
_BARE_MONTHS = {"january", "february", "april", "july", "september", "october", "november", "december"}
_AMBIGUOUS_MONTHS = {"may", "march", "mar", "jan", "sep", "dec", "oct", "nov", "aug", "apr", "jun", "jul"}


def _acceptable(kind: str, m: re.Match, text: str) -> bool:
    g = m.groupdict()
    if g.get("mon") and not g["mon"][0].isupper():
        return False  # month names are capitalised in news; "may" is a modal
    if g.get("wd") and not g["wd"][0].isupper():
        return False
    if kind == "month":
        context = g.get("pre") or g.get("mod") or g.get("mod2") or g.get("shift") or g.get("year")
        if not context and g["mon"].lower() not in _BARE_MONTHS:
            return False
        if g["mon"].lower().rstrip(".") in _AMBIGUOUS_MONTHS and not context:
            return False
    if kind == "year":
        after = text[m.end():m.end() + 12]
        if re.match(r"\s*(?:[-\u2013]\s*\d|people|troops|soldiers|residents|km|kilometers|miles|tons|tonnes|feet|meters|units|votes)", after, re.I):
            return False
        before = text[max(0, m.start() - 2):m.start()]
        if before.endswith(("$", "#", "No", "\u20ac", "\u00a3")):
            return False
    if kind == "duration":
        n = lexicon().number(g["num"])
        if n is None:
            return False
        if g["num"].lower() in ("a", "an") and g["unit"].lower().startswith("second"):
            return False  # "a second ship" is an ordinal
    if kind == "season" and not (g.get("pre") or g.get("shift") or g.get("year")):
        return False  # "the fall of the regime"; a season needs "in", "this", "last" or a year
    if kind == "season" and re.match(r"\s+of\s+(?!\d)", text[m.end():m.end() + 8]):
        return False
    if kind == "set" and g.get("adv") and g["adv"][0].isupper() and m.start() > 0 and text[m.start() - 1] not in ".\n\"\u201c":
        return False  # "the Daily Telegraph"
    return True


def find(text: str) -> list[Found]:
    """All time expressions in ``text``, non-overlapping, in text order."""
    cands: list[tuple[int, int, str, dict]] = []
    lower = text.lower()
    for (kind, pat), needs in zip(_patterns(), _anchors()):
        if needs is not None and not any(w in lower for w in needs):
            continue
        for m in pat.finditer(text):
            if m.end() > m.start() and _acceptable(kind, m, text):
                cands.append((m.start(), m.end(), kind, {k: v for k, v in m.groupdict().items() if v}))
    cands.sort(key=lambda c: (-(c[1] - c[0]), c[0]))
    taken: list[Found] = []
    for s, e, kind, parts in cands:
        if any(s < f.end and f.start < e for f in taken):
            continue
        taken.append(Found(s, e, kind, parts))
    taken.sort(key=lambda f: f.start)
    for f in taken:  # a possessive "Tuesday's" is the day; the text stops before "'s"
        t = text[f.start:f.end]
        if f.kind == "weekday" and re.search(r"['\u2019]s$", t):
            f.end -= 2
    return taken
