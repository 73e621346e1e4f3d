"""Finding actor mentions in a parsed document and grouping them into actors.

The pass works in three steps over one ``Doc``:

1. *find*: a gazetteer of n-grams (countries, demonyms, capitals, named bodies) plus spaCy's
   entities (PERSON, ORG, NORP, GPE) give candidate spans; role nouns ("officials", "the
   spokesman") and organisation head words ("defense ministry") give the unnamed ones;
2. *describe*: every candidate gets a country, a sector and role words from what the
   sentence says around it (titles before a name, appositions after it, nationality
   adjectives, possessives, "at ORG in CITY");
3. *group*: candidates with the same identity become one actor with all their mentions;
   :mod:`newsgraph.actors.coref` then adds short names, pronouns and definite descriptions.
"""
from __future__ import annotations

import logging
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources

from newsgraph.actors.lexicon import MIN_CITY_POPULATION, Lexicon, norm, place_country, strip_the

LOGGER = logging.getLogger(__name__)

ENTITY_LABELS = {"PERSON", "ORG", "NORP", "GPE", "FAC", "LOC"}
# Words that may stand between a title and the name it belongs to, or inside a title.
TITLE_GLUE = {"of", "to", "for", "and", "the", "'s", "’s", "former", "current", "then", "acting",
              "deputy", "vice", "senior", "top", "first", "chief", "foreign", "-", "interim", "new",
              "outgoing", "incoming", "longtime", "veteran", "self", "proclaimed", "late", "ex",
              "state", "national", "general", "special", "assistant", "executive", "federal", "regional"}
# Verbs whose "at/for X" phrase names where their subject works ("she works for the Hudson Institute").
WORK_VERBS = {"work", "teach", "lecture", "study", "research", "serve"}
# Verbs whose object is the body their subject leads ("who heads the Lowy Institute").
LEAD_VERBS = {"head", "lead", "direct", "run", "chair", "found"}
# A city named before an organisation's head word must be this large to place it ("Kyiv School
# of Economics"); smaller towns share their names with too many words ("Meridian", "Liberty").
MIN_MODIFIER_CITY_POPULATION = 300_000
# "based in", "living in": where a person works or lives.
RESIDENCE_WORDS = {"based", "living", "lives", "lived", "residing", "resides", "born", "raised"}
# "the child of Chinese immigrants": what follows "<kin> of" describes the parents.
KIN_WORDS = {"child", "son", "daughter", "grandson", "granddaughter", "grandchild", "descendant", "offspring"}
# "originally from Taiwan", "who hails from Kenya": where a person comes from.
ORIGIN_WORDS = {"originally", "hails", "hailed", "comes", "came"}
# Words that put a title in the past: the holder no longer speaks for that body.
PAST_TITLE_WORDS = {"former", "ex", "then", "onetime", "erstwhile", "retired"}
TITLE_MODIFIERS = {"former", "current", "acting", "deputy", "vice", "senior", "top", "first", "chief",
                   "interim", "outgoing", "incoming", "foreign", "special", "assistant", "ex", "executive"}


@lru_cache(maxsize=1)
def locative_words() -> tuple[frozenset[str], frozenset[str]]:
    """(place prepositions, motion words) from ``data/locative.tsv``."""
    preps, motion = set(), set()
    text = resources.files("newsgraph.actors").joinpath("data", "locative.tsv").read_text(encoding="utf-8")
    for line in text.splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        word, kind = (c.strip() for c in line.split("\t")[:2])
        (preps if kind == "prep" else motion).add(word.lower())
    return frozenset(preps), frozenset(motion)


@dataclass
class Cand:
    """One candidate mention: tokens [start, end) of the doc and what we know of it."""

    start: int
    end: int
    kind: str  # country | demonym | capital | body | person | org | group | north
    country: str | None = None
    sector: str | None = None
    name: str = ""
    code: str | None = None
    title: str | None = None
    type: str = "organization"
    key: tuple | None = None
    extra: list[tuple[int, int]] = field(default_factory=list)  # more token spans (appositions)
    ethnic: bool = False  # a people rather than a nationality ("Kurds", "Hutu"): no country of its own
    regional: bool = False  # described by a regional word ("European leaders"): no country to guess
    consumed: bool = False  # a modifier folded into a larger actor ("Russian" in "Russian Defence Minister")
    head: int = -1  # token index of the syntactic head
    former: bool = False  # a person described by a past title ("former NATO Secretary General")
    affiliation: bool = False  # a body named as a person's employer ("the Project's Pedro Sepulveda")

    def tokens(self):
        return range(self.start, self.end)


def gazetteer(doc, lex: Lexicon) -> list[Cand]:
    """Longest-first n-gram look-up of known names; only spans that start with a capital letter."""
    out: list[Cand] = []
    n_tok = len(doc)
    texts, spaces, stops, possessive = [], [], [], []
    for t in doc:
        text = t.text
        if "\u2019" in text or "\u2018" in text:
            text = text.replace("\u2019", "'").replace("\u2018", "'")
        texts.append(text)
        spaces.append(" " if t.whitespace_ else "")
        # A name never runs across these (sentence punctuation, quotes, line breaks).
        stops.append(t.is_punct and text not in ("-", "'", "&", "/") or t.is_space)
        possessive.append(t.tag_ == "POS")
    max_n = max(lex.ngram_lengths)
    prefixes = lex.gaz_prefixes
    i = 0
    while i < n_tok:
        first = texts[i]
        if (not first[:1].isupper() and first[:2] not in lex.lower_initials) or first[:2].lower() not in prefixes \
                or stops[i]:
            i += 1
            continue
        # "inter-Korean": a demonym glued to a prefix is not a nationality.
        if i > 0 and texts[i - 1] == "-" and not spaces[i - 1]:
            i += 1
            continue
        limit = i + 1
        most = min(max_n, lex.gaz_longest.get(first[:2].lower(), max_n) + 1)
        while limit < n_tok and limit - i < most and not stops[limit]:
            limit += 1
        hit = None
        grams, run = [], ""
        for k in range(i, limit):  # the n-grams from token i, built once, shortest first
            run += texts[k] + spaces[k]
            grams.append(run)
        for end in range(limit, i, -1):
            if possessive[end - 1]:
                continue  # "Russia's": the name is the shorter n-gram
            text = grams[end - i - 1].strip()
            if not first[:1].isupper() and text not in lex.lower_names:
                continue  # a lower-case word starts only a name listed in lower case ("frontier corps")
            found = lex.gaz_exact.get(text) or lex.gaz_lower.get(text.lower())
            if found is None and text.endswith(".") and "." not in text[:-1]:
                text = text[:-1]  # "in Iran." at a sentence end
                found = lex.gaz_exact.get(text) or lex.gaz_lower.get(text.lower())
            elif found is None and "." in text and not text.endswith("."):
                found = lex.gaz_exact.get(text + ".")  # "U.S" before a sentence's full stop
            if found is not None:
                hit = _lookup(found, text, lex, doc[i:end])
                if hit is not None:
                    hit.start, hit.end = i, end
                    break
        # "Guinea-Lanta" is another name; "U.S.-backed" keeps its country.
        if hit is not None and hit.end + 1 < n_tok and texts[hit.end] == "-" and not spaces[hit.end - 1] \
                and texts[hit.end + 1][:1].isupper():
            hit = None
        # "National Congress Party", "National People's Congress": a one-word body alias inside a
        # longer proper name is not that body.
        if hit is not None and hit.kind == "body" and hit.end - hit.start == 1 and _inside_name(doc, i, texts, lex):
            hit = None
        if hit is None:
            i += 1
            continue
        out.append(hit)
        i = hit.end
    return out


def _inside_name(doc, i: int, texts: list[str], lex: Lexicon) -> bool:
    """True when token ``i`` follows an unknown capitalised word of the same proper name
    ("National" in "National Congress Party", "People's" in "National People's Congress")."""
    j = i - 1
    if j > 0 and doc[j].tag_ == "POS":
        j -= 1
    if j < 0 or not texts[j][:1].isupper() or doc[j].pos_ != "PROPN" or doc[j].is_sent_start:
        return False
    owner = lex.gaz_lower.get(texts[j].lower())
    if owner is not None and owner[0] in ("country", "capital", "demonym"):
        return False  # "America's Congress", "Russian Parliament": a known name owns the body
    same_entity = doc[i].ent_iob_ == "I" and doc[i].ent_type_ == "ORG"
    capital_after = i + 1 < len(doc) and texts[i + 1][:1].isupper() and doc[i + 1].pos_ == "PROPN"
    return same_entity or capital_after


def _lookup(found: tuple[str, object], text: str, lex: Lexicon, span) -> Cand | None:
    kind, value = found
    if kind == "body":
        body = value
        return Cand(0, 0, "body", country=body.country, sector=body.sector, name=body.name, code=body.code,
                    type="metonym" if body.kind == "seat" else "organization", key=("body", body.name))
    if kind == "country":
        code = value
        return Cand(0, 0, "country", country=code, sector="GOV", name=lex.country_names.get(code, text),
                    code=code, type="country", key=("country", code))
    if kind == "demonym":
        return Cand(0, 0, "demonym", country=value, name=text)
    if kind == "ethnic":
        # "Kurds", "Tamil", "Hutu": a people with no single state; where they live decides.
        return Cand(0, 0, "demonym", country=value or None, name=text, ethnic=True)
    if kind == "capital" and span.root.ent_type_ in ("GPE", "ORG", "FAC", "LOC", ""):
        name = strip_the(text)
        return Cand(0, 0, "capital", country=value, sector="GOV", name=name, code=value + "GOV",
                    type="metonym", key=("metonym", name.lower()))
    return None


# Lower-case particles inside personal names: "Ursula von der Leyen", "Charles de Gaulle",
# "Mohammed bin Salman". The entity recogniser often ends the name at the particle.
NAME_PARTICLES = frozenset({"von", "van", "der", "den", "de", "del", "della", "di", "da", "dos", "das", "du",
                            "le", "la", "bin", "ibn", "bint", "al", "el", "ben", "ter", "ould"})


def _name_end(doc, end: int) -> int:
    """End of a personal name that runs on over lower-case particles to a capitalised word."""
    j = end
    while j < len(doc) and doc[j].lower_ in NAME_PARTICLES and doc[j].text[:1].islower():
        j += 1
    if j > end and j < len(doc) and doc[j].text[:1].isupper() and doc[j].pos_ == "PROPN":
        return j + 1
    # "Ursula von der" + "Leyen": the name already ends on a particle.
    if j == end and end < len(doc) and doc[end - 1].lower_ in NAME_PARTICLES and doc[end].text[:1].isupper():
        return end + 1
    return end


def _particle_name(span, lex: Lexicon) -> bool:
    """True for "Charles de Gaulle", "Ursula von der Leyen": capitalised words around lower-case
    name particles, none of them an organisation or role word."""
    words = list(span)
    if len(words) < 3 or not words[0].text[:1].isupper() or not words[-1].text[:1].isupper():
        return False
    if not any(w.lower_ in NAME_PARTICLES and w.text[:1].islower() for w in words[1:-1]):
        return False
    return not any(w.lower_ in lex.org_words or lex.role(w.lower_) is not None or lex.country(w.text)
                   or w.lower_ in ("of", "for", "and", "the") for w in words)


