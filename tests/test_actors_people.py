"""Actor knowledge that does not depend on the sentence, as examples: well-known people
(data/people.tsv), peoples coded by where they live (data/ethnic_groups.tsv) and named
bodies (data/organizations.tsv)."""
from __future__ import annotations

import pytest

from newsgraph.actors.lexicon import _rows, load_lexicon, name_key
from test_actors import _actor_named  # shared: an actor by a mention's text


# --- well-known people --------------------------------------------------------------

@pytest.mark.parametrize(
    "text, name, expected",
    [
        # The nearest country in the sentence is the counterpart, not the person's own.
        ("President Bill Clinton announced new sanctions against the rulers of Afghanistan on Tuesday.",
         "Bill Clinton", ("USA", "GOV")),
        ("Ousted president Jean-Bertrand Aristide was accused of taking US $20 million from the treasury.",
         "Jean-Bertrand Aristide", ("HTI", "GOV")),
        ("Trump praised the Saudi investment pledge during his visit to Riyadh.", "Trump", ("USA", "GOV")),
        # A spelling variant listed as an alias.
        ("President Francois Mitterand welcomed the chancellor in Paris.", "Francois Mitterand", ("FRA", "GOV")),
        ("President Abdelaziz Bouteflika said he was prepared to lift the ban.", "Abdelaziz Bouteflika",
         ("DZA", "GOV")),
        ("President Laurent Gbagbo announced he would extend the curfew.", "Laurent Gbagbo", ("CIV", "GOV")),
        # International officials have the country IGO.
        ("Antonio Guterres called for an immediate ceasefire in Sudan.", "Antonio Guterres", ("IGO", "IGO")),
        # A rebel leader keeps the lexicon's sector when the text gives none.
        ("Jonas Savimbi refused to attend the talks in Lusaka.", "Jonas Savimbi", ("AGO", "REB")),
        # Rights campaigners are listed too: a book by one is banned elsewhere.
        ("Other titles include a book by Nobel laureate Malala Yousafzai, which the Taliban banned in Afghanistan.",
         "Malala Yousafzai",
         ("PAK", "NGO")),
    ],
)
def test_listed_person_gets_country_without_context(actors_of, text, name, expected):
    actor = _actor_named(actors_of(text), name)
    assert actor is not None and actor.type == "person"
    assert (actor.country, actor.sector) == expected


@pytest.mark.parametrize(
    "text, name, expected",
    [
        # Listed as the EU's foreign policy chief (IGO); the text says what she was then.
        ("Estonian Prime Minister Kaja Kallas spoke to reporters in Tallinn.", "Kaja Kallas", ("EST", "GOV")),
        # The title's sector wins over the list's.
        ("Russian Defence Minister Sergei Shoigu arrived in Tehran.", "Sergei Shoigu", ("RUS", "MIL")),
        ("Lebanon's new President Elias Hrawi thanked Syria for its troops.", "Elias Hrawi", ("LBN", "GOV")),
    ],
)
def test_text_nationality_wins_over_the_list(actors_of, text, name, expected):
    actor = _actor_named(actors_of(text), name)
    assert actor is not None
    assert (actor.country, actor.sector) == expected


def test_surname_alone_after_full_name_is_the_same_person(actors_of):
    record = actors_of("Vladimir Putin met Xi Jinping in Beijing on Monday. Later Putin flew to Vladivostok.")
    putin = _actor_named(record, "Vladimir Putin")
    assert putin is not None and putin.country == "RUS"
    assert len([a for a in record.actors if a.name in ("Putin", "Vladimir Putin")]) == 1
    assert len(putin.mentions) >= 2


@pytest.mark.parametrize(
    "text, name, country",
    [
        ("On Friday Putin offered to negotiate with the president of Armenia.", "Putin", "RUS"),
        ("Mitterrand said France would not send troops.", "Mitterrand", "FRA"),
        # Two listed people of that surname, one country: still a country.
        ("Bush said the sanctions would stay in place.", "Bush", "USA"),
    ],
)
def test_surname_alone_takes_the_country_its_bearers_share(actors_of, text, name, country):
    actor = _actor_named(actors_of(text), name)
    assert actor is not None and actor.country == country


@pytest.mark.parametrize(
    "text",
    [
        # Listed surnames used as words or as parts of other names are no people.
        "Rice prices rose sharply in Manila this week.",
        "China has built a National Computing Power Grid for its AI companies.",
        "This will be great for the Wine and Champagne businesses.",
        "May was the wettest month on record.",
    ],
)
def test_listed_surnames_as_words_are_not_people(actors_of, text):
    assert not [a for a in actors_of(text).actors if a.type == "person"]


