"""Actors the entity recogniser misses or mislabels, and bodies told by a common noun, as examples:
names described as people, nationalities listed together, bodies that act through what follows
them, branches and offices of other bodies."""
from __future__ import annotations

import pytest

from test_actors import _actor_named  # shared: an actor by a mention's text


def _by_name(record, name: str):
    return next((a for a in record.actors if a.name == name), None)


@pytest.mark.parametrize(
    "text, name, country",
    [
        # A title before the name, though the recogniser took the name for a place.
        ("Solo Mayor Hadi Rudyatmo said the market would close on Friday.", "Hadi Rudyatmo", None),
        # "X is the executive director of ...": the predicate describes the person.
        ("Mahad Wasuge is the executive director of the Somali Public Agenda, a think tank in Mogadishu.",
         "Mahad Wasuge", "SOM"),
        # A place one comes from, after the title.
        ("Morgan Kehr, a senior firefighter from Edmonton, has flown in to help.", "Morgan Kehr", "CAN"),
        # A body's name and a person's run together by the recogniser, told apart by "who".
        ("Haiti's Chamber of Deputies Arnel Belizaire, who is accused of plotting the escape, fled.",
         "Arnel Belizaire", "HTI"),
    ],
)
def test_names_described_as_people(actors_of, text, name, country):
    actor = _actor_named(actors_of(text), name)
    assert actor is not None and actor.type == "person", name
    if country:
        assert actor.country == country


def test_the_plural_of_german_is_germans(actors_of):
    record = actors_of("Canadians, French, Germans, British and the United States are all patrolling the strait.")
    countries = {a.name: a.country for a in record.actors}
    assert countries["Germans"] == "DEU"
    # Nationality adjectives listed with peoples are peoples too.
    assert countries["French"] == "FRA" and countries["British"] == "GBR"


@pytest.mark.parametrize(
    "text, word",
    [
        # A language is not a people.
        ("The statement was translated into English and French by the embassy.", "French"),
        # A law named after a body is no body.
        ("In January the government approved a Coast Guard Law that authorizes firing on vessels.", "Law"),
    ],
)
def test_words_that_name_no_actor(actors_of, text, word):
    assert _by_name(actors_of(text), word) is None


def test_nationalities_listed_before_one_noun_are_one_group_each(actors_of):
    record = actors_of("He was criticized by U.S., French, Chinese and Mexican representatives at a "
                       "U.N. Security Council meeting.")
    groups = {a.country: a for a in record.actors if a.type == "group"}
    assert {"USA", "FRA", "CHN", "MEX"} <= set(groups)
    # Envoys at an international meeting stay their governments'.
    assert groups["FRA"].sector == "GOV"


@pytest.mark.parametrize(
    "text, name, country, sector",
    [
        # A body that acts through the noun after it.
        ("Lawmakers were angered by a Turkish court ruling on Wednesday.", "Turkish court", "TUR", "JUD"),
        ("The dispute has seen Chinese coast guard ships sail into the contested waters.",
         "Chinese coast guard", "CHN", "COP"),
        # "media report" where the tagger read the verb as a noun.
        ("Revenue rose 14% over 2017, Thai media report.", "Thai media", "THA", "MED"),
        # A country's office at an international body is that country's.
        ("China's U.N. mission said the submission was invalid.", "China's U.N. mission", "CHN", "GOV"),
        ("The U.S. Mission to the United Nations said in a statement that Iran was enriching uranium.",
         "U.S. Mission", "USA", "GOV"),
        # A branch of an armed movement's rule.
        ("Taliban Foreign Ministry spokesman Abdul Qahar Balkhi told reporters the visas were revoked.",
         "Taliban Foreign Ministry", "AFG", "GOV"),
        # A country closing a body's name: its national branch.
        ("James Schoff is a senior director at the Sasakawa Peace Foundation USA.",
         "James Schoff", "USA", "EDU"),
        # Words that make a body only at the end of a name; a diaspora's nationality is American.
        ("Ted Gong is senior adviser to the Chinese American Museum in Washington.",
         "Chinese American Museum", "USA", "EDU"),
        # A nationality inside a long name.
        ("The Interim Afghan Government said the border would reopen.", "Interim Afghan Government", "AFG", "GOV"),
        # An office named with a word of the press stays an office.
        ("The Executive Office for Immigration Review in Washington ruled on the case.",
         "Executive Office for Immigration Review", "USA", "GOV"),
    ],
)
def test_bodies_told_by_common_nouns_branches_and_names(actors_of, text, name, country, sector):
    actor = _actor_named(actors_of(text), name)
    assert actor is not None, name
    assert (actor.country, actor.sector) == (country, sector)


