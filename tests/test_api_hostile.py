"""Hostile bodies for POST /api/ingest, and errors of every kind: each is answered 4xx (or, for a
bug, 500) in JSON with a message saying what is wrong, with the security headers, and the server
goes on serving."""
from __future__ import annotations

import asyncio
import json

import pytest
from fastapi.testclient import TestClient

from newsgraph.config import Config
from newsgraph.serve import create_app
from newsgraph.serve.app import SECURITY_HEADERS
from newsgraph.serve.bodies import MAX_INGEST_BYTES, MAX_JSON_DEPTH, MAX_TEXT_CHARS
from newsgraph.serve.examples import example_records

TOKEN = "s3cret-token"
AUTH = {"Authorization": f"Bearer {TOKEN}"}
ENGLISH = ("Ministers meet in Geneva\n\nThe foreign minister of France met the German chancellor in Geneva "
           "on Monday to discuss sanctions, officials said.\n")


@pytest.fixture
def config(tmp_path):
    return Config(db=str(tmp_path / "w.db"), api_token=TOKEN)


@pytest.fixture
def writer(config):
    with TestClient(create_app(config)) as c:
        yield c


def record(**parts):
    """A valid record (the first example) with some parts replaced."""
    return {**example_records()[0].to_dict(), **parts}


def post(client, body, content_type="application/json"):
    if not isinstance(body, (bytes, str)):
        body = json.dumps(body)
    return client.post("/api/ingest", content=body, headers={**AUTH, "Content-Type": content_type})


def refused(r, status: int, *words: str) -> str:
    """The answer is ``status`` with a JSON message holding ``words``, and the security headers."""
    assert r.status_code == status, r.text
    assert r.headers["content-type"] == "application/json"
    for name, value in SECURITY_HEADERS.items():
        assert r.headers[name] == value, name
    detail = r.json()["detail"]
    for word in words:
        assert word in detail, detail
    return detail


# -- the bodies that used to get a 500 -------------------------------------------------------

@pytest.mark.parametrize("parts, words", [
    ({"events": "zz"}, ["not a valid article record", "events: Input should be a valid list"]),
    ({"actors": [1, 2]}, ["actors.0:", "actors.1:"]),
    ({"events": [{"id": "e1", "type": "ASSAULT", "quad_class": 9}]}, ["events.0.quad_class"]),
    ({"events": [{"id": "e1", "type": "ASSAULT", "factuality": "rumoured"}]}, ["events.0.factuality"]),
    ({"claims": [{"id": "c1", "speaker": None, "speaker_span": None, "cue": [1], "content": [2, 3]}]}, ["claims.0.cue"]),
    ({"places": [{"span": [0, 4], "name": "Odesa", "geonameid": 2**70}]}, ["places.0.geonameid"]),
    ({"schema": "newsgraph.article/9"}, ["schema:"]),
    ({"article": "zz"}, ["article:"]),
])
def test_a_record_of_the_wrong_shape_is_refused_naming_the_field(writer, parts, words):
    refused(post(writer, record(**parts)), 422, *words)
    assert writer.get("/api/articles").json()["total"] == 0


def test_a_hundred_thousand_nested_brackets_are_refused_before_parsing(writer):
    refused(post(writer, "[" * 100_000 + "]" * 100_000), 422, f"deeper than {MAX_JSON_DEPTH} levels")
    nested_metadata = '{"text": "Some news.", "notes": ' + "[" * 65 + "]" * 65 + "}"
    refused(post(writer, nested_metadata), 422, "deeper than")


def test_brackets_inside_strings_are_text_not_nesting(writer):
    text = "[{" * 5_000 + " quoted \\\" brackets ]]"
    r = post(writer, record(article={**record()["article"], "text": text}))
    assert r.status_code == 201, r.text


@pytest.mark.parametrize("body, content_type", [
    ({"text": "Big news. " * 120_000}, "application/json"),
    ("Headline\n\n" + "Big news. " * 120_000, "text/plain"),
])
def test_a_text_over_a_million_characters_is_refused_naming_the_limit(writer, body, content_type):
    refused(post(writer, body, content_type), 422, f"{MAX_TEXT_CHARS}")


def test_a_record_with_a_text_over_the_limit_is_refused(writer):
    big = record(article={**record()["article"], "text": "x" * (MAX_TEXT_CHARS + 1)})
    refused(post(writer, big), 422, "article.text", f"{MAX_TEXT_CHARS}")


@pytest.mark.parametrize("body, status, words", [
    (b"this is not JSON", 400, ["malformed JSON"]),
    (b'{"text": "x",}', 400, ["malformed JSON", "line 1"]),
    (b'{"text": "Some news.", "score": NaN}', 400, ["NaN"]),
    (b'{"text": "Some news.", "score": 1e999}', 400, ["out of range"]),
    (b'{"text": "Some news.", "n": 1' + b"0" * 5000 + b"}", 400, ["malformed JSON"]),
    (b'"just a string"', 422, ["not a valid article"]),
    (b"[1, 2]", 422, ["not a valid article"]),
    (b'{"text": "   "}', 422, ["text"]),
    (b'{"text": 42}', 422, ["text"]),
    (b'{"text": "Some news.", "title": ["a", "list"]}', 422, ["title"]),
    (b'{"text": "Some news \\u0000 with a NUL"}', 422, ["text:", "NUL"]),
    (b'{"text": "Some news \\ud800 half a pair"}', 422, ["text:", "surrogate"]),
    (b"\xff\xfe\x00", 400, ["UTF-8"]),
])
def test_a_body_that_is_not_an_article_gets_a_4xx_saying_why(writer, body, status, words):
    refused(post(writer, body), status, *words)


