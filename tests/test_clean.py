"""Cleaning: boilerplate and repeated headlines out (each reported), paragraphs normalised."""
from __future__ import annotations

import pytest

from newsgraph.clean import boilerplate_reason, clean, clean_text, line_key, normalise_chars
from newsgraph.record import Article


def cleaned(body: str, title: str = "") -> Article:
    return clean(Article(id="t", text=body, title=title)).article


@pytest.mark.parametrize("line, reason", [
    ("Also Read | Opposition leader returns from exile", "boilerplate"),
    ("ALSO READ: Floods hit the north", "boilerplate"),
    ("Read more: How the talks collapsed", "boilerplate"),
    ("READ MORE", "boilerplate"),
    ("Related: Election results", "boilerplate"),
    ("Leave a Comment", "boilerplate"),
    ("Leave a reply", "boilerplate"),
    ("12 Comments", "boilerplate"),
    ("Share this article", "boilerplate"),
    ("Share on Facebook", "boilerplate"),
    ("Follow us on Telegram for the latest updates", "boilerplate"),
    ("Subscribe to our newsletter for daily updates", "boilerplate"),
    ("Sign up for our free morning briefing newsletter", "boilerplate"),
    ("We use cookies to give you the best browsing experience. Accept cookies", "boilerplate"),
    ("Click here to read the full statement", "boilerplate"),
    ("Advertisement", "boilerplate"),
    ("Story continues below advertisement", "boilerplate"),
    ("By Amina Diallo", "byline"),
    ("By Jean-Luc Moreau and Priya Natarajan, Reuters", "byline"),
    ("BY TOMÁS ORTEGA", "byline"),
    ("(Reporting by Sami Aboudi; Editing by Alex Richardson)", "byline"),
    ("(Photo: Reuters)", "caption"),
    ("Photo: Government press office", "caption"),
    ("Image: AFP", "caption"),
    ("Protesters gather outside parliament in Nairobi on Tuesday. (AP Photo/Brian Inganga)", "caption"),
    ("FILE - Soldiers patrol a street in Bamako, Mali, on Aug. 19, 2020.", "caption"),
])
def test_boilerplate_lines(line, reason):
    assert boilerplate_reason(line) == reason


@pytest.mark.parametrize("line", [
    "By Tuesday, the troops had withdrawn from the town, residents said.",
    "Read more widely, the report suggests the ceasefire is fragile, analysts said.",
    "The ministry said it would share intelligence with its neighbours.",
    "Officials said the cookies and sweets were distributed to children at the camp, along with blankets.",
    "Click, the start-up that won the tender, declined to comment.",
    "The photo showed the minister shaking hands with the general.",
    "Related talks between the two governments are due to start in May, the spokesman said.",
    "The leaders will meet again in March, the foreign ministry said in a statement posted on its website.",
])
def test_reporting_is_not_boilerplate(line):
    assert boilerplate_reason(line) is None


def test_repeated_headline_is_removed_with_either_apostrophe_and_kept_as_title():
    title = "Chile’s president in Peru for talks on lithium"
    body = ("Chile’s president arrived in Lima on Monday for two days of talks, officials said.\n\n"
            "Chile's president in Peru for talks on lithium\n"
            "CHILE’S PRESIDENT IN PERU FOR TALKS ON LITHIUM\n\n"
            "The talks are expected to focus on lithium exports.\n\n"
            "Also Read | Bolivia nationalises a mine\n\nLeave a Comment\n")
    a = cleaned(body, title)
    assert a.title == title
    assert a.text == ("Chile’s president arrived in Lima on Monday for two days of talks, officials said.\n\n"
                      "The talks are expected to focus on lithium exports.")
    assert [(r.text, r.reason, r.line) for r in a.removed] == [
        ("Chile's president in Peru for talks on lithium", "repeated headline", 3),
        ("CHILE’S PRESIDENT IN PERU FOR TALKS ON LITHIUM", "repeated headline", 4),
        ("Also Read | Bolivia nationalises a mine", "boilerplate", 8),
        ("Leave a Comment", "boilerplate", 10),
    ]


def test_headline_with_outlet_suffix_still_matches_its_copy():
    a = cleaned("Floods in Dhaka\n\nFloods hit Dhaka on Sunday, officials said.", "Floods in Dhaka | Example Wire")
    assert a.text == "Floods hit Dhaka on Sunday, officials said."
    assert a.removed[0].reason == "repeated headline"