def test_a_news_agency_named_with_its_country_stays_the_agency(actors_of):
    record = actors_of("Russia's TASS news agency reported the visit.")
    assert _actor_named(record, "TASS").sector == "MED"
    assert _by_name(record, "Russia's TASS news agency") is None


def test_parties_and_houses_of_the_country_in_context(actors_of):
    record = actors_of("Pakistan's parliament passed the budget on Friday. Opposition parties rejected the "
                       "budget, and parliament's lower house will vote again.")
    assert _actor_named(record, "Opposition parties").country == "PAK"
    assert _actor_named(record, "parliament's lower house").country == "PAK"


def test_counts_leave_a_groups_name(actors_of):
    record = actors_of("More than 2.8 million Chinese tourists visited Vietnam this year.")
    assert _by_name(record, "Chinese tourists").country == "CHN"


def test_a_country_inside_a_quotation_is_what_is_said_not_who_says_it(actors_of):
    record = actors_of("Families came to Houston a century ago. \"We've come from about three villages in China,\" "
                       "said Rena Calloway, who keeps the archive in Houston.")
    assert _actor_named(record, "Rena Calloway").country != "CHN"


def test_staff_share_their_leaders_country_and_lawyers_do_not(actors_of):
    record = actors_of("Washington sanctioned Albania's former prime minister Sali Berisha on Monday. Berisha's "
                       "successor, Lulzim Basha, has been under pressure to resign. Berisha's lawyer, Michael Hart, "
                       "said the decision was political.")
    assert _actor_named(record, "Lulzim Basha").country == "ALB"
    assert _actor_named(record, "Michael Hart").country != "ALB"


def test_a_nationality_said_with_be(actors_of):
    record = actors_of("Ruslan Aliyev told jurors in Brooklyn that he had been paid by a Russian gang. "
                       "Aliyev, who is Azerbaijani, said he is cooperating with prosecutors.")
    assert _actor_named(record, "Ruslan Aliyev").country == "AZE"


def test_a_subject_of_study_or_a_hyphened_word_in_a_name_is_no_nationality(actors_of):
    record = actors_of("The Institute of Chinese Studies in Delhi said. The Anti-American Farmer Tariff was passed.")
    assert _by_name(record, "Institute of Chinese Studies").country != "CHN"
    assert all(a.country != "USA" for a in record.actors if "Tariff" in a.name)


def test_an_official_may_name_his_own_country_in_a_quotation(actors_of):
    record = actors_of("“China calls on parties concerned to be rational,” Deputy Ambassador Geng Shuang said.")
    assert _actor_named(record, "Geng Shuang").country == "CHN"


@pytest.mark.parametrize(
    "text, name, country",
    [
        # A hyphened leader names the body's country; a backer does not.
        ("Vietnamese-led forces launched artillery fire against guerrilla camps near the Thai border.",
         "Vietnamese-led forces", "VNM"),
        ("The U.S.-led coalition said the strikes had hit a depot.", "The U.S.-led coalition", "USA"),
        ("The Saudi-led coalition struck a depot near the port.", "The Saudi-led coalition", "SAU"),
    ],
)
def test_a_body_led_by_a_country(actors_of, text, name, country):
    assert _actor_named(actors_of(text), name).country == country


def test_a_backer_is_no_owner(actors_of):
    record = actors_of("Russian-backed separatists attacked the village.")
    assert all(a.country != "RUS" for a in record.actors)


def test_a_local_body_is_where_its_spokesman_is_from(actors_of):
    record = actors_of("Hunters will stop coming to Botswana, he said. Oaitse Nawa of the Elephant Protection "
                       "Society, a Botswana native, wants the hunts to be stopped.")
    nawa = _actor_named(record, "Oaitse Nawa")
    assert _by_name(record, "Elephant Protection Society").country == nawa.country == "BWA"


