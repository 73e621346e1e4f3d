"""Long articles: parsed in pieces with every offset kept, looked up without quadratic scans,
and stopped by a time budget without stopping the batch. (Speed itself is measured by
``benchmarks/long_article.py``, never by a timed test.)"""
from __future__ import annotations

import time

import pytest

from newsgraph import annotate as annotate_stage
from newsgraph import pipeline
from newsgraph.annotate import pieces
from newsgraph.annotate.quotes import find_quotes, first_starting_at, last_ending_by, quote_at
from newsgraph.pipeline import Budget, OverBudget, extract_batch
from newsgraph.record import Actor, Article, Record
from newsgraph.spans import SpanIndex
from newsgraph.stage import Stage

PARAGRAPH = ("Russia accused Ukraine of shelling a border village on Monday. "
             "\u201cThis is a provocation,\u201d said Maria Zakharova, a spokeswoman for the Russian foreign ministry.")


# --- cutting a text for the parser ----------------------------------------------------------

def test_pieces_join_back_to_the_text_and_end_at_paragraph_ends():
    text = "\n\n".join(f"Paragraph {i} says something short." for i in range(40))
    cut = pieces(text, 200)
    assert "".join(cut) == text
    assert all(len(p) <= 200 for p in cut)
    assert all(p.endswith("\n") for p in cut[:-1])


def test_a_text_without_paragraphs_is_cut_after_a_sentence():
    text = " ".join(f"Sentence number {i} ends here." for i in range(60))
    cut = pieces(text, 300)
    assert "".join(cut) == text
    assert all(p.endswith("here. ") for p in cut[:-1])


def test_one_unbroken_run_of_letters_is_cut_at_the_limit():
    text = "x" * 1000
    assert pieces(text, 300) == ["x" * 300] * 3 + ["x" * 100]


@pytest.mark.slow
def test_a_long_article_parsed_in_pieces_keeps_every_offset(nlp, monkeypatch):
    monkeypatch.setattr(annotate_stage, "PIECE_CHARS", 400)
    villages = ["Tyotkino", "Glotovo", "Kozinka", "Shebekino", "Nekhoteevka", "Zhuravlevka"]
    text = "\n\n".join(PARAGRAPH.replace("a border village", f"the village of {v}") for v in villages)
    record = pipeline.extract_article(Article(id="long", text=text, published="2024-05-06"), nlp)
    assert record.article.text == text
    doc = annotate_stage.parse(text, nlp)
    assert doc.text == text and len(list(doc.sents)) >= 2 * len(villages)
    assert all(text[t.idx:t.idx + len(t.text)] == t.text for t in doc)
    # every paragraph's quotation is found, with its speaker, at its own place in the text
    speakers = [text[c.speaker_span[0]:c.speaker_span[1]] for c in record.claims if c.speaker_span]
    assert len(speakers) == len(villages) and all(s.startswith("Maria Zakharova") for s in speakers)
    # one accusation told six times: one event whose evidence points at each paragraph's sentence
    (accusation,) = [e for e in record.events if e.type == "ACCUSE"]
    told = [text[s:e] for s, e in accusation.evidence]
    assert [v for v in villages if any(v in t for t in told)] == villages


# --- the time budget -----------------------------------------------------------------------

def test_a_budget_of_zero_is_no_limit():
    Budget(0).check()
    Budget(None).check()


def test_past_its_budget_an_article_says_how_long_it_had_and_how_to_allow_more():
    budget = Budget(0.001)
    time.sleep(0.01)
    with pytest.raises(OverBudget, match=r"time budget of 0.001 s \(after the events stage\).*article_seconds"):
        budget.check("the events stage")


@pytest.mark.slow
def test_an_article_past_its_budget_fails_alone_and_the_batch_goes_on(nlp, monkeypatch):
    def slow_for_one(record, doc):
        if record.article.id == "slow":
            time.sleep(0.5)

    monkeypatch.setattr(pipeline, "STAGES", pipeline.STAGES + (Stage("slow", slow_for_one, (), ()),))
    articles = [Article(id=i, text=PARAGRAPH, source=f"in.jsonl:{n}") for n, i in enumerate(["a", "slow", "b"], 1)]
    outcomes = extract_batch(articles, nlp, seconds=0.3)
    assert [o.ok for o in outcomes] == [True, False, True]
    assert outcomes[1].error.startswith("OverBudget: took longer than its time budget of 0.3 s (after the slow stage)")
    assert outcomes[0].record.events and outcomes[2].record.events


# --- look-ups that do not scan the whole article ---------------------------------------------

def test_span_index_answers_as_a_scan_would():
    index = SpanIndex([(10, 20), (15, 40), (50, 55), (60, 60)])
    assert index.overlaps(19, 21) and index.overlaps(39, 45) and not index.overlaps(40, 50)
    assert index.covers(50) and not index.covers(55) and not index.covers(60)  # an empty span holds nothing
    assert index.contains(16, 40) and not index.contains(5, 12)
    assert not index.contains(15, 40, strictly_after=True)  # (15, 40) does not contain itself
    assert index.holding(16, 18) == [0, 1]
    assert index.overlapping(18, 52) == [0, 1, 2]


def test_quotations_are_found_by_binary_search():
    text = 'He said "one" and then "two" and "three".'
    quotes = find_quotes(text)
    assert [text[s:e] for s, e in quotes] == ["one", "two", "three"]
    assert quote_at(quotes, text.index("two")) == quotes[1]
    assert quote_at(quotes, text.index("and")) is None
    assert first_starting_at(quotes, text.index("then")) == 1
    assert last_ending_by(quotes, text.index("then")) == 0


def test_an_actor_looked_up_by_position_follows_actors_added_later():
    record = Record(article=Article(id="t", text="Kenya and Uganda met in Nairobi."),
                    actors=[Actor(id="a1", name="Kenya", type="country", country="KEN", mentions=[(0, 5)])])
    assert record.actor_at(0, 5).id == "a1" and record.actor_at(10, 16) is None
    record.actors.append(Actor(id="a2", name="Uganda", type="country", country="UGA", mentions=[(10, 16)]))
    assert record.actor_at(10, 16).id == "a2"
    assert record.actor("a2").country == "UGA"


def test_on_a_tie_the_mention_that_starts_first_wins_then_the_actor_listed_first():
    both = [(0, 4)]  # "U.S. and Russian negotiators": one phrase, two actors
    record = Record(article=Article(id="t", text="U.S. and Russian negotiators"),
                    actors=[Actor(id="a1", name="Russian", type="country", mentions=[(9, 16)]),
                            Actor(id="a2", name="U.S. negotiators", type="group", mentions=both),
                            Actor(id="a3", name="Russian negotiators", type="group", mentions=both)])
    assert record.actor_at(0, 4).id == "a2"
    assert record.actor_at(2, 11).id == "a2"  # two characters of each: the earlier mention
    assert [a.id for a in record.actors_with_mention((0, 4))] == ["a2", "a3"]
