"""Events: PLOVER/CAMEO coding from sentences, with actors given by a small table.

The actors are set by hand here (every name in ``ACTORS`` found in the text becomes an actor),
so that these tests say what the events stage does with the actors it is given, whatever the
actors stage finds.
"""
from __future__ import annotations

import re

import pytest

from newsgraph.events import code_events
from newsgraph.events.lexicon import PLOVER_TYPES, load_lexicon
from newsgraph.events.merge import merge_events
from newsgraph.record import Actor, Article, Claim, Event, Record

# name as written -> (country, actor type)
ACTORS = {
    "Russia": ("RUS", "country"), "China": ("CHN", "country"), "North Korea": ("PRK", "country"),
    "Iran": ("IRN", "country"), "France": ("FRA", "country"), "Japan": ("JPN", "country"),
    "Kenya": ("KEN", "country"), "Germany": ("DEU", "country"), "Brazil": ("BRA", "country"),
    "Argentina": ("ARG", "country"), "Norway": ("NOR", "country"), "Sudan": ("SDN", "country"),
    "Egypt": ("EGY", "country"), "Israel": ("ISR", "country"), "Lebanon": ("LBN", "country"),
    "Ukraine": ("UKR", "country"), "Turkey": ("TUR", "country"), "Belarus": ("BLR", "country"),
    "India": ("IND", "country"), "United States": ("USA", "country"),
    "Washington": ("USA", "metonym"), "Tehran": ("IRN", "metonym"), "Pyongyang": ("PRK", "metonym"),
    "Kenyans": ("KEN", "group"), "German": ("DEU", "group"), "Indian": ("IND", "group"),
    "European Union": ("IGO", "organization"), "Kim": ("PRK", "person"), "Putin": ("RUS", "person"),
    "Miller": ("USA", "person"),
}


def make_record(text: str, actors: dict[str, tuple[str, str]] = ACTORS) -> Record:
    record = Record(article=Article(id="t", text=text))
    for n, (name, (country, kind)) in enumerate(actors.items(), 1):
        mentions = [m.span() for m in re.finditer(rf"\b{re.escape(name)}\b", text)]
        if mentions:
            record.actors.append(Actor(id=f"a{n}", name=name, type=kind, country=country,
                                       sector="GOV", code=f"{country}GOV", mentions=mentions))
    return record


def triple(record: Record, ev: Event) -> tuple[str, str | None, str | None]:
    """(type, actor country, recipient country) of one event."""
    actor, recipient = record.actor(ev.actor), record.actor(ev.recipient)
    return ev.type, actor.country if actor else None, recipient.country if recipient else None


def coded(nlp, text: str, actors: dict[str, tuple[str, str]] = ACTORS) -> tuple[Record, list[tuple[str, str | None, str | None]]]:
    record = make_record(text, actors)
    doc = nlp(text)
    code_events(record, doc)
    merge_events(record, doc)
    return record, [triple(record, ev) for ev in record.events]


def best(record: Record) -> tuple[str, str | None, str | None] | None:
    """The triple of the most confident event, or None."""
    if not record.events:
        return None
    return triple(record, max(record.events, key=lambda e: e.confidence))