def entity_cands(doc, taken: set[int], ends: dict[int, int] | None = None) -> list[Cand]:
    """spaCy's PERSON / ORG / NORP entities that the gazetteer did not already cover.
    ``ends``: entity start -> a corrected end (an ORG name cut inside a country's name)."""
    out = []
    ends = ends or {}
    swallowed = -1  # last token of a name extended over particles
    for ent in doc.ents:
        if ent.label_ not in ENTITY_LABELS:
            continue
        start, end = ent.start, ends.get(ent.start, ent.end)
        if start <= swallowed:
            continue
        if ent.label_ == "PERSON":
            end = _name_end(doc, end)
            if end > ent.end:
                swallowed = end - 1
        # Drop a leading "the" and a trailing possessive from the mention's name part.
        while end > start + 1 and (doc[end - 1].tag_ == "POS" or doc[end - 1].text in ("(", "[", "-", ",")):
            end -= 1
        while start < end - 1 and doc[start].lower_ == "the":
            start += 1
        overlap = [i for i in range(start, end) if i in taken]
        if ent.label_ == "PERSON":
            if overlap and len(overlap) == end - start:
                continue
            # "Jordan Peterson": a name that contains a country name is still a person.
            out.append(Cand(start, end, "person", type="person", name=norm(doc[start:end].text)))
        elif ent.label_ == "ORG":
            # "INL (Bureau of International Narcotics ...)": the full name inside the bracket.
            bracket = next((i for i in range(start + 1, end - 2) if doc[i].text == "("), None)
            if bracket is not None:
                start = bracket + 1
                overlap = [i for i in range(start, end) if i in taken]
            # "Malawi's Department of Disaster Management Affairs": the body starts after its owner.
            pos = next((i for i in range(start + 1, min(end - 1, start + 5)) if doc[i].tag_ == "POS"), None)
            if pos is not None and overlap and all(i in taken for i in range(start, pos)):
                start = pos + 1
                overlap = [i for i in range(start, end) if i in taken]
            if overlap:
                continue
            comma = next((i for i in range(start + 1, end) if doc[i].text == ","), None)
            if comma is not None:
                # "the Ministry of Information and Culture, Zia-ul Haq Haqmal": a body and the
                # person after the comma, run together by the recogniser.
                # (hyphenated parts may be lower case: "Zia-ul")
                rest = [t for t in doc[comma + 1 : end] if t.text != "-" and doc[t.i - 1].text != "-"]
                if 2 <= len(rest) <= 4 and all(t.pos_ == "PROPN" and t.text[:1].isupper() for t in rest):
                    out.append(Cand(comma + 1, end, "person", type="person", name=norm(doc[comma + 1 : end].text)))
                end = comma
            out.append(Cand(start, end, "org", type="organization", name=norm(doc[start:end].text)))
        elif ent.label_ in ("LOC", "GPE") and not overlap and doc[start:end].text in ("North", "South"):
            out.append(Cand(start, end, "north", name=doc[start:end].text))
        # A NORP that is no demonym ("Sunni", "Kurds") names no country: not an actor here.
    return out


def _org_names_over_places(doc, lex: Lexicon, gaz: list[Cand]) -> tuple[list[Cand], dict[int, int]]:
    """"University of Sarajevo", "Kyiv School of Economics", "Constitutional Court of Bosnia and
    Herzegovina": an organisation's name that contains a country or city is the organisation,
    when the recogniser tags it ORG and its head is an organisation word. Returns the gazetteer
    hits left and the corrected ends of names the recogniser cut inside a country's name
    ("the Court of Bosnia and" + "Herzegovina")."""
    drop: set[int] = set()
    ends: dict[int, int] = {}
    next_ent_end = {e.start: e.end for e in doc.ents}
    for ent in doc.ents:
        # "the Clinical Research Unit of" + "Nanoro": a name cut after its "of" runs over the place.
        if ent.label_ == "ORG" and doc[ent.end - 1].lower_ == "of" and ent.end < len(doc) \
                and doc[ent.end].ent_iob_ == "B" and doc[ent.end].ent_type_ in ("GPE", "LOC", "FAC"):
            ends[ent.start] = next_ent_end[ent.end]
            drop.update(id(c) for c in gaz if ent.start <= c.start and c.end <= ends[ent.start]
                        and c.kind in ("country", "capital"))
            continue
        if ent.label_ != "ORG" or ent.root.lower_ not in lex.org_words and ent.root.lower_ not in lex.org_name_words:
            continue
        end = ent.end
        cut = [c for c in gaz if ent.start < c.start < end < c.end and c.kind == "country"
               and doc[c.start - 1].lower_ in ("of", "in")]
        if cut:
            end = cut[0].end
        # "Malawi's Department of ...": a possessive owner opening the name stays an actor of its own.
        inside = [c for c in gaz if ent.start <= c.start and c.end <= end
                  and not (c.end < end and doc[c.end].tag_ == "POS")]
        first = ent.start + (doc[ent.start].lower_ == "the")
        # "Syrian Center for Legal Studies and Research", "the Chinese American Museum": nationalities
        # inside a long name too.
        if inside and all((c.kind in ("capital", "country") or c.kind == "demonym" and end - first >= 3)
                          and not c.start <= ent.root.i < c.end for c in inside) \
                and not any(c.start < ent.start < c.end or c.start < end < c.end for c in gaz):
            drop.update(id(c) for c in inside)
            if end != ent.end:
                ends[ent.start] = end
    return ([c for c in gaz if id(c) not in drop] if drop else gaz), ends


def doc_head_is(c: "Cand", doc) -> bool:
    """True when the candidate heads its own noun phrase (not an adjective on another word)."""
    return doc[c.head].dep_ not in ("amod", "compound", "nmod", "poss") if c.head >= 0 else False


def _capitalised_propns(doc) -> list[int]:
    """Indices of capitalised proper nouns and of capitalised words opening a sentence (where
    the name scans below may start), found in one pass and kept on the doc: creating spaCy
    Token objects index by index in every scan costs more than the scans themselves."""
    cached = doc.user_data.get(_PROPN_KEY)
    if cached is None:
        cached = [t.i for t in doc if t.text[:1].isupper() and (t.pos_ == "PROPN" or t.is_sent_start or t.dep_ in
                                                                  ("nsubj", "nsubjpass"))]
        doc.user_data[_PROPN_KEY] = cached
    return cached


_PROPN_KEY = "newsgraph.actors.capitalised"


def listed_people(doc, lex: Lexicon, taken: set[int]) -> list[Cand]:
    """Names of data/people.tsv that the entity recogniser missed ("Trump praised ..."): runs
    of proper nouns outside any entity, looked up as a full name or as a surname whose listed
    bearers share one country."""
    out = []
    n = len(doc)
    resume = 0
    for i in _capitalised_propns(doc):
        if i < resume:
            continue
        t = doc[i]
        if t.ent_type_ or i in taken or t.pos_ != "PROPN" and not _bare_subject(t):
            continue
        j = i + 1
        while j < n and j - i < 4 and doc[j].pos_ == "PROPN" and not doc[j].ent_type_ and j not in taken:
            j += 1
        hit = None
        for end in range(j, i, -1):
            text = doc[i:end].text
            if lex.person(text) is not None:
                hit = end
                break
            # A surname alone only where a name can stand, never as a modifier ("Computing Power Grid").
            if end - i == 1 and t.dep_ in ("nsubj", "nsubjpass", "dobj", "pobj", "poss") \
                    and len({p.country for p in lex.surname(text)}) == 1:
                hit = end
                break
        if hit is None:
            continue
        out.append(Cand(i, hit, "person", type="person", name=norm(doc[i:hit].text)))
        resume = hit
    return out


# Verbs of being and seeming: their subject is described, it does not act ("Sydney is shrouded in smoke").
STATE_VERBS = frozenset({"be", "become", "remain", "seem", "appear", "look", "stay", "lie", "sit", "face", "suffer",
                         "experience", "see", "receive", "get", "have", "host"})
# "Saudi-led", "Hamas-run": the hyphened country leads or runs the body (unlike "Russian-backed").
LEADING_PARTICIPLES = frozenset({"led", "run", "ruled", "controlled", "commanded", "governed", "owned"})
# Sectors of a state's own branches: "Taliban Foreign Ministry" is a branch of the Taliban's rule.
STATE_BRANCHES = frozenset({"GOV", "MIL", "COP", "SPY", "JUD", "LEG"})
# Entity labels that a name after a title may carry by mistake ("Randhir Jaiswal" as a PRODUCT).
MINOR_ENTS = frozenset({"", "PRODUCT", "WORK_OF_ART", "EVENT", "LAW", "LANGUAGE"})
# Entity labels that a speaker's name may carry by mistake besides the minor ones ("Nino Galissa" as LOC).
SPEAKER_ENTS = MINOR_ENTS | {"LOC", "GPE", "FAC"}


def _no_name_word(tok, lex: Lexicon) -> bool:
    """A title, organisation word, country or nationality: no word of a person's name."""
    return lex.role(tok.lower_) is not None or tok.lower_ in lex.org_words or bool(lex.country(tok.text)) \
        or lex.demonym(tok.text) is not None


def titled_names(doc, lex: Lexicon, taken: set[int]) -> list[Cand]:
    """Names the entity recogniser missed after a title: "French Minister of Armed Forces Florence
    Parly". A run of capitalised proper nouns outside any entity whose first words are title or
    organisation words ("Armed Forces") ends in two or three name words: those are the person."""
    out = []
    n = len(doc)
    resume = 0
    for i in _capitalised_propns(doc):
        if i < resume:
            continue
        t = doc[i]
        if t.ent_type_ not in MINOR_ENTS or i in taken or t.pos_ != "PROPN":
            continue
        # The name words may carry a place's label by mistake ("Solo Mayor Hadi Rudyatmo").
        j = i
        while j < n and doc[j].pos_ == "PROPN" and doc[j].text[:1].isupper() and doc[j].ent_type_ in SPEAKER_ENTS \
                and j not in taken:
            j += 1
        k = i
        while k < j - 2:
            two = f"{doc[k].lower_} {doc[k + 1].lower_}"
            if two in lex.org_words or lex.role(two) is not None:
                k += 2
            elif doc[k].lower_ in lex.org_words or (role := lex.role(doc[k].lower_)) is not None and not role.untitled:
                k += 1
            else:
                break
        if k == i:
            # A place before the title: "Solo Mayor Hadi Rudyatmo", "Jakarta Governor ...".
            last = max((m for m in range(i, j - 2) if (role := lex.role(doc[m].lower_)) is not None
                        and not role.untitled), default=None)
            if last is not None and doc[i].ent_type_ in MINOR_ENTS:
                k = last + 1
        # The title may also stand just before the run: "with Minister Florence Parly" (tagged
        # or not); the run must then hold only name words.
        titled = k > i or i > 0 and (lex.role(doc[i - 1].lower_) is not None or doc[i - 1].lower_ in lex.org_words)
        names = doc[k:j]
        if titled and 2 <= len(names) <= 3 and not any(_no_name_word(w, lex) for w in names) \
                and (all(w.ent_type_ in MINOR_ENTS for w in names) or place_country(names.text) is None):
            out.append(Cand(k, j, "person", type="person", name=norm(names.text)))
        resume = max(j, i + 1)
    return out