def test_a_description_before_a_name_the_recogniser_missed(actors_of):
    record = actors_of("Independent Cambodian media association CamboJA said the journalist was released.")
    camboja = _by_name(record, "CamboJA")
    assert (camboja.country, camboja.sector) == ("KHM", "NGO")


def test_a_bodys_full_name_in_brackets_after_its_initials(actors_of):
    record = actors_of("The U.S. government, through our INL (Bureau of International Narcotics and Law "
                       "Enforcement Affairs) programs, has provided training.")
    assert _by_name(record, "Bureau of International Narcotics and Law Enforcement Affairs") is not None


def test_a_region_that_acts_stands_for_its_government(actors_of):
    record = actors_of("Although Bali banned the trade in 2017, stalls still serve dog meat. Texas sued the "
                       "administration on Monday.")
    texas = _by_name(record, "Texas")
    assert (texas.country, texas.sector, texas.type) == ("USA", "GOV", "metonym")


def test_a_region_described_or_suffering_is_a_place(actors_of):
    record = actors_of("Sydney is again shrouded in a toxic, smoky haze. Floods hit Texas on Monday.")
    assert _by_name(record, "Sydney") is None and _by_name(record, "Texas") is None


def test_the_child_of_immigrants_is_of_where_she_was_born(actors_of):
    record = actors_of("Her mother, Jane Eng, the child of Chinese immigrants, was born and raised in Texas.")
    assert _actor_named(record, "Jane Eng").country == "USA"
    # ... while an immigrant's own nationality stays his origin.
    record = actors_of("Li Wei, a Chinese immigrant, opened a grocery store in Houston in 1952.")
    assert _actor_named(record, "Li Wei").country == "CHN"


def _titled(nlp, title: str, text: str):
    """The record after the actors stage for an article with a headline."""
    from newsgraph.actors import find_actors
    from newsgraph.record import Article, Record

    record = Record(article=Article(id="t", text=text, title=title))
    find_actors(record, nlp(text))
    return record


def test_the_headline_says_which_country_a_short_story_is_about(nlp):
    text = ("Thousands of students rallied on Wednesday against a court ruling on government jobs. "
            "Police said the protests were largely peaceful. The interior ministry did not comment, and "
            "state television did not report the rallies.")
    record = _titled(nlp, "Students in Bangladesh rally against job quota ruling", text)
    for name in ("students", "Police", "interior ministry", "state television"):
        actor = _actor_named(record, name)
        assert actor is not None and actor.country == "BGD", name
    # Without the headline nothing says where this happens.
    assert all(a.country is None for a in _titled(nlp, "", text).actors if a.type == "group")


def test_generic_people_take_no_country_from_the_story(nlp):
    text = ("Police in Lagos fired tear gas at protesters on Friday. Many people stayed home, and "
            "protesters said they would march again.")
    record = _titled(nlp, "Thousands protest fuel price rise in Nigeria's Lagos", text)
    assert _actor_named(record, "protesters").country == "NGA"
    assert _by_name(record, "people") is None


def test_a_name_in_apposition_to_a_title(actors_of):
    record = actors_of("Armenian Foreign Minister Levon Grigoryan and his Azerbaijani counterpart, "
                       "Elnur Mammadov, held two hours of talks. Kosovo's interior minister, Arben Krasniqi, "
                       "rejected the accusation.")
    assert _actor_named(record, "Elnur Mammadov").type == "person"
    assert _actor_named(record, "Arben Krasniqi").country == "XKX"


def test_officers_and_residents_of_the_country_around_them(nlp):
    text = ("The European Union imposed sanctions on nine Myanmar military officers on Thursday. "
            "Residents of the village told reporters that soldiers had rounded up men.")
    record = _titled(nlp, "EU sanctions Myanmar officers over crackdown", text)
    officers = _actor_named(record, "Myanmar military officers")
    assert (officers.country, officers.sector, officers.type) == ("MMR", "MIL", "group")
    assert _actor_named(record, "Residents").country == "MMR"
