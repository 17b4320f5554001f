"""The satisfaction model: every slider at both ends, directions, Kano kinds, one asymmetry."""

import numpy as np
import pytest

from helpers.lessons.satisfaction import model
from helpers.lessons.satisfaction.model import (
    MOMENTS,
    PARAMETERS,
    POPULATION,
    ServiceParams,
    customers,
    simulate,
)
from helpers.validation import ParameterError

POINTS = [(name, value) for name, spec in PARAMETERS.items() for value in spec.test_points()]
PERFECT = dict(courtesy=100, questions_answered=100, problems_fixed=100, listening=100, warmth=100)


def check_outcome(outcome):
    assert outcome.size == POPULATION == outcome.counts.sum()
    assert set(np.unique(outcome.scores)) <= {1, 2, 3, 4, 5}
    assert np.isfinite(outcome.experience).all()
    assert ((outcome.return_probability >= 0) & (outcome.return_probability <= 1)).all()
    assert 0 <= outcome.share_coming_back <= 1
    assert 0 <= outcome.top_box <= outcome.csat <= 1
    assert sum(outcome.zone_shares.values()) == pytest.approx(1)
    table = outcome.by_score()
    assert not table.isna().any().any() and table["customers"].sum() == POPULATION


@pytest.mark.parametrize(("name", "value"), POINTS)
def test_every_slider_at_both_ends_gives_a_sound_outcome(name, value):
    check_outcome(simulate(**{name: value}))


@pytest.mark.parametrize("corner", ["low", "high"])
def test_all_sliders_at_one_end_together(corner):
    check_outcome(simulate({name: getattr(spec, corner) for name, spec in PARAMETERS.items()}))


@pytest.mark.parametrize("name", list(PARAMETERS))
def test_just_off_each_end_is_explained(name):
    spec = PARAMETERS[name]
    for value in (spec.low - spec.step, spec.high + spec.step):
        with pytest.raises(ParameterError, match="must be between"):
            simulate(**{name: value})


def test_unknown_and_odd_parameters_are_explained():
    with pytest.raises(ParameterError, match="no parameter called speed"):
        simulate(speed=3)
    with pytest.raises(ParameterError, match="must be a number"):
        ServiceParams(courtesy="high")
    error = pytest.raises(ParameterError, simulate, problems_fixed=120)
    assert str(error.value) == "Problems fixed must be between 0 and 100 %, but it is 120 %."


def _back(**changes):
    return simulate(**changes).share_coming_back


@pytest.mark.parametrize(
    "name", ["courtesy", "questions_answered", "problems_fixed", "listening", "warmth", "interest"]
)
def test_more_of_a_good_thing_never_brings_fewer_back(name):
    shares = [_back(**{name: v}) for v in PARAMETERS[name].positions()]
    assert np.all(np.diff(shares) >= 0)
    assert shares[-1] > shares[0] + 0.01


@pytest.mark.parametrize("name", ["wait_minutes", "problem_share", "bad_weight"])
def test_more_of_a_bad_thing_never_brings_more_back(name):
    shares = [_back(**{name: v}) for v in PARAMETERS[name].positions()]
    assert np.all(np.diff(shares) <= 1e-12)
    assert shares[-1] < shares[0]


def test_kano_kinds_decide_which_side_of_a_moment_counts():
    # must-be: going well adds nothing; attractive: missing costs nothing; one-dimensional: both
    yes, no = np.array([True]), np.array([False])
    for name, moment in MOMENTS.items():
        good = model.moment_points(name, yes, 2)[0]
        bad = model.moment_points(name, no, 2)[0]
        if moment.kind == model.MUST_BE:
            assert good == 0 and bad == -2 * moment.size
        elif moment.kind == model.ATTRACTIVE:
            assert good == moment.size and bad == 0
        else:
            assert good == moment.size and bad == -2 * moment.size
    kinds = {name: m.kind for name, m in MOMENTS.items()}
    assert kinds == {
        "courtesy": "must-be",
        "questions_answered": "one-dimensional",
        "problems_fixed": "must-be",
        "listening": "attractive",
        "warmth": "attractive",
    }


def test_the_asymmetry_is_counted_once():
    """For a one-dimensional moment, bad / good is exactly the weight: no hidden second factor."""
    for weight in PARAMETERS["bad_weight"].positions():
        good = model.moment_points("questions_answered", np.array([True]), weight)[0]
        bad = model.moment_points("questions_answered", np.array([False]), weight)[0]
        assert -bad / good == pytest.approx(weight)


def test_weight_changes_nothing_when_nothing_goes_badly():
    perfect = dict(PERFECT, wait_minutes=0)
    light, heavy = simulate(perfect, bad_weight=1), simulate(perfect, bad_weight=4)
    np.testing.assert_array_equal(light.scores, heavy.scores)


def test_the_wait_costs_what_the_town_plants():
    # 0.07 points per minute beyond 5 minutes at the default weight, as in the sample town
    assert model.wait_points(np.array([5.0, 6.0, 15.0]), 2) == pytest.approx([0, -0.07, -0.7])


def test_common_random_numbers_move_only_the_margin():
    low, high = simulate(courtesy=85), simulate(courtesy=90)
    changed = (low.scores != high.scores).mean()
    assert 0 < changed < 0.06  # only the 5 % at the margin can change
    assert np.all(high.scores >= low.scores)


def test_the_population_is_drawn_once_and_cannot_be_changed():
    people = customers()
    assert people is customers()
    with pytest.raises(ValueError):
        people.mood[0] = 3.0
    assert customers(size=100, seed=1).size == 100
