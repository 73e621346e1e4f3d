"""The pipeline over many articles: workers change the speed, not the records."""
from __future__ import annotations

import dataclasses

import pytest

from newsgraph.config import load_config
from newsgraph.pipeline import extract_many
from newsgraph.read import ReadOptions, read_inputs, sample_paths
from newsgraph.record import Article
from newsgraph.stage import Stage

pytestmark = pytest.mark.slow


def _sample(n: int) -> list[Article]:
    articles = [a for a in read_inputs([str(p) for p in sample_paths()], ReadOptions()) if isinstance(a, Article)]
    return articles[:n]


def _records(articles, **settings):
    config = dataclasses.replace(load_config(environ={}), **settings)
    return [o.record.to_dict() if o.record else o.error for o in extract_many(articles, config)]


def test_two_workers_give_the_same_records_in_input_order_as_one_process():
    articles = _sample(12)
    one = _records(articles, processes=1, batch_size=5)
    two = _records(articles, processes=2, batch_size=5)
    assert [r["article"]["id"] for r in two] == [a.id for a in articles]
    assert two == one
    assert sum(len(r["events"]) for r in two) > 0


def test_an_article_that_breaks_a_stage_is_reported_and_the_others_still_come_back(monkeypatch):
    from newsgraph import pipeline

    def fragile(record, doc):
        if record.article.id == "breaks":
            raise ValueError("a stage met something it cannot handle")

    monkeypatch.setattr(pipeline, "STAGES", [*pipeline.STAGES, Stage("fragile", fragile, (), ())])  # forked workers inherit it
    articles = _sample(4)
    articles.insert(2, Article(id="breaks", text="Russia and China held talks in Beijing on Monday."))
    outcomes = list(extract_many(articles, dataclasses.replace(load_config(environ={}), processes=2, batch_size=2)))
    assert len(outcomes) == 5
    assert "cannot handle" in outcomes[2].error
    assert [o.ok for o in outcomes] == [True, True, False, True, True]
