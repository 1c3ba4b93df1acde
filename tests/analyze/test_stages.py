"""The stage table: the pipeline's order is written once and checked."""

from __future__ import annotations

import dataclasses

import pytest

from newsgraph.analyze.stages import GIVEN, STAGES, StageOrderError, check_order, recorded_stages


def _by_name():
    return {stage.name: stage for stage in STAGES}


def test_stages_table_is_in_an_order_that_gives_each_stage_what_it_needs():
    check_order(STAGES)


def test_stages_every_need_is_given_or_made_by_some_stage():
    made = set(GIVEN) | {stage.makes for stage in STAGES}
    assert {need for stage in STAGES for need in stage.needs} <= made


def test_stages_a_stage_ordered_before_what_it_needs_is_refused():
    stages = _by_name()
    misordered = [s for s in STAGES if s.name != "entities"]
    misordered.insert(misordered.index(stages["quotes"]) + 1, stages["entities"])  # quotes before entities
    with pytest.raises(StageOrderError, match="'quotes' needs entities"):
        check_order(misordered)


@pytest.mark.parametrize("moved", [stage.name for stage in STAGES if set(stage.needs) - set(GIVEN)])
def test_stages_moving_any_dependent_stage_first_is_refused(moved):
    stage = _by_name()[moved]
    with pytest.raises(StageOrderError, match=f"'{moved}' needs"):
        check_order([stage] + [s for s in STAGES if s is not stage])


def test_stages_a_value_made_twice_is_refused():
    twice = dataclasses.replace(_by_name()["timexes"], name="timexes again")
    with pytest.raises(StageOrderError, match="made before it"):
        check_order([*STAGES, twice])


def test_stages_the_record_lists_the_stages_that_fill_its_lists():
    assert recorded_stages() == ["sentences", "entities", "quotes", "timexes", "quantities", "events"]

