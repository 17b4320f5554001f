"""Repeat business in the sample town: the numbers the notebook states that no checked cell
shows, and the analysis' own checks (the town was built with known effects)."""

import pandas as pd
import pytest

from helpers.data import cached_table
from helpers.lessons.repeat_business import in_town, town_calls
from helpers.lessons.repeat_business.tenure import FADER_HARDIE_2007, fit


@pytest.fixture(scope="module")
def visits():
    return cached_table("visits")


@pytest.fixture(scope="module")
def customers():
    return cached_table("customers")


@pytest.fixture(scope="module")
def calls(visits):
    return town_calls.follow_up_table(visits, cached_table("follow_ups"))


def test_riverside_drifts_ahead(visits):
    """'Riverside had 49 % of the visits in month 1 and 67 % in month 24.'"""
    share = in_town.monthly_by_shop(visits)["Riverside share (%)"]
    assert round(share.loc[1]) == 49 and round(share.loc[24]) == 67
    # "since then Riverside has had between 60 % and 71 % of the visits every month"
    later = share.loc[6:].round()
    assert later.min() == 60 and later.max() == 71


def test_the_answer_keys_satisfaction_by_shop(visits):
    """'Riverside's visits average 4.19 of 5 against Market Street's 3.66.'"""
    means = visits.groupby("shop_id")["satisfaction"].mean().round(2)
    assert means.to_dict() == {"SH1": 4.19, "SH2": 3.66}


def test_shop_keeps_adds_up(visits):
    keeps = in_town.shop_keeps(visits)
    total = keeps.drop(columns="customers in 2024").sum(axis=1)
    assert total.round(9).eq(100).all()
    assert (
        keeps.loc["Riverside Goods", "came back in 2025 (%)"]
        > keeps.loc["Market Street Goods", "came back in 2025 (%)"]
    )


def test_value_by_shop_uses_the_course_clv(visits):
    """'the margin is our assumption: 30 % of what customers spend ... the discount rate is
    10 %.'"""
    from helpers.metrics import clv

    assert (in_town.MARGIN_SHARE, in_town.DISCOUNT_RATE) == (0.30, 0.10)

    worth = in_town.value_by_shop(visits)
    row = worth.loc["Riverside Goods"]
    assert row["margin a year (units)"] == pytest.approx(0.3 * row["spend a year (units)"])
    assert row[in_town.FUTURE] == pytest.approx(
        clv(row["margin a year (units)"], row["coming back each year (%)"] / 100, 0.10)
    )
    assert row["one more point, whole shop (units)"] == pytest.approx(
        row["customers in 2025"] * row["one more point, per customer (units)"]
    )


def test_cohorts_never_grow_and_fit(visits, customers):
    survivors = in_town.cohorts(visits, customers)
    assert len(survivors) == in_town.QUARTERS
    assert all(all(a >= b for a, b in zip(c, c[1:], strict=False)) for c in survivors)
    assert sum(c[0] for c in survivors) == int((customers["acquired_via"] != "existing").sum())
    fitted = in_town.cohort_fit(survivors)
    assert fitted.difference < 0.05  # "the fitted model finds the customers nearly alike"


def test_fader_and_hardies_customers_differ_far_more_than_ours(visits, customers):
    """'how different: 0.01, where Fader and Hardie's regular customers scored about 0.35'."""
    regular = fit([FADER_HARDIE_2007["regular"]["survivors"]])
    ours = in_town.cohort_fit(in_town.cohorts(visits, customers))
    assert round(regular.difference, 2) == 0.35 and round(ours.difference, 2) == 0.01


def test_fader_and_hardies_regular_customers_after_seven_years():
    """'A shop that assumed "we lose 37 in 100 every year" would expect only about 4 in 100 of
    them after 7 years; in fact 24 in 100 were still there.'"""
    survivors = FADER_HARDIE_2007["regular"]["survivors"]
    assert round(100 * survivors[7] / survivors[0]) == 24
    assert round(100 * (survivors[1] / survivors[0]) ** 7) == 4


