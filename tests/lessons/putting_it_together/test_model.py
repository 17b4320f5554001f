"""The chain model: every slider at both ends and just off them, the directions the story needs,
the start where the town is, and one update within 10 ms."""

import itertools

import numpy as np
import pytest

from helpers.data import load_visits
from helpers.lessons.putting_it_together import model, money
from helpers.lessons.putting_it_together.model import MONTHS, chain
from helpers.lessons.putting_it_together.shops import PARAMETERS
from helpers.lessons.putting_it_together.town_months import HOUSEHOLDS
from helpers.validation import ParameterError

POINTS = [(name, value) for name, spec in PARAMETERS.items() for value in spec.test_points()]


def _sound(outcome):
    for shop in (outcome.market, outcome.riverside):
        for series in (shop.engagement, shop.delighted, shop.visits, shop.profit, shop.stars):
            assert series.shape == (MONTHS,) and np.isfinite(series).all()
        assert ((shop.delighted >= 0) & (shop.delighted <= 1)).all()
        assert ((shop.engagement >= 0) & (shop.engagement <= 100)).all()
        assert ((shop.stars >= 1) & (shop.stars <= 5)).all()
        assert (shop.visits > 0).all()
        assert 0 <= shop.wait <= 30
        assert all((cost >= 0).all() for cost in shop.costs.values())
    assert (outcome.market.visits + outcome.riverside.visits < 1.2 * HOUSEHOLDS).all()


@pytest.mark.parametrize(("name", "value"), POINTS)
def test_every_slider_at_its_ends_default_and_middle(name, value):
    _sound(chain(**{name: value}))


@pytest.mark.parametrize("corner", list(itertools.product((0, 1), repeat=len(PARAMETERS))))
def test_every_corner_of_the_sliders(corner):
    values = {
        name: (spec.low, spec.high)[end]
        for (name, spec), end in zip(PARAMETERS.items(), corner, strict=True)
    }
    _sound(chain(values))


@pytest.mark.parametrize("name", list(PARAMETERS))
def test_just_off_each_end_is_a_plain_error(name):
    spec = PARAMETERS[name]
    for value in (spec.low - spec.step, spec.high + spec.step):
        with pytest.raises(ParameterError, match="must be between"):
            chain(**{name: value})


def test_an_unknown_slider_is_named():
    with pytest.raises(ParameterError, match="no parameter called wages"):
        chain(wages=3)


def test_as_today_every_line_is_flat():
    today = chain()
    for shop in (today.market, today.riverside):
        for series in (shop.engagement, shop.delighted, shop.visits, shop.profit):
            assert np.ptp(series) <= 1e-6 * max(1.0, abs(series).max())


def test_the_shops_start_close_to_the_towns():
    """Riverside has about two customers in three, as in the town (64 % of visits over the two
    years, 66 % in the last quarter); each shop's delighted visits are within 4 points."""
    today = chain()
    share = today.riverside.visits[0] / (today.riverside.visits[0] + today.market.visits[0])
    assert 0.62 <= share <= 0.72
    visits = load_visits()
    for shop, shop_id in ((today.market, "SH2"), (today.riverside, "SH1")):
        town = (visits.loc[visits["shop_id"] == shop_id, "satisfaction"] == 5).mean()
        assert shop.delighted[0] == pytest.approx(town, abs=0.04)


def test_money_adds_up():
    outcome = chain(training_hours=30, follow_up=70)
    shop = outcome.market
    np.testing.assert_allclose(shop.margin, shop.visits * 78 * 0.3)
    assert set(shop.costs) == set(money.COST_KINDS)
    np.testing.assert_allclose(shop.profit_so_far[-1], (shop.margin - shop.running_costs).sum())
    assert outcome.profit == pytest.approx(shop.profit_so_far[-1])


def _at_24(name, values, what="visits"):
    return [getattr(chain(**{name: v}).market, what)[-1] for v in values]


@pytest.mark.parametrize(
    ("name", "what", "sign"),
    [
        ("training_hours", "engagement", 1),
        ("training_hours", "delighted", 1),
        ("training_hours", "visits", 1),
        ("staff", "delighted", 1),
        ("staff", "visits", 1),
        ("turnover", "delighted", -1),
        ("turnover", "visits", -1),
        ("generous", "visits", 1),
        ("replies", "stars", 1),
        ("replies", "visits", 1),
        ("follow_up", "visits", 1),
    ],
)
def test_directions_along_the_chain(name, what, sign):
    values = _at_24(name, PARAMETERS[name].positions(), what)
    steps = sign * np.diff(values)
    assert (steps >= -1e-9).all() and steps.sum() > 0, values


@pytest.mark.parametrize("name", ["staff", "training_hours", "generous", "replies", "follow_up"])
def test_every_lever_that_does_more_costs_more_at_first(name):
    costs = [chain(**{name: v}).market.running_costs[0] for v in PARAMETERS[name].positions()]
    assert (np.diff(costs) > 0).all()


def test_market_street_gains_customers_partly_from_riverside():
    better = chain(training_hours=60)
    assert better.riverside.visits[-1] < chain().riverside.visits[-1]


def test_the_same_settings_give_the_same_result():
    assert chain(staff=7) is chain({"staff": 7})
    first = chain(training_hours=35).market.visits.copy()
    model._chain.cache_clear()
    np.testing.assert_array_equal(chain(training_hours=35).market.visits, first)


def test_one_update_is_fast():
    """≤ 10 ms per slider move (median, nothing cached but the town's start)."""
    assert model.time_update() < 0.01
