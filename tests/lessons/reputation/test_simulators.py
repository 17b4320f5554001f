"""The six simulators of notebook 03: they draw the model, follow the first slider as the
browser tests move it, keep their fixed axes, and redraw fast."""

import numpy as np
import pytest

from helpers.course import lesson
from helpers.lessons.reputation import network_picture, word_of_mouth
from helpers.lessons.reputation.network import town_network

SIMULATIONS = lesson("03_reputation").simulations
NAMES = [sim.name for sim in SIMULATIONS]


@pytest.fixture(scope="module", params=SIMULATIONS, ids=NAMES)
def simulator(request):
    return request.param.factory()


def test_names_match_the_manifest(simulator):
    assert simulator.name in NAMES


def test_the_first_slider_moves_the_first_trace(simulator):
    """What the browser tests do: one step of the first slider (left at its maximum)."""
    simulator.reset()
    name, control = next(iter(simulator.controls.items()))
    before = simulator.chart_data()
    step = -control.step if control.value >= control.max else control.step
    simulator.set_values(**{name: control.value + step})
    assert simulator.chart_data() != before
    simulator.reset()
    assert simulator.chart_data() == before


def test_every_slider_end_draws(simulator):
    for name, control in simulator.controls.items():
        for value in (control.min, control.max):
            simulator.set_values(**{name: value})
            assert np.all(np.isfinite(simulator.chart_data()))
            assert simulator.caption.value
        simulator.reset()


def test_a_redraw_is_fast(simulator):
    """Model and chart update together: under 10 ms, except the network picture, which moves a
    few thousand dots and redraws only when a slider is released (its model alone is timed in
    test_word_of_mouth)."""
    name, control = next(iter(simulator.controls.items()))
    times = []
    for i in range(12):
        simulator.set_values(**{name: control.min + control.step * (i % 2)})
        times.append(simulator.last_update_seconds)
    simulator.reset()
    assert np.median(times) < (0.03 if simulator.name == "network" else 0.01)


def test_the_network_picture_redraws_on_release():
    sim = network_picture.network_simulator()
    assert all(not control.continuous_update for control in sim.controls.values())
    assert list(sim.controls)[0] == "month"


@pytest.mark.parametrize("month", [1, 6, 12])
def test_everyone_is_in_exactly_one_group(month):
    outcome = word_of_mouth.spread(paths=True)
    groups = network_picture.groups(outcome, month)
    total = sum(members.astype(int) for members in groups.values())
    assert (total == 1).all() and total.size == town_network().size


def test_the_picture_and_the_monthly_chart_count_alike():
    sim = network_picture.network_simulator()
    outcome = word_of_mouth.spread()
    assert f">{outcome.total_won}<" in sim.caption.value
    assert f">{outcome.total_lost}<" in sim.caption.value


def test_the_monthly_bars_are_the_model():
    sim = lesson("03_reputation").simulations[0].factory()
    outcome = word_of_mouth.spread()
    assert sim.chart_data(0) == outcome.won.tolist()
    assert sim.chart_data(1) == (-outcome.lost).tolist()


@pytest.mark.parametrize("month", network_picture.MONTH.test_points())
def test_every_month_of_the_picture(month):
    sim = network_picture.network_simulator()
    sim.set_values(month=int(month))
    word = "month" if int(month) == 1 else "months"
    assert f"In {int(month)} {word}:" in sim.caption.value


def test_a_month_off_the_slider_is_a_plain_error():
    from helpers.validation import ParameterError

    for month in (0, 13):
        with pytest.raises(ParameterError, match="must be between"):
            network_picture._compute({"month": month, "unhappy": 6, "extra_told": 0})


def test_the_still_picture_shows_the_start_whatever_the_sliders():
    """The picture behind the network chart (ties, who was ours at the start) is drawn once: it
    may only hold what no slider changes."""
    start = word_of_mouth.spread().ours[0]
    for name, parameter in word_of_mouth.PARAMETERS.items():
        for value in (parameter.low, parameter.high):
            moved = word_of_mouth.spread({name: value}, paths=True)
            assert np.array_equal(moved.ours[0], start), (name, value)
    assert network_picture.background().startswith("data:image/svg+xml;base64,")
