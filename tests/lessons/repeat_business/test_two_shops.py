"""Two shops, one town: every slider at both ends, just off them, directions, speed."""

import time

import numpy as np
import pytest

from helpers.lessons.repeat_business import two_shops
from helpers.lessons.repeat_business.two_shops import MONTHS, PARAMETERS, simulate
from helpers.lessons.satisfaction.return_link import JONES_SASSER_RATIO
from helpers.validation import ParameterError

POINTS = [(name, value) for name, spec in PARAMETERS.items() for value in spec.test_points()]


def check_outcome(outcome):
    assert outcome.customers.shape == (MONTHS, 2)
    assert np.isfinite(outcome.customers).all() and (outcome.customers > 0).all()
    assert (outcome.customers.sum(axis=1) <= outcome.households).all()
    assert ((outcome.share > 0) & (outcome.share < 1)).all()
    assert (outcome.neither >= 0).all()


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
    with pytest.raises(ParameterError, match="no parameter called price"):
        simulate(price=3)
    with pytest.raises(ParameterError, match="must be a number"):
        simulate(riverside_bad="low")


def final_shares(name):
    return [simulate(**{name: v}).final_share for v in PARAMETERS[name].positions()]


@pytest.mark.parametrize(
    ("name", "direction"),
    [
        ("riverside_delighted", 1),
        ("riverside_bad", -1),
        ("market_delighted", -1),
        ("market_bad", 1),
    ],
)
def test_better_service_wins_share_at_every_step(name, direction):
    steps = direction * np.diff(final_shares(name))
    assert (steps > 0).all()


def test_month_one_is_the_same_for_every_setting():
    """Both shops open on the same day: nobody remembers anything yet."""
    first = {round(simulate(**{n: v}).first_share, 12) for n, v in POINTS}
    assert len(first) == 1


def test_the_same_settings_give_the_same_result():
    np.testing.assert_array_equal(simulate().customers, simulate().customers)


def test_the_pull_of_a_visit_is_notebook_01s_return_link():
    delight, push = two_shops.impressions()
    assert delight == pytest.approx(np.log(JONES_SASSER_RATIO))
    assert 1.2 < push < 1.4  # a 2 comes back about a quarter as often as a 4


def test_households_are_drawn_once_and_read_only():
    people = two_shops.households()
    assert people is two_shops.households()
    assert not people.u_choice.flags.writeable
    assert abs(np.mean(people.near_pull[1] > 0) - two_shops.NEARER_MARKET) < 0.02


def test_one_update_is_fast():
    simulate()  # warm up
    positions = PARAMETERS["riverside_delighted"].positions()
    times = []
    for i in range(15):
        started = time.perf_counter()
        simulate(riverside_delighted=positions[i % len(positions)])
        times.append(time.perf_counter() - started)
    assert float(np.median(times)) < 0.01
