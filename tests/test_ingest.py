"""Ingest (:func:`newsgraph.ingest.ingest`, and ``newsgraph ingest`` over it) stores each article
once, records what failed, and never loses a committed batch.

Most tests swap the spaCy pipeline for a tiny stand-in (``fake_extract_many``) so they run in
milliseconds; one slow test runs the real pipeline over two VOA stories.
"""
from __future__ import annotations

import json

import pytest
from typer.testing import CliRunner

from newsgraph.cli import app
from newsgraph.config import Config
from newsgraph.pipeline import Outcome
from newsgraph.read import ReadOptions, read_inputs
from newsgraph.record import Actor, Event, Record
from newsgraph.store import open_store
from test_store_backends import store, store_url  # noqa: F401  (fixtures over SQLite and PostgreSQL)

import newsgraph.ingest as ingest_mod


def fake_extract_many(articles, config):
    """Stand-in for the pipeline: one STATEMENT event per article; "BOOM" in the text fails."""
    for art in articles:
        source = art.source or art.id
        if art.skipped:
            yield Outcome(source, record=Record(article=art), skipped=art.skipped)
        elif "BOOM" in art.text:
            yield Outcome(source, error="ValueError: cannot parse")
        else:
            actor = Actor(id="a1", name="Officials", type="group", country="USA", code="USAGOV")
            yield Outcome(source, record=Record(article=art, actors=[actor], events=[
                Event(id="e1", type="STATEMENT", actor="a1", actor_code="USAGOV", date=art.published)]))


@pytest.fixture
def fake_pipeline(monkeypatch):
    monkeypatch.setattr(ingest_mod, "extract_many", fake_extract_many)


def write_jsonl(path, rows):
    path.write_text("".join((r if isinstance(r, str) else json.dumps(r)) + "\n" for r in rows), encoding="utf-8")
    return path


def story(n, **extra):
    return {"id": f"s{n}", "url": f"https://wire.example/{n}", "title": f"Story {n}", "published": "2024-05-0" + str(n % 9 + 1),
            "text": f"Officials said on Monday that talks number {n} would continue next week in the capital.", **extra}


def run_ingest(store, paths, batch_size=2):
    return ingest_mod.ingest(read_inputs([str(p) for p in paths], ReadOptions()), store, Config(batch_size=batch_size))


def test_ingesting_twice_stores_each_article_once(store, tmp_path, fake_pipeline):
    corpus = write_jsonl(tmp_path / "c.jsonl", [story(n) for n in range(1, 6)])
    first = run_ingest(store, [corpus])
    second = run_ingest(store, [corpus])
    assert (first.ingested, first.duplicates) == (5, 0)
    assert (second.ingested, second.duplicates) == (0, 5)
    assert store.stats()["articles"] == 5 and store.stats()["events"] == 5


def test_progress_moves_article_by_article_before_each_batch_is_stored(store, tmp_path, fake_pipeline):
    corpus = write_jsonl(tmp_path / "c.jsonl", [story(n) for n in range(1, 6)])
    stored_when_counted = []
    ingest_mod.ingest(read_inputs([str(corpus)], ReadOptions()), store, Config(batch_size=32),
                      progress=lambda n: stored_when_counted.append((n, store.stats()["articles"])))
    # five calls of one article each, all before the one batch of 32 was committed
    assert stored_when_counted == [(1, 0)] * 5
    assert store.stats()["articles"] == 5


def test_a_copy_under_another_id_and_url_is_a_duplicate(store, tmp_path, fake_pipeline):
    copy = dict(story(1), id="other", url="https://mirror.example/x")
    report = run_ingest(store, [write_jsonl(tmp_path / "c.jsonl", [story(1), copy])])
    assert (report.ingested, report.duplicates) == (1, 1)


def test_failed_articles_and_bad_lines_are_recorded_and_the_batch_goes_on(store, tmp_path, fake_pipeline):
    corpus = write_jsonl(tmp_path / "c.jsonl", [story(1), "{not json", story(2, text="BOOM goes the parser"), story(3)])
    report = run_ingest(store, [corpus, tmp_path / "missing.jsonl"])
    assert report.as_dict() == {"ingested": 2, "duplicates": 0, "skipped": 0, "failed": 1, "read_problems": 2,
                                "warnings": 0, "left_out": 0}
    failures = {(f["kind"], f["source"].replace(str(tmp_path), "")) for f in store.failures()}
    assert failures == {("read", "/c.jsonl:2"), ("read", "/missing.jsonl"), ("failed", "/c.jsonl:3")}


def test_a_store_error_loses_only_that_article(store, tmp_path, fake_pipeline, monkeypatch):
    real_add = store.add

    def add(record, replace=False):
        if record.article.id == "s2":
            raise RuntimeError("disk says no")
        return real_add(record, replace=replace)

    monkeypatch.setattr(store, "add", add)
    report = run_ingest(store, [write_jsonl(tmp_path / "c.jsonl", [story(n) for n in range(1, 5)])], batch_size=4)
    assert (report.ingested, report.failed) == (3, 1)
    assert store.article_ids() == ["s1", "s3", "s4"]
    assert [f["error"] for f in store.failures()] == ["store: RuntimeError: disk says no"]


