"""Repeat business in the sample town: the questions of notebook 02, asked of the data.

* :func:`monthly_by_shop`: each shop's customers per month and Riverside's share.
* :func:`shop_keeps`: of each shop's customers in 2024, how many came back to it in 2025, went
  only to the other shop, or to neither.
* :func:`value_by_shop`: what a customer is worth to each shop (CLV), and what one more point of
  customers coming back is worth. The margin is **not** in the data: it is a parameter
  (:data:`MARGIN_SHARE`, illustrative).
* :func:`cohorts` and :func:`cohort_fit`: quarterly cohorts of new customers and the
  shifted-beta-geometric fit. The town is not a subscription: a customer counts as *kept* in a
  quarter when they visit in it, and as lost from the first quarter without a visit. That is an
  approximation (:func:`came_back_later` says how many "lost" customers visit again later).
* follow-up calls: :mod:`helpers.lessons.repeat_business.town_calls`.
* :func:`histories` and :func:`counting_check`: the BG/NBD model fitted to 18 months and checked
  on the last 6.

The town is fictional (``helpers/town``); ``data/README.md`` lists the effects planted in it.
Finding them again shows that the analysis works, not that the published figures are true.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from helpers.data import month_number, shop_names
from helpers.i18n import _
from helpers.lessons.repeat_business import counting, tenure
from helpers.lessons.repeat_business.value import one_point_for_the_shop
from helpers.metrics import clv

#: Illustrative: the share of what customers spend that the shop keeps as margin (not in the
#: data; a typical gross margin for household goods, chosen for teaching).
MARGIN_SHARE = 0.30
#: Discount rate for the town's CLV (as in the simulator's default).
DISCOUNT_RATE = 0.10
#: Quarters in the records (2024-2025).
QUARTERS = 8
#: The BG/NBD check: fit on visits before this day, compare with the visits after it.
HOLDOUT_START = pd.Timestamp("2025-07-01")
RECORDS_END = pd.Timestamp("2026-01-01")  # the day after the last day of the records


def monthly_by_shop(visits: pd.DataFrame) -> pd.DataFrame:
    """Customers (visits) of each shop in each month (1 = January 2024), and Riverside's share."""
    month = pd.Series(1 + month_number(visits["date"]), index=visits.index, name="month")
    table = pd.crosstab(month, visits["shop_id"])
    table = table.rename(columns=shop_names())
    table["Riverside share (%)"] = 100 * table.iloc[:, 0] / table.iloc[:, :2].sum(axis=1)
    return table


def share_first_last(monthly: pd.DataFrame) -> pd.DataFrame:
    """Riverside's share of the visits (whole %) in the first and the last month, in words."""
    share = monthly["Riverside share (%)"]
    return pd.DataFrame(
        {_("Riverside's share of the visits (%)"): [round(share.iloc[0]), round(share.iloc[-1])]},
        index=pd.Index(
            [_("month 1 (January 2024)"), _("month 24 (December 2025)")], name=_("month")
        ),
    )


def _customers_by_year(visits: pd.DataFrame) -> dict[tuple[str, int], set]:
    year = visits["date"].dt.year
    grouped = visits.groupby([visits["shop_id"], year])["customer_id"]
    return {key: set(ids) for key, ids in grouped}


def shop_keeps(visits: pd.DataFrame) -> pd.DataFrame:
    """For each shop's 2024 customers, the share (%) who in 2025 came back to it, went only to
    the other shop, or went to neither."""
    by_year = _customers_by_year(visits)
    shops = sorted({shop for shop, _year in by_year})
    rows = {}
    for shop in shops:
        other = next(s for s in shops if s != shop)
        before, after = by_year[(shop, 2024)], by_year[(shop, 2025)]
        elsewhere = by_year[(other, 2025)] - after
        rows[shop_names()[shop]] = {
            "customers in 2024": len(before),
            "came back in 2025 (%)": 100 * len(before & after) / len(before),
            "went only to the other shop (%)": 100 * len(before & elsewhere) / len(before),
            "went to neither (%)": 100 * len(before - after - elsewhere) / len(before),
        }
    return pd.DataFrame.from_dict(rows, orient="index")


#: What :func:`value_by_shop` calls the course's CLV: the future margin, from next year on.
FUTURE = "future margin, from next year on (units)"


