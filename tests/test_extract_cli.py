"""``newsgraph extract``: invoked as a user would, its JSON lines parsed.

Most tests replace the model-backed stages with the cleaner alone (``reader_only``), so
they test reading, cleaning, output and exit status without loading spaCy; the seed test
runs the real pipeline.
"""
from __future__ import annotations

import json

import pytest
from typer.testing import CliRunner

from newsgraph.cli import app
from newsgraph.clean import clean

GOOD = ("Ministers meet in Accra\n\nBy Kofi Mensah\n\nThe foreign ministers of Ghana and Nigeria met in Accra on "
        "Monday to discuss border trade, a spokeswoman for the Ghanaian foreign ministry said.\n\n"
        "Ministers meet in Accra\n\nShare this article\n")


@pytest.fixture
def reader_only(monkeypatch):
    """The pipeline without the model: read and clean only."""
    from newsgraph.pipeline import Outcome
    from newsgraph.record import Record

    def read_and_clean(articles, config):
        for article in articles:
            source = article.source or article.id
            if article.skipped:
                yield Outcome(source, record=Record(article=article), skipped=article.skipped)
            else:
                yield Outcome(source, record=clean(article))

    monkeypatch.setattr("newsgraph.cli.extract.extract_many", read_and_clean)


def run(*args, stdin: str | None = None):
    return CliRunner().invoke(app, ["extract", *args], input=stdin)


def records(result) -> list[dict]:
    return [json.loads(line) for line in result.stdout.splitlines() if line.strip()]


def test_txt_gives_one_contract_record(tmp_path, reader_only):
    f = tmp_path / "accra.txt"
    f.write_text(GOOD)
    result = run(str(f), "--published", "2024-03-04", "--outlet", "Example Wire", "--format", "jsonl")
    assert result.exit_code == 0, result.output
    (rec,) = records(result)
    assert rec["schema"] == "newsgraph.article/1"
    art = rec["article"]
    assert (art["title"], art["published"], art["outlet"], art["language"]) == (
        "Ministers meet in Accra", "2024-03-04", "Example Wire", "en")
    assert art["text"].startswith("The foreign ministers of Ghana and Nigeria")
    assert [(r["text"], r["reason"]) for r in art["removed"]] == [
        ("By Kofi Mensah", "byline"), ("Ministers meet in Accra", "repeated headline"),
        ("Share this article", "boilerplate")]
    assert {"actors", "events", "claims", "timexes", "places"} <= set(rec)


def test_stdin(reader_only):
    result = run("-", "--format", "jsonl", stdin=GOOD)
    (rec,) = records(result)
    assert rec["article"]["title"] == "Ministers meet in Accra"


def test_bad_inputs_are_reported_and_the_rest_is_processed(tmp_path, reader_only):
    good = tmp_path / "good.txt"
    good.write_text(GOOD)
    empty = tmp_path / "empty.txt"
    empty.write_text("")
    broken = tmp_path / "broken.jsonl"
    broken.write_text('{"title": "x", "text": "Troops left Gao on Monday, officials said."}\n{oops\n')
    result = run(str(empty), str(good), str(broken), str(tmp_path / "missing.html"), "--format", "jsonl")
    assert result.exit_code == 0
    assert [r["article"]["title"] for r in records(result)] == ["Ministers meet in Accra", "x"]
    assert f"{empty}: empty file" in result.stderr
    assert f"{broken}:2: malformed JSON line" in result.stderr
    assert f"{tmp_path / 'missing.html'}: no such file" in result.stderr


def test_exit_status_is_non_zero_only_when_nothing_could_be_processed(tmp_path, reader_only):
    empty = tmp_path / "empty.txt"
    empty.write_text("")
    result = run(str(empty), str(tmp_path / "missing.txt"), "--format", "jsonl")
    assert result.exit_code == 1
    assert result.stdout == ""
    assert "nothing could be processed" in result.stderr


def test_non_english_article_is_printed_as_skipped_and_counts_as_processed(tmp_path, reader_only):
    f = tmp_path / "de.txt"
    f.write_text("Regierung plant neue Gespräche\n\nDie Bundesregierung will in der kommenden Woche neue Gespräche mit "
                 "den Ländern führen, sagte ein Sprecher am Dienstag in Berlin.\n")
    result = run(str(f), "--format", "jsonl")
    assert result.exit_code == 0
    (rec,) = records(result)
    assert rec["article"]["language"] == "de"
    assert rec["article"]["skipped"].startswith("not English (detected de")
    assert rec["events"] == []


def test_feed_with_pages(tmp_path, reader_only):
    (tmp_path / "wire.rss").write_text(
        '<?xml version="1.0"?><rss version="2.0"><channel><title>Example Wire</title>'
        '<item><title>Ministers meet in Accra</title><link>https://example.org/2024/ministers-meet</link>'
        '<pubDate>Mon, 04 Mar 2024 10:00:00 GMT</pubDate><description>Short summary.</description></item>'
        '</channel></rss>')
    pages = tmp_path / "pages"
    pages.mkdir()
    (pages / "ministers-meet.html").write_text(
        "<html><head><title>Ministers meet in Accra</title></head><body><article><h1>Ministers meet in Accra</h1>"
        "<p>The foreign ministers of Ghana and Nigeria met in Accra on Monday to discuss border trade, "
        "officials said.</p></article></body></html>")
    result = run(str(tmp_path / "wire.rss"), "--pages", str(pages), "--format", "jsonl")
    (rec,) = records(result)
    art = rec["article"]
    assert art["metadata"]["body_from"] == "page"
    assert art["text"].startswith("The foreign ministers of Ghana and Nigeria")
    assert (art["published"], art["outlet"]) == ("2024-03-04", "Example Wire")


def test_seed_article_is_read_and_cleaned(shared, reader_only):
    """The issue's acceptance command, stages after cleaning left out (the slow test below runs them)."""
    result = run(str(shared / "corpus/seed/kim-jong-un-russia.txt"), "--published", "2023-09-12", "--format", "jsonl")
    (rec,) = records(result)
    art = rec["article"]
    assert art["title"] == "North Korea’s Kim Jong Un in Russia amid U.S. warnings not to sell arms"
    assert [(r["reason"], r["line"]) for r in art["removed"]] == [
        ("repeated headline", 7), ("repeated headline", 8), ("repeated headline", 29), ("repeated headline", 49),
        ("boilerplate", 59), ("boilerplate", 61)]
    assert art["removed"][-1]["text"] == "Leave a Comment"
    assert art["removed"][-2]["text"].startswith("Also Read | North Korean leader")


@pytest.mark.slow
def test_seed_article_end_to_end(shared, nlp):
    """The issue's acceptance command, run in-process (the session's model is reused)."""
    seed = shared / "corpus/seed/kim-jong-un-russia.txt"
    result = run(str(seed), "--published", "2023-09-12", "--format", "jsonl")
    assert result.exit_code == 0, result.stderr
    (rec,) = records(result)
    art = rec["article"]
    assert art["title"] == "North Korea’s Kim Jong Un in Russia amid U.S. warnings not to sell arms"
    assert art["published"] == "2023-09-12"
    removed = [(r["text"], r["reason"]) for r in art["removed"]]
    assert sum(reason == "repeated headline" for _t, reason in removed) >= 3
    assert ("Leave a Comment", "boilerplate") in removed
    assert any(t.startswith("Also Read | ") and reason == "boilerplate" for t, reason in removed)
    assert "Leave a Comment" not in art["text"] and "Also Read" not in art["text"]
    for actor in rec["actors"]:
        for start, end in actor["mentions"]:
            assert 0 <= start < end <= len(art["text"])
