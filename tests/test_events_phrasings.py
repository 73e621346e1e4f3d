"""Events: how news tells mediation, concessions, crowd control and demands, sentence by sentence.

The actors come from a small table (as in test_events), so each case says what the events stage
does with the actors it is given. ``best`` is the sentence's most confident event: the one a
PLOVER-style coder reports.
"""
from __future__ import annotations

import pytest

from newsgraph.events import code_events
from newsgraph.record import Actor, Article, Record
from test_events import best, triple  # shared: the triples a coder reports
from test_events import coded as coded_with

# name as written -> (country, actor type)
ACTORS = {
    "Norway": ("NOR", "country"), "Sudan": ("SDN", "country"), "Egypt": ("EGY", "country"),
    "Israel": ("ISR", "country"), "Lebanon": ("LBN", "country"), "Russia": ("RUS", "country"),
    "Ukraine": ("UKR", "country"), "Belarus": ("BLR", "country"), "Kenya": ("KEN", "country"),
    "Iran": ("IRN", "country"), "Japan": ("JPN", "country"), "China": ("CHN", "country"),
    "France": ("FRA", "country"), "United States": ("USA", "country"), "Brazil": ("BRA", "country"),
    "Iranian": ("IRN", "group"), "German": ("DEU", "group"), "Turkish": ("TUR", "group"),
    "European Union": ("IGO", "organization"), "Putin": ("RUS", "person"), "Kim": ("PRK", "person"),
    "Pyongyang": ("PRK", "metonym"), "Kenyans": ("KEN", "group"), "Russian": ("RUS", "group"),
}


def coded(nlp, text: str) -> Record:
    """The record after the events stage, with this file's actor table."""
    return coded_with(nlp, text, ACTORS)[0]


@pytest.mark.parametrize("text, expected", [
    # a mediation is a consultation of the mediator with the parties mediated between
    ("Norway launched a mediation effort on Monday between Sudan and Egypt.", ("CONSULT", "NOR", "SDN")),
    ("The European Union undertook a mediation mission between Israel and Lebanon.", ("CONSULT", "IGO", "ISR")),
    # ending it is a sanction (CAMEO 165); threatening to end it if things go wrong is a threat
    ("Egypt ended its mediation efforts between Israel and Lebanon after the attack.", ("SANCTION", "EGY", "ISR")),
    ("The European Union may suspend its mediation between Russia and Ukraine if the fighting goes on.",
     ("THREATEN", "IGO", "RUS")),
    # asylum is aid, also when the parser hangs the people granted it on a reduced relative clause
    ("Norway has granted asylum to five Iranian officers holed up in its embassy since March.", ("AID", "NOR", "IRN")),
    # closing a border cuts the neighbour off
    ("Russia closed its border with Belarus because of the fighting.", ("SANCTION", "RUS", "BLR")),
    # crowd control: the police's act, whoever the crowd are
    ("German police used tear gas to disperse the crowd.", ("COERCE", "DEU", None)),
    # yielding: eased restrictions where they held, compensation paid
    ("Israel eased the curfew in Lebanon after a week of calm.", ("CONCEDE", "ISR", "LBN")),
    ("Russia paid compensation to Ukraine for the seized ships.", ("RETREAT", "RUS", "UKR")),
    ("Kenya will allow 5,000 refugees who have lived in camps for a decade to return home.", ("CONCEDE", "KEN", None)),
    # demands: "pushing for X (to) do", a demand or reminder named by a noun after a light verb
    ("France is pushing hard for the United States to support the plan.", ("REQUEST", "FRA", "USA")),
    ("Japan is pushing hard for the United States support its proposal.", ("REQUEST", "JPN", "USA")),
    ("The European Union reiterated its demand that Israel lift the blockade.", ("REQUEST", "IGO", "ISR")),
    ("Putin issued a stern reminder to Ukraine that it must respect the ceasefire.", ("REQUEST", "RUS", "UKR")),
    # the subject of a copula with an adjective acts: "is due to meet", "are guilty of violating"
    ("Putin is due to meet Kim in Pyongyang next week.", ("CONSULT", "RUS", "PRK")),
    ("Sudan and Egypt are guilty of violating the ceasefire.", ("ASSAULT", "SDN", None)),
    # every step of an intention is intended: the intention is the event reported
    ("Norway is willing to send equipment to help defend Sudan.", ("AGREE", "NOR", None)),
])
def test_the_event_reported(nlp, text, expected):
    assert best(coded(nlp, text)) == expected


