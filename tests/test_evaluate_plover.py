"""PLOVER gold-standard sentences: label and country mapping, the classification report."""
from __future__ import annotations

import pytest

from newsgraph.evaluate.plover import classification_report, gold_type, iso_country, load_examples, predicted
from newsgraph.record import Actor, Article, Event, Record


@pytest.mark.parametrize("label, expected", [
    ("DEMAND", "REQUEST"), ("DISAPPROVE", "ACCUSE"), ("FIGHT", "ASSAULT"), ("INVESTIGATE", "ACCUSE"),
    ("AGREE", "AGREE"),
])
def test_2016_labels_become_2021_types(label, expected):
    assert gold_type(label) == expected


@pytest.mark.parametrize("code, expected", [
    ("JAP", "JPN"), ("ITL", "ITA"), ("USA", "USA"), ("IGO", "IGO"), ("NGO", None), ("", None), ("RUSGOV", "RUS"),
])
def test_cameo_country_codes_map_to_iso(code, expected):
    assert iso_country(code) == expected


def test_classification_report_per_gold_type():
    report = classification_report(["AGREE", "AGREE", "REJECT"], ["AGREE", "none", "AGREE"])
    assert report["AGREE"] == {"precision": 0.5, "recall": 0.5, "f1": 0.5, "support": 2}
    assert report["REJECT"]["recall"] == 0.0 and "none" not in report


def test_the_most_confident_event_is_the_prediction():
    record = Record(Article(id="x", text="t"), actors=[Actor("a1", "Japan", "country", "JPN")],
                    events=[Event("e1", "CONSULT", confidence=0.4), Event("e2", "AID", actor="a1", confidence=0.9)])
    assert predicted(record) == ("AID", "JPN", None)
    assert predicted(Record(Article(id="y", text="t"))) == ("none", None, None)


def test_the_gsr_file_loads_without_its_documentation_entry(shared):
    examples = load_examples(shared / "reference/plover/PLOVER_GSR_CAMEO.json")
    assert len(examples) > 300 and all(x["event"] != "DOCUMENT" for x in examples)
