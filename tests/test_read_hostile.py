"""Hostile input: damage costs the line or record it is in, never the file, and is named.

NUL bytes in a JSON line, a stray Latin-1 byte in a UTF-8 file, a story inside 100,000
``<div>``s, a folder with files of unknown type, a library's own log lines. Every fixture is
written here, in tmp_path.
"""
from __future__ import annotations

import io
import json
import logging
from pathlib import Path

from newsgraph.read import READERS, ReadProblem, read_inputs
from newsgraph.read.html import MAX_DEPTH, flatten_html, nesting_depth
from newsgraph.record import Article

STORY = ("An aid convoy reached the besieged town on Saturday, the World Food Programme said, "
         "after weeks of talks between the two sides.")


def split(items) -> tuple[list[Article], list[ReadProblem]]:
    items = list(items)
    return [i for i in items if isinstance(i, Article)], [i for i in items if isinstance(i, ReadProblem)]


def jsonl_lines(n: int) -> list[bytes]:
    return [json.dumps({"id": f"s{i}", "title": f"Story {i}", "text": f"{STORY} Report {i}."}).encode()
            for i in range(n)]


# --- NUL bytes and control characters: judged line by line in JSONL, record by record in WARC ---

def test_a_nul_byte_early_in_a_jsonl_file_costs_its_line_only(tmp_path):
    lines = jsonl_lines(90)
    lines[3] = lines[3][:20] + b"\x00" + lines[3][20:]  # well inside the first 8 KB
    f = tmp_path / "wire.jsonl"
    f.write_bytes(b"\n".join(lines) + b"\n")
    arts, problems = split(read_inputs([str(f)]))
    assert len(arts) == 89 and "Story 3" not in {a.title for a in arts}
    assert [str(p) for p in problems] == [f"{f}:4: line holds binary data (NUL bytes), not text"]


def test_a_line_of_control_characters_costs_its_line_only(tmp_path):
    lines = jsonl_lines(3)
    lines[1] = b"\x1b\x07\x08\x1b\x07\x08" * 10
    f = tmp_path / "wire.jsonl"
    f.write_bytes(b"\n".join(lines))
    arts, problems = split(read_inputs([str(f)]))
    assert [a.title for a in arts] == ["Story 0", "Story 2"]
    assert [str(p) for p in problems] == [f"{f}:2: line holds binary data (control characters), not text"]


def test_a_jsonl_file_that_is_mostly_binary_is_one_line(tmp_path):
    f = tmp_path / "blob.jsonl"
    f.write_bytes(jsonl_lines(1)[0] + b"\n" + b"\n".join(bytes([0, 1, 2, i]) * 20 for i in range(10)))
    assert [str(p) for p in read_inputs([str(f)])] == [f"{f}: binary file (binary data (NUL bytes)), not text"]


def test_a_warc_record_of_binary_data_costs_that_record_only(tmp_path):
    from test_read_archives import STORIES, page
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    buf = io.BytesIO()
    writer = WARCWriter(buf, gzip=True)
    for i, (url, title, sentence) in enumerate(STORIES):
        body = page(title, sentence).encode()
        if i == 0:
            body = body.replace(b"<p>", b"<p>\x00\x01\x02", 1)
        headers = StatusAndHeaders("200 OK", [("Content-Type", "text/html")], protocol="HTTP/1.1")
        writer.write_record(writer.create_warc_record(url, "response", payload=io.BytesIO(body), http_headers=headers))
    f = tmp_path / "crawl.warc.gz"
    f.write_bytes(buf.getvalue())
    arts, problems = split(read_inputs([str(f)]))
    assert [a.title for a in arts] == ["Curfew lifted", "Navies hold drill"]
    assert [str(p) for p in problems] == [
        f"{f}#1: https://example.org/news/port-deal: binary file (binary data (NUL bytes)), not text"]


# --- encodings: stray bytes are repaired, and the lines named ---

def test_one_stray_latin1_byte_in_a_utf8_file_is_repaired_and_named(tmp_path):
    f = tmp_path / "story.txt"
    f.write_bytes("Talks in Zürich\n\nThe ministers met in Zürich on Monday.\n".encode()
                  + b"The caf\xe9 near the venue stayed shut, officials said.\n")
    items = list(read_inputs([str(f)]))
    warning, article = items
    # Every UTF-8 letter stays as written (no "ZÃ¼rich"), the stray byte is read as Windows-1252.
    assert article.title == "Talks in Zürich"
    assert "met in Zürich" in article.text and "The café near the venue" in article.text
    assert (str(warning), warning.severity, warning.fatal) == (
        f"{f}:4: 1 byte not valid UTF-8, read as Windows-1252", "warning", False)


