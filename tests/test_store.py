"""The store keeps each article once, gives records back exactly, and answers the dashboard's queries."""
from __future__ import annotations

import pytest

from newsgraph.record import Actor, Article, Claim, Event, Place, Record, Removed, Timex
from newsgraph.store import best_day, normalise_url, text_hash
from newsgraph.store import query as Q
from test_store_backends import store, store_url  # noqa: F401  (fixtures over SQLite and PostgreSQL)


def make_record(n: int = 1, *, url: str | None = "auto", text: str | None = None, published: str = "2024-03-05",
                event_type: str = "CONSULT", country: str = "RUS") -> Record:
    """A small hand-built record: two actors, one event resting on one claim."""
    body = text or (f"Officials in Moscow said the minister met his Chinese counterpart, story {n}. "
                    "Talks covered trade and sanctions.")
    return Record(
        article=Article(id=f"art{n}", text=body, title=f"Ministers meet ({n})",
                        url=f"https://news.example/{n}" if url == "auto" else url, outlet="Example Wire",
                        published=published, removed=[Removed(text="Leave a Comment", reason="boilerplate", line=9)],
                        source=f"corpus.jsonl:{n}", metadata={"section": "world"}),
        actors=[Actor(id="a1", name="Sergei Lavrov", type="person", country="RUS", sector="GOV", code="RUSGOV",
                      title="minister", mentions=[(35, 43)]),
                Actor(id="a2", name="China", type="country", country="CHN", code="CHN", mentions=[(48, 55)])],
        events=[Event(id="e1", type=event_type, mode="meet", context=["diplomatic"], cameo="040", quad_class=1,
                      goldstein=1.0, actor="a1", recipient="a2", actor_code="RUSGOV", recipient_code="CHN",
                      factuality="reported", claims=["c1"], date=published, date_text="on Tuesday",
                      location={"name": "Moscow", "country": country, "lat": 55.75, "lon": 37.62},
                      evidence=[(0, 78)], trigger=(35, 38), confidence=0.8)],
        claims=[Claim(id="c1", speaker=None, speaker_span=(0, 19), cue=(20, 24), content=(25, 77), stance="assert",
                      anonymous=True)],
        timexes=[Timex(span=(0, 0), text="Tuesday", value=published)],
        places=[Place(span=(13, 19), name="Moscow", country="RUS", lat=55.75, lon=37.62, geonameid=524901,
                      feature="city")],
    )


def test_a_stored_record_comes_back_exactly(store):
    record = make_record()
    assert store.add(record) == "ingested"
    assert store.record("art1").to_dict() == record.to_dict()
    assert [r.article.id for r in store.records()] == ["art1"]


@pytest.mark.parametrize("second, why", [
    (make_record(1), "same article again"),
    (make_record(2, url="https://news.example/1/#comments"), "same URL (fragment and slash ignored)"),
    (make_record(3, url=None, text="officials in MOSCOW said the minister met his Chinese counterpart, story 1.\n\n"
                                   "Talks   covered trade and sanctions."), "same text up to case and spacing"),
])
def test_the_same_article_is_stored_once(store, second, why):
    assert store.add(make_record(1)) == "ingested"
    assert store.add(second) == "duplicate", why
    stats = store.stats()
    assert (stats["articles"], stats["events"], stats["claims"]) == (1, 1, 1)


def test_different_articles_are_all_stored(store):
    counts = store.add_many(make_record(n) for n in range(1, 6))
    assert counts == {"ingested": 5, "duplicate": 0}
    assert store.stats()["articles"] == 5


def test_replace_stores_a_fresh_extraction(store):
    store.add(make_record(1, event_type="CONSULT"))
    assert store.add(make_record(1, event_type="ACCUSE"), replace=True) == "ingested"
    stats = store.stats()
    assert stats["articles"] == 1
    assert stats["events_by_type"] == {"ACCUSE": 1}
    with store.connect() as conn:
        assert [r["id"] for r in Q.search_articles(conn, "sanctions")] == ["art1"]


def test_a_failed_batch_loses_nothing_committed_before_it(store):
    store.add_many([make_record(1), make_record(2)])
    with pytest.raises(RuntimeError):
        with store.batch():
            store.add(make_record(3))
            raise RuntimeError("worker died")
    assert store.article_ids() == ["art1", "art2"]


def test_failures_are_recorded_once_with_a_count(store):
    store.add_failure("feed.xml", "no items", kind="read")
    store.add_failure("feed.xml", "no items", kind="read")
    store.add_failure("b.jsonl:3", "ValueError: bad span")
    stats = store.stats()
    assert stats["failures"] == 2
    assert stats["failures_by_kind"] == {"read": 1, "failed": 1}
    assert {f["source"]: f["count"] for f in store.failures()} == {"feed.xml": 2, "b.jsonl:3": 1}


def test_a_source_that_failed_and_then_succeeds_leaves_no_failure_behind(store):
    record = make_record(4)  # its source is corpus.jsonl:4
    store.add_failure("corpus.jsonl:4", "TimeoutError: the page did not answer")
    store.add_failure("corpus.jsonl:5", "TimeoutError: the page did not answer")
    assert store.add(record) == "ingested"
    assert [f["source"] for f in store.failures()] == ["corpus.jsonl:5"]


