"""The small tables notebook 05 shows from its simulator, in plain words and rounded as the text
reads them. The notebook's checked cells display them, so every number the text states is
compared on every test run."""

from __future__ import annotations

import pandas as pd

from helpers.i18n import _
from helpers.lessons.putting_it_together import money
from helpers.lessons.putting_it_together.experiments import (
    LEVER_MOVES,
    Cut,
    Delays,
    LeverResult,
    levers,
)
from helpers.lessons.putting_it_together.model import ChainOutcome, chain
from helpers.lessons.putting_it_together.shops import MARKET_TODAY, RIVERSIDE
from helpers.metrics import clv

#: What a customer a month more (or fewer) at month 24 is worth afterwards: notebook 02's
#: customer value at 80 % of customers staying each year and a discount rate of 10 %.
AFTER_RETENTION = 0.80
AFTER_DISCOUNT = 0.10


def _thousands(units: float) -> float:
    return round(units / 1_000, 1) + 0.0


def start_table(outcome: ChainOutcome | None = None) -> pd.DataFrame:
    """Where the two shops start: their settings and their month 1."""
    o = outcome or chain()
    columns = {}
    for name, settings, shop in (
        (_("Riverside"), RIVERSIDE, o.riverside),
        (_("Market Street"), MARKET_TODAY, o.market),
    ):
        values = {
            _("training (hours a year)"): int(round(settings["training_hours"])),
            _("staff on the floor"): int(settings["staff"]),
            _("staff who leave a year (%)"): int(settings["turnover"]),
            _("staff engagement (0-100)"): int(round(shop.engagement[0])),
            _("average wait (minutes)"): int(round(shop.wait)),
            _("delighted visits (%)"): int(round(100 * shop.delighted[0])),
            _("customers a month"): int(round(shop.visits[0])),
            _("profit a month (thousands)"): _thousands(shop.profit[0]),
        }
        columns[name] = pd.Series(values, dtype=object)
    return pd.DataFrame(columns)


def delays_table(d: Delays) -> pd.DataFrame:
    """Along the chain: by which month half of the change has come, and the change in month 24
    (against as today)."""
    names = {
        "engagement": _("staff engagement (points)"),
        "delighted": _("delighted visits (points)"),
        "visits": _("customers a month"),
        "profit": _("profit a month (units)"),
    }
    scale = {"engagement": 1, "delighted": 100, "visits": 1, "profit": 1}
    return pd.DataFrame(
        {
            _("half of it has come by month"): [d.half_way[k] for k in names],
            _("change in month 24"): [round(scale[k] * d.change[k]) for k in names],
        },
        index=pd.Index(list(names.values()), name=_("link of the chain")),
    )


def payback_table(d: Delays) -> pd.Series:
    """Profit so far against as today: from which month it stays ahead, and by how much after
    24 months."""
    return pd.Series(
        {
            _("profit so far ahead of today's from month"): d.pays_back or "-",
            _("profit over 24 months against today (units)"): round(d.profit),
        },
        name=_("profit"),
        dtype=object,
    )


def cut_table(c: Cut) -> pd.Series:
    """What a cut saves at once and costs later."""
    return pd.Series(
        {
            _("profit gained in month 1 (units)"): round(c.first_month),
            _("first month with less profit than today"): c.monthly_below_from,
            _("from month, profit so far below today's"): c.so_far_below_from,
            _("profit over 24 months against today (units)"): round(c.over_24_months),
            _("customers a month fewer by month 24"): round(c.customers_lost),
        },
        name=_("two fewer staff on the floor"),
    )


def value_after(customers_a_month: float) -> float:
    """What customers a month more at month 24 are still worth afterwards (units): a year of
    their margin, valued as notebook 02 values a customer (``helpers.metrics.clv``)."""
    margin_a_year = 12 * customers_a_month * money.SPEND_PER_VISIT * money.MARGIN_SHARE
    return clv(margin_a_year, AFTER_RETENTION, AFTER_DISCOUNT)


def lever_names() -> dict[str, str]:
    """The levers of :data:`~.experiments.LEVER_MOVES` in plain words (current language)."""
    return {
        "training": _("training 10 → 40 hours"),
        "more_staff": _("staff 8 → 9"),
        "fewer_staff": _("staff 8 → 6"),
        "turnover": _("staff leaving 40 % → 20 %"),
        "generous": _("generous settlements 30 % → 100 %"),
        "replies": _("reply to every review"),
        "follow_up": _("follow up every big purchase"),
    }


def lever_table(results: dict[str, LeverResult] | None = None) -> pd.DataFrame:
    """Each lever moved on its own: extra cost a month (units), customers a month gained by month
    24, profit over the 24 months against today (k: thousands of units), the month it pays back
    from, and what the customers gained are still worth after month 24 (k)."""
    results = results or levers()
    names = lever_names()
    return pd.DataFrame(
        {
            _("cost a month"): [round(results[k].cost) for k in LEVER_MOVES],
            _("customers, month 24"): [round(results[k].customers) for k in LEVER_MOVES],
            _("profit, 24 months (k)"): [_thousands(results[k].profit) for k in LEVER_MOVES],
            _("pays back from month"): [
                results[k].pays_back if results[k].pays_back else "-" for k in LEVER_MOVES
            ],
            _("worth after (k)"): [
                _thousands(value_after(results[k].customers)) for k in LEVER_MOVES
            ],
        },
        index=pd.Index([names[k] for k in LEVER_MOVES], name=_("one lever, on its own")),
    )
