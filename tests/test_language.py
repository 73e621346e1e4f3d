"""The language layer on fixed, hand-written parses (as PETRARCH2's tests feed them), so that a
model update cannot change what a rule test checks; and lexicons handed to a stage in a test."""
from __future__ import annotations

import dataclasses

import pytest
import spacy
from spacy.tokens import Doc

from newsgraph.events.lexicon import load_lexicon
from newsgraph.events.roles import match_trigger, pos_of
from newsgraph.language import (auxiliaries, clause_head, direction, fold_apostrophes, has_negation, head_chain,
                                is_infinitive, is_past)
from newsgraph.lexicons import LexiconError, read_tsv, registry

VOCAB = spacy.blank("en").vocab


def parse(rows: str) -> Doc:
    """A Doc from lines "word head dep pos tag lemma" (head: the head's index, its own for the root)."""
    cols = [line.split() for line in rows.strip().splitlines()]
    return Doc(VOCAB, words=[c[0] for c in cols], spaces=[True] * len(cols), heads=[int(c[1]) for c in cols],
               deps=[c[2] for c in cols], pos=[c[3] for c in cols], tags=[c[4] for c in cols],
               lemmas=[c[5] for c in cols])


WILL_VISIT = parse("""
Putin    2 nsubj PROPN NNP Putin
will     2 aux   AUX   MD  will
visit    2 ROOT  VERB  VB  visit
Pyongyang 2 dobj PROPN NNP Pyongyang
""")
VISITED = parse("""
Putin    1 nsubj PROPN NNP Putin
visited  1 ROOT  VERB  VBD visit
Pyongyang 1 dobj PROPN NNP Pyongyang
""")
SAID_WOULD = parse("""
He       1 nsubj PRON  PRP he
said     1 ROOT  VERB  VBD say
the      3 det   DET   DT  the
ship     5 nsubj NOUN  NN  ship
would    5 aux   AUX   MD  would
leave    1 ccomp VERB  VB  leave
""")
DID_NOT_MEET = parse("""
Kim      3 nsubj PROPN NNP Kim
did      3 aux   AUX   VBD do
not      3 neg   PART  RB  not
meet     3 ROOT  VERB  VB  meet
Putin    3 dobj  PROPN NNP Putin
""")
AGREED_TO_ATTACK = parse("""
Russia   1 nsubj PROPN NNP Russia
agreed   1 ROOT  VERB  VBD agree
to       3 aux   PART  TO  to
attack   1 xcomp VERB  VB  attack
Ukraine  3 dobj  PROPN NNP Ukraine
""")


@pytest.mark.parametrize("doc, verb, expected", [
    (WILL_VISIT, 2, 1),     # "will visit": ahead
    (VISITED, 1, -1),       # "visited": back
    (SAID_WOULD, 5, 0),     # "said the ship would leave": a future seen from the past, no direction
    (SAID_WOULD, 1, -1),
])
def test_direction_reads_the_tense_of_a_clause(doc, verb, expected):
    assert direction(doc[verb]) == expected


def test_clause_head_and_chain_climb_to_the_verb():
    assert clause_head(SAID_WOULD[3]).text == "leave"  # "ship" is in the clause of "leave"
    assert [t.text for t in head_chain(SAID_WOULD[3], stop=set())] == ["ship", "leave", "said"]
    assert is_past(head_chain(VISITED[2], stop=set()))
    assert not is_past(head_chain(WILL_VISIT[3], stop=set()))


def test_negation_and_infinitives():
    assert has_negation(DID_NOT_MEET[3]) and has_negation(DID_NOT_MEET[3], frozenset({"not"}))
    assert not has_negation(VISITED[1])
    assert is_infinitive(AGREED_TO_ATTACK[3]) and not is_infinitive(AGREED_TO_ATTACK[1])
    assert pos_of(AGREED_TO_ATTACK[3]) == "v"


def test_each_stage_composes_its_auxiliaries_from_one_list():
    assert auxiliaries("future", "future_in_past") == {"will", "would", "'ll", "shall"}  # events
    assert auxiliaries("future", "future_negated") == {"will", "shall", "'ll", "wo"}  # claims: planned
    assert "\u2019ll" in auxiliaries("future", curly=True) and "\u2019ll" not in auxiliaries("future")
    assert fold_apostrophes("they\u2019ll") == "they'll"
    with pytest.raises(LexiconError, match="auxiliaries.toml: no section 'futur'"):
        auxiliaries("futur")


def test_a_trigger_rule_on_a_fixed_parse():
    trig = match_trigger(AGREED_TO_ATTACK[3], load_lexicon())
    assert trig is not None and trig.type == "ASSAULT"


def test_a_test_can_give_a_stage_a_small_lexicon_of_its_own():
    full = load_lexicon()
    only_meetings = dataclasses.replace(full, triggers={k: v for k, v in full.triggers.items() if k[0] == "meet"})
    with registry.use("events", only_meetings):
        assert load_lexicon() is only_meetings
        assert match_trigger(AGREED_TO_ATTACK[3], load_lexicon()) is None  # "attack" is not in it
    assert load_lexicon() is full


def test_a_malformed_row_is_reported_with_file_and_line(monkeypatch):
    import newsgraph.lexicons as lexicons

    monkeypatch.setattr(lexicons, "data_text", lambda package, name: "# a comment\nword\tkind\nin\tprep\textra\n")
    with pytest.raises(LexiconError, match=r"newsgraph/actors/data/locative.tsv:3: expected 1 to 2 columns"):
        read_tsv("newsgraph.actors", "locative.tsv")
