"""The chain in the sample town: staff → their customers' satisfaction, return and referrals.

Each visit records who served it, so every staff member's customers can be followed along the
chain: how engaged and trained the person is (``staff.csv``), how satisfied their customers were
(the true score of every visit, which only an invented town has: a real shop sees surveys), how
often those customers came back the next month, and how many new customers their delighted
customers' praise brought in (``referrals.csv`` → the praise → the visit → who served it).

What these numbers can and cannot show
--------------------------------------
The town was **built on this chain** (``data/README.md``: engagement → courtesy and warmth,
training → product knowledge, and notebook 01's moments and return link), so it shows the chain
again by design: finding it shows the analysis works, not that the chain is true. And there are
only 24 staff in two shops run differently: across the town, the better-run shop has both the
more engaged staff and the happier customers, so a town-wide correlation mixes people with shops.
Within a shop there are a dozen people: a correlation on 12 people has a 95 % interval about a
whole unit wide (:func:`correlation_interval`).
"""

from __future__ import annotations

import math

import numpy as np
import pandas as pd

from helpers.data import returned_next_month, shop_names
from helpers.i18n import _

#: The chain's columns of the staff table, in order along the chain.
CHAIN_COLUMNS = ("engagement", "training_hours", "delighted", "came_back", "referrals_per_100")


def correlation_interval(r: float, n: int, confidence_z: float = 1.96) -> tuple[float, float]:
    """The 95 % interval of a correlation ``r`` on ``n`` pairs (Fisher's z; needs n > 3)."""
    if n <= 3 or not np.isfinite(r):
        return (-1.0, 1.0)
    z, spread = math.atanh(max(min(r, 0.999999), -0.999999)), confidence_z / math.sqrt(n - 3)
    return math.tanh(z - spread), math.tanh(z + spread)


def _referrals_by_visit(town: dict[str, pd.DataFrame]) -> pd.Series:
    """New customers brought in by the praise about each visit (visits with none left out)."""
    praise = town["word_of_mouth"].set_index("message_id")["visit_id"]
    brought = town["referrals"]["message_id"].map(praise)
    return brought.value_counts()


def staff_chain(town: dict[str, pd.DataFrame]) -> pd.DataFrame:
    """One row per staff member: shop, engagement, training, visits served, delighted visits
    (%), visits followed by a return next month (%), and referrals per 100 visits."""
    visits = town["visits"].copy()
    back = returned_next_month(visits)
    visits["delighted"] = visits["satisfaction"].eq(5)
    visits["came_back"] = back
    visits["referrals"] = visits["visit_id"].map(_referrals_by_visit(town)).fillna(0)
    grouped = visits.groupby("staff_id")
    table = pd.DataFrame(
        {
            "visits": grouped.size(),
            "delighted": 100 * grouped["delighted"].mean(),
            "came_back": 100 * grouped["came_back"].mean(),  # NaN (last month) left out
            "referrals_per_100": 100 * grouped["referrals"].sum() / grouped.size(),
        }
    )
    people = town["staff"].set_index("staff_id")[["shop_id", "engagement", "training_hours"]]
    return people.join(table, how="left")


def shop_chain(by_staff: pd.DataFrame) -> pd.DataFrame:
    """The chain by shop: staff, mean engagement and training, and their customers' delighted
    visits, return and referrals (weighted by visits served), rounded as the text reads."""
    names = shop_names()
    rows = {}
    for shop, group in by_staff.groupby("shop_id", sort=True):
        weight = group["visits"]
        rows[names[shop]] = {
            _("staff"): int(len(group)),
            _("engagement (0-100)"): int(round(group["engagement"].mean())),
            _("training (hours a year)"): int(round(group["training_hours"].mean())),
            _("delighted visits (%)"): int(round(np.average(group["delighted"], weights=weight))),
            _("came back next month, to either shop (%)"): int(
                round(np.average(group["came_back"], weights=weight))
            ),
            _("new customers by referral, per 100 visits"): round(
                np.average(group["referrals_per_100"], weights=weight), 1
            ),
        }
    return pd.DataFrame({shop: pd.Series(row, dtype=object) for shop, row in rows.items()})


def _link_title(x: str, y: str) -> str:
    """What a table of correlations compares, in plain words (its heading)."""
    words = {
        "engagement": _("engagement"),
        "training_hours": _("training hours"),
        "delighted": _("delighted visits"),
    }
    return _("{x} with {y}").format(x=words.get(x, x), y=words.get(y, y))


def link_strength(
    by_staff: pd.DataFrame, x: str = "engagement", y: str = "delighted"
) -> pd.DataFrame:
    """Correlation of ``x`` with ``y`` over all staff and within each shop, with its 95 %
    interval and the number of people behind it; the table's heading says what it compares."""
    names = shop_names()
    groups = {_("all 24 staff"): by_staff}
    groups.update(
        {_("within {shop}").format(shop=names[s]): g for s, g in by_staff.groupby("shop_id")}
    )
    rows = {}
    for label, group in groups.items():
        r = float(group[x].corr(group[y]))
        low, high = correlation_interval(r, len(group))
        rows[label] = {
            _("people"): int(len(group)),
            _("correlation"): round(r, 2) + 0.0,  # + 0.0: no "-0.0"
            _("likely from"): round(low, 2) + 0.0,
            _("likely to"): round(high, 2) + 0.0,
        }
    table = pd.DataFrame.from_dict(rows, orient="index")
    table.index.name = _link_title(x, y)
    return table


def interval_width(n: int, r: float = 0.0) -> float:
    """How wide the 95 % interval of a correlation ``r`` on ``n`` people is."""
    low, high = correlation_interval(r, n)
    return high - low
