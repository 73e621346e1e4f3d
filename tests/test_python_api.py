"""The Python API as a notebook uses it: ``newsgraph.extract``, ``newsgraph.extract_many`` and
``newsgraph.open_store(db).events_frame()`` / ``.claims_frame()``.

Most tests of ``extract_many`` replace the model-backed stages with a stand-in (``reader_only``);
the slow tests run the real pipeline.
"""
from __future__ import annotations

import datetime
import json
import subprocess
import sys

import pytest
from fastapi.testclient import TestClient
from typer.testing import CliRunner

import newsgraph
from newsgraph.cli import app
from newsgraph.config import Config
from newsgraph.serve import create_app
from newsgraph.serve.examples import example_records
from newsgraph.store.query import BadFilter
from test_ingest import fake_extract_many

ACCUSATION = "Russia accused Ukraine of shelling a border village on Monday."


@pytest.fixture
def reader_only(monkeypatch):
    """The pipeline without the model: one stand-in event per article; "BOOM" in the text fails."""
    monkeypatch.setattr("newsgraph.pipeline.extract_many", fake_extract_many)


@pytest.fixture(scope="module")
def db(tmp_path_factory):
    path = str(tmp_path_factory.mktemp("frames") / "ng.db")
    with newsgraph.open_store(path, create=True) as store:
        store.store.add_many(example_records())
    return path


@pytest.fixture
def store(db):
    with newsgraph.open_store(db) as s:
        yield s


# -- import ----------------------------------------------------------------------------------

