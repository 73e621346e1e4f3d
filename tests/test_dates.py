"""Time expressions: found, resolved against the publication date, and attached to events.

The publication date of most examples is Tuesday 2023-09-12.
"""
from __future__ import annotations

from datetime import date

import pytest

from newsgraph.dates import place_in_time, resolve_found
from newsgraph.dates import resolve as R
from newsgraph.dates.find import find
from newsgraph.record import Article, Event, Record

PUB = "2023-09-12"  # a Tuesday


def timexes(nlp, text, published=PUB):
    rec = Record(article=Article(id="t", text=text, published=published))
    place_in_time(rec, nlp(text))
    return {t.text: t.value for t in rec.timexes}


@pytest.mark.parametrize("text, expected", [
    # weekdays: the same weekday is the publication day; the verb's tense picks past or future
    ("Japanese media reported on Tuesday that Kim had arrived.", {"on Tuesday": "2023-09-12"}),
    ("According to Tuesday's state media, the talks ended.", {"Tuesday": "2023-09-12"}),
    ("Kim entered Russia early on Tuesday.", {"early on Tuesday": "2023-09-12"}),
    ("Kim boarded his train on Sunday.", {"on Sunday": "2023-09-10"}),
    ("On Monday, Putin arrived in Vladivostok.", {"On Monday": "2023-09-11"}),
    ("The two leaders will meet on Thursday.", {"on Thursday": "2023-09-14"}),
    ("The forum runs through Wednesday.", {"through Wednesday": "2023-09-13"}),
    ("The minister resigned last Tuesday.", {"last Tuesday": "2023-09-05"}),
    ("The vote is set for next Monday.", {"next Monday": "2023-09-18"}),
    # months: a past verb means the last such month, otherwise the next one
    ("Shoigu paid a visit to Pyongyang in July.", {"in July": "2023-07"}),
    ("Elections will be held in March.", {"in March": "2024-03"}),
    ("The ministers met on Feb. 13.", {"on Feb. 13": "2023-02-13"}),
    ("Talks resume March 6.", {"March 6": "2024-03-06"}),
    ("The treaty was signed on 13 February 2019.", {"on 13 February 2019": "2019-02-13"}),
    ("The treaty was signed in June 2014.", {"in June 2014": "2014-06"}),
    # "would" seen from the past, and verbless phrases: the nearest such month or date
    ("Officials said the ship would leave in early August.", {"in early August": "2023-08"}),
    ("with an expected arrival of Sept. 20.", {"Sept. 20": "2023-09-20"}),
    ("The ship remained in port until Aug. 3.", {"until Aug. 3": "2023-08-03"}),
    # calendar units relative to the publication date
    ("Putin promised last week to expand ties.", {"last week": "2023-W36"}),
    ("The summit is planned for next week.", {"next week": "2023-W38"}),
    ("Since the invasion last year, prices rose.", {"last year": "2022"}),
    ("A delegation will visit early next month.", {"early next month": "2023-10"}),
    ("Sales fell earlier this year.", {"earlier this year": "2023"}),
    ("The plant reopened this spring.", {"this spring": "2023-SP"}),
    ("He said so yesterday.", {"yesterday": "2023-09-11"}),
    ("The results are due today.", {"today": "2023-09-12"}),
    ("He will speak tonight.", {"tonight": "2023-09-12TNI"}),
    ("The deal collapsed two weeks ago.", {"two weeks ago": "2023-08-29"}),
    # absolute years and decades
    ("They first met in 2019.", {"2019": "2019"}),
    ("Even as late as 2017, Russia voted for sanctions.", {"2017": "2017"}),
    ("The reforms of the 1990s failed.", {"1990s": "199"}),
    ("The fort was built in the 19th century.", {"19th century": "18"}),
    ("Inflation slowed in early March.", {"in early March": "2023-03"}),
    ("Exports rose sharply, and February was worse.", {"February": "2023-02"}),
    # durations and sets
    ("the conflict's more than 18-month duration", {"18-month": "P18M"}),
    ("in his twelve years in charge", {"twelve years": "P12Y"}),
    ("a three-day visit", {"three-day": "P3D"}),
    ("over the past three years", {"the past three years": "P3Y"}),
    ("The council meets every week.", {"every week": "P1W"}),
])
def test_expressions_resolve_against_the_publication_date(nlp, text, expected):
    assert timexes(nlp, text) == expected


