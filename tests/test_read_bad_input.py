"""Bad input: each gives one clear line naming the file (and line); the rest of the batch is read.

Every fixture is written here, in tmp_path; the big file is sparse, so it costs no disk.
"""
from __future__ import annotations

import gzip
import os
from pathlib import Path

import pytest

from newsgraph.read import ReadOptions, ReadProblem, read_inputs
from newsgraph.record import Article

GOOD = "Aid convoy reaches town\n\nAn aid convoy reached the besieged town on Saturday, the World Food Programme said.\n"


def problems_for(path: Path, **options) -> list[str]:
    items = list(read_inputs([str(path)], ReadOptions(**options)))
    assert all(isinstance(i, ReadProblem) for i in items), items
    return [str(i) for i in items]


def write(tmp_path: Path, name: str, content: bytes | str) -> Path:
    f = tmp_path / name
    f.write_bytes(content if isinstance(content, bytes) else content.encode("utf-8"))
    return f


@pytest.mark.parametrize("name, content, message", [
    ("empty.txt", b"", "empty file"),
    ("blank.txt", b"\n  \n\t\n", "empty file"),
    ("empty.jsonl", b"", "empty file"),
    ("empty.html", b"", "empty file"),
    ("empty.rss", b"", "empty file"),
    ("empty.warc", b"", "empty file"),
    ("headline-only.txt", b"Just a headline\n", "no text after the headline"),
    ("photo.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)), "binary file (a PNG image), not text"),
    ("report.html", b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj", "binary file (a PDF document), not text"),
    ("blob.jsonl", bytes(range(256)) * 4, "binary file (binary data (NUL bytes)), not text"),
    ("no-body.html", b"<html><head><title>Nothing here</title></head><body></body></html>",
     "HTML page with no article text (empty body or only navigation)"),
    ("nav-only.html", b"<html><body><nav><a href='/'>Home</a> | <a href='/w'>World</a></nav></body></html>",
     "HTML page with no article text (empty body or only navigation)"),
    ("no-items.rss", b'<?xml version="1.0"?><rss version="2.0"><channel><title>Wire</title></channel></rss>',
     "feed with no items"),
    ("no-entries.atom", b'<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom"><title>W</title></feed>',
     "feed with no items"),
    ("config.xml", b'<?xml version="1.0"?><settings><a>1</a></settings>', "XML file that is not an RSS or Atom feed"),
    ("cut.jsonl.gz", gzip.compress(b'{"title": "A", "text": "Troops left the base on Monday."}\n' * 50)[:-30],
     "truncated gzip file (the compressed stream ends early)"),
    ("fake.warc", b"this is not an archive\n" * 3, "not a WARC file (it does not start with a WARC record)"),
    ("data.parquet", b"PAR1\x00\x15\x04", "binary file"),
])
def test_each_bad_file_gives_one_line_naming_it(tmp_path, name, content, message):
    f = write(tmp_path, name, content)
    (line,) = problems_for(f)
    assert line.startswith(f"{f}: ")
    assert message in line


def test_file_over_the_size_limit_is_refused_before_reading(tmp_path):
    f = tmp_path / "huge.txt"
    with f.open("wb") as fh:  # a sparse 51 MB file: over the 50 MB default
        fh.truncate(51 * 1024 * 1024)
    assert problems_for(f) == [f"{f}: file is 51.0 MB, over the 50.0 MB limit (raise it with NEWSGRAPH_MAX_BYTES)"]


def test_size_limit_is_an_option(tmp_path):
    f = write(tmp_path, "story.txt", GOOD)
    (line,) = problems_for(f, max_bytes=20)
    assert "over the 20 bytes limit" in line


def test_malformed_json_lines_name_the_line_and_the_others_are_read(tmp_path):
    f = write(tmp_path, "mixed.jsonl", '{"title": "A", "text": "Police in Quito arrested two men on Monday."}\n'
                                       '{"title": "B", "text": "unterminated\n'
                                       '["not", "an", "object"]\n'
                                       '{"title": "C"}\n'
                                       '\n'
                                       '{"title": "D", "text": "Farmers in Lyon blocked roads on Friday."}\n')
    items = list(read_inputs([str(f)]))
    assert [i.title for i in items if isinstance(i, Article)] == ["A", "D"]
    assert [str(i) for i in items if isinstance(i, ReadProblem)] == [
        f"{f}:2: malformed JSON line (Unterminated string starting at, column 24)",
        f"{f}:3: expected a JSON object, got list",
        f"{f}:4: no article text (expected a non-empty \"text\" key)",
    ]


def test_invalid_utf8_is_decoded_by_detection(tmp_path):
    text = ("Grève à Marseille\n\nLes dockers de Marseille ont entamé une grève mardi, selon les syndicats, "
            "qui réclament de meilleurs salaires.\n")
    f = write(tmp_path, "cp1252.txt", text.encode("cp1252"))
    (a,) = read_inputs([str(f)])
    assert a.title == "Grève à Marseille"
    assert a.skipped and a.language == "fr"  # decoded, then set aside as not English


def test_missing_path_and_directory_without_readable_files(tmp_path):
    (tmp_path / "empty-dir").mkdir()
    (tmp_path / "other-dir").mkdir()
    (tmp_path / "other-dir" / "image.png").write_bytes(b"\x89PNG")
    lines = [str(p) for p in read_inputs([str(tmp_path / "missing.txt"), str(tmp_path / "empty-dir"),
                                          str(tmp_path / "other-dir")])]
    assert lines == [f"{tmp_path / 'missing.txt'}: no such file",
                     f"{tmp_path / 'empty-dir'}: empty directory",
                     f"{tmp_path / 'other-dir'}: directory holds no readable files (1 of unknown type)"]


@pytest.mark.skipif(not hasattr(os, "geteuid") or os.geteuid() == 0, reason="root can read any file")
def test_unreadable_file(tmp_path):
    f = write(tmp_path, "secret.txt", GOOD)
    f.chmod(0)
    assert problems_for(f) == [f"{f}: cannot read: permission denied"]


def test_fifo_is_not_a_regular_file(tmp_path):
    if not hasattr(os, "mkfifo"):
        pytest.skip("no FIFOs here")
    fifo = tmp_path / "pipe.txt"
    os.mkfifo(fifo)
    assert problems_for(fifo) == [f"{fifo}: not a regular file"]


def test_one_bad_file_never_stops_the_batch(tmp_path):
    bad = [write(tmp_path, "empty.txt", b""), write(tmp_path, "binary.txt", b"\x00\x01\x02" * 100),
           write(tmp_path, "broken.jsonl", b"{nope\n"), write(tmp_path, "no-items.rss", b'<rss version="2.0"><channel/></rss>'),
           tmp_path / "missing.html"]
    good = write(tmp_path, "good.txt", GOOD)
    items = list(read_inputs([str(p) for p in bad[:3]] + [str(good)] + [str(p) for p in bad[3:]]))
    assert [i.title for i in items if isinstance(i, Article)] == ["Aid convoy reaches town"]
    problems = [i for i in items if isinstance(i, ReadProblem)]
    assert [p.source.split(":")[0] for p in problems] == [str(p) for p in bad]


def test_one_jsonl_line_in_a_legacy_encoding_does_not_garble_the_others(tmp_path):
    f = write(tmp_path, "mixed-encodings.jsonl",
              '{"title": "Café talks", "text": "Ministers met in a café in Algiers on Monday, officials said."}\n'.encode()
              + '{"title": "Grève", "text": "Les dockers du Havre sont en grève depuis lundi, selon la CGT."}\n'.encode("cp1252"))
    warning, first, second = read_inputs([str(f)])
    assert first.title == "Café talks" and "café in Algiers" in first.text
    assert second.title == "Grève" and "en grève depuis" in second.text
    # Line 2 was read, and the user is told which line needed the repair.
    assert (str(warning), warning.severity) == (f"{f}:2: 2 bytes not valid UTF-8, read as Windows-1252", "warning")
