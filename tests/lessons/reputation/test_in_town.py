"""The town analysis of notebook 03: it finds what the answer key says, and its sentences hold."""

import numpy as np
import pandas as pd
import pytest

from helpers.data import load_town, returned_next_month
from helpers.lessons.reputation import in_town, town_charts
from helpers.lessons.reputation.reviews import REPLY_STAR_GAIN
from helpers.lessons.reputation.word_of_mouth import spread
from helpers.town import measure_effects


@pytest.fixture(scope="module")
def town():
    return load_town()


@pytest.fixture(scope="module")
def key(town):
    return measure_effects(town)


def test_referrals_match_the_answer_key(town, key):
    summary = in_town.referral_summary(town["customers"], town["referrals"])
    assert summary.iloc[2] == len(town["referrals"]) == 374
    assert summary.iloc[3] == round(100 * key["referral_share_of_new_customers"]) == 19


def test_referral_trees_hold_every_referral(town):
    trees = in_town.referral_trees(town["referrals"])
    referred = set(town["referrals"]["new_customer_id"])
    assert not set(trees["referrer_id"]) & referred  # first referrers were not referred
    assert trees["size"].sum() == len(town["referrals"])  # every referral in one tree
    assert (trees["generations"] >= 1).all()


def test_praise_per_warning_matches_the_answer_key(town, key):
    assert in_town.praise_per_warning(town["word_of_mouth"]) == pytest.approx(
        key["praise_to_warning_ratio"]
    )


def test_five_times_as_many_delighted_as_unhappy_visits(town):
    """'... because there are five times as many delighted visits as unhappy ones.'"""
    table = in_town.word_of_mouth_by_score(town["visits"], town["word_of_mouth"])
    ratio = table.loc[5, "visits"] / table.loc[[1, 2], "visits"].sum()
    assert 4.5 <= ratio <= 5.5


def test_the_model_reaches_about_half_as_many_as_the_town(town):
    """'The model ..., which walks the ties file only, reaches about half as many (1.46 per
    talker).'"""
    town_reach = in_town.listeners_per_talker(town["word_of_mouth"])
    model = spread().per_talker()["hear_praise"]
    assert 0.4 <= model / town_reach <= 0.6


def test_the_stars_match_the_answer_key(town, key):
    table = in_town.reviews_against_surveys(town["visits"], town["surveys"], town["reviews"])
    for s in range(1, 6):
        assert table.loc[s, "online reviews"] == pytest.approx(100 * key[f"review_stars_{s}"])
    assert table.loc[[1, 2, 3, 4, 5]].sum().round(6).tolist() == [100, 100, 100]


def test_the_surveys_lean_less_than_the_reviews(town):
    """'The surveys lean the same way, less strongly.'"""
    table = in_town.reviews_against_surveys(town["visits"], town["surveys"], town["reviews"])
    truth, survey, online = (table.loc[5, c] for c in table.columns)
    assert truth < survey < online
    assert table.loc[1, "all visits (true)"] < table.loc[1, "online reviews"]


def test_the_reply_lift_matches_the_answer_key(town, key):
    lift = in_town.reply_lift(town["visits"], town["reviews"])
    pooled = lift.loc["stars above the truth, all replying reviews"]
    assert pooled["lift"] == pytest.approx(key["reply_star_lift"])
    assert pooled["low"] < 0 < pooled["high"]  # 'a range ... that includes zero'
    within = lift.loc["stars above the truth, Market Street"]
    assert 0 < within["low"] < REPLY_STAR_GAIN < within["high"]  # cannot tell it from +0.12
    naive = lift.loc["stars, Market Street"]
    assert naive["lift"] > within["lift"] and naive["low"] > 0


def test_market_streets_service_improved_too(town):
    """'But the visits behind the 2025 reviews were better too: service improved.'"""
    table = in_town.market_street_before_after(town["visits"], town["reviews"])
    assert table.loc[2025, "true satisfaction"] > table.loc[2024, "true satisfaction"] + 0.2


def test_reply_rates(town):
    rates = in_town.reply_rates(town["reviews"])
    assert rates.loc[("SH2", 2024), "replied to (%)"] == 0
    assert rates.loc[("SH2", 2025), "replied to (%)"] > 50
    assert rates.loc[("SH1", 2024), "replied to (%)"] > 50
    assert rates["reviews"].sum() == len(town["reviews"])


def test_complaints_match_the_answer_key(town, key):
    summary = in_town.complaint_summary(town["visits"], town["complaints"])
    values = dict(zip(range(len(summary)), summary.to_numpy(), strict=True))
    assert values[4] == round(100 * key["complaint_share_unhappy"])
    assert values[5] == round(100 * key["generous_share_SH1"])
    assert values[6] == round(100 * key["generous_share_SH2"])
    assert values[7] == round(100 * key["return_after_generous"])
    assert values[8] == round(100 * key["return_after_stingy"])


def test_complaint_outcomes_and_their_likely_ranges(town):
    table = in_town.complaint_outcomes(town["visits"], town["complaints"])
    assert table["complaints"].sum() == len(town["complaints"])
    assert (
        (table["lowest likely (%)"] <= table["came back (%)"])
        & (table["came back (%)"] <= table["highest likely (%)"])
    ).all()
    for shop in ("SH1", "SH2"):  # 'within each shop generous still does better'
        assert (
            table.loc[(shop, "generous"), "came back (%)"]
            > table.loc[(shop, "stingy"), "came back (%)"]
        )
    # the same "came back next month" as the rest of the course
    came = returned_next_month(town["visits"])
    generous = town["complaints"].loc[town["complaints"]["resolution"] == "generous", "visit_id"]
    share = came[town["visits"]["visit_id"].isin(generous)].dropna().astype(float).mean()
    both = table.xs("generous", level="resolution")
    assert both["came back"].sum() / both["followed"].sum() == pytest.approx(share)


def test_the_charts_draw(town):
    figures = [
        town_charts.referral_chart(town["referrals"]),
        town_charts.word_of_mouth_chart(
            in_town.word_of_mouth_by_score(town["visits"], town["word_of_mouth"])
        ),
        town_charts.stars_chart(
            in_town.reviews_against_surveys(town["visits"], town["surveys"], town["reviews"])
        ),
        town_charts.reply_chart(in_town.reply_lift(town["visits"], town["reviews"]), 0.12),
        town_charts.complaints_chart(
            in_town.complaint_outcomes(town["visits"], town["complaints"])
        ),
    ]
    for figure in figures:
        assert figure.data and figure.layout.title.text


def test_the_referral_chart_draws_the_biggest_trees(town):
    figure = town_charts.referral_chart(town["referrals"], trees=3)
    people = sum(len(trace.x) for trace in figure.data[1:])
    trees = in_town.referral_trees(town["referrals"]).head(3)
    assert people == int(trees["size"].sum()) + 3
    assert isinstance(pd.Series(figure.data[0].x).dropna().to_numpy(), np.ndarray)
