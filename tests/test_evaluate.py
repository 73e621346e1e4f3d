"""Scoring against gold, on small hand-built gold files and records (no model needed)."""
from __future__ import annotations

import json

import pytest

from newsgraph.evaluate import score
from newsgraph.evaluate.text import TextIndex, content_tokens
from newsgraph.record import Actor, Article, Claim, Event, Place, Record, Timex

TEXT = ("Washington warned Pyongyang on Monday not to sell arms to Moscow. "
        "Kim met Putin in Vladivostok. "
        "“We will respond,” said a spokesman for the Kremlin.")


def span(text: str, fragment: str) -> tuple[int, int]:
    start = text.index(fragment)
    return (start, start + len(fragment))


GOLD = {
    "article": {"file": "corpus/x.txt", "published": "2023-09-12"},
    "actors": [
        {"name": "Washington", "country": "USA", "sector": ["GOV"], "aliases": ["Washington"]},
        {"name": "Kim Jong Un", "country": "PRK", "sector": ["GOV"], "aliases": ["Kim"]},
        {"name": "Kremlin", "country": "RUS", "sector": ["GOV"], "aliases": ["the Kremlin"]},
    ],
    "events": [
        {"type": "THREATEN", "actor": "USA", "recipient": "PRK", "factuality": "asserted", "date": "2023-09-11",
         "evidence": "Washington warned Pyongyang on Monday", "optional": False},
        {"type": "CONSULT", "actor": "PRK", "recipient": "RUS", "factuality": "asserted", "date": None,
         "evidence": "Kim met Putin", "optional": False},
        {"type": "REQUEST", "actor": "USA", "recipient": "PRK", "factuality": "asserted", "date": None,
         "evidence": "not to sell arms", "optional": True},
    ],
    "claims": [
        {"speaker": "a spokesman for the Kremlin", "cue": "said", "content": "We will respond", "optional": False},
    ],
    "timexes": [{"text": "on Monday", "value": "2023-09-11"}],
    "places": [{"text": "Vladivostok", "country": "RUS"}],
}


def perfect_record(text: str = TEXT) -> Record:
    actors = [
        Actor("a1", "Washington", "metonym", "USA", "GOV", mentions=[span(text, "Washington")]),
        Actor("a2", "Pyongyang", "metonym", "PRK", "GOV", mentions=[span(text, "Pyongyang")]),
        Actor("a3", "Kim Jong Un", "person", "PRK", "GOV", mentions=[span(text, "Kim")]),
        Actor("a4", "Vladimir Putin", "person", "RUS", "GOV", mentions=[span(text, "Putin")]),
        Actor("a5", "Kremlin", "organization", "RUS", "GOV", mentions=[span(text, "the Kremlin")]),
    ]
    events = [
        Event("e1", "THREATEN", actor="a1", recipient="a2", factuality="asserted", date="2023-09-11", confidence=0.9),
        Event("e2", "CONSULT", actor="a3", recipient="a4", factuality="asserted", confidence=0.8),
    ]
    claims = [Claim("c1", "a5", span(text, "a spokesman for the Kremlin"), span(text, "said"), span(text, "We will respond"))]
    return Record(Article(id="x", text=text, title="t"), actors=actors, events=events, claims=claims,
                  timexes=[Timex(span(text, "on Monday"), "on Monday", "2023-09-11")],
                  places=[Place(span(text, "Vladivostok"), "Vladivostok", "RUS")])


def test_a_perfect_prediction_scores_one():
    s = score(GOLD, perfect_record())
    assert (s.events.precision, s.events.recall, s.events.f1) == (1.0, 1.0, 1.0)
    assert s.claims.f1 == 1.0 and s.actors.recall == 1.0
    assert s.factuality.accuracy == s.dates.accuracy == s.speakers.accuracy == s.sectors.accuracy == 1.0
    assert s.timexes.accuracy == 1.0 and s.places.accuracy == 1.0


def test_an_empty_prediction_scores_zero():
    s = score(GOLD, Record(Article(id="x", text=TEXT)))
    assert s.events.f1 == s.claims.f1 == s.actors.f1 == 0.0
    assert (s.events.fn, s.claims.fn, s.actors.fn) == (2, 1, 3)
    assert s.timexes.correct == s.places.correct == 0 and s.timexes.gold == 1


def test_swapped_actor_and_recipient_still_match():
    record = perfect_record()
    record.events[1].actor, record.events[1].recipient = "a4", "a3"  # Putin -> Kim instead of Kim -> Putin
    assert score(GOLD, record).events.tp == 2


@pytest.mark.parametrize("extra_type, fp", [
    ("REQUEST", 0),   # matches the optional gold event: ignored
    ("ASSAULT", 1),   # matches nothing: a false positive
])
def test_optional_gold_is_neither_rewarded_nor_punished(extra_type, fp):
    record = perfect_record()
    record.events.append(Event("e3", extra_type, actor="a1", recipient="a2"))
    s = score(GOLD, record)
    assert (s.events.tp, s.events.fp, s.events.fn) == (2, fp, 0)


def test_missing_optional_gold_costs_no_recall():
    assert score(GOLD, perfect_record()).events.fn == 0


