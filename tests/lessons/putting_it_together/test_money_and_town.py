"""The money of the chain, and the chain in the sample town."""

import math

import numpy as np
import pandas as pd
import pytest

from helpers.data import load_town
from helpers.lessons.putting_it_together import in_town, money


@pytest.fixture(scope="module")
def town():
    return load_town()


@pytest.fixture(scope="module")
def people(town):
    return in_town.staff_chain(town)


def test_spend_per_visit_is_the_towns_average(town):
    assert money.SPEND_PER_VISIT == round(town["visits"]["amount"].mean())


def test_a_leaver_costs_16_percent_of_a_years_pay():
    """Boushey & Glynn (2012): about 16 % of a year's pay for jobs under $30,000 a year."""
    assert money.replacing() == pytest.approx(0.16 * 12 * money.WAGE)


def test_a_training_hour_is_the_trainer_and_the_materials_not_the_pay():
    """The hour's pay is in the wages already: a training hour costs less than an hour's pay
    plus the trainer (ours: 30 units; a full-time hour is paid about 12.5)."""
    assert money.TRAINING_HOUR == 30
    assert money.WAGE * 12 / 1920 == pytest.approx(12.5)


def test_fixed_costs():
    costs = money.fixed_costs(money.Settings(staff=8, training_hours=30, turnover=50))
    assert costs == {
        "wages": 8 * money.WAGE,
        "training": 8 * 30 / 12 * money.TRAINING_HOUR,
        "replacing": 8 * 0.5 / 12 * money.replacing(),
    }


def test_the_correlation_interval_is_fishers():
    low, high = in_town.correlation_interval(0.5, 28)
    spread = 1.96 / 5
    assert low == pytest.approx(math.tanh(math.atanh(0.5) - spread))
    assert high == pytest.approx(math.tanh(math.atanh(0.5) + spread))
    assert in_town.correlation_interval(0.9, 3) == (-1.0, 1.0)


def test_on_a_dozen_people_even_no_link_spans_more_than_a_unit():
    """'On 12 people even no link at all (0) has an interval from about -0.57 to 0.57.'"""
    low, high = in_town.correlation_interval(0.0, 12)
    assert round(low, 2) == -0.57 and round(high, 2) == 0.57
    assert in_town.interval_width(12) > 1 > in_town.interval_width(24)


def test_every_referral_is_counted_once_against_the_visit_praised(town, people):
    assert people["referrals_per_100"].mul(people["visits"]).div(100).sum() == pytest.approx(
        len(town["referrals"])
    )
    assert people["visits"].sum() == len(town["visits"])


def test_the_shops_as_the_text_reads_them(people):
    table = in_town.shop_chain(people)
    riverside, market = table["Riverside Goods"], table["Market Street Goods"]
    assert list(riverside) == [12, 72, 25, 42, 31, 4.5]
    assert list(market) == [12, 49, 9, 22, 20, 2.1]
    assert "came back next month, to either shop (%)" in table.index


def test_the_correlations_as_the_text_reads_them(people):
    engagement = in_town.link_strength(people)
    assert list(engagement["people"]) == [24, 12, 12]
    assert list(engagement["correlation"]) == [0.86, 0.79, 0.70]
    assert engagement.loc["within Market Street Goods", "likely from"] == 0.21
    assert engagement.loc["within Market Street Goods", "likely to"] == 0.91
    training = in_town.link_strength(people, "training_hours", "delighted")
    assert training.loc["all 24 staff", "correlation"] == 0.85
    within = training.iloc[1:]
    assert (within["likely from"] < 0).all() and (within["likely to"] > 0).all()


def test_the_correlation_tables_say_what_they_compare(people):
    assert in_town.link_strength(people).index.name == "engagement with delighted visits"
    training = in_town.link_strength(people, "training_hours", "delighted")
    assert training.index.name == "training hours with delighted visits"


def test_staff_rows_are_complete(people):
    assert len(people) == 24 and not people[["visits", "delighted"]].isna().any().any()
    assert isinstance(people, pd.DataFrame) and np.isfinite(people["came_back"]).all()
