"""Finding named actor mentions: the names the lexicon knows (countries, demonyms, capitals,
named bodies, looked up as n-grams) and the names the entity recogniser finds or misses
(people after titles, speakers, listed people, bare surnames, regions that act).

:class:`newsgraph.actors.finder.Finder` calls these first, then looks for unnamed actors.
"""
from __future__ import annotations

from newsgraph.actors.lexicon import Lexicon, norm, place_country, strip_the
from newsgraph.actors.mentions import WORDS, Cand

ENTITY_LABELS = {"PERSON", "ORG", "NORP", "GPE", "FAC", "LOC"}
NAME_PARTICLES = WORDS["name_particle"]
STATE_VERBS = WORDS["state_verb"]
# Entity labels that a name after a title may carry by mistake ("Randhir Jaiswal" as a PRODUCT).
MINOR_ENTS = frozenset({"", "PRODUCT", "WORK_OF_ART", "EVENT", "LAW", "LANGUAGE"})
# Entity labels that a speaker's name may carry by mistake besides the minor ones ("Nino Galissa" as LOC).
SPEAKER_ENTS = MINOR_ENTS | {"LOC", "GPE", "FAC"}


def known_names(doc, lex: Lexicon) -> list[Cand]:
    """The names the lexicon lists (countries, demonyms, capitals, named bodies): longest-first n-gram look-up; only spans that start with a capital letter."""
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


def particle_name(span, lex: Lexicon) -> bool:
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


def org_names_over_places(doc, lex: Lexicon, gaz: list[Cand]) -> tuple[list[Cand], dict[int, int]]:
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


def _scan_runs(doc, look) -> list[Cand]:
    """The candidates ``look(i) -> (Cand or None, index to resume from)`` finds at each
    capitalised word, past the words of the runs it has read."""
    out: list[Cand] = []
    resume = 0
    for i in _capitalised_propns(doc):
        if i < resume:
            continue
        cand, after = look(i)
        resume = max(resume, after)
        if cand is not None:
            out.append(cand)
    return out


def listed_people(doc, lex: Lexicon, taken: set[int]) -> list[Cand]:
    """Names of data/people.tsv that the entity recogniser missed ("Trump praised ..."): runs
    of proper nouns outside any entity, looked up as a full name or as a surname whose listed
    bearers share one country."""
    n = len(doc)

    def look(i: int) -> tuple[Cand | None, int]:
        t = doc[i]
        if t.ent_type_ or i in taken or t.pos_ != "PROPN" and not _bare_subject(t):
            return None, 0
        j = i + 1
        while j < n and j - i < 4 and doc[j].pos_ == "PROPN" and not doc[j].ent_type_ and j not in taken:
            j += 1
        for end in range(j, i, -1):
            text = doc[i:end].text
            # A surname alone only where a name can stand, never as a modifier ("Computing Power Grid").
            if lex.person(text) is not None or end - i == 1 and t.dep_ in ("nsubj", "nsubjpass", "dobj", "pobj", "poss") \
                    and len({p.country for p in lex.surname(text)}) == 1:
                return Cand(i, end, "person", type="person", name=norm(doc[i:end].text)), end
        return None, 0

    return _scan_runs(doc, look)


def _no_name_word(tok, lex: Lexicon) -> bool:
    """A title, organisation word, country or nationality: no word of a person's name."""
    return lex.role(tok.lower_) is not None or tok.lower_ in lex.org_words or bool(lex.country(tok.text)) \
        or lex.demonym(tok.text) is not None


def titled_names(doc, lex: Lexicon, taken: set[int]) -> list[Cand]:
    """Names the entity recogniser missed after a title: "French Minister of Armed Forces Florence
    Parly". A run of capitalised proper nouns outside any entity whose first words are title or
    organisation words ("Armed Forces") ends in two or three name words: those are the person."""
    n = len(doc)

    def look(i: int) -> tuple[Cand | None, int]:
        t = doc[i]
        if t.ent_type_ not in MINOR_ENTS or i in taken or t.pos_ != "PROPN":
            return None, 0
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
            return Cand(k, j, "person", type="person", name=norm(names.text)), max(j, i + 1)
        return None, max(j, i + 1)

    return _scan_runs(doc, look)


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