def test_wrong_type_or_country_does_not_match():
    record = perfect_record()
    record.events[0].type = "ACCUSE"
    record.actors[1].country = "KOR"  # Pyongyang as South Korea
    s = score(GOLD, record)
    assert (s.events.tp, s.events.fp, s.events.fn) == (1, 1, 1)


def test_null_recipient_matches_only_null():
    gold = {**GOLD, "events": [{"type": "THREATEN", "actor": "USA", "recipient": None, "factuality": "asserted",
                                "date": None, "optional": False}]}
    record = perfect_record()
    assert score(gold, record).events.tp == 0
    record.events[0].recipient = None
    assert score(gold, record).events.tp == 1


def test_one_to_one_a_duplicate_prediction_is_an_extra():
    record = perfect_record()
    record.events.append(Event("e9", "CONSULT", actor="a3", recipient="a4"))
    s = score(GOLD, record)
    assert (s.events.tp, s.events.fp) == (2, 1)


def test_extra_actors_of_a_compound_event_each_count():
    gold = {**GOLD, "events": [
        {"type": "SANCTION", "actor": "RUS", "recipient": "PRK", "factuality": "asserted", "date": None, "optional": False},
        {"type": "SANCTION", "actor": "USA", "recipient": "PRK", "factuality": "asserted", "date": None, "optional": False}]}
    record = perfect_record()
    record.events = [Event("e1", "SANCTION", actor="a4", recipient="a2", actors_extra=["a1"])]
    assert score(gold, record).events.tp == 2


def test_factuality_and_date_are_scored_over_matched_pairs():
    record = perfect_record()
    record.events[0].factuality = "reported"
    record.events[0].date = None
    s = score(GOLD, record)
    assert (s.factuality.correct, s.factuality.total) == (1, 2)
    assert (s.dates.correct, s.dates.total) == (1, 2)


@pytest.mark.parametrize("text, fragment, expected", [
    ("Russia’s Far East", "Russia's Far East", "Russia’s Far East"),
    ("he said “expand  ties”\nnow", 'said "expand ties" now', "said “expand  ties”\nnow"),
    ("On Monday, they met", "on Monday", "On Monday"),
    ("It will be a visit, he said", "It will be a visit.", "It will be a visit"),
])
def test_fragments_are_found_whatever_the_quotes_and_spaces(text, fragment, expected):
    start, end = TextIndex(text).find(fragment)
    assert text[start:end] == expected


def test_a_fragment_absent_from_the_text_is_not_found():
    assert TextIndex("Kim met Putin.").find("Kim met Biden") is None


@pytest.mark.parametrize("predicted_content, matches", [
    ("We will respond", True),
    ("We will", True),       # 2 of 3 gold tokens
    ("We", False),           # 1 of 3
])
def test_a_claim_matches_when_it_covers_half_the_gold_content_tokens(predicted_content, matches):
    record = perfect_record()
    start = TEXT.index("We will respond")
    record.claims[0].content = (start, start + len(predicted_content))
    assert score(GOLD, record).claims.tp == int(matches)


@pytest.mark.parametrize("speaker_text, speaker_actor, right", [
    ("a spokesman for the Kremlin", None, True),
    ("the Kremlin", None, True),
    ("Washington", None, False),
    ("Washington", "a5", True),  # the span is wrong but it resolves to the Kremlin, whose name is shared
])
def test_speaker_accuracy(speaker_text, speaker_actor, right):
    record = perfect_record()
    record.claims[0].speaker_span = span(TEXT, speaker_text)
    record.claims[0].speaker = speaker_actor
    assert score(GOLD, record).speakers.correct == int(right)


def test_an_actor_in_the_wrong_country_is_not_found():
    record = perfect_record()
    record.actors[2].country = "KOR"  # Kim as South Korean
    s = score(GOLD, record)
    assert (s.actors.tp, s.actors.fn) == (2, 1)
    assert any("Kim" in m for m in s.details["actors"]["misses"])


def test_wrong_sector_is_counted_apart_from_finding():
    record = perfect_record()
    record.actors[4].sector = "MED"
    s = score(GOLD, record)
    assert s.actors.tp == 3 and (s.sectors.correct, s.sectors.total) == (2, 3)


def test_scores_add_up_micro_averaged():
    total = score(GOLD, perfect_record())
    total.add(score(GOLD, Record(Article(id="y", text=TEXT))))
    assert (total.events.tp, total.events.fn) == (2, 2)
    assert total.events.recall == 0.5
    assert json.loads(json.dumps(total.figures()))["articles"] == 2


def test_content_tokens_drop_function_words():
    assert content_tokens("a spokesman for the Kremlin") == {"spokesman", "kremlin"}


def test_a_relay_written_as_its_own_claim_is_not_an_extra():
    text = "Peskov stated that talks will follow, Russian news outlets reported."
    gold = {"claims": [{"speaker": "Peskov", "cue": "stated", "content": "talks will follow",
                        "via": "Russian news outlets", "optional": False}]}
    relay = Claim("c1", None, span(text, "Russian news outlets"), span(text, "reported"),
                  span(text, "Peskov stated that talks will follow"))
    inner = Claim("c2", None, span(text, "Peskov"), span(text, "stated"), span(text, "talks will follow"), via="c1")
    s = score(gold, Record(Article(id="r", text=text), claims=[relay, inner]))
    assert (s.claims.tp, s.claims.fp, s.speakers.correct) == (1, 0, 1)
