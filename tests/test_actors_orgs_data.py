"""The named bodies of organizations.tsv, as examples: companies, universities, think tanks and
outlets that the news names get their country and sector from the list, and the list itself stays
consistent (one country per name, six columns, valid country codes)."""
from __future__ import annotations

import re

import pytest

from newsgraph.actors.lexicon import _is_acronym, norm, strip_the
from newsgraph.lexicons import read_tsv
from test_actors import _actor_named  # shared: an actor by a mention's text


# --- 1. bodies named in running text ---------------------------------------------------

@pytest.mark.parametrize(
    "text, name, expected",
    [
        # Companies: the country of their headquarters, sector BUS.
        ("Infosys said on Monday it would hire 20,000 graduates this year.", "Infosys", ("IND", "BUS")),
        ("Petrobras raised diesel prices for the second time this month.", "Petrobras", ("BRA", "BUS")),
        ("The sanctions target Sberbank and other large lenders.", "Sberbank", ("RUS", "BUS")),
        ("Washington added SMIC to its export blacklist in 2020.", "SMIC", ("CHN", "BUS")),
        ("Rheinmetall will build a tank factory in western Ukraine.", "Rheinmetall", ("DEU", "BUS")),
        ("ADNOC signed a gas supply deal with India on Tuesday.", "ADNOC", ("ARE", "BUS")),
        # A name that is also a common word is listed only in its long form.
        ("Ford Motor will cut 3,000 jobs in Europe.", "Ford Motor", ("USA", "BUS")),
        # Universities and think tanks: EDU, the country of the campus or headquarters.
        ("A study by the University of Tokyo found the fault had moved.", "University of Tokyo", ("JPN", "EDU")),
        ("Researchers at KAIST built the prototype.", "KAIST", ("KOR", "EDU")),
        ("Ashoka University said the professor had resigned.", "Ashoka University", ("IND", "EDU")),
        ("The Peace Research Institute Oslo counted 59 state-based conflicts last year.",
         "Peace Research Institute Oslo", ("NOR", "EDU")),
        ("The Lahore University of Management Sciences hosted the debate.",
         "Lahore University of Management Sciences", ("PAK", "EDU")),
        # Outlets: MED, with their country.
        ("Yedioth Ahronoth reported that the talks had stalled.", "Yedioth Ahronoth", ("ISR", "MED")),
        ("Folha de S.Paulo said the minister had been warned.", "Folha de S.Paulo", ("BRA", "MED")),
    ],
)
def test_listed_bodies_get_country_and_sector(actors_of, text, name, expected):
    actor = _actor_named(actors_of(text), name)
    assert actor is not None, name
    assert (actor.country, actor.sector) == expected


@pytest.mark.parametrize(
    "text, word",
    [
        # Common words and surnames that are also company names are not listed on their own.
        ("Apple orchards in Kashmir were damaged by the early snow.", "Apple"),
        ("Shell fragments were found near the school.", "Shell"),
        ("Amazon rainforest fires rose by a third, officials said.", "Amazon"),
    ],
)
def test_common_words_are_not_companies(actors_of, text, word):
    actor = _actor_named(actors_of(text), word)
    assert actor is None or actor.sector != "BUS"


# --- 2. the list itself -----------------------------------------------------------------

def _rows():
    return [(row.line, list(row.cells.values())) for row in read_tsv("newsgraph.actors", "organizations.tsv")]


def test_every_row_has_six_columns_and_a_valid_country():
    for lineno, cols in _rows():
        assert len(cols) == 6, f"line {lineno}: {cols}"
        assert re.fullmatch(r"[A-Z]{3}|-", cols[2]), f"line {lineno}: country {cols[2]!r}"
        assert cols[0].strip(), f"line {lineno}: empty name"


def test_no_name_names_two_countries():
    # Keys as the lexicon makes them: acronyms keep their case ("JEM" is not "JeM"), the rest is lowered.
    countries: dict[str, tuple[str, int]] = {}
    clashes = []
    for lineno, cols in _rows():
        for alias in [cols[0], *[a for a in cols[1].split("|") if a]]:
            key = strip_the(norm(alias))
            key = key if _is_acronym(key) else key.lower()
            seen = countries.setdefault(key, (cols[2], lineno))
            if seen[0] != cols[2]:
                clashes.append(f"{alias!r}: line {seen[1]} {seen[0]} vs line {lineno} {cols[2]}")
    assert not clashes, clashes
