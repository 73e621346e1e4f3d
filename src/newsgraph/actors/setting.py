"""The article's setting, read once per article: the country it is most about (its focus),
where its story happens (its scene), the countries its headline names, and the country of
the outlet that published it or that it names. :mod:`newsgraph.actors.country` gives these to
the actors whose own words say nothing of their country."""
from __future__ import annotations

from dataclasses import dataclass
from urllib.parse import urlsplit

from newsgraph.actors.lexicon import norm, place_country, strip_the
from newsgraph.actors.mentions import WORDS, Cand
from newsgraph.record import Record

SCENE_PREPS = WORDS["scene_prep"]


@dataclass
class Setting:
    focus: str | None  # the country the article is most about
    scene: str | None  # the country where its story happens
    outlet: str | None  # the country of its publisher, else of the outlet it names most


def article_setting(record: Record, doc, cands: list[Cand], accs: list, lex) -> Setting:
    """The setting of ``record``'s article from its candidates and the actors grouped so far."""
    title = title_countries(record.article.title, lex) if record.article.title else []
    return Setting(focus=_focus_country(cands, accs, title), scene=_scene_country(doc),
                   outlet=_publisher_country(record, lex) or _outlet_country(cands))


def _publisher_country(record: Record, lex) -> str | None:
    """Country of the outlet that published the article: its outlet name, else its URL's domain."""
    art = record.article
    names = [art.outlet] if art.outlet else []
    if art.url:
        host = urlsplit(art.url).hostname or ""
        parts = host.removeprefix("www.").split(".")
        names += [".".join(parts[i:]) for i in range(max(0, len(parts) - 3), len(parts) - 1)]
    for name in names:
        body = lex.body(name)
        if body is not None and body.kind == "media" and body.country:
            return body.country
    return None


def _outlet_country(cands: list[Cand]) -> str | None:
    """The country of the news outlet the article names most ("told VOA"), if any."""
    counts: dict[str, int] = {}
    for c in cands:
        if c.kind == "body" and c.sector == "MED" and c.country:
            counts[c.country] = counts.get(c.country, 0) + 1
    return max(counts, key=counts.get) if counts else None


def _focus_country(cands: list[Cand], accs: list = (), title: list[str] = ()) -> str | None:
    """The country the article is most about: the most often named in the headline and the text
    (first named on a tie); each well-known person counts once for the country general knowledge
    gives them ("President William Ruto"; one whose country the text names is counted with that
    name). A country named once is no focus: it is as often the other party."""
    counts: dict[str, int] = {}
    for code in title:
        counts[code] = counts.get(code, 0) + 2  # the headline says what the story is about
    for c in cands:
        if c.kind in ("country", "demonym", "capital", "place") and c.country and c.country != "IGO":
            counts[c.country] = counts.get(c.country, 0) + 1
    for acc in accs:
        if acc.type == "person" and acc.country and acc.country != "IGO" and not any(c.country for c in acc.cands):
            counts[acc.country] = counts.get(acc.country, 0) + 1
    if not counts:
        return None
    best = max(counts.values())
    if best < 2:
        return None
    return next(code for code, n in counts.items() if n == best)


def title_countries(title: str, lex) -> list[str]:
    """Countries a headline names by a country's, nationality's or capital's name ("Thousands
    protest fuel price rise in Nigeria's Lagos" -> NGA); looked up word by word, two words first."""
    words = [norm(w) for w in title.replace("’", "'").split()]
    out: list[str] = []
    i = 0
    while i < len(words):
        for n in (3, 2, 1):
            phrase = " ".join(words[i : i + n]).strip(" ,.:;!?\"'")
            if not phrase or not phrase[:1].isupper():
                continue
            code = lex.country(phrase) or lex.demonym(phrase) or lex.capital(phrase)
            if code and code != "IGO":
                out.append(code)
                i += n - 1
                break
        i += 1
    return out


def _scene_country(doc) -> str | None:
    """The country where the story happens: that of the places named after "in", "at", "near",
    when most agree ("a trial in New York ... arrested in Brooklyn" -> USA); None otherwise."""
    counts: dict[str, int] = {}
    for ent in doc.ents:
        if ent.label_ not in ("GPE", "LOC", "FAC") or ent.start == 0 or doc[ent.start - 1].lower_ not in SCENE_PREPS:
            continue
        code = place_country(strip_the(ent.text))
        if code and code != "IGO":
            counts[code] = counts.get(code, 0) + 1
    if not counts:
        return None
    best = max(counts, key=counts.get)
    return best if counts[best] >= 2 and counts[best] * 3 >= sum(counts.values()) * 2 else None