def value_by_shop(
    visits: pd.DataFrame,
    margin_share: float = MARGIN_SHARE,
    discount_rate: float = DISCOUNT_RATE,
) -> pd.DataFrame:
    """What a customer is worth to each shop (units), from the 2025 spend and the 2024 → 2025
    share coming back; and what one more point of customers coming back is worth.

    The worth is the course's CLV: the future margin, **from next year on**, in today's money
    (this year's margin comes on top). A customer absent for a whole year counts here as lost
    for good, as in a subscription; in this town many come back later, so the figure is on the
    low side (see :func:`came_back_later`)."""
    keeps = shop_keeps(visits)
    year = visits["date"].dt.year
    recent = visits[year == 2025]
    rows = {}
    for shop, name in shop_names().items():
        mine = recent[recent["shop_id"] == shop]
        customers = mine["customer_id"].nunique()
        spend = float(mine["amount"].sum()) / customers
        margin = margin_share * spend
        back = float(keeps.loc[name, "came back in 2025 (%)"]) / 100
        rows[name] = {
            "customers in 2025": customers,
            "spend a year (units)": spend,
            "margin a year (units)": margin,
            "coming back each year (%)": 100 * back,
            FUTURE: clv(margin, back, discount_rate),
            "one more point, per customer (units)": one_point_for_the_shop(
                margin, back, discount_rate, 1
            ),
            "one more point, whole shop (units)": one_point_for_the_shop(
                margin, back, discount_rate, customers
            ),
        }
    return pd.DataFrame.from_dict(rows, orient="index")


def one_point_in_context(worth: pd.DataFrame) -> pd.DataFrame:
    """What one more point of customers coming back is worth to each shop, beside a year's
    margin from its 2025 customers (units, and %)."""
    year = worth["customers in 2025"] * worth["margin a year (units)"]
    point = worth["one more point, whole shop (units)"]
    table = pd.DataFrame(
        {
            _("a year's margin from its 2025 customers (units)"): year.round(-2).astype(int),
            _("one more point is worth (units)"): point.round().astype(int),
            _("one more point, as % of a year's margin"): (100 * point / year).round(1),
        }
    )
    table.index.name = _("shop")
    return table


def lead_worth(worth: pd.DataFrame, shop: str = "Riverside Goods") -> float:
    """What ``shop``'s lead in customers coming back is worth to it, as a share (0-1) of a
    year's margin: its customers' future margin at its own share coming back, against at the
    other shop's."""
    other = worth.drop(index=shop).iloc[0]
    row = worth.loc[shop]
    margin, ours = row["margin a year (units)"], row["coming back each year (%)"] / 100
    theirs = other["coming back each year (%)"] / 100
    gain = clv(margin, ours, DISCOUNT_RATE) - clv(margin, theirs, DISCOUNT_RATE)
    return gain / margin


# --------------------------------------------------------------------------------------------
# Cohorts: new customers by the quarter of their first visit
# --------------------------------------------------------------------------------------------


def _quarters_visited(visits: pd.DataFrame, customers: pd.Series) -> np.ndarray:
    """(customers, QUARTERS) bool: did each customer visit in each quarter of the records?"""
    quarter = month_number(visits["date"]) // 3
    seen = pd.crosstab(visits["customer_id"], quarter).reindex(
        index=customers, columns=range(QUARTERS), fill_value=0
    )
    return seen.to_numpy() > 0


def new_customers(customers: pd.DataFrame) -> pd.DataFrame:
    """Customers whose first visit is in the records (walk-ins and referrals), with the quarter
    of that first visit (0 = January-March 2024)."""
    new = customers[customers["acquired_via"] != "existing"].copy()
    new["quarter"] = month_number(new["joined"]) // 3
    return new


def cohorts(visits: pd.DataFrame, customers: pd.DataFrame) -> list[list[int]]:
    """One cohort per quarter: its new customers, then how many were kept after 1, 2, ...
    quarters. Kept means: visited in every quarter since (the first quarter without a visit
    counts as leaving)."""
    new = new_customers(customers)
    result = []
    for start in range(QUARTERS):
        ids = new.loc[new["quarter"] == start, "customer_id"]
        visited = _quarters_visited(visits, ids)
        kept = np.logical_and.accumulate(visited[:, start + 1 :], axis=1)
        result.append([len(ids), *kept.sum(axis=0).astype(int).tolist()])
    return result


def cohort_table(survivors: list[list[int]]) -> pd.DataFrame:
    """The cohorts as the notebook shows them: new customers, then the whole % still kept after
    1, 2, ... quarters (blank where the records end before that quarter)."""
    names = [f"{2024 + q // 4} Q{q % 4 + 1}" for q in range(QUARTERS)]
    rows = {}
    for name, counts in zip(names, survivors, strict=True):
        kept = [f"{100 * c / counts[0]:.0f} %" for c in counts[1:]]
        rows[name] = [counts[0], *kept, *[""] * (QUARTERS - len(counts))]
    after = [_("% still kept after {n} q.").format(n=q) for q in range(1, QUARTERS)]
    table = pd.DataFrame.from_dict(rows, orient="index", columns=[_("new customers"), *after])
    table.index.name = _("first visit")
    return table


#: The columns of :func:`retention_by_quarter`.
AT_RISK, KEPT = "customers kept the quarter before", "% of them kept this quarter"


def retention_by_quarter(survivors: list[list[int]]) -> pd.DataFrame:
    """All cohorts together: of the customers kept until quarter t − 1, the share kept in
    quarter t (%), and how many that rests on."""
    longest = max(len(c) for c in survivors)
    kept, at_risk = np.zeros(longest), np.zeros(longest)
    for counts in survivors:
        for t in range(1, len(counts)):
            kept[t] += counts[t]
            at_risk[t] += counts[t - 1]
    t = np.arange(1, longest)
    return pd.DataFrame(
        {AT_RISK: at_risk[1:].astype(int), KEPT: 100 * kept[1:] / at_risk[1:]},
        index=pd.Index(t, name="quarter since the first visit"),
    )


