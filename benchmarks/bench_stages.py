"""Time each pipeline stage over a few VOA articles (pytest-benchmark).

Run explicitly (not part of the test suite):
    .venv/bin/python -m pytest benchmarks/bench_stages.py --benchmark-only
Each benchmark processes all the articles once per round; the stage under test gets, in
its setup, fresh copies of the records as the stages before it left them.
"""
from __future__ import annotations

import copy

import pytest

from newsgraph.annotate import annotate
from newsgraph.clean import clean
from newsgraph.pipeline import STAGES

STAGE_NAMES = [st.name for st in STAGES]


@pytest.fixture(scope="module")
def parsed(voa_articles, nlp):
    """(record, doc) per article, cleaned and parsed, before any later stage."""
    out = []
    for article in voa_articles:
        record = clean(copy.deepcopy(article))
        out.append((record, annotate(record, nlp)))
    return out


def _state_before(parsed, stage_name):
    """Records as the stages before ``stage_name`` leave them (docs are shared, read-only)."""
    states = []
    for record, doc in parsed:
        record = copy.deepcopy(record)
        for name, fn in ((st.name, st.run) for st in STAGES):
            if name == stage_name:
                break
            fn(record, doc)
        states.append((record, doc))
    return states


def test_clean(benchmark, voa_articles):
    benchmark.pedantic(lambda arts: [clean(a) for a in arts],
                       setup=lambda: ((copy.deepcopy(voa_articles),), {}), rounds=5)


def test_parse(benchmark, parsed, nlp):
    texts = [r.article.text for r, _ in parsed]
    benchmark.pedantic(lambda: list(nlp.pipe(texts)), rounds=3)


@pytest.mark.parametrize("stage_name", STAGE_NAMES)
def test_stage(benchmark, parsed, stage_name):
    fn = {st.name: st.run for st in STAGES}[stage_name]
    before = _state_before(parsed, stage_name)

    def setup():
        return ([(copy.deepcopy(r), d) for r, d in before],), {}

    def run(states):
        for record, doc in states:
            fn(record, doc)

    benchmark.pedantic(run, setup=setup, rounds=5)
