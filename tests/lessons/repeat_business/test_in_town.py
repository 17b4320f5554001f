"""Repeat business in the sample town: the numbers the notebook states that no checked cell
shows, and the analysis' own checks (the town was built with known effects)."""

import pandas as pd
import pytest

from helpers.data import cached_table
from helpers.lessons.repeat_business import in_town
from helpers.lessons.repeat_business.tenure import FADER_HARDIE_2007, fit


@pytest.fixture(scope="module")
def visits():
    return cached_table("visits")


@pytest.fixture(scope="module")
def customers():
    return cached_table("customers")


@pytest.fixture(scope="module")
def calls(visits):
    return in_town.follow_up_table(visits, cached_table("follow_ups"))


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
    assert row["CLV (units)"] == pytest.approx(
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
    """'about 22 points here (column planted gap)'; both comparisons come out higher."""
    assert calls["planted gap (points)"].round().eq(22).sum() >= 2
    assert (calls["gap (points)"] > calls["planted gap (points)"]).all()
    assert in_town.within_shop_gap(calls) > calls.loc["both shops together", "planted gap (points)"]


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
