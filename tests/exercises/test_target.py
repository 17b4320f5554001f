"""Tests for helpers.exercises.target: target questions (sliders)."""

from __future__ import annotations

import pytest
from sample_questions import (
    FakeShell,
    FakeSimulator,
    make_target,
)

from helpers.exercises import (
    CORRECT,
    INCORRECT,
    NOT_ATTEMPTED,
    Exercises,
    TargetQuestion,
    ____,
)


def test_target_reads_the_live_simulator() -> None:
    q = make_target()
    sim = FakeSimulator(wait=15, courtesy=3)
    fb = q.check(sim)
    assert fb.status == INCORRECT
    assert "51 % come back; the target is at least 70 %" in fb.message
    sim.set_values(courtesy=5)
    fb = q.check(sim)
    assert fb.status == CORRECT and "Courtesy does most of the work" in fb.message
    sim.set_values(wait=2, courtesy=5)
    fb = q.check(sim)
    assert fb.status == INCORRECT and "Keep the wait at 10 minutes or more" in fb.message


def test_target_default_simulator_variable(shell: FakeShell) -> None:
    q = make_target()
    fb = q.check()
    assert fb.status == NOT_ATTEMPTED and "`sim`" in fb.message
    shell.user_ns["sim"] = FakeSimulator(wait=10, courtesy=5)
    assert q.check().status == CORRECT
    assert q.check(sim=FakeSimulator()).status == INCORRECT


def test_target_ranges_and_odd_simulators() -> None:
    q = TargetQuestion(
        "Keep the wait between 5 and 8 minutes.",
        measure=lambda sim: sim.values()["wait"],
        at_least=5,
        at_most=8,
        unit="min",
        right_settings={"wait": 6},
        wrong_settings=[{"wait": 2}, {"wait": 9}],
    )
    assert q.check(FakeSimulator(wait=6)).status == CORRECT
    fb = q.check(FakeSimulator(wait=9))
    assert fb.status == INCORRECT and "between 5 min and 8 min" in fb.message
    for odd in (None, ____):
        assert q.check(odd).status == NOT_ATTEMPTED
    for odd in (3, "sim", [1], {"wait": 6}):
        assert q.check(odd).status == INCORRECT
    with pytest.raises(ValueError, match="goal"):
        TargetQuestion("?", measure=len, right_settings={}, wrong_settings=[{}, {}])


def test_target_broken_measure_is_our_side() -> None:
    q = TargetQuestion(
        "?",
        measure=lambda sim: sim.nothing_here,
        at_least=1,
        right_settings={},
        wrong_settings=[{}, {}],
    )
    fb = q.check(FakeSimulator())
    assert fb.trouble and "AttributeError" in fb.detail


def test_target_counts_the_rules_not_kept() -> None:
    q = TargetQuestion(
        "?",
        measure=lambda sim: sim.values()["wait"],
        at_least=5,
        constraints=[
            (lambda v: v["courtesy"] >= 4, "Keep courtesy at 4 or more."),
            (lambda v: v["wait"] <= 8, "Keep the wait at 8 minutes or less."),
        ],
        right_settings={"wait": 6, "courtesy": 4},
        wrong_settings=[{"wait": 2, "courtesy": 4}, {"wait": 9, "courtesy": 1}],
    )
    fb = q.check(FakeSimulator(wait=9, courtesy=1))
    assert "The target is reached, but 2 rules of the exercise are not kept:" in fb.message
    fb = q.check(FakeSimulator(wait=6, courtesy=1))
    assert "The target is reached, but a rule of the exercise is not kept:" in fb.message
    fb = q.check(FakeSimulator(wait=2, courtesy=1))
    assert "Also, a rule of the exercise is not kept:" in fb.message
    assert q.verify(FakeSimulator()) == []


def test_verify_builds_a_fresh_simulator_from_the_factory() -> None:
    built: list[FakeSimulator] = []

    def factory() -> FakeSimulator:
        built.append(FakeSimulator(wait=12, courtesy=1))
        return built[-1]

    q = make_target(factory=factory)
    assert q.verify() == []
    assert len(built) == 3  # one for the right settings, one for each wrong one
    assert len({id(sim) for sim in built}) == 3
    assert Exercises(q4=make_target(factory=factory)).verify() == []


def test_verify_reports_a_missing_or_broken_factory() -> None:
    problems = make_target().verify()
    assert problems and "factory" in problems[0]

    def broken() -> FakeSimulator:
        raise RuntimeError("no sliders today")

    problems = make_target(factory=broken).verify()
    assert problems and any("not attempted" in p for p in problems)


def test_the_factory_leaves_the_learner_simulator_alone(shell: FakeShell) -> None:
    shell.user_ns["sim"] = FakeSimulator(wait=15, courtesy=3)
    q = make_target(factory=FakeSimulator)
    assert q.verify() == []
    assert shell.user_ns["sim"].values() == {"wait": 15, "courtesy": 3}
    assert q.check().status == INCORRECT  # check() still reads the notebook's variable