def speaker_names(doc, lex: Lexicon, taken: set[int]) -> list[Cand]:
    """Names the entity recogniser missed or took for a place, that speak: two or three
    capitalised proper nouns, none a known place, title or nationality, that are the subject of
    a verb of saying ("... is what Nino Galissa recounts", "Ama Boateng said")."""
    out = []
    for i in _capitalised_propns(doc):
        tok = doc[i]
        if tok.dep_ != "nsubj" or tok.pos_ != "PROPN" or tok.ent_type_ not in SPEAKER_ENTS or tok.i in taken \
                or tok.head.lemma_.lower() not in lex.speech_verbs:
            continue
        start = tok.i
        while start > 0 and tok.i - start < 2 and doc[start - 1].pos_ == "PROPN" and doc[start - 1].dep_ == "compound" \
                and doc[start - 1].head.i == tok.i:
            start -= 1
        words = doc[start : tok.i + 1]
        if not 2 <= len(words) <= 3 or any(
                t.i in taken or not t.text[:1].isupper() or not t.is_alpha or t.ent_type_ not in SPEAKER_ENTS
                or _no_name_word(t, lex)
                for t in words):
            continue
        if place_country(words.text) is not None or lex.capital(words.text) is not None:
            continue  # "New Delhi said": a seat of power speaking
        out.append(Cand(start, tok.i + 1, "person", type="person", name=norm(words.text)))
    return out


def described_as_person(doc, tok, lex: Lexicon, who: bool = False) -> bool:
    """A name the text describes as a person: an apposition that is a singular title ("Oh Ei Sun,
    senior fellow with ..."), a title after "is" ("Mahad Wasuge is the executive director of
    ..."), or, with ``who``, a relative clause opened by "who" (not for names tagged as places:
    "from the Middle East and Africa, who have landed")."""
    # "his Azerbaijani counterpart, Elnur Mammadov": the name in apposition to a title
    if tok.dep_ == "appos" and tok.head.tag_ == "NN" and tok.head.i < tok.i and lex.role(tok.head.lower_) is not None:
        return True
    for ch in tok.children:
        if ch.dep_ == "appos" and ch.tag_ == "NN" and lex.role(ch.lower_) is not None:
            return True
        if who and ch.dep_ == "relcl" and any(g.lower_ in ("who", "whom", "whose") and g.i > tok.i for g in ch.children):
            return True
    if tok.dep_ == "nsubj" and tok.head.lemma_ == "be":
        return any(ch.dep_ == "attr" and ch.tag_ == "NN" and lex.role(ch.lower_) is not None
                   for ch in tok.head.children)
    return False


def name_words(doc, start: int, end: int, lex: Lexicon) -> int:
    """Where the trailing run of two or three name words in ``doc[start:end]`` begins (capitalised,
    alphabetic, not all capitals, not a title, organisation word, country or nationality); ``end``
    when there is none."""
    k = end
    while k > start and end - k < 3:
        t = doc[k - 1]
        if not (t.is_alpha and t.text[:1].isupper() and not t.is_upper and t.pos_ == "PROPN") or _no_name_word(t, lex):
            break
        k -= 1
    return k if end - k >= 2 else end


def described_names(doc, lex: Lexicon, taken: set[int]) -> list[Cand]:
    """Names the entity recogniser took for a place or missed that the text describes as people
    (see ``described_as_person``): "Oh Ei Sun, senior fellow with the Singapore Institute"."""
    out = []
    for i in _capitalised_propns(doc):
        tok = doc[i]
        if i in taken or tok.pos_ != "PROPN" or tok.ent_type_ not in SPEAKER_ENTS | {"ORG", "NORP"} or tok.dep_ == "compound":
            continue
        start = tok.i
        while start > 0 and tok.i - start < 2 and doc[start - 1].dep_ == "compound" and doc[start - 1].head.i == tok.i \
                and doc[start - 1].i not in taken:
            start -= 1
        k = name_words(doc, start, tok.i + 1, lex)
        if k > tok.i or k > 0 and doc[k - 1].lower_ == "the" or not described_as_person(doc, tok, lex):
            continue
        words = doc[k : tok.i + 1]
        if place_country(words.text) is not None or lex.capital(words.text) is not None:
            continue
        out.append(Cand(k, tok.i + 1, "person", type="person", name=norm(words.text)))
    return out


def acting_regions(doc, ents: list[Cand], taken: set[int]) -> list[Cand]:
    """Regions and cities that act, standing for their governments as capitals do: "Bali banned
    the trade", "Texas sued the administration". A place the recogniser tags GPE that is the active
    subject of a verb other than "be" (alone or in a coordination), with a known country; not a
    surname of someone named ("Shamsa Mohamed Aden ... Aden is reluctant")."""
    surnames = {doc[c.end - 1].text for c in ents if c.kind == "person"}
    out = []
    for ent in doc.ents:
        if ent.label_ != "GPE" or any(i in taken for i in range(ent.start, ent.end)) or ent.text in surnames:
            continue
        top = ent.root
        while top.dep_ == "conj" and top.head.i != top.i:
            top = top.head
        verb = top.head
        if top.dep_ != "nsubj" or verb.pos_ != "VERB" or verb.lemma_ in STATE_VERBS \
                or ent.end < len(doc) and doc[ent.end].tag_ == "POS":
            continue
        name = strip_the(ent.text)
        code = place_country(name)
        if code and code != "IGO":
            out.append(Cand(ent.start, ent.end, "capital", country=code, sector="GOV", name=name, code=code + "GOV",
                            type="metonym", key=("metonym", name.lower())))
    return out


def surname_mentions(doc, ents: list[Cand], taken: set[int]) -> list[Cand]:
    """Later bare-surname mentions the entity recogniser missed: "Amirov and Omarov, both from
    Azerbaijan" after "Rafat Amirov and Polad Omarov". Only a proper noun standing alone (no
    capitalised neighbour) that is exactly the last word of a person named in full."""
    surnames = {doc[c.end - 1].text for c in ents if c.kind == "person" and c.end - c.start > 1
                and doc[c.end - 1].text[:1].isupper() and len(doc[c.end - 1].text) > 2}
    out = []
    if not surnames:
        return out
    for i in _capitalised_propns(doc):
        tok = doc[i]
        # The tagger may take a foreign surname for a common noun ("Mehdiyev, who is Azerbaijani").
        if tok.i in taken or tok.text not in surnames or tok.pos_ not in ("PROPN", "NOUN"):
            continue
        neighbours = [doc[j] for j in (tok.i - 1, tok.i + 1) if 0 <= j < len(doc)]
        if any(n.pos_ == "PROPN" and n.text[:1].isupper() for n in neighbours):
            continue
        out.append(Cand(tok.i, tok.i + 1, "person", type="person", name=tok.text))
    return out


def _bare_subject(tok) -> bool:
    """A capitalised singular noun with no determiner that is a verb's subject: "Trump praised
    ...", which the tagger took for a common noun at the start of a sentence."""
    return tok.tag_ == "NN" and tok.dep_ in ("nsubj", "nsubjpass") and tok.head.pos_ in ("VERB", "AUX") \
        and not any(ch.dep_ in ("det", "amod", "compound", "poss") for ch in tok.children)


def kind_is_role(c: "Cand") -> bool:
    return c.kind in ("role", "group")


def affil_right(tok) -> int:
    """End of a role's "for/at/of ..." phrase: "a spokeswoman for South Korea's defense ministry"."""
    for child in tok.rights:
        if child.dep_ == "prep" and child.lower_ in ("for", "at", "of", "with", "from"):
            end = child.right_edge.i + 1
            # A misparse can hang the rest of the sentence on the phrase ("Doctors from two aid
            # groups donated ..."): the phrase ends before its first verb.
            doc = tok.doc
            verb = next((j for j in range(child.i + 1, end) if doc[j].pos_ in ("VERB", "AUX")
                         and doc[j].dep_ not in ("amod", "compound")), None)
            return verb if verb is not None else end
    return tok.i + 1


def hyphen_word(doc, first: int) -> str:
    """"secretary-general" when tokens ``first``, ``first + 1`` ("-") and ``first + 2`` are written
    without spaces (the tokenizer splits such words in three); else ""."""
    if first < 0 or first + 2 >= len(doc) or doc[first + 1].text != "-" \
            or doc[first].whitespace_ or doc[first + 1].whitespace_:
        return ""
    return f"{doc[first].lower_}-{doc[first + 2].lower_}"


def np_extent(tok) -> tuple[int, int]:
    """Token range of the noun phrase headed by ``tok``, without relative clauses or trailing PPs."""
    left = tok.left_edge.i
    right = tok.i + 1
    return left, right