def cohort_fit(survivors: list[list[int]]) -> tenure.SBGFit:
    """The shifted-beta-geometric model fitted to the cohorts by maximum likelihood."""
    return tenure.fit(survivors)


def cohort_summary(fitted: tenure.SBGFit, later: float) -> pd.DataFrame:
    """The fit in plain words: the chance of leaving in the first quarter, how different
    customers are, the fitted retention in quarters 1 and 4, and the approximation's size."""
    retention = fitted.retention(4)
    rows = {
        _("chance of leaving in the first quarter (%)"): round(100 * fitted.leaving),
        _("how different customers are (0 = alike)"): round(fitted.difference, 2),
        _("kept in quarter 1, fitted (%)"): round(100 * retention[0]),
        _("kept in quarter 4, fitted (%)"): round(100 * retention[3]),
        _("counted as lost, but came back later (%)"): round(100 * later),
    }
    return _two_columns(rows, _("the model fitted to the town's cohorts"))


def _two_columns(rows: dict[str, float], what: str) -> pd.DataFrame:
    """A list of named numbers as a small table: a name column and a value column."""
    values = [f"{v:g}" for v in rows.values()]
    return pd.DataFrame({_("value"): values}, index=pd.Index(list(rows), name=what))


def came_back_later(visits: pd.DataFrame, customers: pd.DataFrame) -> float:
    """Of the new customers counted as lost after their first quarter (no visit in the next
    one), the share (0-1) who visited again later: the size of the approximation."""
    new = new_customers(customers)
    lost, back = 0, 0
    for start in range(QUARTERS - 2):  # at least one quarter left to come back in
        ids = new.loc[new["quarter"] == start, "customer_id"]
        visited = _quarters_visited(visits, ids)
        gone = ~visited[:, start + 1]
        lost += int(gone.sum())
        back += int((gone & visited[:, start + 2 :].any(axis=1)).sum())
    return back / lost


# --------------------------------------------------------------------------------------------
# Who will come back? BG/NBD on the town's new customers
# --------------------------------------------------------------------------------------------


def histories(
    visits: pd.DataFrame, customers: pd.DataFrame, until: pd.Timestamp = HOLDOUT_START
) -> tuple[pd.Index, counting.Histories]:
    """Each new customer's history before ``until`` in weeks: repeat visits, week of the last
    visit and weeks known (from the first visit). Returns the customer ids and the histories."""
    new = new_customers(customers)["customer_id"]
    before = visits[visits["customer_id"].isin(new) & (visits["date"] < until)]
    dates = before.groupby("customer_id")["date"]
    first, last, count = dates.min(), dates.max(), dates.size()
    weeks = 7.0
    return first.index, counting.Histories(
        repeats=(count - 1).to_numpy(),
        last=((last - first).dt.days / weeks).to_numpy(),
        known=((until - first).dt.days / weeks).to_numpy(),
    )


def counting_check(visits: pd.DataFrame, customers: pd.DataFrame) -> pd.DataFrame:
    """BG/NBD fitted to the first 18 months, then, by repeat visits in those months (4 or more
    together): customers, visits per customer expected and seen in the last 6 months, and the
    average chance of still being a customer (P(alive), %)."""
    ids, h = histories(visits, customers)
    model = counting.fit(h)
    weeks = (RECORDS_END - HOLDOUT_START).days / 7
    later = visits[visits["date"] >= HOLDOUT_START].groupby("customer_id").size()
    frame = pd.DataFrame(
        {
            "group": np.minimum(h.repeats, 4).astype(int),
            "expected": model.expected_visits(h, weeks),
            "seen": later.reindex(ids, fill_value=0).to_numpy(),
            "alive": 100 * model.alive(h),
        }
    )
    columns = ["expected", "seen", "alive"]
    table = frame.groupby("group")[columns].mean()
    table.loc["all"] = frame[columns].mean()
    table.insert(0, "customers", [*frame.groupby("group").size(), len(frame)])
    groups = ["0", "1", "2", "3", _("4 or more"), _("all")]
    table.index = pd.Index(groups, name=_("repeat visits"))
    table.columns = [
        _("customers"),
        _("visits expected, last 6 months"),
        _("visits seen, last 6 months"),
        _("chance of still being a customer (%)"),
    ]
    return table


def counting_fit(visits: pd.DataFrame, customers: pd.DataFrame) -> pd.DataFrame:
    """The BG/NBD fit on the first 18 months in plain words."""
    model = counting.fit(histories(visits, customers)[1])
    rows = {
        _("new customers"): model.customers,
        _("visits a year while still a customer"): round(52 * model.visits_per_period, 1),
        _("chance of dropping away after a visit (%)"): round(100 * model.drop_chance),
    }
    return _two_columns(rows, _("the model fitted to the first 18 months"))
