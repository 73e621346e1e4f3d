"""Factuality: did the event take place, as the article tells it?

Each example is a sentence, the word that triggers an event in it, and the factuality
newsgraph gives that event (rules: ../shared/gold/README.md, "Factuality"). Events are
built by hand on the parse, so the examples do not depend on the events stage.
"""
from __future__ import annotations

import pytest

from newsgraph.claims import attribute
from newsgraph.record import FACTUALITY, Actor, Article, Event, Record


def assess(nlp, text: str, trigger: str, type_: str = "CONSULT", actors=None, actor=None):
    start = text.index(trigger)
    event = Event(id="e1", type=type_, actor=actor, trigger=(start, start + len(trigger)),
                  evidence=[(0, len(text))])
    record = Record(article=Article(id="t", text=text), actors=actors or [], events=[event])
    attribute(record, nlp(text))
    return record


@pytest.mark.parametrize("text, trigger, type_, expected", [
    # asserted: the narrator states it
    ("Russia and China held talks in Beijing on Monday.", "talks", "CONSULT", "asserted"),
    ("The president visited Moscow in July.", "visited", "CONSULT", "asserted"),
    # reported: known only through a source
    ("Japanese media reported that the prime minister had arrived in Seoul.", "arrived", "CONSULT", "reported"),
    ("According to the ministry, troops attacked the village.", "attacked", "ASSAULT", "reported"),
    ("Troops attacked the village, a spokeswoman said.", "attacked", "ASSAULT", "reported"),
    ("Peskov said that the leaders met on Tuesday.", "met", "CONSULT", "reported"),
    ("\u201cWe have enforced our sanctions,\u201d the spokesman told reporters.", "enforced", "SANCTION", "reported"),
    # planned: scheduled or announced, not yet happened
    ("Negotiations between the two delegations will take place next week.", "Negotiations", "CONSULT", "planned"),
    ("The president is expected to attend the summit.", "attend", "CONSULT", "planned"),
    ("The summit is scheduled for June.", "summit", "CONSULT", "planned"),
    ("Peskov said the meeting would take place after the forum.", "meeting", "CONSULT", "planned"),
    ("The rebels pledged to release the hostages.", "release", "CONCEDE", "planned"),
    # hypothetical: conditional, predicted, possible
    ("The leaders would probably talk about weapons.", "talk", "CONSULT", "hypothetical"),
    ("If necessary, the army could intervene.", "intervene", "ASSAULT", "hypothetical"),
    ("Analysts predicted that the two sides would sign a deal.", "sign", "AGREE", "hypothetical"),
    ("The visit indicates that the two countries will cooperate on defense.", "cooperate", "COOPERATE", "hypothetical"),
    ("Washington warned Pyongyang not to sell weapons to Russia.", "sell", "AID", "hypothetical"),
    # negated: said not to have happened
    ("The two leaders did not meet.", "meet", "CONSULT", "negated"),
    ("No talks took place.", "talks", "CONSULT", "negated"),
    ("The president never visited Moscow.", "visited", "CONSULT", "negated"),
    ("The minister refused to meet the envoy.", "meet", "CONSULT", "negated"),
    # denied: a party denies it (denied wins over planned "will")
    ("Both governments have denied that the country will send weapons.", "send", "AID", "denied"),
    ("The ministry denied that troops had attacked the village.", "attacked", "ASSAULT", "denied"),
])
def test_factuality_of_an_event(nlp, text, trigger, type_, expected):
    (event,) = assess(nlp, text, trigger, type_).events
    assert event.factuality == expected


@pytest.mark.parametrize("text, trigger, type_", [
    # a speech act the narrator reports directly is asserted, whatever its content says
    ("Washington warned Pyongyang not to sell weapons to Russia.", "warned", "THREATEN"),
    ("The United States urged the North to uphold its commitment.", "urged", "REQUEST"),
    ("Putin promised last week to expand bilateral ties.", "promised", "AGREE"),
    # the content of a warning, made in the warning itself, is the accusation: asserted, not hypothetical
    ("\u201cMilitary cooperation would be in violation of the resolutions,\u201d he warned.", "violation", "ACCUSE"),
])
def test_speech_acts_narrated_directly_are_asserted(nlp, text, trigger, type_):
    (event,) = assess(nlp, text, trigger, type_).events
    assert event.factuality == "asserted"
    assert event.claims  # the claim that is the speech act is still listed


def test_a_threat_in_the_speakers_own_words_is_asserted(nlp):
    text = "\u201cWe will not hesitate to impose new sanctions,\u201d State Department spokesman Matthew Miller said."
    miller = text.index("Matthew Miller")
    actors = [Actor(id="a1", name="Matthew Miller", type="person", country="USA", mentions=[(miller, miller + 14)]),
              Actor(id="a2", name="United States", type="country", country="USA", mentions=[])]
    (event,) = assess(nlp, text, "impose", "THREATEN", actors=actors, actor="a2").events
    assert event.factuality == "asserted"


def test_a_speech_act_heard_second_hand_is_reported(nlp):
    text = "The interests of our country are vital to us, not threats from Washington, Peskov was reported as saying."
    (event,) = assess(nlp, text, "threats", "REJECT").events
    assert event.factuality == "reported"


def test_reported_event_lists_its_claims_including_the_relay(nlp):
    text = "According to state media, the president stated that the army had withdrawn."
    record = assess(nlp, text, "withdrawn", "RETREAT")
    (event,) = record.events
    assert event.factuality == "reported"
    assert sorted(event.claims) == sorted(c.id for c in record.claims) and len(event.claims) == 2


def test_asserted_event_has_no_claims(nlp):
    (event,) = assess(nlp, "Russia and China held talks in Beijing.", "talks").events
    assert (event.factuality, event.claims) == ("asserted", [])


def test_every_value_is_a_known_factuality(nlp):
    text = "The two leaders did not meet, the ministry said, and a summit will take place."
    record = Record(article=Article(id="t", text=text), events=[
        Event(id="e1", type="CONSULT", trigger=(text.index("meet"), text.index("meet") + 4)),
        Event(id="e2", type="CONSULT", trigger=(text.index("summit"), text.index("summit") + 6)),
        Event(id="e3", type="CONSULT", trigger=None),
    ])
    attribute(record, nlp(text))
    assert [e.factuality for e in record.events][:2] == ["negated", "planned"]
    assert all(e.factuality in FACTUALITY for e in record.events)


def test_seed_article_factuality_meets_the_bar(shared, seed_record):
    # The bar: factuality accuracy >= 0.85 over the events matched to the seed gold.
    from newsgraph.evaluate import score
    from newsgraph.evaluate.gold import load_gold

    result = score(load_gold(shared / "gold/seed.gold.json"), seed_record)
    if result.factuality.total < 5:
        pytest.skip(f"only {result.factuality.total} seed events matched; the events stage decides this")
    assert result.factuality.accuracy >= 0.85, result.factuality.to_dict()
