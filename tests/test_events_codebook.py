"""PLOVER's single category: the codebook reduces a type plus the future mode to AGREE or CONCEDE.

newsgraph's ``type`` says what would happen and ``factuality`` whether it did; ``plover_type``
is what a PLOVER coder writes for the same sentence.
"""
from __future__ import annotations

import pytest

from newsgraph.events.codebook import plover_category
from newsgraph.record import Event


@pytest.mark.parametrize("typ, modality, expected", [
    ("CONSULT", ["planned", "future"], "AGREE"),     # "will visit Albania in June"
    ("SUPPORT", ["asserted", "future"], "AGREE"),    # "Portugal will support Turkey's bid"
    ("AID", ["reported", "future"], "AGREE"),        # "said it will give Tanzania a grant"
    ("COOPERATE", ["planned"], "AGREE"),             # "the planned joint exercise"
    ("RETREAT", ["planned", "reported", "future"], "CONCEDE"),  # "will withdraw its troops"
    ("ASSAULT", ["asserted", "future"], "THREATEN"),  # "will attack"
    ("CONCEDE", ["planned", "future"], "CONCEDE"),   # future concessions stay concessions
    ("CONSULT", ["asserted"], "CONSULT"),            # "visited Albania"
    ("THREATEN", ["asserted", "future"], "THREATEN"),
])
def test_the_codebook_category_of_an_event(typ, modality, expected):
    event = Event(id="e1", type=typ, factuality=modality[0], modality=modality)
    assert plover_category(event) == expected


@pytest.mark.parametrize("factuality", ["negated", "denied"])
def test_a_denied_or_negated_future_visit_is_no_intention(factuality):
    event = Event(id="e1", type="CONSULT", factuality=factuality, modality=[factuality, "future"])
    assert plover_category(event) == "CONSULT"


@pytest.mark.slow
@pytest.mark.parametrize("text, typ, factuality, plover", [
    ("German Foreign Minister Oskar Fischer will visit Albania in June.", "CONSULT", "planned", "AGREE"),
    ("Russia will withdraw its troops from Syria, the Kremlin said.", "RETREAT", "planned", "CONCEDE"),
    ("German Foreign Minister Oskar Fischer visited Albania in June.", "CONSULT", "asserted", "CONSULT"),
])
def test_the_pipeline_sets_both_the_type_and_the_plover_category(extract, text, typ, factuality, plover):
    record = extract(text, published="2024-03-01")
    event = next(e for e in record.events if e.type == typ)
    assert (event.factuality, event.plover_type) == (factuality, plover)
    assert "future" in event.modality or plover == typ
