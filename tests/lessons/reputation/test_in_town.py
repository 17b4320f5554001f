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


def _column(table: pd.DataFrame) -> list:
    """The figures of a one-column table, in order."""
    assert table.shape[1] == 1
    return table.iloc[:, 0].tolist()


def test_referrals_match_the_answer_key(town, key):
    """'374 of the 1,926 customers who joined in the two years (19 %) came because a friend or
    relative praised a shop. ... 33 were brought by someone who had been brought by praise, in
    chains up to 3 generations long.' Bass section: 'in our town only 19 % of new customers came
    because a friend praised a shop'."""
    values = _column(in_town.referral_summary(town["customers"], town["referrals"]))
    assert values[0] == len(town["customers"]) == 4526
    assert values[1:4] == [1926, len(town["referrals"]), 19] and values[2] == 374
    assert values[3] == round(100 * key["referral_share_of_new_customers"])
    assert values[6] == 33 and values[8] == 3


def test_summary_tables_show_no_dtype_and_whole_counts(town):
    """Plain-words tables: one column, no "dtype" line, counts as whole numbers."""
    tables = [
        in_town.referral_summary(town["customers"], town["referrals"]),
        in_town.complaint_summary(town["visits"], town["complaints"]),
        in_town.town_reach(town["word_of_mouth"]),
    ]
    for table in tables:
        assert isinstance(table, pd.DataFrame) and "dtype" not in repr(table)
        assert all(isinstance(v, int | float) and not isinstance(v, bool) for v in _column(table))
    shown = in_town.stars_shown(
        in_town.reviews_against_surveys(town["visits"], town["surveys"], town["reviews"])
    )
    assert shown.loc["how many"].tolist() == [10288, 636, 520]
    assert "10288.0" not in repr(shown)


def test_the_shops_are_named_not_coded(town):
    tables = [
        in_town.replies_by_year(town["visits"], town["reviews"]),
        in_town.complaint_summary(town["visits"], town["complaints"]),
    ]
    for table in tables:
        assert "SH1" not in repr(table) and "SH2" not in repr(table)
        assert "Riverside Goods" in repr(table) and "Market Street Goods" in repr(table)


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


def test_who_talks(town):
    """'55 % of the visits scored 1 and 61 % of those scored 2 were talked about, against 30 % of
    those scored 5; nobody talks about a 3 or a 4. Yet there are 2.6 praise messages for every
    warning, because delighted visits are five times as many as unhappy ones.'"""
    table = in_town.word_of_mouth_by_score(town["visits"], town["word_of_mouth"])
    assert table["talked about (%)"].round().tolist() == [55, 61, 0, 0, 30]
    ratio = table.loc[5, "visits"] / table.loc[[1, 2], "visits"].sum()
    assert 4.5 <= ratio <= 5.5
    assert round(in_town.praise_per_warning(town["word_of_mouth"]), 1) == 2.6


def test_the_simulator_reaches_about_half_as_many_as_the_town(town):
    """'A visit that was talked about reached 3.0 people, about twice the simulator's 1.46: 41 %
    of them never became customers of either shop.' How far: 'they are 41 % of the people who
    hear word of mouth'."""
    reach = _column(in_town.town_reach(town["word_of_mouth"]))
    assert reach[2:] == [2.6, 3.0, 41]
    town_reach = in_town.listeners_per_talker(town["word_of_mouth"])
    model = spread().per_talker()["hear_praise"]
    assert round(model, 2) == 1.46
    assert 0.4 <= model / town_reach <= 0.6


def test_the_stars_match_the_answer_key(town, key):
    table = in_town.reviews_against_surveys(town["visits"], town["surveys"], town["reviews"])
    for s in range(1, 6):
        assert table.loc[s, "online reviews"] == pytest.approx(100 * key[f"review_stars_{s}"])
    assert table.loc[[1, 2, 3, 4, 5]].sum().round(6).tolist() == [100, 100, 100]


def test_the_surveys_lean_less_than_the_reviews(town):
    """'8.27 % of the 520 reviews are 1 star, while only 1.11 % of all visits scored 1; 61.35 %
    are 5 stars, against 34.53 % of visits. The surveys lean the same way, less strongly (50 %
    fives).'"""
    table = in_town.reviews_against_surveys(town["visits"], town["surveys"], town["reviews"])
    truth, survey, online = (table.loc[5, c] for c in table.columns)
    assert truth < survey < online
    assert [round(v, 2) for v in (truth, survey, online)] == [34.53, 50.0, 61.35]
    assert round(table.loc[1, "online reviews"], 2) == 8.27
    assert round(table.loc[1, "all visits (true)"], 2) == 1.11
    assert table.loc[1, "all visits (true)"] < table.loc[1, "online reviews"]