def test_stats_count_events_by_type_and_factuality(store):
    store.add_many([make_record(1, event_type="CONSULT"), make_record(2, event_type="CONSULT"),
                    make_record(3, event_type="COERCE")])
    stats = store.stats()
    assert stats["events_by_type"] == {"CONSULT": 2, "COERCE": 1}
    assert stats["events_by_factuality"] == {"reported": 3}
    assert (stats["articles"], stats["actors"], stats["claims"]) == (3, 6, 3)


@pytest.mark.parametrize("flt, expected", [
    (Q.EventFilter(), ["art3", "art2", "art1"]),
    (Q.EventFilter(type="COERCE"), ["art3"]),
    (Q.EventFilter(since="2024-03-02", until="2024-03-03"), ["art2"]),
    (Q.EventFilter(actor="RUSGOV"), ["art3", "art2", "art1"]),
    (Q.EventFilter(actor="China"), ["art3", "art2", "art1"]),
    (Q.EventFilter(actor_country="CHN"), []),
    (Q.EventFilter(location_country="UKR"), ["art3"]),
    (Q.EventFilter(factuality="denied"), []),
])
def test_events_filter_newest_first(store, flt, expected):
    store.add_many([make_record(1, published="2024-03-01"), make_record(2, published="2024-03-02"),
                    make_record(3, published="2024-03-04", event_type="COERCE", country="UKR")])
    with store.connect() as conn:
        assert [e["article_id"] for e in Q.events(conn, flt)] == expected
        assert Q.count_events(conn, flt) == len(expected)


def test_events_page(store):
    store.add_many(make_record(n, published=f"2024-03-{n:02d}") for n in range(1, 8))
    with store.connect() as conn:
        pages = [[e["article_id"] for e in Q.events(conn, limit=3, offset=o)] for o in (0, 3, 6)]
    assert pages == [["art7", "art6", "art5"], ["art4", "art3", "art2"], ["art1"]]


def test_claims_by_speaker_and_the_events_resting_on_them(store):
    store.add(make_record(1))
    with store.connect() as conn:
        (claim,) = Q.claims_by_speaker(conn, "Officials in Moscow")
        assert claim["anonymous"] and claim["cue_words"] == "said"
        assert Q.speakers(conn) == [{"speaker": "Officials in Moscow", "claims": 1, "anonymous": 1}]
    assert store.record("art1").events[0].claims == ["c1"]


@pytest.mark.parametrize("query, expected", [
    ("sanctions", ["art1"]),
    ("Chinese trade", ["art1"]),
    ("Beijing", []),
    ('"sanctions AND (', ["art1"]),  # search syntax in user input is not an error
    ("", []),
])
def test_full_text_search(store, query, expected):
    store.add(make_record(1))
    with store.connect() as conn:
        assert [r["id"] for r in Q.search_articles(conn, query)] == expected


def test_delete_removes_the_article_from_search_too(store):
    store.add(make_record(1))
    assert store.delete("art1")
    with store.connect() as conn:
        assert Q.search_articles(conn, "sanctions") == []
    assert store.stats()["events"] == 0


def test_timeline_and_actor_network(store):
    store.add_many([make_record(1, published="2024-03-01"), make_record(2, published="2024-03-01")])
    with store.connect() as conn:
        assert Q.timeline(conn) == [{"day": "2024-03-01", "type": "CONSULT", "count": 2}]
        (edge,) = Q.actor_network(conn)
    assert (edge["source"], edge["target"], edge["quad_class"], edge["count"]) == ("RUSGOV", "CHN", 1, 2)


@pytest.mark.parametrize("limit, offset", [(-1, 0), (10, -5)])
def test_bad_paging_is_a_clear_error(store, limit, offset):
    with store.connect() as conn, pytest.raises(ValueError, match="must not be negative"):
        Q.events(conn, limit=limit, offset=offset)


@pytest.mark.parametrize("event_date, published, expected", [
    ("2023-09-12", "2023-09-14", "2023-09-12"),
    (None, "2023-09-14", "2023-09-14"),
    ("2023-09", "2023-09-14", "2023-09-14"),
    ("2023-07", "2023-09-14", "2023-07-01"),
    ("2023-W37", "2023-09-14", "2023-09-14"),
    ("2023-W36", "2023-09-14", "2023-09-04"),
    ("2019", "2023-09-14", "2019-01-01"),
    ("sometime", None, None),
])
def test_best_day_files_events_under_a_full_day(event_date, published, expected):
    assert best_day(event_date, published) == expected


@pytest.mark.parametrize("url, expected", [
    ("https://a.example/x/", "https://a.example/x"),
    (" https://a.example/x#top ", "https://a.example/x"),
    ("", None),
    (None, None),
])
def test_urls_are_compared_without_fragment_or_trailing_slash(url, expected):
    assert normalise_url(url) == expected


def test_text_hash_ignores_case_spacing_and_curly_quotes():
    assert text_hash("He said \u201cno\u201d.\n\nThen  left.") == text_hash('he said "no". then left.')
    assert text_hash("   ") is None
