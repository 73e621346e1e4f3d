"""The analyst's workbench in the API: downloads of the filtered events, actor search as typed,
country names in the country filters, and a timeline whose axis is continuous time."""
from __future__ import annotations

import csv
import io
from datetime import date

import pyarrow.parquet as pq
import pytest

from api_client import client_over, get
from newsgraph.record import Article, Event, Record
from newsgraph.serve.examples import example_records
from newsgraph.serve.queries import MAX_PERIODS, periods_between


def old_story() -> Record:
    """An event dated 2004, so that the store spans twenty years (as the VOA corpus spans 2004-2017)."""
    text = "Kenya signed a trade agreement with Uganda in 2004."
    return Record(article=Article(id="old-story", title="Old story", text=text, published="2004-06-01"),
                  events=[Event(id="e1", type="AGREE", cameo="057", quad_class=1, date="2004-06-01",
                                trigger=(12, 18), evidence=[(0, len(text))])])


@pytest.fixture(scope="module")
def client(tmp_path_factory):
    with client_over(tmp_path_factory.mktemp("workbench"), [*example_records(), old_story()]) as c:
        yield c


# -- downloads -------------------------------------------------------------------------------

@pytest.mark.parametrize("query", ["", "involving=Kenya", "actor=rus&factuality=asserted,reported", "type=ASSAULT&date_from=2024-02-01",
                                   "q=drones"])
def test_the_csv_download_has_a_row_for_every_event_the_list_counts(client, query):
    total = get(client, f"/api/events?{query}&limit=1")["total"]
    r = client.get(f"/api/events.csv?{query}")
    assert r.status_code == 200 and r.headers["content-type"].startswith("text/csv")
    rows = list(csv.DictReader(io.StringIO(r.text)))
    assert len(rows) == total
    assert r.headers["content-disposition"].startswith('attachment; filename="newsgraph-events')


def test_the_parquet_download_holds_the_same_events_as_the_csv(client):
    csv_rows = list(csv.DictReader(io.StringIO(client.get("/api/events.csv?involving=UKR").text)))
    r = client.get("/api/events.parquet?involving=UKR")
    assert r.status_code == 200
    assert r.headers["content-disposition"] == 'attachment; filename="newsgraph-events_involving-UKR.parquet"'
    table = pq.read_table(io.BytesIO(r.content))
    assert sorted(table.column("event_pk").to_pylist()) == sorted(int(x["event_pk"]) for x in csv_rows)


def test_a_download_refuses_a_bad_filter_as_the_list_does(client):
    r = client.get("/api/events.parquet?type=PARTY")
    assert r.status_code == 400 and "type: unknown event type 'PARTY'" in r.json()["detail"]


# -- actor search ----------------------------------------------------------------------------

@pytest.mark.parametrize("typed, first, match", [
    ("kuleba", "Dmytro Kuleba", "prefix"),
    ("Kulbea", "Dmytro Kuleba", "fuzzy"),  # a typo
    ("DMYTRÓ KULEBA", "Dmytro Kuleba", "name"),
    ("kenya", "Kenya: every actor", "country"),
    ("igoeec", "European Union", "code"),
])
def test_suggestions_find_an_actor_however_it_is_typed(client, typed, first, match):
    items = get(client, f"/api/actors/suggest?q={typed}")["items"]
    assert (items[0]["name"], items[0]["match"]) == (first, match)


def test_a_suggestion_is_a_value_the_actor_filter_takes(client):
    for item in get(client, "/api/actors/suggest?q=ken")["items"]:
        assert get(client, f"/api/events?actor={item['value']}&limit=1")["total"] >= 1, item


def test_nothing_typed_suggests_nothing(client):
    assert get(client, "/api/actors/suggest?q=%20")["items"] == []


# -- timeline --------------------------------------------------------------------------------

@pytest.mark.parametrize("interval, expected", [("day", "week"), ("week", "week"), ("month", "month"), ("year", "year")])
def test_every_period_of_the_range_is_in_the_timeline(client, interval, expected):
    # 2021 to 2024: too many days, so day is counted per week, and the answer says so
    t = get(client, f"/api/timeline?interval={interval}&date_from=2021-01-01")
    assert t["interval"] == expected and t["requested_interval"] == interval
    assert (t["note"] is not None) == (expected != interval)
    assert t["periods"] == periods_between(date(2021, 1, 1), date.fromisoformat(t["last"]), expected)
    assert len(t["periods"]) <= MAX_PERIODS
    assert all(len(s["counts"]) == len(t["periods"]) for s in t["series"])


def test_a_long_range_is_counted_coarser_and_said_so(client):
    t = get(client, "/api/timeline?interval=day")
    assert (t["interval"], t["requested_interval"]) == ("month", "day")
    assert t["note"].startswith("2004-06-01 to 2024-")
    assert t["periods"][0] == "2004-06" and len(t["periods"]) == len(set(t["periods"]))
    counts = [sum(s["counts"][i] for s in t["series"]) for i in range(len(t["periods"]))]
    assert counts[0] == 1 and counts.count(0) > 200  # quiet months are there, as zeros


def test_years_run_without_gaps(client):
    t = get(client, "/api/timeline?interval=year")
    assert t["periods"] == [str(y) for y in range(2004, 2025)]