def test_import_newsgraph_loads_neither_spacy_nor_pandas_nor_the_store():
    code = ("import sys, newsgraph; newsgraph.extract; "
            "print(sorted(m for m in ('spacy', 'pandas', 'sqlalchemy') if m in sys.modules))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "[]"


def test_the_api_names_are_listed():
    assert {"extract", "extract_many", "open_store"} <= set(dir(newsgraph))
    with pytest.raises(AttributeError, match="no attribute 'extrct'"):
        newsgraph.extrct  # noqa: B018


# -- extract ---------------------------------------------------------------------------------

@pytest.mark.slow
def test_extract_gives_a_record_of_who_did_what_to_whom(nlp):
    r = newsgraph.extract(ACCUSATION, published="2024-05-06")
    assert "ACCUSE" in [e.type for e in r.events]
    accuse = next(e for e in r.events if e.type == "ACCUSE")
    assert (r.actor(accuse.actor).name, r.actor(accuse.recipient).name) == ("Russia", "Ukraine")
    assert accuse.date == "2024-05-06"  # "on Monday", resolved against the publication date
    as_json = r.to_dict()
    assert as_json["schema"] == "newsgraph.article/1" and as_json["article"]["text"] == ACCUSATION
    json.dumps(as_json)


@pytest.mark.slow
def test_extract_takes_a_date_object_and_a_title(nlp):
    r = newsgraph.extract(ACCUSATION, published=datetime.date(2024, 5, 6), title="Border village shelled")
    assert (r.article.published, r.article.title) == ("2024-05-06", "Border village shelled")
    json.dumps(r.to_dict())  # the date is stored as text


@pytest.mark.parametrize("args, kwargs, error, message", [
    (("   ",), {}, ValueError, "text is empty"),
    ((ACCUSATION,), {"published": "last spring"}, ValueError, "published: cannot read 'last spring' as a date"),
    ((b"bytes",), {}, TypeError, "text: expected a str, got bytes"),
])
def test_extract_refuses_what_is_not_an_article(args, kwargs, error, message):
    with pytest.raises(error, match=message):
        newsgraph.extract(*args, **kwargs)


# -- extract_many ----------------------------------------------------------------------------

def test_extract_many_yields_one_record_per_article_in_order(reader_only):
    articles = [{"text": "Troops left Gao.", "title": "Gao", "published": "2024-03-04 10:00:00Z"},
                "Ministers met in Accra on Monday.",
                {"headline": "Talks", "body": "Talks resumed in Doha.", "section": "world"}]
    records = list(newsgraph.extract_many(articles))
    assert [r.article.title for r in records] == ["Gao", "", "Talks"]
    assert records[0].article.published == "2024-03-04"
    assert records[2].article.metadata == {"section": "world"}  # other keys are kept as metadata


def test_extract_many_raises_at_a_bad_article_after_the_records_before_it(reader_only):
    out = newsgraph.extract_many([{"text": "Troops left Gao."}, {"title": "no text"}, {"text": "Talks in Doha."}])
    assert next(out).article.text == "Troops left Gao."
    with pytest.raises(newsgraph.ExtractionError, match=r"articles\[1\]: no article text"):
        next(out)


def test_extract_many_can_skip_bad_articles_and_failures(reader_only, caplog):
    articles = ["Troops left Gao.", 42, "BOOM here", "Talks in Doha."]
    records = list(newsgraph.extract_many(articles, errors="skip"))
    assert [r.article.text for r in records] == ["Troops left Gao.", "Talks in Doha."]
    assert "articles[1]: expected a dict (like a JSONL line), an Article or a str, got int" in caplog.text
    assert "articles[2]: ValueError: cannot parse" in caplog.text


@pytest.mark.parametrize("kwargs, message", [
    ({"errors": "ignore"}, "errors must be one of raise, skip"),
    ({"processes": 0}, "processes must be 1 or more"),
])
def test_extract_many_checks_its_options(kwargs, message):
    with pytest.raises(ValueError, match=message):
        list(newsgraph.extract_many(["text"], **kwargs))


@pytest.mark.slow
def test_extract_many_with_the_model(nlp):
    records = list(newsgraph.extract_many([{"text": ACCUSATION, "published": "2024-05-06"},
                                           "China and India held talks in Beijing on Tuesday."]))
    assert [sorted({e.type for e in r.events}) for r in records][1] == ["CONSULT"]
    assert "ACCUSE" in {e.type for e in records[0].events}


# -- open_store and frames -------------------------------------------------------------------

def test_open_store_refuses_a_missing_file_and_leaves_none_behind(tmp_path):
    missing = tmp_path / "missing.db"
    with pytest.raises(FileNotFoundError, match="no store at .*missing.db"):
        newsgraph.open_store(missing)
    assert not missing.exists()
    with newsgraph.open_store(missing, create=True) as store:
        assert store.events_frame().empty
    assert missing.exists()


def test_events_frame_has_one_row_per_stored_event(store):
    df = store.events_frame()
    assert len(df) == store.stats()["events"] == 12
    assert not df.duplicated(["article_id", "event_id"]).any()
    assert list(df.columns[:4]) == ["article_id", "event_id", "day", "type"]
    assert str(df["day"].dtype).startswith("datetime64")
    assert df["evidence_text"].str.strip().eq(df["evidence_text"]).all()  # no newline left at either end


def test_events_frame_filters_as_the_cli_does(store, db):
    df = store.events_frame(involving="ukr", type="assault", until=datetime.date(2024, 3, 31))
    cli = CliRunner().invoke(app, ["events", "--db", db, "--json", "--involving", "UKR", "--type", "ASSAULT",
                                   "--until", "2024-03-31"])
    expected = {(e["article_id"], e["event_id"]) for e in map(json.loads, cli.stdout.splitlines())}
    assert expected and set(zip(df.article_id, df.event_id)) == expected


@pytest.mark.parametrize("filters, error, message", [
    ({"type": "BOGUS"}, BadFilter, "type: unknown event type 'BOGUS'; expected one of: AGREE, CONSULT"),
    ({"since": "2024-13-01"}, BadFilter, "since: '2024-13-01' is not a calendar date"),
    ({"since": "2024-05-01", "until": "2024-04-01"}, BadFilter, "since: 2024-05-01 is after until 2024-04-01"),
    ({"factuality": "bogus"}, BadFilter, "factuality: unknown value 'bogus'"),
    ({"involving": "Narnia"}, BadFilter, "involving: expected a country name or an ISO 3166 alpha-3 code"),
    ({"quad_class": 7}, BadFilter, "quad_class: expected 1, 2, 3 or 4"),
    ({"country": "UKR"}, BadFilter, "use involving for a country involved .* or location_country"),
    ({"involvng": "UKR"}, TypeError, "unknown filter 'involvng'; the filters are: since, until"),
])
def test_a_bad_filter_is_refused_naming_it(store, filters, error, message):
    with pytest.raises(error, match=message):
        store.events_frame(**filters)
    with pytest.raises(error, match=message):
        store.claims_frame(**filters)


def test_claims_frame_has_one_row_per_stored_claim(store):
    df = store.claims_frame()
    assert len(df) == store.stats()["claims"] == 9
    assert list(df.columns[:4]) == ["article_id", "claim_id", "day", "speaker"]


def test_claims_frame_filters_as_the_claims_ledger_does(store, db):
    with TestClient(create_app(Config(db=db))) as client:
        for query, filters in (("type=ASSAULT", {"type": "ASSAULT"}), ("involving=UKR", {"involving": "UKR"})):
            ledger = client.get(f"/api/claims?{query}&limit=1000").json()
            df = store.claims_frame(**filters)
            assert ledger["total"] > 0 and len(df) == ledger["total"], query


def test_a_missing_pandas_is_said_with_how_to_install_it(store, monkeypatch):
    monkeypatch.setitem(sys.modules, "pandas", None)  # "import pandas" now raises ImportError
    with pytest.raises(ImportError, match=r"pip install 'newsgraph\[frames\]'"):
        store.events_frame()
