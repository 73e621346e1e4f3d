"""Property: whatever bytes a file holds, each reader yields articles or one clear line per
problem, never a traceback and never a line of its libraries' own on stderr.

Hypothesis runs a bounded, derandomised set of examples per reader (a few seconds each):
raw bytes, and damaged versions of valid inputs (cut, bytes flipped, NULs and stray Latin-1
bytes inserted), since random bytes alone rarely get past a reader's first check.
"""
from __future__ import annotations

import gzip
import io
import json
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from newsgraph.read import ReadOptions, ReadProblem, read_inputs
from newsgraph.record import Article

PROPERTY = settings(max_examples=60, deadline=None, derandomize=True, database=None,
                    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])

STORY = "Officials in Accra said on Monday that talks with Nigeria on border trade would resume next week."


def check(path: Path) -> list[Article | ReadProblem]:
    """Read ``path`` and check the contract: articles with text, or problems that are one line
    naming the file, none of them a reader's internal failure."""
    items = list(read_inputs([str(path)], ReadOptions()))
    for item in items:
        if isinstance(item, Article):
            assert isinstance(item.text, str) and item.text.strip()
            assert isinstance(item.title, str)
            continue
        assert isinstance(item, ReadProblem), item
        line = str(item)
        assert line.startswith(str(path)) and item.message.strip()
        assert "\n" not in line and "\r" not in line, line
        assert "the reader failed" not in item.message, line  # an exception the reader did not expect
    return items


def damaged(valid: bytes) -> st.SearchStrategy[bytes]:
    """``valid`` cut short, with bytes overwritten, or with NULs, control characters and stray
    non-UTF-8 bytes inserted: the damage files really come with."""
    n = len(valid)

    def apply(edits: list[tuple[str, int, bytes]]) -> bytes:
        data = bytearray(valid)
        for kind, pos, junk in edits:
            pos = pos % (len(data) + 1)
            if kind == "cut":
                del data[pos:]
            elif kind == "overwrite":
                data[pos:pos + len(junk)] = junk
            else:
                data[pos:pos] = junk
        return bytes(data)

    junk = st.one_of(st.binary(min_size=1, max_size=8),
                     st.sampled_from([b"\x00", b"\xe9", b"\x1b", b"\xff\xfe", b"\n"]))
    edit = st.tuples(st.sampled_from(["cut", "overwrite", "insert"]), st.integers(0, max(n, 1)), junk)
    return st.lists(edit, min_size=1, max_size=4).map(apply)


def property_test(tmp_path: Path, capfd, name: str, strategy: st.SearchStrategy[bytes]) -> None:
    path = tmp_path / name

    @PROPERTY
    @given(strategy)
    def holds(data: bytes) -> None:
        path.write_bytes(data)
        check(path)

    holds()
    assert capfd.readouterr().err == ""  # warcio and friends print nothing of their own


def jsonl_bytes() -> bytes:
    rows = [{"id": f"s{i}", "title": f"Story {i}", "published": "2024-03-04", "text": f"{STORY} ({i})"}
            for i in range(4)]
    return "\n".join(json.dumps(r) for r in rows).encode() + "\n{\"title\": \"Zürich\", \"text\": \"é\"}\n".encode()


def html_bytes(depth: int = 3) -> bytes:
    return (f"<!doctype html><html><head><meta charset='utf-8'><title>Talks resume</title></head><body>"
            f"<nav>Home | World</nav>{'<div>' * depth}<article><h1>Talks resume</h1><p>{STORY}</p>"
            f"<p>Délégués met in Zürich, officials said.</p></article>{'</div>' * depth}</body></html>").encode()


def warc_bytes(gz: bool) -> bytes:
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    buf = io.BytesIO()
    writer = WARCWriter(buf, gzip=gz)
    for i in range(2):
        headers = StatusAndHeaders("200 OK", [("Content-Type", "text/html; charset=utf-8")], protocol="HTTP/1.1")
        writer.write_record(writer.create_warc_record(f"https://example.org/{i}", "response",
                                                      payload=io.BytesIO(html_bytes()), http_headers=headers))
    return buf.getvalue()


RSS = (f'<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>Wire</title>'
       f'<item><title>Talks resume</title><link>https://example.org/a</link><pubDate>Mon, 04 Mar 2024 10:00:00 GMT'
       f'</pubDate><description>&lt;p&gt;{STORY}&lt;/p&gt;</description></item></channel></rss>').encode()


def test_any_bytes_as_plain_text(tmp_path, capfd):
    property_test(tmp_path, capfd, "story.txt",
                  st.one_of(st.binary(max_size=2000), damaged(f"Talks resume\n\n{STORY} Zürich.\n".encode())))


def test_any_bytes_as_jsonl(tmp_path, capfd):
    property_test(tmp_path, capfd, "wire.jsonl", st.one_of(st.binary(max_size=2000), damaged(jsonl_bytes())))


def test_any_json_values_as_jsonl(tmp_path, capfd):
    # Valid JSON of any shape: objects with odd types where strings are expected, lists, numbers.
    values = st.recursive(st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=40),
                          lambda inner: st.lists(inner, max_size=4)
                          | st.dictionaries(st.text(max_size=8), inner, max_size=4),
                          max_leaves=12)
    keys = ("text", "title", "url", "published", "outlet", "id")
    keyed = st.fixed_dictionaries({}, optional={k: values for k in keys})
    lines = st.lists(st.one_of(keyed, values).map(lambda v: json.dumps(v).encode()), min_size=1, max_size=6)
    property_test(tmp_path, capfd, "wire.jsonl", lines.map(b"\n".join))


def test_any_bytes_as_gzipped_jsonl(tmp_path, capfd):
    property_test(tmp_path, capfd, "wire.jsonl.gz",
                  st.one_of(st.binary(max_size=500), damaged(gzip.compress(jsonl_bytes())),
                            damaged(jsonl_bytes()).map(gzip.compress)))


def test_any_bytes_as_json(tmp_path, capfd):
    as_list = b"[" + jsonl_bytes().replace(b"\n", b",")[:-1] + b"]"
    property_test(tmp_path, capfd, "wire.json", st.one_of(st.binary(max_size=1000), damaged(as_list)))


def test_any_bytes_as_html(tmp_path, capfd):
    property_test(tmp_path, capfd, "page.html",
                  st.one_of(st.binary(max_size=2000), damaged(html_bytes()), damaged(html_bytes(depth=400))))


def test_any_bytes_as_warc(tmp_path, capfd):
    property_test(tmp_path, capfd, "crawl.warc", st.one_of(st.binary(max_size=1000), damaged(warc_bytes(gz=False))))


def test_any_bytes_as_gzipped_warc(tmp_path, capfd):
    property_test(tmp_path, capfd, "crawl.warc.gz",
                  st.one_of(damaged(warc_bytes(gz=True)), damaged(warc_bytes(gz=False)).map(gzip.compress)))


def test_any_bytes_as_a_feed(tmp_path, capfd):
    property_test(tmp_path, capfd, "wire.rss", st.one_of(st.binary(max_size=1000), damaged(RSS)))


def test_any_bytes_in_a_file_of_unknown_type(tmp_path, capfd):
    # No suffix: the reader is picked by sniffing the first bytes, so each format's start is tried.
    starts = st.sampled_from([b"", b"WARC/1.0\r\n", b"<rss", b"<html><body>", b"{", b"\x1f\x8b", b"<"])
    property_test(tmp_path, capfd, "download", st.tuples(starts, st.binary(max_size=800)).map(b"".join))
