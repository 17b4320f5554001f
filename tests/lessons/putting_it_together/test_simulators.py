"""The chain simulator: the chart is the model, every slider moves it, the axes hold every
setting, the caption speaks."""

import itertools

import numpy as np
import pytest

from helpers.lessons.putting_it_together import simulators
from helpers.lessons.putting_it_together.model import chain
from helpers.lessons.putting_it_together.shops import PARAMETERS


@pytest.fixture(scope="module")
def simulator():
    return simulators.chain_simulator()


def test_the_sliders_are_market_streets(simulator):
    assert list(simulator.controls) == list(PARAMETERS)
    assert simulator.values() == {name: spec.default for name, spec in PARAMETERS.items()}


def test_eight_panels_three_lines_each_and_the_bars(simulator):
    assert len(simulator.figure.data) == 3 * len(simulators.PANELS) + 1
    assert len(simulators.panel_titles()) == 8


def test_the_chart_is_the_model(simulator):
    simulator.set_values(training_hours=40, staff=7)
    outcome = chain(training_hours=40, staff=7)
    np.testing.assert_allclose(simulator.chart_data(0), outcome.market.engagement)
    np.testing.assert_allclose(simulator.chart_data(3), 100 * outcome.market.delighted)
    np.testing.assert_allclose(simulator.chart_data(7), chain().market.visits)
    gain = outcome.market.profit_so_far - chain().market.profit_so_far
    np.testing.assert_allclose(simulator.chart_data(18), gain / 1000)
    np.testing.assert_allclose(simulator.chart_data(21), simulators.profit_bars(outcome))
    simulator.reset()


def test_one_step_of_the_first_slider_changes_trace_zero(simulator):
    """What the browser tests do: one arrow key on the first slider moves trace 0."""
    simulator.reset()
    before = simulator.chart_data()
    spec = PARAMETERS["training_hours"]
    simulator.set_values(training_hours=spec.default + spec.step)
    assert simulator.chart_data() != before
    simulator.reset()
    assert simulator.chart_data() == before


@pytest.mark.parametrize("corner", list(itertools.product((0, 1), repeat=len(PARAMETERS))))
def test_the_fixed_axes_hold_every_corner(corner):
    """The axes are fixed (so the room sees change); every corner of the sliders fits them."""
    values = {
        name: (spec.low, spec.high)[end]
        for (name, spec), end in zip(PARAMETERS.items(), corner, strict=True)
    }
    outcome = chain(values)
    lines = simulators.panel_lines(outcome)
    for index, (_attr, (low, high), _scale) in enumerate(simulators.PANELS):
        for line in lines[3 * index : 3 * index + 3]:
            assert low <= min(line) and max(line) <= high, (corner, index)
    bars = simulators.profit_bars(outcome)
    assert simulators.PROFIT_RANGE[0] <= min(bars) and max(bars) <= simulators.PROFIT_RANGE[1]


def test_the_caption_speaks_of_profit_customers_and_waiting(simulator):
    simulator.set_values(staff=6)
    text = simulator.caption.value
    assert "-54" in text and "708" in text and "1,075" in text and "19 minutes" in text
    simulator.reset()
    assert "+0" in simulator.caption.value


def test_every_slider_at_both_ends_draws_finite_data(simulator):
    for name, spec in PARAMETERS.items():
        for end in (spec.low, spec.high):
            simulator.set_values(**{name: end})
            for trace in range(len(simulator.figure.data)):
                assert np.isfinite(simulator.chart_data(trace)).all(), (name, end, trace)
        simulator.reset()