# One sentence (or more) per PLOVER type: the most confident event.
@pytest.mark.parametrize("text, expected", [
    ("Japan promised aid to Kenya.", ("AGREE", "JPN", "KEN")),
    ("Egypt held talks with Sudan on Monday.", ("CONSULT", "EGY", "SDN")),
    ("India's foreign minister paid a visit to Japan on Friday.", ("CONSULT", "IND", "JPN")),
    ("Germany praised Kenya for the peaceful election.", ("SUPPORT", "DEU", "KEN")),
    ("Brazil will cooperate with Argentina on border security.", ("COOPERATE", "BRA", "ARG")),
    ("Norway sent humanitarian aid to Sudan.", ("AID", "NOR", "SDN")),
    ("Egypt lifted the state of emergency after the elections.", ("CONCEDE", "EGY", None)),
    ("Israel withdrew its troops from Lebanon.", ("RETREAT", "ISR", "LBN")),
    ("France urged Iran to release the detained journalists.", ("REQUEST", "FRA", "IRN")),
    ("China accused Japan of provoking tensions in the region.", ("ACCUSE", "CHN", "JPN")),
    ("Iran rejected the demands of the United States.", ("REJECT", "IRN", "USA")),
    ("Washington warned Tehran not to attack commercial shipping.", ("THREATEN", "USA", "IRN")),
    ("Thousands of Kenyans protested against the new tax.", ("PROTEST", "KEN", None)),
    ("The European Union imposed sanctions on Belarus.", ("SANCTION", "IGO", "BLR")),
    ("Russia deployed troops along the border with Ukraine.", ("MOBILIZE", "RUS", "UKR")),
    ("Turkey arrested two German journalists.", ("COERCE", "TUR", "DEU")),
    ("Russia attacked Ukraine.", ("ASSAULT", "RUS", "UKR")),
])
def test_each_type_from_a_sentence(nlp, text, expected):
    record, _ = coded(nlp, text)
    assert best(record) == expected


@pytest.mark.parametrize("text, expected", [
    # the main act outranks its purpose and the background told about a noun
    ("Thousands of Kenyans staged a rally to demand that Iran free the prisoners.", ("PROTEST", "KEN", None)),
    ("Israel returned the prisoners that Lebanon had seized last year.", ("RETREAT", "ISR", None)),
    ("Egypt opened fire on Sudan's positions to stop the advance, killing two soldiers.", ("ASSAULT", "EGY", "SDN")),
    ("China accused Japan of supporting the rebels.", ("ACCUSE", "CHN", "JPN")),
    ("Iran said it will boycott the talks unless France agrees to lift the sanctions.", ("THREATEN", "IRN", None)),
])
def test_the_most_confident_event_is_the_main_act(nlp, text, expected):
    record, _ = coded(nlp, text)
    assert best(record) == expected


def test_every_plover_type_is_in_the_lexicon():
    lex = load_lexicon()
    reachable = {t.type for rows in lex.triggers.values() for t in rows if t.type}
    assert reachable == set(PLOVER_TYPES)


@pytest.mark.parametrize("text, expected", [
    # passive voice: the agent acts
    ("Ukraine was attacked by Russia.", ("ASSAULT", "RUS", "UKR")),
    # nominal events: possessor acts, "of" object is acted on
    ("Russia's invasion of Ukraine began in February.", ("ASSAULT", "RUS", "UKR")),
    # symmetric events with a compound subject: one event, both parties
    ("Kim and Putin will meet next month.", ("CONSULT", "PRK", "RUS")),
    # an event inside reported speech
    ("A Kremlin spokesman said Russia and India would hold talks next week.", ("CONSULT", "RUS", "IND")),
    # a speech act that demands something of the subject of a must-clause
    ("France said that Iran must free the prisoners.", ("REQUEST", "FRA", "IRN")),
    # light verbs: the event is the noun, the verb's subject its actor
    ("Germany imposed new sanctions on Belarus.", ("SANCTION", "DEU", "BLR")),
    ("Egypt and Sudan came to an agreement on the dam.", ("AGREE", "EGY", "SDN")),
    # a capital named as the destination of a visit stands for its country
    ("Japan's prime minister paid a visit to Nairobi, the capital of Kenya.", ("CONSULT", "JPN", "KEN")),
    # refusing to yield is a rejection; an announced conflictual act is a threat
    ("Israel said it will not release the prisoners.", ("REJECT", "ISR", None)),
    ("Turkey said it would impose sanctions on Iran.", ("THREATEN", "TUR", "IRN")),
    # ... but a measure announced as decided is the sanction itself, still to take effect
    ("The United States announced it would prohibit all aid to Iran.", ("SANCTION", "USA", "IRN")),
    # a participle used as a noun is no event: "the wounded" were not wounded by the evacuation
    ("Norway evacuated the wounded to Kenya.", ("AID", "NOR", "KEN")),
    # a group is the body it is affiliated with
    ("Fighters loyal to Russia attacked Ukraine.", ("ASSAULT", "RUS", "UKR")),
    ("Kenyans threw stones at the police.", ("PROTEST", "KEN", None)),
    # "allow X to run", parsed as a clause with its own subject, is still an infinitive
    ("Egypt decided to allow Sudan to reopen the border crossing.", ("CONCEDE", "EGY", None)),
    # what the accused is charged with is the accused's act, not the accuser's
    ("China accused Japan of supporting the rebels.", ("SUPPORT", "JPN", None)),
    # an official protest lodged with a government is a complaint (CAMEO 114)
    ("Egypt lodged an official protest with Israel.", ("ACCUSE", "EGY", "ISR")),
    # sending inspectors is an investigation (CAMEO 09, PLOVER ACCUSE)
    ("The European Union dispatched inspectors to Iran.", ("ACCUSE", "IGO", "IRN")),
    # an offer of something cooperative is an agreement to give it
    ("Russia offered concessions to Ukraine.", ("AGREE", "RUS", "UKR")),
    # a nominal event whose verb says how it goes on: the verb's subject acts
    ("Israel began the withdrawal of its troops from Lebanon.", ("RETREAT", "ISR", "LBN")),
    # the recipient named in the phrase of a partitive object
    ("The United States suspended part of its military aid program for Egypt.", ("SANCTION", "USA", "EGY")),
    # an intention is an agreement to act: "is willing to" + a cooperative act, for whom it is meant
    ("Norway is willing to send aid to Sudan.", ("AGREE", "NOR", "SDN")),
])
def test_syntax(nlp, text, expected):
    _, triples = coded(nlp, text)
    assert expected in triples