@pytest.mark.parametrize("text, expected", [
    # the main act outranks what went on meanwhile, even with two parties named there
    ("Sudan eased emergency measures on Wednesday as Egypt cracked down on Kenya's traders.", ("CONCEDE", "SDN", None)),
    # the demand outranks what is demanded
    ("The European Union reiterated its demand today that Israel ease restrictions on Lebanon.",
     ("REQUEST", "IGO", "ISR")),
])
def test_the_main_clause_is_the_event_reported(nlp, text, expected):
    assert best(coded(nlp, text)) == expected


@pytest.mark.parametrize("text, unwanted", [
    # demonstrators dispersed by the police protest: the police do not
    ("Turkish police used tear gas to disperse students protesting the law.", ("PROTEST", "TUR", None)),
    # conferring an honour on someone is no consultation
    ("Egypt conferred its highest honour on Putin.", ("CONSULT", "EGY", "RUS")),
    # an obligation is no event, however deep the act sits: "must be united in condemning"
    ("The European Union must be united in condemning Russia.", ("ACCUSE", "IGO", "RUS")),
    # a stalled mediation is not a mediation
    ("Egypt ended its mediation efforts between Israel and Lebanon.", ("CONSULT", "EGY", "ISR")),
])
def test_no_such_event(nlp, text, unwanted):
    record = coded(nlp, text)
    assert unwanted not in [triple(record, ev) for ev in record.events]


def test_ending_a_mediation_has_its_own_code(nlp):
    record = coded(nlp, "Egypt ended its mediation efforts between Israel and Lebanon.")
    assert {ev.cameo for ev in record.events if ev.type == "SANCTION"} == {"165"}


def test_a_possible_conditional_sanction_is_a_threat_and_a_possible_offer_is_not(nlp):
    threat = coded(nlp, "Brazil could cut aid to Kenya if the election is rigged.")
    assert best(threat)[:2] == ("THREATEN", "BRA")
    offer = coded(nlp, "Brazil could send aid to Kenya if the floods get worse.")
    assert "THREATEN" not in [ev.type for ev in offer.events]


@pytest.mark.parametrize("text, expected", [
    # the people of a place evacuated from it are helped there
    ("Norway evacuated the wounded from the besieged towns of Sudan.", ("AID", "NOR", "SDN")),
    # a news blackout restricts what may be said
    ("Egypt imposed a news blackout on the trial.", ("COERCE", "EGY", None)),
    # an object moved after an adverbial phrase is still the object
    ("Sudan's president on Monday shortened by two hours the curfew imposed in the capital after the riots.",
     ("CONCEDE", "SDN", None)),
    # a sentence the parser reads as a noun phrase: its head acts
    ("Volunteers from two Norway charities donated and personally delivered medicine to Sudan, risking arrest.",
     ("AID", "NOR", "SDN")),
    # the subject of a passive verb is the subject of an active verb joined to it
    ("Egypt's foreign minister was criticized by Sudan and will resign.", ("RETREAT", "EGY", None)),
])
def test_more_phrasings(nlp, text, expected):
    record = coded(nlp, text)
    assert expected in [triple(record, ev) for ev in record.events]


def test_one_phrase_for_two_countries_gives_both_parties(nlp):
    """ "French and Russian negotiators": the actors stage gives one phrase to two actors."""
    text = "French and Russian negotiators return to Geneva this week for talks on the missiles."
    record = Record(article=Article(id="t", text=text))
    for n, country in enumerate(("FRA", "RUS"), 1):
        record.actors.append(Actor(id=f"a{n}", name=f"{country} negotiators", type="group", country=country,
                                   sector="GOV", code=f"{country}GOV", mentions=[(0, 30)]))
    doc = nlp(text)
    code_events(record, doc)
    assert [triple(record, ev) for ev in record.events] == [("CONSULT", "FRA", "RUS")]


