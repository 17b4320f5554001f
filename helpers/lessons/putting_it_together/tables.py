"""The small tables notebook 05 shows from its simulator, in plain words and rounded as the text
reads them. The notebook's checked cells display them, so every number the text states is
compared on every test run."""

from __future__ import annotations

import pandas as pd

from helpers.i18n import _
from helpers.lessons.putting_it_together.assumptions import Variant, variants
from helpers.lessons.putting_it_together.experiments import (
    LEVER_MOVES,
    Cut,
    Delays,
    LeverResult,
    TurnoverWorth,
    levers,
    turnover_worth,
)
from helpers.lessons.putting_it_together.model import ChainOutcome, chain
from helpers.lessons.putting_it_together.shops import MARKET_TODAY, RIVERSIDE


def _thousands(units: float) -> float:
    return round(units / 1_000, 1) + 0.0


def _month(month: int | None) -> int | str:
    """A month, or a dash for "never" (the tables' plain words say which)."""
    return month if month else "-"


def _column(rows: dict[str, object], heading: str) -> pd.DataFrame:
    """A table of one column: plain-words rows (no dtype line as a Series would print)."""
    return pd.DataFrame({heading: pd.Series(rows, dtype=object)})


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
            _("average wait (minutes)"): int(round(shop.wait[0])),
            _("delighted visits (%)"): int(round(100 * shop.delighted[0])),
            _("customers a month"): int(round(shop.visits[0])),
            _("profit a month (thousands)"): _thousands(shop.profit[0]),
        }
        columns[name] = pd.Series(values, dtype=object)
    return pd.DataFrame(columns)


def delays_table(d: Delays) -> pd.DataFrame:
    """Along the chain: the month by which each link has made half of its change of the 24
    months, and that change (in month 24, against as today)."""
    names = {
        "engagement": _("staff engagement (points)"),
        "delighted": _("delighted visits (points)"),
        "visits": _("customers a month"),
        "profit": _("profit a month (units)"),
    }
    scale = {"engagement": 1, "delighted": 100, "visits": 1, "profit": 1}
    return pd.DataFrame(
        {
            _("half-way by month"): [d.half_way[k] for k in names],
            _("more than today, month 24"): [round(scale[k] * d.change[k]) for k in names],
        },
        index=pd.Index(list(names.values()), name=_("link of the chain")),
    )


def payback_table(d: Delays) -> pd.DataFrame:
    """Profit so far against as today: from which month it stays ahead, and by how much after
    24 months."""
    rows = {
        _("profit so far ahead of today's from month"): _month(d.pays_back),
        _("profit over 24 months, compared with today (units)"): round(d.profit),
    }
    return _column(rows, _("40 hours of training"))


def cut_table(c: Cut) -> pd.DataFrame:
    """What a cut saves at once and costs later, and what it does to the counter."""
    rows = {
        _("profit in month 1, compared with today (units)"): round(c.first_month),
        _("average wait in month 1 (minutes)"): round(c.wait[0]),
        _("delighted visits in month 1 (%)"): round(100 * c.delighted[0]),
        _("customers a month fewer by month 24"): round(c.customers_lost),
        _("average wait in month 24 (minutes)"): round(c.wait[1]),
        _("profit in month 24, compared with today (units)"): round(c.month_24),
        _("profit over 24 months, compared with today (units)"): round(c.over_24_months),
    }
    return _column(rows, _("two fewer staff on the floor"))


def lever_names() -> dict[str, str]:
    """The levers of :data:`~.experiments.LEVER_MOVES` in plain words (current language)."""
    return {
        "training": _("training 10 → 40 hours"),
        "more_staff": _("staff 8 → 9"),
        "fewer_staff": _("staff 8 → 6"),
        "generous": _("generous settlements 30 % → 100 %"),
        "replies": _("reply to every review"),
        "follow_up": _("follow up every big purchase"),
    }


def lever_table(results: dict[str, LeverResult] | None = None) -> pd.DataFrame:
    """Each lever moved on its own: extra cost a month (units; negative: a saving), customers a
    month more by month 24, profit over the 24 months against today (k: thousands of units), the
    month its profit so far gets ahead for good, profit in month 24 alone (units), and over five
    years with the lever kept (k, discounted: :func:`~.experiments.kept_for_years`)."""
    results = results or levers()
    names = lever_names()
    rows = [results[k] for k in LEVER_MOVES]
    return pd.DataFrame(
        {
            _("extra cost a month"): [round(r.cost) for r in rows],
            _("more customers a month, month 24"): [round(r.customers) for r in rows],
            _("profit, 24 months (k)"): [_thousands(r.profit) for r in rows],
            _("ahead for good from month"): [_month(r.pays_back) for r in rows],
            _("profit in month 24"): [round(r.month_24) for r in rows],
            _("5 years, kept (k)"): [_thousands(r.kept) for r in rows],
        },
        index=pd.Index([names[k] for k in LEVER_MOVES], name=_("one lever, on its own")),
    )


def turnover_table(worth: TurnoverWorth | None = None) -> pd.DataFrame:
    """Fewer staff leaving (40 % → 20 % a year): what it brings a month, before what keeping
    staff costs (which this simulator does not know)."""
    w = worth or turnover_worth()
    rows = {
        _("replacing fewer leavers saves"): round(w.replacing_saved),
        _("profit in month 24, compared with today"): round(w.month_24),
        _("what keeping staff costs"): _("not in the simulator"),
    }
    return _column(rows, _("a month (units)"))


def variants_table(found: dict[str, Variant] | None = None) -> pd.DataFrame:
    """The notebook's answers with one of our numbers changed at a time (k: thousands)."""
    found = found or variants()
    return pd.DataFrame(
        {
            _("two fewer staff, 24 months (k)"): [
                _thousands(v.two_fewer.over_24_months) for v in found.values()
            ],
            _("one fewer, 24 months (k)"): [
                _thousands(v.one_fewer.over_24_months) for v in found.values()
            ],
            _("training 40 h, 24 months (k)"): [
                _thousands(v.training.profit) for v in found.values()
            ],
            _("training ahead from month"): [_month(v.training.pays_back) for v in found.values()],
        },
        index=pd.Index([_(name) for name in found], name=_("what we changed")),
    )
