"""What ``newsgraph ingest`` and ``newsgraph extract`` say about bad input: one line per
problem, however long, never wrapped; a closing count of every input that failed.

CliRunner's stderr is not a terminal, as in CI. The pipeline is a stand-in that fails the way
spaCy does on a text over its ``max_length`` (E088), so no model is loaded and no 5 MB text
is parsed.
"""
from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from typer.testing import CliRunner

from newsgraph.cli import app
from newsgraph.pipeline import Outcome
from newsgraph.record import Event, Record

STORY = "Officials said on Monday that talks on border trade would continue next week in the capital."
# spaCy's message for a text over nlp.max_length, as the pipeline records it (type: message).
E088 = ("ValueError: [E088] Text of length {n} exceeds maximum of 1000000. The parser and NER models require roughly "
        "1GB of temporary memory per 100,000 characters in the input. This means long texts may cause memory "
        "allocation errors. If you're not using the parser or NER, it's probably safe to increase the "
        "`nlp.max_length` limit. The limit is in number of characters, so you can check whether your inputs are "
        "too long by checking `len(text)`.")


def spacy_like_extract_many(articles, config):
    """Stand-in pipeline: one event per article; a text over spaCy's max_length fails with E088."""
    for art in articles:
        source = art.source or art.id
        if art.skipped:
            yield Outcome(source, record=Record(article=art), skipped=art.skipped)
        elif len(art.text) > 1_000_000:
            yield Outcome(source, error=E088.format(n=len(art.text)))
        else:
            yield Outcome(source, record=Record(article=art, events=[Event(id="e1", type="STATEMENT")]))


@pytest.fixture
def pipeline(monkeypatch):
    monkeypatch.setattr("newsgraph.ingest.extract_many", spacy_like_extract_many)
    monkeypatch.setattr("newsgraph.cli.extract.extract_many", spacy_like_extract_many)


def corpus(path: Path, texts: list[str]) -> Path:
    path.write_text("".join(json.dumps({"id": f"s{i}", "title": f"Story {i}", "text": t}) + "\n"
                            for i, t in enumerate(texts)), encoding="utf-8")
    return path


def lines(text: str) -> list[str]:
    return [re.sub(r"\x1b\[[0-9;]*m", "", line) for line in text.splitlines() if line.strip()]  # colours aside


def ingest(*args: str):
    return CliRunner().invoke(app, ["ingest", *args])


def extract(*args: str):
    return CliRunner().invoke(app, ["extract", *args, "--format", "jsonl"])


def long_folder(tmp_path: Path) -> Path:
    """A folder whose path is over 600 characters: longer than any terminal is wide."""
    folder = tmp_path.joinpath(*["a-folder-with-a-rather-long-name-" + "x" * 150] * 4)
    folder.mkdir(parents=True)
    return folder


def test_a_problem_with_a_long_path_is_one_line(tmp_path, pipeline):
    folder = long_folder(tmp_path)
    good = corpus(folder / "good.jsonl", [STORY])
    (folder / "empty.jsonl").write_text("")
    db = tmp_path / "ng.db"  # SQLite refuses paths over 512 characters
    result = ingest(str(good), str(folder / "empty.jsonl"), "--db", str(db))
    assert result.exit_code == 0, result.output
    assert lines(result.stderr) == [f"unreadable {folder / 'empty.jsonl'}: empty file"]
    # The closing lines stay whole too.
    assert lines(result.stdout) == ["1 ingested · 0 duplicates · 0 skipped · 0 failed · 1 unreadable",
                                    f"store {db}: 1 articles, 1 events, 0 actors, 0 claims"]
    result = extract(str(good), str(folder / "empty.jsonl"))
    assert lines(result.stderr) == [f"unreadable {folder / 'empty.jsonl'}: empty file",
                                    "1 article processed; 1 input failed: 1 unreadable, 0 failed to extract"]


