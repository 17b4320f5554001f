"""The chain model: every slider at both ends and just off them, the directions the story needs,
the start where the town is, and one update within 10 ms."""

import itertools

import numpy as np
import pytest

from helpers.data import load_visits
from helpers.lessons.putting_it_together import model, money, staff
from helpers.lessons.putting_it_together.model import MONTHS, chain
from helpers.lessons.putting_it_together.shops import PARAMETERS
from helpers.lessons.putting_it_together.town_months import HOUSEHOLDS
from helpers.lessons.satisfaction.model import customers, simulate
from helpers.validation import ParameterError

POINTS = [(name, value) for name, spec in PARAMETERS.items() for value in spec.test_points()]


def _sound(outcome):
    for shop in (outcome.market, outcome.riverside):
        for series in (
            shop.engagement, shop.delighted, shop.visits, shop.profit, shop.stars, shop.wait,
        ):  # fmt: skip
            assert series.shape == (MONTHS,) and np.isfinite(series).all()
        assert ((shop.delighted >= 0) & (shop.delighted <= 1)).all()
        assert ((shop.engagement >= 0) & (shop.engagement <= 100)).all()
        assert ((shop.stars >= 1) & (shop.stars <= 5)).all()
        assert (shop.visits > 0).all()
        assert ((shop.wait >= 0) & (shop.wait <= 30)).all()
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
        for series in (shop.engagement, shop.delighted, shop.visits, shop.profit, shop.wait):
            assert np.ptp(series) <= 1e-6 * max(1.0, abs(series).max())


def test_as_today_each_shop_waits_its_usual_wait():
    """The queue is calibrated at the usual customers: as today, each shop waits the town's."""
    today = chain()
    np.testing.assert_allclose(today.riverside.wait, 4)
    np.testing.assert_allclose(today.market.wait, 7)


def test_the_monthly_spread_is_notebook_01s_model():
    """Each month's spread of scores is notebook 01's ``simulate`` at that month's service (the
    chain runs its moment functions a month per row, for speed): checked at as-today's service
    and at a month with another wait."""
    path = staff.staff_path(1, 40, 20, 10, 40)
    levels = {name: float(level[0]) for name, level in staff.service_levels(path).items()}
    before = model._experience_before_waiting({k: np.array([v]) for k, v in levels.items()})
    for wait in (3.0, 7.0, 19.5):
        spread = model._spread(before, np.array([wait]))[0]
        settings = {**levels, "wait_minutes": wait}
        shares = simulate(settings, customers(model.VISITORS), problem_share=12).shares
        np.testing.assert_allclose(spread, shares)


def test_more_customers_mean_longer_waits():
    """The queue sees demand: training brings customers and, with the same staff, longer waits;
    a cut makes waits jump in month 1, then ease as customers leave."""
    trained = chain(training_hours=60).market
    assert (np.diff(trained.wait) >= -1e-9).all() and trained.wait[-1] > 8
    cut = chain(staff=6).market
    assert cut.wait[0] > 15 and cut.wait[-1] < cut.wait[0] - 5


def test_training_hours_are_taken_off_the_floor():
    """Training hours are off the floor: at the same customers, more training means a little
    more waiting (40 hours a year: about 2 % of a year's hours)."""
    assert staff.on_the_floor(8, 40) == pytest.approx(8 * (1 - 40 / 1920))
    assert chain(training_hours=60).market.wait[0] > chain().market.wait[0]


def test_the_model_runs_for_longer_when_asked():
    longer = chain(training_hours=40, months=60)
    assert longer.market.visits.shape == (60,)
    np.testing.assert_allclose(longer.market.visits[:24], chain(training_hours=40).market.visits)


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
        ("staff", "wait", -1),
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
    # More training brings more customers, and a longer queue takes a little of the delight
    # back: at the top of the slider the delighted share may dip by a fraction of a point.
    slack = 0.005 if (name, what) == ("training_hours", "delighted") else 1e-9
    assert (steps >= -slack).all() and steps.sum() > 0, values


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