def test_an_interrupted_run_keeps_every_committed_batch(store, tmp_path, monkeypatch):
    def dies_after_three(articles, config):
        for n, outcome in enumerate(fake_extract_many(articles, config)):
            if n == 3:
                raise KeyboardInterrupt
            yield outcome

    monkeypatch.setattr(ingest_mod, "extract_many", dies_after_three)
    with pytest.raises(KeyboardInterrupt):
        run_ingest(store, [write_jsonl(tmp_path / "c.jsonl", [story(n) for n in range(1, 7)])], batch_size=2)
    assert store.article_ids() == ["s1", "s2"]  # the first batch; the half-read second one is not stored


@pytest.mark.slow  # reads and language-checks 89 stories twice per backend
def test_voa_corpus_ingested_twice_is_stored_once(shared, store, fake_pipeline):
    voa = shared / "corpus/voa/voa_stories.jsonl"
    first = run_ingest(store, [voa], batch_size=32)
    stored = store.stats()["articles"]
    second = run_ingest(store, [voa], batch_size=32)
    assert first.ingested == stored > 50
    assert (second.ingested, second.duplicates + second.skipped) == (0, first.ingested + first.skipped)
    assert store.stats()["articles"] == stored


runner = CliRunner()


def test_cli_ingest_twice_then_stats_json(tmp_path, fake_pipeline):
    corpus = write_jsonl(tmp_path / "c.jsonl", [story(n) for n in range(1, 4)])
    db = str(tmp_path / "ng.db")
    first = runner.invoke(app, ["ingest", str(corpus), "--db", db])
    again = runner.invoke(app, ["ingest", str(corpus), "--db", db, "--json"])
    stats = runner.invoke(app, ["stats", "--db", db, "--json"])
    assert first.exit_code == 0, first.output
    assert "3 ingested" in first.output
    assert json.loads(again.stdout)["duplicates"] == 3
    counts = json.loads(stats.stdout)
    assert (counts["articles"], counts["events"], counts["actors"], counts["claims"]) == (3, 3, 3, 0)


def test_cli_summary_table_lists_each_article(tmp_path, fake_pipeline, monkeypatch):
    monkeypatch.setenv("COLUMNS", "120")  # the table's layout, not the width of the terminal running the tests
    corpus = write_jsonl(tmp_path / "c.jsonl", [story(1), story(2)])
    result = runner.invoke(app, ["ingest", str(corpus), "--db", str(tmp_path / "ng.db"), "--summary"])
    assert result.exit_code == 0, result.output
    assert "Story 1" in result.stdout and "Story 2" in result.stdout and "STATEMENT" in result.stdout


@pytest.mark.parametrize("inputs", [["missing.jsonl"], ["empty.jsonl"]])
def test_cli_exits_non_zero_only_when_nothing_could_be_processed(tmp_path, fake_pipeline, monkeypatch, inputs):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "empty.jsonl").write_text("", encoding="utf-8")
    result = runner.invoke(app, ["ingest", *inputs, "--db", "ng.db"])
    assert result.exit_code == 1
    assert "nothing could be processed" in result.output


def test_cli_exits_zero_when_some_input_was_processed(tmp_path, fake_pipeline):
    corpus = write_jsonl(tmp_path / "c.jsonl", [story(1)])
    result = runner.invoke(app, ["ingest", str(corpus), str(tmp_path / "missing.jsonl"), "--db", str(tmp_path / "ng.db")])
    assert result.exit_code == 0, result.output
    assert "missing.jsonl" in result.output


def test_cli_reports_an_unopenable_store_in_one_line(tmp_path, fake_pipeline):
    result = runner.invoke(app, ["ingest", "x.jsonl", "--db", str(tmp_path / "no/such/folder/ng.db")])
    assert result.exit_code == 2
    assert "cannot open the store" in result.output


def test_stats_on_a_missing_store_says_so(tmp_path):
    result = runner.invoke(app, ["stats", "--db", str(tmp_path / "none.db")])
    assert result.exit_code == 2 and "no store" in result.output


@pytest.mark.slow
def test_real_pipeline_ingests_voa_stories_once(shared, tmp_path):
    lines = (shared / "corpus/voa/voa_stories.jsonl").read_text(encoding="utf-8").splitlines()[:2]
    corpus = tmp_path / "two.jsonl"
    corpus.write_text("\n".join(lines) + "\n", encoding="utf-8")
    db = str(tmp_path / "ng.db")
    for _ in range(2):
        result = runner.invoke(app, ["ingest", str(corpus), "--db", db])
        assert result.exit_code == 0, result.output
    with open_store(db) as s:
        stats = s.stats()
    assert stats["articles"] == 2 and stats["events"] > 0


def test_events_and_show_read_the_store_back(tmp_path, monkeypatch):
    from test_store import make_record

    monkeypatch.setenv("COLUMNS", "120")  # tables wrap cells at the terminal's width: fix it

    db = str(tmp_path / "ng.db")
    with open_store(db) as s:
        s.add_many([make_record(1, published="2024-03-01"), make_record(2, published="2024-03-02", event_type="COERCE")])
    listed = runner.invoke(app, ["events", "--db", db, "--type", "coerce", "--json"])
    assert listed.exit_code == 0, listed.output
    assert [json.loads(line)["article_id"] for line in listed.stdout.splitlines()] == ["art2"]
    shown = runner.invoke(app, ["show", "art1", "--db", db, "--json"])
    assert json.loads(shown.stdout) == make_record(1, published="2024-03-01").to_dict()
    table = runner.invoke(app, ["show", "art2", "--db", db])
    assert "COERCE" in table.stdout and "Sergei Lavrov" in table.stdout
    assert runner.invoke(app, ["show", "nope", "--db", db]).exit_code == 1
