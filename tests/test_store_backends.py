"""The ``store_url`` fixture: every store test runs on SQLite and on PostgreSQL.

PostgreSQL needs a server named by ``NEWSGRAPH_TEST_PG`` (``.ci/run`` starts one on
loopback); each test gets its own schema there, dropped afterwards. Other test modules
import the fixtures from here: ``from test_store_backends import store_url, store  # noqa``.
"""
from __future__ import annotations

import os
import uuid

import pytest

PG_URL = os.environ.get("NEWSGRAPH_TEST_PG")

BACKENDS = [
    pytest.param("sqlite", id="sqlite"),
    pytest.param("postgresql", id="postgresql", marks=[
        pytest.mark.postgres,
        pytest.mark.skipif(not PG_URL, reason="NEWSGRAPH_TEST_PG is not set: no PostgreSQL server to test against "
                                              "(.ci/run starts one; see the PostgreSQL part of .ci/run)"),
    ]),
]


@pytest.fixture(params=BACKENDS)
def store_url(request, tmp_path):
    """A URL (or path) of an empty store on each backend."""
    if request.param == "sqlite":
        yield str(tmp_path / "test.db")
        return
    from sqlalchemy import create_engine

    schema = f"t_{uuid.uuid4().hex[:12]}"
    admin = create_engine(PG_URL.replace("postgresql://", "postgresql+psycopg://", 1))
    with admin.begin() as conn:
        conn.exec_driver_sql(f"CREATE SCHEMA {schema}")
    sep = "&" if "?" in PG_URL else "?"
    try:
        yield f"{PG_URL}{sep}options=-csearch_path%3D{schema}"
    finally:
        with admin.begin() as conn:
            conn.exec_driver_sql(f"DROP SCHEMA {schema} CASCADE")
        admin.dispose()


@pytest.fixture
def store(store_url):
    from newsgraph.store import open_store

    with open_store(store_url) as s:
        yield s


def test_a_new_store_is_created_at_the_latest_schema_version(store_url):
    from newsgraph.store import open_store
    from newsgraph.store.migrations import LATEST

    with open_store(store_url) as s:
        assert s.version == LATEST
        assert s.stats()["articles"] == 0
    with open_store(store_url) as s:  # opening again migrates nothing and loses nothing
        assert s.version == LATEST


def test_a_store_newer_than_the_code_is_refused(store_url):
    from newsgraph.store import open_store
    from newsgraph.store.schema import schema_version

    with open_store(store_url) as s, s.engine.begin() as conn:
        conn.execute(schema_version.insert().values(version=999, name="future", applied_at="2099-01-01"))
    with pytest.raises(RuntimeError, match="newer than this newsgraph"):
        open_store(store_url)


def test_a_version_2_store_gains_plover_type_and_keeps_its_events(store_url):
    from sqlalchemy import text

    from newsgraph.record import Actor, Article, Event, Record
    from newsgraph.store import open_store
    from newsgraph.store.migrations import LATEST
    from newsgraph.store.schema import schema_version

    record = Record(article=Article(id="a1", text="Russia met China.", title="t", published="2024-01-02"),
                    actors=[Actor(id="a1", name="Russia", type="country", country="RUS")],
                    events=[Event(id="e1", type="CONSULT", actor="a1", trigger=(7, 10), evidence=[(0, 17)])])
    with open_store(store_url) as s:
        s.add(record)
        with s.engine.begin() as conn:  # back to the version 2 shape, as an older newsgraph left it
            conn.execute(text("ALTER TABLE events DROP COLUMN plover_type"))
            conn.execute(schema_version.delete().where(schema_version.c.version == 3))
    with open_store(store_url) as s:
        assert s.version == LATEST
        (event,) = s.record("a1").events
        assert event.type == "CONSULT" and event.plover_type is None