def test_repeated_caption_lines_are_all_removed_and_repeated_paragraphs_once():
    body = ("Rescue workers search the rubble in Antakya\n\n"
            "Rescuers pulled two survivors from the rubble on Friday, officials said.\n\n"
            "Rescue workers search the rubble in Antakya\n\n"
            "Rescuers pulled two survivors from the rubble on Friday, officials said.\n")
    a = cleaned(body, "Survivors found")
    assert a.text == "Rescuers pulled two survivors from the rubble on Friday, officials said."
    assert [(r.reason, r.line) for r in a.removed] == [("caption", 1), ("caption", 5), ("repeated paragraph", 7)]


def test_the_seed_article(shared):
    from newsgraph.read import ReadOptions, read_inputs

    (article,) = read_inputs([str(shared / "corpus/seed/kim-jong-un-russia.txt")], ReadOptions(published="2023-09-12"))
    a = clean(article).article
    assert a.title == "North Korea’s Kim Jong Un in Russia amid U.S. warnings not to sell arms"
    reasons = [r.reason for r in a.removed]
    assert reasons.count("repeated headline") >= 3
    assert ("Leave a Comment", "boilerplate") in [(r.text, r.reason) for r in a.removed]
    assert any(r.text.startswith("Also Read |") for r in a.removed)
    assert "sell arms" not in a.text and "Also Read" not in a.text and "Leave a Comment" not in a.text
    assert a.text.startswith("Japanese media reported on Tuesday")
    assert "“It will be a full-fledged visit.”" in a.text  # curly quotes kept as written
    assert "\n\n\n" not in a.text


@pytest.mark.parametrize("raw, expected", [
    ("Talks\u00a0resumed\u202fon Monday.", "Talks resumed on Monday."),
    ("zero\u200bwidth\ufeff and soft\u00adhyphen", "zerowidth and softhyphen"),
    ("He said ``we will win'' on Monday.", "He said “we will win” on Monday."),
    ("He said ''no'' twice.", 'He said "no" twice.'),
    ("Curly ’quotes’ and “marks” stay.", "Curly ’quotes’ and “marks” stay."),
    ("line\r\nbreak\rend", "line\nbreak\nend"),
    ("Cafe\u0301", "Café"),
])
def test_normalise_chars(raw, expected):
    assert normalise_chars(raw) == expected


def test_whitespace_paragraphs_and_hard_wrapped_lines():
    body = ("  The foreign ministers of Egypt and Jordan met in Cairo on Sunday   to discuss\n"
            "the situation in the region, a statement said.   \n"
            "They agreed to meet again next month.\n\n\n\n"
            "Short heading\n"
            "The statement gave no further details.\t\n")
    text, removed = clean_text(body, "Ministers meet")
    assert removed == []
    assert text == ("The foreign ministers of Egypt and Jordan met in Cairo on Sunday to discuss the situation in the "
                    "region, a statement said.\n\n"
                    "They agreed to meet again next month.\n\n"
                    "Short heading\n\n"
                    "The statement gave no further details.")


def test_clean_is_idempotent():
    a = cleaned("By Ana Lima\n\nProtesters marched in Brasília on Sunday, police said.\n\nShare this article", "March")
    text, removed = clean_text(a.text, a.title)
    assert (text, removed) == (a.text, [])


@pytest.mark.parametrize("a, b", [
    ("North Korea’s leader", "north korea's leader"),
    ("“Quoted”  words.", '"quoted" words'),
])
def test_line_key_ignores_case_quotes_space_and_end_punctuation(a, b):
    assert line_key(a) == line_key(b)


def test_html_page_read_then_cleaned():
    from pathlib import Path

    from newsgraph.read import read_inputs

    (article,) = read_inputs([str(Path(__file__).parent / "fixtures/read/page.html")])
    a = clean(article).article
    assert a.text.startswith("The main border crossing between Kyrgyzstan and Tajikistan")
    assert a.text.endswith("trucks had queued for several kilometres overnight.")
    assert [(r.text, r.reason) for r in a.removed] == [
        ("Border crossing reopens after talks", "repeated headline"), ("Share this article", "boilerplate")]


def test_curly_quotes_are_kept_so_gold_fragments_match_the_cleaned_text():
    a = cleaned("Minister ‘Ali’ said: “We will not back down.”\u00a0The talks ended.", "Talks end")
    assert a.text == "Minister ‘Ali’ said: “We will not back down.” The talks ended."
    assert "“We will not back down.”" in a.text