def test_one_stray_byte_in_an_ascii_file_is_repaired_and_named(tmp_path):
    f = tmp_path / "story.txt"
    f.write_bytes(f"Talks resume\n\n{STORY}\n\n{STORY}\n\n".encode() + b"The caf\xe9 stayed shut.\n")
    warning, article = read_inputs([str(f)])
    assert "The café stayed shut." in article.text
    assert str(warning) == f"{f}:7: 1 byte not valid UTF-8, read as Windows-1252"


def test_repaired_lines_are_listed_in_one_warning(tmp_path):
    f = tmp_path / "story.txt"
    # Half the paragraphs pasted from a Latin-1 source: more stray bytes than UTF-8 letters.
    lines = [f"Paragraph {i}: Zürich.".encode() if i % 2 else f"Paragraph {i}: the délégués met.".encode("latin-1")
             for i in range(24)]
    f.write_bytes(b"Headline\n\n" + b"\n".join(lines) + b"\n")
    warning, article = read_inputs([str(f)])
    assert "the délégués met" in article.text and "Zürich" in article.text
    assert str(warning) == (f"{f}: 36 bytes not valid UTF-8, read as Windows-1252 "
                            f"(lines 3, 5, 7, 9, 11, 13, 15, 17 and 4 more)")


def test_a_wholly_legacy_file_is_decoded_without_a_warning(tmp_path):
    f = tmp_path / "latin1.txt"
    f.write_bytes("Grève générale\n\nLes syndicats ont appelé à une grève générale jeudi à Marseille.\n"
                  .encode("cp1252"))
    (article,) = read_inputs([str(f)])  # one encoding for the whole file: nothing was repaired
    assert article.title == "Grève générale" and article.metadata["encoding"] != "utf-8"


def test_a_stray_byte_in_an_html_page_declared_utf8_is_repaired(tmp_path):
    f = tmp_path / "page.html"
    f.write_bytes(("<html><head><meta charset='utf-8'><title>Talks in Zürich</title></head><body><article>"
                   f"<p>{STORY} The ministers met in Zürich.</p>\n<p>The caf").encode()
                  + b"\xe9 stayed shut.</p></article></body></html>")
    warning, article = read_inputs([str(f)])
    assert "met in Zürich" in article.text and "The café stayed shut" in article.text
    assert str(warning) == f"{f}:2: 1 byte not valid UTF-8, read as Windows-1252"


# --- deep nesting ---

def nested(depth: int, inner: str) -> str:
    return (f"<html><head><title>Convoy arrives</title></head><body>{'<div>' * depth}{inner}"
            f"{'</div>' * depth}</body></html>")


ARTICLE = f"<article><h1>Convoy arrives</h1><p>{STORY}</p><p>Food was handed out on Sunday.</p></article>"


def test_a_story_inside_100000_divs_reads_as_it_does_inside_10(tmp_path):
    shallow, deep = tmp_path / "shallow.html", tmp_path / "deep.html"
    shallow.write_text(nested(10, ARTICLE))
    deep.write_text(nested(100_000, ARTICLE))
    (a,), (b,) = read_inputs([str(shallow)]), read_inputs([str(deep)])
    assert isinstance(b, Article), str(b)
    assert (b.title, b.text) == (a.title, a.text)
    assert "Food was handed out on Sunday." in b.text


def test_a_deep_page_with_no_story_is_refused_with_the_true_reason(tmp_path):
    f = tmp_path / "deep.html"
    f.write_text(nested(5_000, "<nav><a href='/'>Home</a></nav>"))
    (problem,) = read_inputs([str(f)])
    depth = nesting_depth(f.read_text())
    assert depth > 5_000
    assert str(problem) == f"{f}: HTML page with no article text (tags nested {depth:,} deep, flattened to read it)"


def test_flattening_keeps_every_word_and_the_page_shallow():
    page = nested(3_000, "<section>" * 400 + ARTICLE + "</section>" * 400)
    flat = flatten_html(page)
    assert nesting_depth(page) > 3_000 and nesting_depth(flat) <= MAX_DEPTH
    assert STORY in flat and "<h1>Convoy arrives</h1>" in flat


# --- folders and library logs ---

