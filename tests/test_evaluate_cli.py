"""``newsgraph eval`` over a gold folder and given predictions (no model needed), and over the seed."""
from __future__ import annotations

import json

import pytest
from typer.testing import CliRunner

from newsgraph.cli import app
from newsgraph.record import Article, Record
from test_evaluate import GOLD, TEXT, perfect_record

runner = CliRunner()


@pytest.fixture
def gold_dir(tmp_path):
    """A shared-like folder: corpus/x.txt and gold/x.gold.json pointing at it."""
    (tmp_path / "corpus").mkdir()
    (tmp_path / "corpus/x.txt").write_text("A headline\n\n" + TEXT + "\n", encoding="utf-8")
    (tmp_path / "gold").mkdir()
    (tmp_path / "gold/x.gold.json").write_text(json.dumps(GOLD), encoding="utf-8")
    preds = tmp_path / "preds.jsonl"
    other = Record(Article(id="o", text="Something else entirely.", title="Other"))
    preds.write_text("\n".join(json.dumps(r.to_dict()) for r in (other, perfect_record())) + "\n", encoding="utf-8")
    return tmp_path


def test_eval_json_with_given_predictions_picks_the_record_by_text(gold_dir):
    result = runner.invoke(app, ["eval", str(gold_dir / "gold"), "--predictions", str(gold_dir / "preds.jsonl"), "--json"])
    assert result.exit_code == 0, result.output
    figures = json.loads(result.output)["total"]
    assert figures["events"]["f1"] == 1.0 and figures["claims"]["f1"] == 1.0
    assert figures["actors"]["found"] == figures["actors"]["gold"] == 3


def test_eval_table_ends_with_a_summary_line(gold_dir):
    result = runner.invoke(app, ["eval", str(gold_dir / "gold/x.gold.json"), "--predictions", str(gold_dir / "preds.jsonl")])
    assert result.exit_code == 0, result.output
    assert result.output.strip().splitlines()[-1].startswith("events F1 1.00 | claims F1 1.00 | actors found 3/3")


@pytest.mark.parametrize("args", [[], ["no/such.gold.json"]])
def test_eval_without_a_usable_gold_exits_2(args):
    assert runner.invoke(app, ["eval", *args]).exit_code == 2


@pytest.mark.slow
def test_eval_on_the_seed_gold_runs_extraction(shared, nlp):
    result = runner.invoke(app, ["eval", str(shared / "gold/seed.gold.json"), "--json", "--no-details"])
    assert result.exit_code == 0, result.output
    figures = json.loads(result.output)["total"]
    assert figures["events"]["fn"] + figures["events"]["tp"] == 14  # the seed's non-optional events
    assert figures["actors"]["gold"] == 18
