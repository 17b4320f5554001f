"""Reputation in the sample town: the questions of notebook 03, asked of the data.

* :func:`referral_summary` and :func:`referral_trees`: who brought whom (``referrals.csv``).
* :func:`word_of_mouth_by_score`: how often a visit was talked about, by its true satisfaction.
* :func:`reviews_against_surveys`: the J-shape of the stars beside the survey answers and the
  true satisfaction of every visit.
* :func:`replies_by_year`, :func:`reply_rates` and :func:`reply_lift`: the shops' replies to
  reviews, and Market Street's stars before (2024) and after (2025) it started replying, beside
  the true satisfaction of the reviewed visits and of all its visits, with 95 % intervals.
* :func:`complaint_outcomes`: came back next month after a generous or a stingy resolution, by
  shop, with Wilson intervals (the two shops resolve differently: a confound).

The town is fictional (``helpers/town``) and was built on the published figures this notebook
teaches; ``data/README.md`` lists the planted effects. Finding them again shows that the analysis
works, not that the figures are true. Some columns (true satisfaction, ties, word of mouth, the
visit behind a review) exist only because the town is invented; a real shop never sees them.
"""

from __future__ import annotations

import math

import pandas as pd

from helpers.data import returned_next_month, shop_names
from helpers.i18n import _
from helpers.lessons.reputation.tables import one_column
from helpers.metrics import wilson_interval

#: 95 % of a normal distribution lies within this many standard errors of its mean.
Z95 = 1.96
SCORES = (1, 2, 3, 4, 5)
#: Riverside replied to reviews from the start of the records; Market Street from 2025 on.
MARKET_STREET, RIVERSIDE = "SH2", "SH1"


def referral_trees(referrals: pd.DataFrame) -> pd.DataFrame:
    """One row per *first* referrer (someone whose praise brought a customer, and who was not
    brought by praise themselves): how many customers their praise brought, directly or through
    those it brought (``size``), and over how many generations (``generations``)."""
    children = referrals.groupby("referrer_id")["new_customer_id"].apply(list).to_dict()
    roots = sorted(set(referrals["referrer_id"]) - set(referrals["new_customer_id"]))

    def walk(person: str) -> tuple[int, int]:
        size, depth = 0, 0
        for child in children.get(person, []):
            below, deeper = walk(child)
            size, depth = size + 1 + below, max(depth, 1 + deeper)
        return size, depth

    rows = [(root, *walk(root)) for root in roots]
    table = pd.DataFrame(rows, columns=["referrer_id", "size", "generations"])
    return table.sort_values(["size", "generations", "referrer_id"], ascending=[False, False, True])


def referral_summary(customers: pd.DataFrame, referrals: pd.DataFrame) -> pd.DataFrame:
    """How many customers praise brought, and how far chains of praise reached (one column)."""
    new = customers["acquired_via"].astype(str) != "existing"
    referred = set(referrals["new_customer_id"])
    per_referrer = referrals["referrer_id"].value_counts()
    second = referrals["referrer_id"].isin(referred)
    trees = referral_trees(referrals)
    return one_column(
        {
            _("people in the customer file"): len(customers),
            _("new customers in the two years"): int(new.sum()),
            _("brought by a friend's praise"): len(referrals),
            _("share of new customers brought by praise (%)"): round(
                100 * len(referrals) / new.sum()
            ),
            _("customers whose praise brought someone"): len(per_referrer),
            _("of them, brought two or more"): int((per_referrer >= 2).sum()),
            _("brought by someone who was brought by praise"): int(second.sum()),
            _("most customers one person's praise led to"): int(trees["size"].max()),
            _("most generations in one chain"): int(trees["generations"].max()),
        }
    )