def test_a_text_body_with_nul_bytes_is_not_text(writer):
    refused(post(writer, b"Headline\n\nSome\x00news", "text/plain"), 400, "NUL")


@pytest.mark.parametrize("content_type", ["application/xml", "multipart/form-data; boundary=x", "image/png"])
def test_a_body_of_another_type_is_refused(writer, content_type):
    refused(post(writer, b"<p>news</p>", content_type), 415, "application/json or text/plain")


def test_a_surrogate_pair_is_one_character_and_welcome(writer):
    body = json.dumps(record(article={**record()["article"], "title": "Grain \U0001F33E talks"}))
    assert "\\ud83c\\udf3e" in body  # json.dumps escapes it as a pair
    r = post(writer, body)
    assert r.status_code == 201, r.text
    assert writer.get(f"/api/articles/{r.json()['id']}").json()["article"]["title"] == "Grain \U0001F33E talks"


# -- the size cap: the body is read as it streams, and no further than the cap -----------------

def post_streamed(app, chunks, headers):
    """POST /api/ingest straight to the ASGI app, handing it the body one chunk per receive()."""
    sent = []

    async def receive():
        chunk = next(chunks, None)
        return {"type": "http.request", "body": chunk or b"", "more_body": chunk is not None}

    async def send(message):
        sent.append(message)

    scope = {"type": "http", "asgi": {"version": "3.0"}, "http_version": "1.1", "method": "POST",
             "scheme": "http", "path": "/api/ingest", "raw_path": b"/api/ingest", "root_path": "",
             "query_string": b"", "client": ("127.0.0.1", 5000), "server": ("testserver", 80),
             "headers": [(k.lower().encode(), v.encode()) for k, v in headers.items()]}
    asyncio.run(app(scope, receive, send))
    start = next(m for m in sent if m["type"] == "http.response.start")
    body = b"".join(m.get("body", b"") for m in sent if m["type"] == "http.response.body")
    return start["status"], {k.decode(): v.decode() for k, v in start["headers"]}, json.loads(body)


class Counting:
    """``total`` bytes in chunks of ``size``, counting how many were taken."""

    def __init__(self, total: int, size: int = 64 * 1024):
        self.left, self.size, self.taken = total, size, 0

    def __iter__(self):
        return self

    def __next__(self) -> bytes:
        if self.left <= 0:
            raise StopIteration
        self.taken += 1
        self.left -= self.size
        return b" " * self.size


def test_a_body_over_the_cap_is_refused_after_reading_no_more_than_the_cap(config):
    chunks = Counting(total=40 * MAX_INGEST_BYTES)  # 200 MB, if it were all read
    status, headers, body = post_streamed(create_app(config), chunks, {**AUTH, "Content-Type": "application/json"})
    assert status == 413 and f"larger than {MAX_INGEST_BYTES} bytes" in body["detail"]
    assert headers["content-type"] == "application/json"
    assert all(headers[k.lower()] == v for k, v in SECURITY_HEADERS.items())
    assert chunks.taken * chunks.size <= MAX_INGEST_BYTES + chunks.size


def test_a_declared_length_over_the_cap_is_refused_before_reading(config):
    chunks = Counting(total=2 * MAX_INGEST_BYTES)
    headers = {**AUTH, "Content-Type": "text/plain", "Content-Length": str(2 * MAX_INGEST_BYTES)}
    status, _, body = post_streamed(create_app(config), chunks, headers)
    assert status == 413 and chunks.taken == 0


def test_a_body_just_under_the_cap_is_read(writer):
    r = post(writer, json.dumps(record()).ljust(MAX_INGEST_BYTES))  # trailing spaces are JSON whitespace
    assert r.status_code == 201, r.text


# -- extraction and the server's own errors ---------------------------------------------------

def test_an_article_that_cannot_be_extracted_is_a_422_with_the_reason(writer, monkeypatch):
    from newsgraph.pipeline import OverBudget

    budgets = []

    def too_slow(article, nlp, seconds=None):
        budgets.append(seconds)  # the server's article_seconds setting
        raise OverBudget("took longer than its time budget of 120 s")

    monkeypatch.setattr("newsgraph.nlp.load_nlp", lambda *a, **k: object())  # no model needed to fail
    monkeypatch.setattr("newsgraph.pipeline.extract_article", too_slow)
    refused(post(writer, ENGLISH, "text/plain"), 422, "could not be extracted", "OverBudget", "120 s")
    assert writer.get("/api/articles").json()["total"] == 0
    assert budgets == [120.0]


def test_a_bug_is_a_json_500_with_the_headers_and_the_server_goes_on(writer, monkeypatch):
    from newsgraph.store.core import Store

    def broken(self, record, replace=False):
        raise RuntimeError("disk on fire")

    monkeypatch.setattr(Store, "add", broken)
    r = post(writer, record())
    refused(r, 500, "internal error")
    assert "disk on fire" not in r.text  # the details go to the log, not to the client
    assert writer.get("/api/meta").status_code == 200


@pytest.mark.parametrize("method, url, status", [
    ("GET", "/no/such/page", 404),
    ("GET", "/static/no-such-file.js", 404),
    ("GET", "/api/articles/no-such-article", 404),
    ("DELETE", "/api/events", 405),
    ("GET", "/api/ingest", 405),
    ("GET", "/api/events?limit=ten", 422),
    ("GET", "/api/events?type=PARTY", 400),
    ("POST", "/api/ingest", 401),  # no token
])
def test_every_error_is_json_with_the_security_headers(writer, method, url, status):
    refused(writer.request(method, url), status)