@pytest.mark.parametrize("text, expected", [
    # an intention to fight is a threat, also when the parser takes the infinitive for a purpose
    ("Kenyans have sworn to fight until the land is returned, officials said.", ("THREATEN", "KEN", None)),
    # ... and past an aspectual verb: "prepared to resume shelling"
    ("The Russian army prepared to resume shelling Ukraine's positions.", ("THREATEN", "RUS", "UKR")),
    # letting aid through is a retreat (CAMEO 0863), pulling out inspectors a sanction (1662)
    ("Egypt reopened the crossing to allow the delivery of medicine to Sudan.", ("RETREAT", "EGY", "SDN")),
    ("The European Union will withdraw its inspectors from Iran next week.", ("SANCTION", "IGO", "IRN")),
])
def test_intentions_and_access(nlp, text, expected):
    assert best(coded(nlp, text)) == expected


@pytest.mark.parametrize("text, expected", [
    ("Russia said it could attack Ukraine.", "THREATEN"),  # its own possible act, announced
    ("Analysts said Russia could attack Ukraine.", "ASSAULT"),  # a guess about another's
])
def test_a_possible_attack_is_a_threat_only_when_announced_by_its_actor(nlp, text, expected):
    assert best(coded(nlp, text)) == (expected, "RUS", "UKR")


@pytest.mark.parametrize(
    "text, capital, host",
    [
        # A visit to a capital is a meeting with its country, even when nothing else names that country.
        ("Putin arrived in Amman on a previously unannounced visit on Wednesday.", "Amman", ("Jordan", "JOR")),
        ("Kim paid a visit to Hanoi in February.", "Hanoi", ("Vietnam", "VNM")),
    ],
)
def test_a_visit_to_a_capital_has_the_host_country_as_recipient(nlp, text, capital, host):
    record = coded(nlp, text)
    visits = [e for e in record.events if e.type == "CONSULT"]
    assert visits, [e.type for e in record.events]
    recipient = record.actor(visits[0].recipient)
    assert (recipient.name, recipient.country, recipient.type) == (*host, "country")
    # The host is added once, its one mention the capital's name.
    assert [text[s:e] for s, e in recipient.mentions] == [capital]


@pytest.mark.parametrize("text, expected", [
    # The party an act is for, named inside the event's own phrase, when nothing else gives one.
    ("Japan pledged to keep sending food aid to drought-hit Kenya.", ("AGREE", "JPN", "KEN")),
    ("France is ready to offer emergency loans for Ukraine and Belarus.", ("AGREE", "FRA", "UKR")),
    # ... a country named only as a place is that country.
    ("Norway promised to continue humanitarian aid to war-torn Yemen.", ("AGREE", "NOR", "YEM")),
])
def test_the_recipient_inside_the_events_phrase(nlp, text, expected):
    assert best(coded(nlp, text)) == expected


def test_an_unresolved_pronoun_object_is_still_the_party(nlp):
    # "accusing it of ...": "it" is the accused, though no actor is known for it; not the militants.
    record = coded(nlp, "Kenya blamed the attack on a neighbour, accusing it of helping Iranian militants.")
    accusations = [triple(record, e) for e in record.events if e.type == "ACCUSE"]
    assert accusations and all(r != "IRN" for _, _, r in accusations)


def test_a_party_of_the_actors_own_country_inside_the_phrase(nlp):
    # A domestic act: the party acted on is of the actor's own country, and still the recipient.
    record = coded(nlp, "Putin threatened to ban Russian opposition candidates from the upcoming elections.")
    assert best(record) == ("THREATEN", "RUS", "RUS")


def test_a_purpose_clause_says_whom_the_act_is_aimed_at(nlp):
    record = coded(nlp, "Kenyans blocked a road in Nairobi to protest against Iran's support for the militia.")
    assert best(record)[2] == "IRN"