def test_market_street_called_few_buyers(calls):
    """'at Market Street ... (on only 48 called buyers)'."""
    row = calls.loc["Market Street Goods"]
    assert round(row["big purchases"] * row["called (%)"] / 100) == 48


def test_the_planted_call_effect_is_about_22_points(calls):
    """'about 22 points here (column gap built into the town)'; both comparisons come out
    higher."""
    built = town_calls.PLANTED
    assert calls[built].round().eq(22).sum() >= 2
    assert (calls["gap (points)"] > calls[built]).all()
    assert town_calls.within_shop_gap(calls) > calls.loc["both shops together", built]


def test_a_call_can_send_a_buyer_to_the_rival(visits):
    """'of Market Street's 20 called buyers who came back, 10 went only to Riverside; of
    Riverside's 65, 17 went only to Market Street.'"""
    where = town_calls.came_back_where(visits, cached_table("follow_ups"))
    assert where.loc["Market Street Goods"].tolist() == [20, 10, 10]
    assert where.loc["Riverside Goods"].tolist() == [65, 48, 17]


def test_what_a_town_customer_is_worth(visits):
    """'A Riverside customer spends 144 units a year and brings 43.21 units of margin this year.
    ... 28.50 units of future margin ... A Market Street customer spends 119 units and is worth
    16.07 of future margin.' 'one more point ... 1.10 units per customer to Riverside (1.0986
    before rounding); over its 1,972 customers of 2025 that is about 2,166 units. For Market
    Street it is about 948 units.'"""
    worth = in_town.value_by_shop(visits)
    river, market = worth.loc["Riverside Goods"], worth.loc["Market Street Goods"]
    assert (
        round(river["spend a year (units)"]) == 144 and round(market["spend a year (units)"]) == 119
    )
    assert round(river["margin a year (units)"], 2) == 43.21
    assert round(river[in_town.FUTURE], 2) == 28.50 and round(market[in_town.FUTURE], 2) == 16.07
    assert river[in_town.FUTURE] < river["margin a year (units)"]  # "less than one year's margin"
    assert round(river["one more point, per customer (units)"], 4) == 1.0986
    assert river["customers in 2025"] == 1972
    assert round(river["one more point, whole shop (units)"]) == 2166
    assert round(market["one more point, whole shop (units)"]) == 948


def test_one_point_beside_a_years_margin(visits):
    """'One more point is worth 2.5 % of a year's margin from Riverside's customers (about
    85,200 units), and 1.9 % at Market Street. Riverside's lead of about 10 points in customers
    coming back is worth about 21 % of a year's margin to it.'"""
    worth = in_town.value_by_shop(visits)
    table = in_town.one_point_in_context(worth)
    assert table.iloc[:, 2].tolist() == [2.5, 1.9]
    assert table.iloc[0, 0] == 85200
    lead = worth["coming back each year (%)"].diff().abs().iloc[-1]
    assert round(lead) == 10
    assert round(100 * in_town.lead_worth(worth)) == 21


def test_the_towns_future_is_worth_under_one_year(visits):
    """Takeaway: 'r ÷ (1 + i − r) ... under 1 in our town, where fewer than half come back'."""
    from helpers.metrics import clv_multiplier

    back = in_town.shop_keeps(visits).loc["Riverside Goods", "came back in 2025 (%)"]
    assert round(back) == 44 and clv_multiplier(back / 100, 0.10) < 1


def test_the_big_purchases_are_those_on_the_call_list(calls):
    follow_ups = cached_table("follow_ups")
    last_month = pd.Timestamp("2025-12-01")
    assert calls.loc["both shops together", "big purchases"] == int(
        (follow_ups["due"] < last_month).sum()
    )


def test_the_counting_check_adds_up(visits, customers):
    table = in_town.counting_check(visits, customers)
    groups = table.drop(index="all")
    assert groups["customers"].sum() == table.loc["all", "customers"]
    weighted = (groups["visits seen, last 6 months"] * groups["customers"]).sum()
    assert weighted / groups["customers"].sum() == pytest.approx(
        table.loc["all", "visits seen, last 6 months"]
    )