def word_of_mouth_by_score(visits: pd.DataFrame, word_of_mouth: pd.DataFrame) -> pd.DataFrame:
    """By the visit's true satisfaction: visits, share talked about (%), and people told per
    visit, as praise and as warnings."""
    score = visits.set_index("visit_id")["satisfaction"].astype(int)
    told = word_of_mouth.assign(score=word_of_mouth["visit_id"].map(score))
    kinds = pd.crosstab(told["score"], told["kind"].astype(str))
    kinds = kinds.reindex(index=SCORES, columns=["praise", "warning"], fill_value=0)
    visits_by = score.value_counts().reindex(SCORES, fill_value=0)
    talked = told.groupby("score")["visit_id"].nunique().reindex(SCORES, fill_value=0)
    return pd.DataFrame(
        {
            "visits": visits_by,
            "talked about (%)": 100 * talked / visits_by,
            "praise per visit": kinds["praise"] / visits_by,
            "warnings per visit": kinds["warning"] / visits_by,
        }
    ).rename_axis("score")


def praise_per_warning(word_of_mouth: pd.DataFrame) -> float:
    """Praise messages per warning in the town (East, Hammond & Wright 2007: about 3)."""
    kind = word_of_mouth["kind"].astype(str)
    return float((kind == "praise").sum() / (kind == "warning").sum())


def listeners_per_talker(word_of_mouth: pd.DataFrame) -> float:
    """People told per visit that was talked about (friends and family who heard)."""
    return float(len(word_of_mouth) / word_of_mouth["visit_id"].nunique())


def _shares(values: pd.Series) -> pd.Series:
    counts = values.astype(int).value_counts().reindex(SCORES, fill_value=0)
    return 100 * counts / counts.sum()


def reviews_against_surveys(
    visits: pd.DataFrame, surveys: pd.DataFrame, reviews: pd.DataFrame
) -> pd.DataFrame:
    """Share (%) at each score: every visit's true satisfaction, the survey answers (CSAT
    question) and the stars of online reviews; with how many each rests on, and the mean."""
    answered = surveys.loc[surveys["responded"].astype(bool), "csat"]
    columns = {
        "all visits (true)": visits["satisfaction"],
        "survey answers": answered,
        "online reviews": reviews["stars"],
    }
    table = pd.DataFrame({name: _shares(values) for name, values in columns.items()})
    table.loc["mean"] = [float(values.astype(float).mean()) for values in columns.values()]
    table.loc["how many"] = [len(values) for values in columns.values()]
    return table


def _reviews_with_truth(visits: pd.DataFrame, reviews: pd.DataFrame) -> pd.DataFrame:
    """Reviews with the reviewed visit's true satisfaction (fiction only) and the year."""
    truth = visits.set_index("visit_id")["satisfaction"].astype(float)
    out = reviews.assign(
        stars=reviews["stars"].astype(float),
        truth=reviews["visit_id"].map(truth),
        year=reviews["date"].dt.year,
        answered=reviews["reply"].notna(),
    )
    return out.assign(above=out["stars"] - out["truth"])


def reply_rates(reviews: pd.DataFrame) -> pd.DataFrame:
    """Per shop and year: reviews, share replied to (%), and share of 1-2 star reviews replied
    to (%)."""
    data = reviews.assign(
        year=reviews["date"].dt.year,
        answered=reviews["reply"].notna(),
        bad=reviews["stars"].astype(int) <= 2,
    )
    grouped = data.groupby(["shop_id", "year"])
    table = pd.DataFrame(
        {
            "reviews": grouped.size(),
            "replied to (%)": 100 * grouped["answered"].mean(),
            "bad reviews replied to (%)": 100
            * data[data["bad"]].groupby(["shop_id", "year"])["answered"].mean(),
        }
    )
    return table.fillna(0.0)


def _difference(after: pd.Series, before: pd.Series) -> dict[str, float]:
    """Difference of two means with its 95 % interval (normal approximation)."""
    gap = float(after.mean() - before.mean())
    error = math.sqrt(after.var() / len(after) + before.var() / len(before))
    return {"lift": gap, "low": gap - Z95 * error, "high": gap + Z95 * error}