@pytest.mark.parametrize(
    "name, others, expected",
    [
        ("Bush", set(), "USA"),
        ("al-Assad", set(), "SYR"),
        ("President Bush", set(), "USA"),
        # "Kim" is listed in both Koreas: no guess.
        ("Kim", set(), None),
        # The text names another Bush ("Laura Bush"): the surname alone is hers, not the list's.
        ("Bush", {"bush"}, None),
        # Lower case is a word, not a name: "salami".
        ("salami", set(), None),
    ],
)
def test_surname_lookup(name, others, expected):
    person = load_lexicon().known_person(name, others)
    assert (person.country if person else None) == expected


def test_people_file_is_well_formed():
    import pycountry

    sectors = {"GOV", "MIL", "LEG", "JUD", "SPY", "COP", "OPP", "REB", "REL", "CRM", "IGO", "NGO"}
    countries = {c.alpha_3 for c in pycountry.countries} | {"IGO", "XKX"}
    names: dict[str, str] = {}
    for lineno, cols in _rows("people.tsv"):
        name, aliases, country, sector = cols
        assert country in countries, f"people.tsv:{lineno}: {country}"
        assert sector in sectors, f"people.tsv:{lineno}: {sector}"
        key = name_key(name)
        assert key not in names, f"people.tsv:{lineno}: {name} listed twice"
        names[key] = country
    assert len(names) > 500


@pytest.mark.parametrize(
    "text, name, country",
    [
        # A listed leader's name on a government word makes it that country's government.
        ("The Bush administration declared that China must drop its trade barriers.", "Bush administration", "USA"),
        ("The Assad regime shelled the town again on Sunday.", "Assad regime", "SYR"),
        ("Officials in the Obama administration said the talks would resume.", "Obama administration", "USA"),
    ],
)
def test_leader_name_on_a_government_word(actors_of, text, name, country):
    actor = _actor_named(actors_of(text), name)
    assert actor is not None and actor.type == "organization"
    assert (actor.country, actor.sector) == (country, "GOV")


# --- peoples: coded by where they live ------------------------------------------------

@pytest.mark.parametrize(
    "text, name, country",
    [
        # A nationality before a people names where they live.
        ("Bosnian Serbs demanded a truce with government forces.", "Bosnian Serbs", "BIH"),
        ("Iraqi Kurds voted in a referendum on independence.", "Iraqi Kurds", "IRQ"),
        # A people before a nationality does not: Greek Cypriots live in Cyprus.
        ("Greek Cypriots voted against the reunification plan.", "Cypriots", "CYP"),
        # "ethnic X in <country>", "the X of <country>".
        ("Ethnic Albanians in south Serbia are demanding more autonomy.", "Albanians", "SRB"),
        ("The Albanians of southern Serbia demanded political autonomy.", "Albanians", "SRB"),
        ("Ethnic Hungarians in Romania held a rally on Sunday.", "Hungarians", "ROU"),
        ("Ethnic Albanian guerrillas operating in Macedonia handed in their weapons.", "guerrillas", "MKD"),
        # A people with no state of its own: where the sentence places it.
        ("Kurds protested in Damascus on Friday against the new constitution.", "Kurds", "SYR"),
        ("Moslem forces in east Bosnia shelled the town.", "Moslem forces", "BIH"),
        # Without "ethnic", a nationality word is a nationality: "Albanian rebels in Macedonia".
        ("Washington cut all aid to Albanian rebels in Macedonia.", "Albanian rebels", "ALB"),
    ],
)
def test_peoples_are_coded_by_where_they_live(actors_of, text, name, country):
    actor = _actor_named(actors_of(text), name)
    assert actor is not None and actor.type == "group"
    assert actor.country == country


def test_nationality_before_a_people_is_not_a_country_actor(actors_of):
    record = actors_of("Bosnian Serbs demanded a truce.")
    assert not any(a.type == "country" for a in record.actors)


# --- named bodies ---------------------------------------------------------------------

@pytest.mark.parametrize(
    "text, name, expected",
    [
        ("APEC agreed to set up a research centre in Tokyo.", "APEC", ("IGO", "IGO")),
        ("The European Community agreed to send food aid to the region.", "European Community", ("IGO", "IGO")),
        ("The International Labour Organization criticised the new labour law.", "International Labour Organization",
         ("IGO", "IGO")),
        ("Hizbollah fired rockets across the border.", "Hizbollah", ("LBN", "REB")),
        ("UNITA refused to let the relief planes land.", "UNITA", ("AGO", "REB")),
        ("The Moro Islamic Liberation Front signed a truce with Manila.", "Moro Islamic Liberation Front",
         ("PHL", "REB")),
        ("The Tamil Tigers attacked an army camp in the north.", "Tamil Tigers", ("LKA", "REB")),
        ("The FARC freed six hostages on Sunday.", "FARC", ("COL", "REB")),
        # International NGOs are international bodies (country IGO, as the contract says), sector NGO.
        ("The Red Cross delivered medicine to the camp.", "Red Cross", ("IGO", "NGO")),
    ],
)
def test_named_bodies(actors_of, text, name, expected):
    actor = _actor_named(actors_of(text), name)
    assert actor is not None and actor.type == "organization"
    assert (actor.country, actor.sector) == expected
