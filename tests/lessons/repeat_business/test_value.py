"""What a returning customer is worth: the published arithmetic, every slider at both ends."""

import numpy as np
import pytest

from helpers.lessons.repeat_business.value import (
    CURVE_RETENTION,
    PARAMETERS,
    customer_value,
    one_point_for_the_shop,
    rise_in_value,
    your_shop,
)
from helpers.metrics import clv, clv_multiplier
from helpers.validation import ParameterError

POINTS = [(name, value) for name, spec in PARAMETERS.items() for value in spec.test_points()]


def test_the_published_multiplier():
    """r = 0.80, i = 0.10: r / (1 + i − r) = 2.667 (Gupta & Lehmann's margin multiple)."""
    assert round(clv_multiplier(0.80, 0.10), 3) == 2.667
    assert customer_value().multiplier == pytest.approx(8 / 3)


def test_from_80_to_85_percent_the_multiplier_rises_by_27_5_percent():
    multiplier_rise, value_rise = rise_in_value(80, 85)
    assert round(100 * multiplier_rise, 1) == 27.5
    # counting this year's margin: (1 + 3.4) / (1 + 2.667) - 1 = 20 %
    assert round(100 * value_rise, 1) == 20.0


@pytest.mark.parametrize("cost", [10, 100, 250])  # while the value is still positive
def test_with_a_cost_of_winning_the_customer_the_value_rises_by_more(cost):
    _multiplier_rise, plain = rise_in_value(80, 85)
    _multiplier_rise, value_rise = rise_in_value(80, 85, acquisition_cost=cost)
    assert value_rise > plain


def test_a_cost_equal_to_the_margin_cancels_this_years_margin():
    """A new customer won for one year's margin rises like the future margin alone (27.5 %):
    why exercise 6 uses a cost of 200."""
    multiplier_rise, value_rise = rise_in_value(80, 85, acquisition_cost=100)
    assert value_rise == pytest.approx(multiplier_rise)
    assert round(100 * rise_in_value(80, 85, acquisition_cost=200)[1]) == 44


def test_this_years_margin_comes_on_top_of_the_future_margin():
    o = customer_value()
    assert o.future == pytest.approx(o.values["margin"] * o.multiplier)
    assert o.clv == pytest.approx(o.values["margin"] + o.future - o.values["acquisition_cost"])
    # = m (1 + i) / (1 + i − r): Fader & Hardie's and the expert's "this year included" form
    assert o.clv == pytest.approx(100 * 1.1 / 0.3)


@pytest.mark.parametrize(("name", "value"), POINTS)
def test_every_slider_at_both_ends(name, value):
    outcome = customer_value(**{name: value})
    assert np.isfinite(outcome.curve).all() and outcome.curve.shape == CURVE_RETENTION.shape
    assert outcome.one_more_point > 0
    assert outcome.clv == pytest.approx(
        outcome.values["margin"]
        + clv(
            outcome.values["margin"],
            outcome.values["retention"] / 100,
            outcome.values["discount_rate"] / 100,
            outcome.values["acquisition_cost"],
        )
    )


@pytest.mark.parametrize("name", list(PARAMETERS))
def test_just_off_each_end_is_explained(name):
    spec = PARAMETERS[name]
    for value in (spec.low - spec.step, spec.high + spec.step):
        with pytest.raises(ParameterError, match="must be between"):
            customer_value(**{name: value})


@pytest.mark.parametrize("discount", PARAMETERS["discount_rate"].test_points())
def test_the_curve_is_convex_at_every_discount_rate(discount):
    curve = customer_value(discount_rate=discount).curve
    assert (np.diff(curve, 2) > 0).all()


def test_directions():
    assert customer_value(margin=200).clv > customer_value(margin=100).clv
    assert customer_value(discount_rate=5).clv > customer_value(discount_rate=15).clv
    assert customer_value(acquisition_cost=50).clv == pytest.approx(customer_value().clv - 50)


def test_one_point_for_the_shop_is_customers_times_the_rise():
    each = clv(40, 0.45, 0.1) - clv(40, 0.44, 0.1)
    assert one_point_for_the_shop(40, 0.44, 0.1, 1000) == pytest.approx(1000 * each)


def test_your_shop_reads_percentages_and_says_it_in_words():
    said = your_shop(margin=40, coming_back=45, customers=2000)
    assert said == your_shop(margin=40, coming_back=0.45, customers=2000)
    assert "from 45 % to 46 %" in said and "**2,115 units**" in said
    assert "2,115 units" in repr(said) and "**" not in repr(said)
    expected = one_point_for_the_shop(40, 0.45, 0.10, 2000)
    assert f"{expected:,.0f}" == "2,115"
    assert "2.6 % of a year's margin" in said


@pytest.mark.parametrize(
    "changes", [{"coming_back": 100}, {"coming_back": -5}, {"customers": 0}, {"margin": "40"}]
)
def test_your_shop_explains_impossible_figures(changes):
    figures = {"margin": 40, "coming_back": 45, "customers": 2000, **changes}
    with pytest.raises(ParameterError):
        your_shop(**figures)


def test_one_update_is_fast():
    import time

    customer_value()
    started = time.perf_counter()
    for margin in PARAMETERS["margin"].positions():
        customer_value(margin=margin)
    assert (time.perf_counter() - started) / len(PARAMETERS["margin"].positions()) < 0.01
