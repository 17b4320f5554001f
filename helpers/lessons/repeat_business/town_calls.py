"""Follow-up calls after a big purchase in the sample town (notebook 02, *In our town*).

* :func:`follow_up_table`: coming back the month after a follow-up call was due, called or not,
  by shop, with the gap the town was built with beside it (``data/README.md``, the data
  dictionary, lists what was built into the town on purpose: its answer key).
* :func:`gap_summary`: the gap lumped over both shops, within each shop, and as built.
* :func:`came_back_where`: "came back" means a visit to either shop; a call can send a buyer to
  the rival, and a shop cares about visits to itself.

Within each shop the town chose whom to call at random; in a real shop staff choose, and then
even a within-shop comparison mixes the call with whom was called (in either direction).
"""

from __future__ import annotations

import pandas as pd

from helpers.data import month_number, shop_names
from helpers.i18n import _
from helpers.lessons.repeat_business.in_town import QUARTERS

#: The effect of a follow-up call built into the town (data/README.md): the month after the call
#: was due, it brings in this share of the customers who would not have come anyway.
PLANTED_CALL_PULL = 0.25


# --------------------------------------------------------------------------------------------


def follow_ups_with_return(visits: pd.DataFrame, follow_ups: pd.DataFrame) -> pd.DataFrame:
    """The follow-up list with ``back``: did the buyer visit (either shop) in the calendar month
    after the call was due? Calls due in the last month are left out (nobody can know yet)."""
    seen = pd.MultiIndex.from_arrays([visits["customer_id"], month_number(visits["date"])])
    due = month_number(follow_ups["due"])
    table = follow_ups.loc[due < QUARTERS * 3 - 1].copy()
    after = pd.MultiIndex.from_arrays([table["customer_id"], month_number(table["due"]) + 1])
    table["back"] = after.isin(seen)
    return table


#: The column of :func:`follow_up_table` with the gap the town was built with (its answer key).
PLANTED = "gap built into the town (points)"


def follow_up_table(visits: pd.DataFrame, follow_ups: pd.DataFrame) -> pd.DataFrame:
    """Came back the month after (%), called and not, by shop and for both shops together; the
    gap in points, and the gap the town was built with (data/README.md). "Came back" means a
    visit to either shop (see :func:`came_back_where`)."""
    table = follow_ups_with_return(visits, follow_ups)
    names = shop_names()
    rows = {}
    groups = [(names[shop], part) for shop, part in table.groupby("shop_id", sort=True)]
    for name, part in [*groups, ("both shops together", table)]:
        called, not_called = part[part["called"]], part[~part["called"]]
        base = float(not_called["back"].mean())
        rows[name] = {
            "big purchases": len(part),
            "called (%)": 100 * len(called) / len(part),
            "came back, called (%)": 100 * float(called["back"].mean()),
            "came back, not called (%)": 100 * base,
            "gap (points)": 100 * (float(called["back"].mean()) - base),
            PLANTED: 100 * PLANTED_CALL_PULL * (1 - base),
        }
    return pd.DataFrame.from_dict(rows, orient="index")


def within_shop_gap(table: pd.DataFrame) -> float:
    """The shops' own gaps (points), averaged with each shop's number of big purchases: the
    like-with-like comparison."""
    shops = table.drop(index="both shops together")
    weights = shops["big purchases"]
    return float((shops["gap (points)"] * weights).sum() / weights.sum())


def gap_summary(table: pd.DataFrame) -> pd.DataFrame:
    """The three gaps side by side (points, one decimal): lumped, within each shop, and the one
    the town was built with."""
    both = table.loc["both shops together"]
    rows = {
        _("both shops lumped together"): both["gap (points)"],
        _("within each shop, averaged over the two"): within_shop_gap(table),
        _("built into the town (data/README.md)"): both[PLANTED],
    }
    return pd.DataFrame(
        {_("gap (points)"): [round(v, 1) for v in rows.values()]},
        index=pd.Index(list(rows), name=_("comparison")),
    )


def came_back_where(visits: pd.DataFrame, follow_ups: pd.DataFrame) -> pd.DataFrame:
    """Of each shop's called buyers who came back the month after (to either shop), how many
    visited the shop that called, and how many only the other shop."""
    table = follow_ups_with_return(visits, follow_ups)
    back = table[table["called"] & table["back"]]
    seen = pd.MultiIndex.from_arrays(
        [visits["customer_id"], month_number(visits["date"]), visits["shop_id"]]
    )
    at_caller = pd.MultiIndex.from_arrays(
        [back["customer_id"], month_number(back["due"]) + 1, back["shop_id"]]
    ).isin(seen)
    rows = {}
    for shop, name in shop_names().items():
        mine = (back["shop_id"] == shop).to_numpy()
        rows[name] = {
            _("called buyers who came back"): int(mine.sum()),
            _("to the shop that called"): int((mine & at_caller).sum()),
            _("only to the other shop"): int((mine & ~at_caller).sum()),
        }
    return pd.DataFrame.from_dict(rows, orient="index")