def reply_lift(visits: pd.DataFrame, reviews: pd.DataFrame) -> pd.DataFrame:
    """Three measures of what replying did to the stars, each with a 95 % interval.

    * ``stars, Market Street``: its mean stars in 2025 (replying) minus 2024 (not yet). What a
      real shop can see; it also holds everything else that changed between the two years.
    * ``stars above the truth, Market Street``: the same for stars minus the reviewed visit's
      true satisfaction, so better service in 2025 is taken out (fiction only).
    * ``stars above the truth, all replying reviews``: every review posted while its shop
      replied against Market Street's 2024 reviews (the answer key's measure).
    """
    data = _reviews_with_truth(visits, reviews)
    market = data[data["shop_id"] == MARKET_STREET]
    before, after = market[market["year"] == 2024], market[market["year"] == 2025]
    replying = (data["shop_id"] == RIVERSIDE) | (data["year"] == 2025)
    rows = {
        "stars, Market Street": _difference(after["stars"], before["stars"]),
        "stars above the truth, Market Street": _difference(after["above"], before["above"]),
        "stars above the truth, all replying reviews": _difference(
            data.loc[replying, "above"], data.loc[~replying, "above"]
        ),
    }
    return pd.DataFrame.from_dict(rows, orient="index")


def market_street_before_after(visits: pd.DataFrame, reviews: pd.DataFrame) -> pd.DataFrame:
    """Market Street's reviews before (2024) and after (2025) it began replying: how many, mean
    stars, the reviewed visits' mean true satisfaction, and stars above the truth."""
    data = _reviews_with_truth(visits, reviews)
    market = data[data["shop_id"] == MARKET_STREET]
    grouped = market.groupby("year")
    return pd.DataFrame(
        {
            "reviews": grouped.size(),
            "mean stars": grouped["stars"].mean(),
            "true satisfaction": grouped["truth"].mean(),
            "stars above the truth": grouped["above"].mean(),
        }
    )


def replies_by_year(visits: pd.DataFrame, reviews: pd.DataFrame) -> pd.DataFrame:
    """Per shop (by name) and year: reviews, share replied to (%), average stars, the true
    satisfaction of the reviewed visits and of all the shop's visits (fiction only), rounded as
    the notebook reads them."""
    data = _reviews_with_truth(visits, reviews)
    grouped = data.groupby(["shop_id", "year"])
    truth = visits.assign(
        year=visits["date"].dt.year, score=visits["satisfaction"].astype(float)
    ).groupby(["shop_id", "year"])["score"]
    table = pd.DataFrame(
        {
            _("reviews"): grouped.size(),
            _("replied to (%)"): (100 * grouped["answered"].mean()).round().astype(int),
            _("average stars"): grouped["stars"].mean().round(2),
            _("true score of the reviewed visits"): grouped["truth"].mean().round(2),
            _("true score of all its visits"): truth.mean().round(2),
        }
    )
    names = shop_names()
    table.index = pd.MultiIndex.from_tuples(
        [(names[shop], int(year)) for shop, year in table.index], names=[_("shop"), _("year")]
    )
    return table


def stars_shown(table: pd.DataFrame) -> pd.DataFrame:
    """:func:`reviews_against_surveys` as the notebook shows it: shares and means to two
    decimals, and how many each column rests on as whole numbers."""
    shown = table.astype(object)
    shown.loc[list(SCORES) + ["mean"]] = table.loc[list(SCORES) + ["mean"]].round(2)
    shown.loc["how many"] = table.loc["how many"].astype(int)
    return shown


def days_to_settle(complaints: pd.DataFrame) -> pd.Series:
    """Median days from complaint to resolution, by resolution (generous answers come faster)."""
    resolution = complaints["resolution"].astype(str)
    return complaints.groupby(resolution)["days_to_resolve"].median()


