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


def test_four_panels_three_lines_each(simulator):
    assert len(simulator.figure.data) == 3 * len(simulators.PANELS) == 12
    assert len(simulators.panel_titles()) == 4


def test_the_chart_fits_a_projector_with_its_caption_above(simulator):
    """A compact chart (its four panels in 640 pixels), the caption between sliders and chart,
    and every x axis of the bottom row labelled."""
    assert simulator.figure.layout.height <= 640
    children = simulator.widget.children
    assert children.index(simulator.caption) == children.index(simulator.figure) - 1
    assert simulator.figure.layout.xaxis3.title.text == "month"
    assert simulator.figure.layout.xaxis4.title.text == "month"


def test_the_chart_is_the_model(simulator):
    simulator.set_values(training_hours=40, staff=7)
    outcome = chain(training_hours=40, staff=7)
    np.testing.assert_allclose(simulator.chart_data(0), outcome.market.engagement)
    np.testing.assert_allclose(simulator.chart_data(3), 100 * outcome.market.delighted)
    np.testing.assert_allclose(simulator.chart_data(7), chain().market.visits)
    gain = outcome.market.profit - chain().market.profit
    np.testing.assert_allclose(simulator.chart_data(9), gain / 1000)
    np.testing.assert_allclose(simulator.chart_data(10), 0.0)
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


def test_the_caption_speaks_of_profit_customers_waiting_and_costs(simulator):
    simulator.set_values(staff=6)
    text = simulator.caption.value
    assert ">+26<" in text and "ahead of today's for good from month 1" in text
    assert "936 in month 6 (-139 on today), 924 in month 24 (-151; today 1,075)" in text
    assert "19 minutes in month 1, 10 in month 24" in text
    assert "Running costs: 3,585 a month less than today" in text
    simulator.set_values(staff=8, replies=100)
    text = simulator.caption.value
    assert ">-2.7<" in text and "not ahead of today's by month 24" in text
    assert "Extra running costs: 302 a month" in text
    simulator.set_values(replies=0, turnover=20)
    assert "keep staff is not counted" in simulator.caption.value
    simulator.reset()
    text = simulator.caption.value
    assert ">+0.0<" in text and "every slider as today" in text and "not counted" not in text


def test_the_caption_adds_up():
    """The change on today is taken from the rounded numbers shown."""
    assert simulators.customers_text(1198.4, 1074.6) == ("1,198", "+123")
    assert simulators.thousands_text(-420) == "-0.4" and simulators.thousands_text(29_000) == "+29"


def test_every_slider_at_both_ends_draws_finite_data(simulator):
    for name, spec in PARAMETERS.items():
        for end in (spec.low, spec.high):
            simulator.set_values(**{name: end})
            for trace in range(len(simulator.figure.data)):
                assert np.isfinite(simulator.chart_data(trace)).all(), (name, end, trace)
        simulator.reset()