def test_the_reply_lift_matches_the_answer_key(town, key):
    """For the curious: 'For Market Street these rose by +0.16 ... Market Street's runs from
    +0.03 to +0.28. Pooling ... gives +0.07 (from −0.03 to +0.17), a range that includes zero
    ... on 78 and 101 reviews the data can neither pin that down nor tell it from the hotels'
    +0.12. The chart's figures are worked out before rounding, so its top line reads +0.50, not
    3.57 − 3.08 = 0.49.'"""
    lift = in_town.reply_lift(town["visits"], town["reviews"])
    pooled = lift.loc["stars above the truth, all replying reviews"]
    assert pooled["lift"] == pytest.approx(key["reply_star_lift"])
    assert pooled.round(2).tolist() == [0.07, -0.03, 0.17]
    assert pooled["low"] < 0 < pooled["high"]  # 'a range ... that includes zero'
    within = lift.loc["stars above the truth, Market Street"]
    assert within.round(2).tolist() == [0.16, 0.03, 0.28]
    assert 0 < within["low"] < REPLY_STAR_GAIN < within["high"]  # cannot tell it from +0.12
    naive = lift.loc["stars, Market Street"]
    assert naive["lift"] > within["lift"] and naive["low"] > 0
    assert round(naive["lift"], 2) == 0.50
    table = in_town.replies_by_year(town["visits"], town["reviews"])
    market = table.xs("Market Street Goods", level=0)
    assert market["reviews"].tolist() == [78, 101]
    assert round(market["average stars"].diff().iloc[1], 2) == 0.49


def test_market_streets_reviewed_visits_were_better(town):
    """'Market Street's stars rose by about half a star (3.08 → 3.57). But the reviewed visits
    were better too (true score 3.06 → 3.41), while all its visits improved only a little (3.62
    → 3.70): service improved a little, and the reviewed visits happened to be better.'"""
    table = in_town.replies_by_year(town["visits"], town["reviews"])
    market = table.xs("Market Street Goods", level=0)
    assert market["average stars"].tolist() == [3.08, 3.57]
    reviewed = market["true score of the reviewed visits"].tolist()
    everyone = market["true score of all its visits"].tolist()
    assert reviewed == [3.06, 3.41] and everyone == [3.62, 3.70]
    assert 0 < everyone[1] - everyone[0] < 0.5 * (reviewed[1] - reviewed[0])


def test_reply_rates(town):
    """'Riverside replied to about 60 % of its reviews in both years (64 % and 59 %); Market
    Street to none in 2024 and to 67 % in 2025.'"""
    rates = in_town.reply_rates(town["reviews"])
    assert rates.loc[("SH2", 2024), "replied to (%)"] == 0
    assert rates.loc[("SH2", 2025), "replied to (%)"] > 50
    assert rates.loc[("SH1", 2024), "replied to (%)"] > 50
    assert rates["reviews"].sum() == len(town["reviews"])
    shown = in_town.replies_by_year(town["visits"], town["reviews"])["replied to (%)"].tolist()
    assert shown == [64, 59, 0, 67]


def test_complaints_match_the_answer_key(town, key):
    """'In two years and 10,288 visits there were only 179 complaints: 141 of the 700 unhappy
    visits led to one, 20 %, one in five. After a generous answer 18 % came back the next month,
    after a stingy one 1 %. But Riverside settles 73 % of complaints generously and Market
    Street 30 %.'"""
    values = _column(in_town.complaint_summary(town["visits"], town["complaints"]))
    assert values == [10288, 700, 179, 141, 20, 73, 30, 18, 1]
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
    # For the curious: 'Riverside 10 % against 0 %, Market Street 31.2 % against 1.4 % ...
    # Riverside's stingy figure rests on 16 complaints.'
    shares = table["came back (%)"].round(1).to_dict()
    assert round(shares[("SH1", "generous")]) == 10 and shares[("SH1", "stingy")] == 0
    assert (shares[("SH2", "generous")], shares[("SH2", "stingy")]) == (31.2, 1.4)
    assert table.loc[("SH1", "stingy"), "followed"] == 16
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


def test_generous_answers_were_also_faster(town):
    """For the curious: 'generous answers also came faster (in 3 days against 12, the
    medians).'"""
    days = in_town.days_to_settle(town["complaints"])
    assert (days["generous"], days["stingy"]) == (3, 12)