def complaint_outcomes(visits: pd.DataFrame, complaints: pd.DataFrame) -> pd.DataFrame:
    """Came back next month after a complaint, by shop and resolution, with a 95 % Wilson
    interval. Complaints about a visit in the last month cannot be followed and are left out of
    the share (``followed``)."""
    came = returned_next_month(visits)
    back = complaints["visit_id"].map(pd.Series(came.to_numpy(), index=visits["visit_id"]))
    data = complaints.assign(back=back, resolution=complaints["resolution"].astype(str))
    rows = []
    for (shop, resolution), group in data.groupby(["shop_id", "resolution"], sort=True):
        known = group["back"].dropna().astype(bool)
        low, high = wilson_interval(int(known.sum()), len(known))
        rows.append(
            {
                "shop_id": shop,
                "resolution": resolution,
                "complaints": len(group),
                "followed": len(known),
                "came back": int(known.sum()),
                "came back (%)": 100 * known.mean(),
                "lowest likely (%)": 100 * low,
                "highest likely (%)": 100 * high,
            }
        )
    return pd.DataFrame(rows).set_index(["shop_id", "resolution"])


def complaint_summary(visits: pd.DataFrame, complaints: pd.DataFrame) -> pd.DataFrame:
    """How few complaints there are, and how differently the shops settle them (one column)."""
    unhappy = visits["satisfaction"].astype(int) <= 2
    about_unhappy = complaints["visit_id"].isin(visits.loc[unhappy, "visit_id"])
    by_shop = complaints.assign(generous=complaints["resolution"].astype(str) == "generous")
    generous = by_shop.groupby("shop_id")["generous"].mean()
    table = complaint_outcomes(visits, complaints)
    by_resolution = table.groupby(level="resolution")[["followed", "came back"]].sum()
    share = 100 * by_resolution["came back"] / by_resolution["followed"]
    names = shop_names()
    return one_column(
        {
            _("visits in two years"): len(visits),
            _("unhappy visits (1-2)"): int(unhappy.sum()),
            _("complaints"): len(complaints),
            _("complaints about an unhappy visit"): int(about_unhappy.sum()),
            _("unhappy visits that led to a complaint (%)"): round(
                100 * about_unhappy.sum() / unhappy.sum()
            ),
            _("{shop} settles generously (%)").format(shop=names[RIVERSIDE]): round(
                100 * generous[RIVERSIDE]
            ),
            _("{shop} settles generously (%)").format(shop=names[MARKET_STREET]): round(
                100 * generous[MARKET_STREET]
            ),
            _("came back after a generous one (%)"): round(float(share["generous"])),
            _("came back after a stingy one (%)"): round(float(share["stingy"])),
        }
    )


def town_reach(word_of_mouth: pd.DataFrame) -> pd.DataFrame:
    """Who hears word of mouth in the town: people told per talked-about visit, and the share of
    them who never became customers (so they are not in the ties file); one column."""
    listeners = word_of_mouth["listener_id"]
    return one_column(
        {
            _("praise messages"): int((word_of_mouth["kind"].astype(str) == "praise").sum()),
            _("warnings"): int((word_of_mouth["kind"].astype(str) == "warning").sum()),
            _("praise per warning"): round(praise_per_warning(word_of_mouth), 1),
            _("people told per visit talked about"): round(listeners_per_talker(word_of_mouth), 1),
            _("heard by people who never became customers (%)"): round(
                100 * float(listeners.isna().mean())
            ),
        }
    )


__all__ = [
    "complaint_outcomes",
    "complaint_summary",
    "days_to_settle",
    "market_street_before_after",
    "praise_per_warning",
    "referral_summary",
    "referral_trees",
    "reply_lift",
    "replies_by_year",
    "reply_rates",
    "reviews_against_surveys",
    "stars_shown",
    "town_reach",
    "word_of_mouth_by_score",
]
