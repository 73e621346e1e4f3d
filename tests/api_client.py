"""Helpers for tests that talk to the API: an in-process client over a store of given records,
a JSON GET that must succeed, and storing a record through a live server's POST /api/ingest."""
from __future__ import annotations

import json
import urllib.request
from contextlib import contextmanager

from fastapi.testclient import TestClient

from newsgraph.config import Config
from newsgraph.serve import create_app
from newsgraph.store import open_store


@contextmanager
def client_over(folder, records):
    """A test client of the API over a new SQLite store in ``folder`` holding ``records``."""
    db = str(folder / "ng.db")
    store = open_store(db)
    store.add_many(records)
    with TestClient(create_app(Config(db=db), store=store)) as client:
        yield client
    store.close()


def get(client, url):
    r = client.get(url)
    assert r.status_code == 200, r.text
    return r.json()


def post_record(base: str, token: str, body: dict) -> str:
    """Store a record (its ``to_dict()``) through a running server; returns the status it answers."""
    request = urllib.request.Request(f"{base}/api/ingest", data=json.dumps(body).encode(), method="POST",
                                     headers={"Content-Type": "application/json", "Authorization": f"Bearer {token}"})
    with urllib.request.urlopen(request) as response:
        return json.loads(response.read())["status"]