class Finder:
    """Find, describe and group the actor mentions of one document."""

    def __init__(self, doc, lex: Lexicon):
        self.doc = doc
        self.lex = lex
        self.preps, self.motion = locative_words()
        self.cands: list[Cand] = []
        self.by_token: dict[int, Cand] = {}

    # ----------------------------------------------------------------- find
    def find(self) -> list[Cand]:
        doc, lex = self.doc, self.lex
        gaz, ends = _org_names_over_places(doc, lex, gazetteer(doc, lex))
        taken = {i for c in gaz for i in c.tokens()}
        ents = entity_cands(doc, taken, ends)
        for c in ents:
            if c.kind == "org" and _particle_name(doc[c.start : c.end], lex):
                c.kind, c.type = "person", "person"  # "Charles de Gaulle" tagged ORG
            if c.kind == "person" and c.end - c.start >= 3 and lex.role(doc[c.start].lower_) is not None:
                # "Lawyer Lionel Bethune de Moro": a capitalised title taken into the name.
                c.start += 1
                c.name = norm(doc[c.start : c.end].text)
        ents = self._described_orgs(ents)
        ents += listed_people(doc, lex, taken | {i for c in ents for i in c.tokens()})
        ents += titled_names(doc, lex, taken | {i for c in ents for i in c.tokens()})
        ents += speaker_names(doc, lex, taken | {i for c in ents for i in c.tokens()})
        ents += described_names(doc, lex, taken | {i for c in ents for i in c.tokens()})
        ents += acting_regions(doc, ents, taken | {i for c in ents for i in c.tokens()})
        ents += surname_mentions(doc, ents, taken | {i for c in ents for i in c.tokens()})
        # A person name that contains a gazetteer hit ("Jordan Peterson") replaces it.
        person_tokens = {i for c in ents if c.kind == "person" for i in c.tokens()}
        gaz = [c for c in gaz if not any(i in person_tokens for i in c.tokens())]
        cands = sorted(gaz + ents, key=lambda c: c.start)
        for c in cands:
            c.head = doc[c.start : c.end].root.i
            for i in c.tokens():
                self.by_token[i] = c
        self.cands = cands
        self._role_nouns()
        self.cands.sort(key=lambda c: c.start)
        return self.cands

    def _described_orgs(self, ents: list[Cand]) -> list[Cand]:
        """A name tagged ORG that the text describes as a person ("Morgan Kehr, a senior firefighter")
        is that person; one that ends in such a name after a body ("Chamber of Deputies Arnel
        Belizaire, who ...") is split in two."""
        doc, lex = self.doc, self.lex
        out = []
        for c in ents:
            if c.kind != "org" or not described_as_person(doc, doc[c.end - 1], lex, who=True):
                out.append(c)
                continue
            k = name_words(doc, c.start, c.end, lex)
            if k == c.end:
                out.append(c)
                continue
            if k > c.start:
                out.append(Cand(c.start, k, "org", type="organization", name=norm(doc[c.start:k].text)))
            out.append(Cand(k, c.end, "person", type="person", name=norm(doc[k:c.end].text)))
        return out

    def _role_nouns(self) -> None:
        """Unnamed actors: role nouns ("officials", "the spokesman") and organisation heads ("defense ministry")."""
        doc, lex = self.doc, self.lex
        words = lex.role_words
        for tok in doc:
            if tok.pos_ not in ("NOUN", "PROPN") or tok.i in self.by_token:
                continue
            lower = tok.lower_
            if lower not in words and tok.lemma_.lower() not in words:
                continue  # no role or organisation word ends here (most nouns: a set look-up, not five)
            prev = doc[tok.i - 1].lower_ if tok.i > 0 else ""
            two = f"{prev} {lower}"
            if two not in lex.org_words and lower != tok.lemma_.lower():
                two_lemma = f"{prev} {tok.lemma_.lower()}"
                two = two_lemma if two_lemma in lex.org_words else two  # "opposition parties"
            org_sector = lex.org_words.get(two) or lex.org_words.get(lower)
            # Only heads of noun phrases: "leader" in "North Korean leader Kim" belongs to the name;
            # but the body in a title is an actor too: "Chinese Foreign Ministry spokesperson Mao Ning".
            # "British media report that ...": a verb the tagger took for a noun heads the sentence.
            misread_verb = tok.head.dep_ in ("ROOT", "advcl", "ccomp", "conj", "npadvmod", "parataxis") \
                and tok.head.lower_ in ("report", "say", "claim", "warn") and tok.head.i == tok.i + 1 \
                and not any(ch.dep_ in ("det", "poss") for ch in tok.head.children)
            # "a Turkish court ruling", "a police raid": the body does the act named after it.
            # ("Indian Air Force transport planes": other modifiers of the act may come between)
            acting_body = tok.dep_ == "compound" and org_sector is not None and tok.head.i > tok.i \
                and tok.head.lemma_.lower() in lex.act_nouns \
                and all(doc[j].dep_ == "compound" and doc[j].head.i == tok.head.i for j in range(tok.i + 1, tok.head.i))
            if tok.dep_ == "compound" and org_sector is not None and tok.head.i == tok.i + 1 and self._named_body_after(tok, org_sector):
                continue  # "the rights group Licadho", "Cambodian media association CamboJA"
            if tok.dep_ == "compound" and tok.head.pos_ in ("NOUN", "PROPN") and not misread_verb and not acting_body \
                    and not (org_sector is not None and lex.role(lower) is None
                             and (head_role := lex.role(tok.head.lower_)) is not None and head_role.sector == "ORG"):
                continue
            # "secretary-general" comes as three tokens; the hyphenated word is the role, not "general".
            hyph = hyphen_word(doc, tok.i - 2)
            role = (lex.roles.get(hyph) if hyph else None) or lex.roles.get(two) or lex.roles.get(lower) \
                or lex.roles.get(tok.lemma_.lower())
            joined = hyphen_word(doc, tok.i)
            hyph_end = tok.i + 3 if joined and lex.roles.get(joined) is not None else 0
            if hyph_end:
                role = lex.roles[joined]  # "secretary" + "-general" parsed apart
            if org_sector is None and role is None:
                continue
            # "Dmitry Peskov, a spokesman for the Kremlin": the apposition describes the person.
            if tok.dep_ == "appos" and self._person_at(tok.head):
                continue
            if any(ch.dep_ == "appos" and self._person_at(ch) for ch in tok.children):
                continue
            if tok.dep_ == "attr" and tok.head.lemma_ == "be" \
                    and any(ch.dep_ == "nsubj" and self._person_at(ch) for ch in tok.head.children):
                continue  # "James Schoff is a senior director at ...": the title is the person's
            left, right = np_extent(tok)
            right = max(right, hyph_end)
            if acting_body or misread_verb:
                # "a Turkish court ruling": the nationality modifies the act, and belongs to the body.
                left = min(left, next((t.left_edge.i for t in tok.head.lefts if t.i < tok.i
                                       and t.dep_ in ("amod", "compound", "nmod", "poss")), left))
            if tok.tag_ in ("NNS", "NNPS"):
                left = self._coordinated_nationalities(left)
            if tok.dep_ == "compound" and tok.head.i > tok.i:
                # "Indian foreign ministry spokesperson": the nationality just before goes with the body.
                while left > 0 and (doc[left - 1].tag_ == "POS" or (o := self.by_token.get(left - 1)) is not None
                                    and o.kind in ("demonym", "country", "capital")):
                    left -= 1
            # Skip determiners-only extents that swallow a named candidate as head ("TASS news agency"
            # is the body's mention, extended later).
            inner = [self.by_token[i] for i in range(left, right) if i in self.by_token]
            leader_country = None
            if any(c.kind == "person" for c in inner):
                # "the Bush administration", "the Assad regime": a listed leader's name makes the
                # government his country's; any other name inside keeps the phrase that person's.
                leader_country = self._leader_country(inner, role, org_sector)
                if leader_country is None:
                    continue
                inner = [c for c in inner if c.kind != "person"]
            named = [c for c in inner if c.kind in ("body", "org")]
            owner_country = None
            # A body named by a proper name; "parliament's lower house" is no such name.
            proper = [c for c in named if c.kind == "body" or doc[c.head].pos_ == "PROPN"]
            # "China's U.N. mission": a country owning the phrase owns the body; the named one
            # only says where it works.
            owned = proper and any(c.kind in ("country", "capital", "demonym") and c.end < len(doc)
                                   and doc[c.end].tag_ == "POS" and c.country != proper[-1].country for c in inner)
            if proper and (org_sector is not None and role is None) and not owned:
                owner = proper[-1]
                if not (org_sector in STATE_BRANCHES and owner.sector not in (None, org_sector)
                        and owner.country and owner.country != "IGO"
                        and not (owner.end < len(doc) and doc[owner.end].tag_ == "POS")):
                    continue  # "the TASS news agency": the body's own mention grows over its head word
                owner_country = owner.country  # "Taliban Foreign Ministry": a branch of the body's rule
            if role is not None and role.topic:
                # "a North Korea analyst" studies North Korea; only an adjective gives nationality.
                inner_c = [c for c in inner if c.kind != "country"]
            else:
                inner_c = inner
            country = self._modifier_country(tok, inner_c) or leader_country or owner_country \
                or self._led_country(left, tok.i) or (
                self._city_in(left, tok.i) if left < tok.i else None) or (
                self._led_by(tok) if org_sector == "GOV" or role is not None and role.sector == "GOV" else None)
            regional = any(c.kind == "demonym" and not c.country for c in inner)
            if org_sector is not None and (role is None or not role.group):
                named_before = self._named_body_before(tok) if country is None and doc[left].lower_ == "the" \
                    and tok.i - left == 1 else None
                if named_before is not None:
                    # "the court" after "the International Court of Justice": that body again.
                    cand = Cand(left, right, named_before.kind, country=named_before.country,
                                sector=named_before.sector, name=named_before.name, code=named_before.code,
                                type=named_before.type, key=named_before.key)
                    cand.head = tok.i
                    self._register(cand)
                    continue
                # "the coast guard", "its coast guard", "a cabinet meeting", "parliament's lower
                # house": the body of the country in context.
                alone = two in lex.org_alone or lower in lex.org_alone and two not in lex.org_words
                opener = doc[left].lower_ in ("the", "its", "their") and tok.i - left <= 2 \
                    or two in lex.org_alone and left == tok.i - 1 \
                    or acting_body and tok.i - left <= 1 \
                    or left + 1 < tok.i and doc[left + 1].tag_ == "POS" and doc[left].lower_ in lex.org_alone
                if country is None and not (opener and alone):
                    continue  # "the ministry" with no country: left to coreference
                named_from = left + (doc[left].lower_ in ("its", "their"))
                cand = Cand(left, right, "org", country=country, sector=org_sector, type="organization",
                            name=norm(doc[named_from:right].text))
            else:
                plural = tok.tag_ in ("NNS", "NNPS") or lower in ("media", "people", "police")
                sector = role.default if role.sector == "ORG" else role.sector
                affil = self._affiliation(tok) or (named[-1] if named else None)
                if affil is not None:
                    country = country or affil.country
                    # "French representatives at a U.N. meeting" stay their government's.
                    if role.sector == "ORG" and affil.sector and not (
                            affil.country == "IGO" and country not in (None, "IGO")):
                        sector = affil.sector
                if country is None and role.group and (plural or lower in ("police",)):
                    # "Demonstrators in Baghdad", "people blocked streets in Hong Kong"
                    country = self._group_place(tok)
                if plural or role.group and country is not None:
                    kind, typ = "group", "group"
                else:
                    kind, typ = "role", "person"
                if kind == "role" and country is None and affil is None:
                    cand = Cand(left, right, "role", sector=sector, type="person", name=norm(doc[left:right].text),
                                title=lower)
                else:
                    cand = Cand(left, right, kind, country=country, sector=sector, type=typ,
                                name=norm(doc[left:right].text), title=lower)
            cand.regional = regional
            if kind_is_role(cand) and affil_right(tok) > right:
                cand.extra.append((left, affil_right(tok)))
            if cand.kind == "group":
                self._split_compound_group(cand, tok, inner_c)
            cand.head = tok.i
            for c in inner:
                # "African Union troops", "G7 foreign ministers": the named body stays an actor too.
                c.consumed = c.consumed or not (c.kind == "body" and kind_is_role(cand) and c.type != "metonym")
            self._register(cand, replace=bool(owner_country))  # "Taliban Foreign Ministry": the branch, not the movement

    def _named_body_before(self, tok) -> Cand | None:
        """The latest body or organisation named before ``tok`` whose name has ``tok``'s word
        ("the court" -> "International Court of Justice"); None when there is none, or when two
        different ones would fit."""
        word = tok.lower_
        fits = [c for c in self.cands if c.kind in ("body", "org") and c.end <= tok.i and c.name
                and word in c.name.lower().split() and c.name.lower() != f"the {word}"]
        if not fits:
            return None
        names = {c.name.lower() for c in fits}
        return fits[-1] if len(names) == 1 else None

    def _group_place(self, tok) -> str | None:
        """Country of the "in <place>" phrase on a collective noun, or on the verb it is the subject of."""
        heads = [tok]
        if tok.dep_ == "pobj" and tok.head.lower_ == "of" and tok.head.head.dep_ in ("nsubj", "nsubjpass"):
            tok = tok.head.head  # "Thousands of people blocked streets in Hong Kong"
        if tok.dep_ in ("nsubj", "nsubjpass") and tok.head.pos_ in ("VERB", "AUX"):
            heads.append(tok.head)
            # "blocked streets in Hong Kong": the place may hang on the verb's object.
            heads += [ch for ch in tok.head.children if ch.dep_ == "dobj"]
            # "gathered outside parliament in Tbilisi": or on the object of another preposition.
            heads += [o for ch in tok.head.children if ch.dep_ == "prep" and ch.lower_ != "in"
                      for o in ch.children if o.dep_ == "pobj"]
        for head in heads:
            for child in head.rights:
                if child.dep_ == "prep" and child.lower_ == "in":
                    for obj in child.children:
                        if obj.dep_ == "pobj":
                            code = self._place_at(obj)
                            if code:
                                return code
        return None

    def _leader_country(self, inner: list[Cand], role, org_sector: str | None) -> str | None:
        """Country of a listed person named as a modifier of a government word or a group noun
        ("the Assad regime", "Assad loyalists", "Trump supporters"), else None."""
        if org_sector != "GOV" and (role is None or role.sector != "GOV" and not role.group):
            return None
        people = [c for c in inner if c.kind == "person"]
        if len(people) != 1 or self.doc[people[0].head].dep_ not in ("compound", "poss"):
            return None
        known = self.lex.known_person(people[0].name)
        if known is None or known.country == "IGO":
            return None
        people[0].consumed = True
        return known.country

    def _led_by(self, tok) -> str | None:
        """"The coalition government led by Mario Draghi": the country of the listed leader."""
        for acl in tok.rights:
            if acl.dep_ != "acl" or acl.lemma_.lower() not in LEAD_VERBS:
                continue
            for agent in acl.children:
                if agent.dep_ == "agent":
                    for obj in agent.children:
                        person = self.by_token.get(obj.i)
                        if obj.dep_ == "pobj" and person is not None and person.kind == "person":
                            known = self.lex.known_person(person.name)
                            code = person.country or (known.country if known else None)
                            return code if code != "IGO" else None
        return None

    def _split_compound_group(self, cand: Cand, tok, inner: list[Cand]) -> None:
        """"U.S. and Iraqi officials": one group per nationality, each with the whole phrase as mention."""
        # "U.S. and NATO troops": an international body's troops are a group of their own (IGO).
        nats = [c for c in inner if c.kind in ("demonym", "country", "capital") and c.country and c.country != "IGO"
                or c.kind == "body" and c.country == "IGO"]
        codes = list(dict.fromkeys(c.country for c in nats))
        if len(codes) < 2 or not any(self.doc[i].lower_ in ("and", "or", "&") for i in range(cand.start, tok.i)):
            return
        cand.country = nats[0].country
        cand.name = f"{self.doc[nats[0].start:nats[0].end].text} {tok.text}"
        for code in codes[1:]:
            other = next(c for c in nats if c.country == code)
            twin = Cand(cand.start, cand.end, "group", country=code, sector=cand.sector, type="group",
                        name=f"{self.doc[other.start:other.end].text} {tok.text}", title=cand.title, head=tok.i)
            twin.extra = list(cand.extra)
            self.cands.append(twin)

    def _named_body_after(self, tok, sector: str) -> bool:
        """A body's description before its name, when the recogniser missed the name ("Independent
        Cambodian media association CamboJA said"): the name is an organisation of the description's
        sector and nationality. True when one was added."""
        lex = self.lex
        head = tok.head
        named = self.by_token.get(head.i)
        if head.pos_ not in ("PROPN", "NOUN") or not head.text[:1].isupper() or head.is_sent_start \
                or named is not None and not (named.kind == "org" and named.sector is None and named.start == head.i) \
                or lex.role(tok.lower_) or lex.role(head.lower_) is not None or head.lower_ in lex.org_words \
                or head.lower_ in lex.non_actors \
                or any(ch.dep_ == "compound" and ch.i > tok.i for ch in head.children):
            return False
        left = head.left_edge.i
        inner = [self.by_token[i] for i in range(left, head.i) if i in self.by_token]
        if any(c.kind in ("person", "body", "org") for c in inner):
            return False
        country = self._modifier_country(head, inner)
        for c in inner:
            c.consumed = True
        if named is not None:
            # "the rights group Licadho": the recogniser's name gets the description's sector.
            named.sector, named.country = sector, named.country or country
            named.extra.append((left, named.end))
            return True
        cand = Cand(left, head.i + 1, "org", country=country, sector=sector,
                    type="organization", name=norm(head.text))
        cand.head = head.i
        self._register(cand)
        return True

    def _register(self, cand: Cand, replace: bool = False) -> None:
        """Add a candidate found after the first pass and map its tokens to it; ``replace``: over
        the candidates already there (else only where there is none)."""
        self.cands.append(cand)
        for i in range(cand.start, cand.end):
            if replace:
                self.by_token[i] = cand
            else:
                self.by_token.setdefault(i, cand)

    def _coordinated_nationalities(self, left: int) -> int:
        """"U.S., French and Mexican representatives", parsed as a list that ends before the noun or
        as one that the noun's own modifiers continue: the run of nationalities just before a plural
        role noun is its own (a new left edge). The parser must have seen a list ("In the U.S.,
        Chinese officials said" is none)."""
        doc = self.doc
        i, crossed = left, []
        while i > 0:
            o = self.by_token.get(i - 1)
            if o is not None and o.kind in ("demonym", "country") and o.country and o.country != "IGO":
                crossed.append(o)
                i = o.start
            elif doc[i - 1].lower_ in (",", "and", "or") and self.by_token.get(i - 2) is not None:
                i -= 1
            else:
                break
        if not any(doc[o.head].dep_ == "conj" for o in crossed):
            return left
        while doc[i].lower_ in (",", "and", "or"):
            i += 1
        return i

    def _listed_with_peoples(self, tok) -> bool:
        """"Canadians, French, Germans, British and the United States": a nationality adjective
        coordinated with peoples or countries names that people, not a language or a place."""
        top = tok
        while top.dep_ == "conj" and top.head.i != top.i:
            top = top.head
        if top.dep_ == "pobj" and top.head.lower_ in ("in", "into", "from"):
            return False  # "translated into English and French"
        if top.dep_ in ("amod", "compound", "nmod", "poss"):
            return False  # "Russian and Chinese social media": the list modifies a noun
        chain = [top, *(t for t in top.subtree if t.dep_ == "conj")]
        for t in chain:
            c = self.by_token.get(t.i)
            if c is None or t.i == tok.i:
                continue
            if t.tag_ in ("NNS", "NNPS") and self.lex.demonym(t.text) is not None:
                return True  # "Canadians"
            if c.kind == "country" and self.lex.demonym(doc_text := self.doc[c.start:c.end].text) is None \
                    and self.lex.country(doc_text):
                return True  # "the United States"
        return False

    def _person_at(self, tok) -> bool:
        c = self.by_token.get(tok.i)
        if c is not None and c.kind == "person":
            return True
        return tok.ent_type_ == "PERSON"

    def _modifier_country(self, head, inner: list[Cand]) -> str | None:
        """Country given by a nationality word or possessive inside the phrase headed by ``head``:
        an owner ("Guatemala's Washington embassy") first, else the first nationality ("the Japanese
        Liberal Democratic Party"); a backer ("Russian-backed separatists") gives none, a leader
        does ("the Saudi-led coalition", "Vietnamese-led forces")."""
        doc = self.doc
        usable = [c for c in inner if c.kind in ("demonym", "country", "capital") and c.country
                  and not (c.end + 1 < len(doc) and doc[c.end].text == "-" and doc[c.end + 1].text[:1].islower()
                           and doc[c.end + 1].lower_ not in LEADING_PARTICIPLES)]
        owner = next((c for c in usable if c.end < len(doc) and doc[c.end].tag_ == "POS"), None)
        if owner is not None:
            return owner.country
        return usable[0].country if usable else None

    def _led_country(self, start: int, end: int) -> str | None:
        """"the U.S.-led coalition" (one token when the country ends in a full stop): the leader's country."""
        for t in self.doc[start:end]:
            head, dash, participle = t.text.rpartition("-")
            if dash and head and participle.lower() in LEADING_PARTICIPLES:
                code = self.lex.country(head) or self.lex.demonym(head)
                if code:
                    return code
        return None

    def _affiliation(self, tok) -> Cand | None:
        """The body a role belongs to: "spokesman for the Kremlin", "analyst at the Stimson Center"."""
        for child in tok.rights:
            if child.dep_ == "prep" and child.lower_ in ("for", "at", "of", "with", "from"):
                for obj in child.children:
                    if obj.dep_ == "pobj":
                        c = self._cand_in(obj.left_edge.i, obj.i + 1)
                        # "envoy for Syria", "ambassador to Russia" name a counterpart; only
                        # "officials of/from Iran" give a nationality.
                        if c is not None and c.kind in ("country", "capital", "demonym") and child.lower_ not in ("of", "from"):
                            continue
                        if c is not None:
                            return c
        return None

    def _cand_in(self, start: int, end: int) -> Cand | None:
        best = None
        for i in range(start, end):
            c = self.by_token.get(i)
            if c is not None and c.kind in ("body", "org", "country", "capital", "demonym"):
                best = c
        return best

    # ------------------------------------------------------------- describe
    def describe(self) -> None:
        for c in self.cands:
            if c.kind == "capital":
                self._capital(c)
            elif c.kind == "country":
                self._country(c)
            elif c.kind == "demonym":
                self._demonym(c)
            elif c.kind == "body":
                self._body(c)
            elif c.kind == "org":
                if self._is_thing(c):
                    c.kind = "place"
                    continue
                self._org(c)
        things = set()
        for c in self.cands:
            if c.kind == "person" and self._is_thing(c):
                c.kind = "place"
            if c.kind == "place" and c.end - c.start > 1:
                things.add(self.doc[c.end - 1].text)
                things.add(self.doc[c.start : c.end].text)
        for c in self.cands:
            # "Jude" after "Cyclone Jude": the short form (or a repeat) of a thing's name is that thing.
            if c.kind == "person" and self.doc[c.start : c.end].text in things:
                c.kind = "place"
        for c in self.cands:
            if c.kind == "person":
                self._person(c)
        self._residence()

    def _residence(self) -> None:
        """Peoples are coded by where they live, as CAMEO and PLOVER do.

        "Bosnian Serbs" -> BIH (a nationality before a people names their country);
        "the Albanians of southern Serbia", "ethnic Albanians in south Serbia", "ethnic Albanian
        guerrillas operating in Macedonia" -> the country of the phrase; "ethnic Turks ...
        Sweden" -> the nearest other country of the sentence, since "ethnic" marks a people living
        outside their namesake state. Peoples with no state ("Kurds", "Moslem forces") likewise.
        """
        doc, lex = self.doc, self.lex
        for c in self.cands:
            if c.kind != "group" or c.consumed:
                continue
            if c.head < 0 or c.head >= len(doc):
                continue
            if c.start <= c.head < c.end and self.by_token.get(c.head) is c and doc[c.head].lower_ in lex.demonyms \
                    or c.ethnic or doc[c.head].lower_ in lex.ethnic:
                people = c  # "Albanians", "Kurds": the group is the people word itself
            else:
                inner = [self.by_token[i] for i in range(c.start, c.head) if i in self.by_token]
                inner = [o for o in inner if o is not c and o.kind in ("demonym", "country", "group")
                         and (o.ethnic or norm(o.name).lower() in lex.ethnic)]
                if not inner:
                    continue
                people = inner[-1]
            first = people.start
            marked = first > 0 and doc[first - 1].lower_ == "ethnic"
            home = c.country if people is c else people.country
            # 1. "Bosnian Serbs", "Iraqi Kurdish officials": the nationality just before the people word.
            # Only before a people: "Greek Cypriots" are Cypriots of Greek descent.
            before = self.by_token.get(first - 1) if first > 0 else None
            if before is not None and before is not people and before.country and before.country != "IGO" \
                    and before.kind in ("demonym", "country") and before.end == first \
                    and self._is_people(people):
                self._set_group_country(c, before.country)
                before.consumed = True
                if people is c:
                    c.name = norm(doc[before.start : c.end].text)
                    c.extra.append((before.start, c.end))
                continue
            # 2. "of southern Serbia", "in south Serbia", "operating in Macedonia".
            # "in" tells where a people lives only when the text marks it as a people ("ethnic
            # Albanians in south Serbia", "Moslem forces in east Bosnia"); "Albanian rebels in
            # Macedonia" are Albanian, as "U.S. troops in Iraq" are American.
            where = self._residence_phrase(doc[c.head], allow_in=marked or not home)
            if where is not None:
                self._set_group_country(c, where)
                continue
            # 3. "ethnic Turks", "Kurds": the nearest other country that the sentence names.
            if marked or not home:
                near = self._nearest_other_country(people, home)
                if near is not None:
                    self._set_group_country(c, near)

    def _is_people(self, c: Cand) -> bool:
        """True for an ethnic or communal word ("Serbs", "Kurdish"), as listed in data/ethnic_groups.tsv."""
        # The word as written: a demonym may have been turned into its country ("Greek" -> Greece).
        return c.ethnic or norm(self.doc[c.start:c.end].text).lower() in self.lex.ethnic

    def _set_group_country(self, c: Cand, country: str) -> None:
        c.country = country
        if c.key is not None and c.key[0] == "group":
            c.key = ("group", country, *c.key[2:])

    RESIDENCE_VERBS = frozenset({"live", "operate", "base", "reside", "settle", "fight"})

    def _residence_phrase(self, head, allow_in: bool) -> str | None:
        """Country of "of <place>" (or, for a people, "in <place>" / "living in <place>") after ``head``."""
        preps = [ch for ch in head.rights if ch.dep_ == "prep" and (ch.lower_ == "of" or allow_in and ch.lower_ == "in")]
        if allow_in:
            for ch in head.rights:
                if ch.dep_ in ("acl", "relcl") and ch.lemma_.lower() in self.RESIDENCE_VERBS:
                    preps += [g for g in ch.children if g.dep_ == "prep" and g.lower_ == "in"]
        for prep in preps:
            # The place itself, not an adjective on it: "the Israeli-occupied West Bank".
            found = [o for t in prep.subtree if (o := self.by_token.get(t.i)) is not None and o.country
                     and o.country != "IGO" and o.kind in ("country", "capital", "place", "demonym")]
            places = [o for o in found if o.kind in ("country", "capital")] or [
                o for o in found if o.kind == "place" or doc_head_is(o, self.doc)]
            if places:
                return places[0].country
        return None

    def _nearest_other_country(self, people: Cand, home: str | None) -> str | None:
        sent = self.doc[people.start].sent
        best = None
        for other in self.cands:
            if other is people or not other.country or other.country in ("IGO", home) or other.ethnic:
                continue
            if not sent.start <= other.start < sent.end or other.kind not in ("country", "capital", "place", "demonym"):
                continue
            dist = abs(other.start - people.start)
            if best is None or dist < best[0]:
                best = (dist, other.country)
        return best[1] if best else None

    def _is_thing(self, c: Cand) -> bool:
        """A PERSON/ORG label on a vehicle, work, storm or place: "the ship Golbon", "Cyclone Jude",
        "her book Siyasi Jaj", "Beledweyne, a town near ...", "the port of Bandar Abbas"."""
        doc, non = self.doc, self.lex.non_actors
        toks = doc[c.start : c.end]
        first, last = toks[0], toks[-1]
        if len(toks) > 1 and (first.lower_ in non or last.lower_ in non) and last.lower_ not in self.lex.org_words:
            return True
        if first.pos_ in ("ADP", "SCONJ", "CCONJ", "ADV") and first.is_stop:
            return True  # "Beyond Ukraine" at a sentence start
        before = c.start - 1
        if before >= 0 and doc[before].lower_ in non and doc[before].pos_ == "NOUN":
            return True
        root = toks.root
        if root.dep_ in ("appos", "compound") and root.head.lower_ in non and root.head.i != root.i:
            return True
        if any(ch.dep_ == "appos" and ch.lower_ in non for ch in root.children):
            return True
        if root.dep_ == "pobj" and root.head.lower_ in ("from", "in", "near") and c.country is None \
                and not any(t.lower_ in self.lex.org_words for t in toks) and place_country(toks.text) is not None:
            return True  # "a firefighter from Edmonton" (tagged ORG): a known town after "from"
        return root.dep_ == "pobj" and root.head.lower_ == "of" and root.head.head.lower_ in non


    def _is_place(self, tok) -> bool:
        """True when a capital or seat is where something happens, not who acts."""
        dep, head = tok.dep_, tok.head
        while dep == "conj":
            tok = head
            dep, head = tok.dep_, tok.head
        if dep == "pobj":
            prep = head.lower_
            if prep in self.preps:
                return True
            gov = head.head
            if prep in ("to", "from", "for", "toward") and gov.lemma_.lower() in self.motion:
                return True
            if prep == "from" and gov.pos_ in ("VERB", "AUX"):
                return True
            return False
        if dep in ("dobj", "obj") and head.lemma_.lower() in self.motion:
            return True
        if dep in ("npadvmod", "appos", "compound", "nmod", "amod", "attr", "ROOT"):
            return dep != "poss"
        return False

    def _capital(self, c: Cand) -> None:
        tok = self.doc[c.head]
        if self._is_place(tok):
            c.kind = "place"

    def _body(self, c: Cand) -> None:
        tok = self.doc[c.head]
        if c.type == "metonym" and tok.dep_ == "pobj" and tok.head.lower_ in self.preps and tok.head.lower_ != "of":
            c.kind = "place"  # "at the White House"
            return
        self._national_branch(c)
        self._extend_to_head_np(c)

    def _national_branch(self, c: Cand) -> None:
        """"the Sasakawa Peace Foundation USA", "Amnesty International UK": a country name closing
        a body's name makes it that country's branch ("UNHCR Kenya", an office of an international
        body, stays international)."""
        doc = self.doc
        after = self.by_token.get(c.end) if c.end < len(doc) else None
        if c.country == "IGO" or after is None or after.kind != "country" or after.start != c.end or not after.country \
                or doc[c.end - 1].dep_ != "compound" or doc[c.end - 1].head.i not in range(after.start, after.end):
            return
        c.country = after.country
        c.name = f"{c.name} {doc[after.start:after.end].text}"
        c.code = None
        after.consumed = True
        for i in range(after.start, after.end):
            self.by_token[i] = c
        c.extra.append((c.start, after.end))

    def _extend_to_head_np(self, c: Cand) -> None:
        """"the Japanese Kyodo news agency": the body's mention covers its whole noun phrase."""
        tok = self.doc[c.head]
        head = tok
        while head.dep_ == "compound" and head.head.i > head.i and head.head.pos_ in ("NOUN", "PROPN"):
            head = head.head
        if head is not tok:
            prev = self.doc[head.i - 1].lower_ if head.i else ""
            if head.lower_ not in self.lex.org_words and f"{prev} {head.lower_}" not in self.lex.org_words:
                return  # "Kremlin spokesman": the role is an actor of its own
        left = min(head.left_edge.i, c.start)
        right = max(head.i + 1, c.end)
        if (left, right) == (c.start, c.end):
            return
        for i in range(left, right):
            other = self.by_token.get(i)
            if other is not None and other is not c:
                if other.kind in ("person", "body", "org", "role", "group"):
                    return
        for i in range(left, right):
            other = self.by_token.get(i)
            if other is not None and other is not c:
                if c.country is None and other.country and other.kind in ("demonym", "country", "capital"):
                    c.country = other.country
                other.consumed = True
            self.by_token[i] = c
        c.extra.append((left, right))

    def _country(self, c: Cand) -> None:
        tok = self.doc[c.head]
        if tok.dep_ in ("compound", "poss", "nmod", "amod") and self._owner(tok.head) is not None:
            c.consumed = True

    def _demonym(self, c: Cand) -> None:
        if not c.country and not c.ethnic:
            # "European", "Western": a description, never an actor of its own.
            c.country = None
            c.consumed = True
            return
        tok = self.doc[c.head]
        mod = tok
        while mod.dep_ == "conj" and mod.head.i != mod.i:
            mod = mod.head  # "a Chinese and Russian proposal": the second modifies the noun too
        if mod.dep_ in ("amod", "compound", "nmod", "poss") and mod.head.i != mod.i:
            head_c = self.by_token.get(mod.head.i)
            if self._owner(mod.head) is not None or not c.country or (
                    head_c is not None and head_c is not c and head_c.kind == "demonym"):
                # "Bosnian Serbs": the nationality says where the people live (see _residence).
                c.consumed = True
                return
            # "Russian strikes": the country acts.
            c.kind, c.type, c.sector = "country", "country", "GOV"
            c.name = self.lex.country_names.get(c.country, c.name)
            c.code, c.key = c.country, ("country", c.country)
            return
        # "North Koreans traveling to Russia": the people.
        if tok.tag_ in ("NNPS", "NNS") or c.name.endswith("s") or self._listed_with_peoples(tok):
            c.kind, c.type, c.sector = "group", "group", "CVL"
            c.key = ("group", c.country, "CVL", c.name.lower())
        else:
            c.kind = "place"

    def _owner(self, tok) -> Cand | None:
        """The candidate that a modifier at ``tok``'s head belongs to (a person, a body, an org, a group)."""
        seen = 0
        while tok is not None and seen < 4:
            c = self.by_token.get(tok.i)
            if c is not None and c.kind in ("person", "body", "org", "group", "role"):
                return c
            if tok.dep_ == "compound" and tok.head.i != tok.i:
                tok = tok.head
                seen += 1
                continue
            return None
        return None

    def _org(self, c: Cand) -> None:
        doc, lex = self.doc, self.lex
        toks = list(doc[c.start : c.end])
        if c.sector is None:
            words = [t.lower_ for t in toks]
            for j in range(len(words) - 1, -1, -1):
                two = " ".join(words[j - 1 : j + 1]) if j else None
                sector = (two and lex.org_words.get(two)) or lex.org_words.get(words[j])
                if sector:
                    c.sector = sector
                    break
            # "Global Source Partners": words that make a body only in a name come second
            # ("Executive Office for Immigration Review" is an office).
            c.sector = c.sector or next((lex.org_name_words[w] for w in reversed(words) if w in lex.org_name_words),
                                        None)
        tok = doc[c.head]
        # "Khasan station": an ORG label on a word that modifies a non-actor noun is a place name.
        if tok.dep_ == "compound" and c.sector is None and tok.head.i > tok.i:
            if self._owner(tok.head) is None:
                head_word = tok.head.lower_
                if head_word not in lex.org_words and lex.role(head_word) is None:
                    c.kind = "place"
                    return
        if c.country is None:
            c.country = self._org_country(c)
        self._extend_to_head_np(c)

    def _based_country(self, start: int, end: int) -> str | None:
        """"the Berlin-based ...", "a New York-based consultancy": the country of the base."""
        doc, lex = self.doc, self.lex
        for j in range(start, end):
            # "U.S.-based", "Moscow-based": one token when the prefix ends in a full stop or is short.
            if doc[j].lower_.endswith("-based") and len(doc[j]) > 6:
                where = doc[j].text[:-6]
                code = lex.country(where) or lex.capital(where) or place_country(where)
                if code:
                    return code
            if j < 2:
                continue
            if doc[j].lower_ == "based" and doc[j - 1].text == "-":
                other = self.by_token.get(j - 2)
                if other is not None and other.country and other.country != "IGO":
                    return other.country
                words = doc[j - 2].lower_
                pair = f"{doc[j - 3].lower_} {words}" if j >= 3 else words
                return self.lex.us_states.get(pair) or self.lex.us_states.get(words)
        return None

    def _org_country(self, c: Cand) -> str | None:
        doc, lex = self.doc, self.lex
        tok = doc[c.head]
        based = self._based_country(min(tok.left_edge.i, max(0, c.start - 3)), c.end)
        if based:
            return based
        # Inside the name: "Korea Institute for National Unification", "U.S. Agency for ...";
        # not a country the body is about ("Inter-Parliamentary Alliance on China").
        for t in doc[c.start : c.end]:
            code = lex.country(t.text) if t.pos_ == "PROPN" else None
            if code and not (t.i > c.start and doc[t.i - 1].lower_ in ("on", "against", "about")):
                return code
        # "Syrian Center for Legal Studies and Research", "the Interim Afghan Government": a
        # nationality in the name ("Chinese American Museum": a diaspora's, American).
        for t in doc[c.start : c.end]:
            pair = doc[t.i : t.i + 2].text if t.i + 1 < c.end else ""
            code = (lex.demonym(pair) if pair else None) or lex.demonym(t.text)
            hyphened = t.i > c.start and doc[t.i - 1].text == "-" or t.i + 1 < c.end and doc[t.i + 1].text == "-"
            if code and not hyphened and not (t.i > c.start and doc[t.i - 1].lower_ in ("on", "against", "about", "for")) \
                    and t.head.lemma_.lower() not in lex.topic_nouns:  # "Institute of Chinese Studies"
                return code
        # "the Obama administration", "Mandela Foundation": a listed person's name in the body's name.
        for t in doc[c.start : c.end]:
            known = lex.known_person(t.text) if t.pos_ == "PROPN" and t.i != c.head else None
            if known is not None and known.country != "IGO":
                return known.country
        # "University of Southern California": a U.S. state in the name (checked after countries,
        # so "Georgia" alone stays the country above).
        for t in doc[c.start : c.end]:
            if t.pos_ == "PROPN" and t.lower_ in lex.us_states:
                return "USA"
        # "University of Melbourne", "Kyiv School of Economics": a city in the name (gazetteer).
        # A word before the head must be a large city ("Meridian Policy Institute" is no Meridian's).
        code = self._city_in(c.start, c.end, skip=c.head)
        if code:
            return code
        tok = doc[c.head]
        for child in tok.children:
            if child.i < tok.i and child.dep_ in ("amod", "compound", "poss", "nmod"):
                other = self.by_token.get(child.i)
                if other is not None and other.country and other.kind in ("demonym", "country", "capital"):
                    other.consumed = True
                    return other.country
                # "VOA's Mandarin Service": a part of a named body shares its country.
                if other is not None and other.country and other.kind == "body" and child.dep_ == "poss":
                    return other.country
                # "Istanbul's Kadir Has University": a city that owns the body.
                if other is None and child.dep_ == "poss" and child.pos_ == "PROPN":
                    code = place_country(doc[child.left_edge.i : child.i + 1].text)
                    if code and code != "IGO":
                        return code
        # "the Eurasia Group, a New York-based consultancy"
        for child in tok.children:
            if child.dep_ == "appos" and child.i > tok.i:
                for t in child.subtree:
                    other = self.by_token.get(t.i)
                    if other is not None and other.country and other.country != "IGO" and other.kind in (
                            "country", "capital", "demonym"):
                        return other.country
                    if t.dep_ == "compound" or t.pos_ == "PROPN":
                        pair = f"{t.lower_} {doc[t.i + 1].lower_}" if t.i + 1 < len(doc) else ""
                        code = self.lex.us_states.get(pair) or self.lex.us_states.get(t.lower_)
                        if code:
                            return code
        # "the Pacific Forum, based in Honolulu", "a think tank headquartered in Sydney"
        for child in tok.rights:
            if child.dep_ in ("acl", "relcl", "appos") and child.lemma_.lower() in ("base", "headquarter", "locate"):
                for prep in child.children:
                    if prep.dep_ == "prep" and prep.lower_ == "in":
                        code = next((code for o in prep.children if o.dep_ == "pobj" and (code := self._place_at(o))),
                                    None)
                        if code:
                            return code
        # "the Stimson Center in Washington", "Kyiv School of Economics"
        for child in tok.rights:
            if child.dep_ == "prep" and child.lower_ in ("in", "of", "at", "based"):
                for obj in child.children:
                    if obj.dep_ == "pobj":
                        other = self.by_token.get(obj.i)
                        if other is not None and other.country and other.kind in ("country", "capital", "place"):
                            return other.country
                        code = self.lex.us_states.get(obj.text.lower()) or self._place_at(obj)
                        if code:
                            return code
                        # "in Iraqi Kurdistan", "in northern Syria"
                        for t in obj.subtree:
                            other = self.by_token.get(t.i)
                            if other is not None and other.country and other.kind in ("country", "capital", "demonym", "place"):
                                return other.country
        return None

    def _city_in(self, start: int, end: int, skip: int = -1) -> str | None:
        """Country of a city or region named by proper nouns inside tokens [start, end)."""
        doc = self.doc
        toks = [t for t in doc[start:end] if t.pos_ == "PROPN" and t.i != skip]
        for a, b in zip(toks, toks[1:]):
            if b.i == a.i + 1:
                code = place_country(f"{a.text} {b.text}", MIN_MODIFIER_CITY_POPULATION)  # "New York", "Hong Kong"
                if code and code != "IGO":
                    return code
        for t in toks:
            if self.lex.person(t.text) is None and not self.lex.surname(t.text):
                after_of = t.i > start and doc[t.i - 1].lower_ in ("of", "in")
                # A region counts first in the name or after "of"/"in" ("Ngamiland Council"): "Centrale"
                # inside "Direction Centrale de la Police" is no Togolese region.
                code = place_country(t.text, MIN_CITY_POPULATION if after_of else MIN_MODIFIER_CITY_POPULATION,
                                     regions=after_of or t.i == toks[0].i)
                if code and code != "IGO":
                    return code
        return None

    def _place_at(self, obj) -> str | None:
        """Country of the place a preposition's object names: a candidate, else the gazetteer
        ("in Honolulu", "in Hong Kong"); None when it is no known place."""
        for t in obj.subtree:
            other = self.by_token.get(t.i)
            if other is not None and other.country and other.country != "IGO" \
                    and other.kind in ("country", "capital", "place", "demonym"):
                return other.country
        if obj.ent_type_ in ("GPE", "LOC", "FAC") or obj.pos_ == "PROPN":
            left = obj.left_edge.i
            while left < obj.i and (self.doc[left].lower_ == "the" or not self.doc[left].text[:1].isupper()):
                left += 1
            if any(self.by_token.get(i) is not None and self.by_token[i].kind in ("person", "body", "org")
                   for i in range(left, obj.i + 1)):
                return None
            code = place_country(self.doc[left : obj.i + 1].text)
            if code and code != "IGO":
                return code
        return None

    def _person(self, c: Cand) -> None:
        doc, lex = self.doc, self.lex
        root = doc[c.head]
        # "in Beledweyne", "near Diego Garcia": a PERSON label on a place name.
        if root.dep_ == "pobj" and root.head.lower_ in self.preps and root.head.lower_ != "of" \
                and c.start > 0 and not lex.role(doc[c.start - 1].lower_):
            c.kind = "place"
            return
        # 1. title before the name: walk left over role words, nationality words and glue.
        i = c.start - 1
        left = c.start
        sent_start = root.sent.start
        while i >= sent_start:
            t = doc[i]
            low = t.lower_
            other = self.by_token.get(i)
            if other is not None and other is not c and other.kind in ("person",):
                break
            if other is not None and other.kind in ("country", "capital", "body", "org") and i + 1 < c.start \
                    and doc[i + 1].lower_ in ("and", "or") and other.end == i + 1:
                break  # "between Syria and Palestinian leader Yasser Arafat": a coordinated party, no title
            if other is not None and other.kind in ("country", "demonym", "capital", "body", "org", "group", "role"):
                lo = min([other.start, i] + [s for s, _ in other.extra])
                left = lo
                i = lo - 1
                continue
            # "United Nations-appointed special rapporteur X": the appointing body is the person's.
            appointed = low == "appointed" and i > 0 and doc[i - 1].text == "-"
            if low in TITLE_GLUE or appointed or lex.role(low) is not None or (
                    t.pos_ in ("PROPN", "NOUN", "ADJ") and t.dep_ in ("compound", "amod")
                    and (t.is_title or left - 1 <= t.head.i < c.end)):
                # "foreign policy chief Kaja Kallas": lower-case words that modify the title go with it.
                left = i
                i -= 1
                continue
            break
        while left < c.start and doc[left].lower_ in ("the", "and", "of", "to", "for", "'s", "’s", "-"):
            left += 1
        prefix = (left, c.start)
        for j in range(left, c.start):
            # "U.S. Secretary of State Marco Rubio": the title's role noun is the person, not another actor.
            other = self.by_token.get(j)
            if other is not None and other.kind in ("role", "group") and other.end <= c.start + 1:
                other.consumed = True
        # 2. apposition after the name: "Dmitry Peskov, a spokesman for the Kremlin,".
        appos = None
        for child in root.children:
            if child.dep_ == "appos" and child.i > root.i:
                appos = (child.left_edge.i, child.right_edge.i + 1)
                break
        if appos is None and root.dep_ == "conj" and root.head.i < root.i:
            # "Amirov and Omarov, both from Azerbaijan": an apposition shared by the pair.
            for child in root.head.children:
                if child.dep_ == "appos" and child.i > root.i and child.lower_ in ("both", "all", "each"):
                    appos = (child.left_edge.i, child.right_edge.i + 1)
                    break
        if appos is None:
            # "Richard Weitz of the Hudson Institute", "Sarah Lee at Oxford University": the body
            # right after the name is the person's affiliation.
            for child in root.rights:
                if child.dep_ == "prep" and child.lower_ in ("of", "at", "from", "with") and child.i <= c.end + 1:
                    objs = [o for o in child.children if o.dep_ == "pobj"]
                    if objs and any((o2 := self.by_token.get(i)) is not None and o2.kind in ("body", "org")
                                    for i in range(objs[0].left_edge.i, objs[0].i + 1)):
                        appos = (child.i + 1, objs[0].i + 1)
                    break
        if appos is None:
            # "Jane Doe, who teaches at the University of Nairobi", "X, who heads the Lowy Institute"
            for child in root.rights:
                if child.dep_ == "relcl" and child.lemma_.lower() in WORK_VERBS | LEAD_VERBS:
                    appos = (child.i + 1, child.right_edge.i + 1)
                    break
                # "Mark Lambert, who was the special envoy for North Korea": a title given by "be".
                attrs = [a for a in child.children if a.dep_ == "attr" and lex.role(a.lower_) is not None]
                if child.dep_ == "relcl" and child.lemma_ == "be" and attrs:
                    appos = (attrs[0].left_edge.i, attrs[0].right_edge.i + 1)
                    break
        if appos is None and root.dep_ == "nsubj" and root.head.lemma_ == "be":
            # "James Schoff is a senior director at the Sasakawa Peace Foundation"
            attrs = [a for a in root.head.children if a.dep_ == "attr" and lex.role(a.lower_) is not None]
            if attrs:
                appos = (attrs[0].left_edge.i, attrs[0].right_edge.i + 1)
        if appos is None and root.dep_ in ("nsubj", "nsubjpass") and root.head.lemma_.lower() in WORK_VERBS:
            # "Lydia Rosasi works at the office of the Kenyan government spokesperson"
            for child in root.head.rights:
                if child.dep_ == "prep" and child.lower_ in ("at", "for", "with", "in"):
                    appos = (child.i + 1, child.right_edge.i + 1)
                    break
        if appos is None and root.dep_ == "appos" and root.head.i < root.i and root.head.i not in self.by_token:
            h = root.head
            if lex.role(h.lower_) is not None:
                appos = (h.left_edge.i, h.i + 1)
        # A name inside an apposition belongs to the outer person ("Chang, a Kim Jong Un ally" aside).
        title_words: list[str] = []
        sector: str | None = None
        country: str | None = None
        for span, nearest_last in ((prefix, True), (appos, False)):
            if span is None or span[0] >= span[1]:
                continue
            t_title, t_sector, t_country = self._describe_span(span, nearest_last)
            if t_title and not title_words:
                title_words.append(t_title)
            sector = sector or t_sector
            country = country or t_country
        # "an ethnic Uyghur living in Australia": where the apposition says the person lives wins
        # over a people's home country.
        spans = [appos] if appos is not None else []
        # "Michelle Takahashi, who is originally from Taiwan"; "Jane Eng ... was born and raised in Texas"
        spans += [(ch.i, ch.right_edge.i + 1) for ch in root.rights if ch.dep_ in ("relcl", "acl")]
        subject = root.head if root.dep_ == "appos" and root.head.dep_ in ("nsubj", "nsubjpass") else root
        if subject.dep_ in ("nsubj", "nsubjpass") and subject.head.i > root.i:
            # "Her mother, Jane Eng, ..., was born and raised in Texas": the verb of the noun she stands beside.
            spans.append((subject.head.i, subject.head.right_edge.i + 1))
        lives = next((code for span in spans if (code := self._lives_in(span))), None)
        if lives:
            country = lives
        country = self._nationality_predicate(root) or country
        # "North Korea's Kim Jong Un"
        if country is None:
            for child in root.children:
                if child.dep_ == "poss":
                    other = self.by_token.get(child.i)
                    if other is not None and other.country and other.kind in ("country", "demonym", "capital", "body"):
                        country = other.country
                        other.consumed = True
        c.title = title_words[0] if title_words else None
        c.former = any(t.lower_ in PAST_TITLE_WORDS for t in doc[prefix[0] : prefix[1]])
        if country is None and c.title:
            # "Secretary of State Marco Rubio": a title that only one country uses.
            words = [w for w in c.title.lower().split() if w not in TITLE_MODIFIERS]
            country = lex.title_countries.get(" ".join(words))
        c.country = country
        c.sector = sector
        if prefix[0] < prefix[1]:
            c.extra.append((prefix[0], c.end))
        if appos is not None:
            c.extra.append((min(c.start, appos[0]), max(c.end, appos[1])))

    def _nationality_predicate(self, root) -> str | None:
        """"Mehdiyev, who is Azerbaijani", "Nagy is Canadian": a nationality said with "be"."""
        verbs = [ch for ch in root.rights if ch.dep_ == "relcl" and ch.lemma_ == "be"]
        if root.dep_ == "nsubj" and root.head.lemma_ == "be":
            verbs.append(root.head)
        for verb in verbs:
            for ch in verb.children:
                code = self.lex.demonym(ch.text) if ch.dep_ in ("acomp", "attr") else None
                if code:
                    other = self.by_token.get(ch.i)
                    if other is not None:
                        other.consumed = True
                    return code
        return None

    def _lives_in(self, span: tuple[int, int]) -> str | None:
        """The country after "living in", "based in", "originally from" inside ``span`` (an
        apposition, relative clause or the person's own verb phrase), if any."""
        doc = self.doc
        for j in range(span[0], min(span[1], len(doc) - 1)):
            if doc[j].lower_ in RESIDENCE_WORDS and doc[j + 1].lower_ == "in" \
                    or doc[j].lower_ in ORIGIN_WORDS and doc[j + 1].lower_ == "from":
                for k in range(j + 2, min(span[1], j + 8)):
                    other = self.by_token.get(k)
                    if other is not None and other.country and other.country != "IGO":
                        return other.country
                # "born and raised in Texas": a place the gazetteer of actors does not hold
                objs = [o for o in doc[j + 1].children if o.dep_ == "pobj"]
                code = self._place_at(objs[0]) if objs else None
                if code:
                    return code
        return None

    def _span_head(self, start: int, end: int) -> int:
        return self.doc[start:end].root.i

    def _describe_span(self, span: tuple[int, int], nearest_last: bool):
        """(title, sector, country) from a title or apposition."""
        doc, lex = self.doc, self.lex
        start, end = span
        roles: list[tuple[int, int, object]] = []
        i = start
        while i < end:
            hit = None
            for n in (3, 2, 1):
                if i + n <= end:
                    words = " ".join(t.lower_ for t in doc[i : i + n])
                    role = lex.role(words)
                    if role is not None:
                        hit = (i, i + n, role)
                        break
            if hit:
                roles.append(hit)
                i = hit[1]
            else:
                i += 1
        title = sector = country = None
        topic = envoy = False
        topic_at = start
        if roles and not nearest_last:
            # In an apposition the role that heads it decides: "UNICEF's executive director".
            heads = [r for r in roles if r[0] <= self._span_head(start, end) < r[1]]
            if heads:
                roles = heads
        if roles:
            r0, r1, role = roles[-1] if nearest_last else roles[0]
            while r0 > start and doc[r0 - 1].lower_ in TITLE_MODIFIERS:
                r0 -= 1
            title = doc[r0:r1].text
            topic = role.topic
            envoy = role.envoy
            topic_at = r0
            sector = None if role.sector == "ORG" else role.sector
        countries = []
        org_sector = None
        for j in range(start, end):
            other = self.by_token.get(j)
            if other is None or other.kind not in ("country", "demonym", "capital", "body", "org", "place", "group"):
                continue
            if other.start < j and j != start:
                continue  # counted once, at its first token
            if any(doc[k].lower_ == "of" and doc[k - 1].lemma_.lower() in KIN_WORDS for k in range(start + 1, other.start)):
                continue  # "the child of Chinese immigrants": the parents' country, not the person's
            # Only a "to" inside the title counts: "offered its troops to Lebanon's new President X" is Lebanon's.
            before = doc[other.start - 1].lower_ if other.start > start else ""
            if before in ("to", "for") and other.kind in ("country", "capital", "place"):
                continue  # "ambassador to Russia", "envoy to Syria"
            if topic and other.kind == "country" and other.end <= topic_at:
                continue  # "a North Korea analyst", "a senior Iran analyst"
            if other.kind == "body" and other.end < end and doc[other.end].pos_ == "PROPN" \
                    and doc[other.end].text[:1].isupper() and self.by_token.get(other.end) is None:
                continue  # "the POSCO Fellowship Program": a sponsor's name inside another name
            if other.kind in ("country", "demonym") and doc[other.end - 1].head.lemma_.lower() in lex.topic_nouns:
                continue  # "professor in Modern Chinese Studies", "focusing on Japanese foreign policy"
            if nearest_last and not roles and other.end != end and other.kind in ("country", "demonym", "capital"):
                continue  # "Indian reluctance Richard Weitz" (a subheading run on): no title, no nationality
            if other.kind in ("body", "org") and other.sector:
                # In a title the body nearest the name is the person's ("Taliban Foreign Ministry spokesman").
                org_sector = other.sector if nearest_last else org_sector or other.sector
            if other.country and other.country != "IGO" or other.kind == "body":
                countries.append(other.country)
            other.consumed = other.kind in ("demonym", "country", "capital") or other.consumed
        if not any(countries):
            # "Ontario's provincial leader", "Bavaria's premier": a region that owns the title.
            for j in range(start + 1, end):
                if doc[j].tag_ == "POS" and doc[j - 1].pos_ == "PROPN" and self.by_token.get(j - 1) is None:
                    code = place_country(doc[j - 1].text)
                    if code and code != "IGO":
                        countries.append(code)
                        break
        for j in range(start, end):
            # "ambassador to Russia", "a North Korea analyst", "Secretary of State": attributes of
            # the person, not actors.
            other = self.by_token.get(j)
            if other is not None and other.kind == "org" and other.end < len(doc) and doc[other.end].tag_ == "POS":
                # "the International Refugee Assistance Project's Pedro Sepulveda": the body the
                # person speaks for is an actor too.
                other.affiliation = True
            elif other is not None and (other.kind in ("country", "demonym", "capital")
                                        or other.kind == "org" and other.country is None and other.sector is None):
                other.consumed = True
        if not any(countries) and not nearest_last:
            # "a lawyer in Mombasa", "an analyst based in Sydney": the place of work;
            # "a senior firefighter from Edmonton": the place one comes from.
            for j in range(start, end):
                if doc[j].lower_ in ("in", "from") and doc[j].dep_ == "prep":
                    objs = [o for o in doc[j].children if o.dep_ == "pobj"]
                    code = self._place_at(objs[0]) if objs else None
                    if code:
                        countries.append(code)
                        break
        if countries:
            pick = [c for c in countries if c]
            if envoy and "IGO" in pick and any(c != "IGO" for c in pick):
                # "British Deputy U.N. Ambassador X": Britain's envoy to the body, not its official.
                pick = [c for c in pick if c != "IGO"]
            if pick:
                country = pick[-1] if nearest_last else pick[0]
        if sector is None and roles:
            role = roles[-1][2] if nearest_last else roles[0][2]
            sector = org_sector or role.default
        elif sector is None:
            sector = org_sector
        return title, sector, country
