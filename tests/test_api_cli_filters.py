"""One event filter, one meaning: ``newsgraph events``, ``newsgraph export`` and ``GET /api/events``
give the same events for the same filter on one store, and the old ambiguous ``country`` is
refused everywhere with the names to use instead."""
from __future__ import annotations

import csv
import io
import json

import pytest
from fastapi.testclient import TestClient
from typer.testing import CliRunner

from newsgraph.cli import app
from newsgraph.config import Config
from newsgraph.serve import create_app
from newsgraph.serve.examples import example_records
from newsgraph.store import open_store

runner = CliRunner()


@pytest.fixture(scope="module")
def db(tmp_path_factory):
    path = str(tmp_path_factory.mktemp("filters") / "ng.db")
    with open_store(path) as store:
        store.add_many(example_records())
    return path


@pytest.fixture(scope="module")
def client(db):
    with TestClient(create_app(Config(db=db))) as c:
        yield c


def from_api(client, query: str) -> set[str]:
    r = client.get(f"/api/events?{query}&limit=1000")
    assert r.status_code == 200, r.text
    return {e["id"] for e in r.json()["items"]}


def from_cli(db, args: list[str]) -> set[str]:
    r = runner.invoke(app, ["events", "--db", db, "--json", "--limit", "1000", *args])
    assert r.exit_code == 0, r.output
    return {f"{e['article_id']}/{e['event_id']}" for e in map(json.loads, r.stdout.splitlines())}


def from_export(db, args: list[str]) -> set[str]:
    r = runner.invoke(app, ["export", "--format", "csv", "--db", db, *args])
    assert r.exit_code == 0, r.output
    return {f"{e['article_id']}/{e['event_id']}" for e in csv.DictReader(io.StringIO(r.stdout))}


@pytest.mark.parametrize("query, args", [
    ("involving=KEN", ["--involving", "KEN"]),  # Kenya as actor, recipient or location
    ("involving=ukr", ["--involving", "ukr"]),
    ("location_country=UKR", ["--location-country", "UKR"]),  # where it happened
    ("actor_country=IRN", ["--actor-country", "IRN"]),
    ("recipient_country=RUS", ["--recipient-country", "RUS"]),
    ("involving=RUS&location_country=UKR", ["--involving", "RUS", "--location-country", "UKR"]),
    ("involving=UKR&type=ASSAULT&date_to=2024-03-31", ["--involving", "UKR", "--type", "ASSAULT", "--until", "2024-03-31"]),
])
def test_cli_export_and_api_give_the_same_events(db, client, query, args):
    api = from_api(client, query)
    assert api, "the example store has events for each filter"
    assert from_cli(db, args) == api
    assert from_export(db, args) == api


def test_involving_is_wider_than_where_it_happened(client):
    located = from_api(client, "location_country=UKR")
    assert located < from_api(client, "involving=UKR")


@pytest.mark.parametrize("command", [["events"], ["export", "--format", "csv"]])
def test_the_cli_refuses_country_naming_the_new_flags(db, command):
    r = runner.invoke(app, [*command, "--db", db, "--country", "UKR"])
    assert r.exit_code == 2
    assert "--involving" in r.output and "--location-country" in r.output


def test_the_api_refuses_country_naming_the_new_parameters(client):
    r = client.get("/api/events?country=UKR")
    assert r.status_code == 400
    assert "involving" in r.json()["detail"] and "location_country" in r.json()["detail"]


@pytest.mark.parametrize("query, args, message", [
    ("involving=Narnia", ["--involving", "Narnia"], "expected a country name or an ISO 3166 alpha-3 code such as RUS (or IGO), got 'Narnia'"),
    ("date_from=2024-02-30", ["--since", "2024-02-30"], "'2024-02-30' is not a calendar date"),
    ("factuality=rumoured", ["--factuality", "rumoured"], "unknown value 'rumoured'; expected one of: asserted"),
    ("type=BOGUS", ["--type", "bogus"], "unknown event type 'BOGUS'; expected one of: AGREE, CONSULT"),
])
def test_a_bad_value_gets_the_same_message_from_the_cli_and_the_api(db, client, query, args, message):
    api = client.get(f"/api/events?{query}")
    cli = runner.invoke(app, ["events", "--db", db, *args])
    assert api.status_code == 400 and message in api.json()["detail"]
    assert cli.exit_code == 2 and message in cli.output