def test_compound_actor_gives_one_event_per_actor(nlp):
    _, triples = coded(nlp, "Russia and China backed resolutions sanctioning North Korea.")
    assert ("SANCTION", "RUS", "PRK") in triples
    assert ("SANCTION", "CHN", "PRK") in triples


def test_infinitival_complement_is_a_second_event(nlp):
    record, triples = coded(nlp, "Washington warned Pyongyang not to sell weapons to Russia.")
    assert best(record) == ("THREATEN", "USA", "PRK")
    assert ("AID", "PRK", "RUS") in triples
    aid = next(e for e in record.events if e.type == "AID")
    assert aid.cameo == "072" and aid.confidence < max(e.confidence for e in record.events)


@pytest.mark.parametrize("text", [
    "Leave a Comment",
    "The city has a population of two million and a busy port.",
    "Kenya is a country in East Africa.",
    "The Khasan official declined to comment on Kenya.",
])
def test_no_event_without_a_coded_trigger(nlp, text):
    _, triples = coded(nlp, text)
    assert triples == []


def test_codes_come_from_the_cameo_table(nlp):
    record, _ = coded(nlp, "The European Union imposed sanctions on Belarus.")
    (ev,) = record.events
    assert (ev.cameo, ev.quad_class, ev.mode) == ("163", 3, "discontinue")
    assert ev.goldstein < 0
    text = record.article.text
    assert text[ev.trigger[0]:ev.trigger[1]] == "sanctions"
    assert ev.evidence == [(0, len(text))]
    assert ev.actor_code == "IGOGOV"


def test_we_in_a_quote_is_the_speaker(nlp):
    text = "“We have enforced our sanctions against Iran,” Miller told reporters."
    record = make_record(text)
    doc = nlp(text)
    code_events(record, doc)
    miller = next(a for a in record.actors if a.name == "Miller")
    record.claims = [Claim(id="c1", speaker=miller.id, speaker_span=None, cue=(0, 0),
                           content=(1, text.index("Iran") + 4), direct=True)]
    merge_events(record, doc)
    triples = [(e.type, record.actor(e.actor).country if e.actor else None,
                record.actor(e.recipient).country if e.recipient else None) for e in record.events]
    assert ("SANCTION", "USA", "IRN") in triples