def test_a_5mb_article_in_a_batch_is_one_short_line_and_counted(tmp_path, pipeline):
    big = "Talks went on. " * (5 * 1024 * 1024 // 15)
    wire = corpus(tmp_path / "wire.jsonl", [STORY, big, STORY + " Again.", STORY + " Once more."])
    result = ingest(str(wire), "--db", str(tmp_path / "ng.db"))
    assert result.exit_code == 0, result.output
    (line,) = lines(result.stderr)
    assert line.startswith(f"failed {wire}:2: ValueError: [E088] Text of length {len(big)} exceeds maximum of 1000000.")
    assert len(line) - len(str(wire)) <= 220  # the gist of spaCy's 400 characters
    assert lines(result.stdout)[0] == "3 ingested · 0 duplicates · 0 skipped · 1 failed"

    result = extract(str(wire))
    assert [json.loads(r)["article"]["title"] for r in result.stdout.splitlines()] == ["Story 0", "Story 2", "Story 3"]
    assert lines(result.stderr) == [line, "3 articles processed; 1 input failed: 0 unreadable, 1 failed to extract"]


def test_the_closing_count_includes_extraction_failures(tmp_path, pipeline):
    # The only article fails in extraction: before, the closing line said "0 input problem(s)".
    wire = corpus(tmp_path / "wire.jsonl", ["x" * 1_000_001])
    (tmp_path / "empty.txt").write_text("")
    result = extract(str(wire), str(tmp_path / "empty.txt"))
    assert result.exit_code == 1
    assert lines(result.stderr)[-1] == ("error: nothing could be processed "
                                        "(2 inputs failed: 1 unreadable, 1 failed to extract)")
    result = ingest(str(wire), str(tmp_path / "empty.txt"), "--db", str(tmp_path / "ng.db"))
    assert result.exit_code == 1
    assert lines(result.stderr)[-1] == ("error: nothing could be processed "
                                        "(2 inputs failed: 1 unreadable, 1 failed to extract or store)")


def test_files_of_unknown_type_in_a_folder_are_listed_and_counted(tmp_path, pipeline):
    folder = tmp_path / "in"
    folder.mkdir()
    corpus(folder / "wire.jsonl", [STORY])
    (folder / "photo.png").write_bytes(b"\x89PNG")
    result = ingest(str(folder), "--db", str(tmp_path / "ng.db"), "--json")
    assert lines(result.stderr) == [f"skipped {folder / 'photo.png'}: unknown file type, left out"]
    assert json.loads(result.stdout)["left_out"] == 1
    result = ingest(str(folder), "--db", str(tmp_path / "other.db"))
    assert lines(result.stdout)[0] == ("1 ingested · 0 duplicates · 0 skipped · 0 failed · "
                                       "1 file of unknown type skipped")


def test_a_repaired_file_is_a_warning_not_a_failure(tmp_path, pipeline):
    f = tmp_path / "story.txt"
    f.write_bytes(f"Talks in Zürich\n\n{STORY}\n".encode() + b"The caf\xe9 stayed shut.\n")
    result = ingest(str(f), "--db", str(tmp_path / "ng.db"))
    assert result.exit_code == 0
    assert lines(result.stderr) == [f"warning {f}:4: 1 byte not valid UTF-8, read as Windows-1252"]
    assert lines(result.stdout)[0] == "1 ingested · 0 duplicates · 0 skipped · 0 failed · 1 repaired"


def test_file_names_are_printed_as_text(tmp_path, pipeline):
    # Square brackets are not markup, a newline or an escape sequence does not break the line.
    odd = [tmp_path / "[red]wire.jsonl", tmp_path / "two\nlines.jsonl", tmp_path / "bell\x1b[31m.jsonl"]
    for f in odd:
        f.write_text("")
    good = corpus(tmp_path / "good.jsonl", [STORY])
    result = ingest(str(good), *map(str, odd), "--db", str(tmp_path / "ng.db"))
    assert result.exit_code == 0, result.output
    assert lines(result.stderr) == [f"unreadable {tmp_path}/[red]wire.jsonl: empty file",
                                        f"unreadable {tmp_path}/two\\nlines.jsonl: empty file",
                                        f"unreadable {tmp_path}/bell\\x1b[31m.jsonl: empty file"]


def test_stored_titles_and_names_with_brackets_are_shown_as_written(tmp_path, monkeypatch):
    from test_store import make_record

    from newsgraph.store import open_store

    monkeypatch.setenv("COLUMNS", "160")  # the tables' width, whatever the terminal running the tests
    record = make_record(1)
    record.article.title = "Talks [/] resume [bold]"
    record.actors[0].name = "Sergei [/red] Lavrov"
    db = str(tmp_path / "ng.db")
    with open_store(db) as store:
        store.add(record)
    shown = CliRunner().invoke(app, ["show", "art1", "--db", db])
    assert shown.exit_code == 0, shown.output
    assert "Talks [/] resume [bold]" in shown.stdout and "Sergei [/red] Lavrov" in shown.stdout
    listed = CliRunner().invoke(app, ["events", "--db", db])
    assert listed.exit_code == 0, listed.output
    assert "Sergei [/red]" in listed.stdout
