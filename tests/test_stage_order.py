"""Stages say what they read and write; a pipeline in the wrong order is refused when built."""
from __future__ import annotations

import pytest

from newsgraph.stage import Stage, StageOrderError, check_order, declared, stage


def _noop(record, doc):
    pass


def test_the_pipeline_stages_are_declared_and_in_an_order_that_works():
    from newsgraph import pipeline

    names = [st.name for st in pipeline.STAGES]
    assert names == ["actors", "events", "claims", "dates", "places", "merge", "codebook"]
    assert check_order(pipeline.STAGES) == tuple(pipeline.STAGES)
    claims = pipeline.STAGES[names.index("claims")]
    assert "events.factuality" in claims.writes and "claims" in claims.writes


def test_a_stage_that_reads_what_only_a_later_stage_writes_is_refused_with_both_names():
    actors = Stage("actors", _noop, reads=("article", "doc"), writes=("actors",))
    events = Stage("events", _noop, reads=("doc", "actors"), writes=("events",))
    dates = Stage("dates", _noop, reads=("doc", "events.factuality"), writes=("timexes", "events.date"))
    claims = Stage("claims", _noop, reads=("doc", "events"), writes=("claims", "events.factuality"))
    assert check_order([actors, events, claims, dates])
    with pytest.raises(StageOrderError, match=r"stage 'dates' reads events.factuality, .* claims writes it later"):
        check_order([actors, events, dates, claims])


def test_a_field_no_stage_declares_on_its_own_comes_with_its_list():
    events = Stage("events", _noop, reads=("doc",), writes=("events",))
    places = Stage("places", _noop, reads=("events.trigger",), writes=("places", "events.location"))
    assert check_order([events, places])


def test_a_part_nobody_writes_is_named():
    with pytest.raises(StageOrderError, match="reads sentiment, which no earlier stage writes; no stage writes it"):
        check_order([Stage("mood", _noop, reads=("sentiment",), writes=())])


def test_a_function_becomes_a_stage_by_declaring_what_it_reads_and_writes():
    @stage("tone", reads=("doc",), writes=("tone",))
    def tone(record, doc):
        record.tone = "calm"

    assert declared(tone) == Stage("tone", tone, ("doc",), ("tone",))
    with pytest.raises(StageOrderError, match="is not declared as a stage"):
        declared(_noop)
