"""The simulators of notebook 02: charts follow the model, every slider moves, captions speak."""

import numpy as np
import pytest

from helpers.lessons.repeat_business import follow_up, simulators, tenure, two_shops, value

FACTORIES = [
    simulators.two_shops_simulator,
    simulators.customer_value_simulator,
    simulators.loyalty_over_time_simulator,
    simulators.follow_up_simulator,
]
MODELS = {
    "two-shops": two_shops.PARAMETERS,
    "customer-value": value.PARAMETERS,
    "loyalty-over-time": tenure.PARAMETERS,
    "follow-up": follow_up.PARAMETERS,
}


@pytest.fixture(scope="module", params=FACTORIES, ids=lambda f: f.__name__)
def simulator(request):
    return request.param()


def test_the_sliders_are_the_models_parameters(simulator):
    parameters = MODELS[simulator.name]
    assert list(simulator.controls) == list(parameters)
    assert simulator.values() == {name: spec.default for name, spec in parameters.items()}


def test_one_step_of_the_first_slider_changes_trace_zero(simulator):
    """What the browser tests do: one arrow key on the first slider must move trace 0."""
    simulator.reset()
    name, spec = next(iter(MODELS[simulator.name].items()))
    before = simulator.chart_data()
    step = spec.step if spec.default < spec.high else -spec.step
    simulator.set_values(**{name: spec.default + step})
    assert simulator.chart_data() != before
    simulator.reset()
    assert simulator.chart_data() == before


def test_every_slider_at_both_ends_draws_finite_data(simulator):
    for name, spec in MODELS[simulator.name].items():
        for end in (spec.low, spec.high):
            simulator.set_values(**{name: end})
            for trace in range(len(simulator.figure.data)):
                assert np.isfinite(simulator.chart_data(trace)).all(), (name, end, trace)
            assert simulator.caption.value
        simulator.reset()


def test_two_shops_chart_is_the_model():
    sim = simulators.two_shops_simulator()
    outcome = two_shops.simulate()
    np.testing.assert_allclose(sim.chart_data(0), outcome.customers[:, 0], atol=0.01)
    np.testing.assert_allclose(sim.chart_data(2), 100 * outcome.share, atol=0.001)
    assert "61.1 %" in sim.caption.value and "Market Street's: 38.9 %" in sim.caption.value


def test_the_caption_shows_market_streets_share_as_the_check_reads_it():
    """Exercise 7: delighted 45 % gives 49.95 %, shown as 49.9 % (rounded down), and the check
    reads the same 49.9 %: short of 50 %."""
    sim = simulators.two_shops_simulator()
    sim.set_values(market_delighted=45)
    assert "Market Street's: 49.9 %" in sim.caption.value
    assert simulators.market_share_shown(two_shops.simulate(market_delighted=45)) == 0.499
    sim.set_values(market_delighted=35, market_bad=7)
    assert "Market Street's: 50.0 %" in sim.caption.value


def test_value_chart_marks_the_sliders_point():
    sim = simulators.customer_value_simulator()
    sim.set_values(retention=90)
    assert list(sim.figure.data[1].x) == [90]
    assert sim.chart_data(1) == [pytest.approx(550, abs=0.01)]
    assert "550 units" in sim.caption.value
    assert "this year's margin (100 units)" in sim.caption.value
    assert "4.50 years of future margin from next year on" in sim.caption.value


def test_loyalty_caption_says_stays_when_everyone_is_alike():
    sim = simulators.loyalty_over_time_simulator()
    sim.set_values(difference=0)
    assert "stays at 63 %" in sim.caption.value and "rises" not in sim.caption.value
    sim.reset()
    assert "rises from 63 % in year 1 to 88 % in year 5" in sim.caption.value


def test_follow_up_bars_stack_to_the_called_share():
    sim = simulators.follow_up_simulator()
    o = follow_up.follow_up()
    called_top = sim.figure.data[0].base[1] + sim.chart_data(0)[1]
    assert called_top == pytest.approx(100 * o.called_back, abs=1e-3)
    assert sim.chart_data(1)[0] == pytest.approx(100 * o.not_called, abs=1e-3)
