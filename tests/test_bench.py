"""``newsgraph bench``: the skip message without ../shared, and the JSON shape of a tiny run."""
from __future__ import annotations

import json

import pytest
from typer.testing import CliRunner

from newsgraph.cli import app

runner = CliRunner()


def test_bench_without_the_shared_corpus_says_skipped_and_exits_0(tmp_path, monkeypatch):
    monkeypatch.setenv("NEWSGRAPH_SHARED", str(tmp_path / "absent"))
    result = runner.invoke(app, ["bench"])
    assert result.exit_code == 0
    assert result.output.startswith("skipped: ../shared/corpus/voa not found")


def test_bench_with_a_missing_corpus_file_exits_2(tmp_path):
    assert runner.invoke(app, ["bench", "--corpus", str(tmp_path / "none.jsonl")]).exit_code == 2


@pytest.mark.slow
def test_bench_json_reports_both_runs_their_ratio_and_memory(shared, nlp):
    result = runner.invoke(app, ["bench", "--limit", "3", "--processes", "1", "--json"])
    assert result.exit_code == 0, result.output
    figures = json.loads(result.output)
    assert figures["articles"] == 3 and figures["words"] > 0
    for run in ("extract", "parse"):
        assert set(figures[run]) == {"seconds", "articles_per_s", "words_per_s", "failed", "cpu_seconds"}
        assert figures[run]["articles_per_s"] > 0
    assert figures["ratio"] == pytest.approx(figures["extract"]["articles_per_s"] / figures["parse"]["articles_per_s"], rel=0.01)
    assert figures["peak_rss_mb"]["self"] > 0