def _event(id_, type_, actor, recipient, date=None, factuality="asserted", mode=None, start=0):
    return Event(id=id_, type=type_, actor=actor, recipient=recipient, date=date, mode=mode,
                 factuality=factuality, evidence=[(start, start + 10)], claims=[f"c{id_}"])


def test_merge_joins_retellings_and_keeps_other_events():
    record = Record(article=Article(id="t", text="x" * 200), actors=[
        Actor(id="a1", name="Kim", type="person", country="PRK"),
        Actor(id="a2", name="Russia", type="country", country="RUS"),
        Actor(id="a3", name="Putin", type="person", country="RUS"),
    ])
    record.events = [
        _event("e1", "CONSULT", "a1", "a2", date="2023-09-12", factuality="reported", mode="visit", start=0),
        _event("e2", "CONSULT", "a1", "a2", date=None, factuality="reported", mode="visit", start=20),
        _event("e3", "CONSULT", "a1", "a2", date="2023-09-12", factuality="asserted", mode="visit", start=40),
        _event("e4", "CONSULT", "a3", "a1", date="2019", start=60),  # an earlier summit
        _event("e5", "CONSULT", "a3", "a1", date=None, factuality="planned", start=80),  # the coming talks
        _event("e6", "AID", "a1", "a2", factuality="hypothetical", start=100),
        _event("e7", "AID", "a1", "a2", factuality="denied", start=120),
    ]
    merge_events(record, None)
    assert [e.id for e in record.events] == ["e1", "e4", "e5", "e6"]
    visit = record.events[0]
    assert visit.evidence == [(0, 10), (20, 30), (40, 50)]
    assert visit.claims == ["ce1", "ce2", "ce3"]
    assert visit.factuality == "reported"
    assert record.events[3].factuality == "denied"


@pytest.mark.parametrize("first, second, merged", [
    ("planned", "hypothetical", "planned"),   # talks scheduled, and a guess about them: still scheduled
    ("hypothetical", "planned", "planned"),
    ("planned", "denied", "denied"),          # a denial still decides
    ("reported", "asserted", "reported"),
])
def test_merged_factuality(first, second, merged):
    record = Record(article=Article(id="t", text="x" * 60), actors=[
        Actor(id="a1", name="Kim", type="person", country="PRK"),
        Actor(id="a2", name="Russia", type="country", country="RUS")])
    record.events = [_event("e1", "AID", "a1", "a2", factuality=first, start=0),
                     _event("e2", "AID", "a1", "a2", factuality=second, start=20)]
    merge_events(record, None)
    assert [e.factuality for e in record.events] == [merged]


def test_merge_drops_events_without_participants():
    record = Record(article=Article(id="t", text="x" * 50))
    record.events = [_event("e1", "THREATEN", None, None)]
    merge_events(record, None)
    assert record.events == []


@pytest.mark.slow
def test_seed_events_f1(seed_record, shared):
    """The seed article scored with the gold README's matching (type + actor/recipient countries)."""
    from newsgraph.evaluate.gold import load_gold
    from newsgraph.evaluate.score import score

    result = score(load_gold(shared / "gold/seed.gold.json"), seed_record)
    assert result.events.f1 >= 0.85, result.details.get("events")
    # Kim's arrival, told three times, is one event with several evidence spans
    visits = [e for e in seed_record.events if e.type == "CONSULT" and e.mode == "visit"
              and seed_record.actor(e.actor) and seed_record.actor(e.actor).country == "PRK"]
    assert len(visits) == 1 and len(visits[0].evidence) >= 2


def test_two_actors_with_the_same_mention(nlp):
    """The actors stage may give one span to two actors; the coder must not stumble on it."""
    text = "Russia attacked Ukraine."
    record = make_record(text)
    record.actors.append(Actor(id="x1", name="Russia", type="organization", country="RUS",
                               code="RUSGOV", mentions=[(0, 6)]))
    code_events(record, nlp(text))
    assert [e.type for e in record.events] == ["ASSAULT"]