def test_files_of_unknown_type_in_a_folder_are_named_as_skipped(tmp_path):
    (tmp_path / "a.txt").write_text(f"One\n\n{STORY}\n")
    (tmp_path / "photo.png").write_bytes(b"\x89PNG")
    (tmp_path / "notes.docx").write_bytes(b"PK\x03\x04")
    arts, problems = split(read_inputs([str(tmp_path)]))
    assert [a.title for a in arts] == ["One"]
    assert [(str(p), p.severity) for p in problems] == [
        (f"{tmp_path / 'notes.docx'}: unknown file type, left out", "skipped"),
        (f"{tmp_path / 'photo.png'}: unknown file type, left out", "skipped")]


def test_trafilatura_log_lines_do_not_reach_the_user(tmp_path, caplog):
    # The CLI logs through a handler on the root logger (logging.basicConfig), as here, at -v.
    seen: list[logging.LogRecord] = []
    handler = logging.Handler(logging.DEBUG)
    handler.emit = seen.append
    root = logging.getLogger()
    caplog.set_level(logging.DEBUG)
    root.addHandler(handler)
    try:
        f = tmp_path / "nav.html"
        f.write_text("<html><body><nav><a href='/'>Home</a></nav></body></html>")  # trafilatura: "discarding data"
        (problem,) = read_inputs([str(f)])
    finally:
        root.removeHandler(handler)
    assert problem.message == "HTML page with no article text (empty body or only navigation)"
    assert seen and {r.name for r in seen} == {"newsgraph.read"}  # re-logged as ours...
    assert {r.levelno for r in seen} == {logging.DEBUG}  # ...at debug level, seen with -v only


def test_a_reader_that_crashes_costs_its_file_only(tmp_path, monkeypatch):
    def broken(path, options):
        raise KeyError("a bug")
        yield  # noqa: unreachable -- a generator, as readers are

    monkeypatch.setitem(READERS, ".txt", broken)
    (tmp_path / "a.txt").write_text("x")
    (tmp_path / "b.jsonl").write_bytes(jsonl_lines(1)[0])
    arts, problems = split(read_inputs([str(tmp_path / "a.txt"), str(tmp_path / "b.jsonl")]))
    assert [a.title for a in arts] == ["Story 0"]
    assert [str(p) for p in problems] == [f"{tmp_path / 'a.txt'}: cannot read: the reader failed (KeyError: 'a bug')"]


def test_json_values_of_the_wrong_type_are_kept_as_metadata(tmp_path):
    f = tmp_path / "odd.jsonl"
    f.write_text(json.dumps({"title": "Odd", "text": STORY, "url": {"href": "x"}, "outlet": ["A", "B"]}) + "\n"
                 + "[" * 100_000 + "\n" + '{"text": 1' + "0" * 5000 + "}\n")
    arts, problems = split(read_inputs([str(f)]))
    (a,) = arts
    assert (a.url, a.outlet, a.metadata["url_raw"], a.metadata["outlet_raw"]) == (None, None, {"href": "x"}, ["A", "B"])
    assert [p.message for p in problems] == ["malformed JSON line (nested too deeply)",
                                             "malformed JSON line (a number too long to read)"]


def test_no_path_is_needed_in_the_message_twice(tmp_path):
    # A problem names its input once, at the start: "path:line: message".
    f = tmp_path / "wire.jsonl"
    f.write_bytes(b"{oops\n")
    (problem,) = read_inputs([str(f)])
    assert str(problem).count(str(f)) == 1 and Path(problem.source.rsplit(":", 1)[0]) == f


def test_a_warc_record_declaring_a_nonsense_charset_is_still_read(tmp_path):
    from test_read_archives import STORIES, page
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    buf = io.BytesIO()
    writer = WARCWriter(buf, gzip=False)
    for (url, title, sentence), charset in zip(STORIES, ["utf\x00-8", "base64", "no-such-charset"]):
        headers = StatusAndHeaders("200 OK", [("Content-Type", f"text/html; charset={charset}")], protocol="HTTP/1.1")
        body = io.BytesIO(page(title, sentence).encode())
        writer.write_record(writer.create_warc_record(url, "response", payload=body, http_headers=headers))
    f = tmp_path / "crawl.warc"
    f.write_bytes(buf.getvalue())
    arts, problems = split(read_inputs([str(f)]))
    assert not problems
    assert [a.title for a in arts] == ["Port deal signed", "Curfew lifted", "Navies hold drill"]
