"""Property-based tests of the API from its own OpenAPI document (schemathesis, in process).

Every generated request, valid or not, ingest with the token included, must get an answer the
document describes: no 5xx, a documented status code, content type and body, and the security
headers; and what ingest stores can be read back.
"""
from __future__ import annotations

import itertools
import tempfile
from pathlib import Path
from urllib.parse import quote

import pytest
import schemathesis
from fastapi.testclient import TestClient
from hypothesis import HealthCheck, settings
from schemathesis.specs.openapi.checks import positive_data_acceptance

from newsgraph.config import Config
from newsgraph.serve import create_app
from newsgraph.serve.app import SECURITY_HEADERS
from newsgraph.serve.examples import example_records
from newsgraph.store import open_store

TOKEN = "fuzz-token"

# schemathesis reads the document from the app when the module is collected (its fixture-based
# loader does not run under pytest 9), so the app is built here over a store in a temporary
# folder; the fixture below fills the store before the first request and removes it at the end.
WORKDIR = tempfile.TemporaryDirectory(prefix="newsgraph-fuzz-")
DB = str(Path(WORKDIR.name) / "fuzz.db")
STORE = open_store(DB)
app = create_app(Config(db=DB, api_token=TOKEN), store=STORE)
schema = schemathesis.openapi.from_asgi("/openapi.json", app)
# Cases come from the document, not from literals in the app's code, and Hypothesis is
# derandomized: a given test command sends the same requests on every run. (Hypothesis still
# mixes in literals of the project modules loaded so far, so another selection of tests may
# send others.)
schema.config.analysis.constants.enabled = False
# A negative body can be over the size cap: 413 is a rejection too.
schema.config.checks.negative_data_rejection.expected_statuses = [
    *schema.config.checks.negative_data_rejection.expected_statuses, "413"]
FRESH = itertools.count()


@pytest.fixture(scope="module", autouse=True)
def store_with_examples():
    STORE.add_many(example_records())
    yield
    STORE.close()
    WORKDIR.cleanup()


FUZZ = settings(max_examples=25, derandomize=True, deadline=None, database=None,
                suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much, HealthCheck.data_too_large])


def call_and_validate(case):
    # Parameters are documented as free strings and checked by meaning (a date that is no calendar
    # day gets a 400 naming it), so schema-valid values may rightly be refused.
    response = case.call_and_validate(headers={"Authorization": f"Bearer {TOKEN}"},
                                      excluded_checks=[positive_data_acceptance])
    assert_security_headers(response.headers)
    return response


@schema.exclude(path="/api/ingest").parametrize()
@FUZZ
def test_every_generated_read_gets_a_documented_answer(case):
    call_and_validate(case)


@pytest.mark.slow  # posted articles are extracted: the spaCy model is loaded
@schema.include(path="/api/ingest").parametrize()
@FUZZ
def test_every_generated_ingest_gets_a_documented_answer(case):
    _fresh_id(case.body)
    response = call_and_validate(case)
    if response.status_code == 201:
        # What was stored can be read back, however odd its strings, ids and spans.
        article_id = quote(response.json()["id"], safe="")
        client = TestClient(app)
        for url in (f"/api/articles/{article_id}", f"/api/events?article={article_id}",
                    f"/api/claims?article={article_id}", "/api/aggregates/network", "/api/timeline"):
            r = client.get(url)
            assert r.status_code == 200, (url, r.text)


def _fresh_id(body) -> None:
    """Generated records share ids ("0"), and a second one is only found a duplicate, never stored:
    a fresh valid id makes each valid record reach the store (an invalid id is left as it is)."""
    if isinstance(body, dict) and isinstance(body.get("article"), dict):
        given = body["article"].get("id")
        if isinstance(given, str) and 1 <= len(given) <= 200:
            body["article"]["id"] = f"fuzz-{next(FRESH)}"


def assert_security_headers(headers) -> None:
    for name, value in SECURITY_HEADERS.items():
        assert headers.get(name.lower()) in ([value], value), name