@pytest.mark.parametrize("text, expected", [
    ("Kim boarded his train on Sunday.", {"on Sunday": None}),
    ("Putin promised last week to expand ties.", {"last week": None}),
    ("They first met in 2019.", {"2019": "2019"}),
    ("The treaty was signed on Feb. 13, 2023.", {"on Feb. 13, 2023": "2023-02-13"}),
    ("in his twelve years in charge", {"twelve years": "P12Y"}),
])
def test_without_a_publication_date_only_absolute_expressions_resolve(nlp, text, expected):
    assert timexes(nlp, text, published=None) == expected


@pytest.mark.parametrize("text", [
    "We may go to the talks.",          # a modal, not the month
    "Troops march on the capital.",     # a verb, not the month
    "The Daily Telegraph reported it.",  # a newspaper's name
    "A 2000 troops strong force.",      # a quantity, not a year
    "A second ship left the port.",     # an ordinal, not a duration
    "After the fall of the regime.",    # a collapse, not a season
])
def test_words_that_only_look_like_dates_are_not_expressions(text):
    assert find(text) == []


@pytest.mark.parametrize("weekday, direction, expected", [
    (2, -1, date(2023, 9, 12)),  # Tuesday, in a Tuesday article, is that day whatever the tense
    (7, -1, date(2023, 9, 10)),  # Sunday before
    (7, 1, date(2023, 9, 17)),   # Sunday after
    (4, 1, date(2023, 9, 14)),
    (1, 0, date(2023, 9, 11)),   # unknown tense: news reports look back
])
def test_weekday_rule(weekday, direction, expected):
    assert R.weekday(date(2023, 9, 12), weekday, direction) == expected


def test_an_impossible_date_keeps_its_text_without_a_value():
    (f,) = find("on Feb. 30")
    assert resolve_found(f, "on Feb. 30", date(2023, 9, 12), -1).value is None


def dated_events(nlp, text, triggers, factuality=None):
    """Events whose trigger is the first occurrence of each word; their (date, date_text)."""
    doc = nlp(text)
    events = []
    for i, word in enumerate(triggers):
        s = text.index(word)
        events.append(Event(id=f"e{i}", type="CONSULT", trigger=(s, s + len(word)),
                            factuality=(factuality or {}).get(word, "asserted")))
    rec = Record(article=Article(id="t", text=text, published=PUB), events=events)
    place_in_time(rec, doc)
    return [(e.date, e.date_text) for e in rec.events]


@pytest.mark.parametrize("text, triggers, expected", [
    # the expression of the event's own clause
    ("According to a spokeswoman, Kim entered Russia early on Tuesday.", ["entered"],
     [("2023-09-12", "early on Tuesday")]),
    # each clause keeps its own expression
    ("Since the invasion of Ukraine last year, North Korea is one of the few nations to back Russia, "
     "and Putin promised last week to expand ties.", ["back", "promised"],
     [("2022", "last year"), ("2023-W36", "last week")]),
    # an expression of the clause above dates what it reports
    ("Japanese media reported on Tuesday that Kim had arrived in Russia.", ["arrived"],
     [("2023-09-12", "on Tuesday")]),
    # a past-tense pronoun clause continues the sentence before it
    ("Washington warned Pyongyang on Monday not to sell weapons. It urged the North to keep its word.",
     ["urged"], [("2023-09-11", "on Monday")]),
    # no expression in the sentence: no date (not the publication date)
    ("We have aggressively enforced our sanctions.", ["enforced"], [(None, None)]),
    # a duration does not date an event
    ("Both sides have denied the deal, after the 18-month war.", ["denied"], [(None, None)]),
])
def test_events_take_the_date_of_the_expression_that_governs_them(nlp, text, triggers, expected):
    assert dated_events(nlp, text, triggers) == expected


def test_a_planned_event_is_not_dated_by_the_report_that_announces_it(nlp):
    text = "Peskov said on Monday that negotiations will take place."
    assert dated_events(nlp, text, ["take"], {"take": "planned"}) == [(None, None)]
    assert dated_events(nlp, text, ["said"]) == [("2023-09-11", "on Monday")]


def test_seed_timexes_match_gold(seed_record, shared):
    import json

    gold = json.loads((shared / "gold/seed.gold.json").read_text(encoding="utf-8"))
    found = {t.text: t.value for t in seed_record.timexes}
    for g in gold["timexes"]:
        assert found.get(g["text"]) == g["value"], g
