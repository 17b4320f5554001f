"""Questions asked of the chain simulator: how long each link takes, what a cut saves and costs,
what each lever does, and what a plan spends (notebook 05).

Every answer compares Market Street at some settings with Market Street **as today** (every
slider at its start), month by month: the difference is what the change did. What the answers
owe to our chosen numbers, and what to the model's shape, is measured in :mod:`.assumptions`.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

import numpy as np

from helpers.lessons.putting_it_together.model import ChainOutcome, ShopMonths, chain
from helpers.lessons.putting_it_together.shops import MARKET_TODAY

#: The links of the chain as the simulator's charts show them, in order along the chain.
LINKS = ("engagement", "delighted", "visits", "profit")


def _series(shop: ShopMonths, link: str) -> np.ndarray:
    return np.asarray(getattr(shop, link), dtype=float)


def customers_gained(now: ShopMonths, today: ShopMonths, month: int = 24) -> int:
    """Customers a month more than today in ``month`` (negative: fewer), from the rounded
    numbers the caption shows, so "1,198 (+123; today 1,075)" adds up everywhere."""
    return round(now.visits[month - 1]) - round(today.visits[month - 1])


def half_way_month(changed: np.ndarray, today: np.ndarray) -> int:
    """The first month (1-24) by which a line has moved, in the direction it ends up, half as
    far from today as it has by month 24 (0 when it has not moved at all). A line still moving
    at month 24 has further to go: its true half-way is later."""
    gap = changed - today
    if abs(gap[-1]) < 1e-9:
        return 0
    reached = np.flatnonzero(np.sign(gap[-1]) * gap >= abs(gap[-1]) / 2)
    return int(reached[0]) + 1


def first_month_for_good(gap: np.ndarray) -> int | None:
    """The first month (1-24) from which ``gap`` stays at or above zero; None if it never does."""
    below = np.flatnonzero(gap < 0)
    if below.size == 0:
        return 1
    return int(below[-1]) + 2 if below[-1] + 1 < gap.size else None


@dataclass(frozen=True)
class Delays:
    """How long a change at Market Street takes to show along the chain."""

    half_way: dict[str, int]  #: link -> month by which half of the 24-month change has come
    pays_back: int | None  #: month from which profit so far stays above as today (None: never)
    change: dict[str, float]  #: link -> change in month 24 against as today
    profit: float  #: profit over the 24 months against as today (units)


def delays(values: Mapping[str, float] | None = None, **changes: float) -> Delays:
    """Along the chain, for Market Street at ``values``/``changes`` against as today."""
    now, today = chain(values, **changes).market, chain().market
    half = {link: half_way_month(_series(now, link), _series(today, link)) for link in LINKS}
    gap = now.profit_so_far - today.profit_so_far
    change = {link: float(_series(now, link)[-1] - _series(today, link)[-1]) for link in LINKS}
    change["visits"] = customers_gained(now, today)
    return Delays(half, first_month_for_good(gap), change, float(gap[-1]))


@dataclass(frozen=True)
class Cut:
    """What a change saves at once and what it costs later, against as today (units)."""

    first_month: float  #: profit gained in month 1
    monthly_below_from: int | None  #: first month with a lower profit than today's
    so_far_below_from: int | None  #: first month from which profit so far stays below today's
    over_24_months: float  #: profit gained (negative: lost) over the 24 months
    customers_lost: float  #: customers a month fewer than today by month 24
    month_24: float  #: profit gained (negative: lost) in month 24 alone
    wait: tuple[float, float]  #: average wait (minutes) in month 1 and in month 24
    delighted: tuple[float, float]  #: share of visits that delight, month 1 and month 24


def cut(values: Mapping[str, float] | None = None, **changes: float) -> Cut:
    """A saving at Market Street (e.g. fewer staff) month by month, against as today."""
    now, today = chain(values, **changes).market, chain().market
    monthly = now.profit - today.profit
    so_far = now.profit_so_far - today.profit_so_far
    below = np.flatnonzero(monthly < 0)
    stays_below = first_month_for_good(-so_far - 1e-9)
    return Cut(
        first_month=float(monthly[0]),
        monthly_below_from=int(below[0]) + 1 if below.size else None,
        so_far_below_from=stays_below,
        over_24_months=float(so_far[-1]),
        customers_lost=-customers_gained(now, today),
        month_24=float(monthly[-1]),
        wait=(float(now.wait[0]), float(now.wait[-1])),
        delighted=(float(now.delighted[0]), float(now.delighted[-1])),
    )


def extra_cost(values: Mapping[str, float] | None = None, **changes: float) -> float:
    """What a plan adds to Market Street's running costs a month, at today's customers (units):
    month 1's running costs against as today's (customers have not moved yet in month 1)."""
    now, today = chain(values, **changes).market, chain().market
    return float(now.running_costs[0] - today.running_costs[0])


#: One move of each lever, as the lever table shows them. Fewer staff leaving is measured on its
#: own (:func:`turnover_worth`): what it takes to keep staff has no price in this simulator.
LEVER_MOVES: dict[str, dict[str, float]] = {
    "training": {"training_hours": 40},
    "more_staff": {"staff": 9},
    "fewer_staff": {"staff": 6},
    "generous": {"generous": 100},
    "replies": {"replies": 100},
    "follow_up": {"follow_up": 100},
}
TURNOVER_MOVE: dict[str, float] = {"turnover": 20}

#: The lever table's longer view: the model run for five years with the lever kept, every
#: month's money discounted to today at 10 % a year (notebook 02's rate: money that comes later
#: is worth a little less).
YEARS_KEPT = 5
DISCOUNT_RATE = 0.10


def discounted(monthly: np.ndarray, rate: float = DISCOUNT_RATE) -> float:
    """Money month by month (month 1 first) added up as worth today: month ``t`` counts
    ``(1 + rate) ** (−t / 12)``."""
    return float(monthly @ (1 + rate) ** (-np.arange(1, monthly.size + 1) / 12))


def kept_for_years(move: Mapping[str, float], years: int = YEARS_KEPT) -> float:
    """Profit against today over ``years`` with a lever kept all along (units, discounted)."""
    months = 12 * years
    now, today = chain(move, months=months).market, chain(months=months).market
    return discounted(now.profit - today.profit)


@dataclass(frozen=True)
class LeverResult:
    """One lever moved on its own: its cost a month, and what it changes by month 24."""

    cost: float  #: extra running costs a month at today's customers (units; < 0: a saving)
    customers: float  #: customers a month more than today, by month 24
    profit: float  #: profit over the 24 months against as today (units)
    pays_back: int | None  #: month from which profit so far stays above today's
    month_24: float  #: profit in month 24 alone against as today (units)
    kept: float  #: profit over five years with the lever kept, discounted (units)


def lever(move: Mapping[str, float]) -> LeverResult:
    """Market Street with one lever moved (``move``), the rest as today."""
    now: ChainOutcome = chain(move)
    today = chain().market
    gap = now.market.profit_so_far - today.profit_so_far
    monthly = now.market.profit - today.profit
    return LeverResult(
        cost=extra_cost(move),
        customers=customers_gained(now.market, today),
        profit=float(gap[-1]),
        pays_back=first_month_for_good(gap),
        month_24=float(monthly[-1]),
        kept=kept_for_years(move),
    )


@dataclass(frozen=True)
class TurnoverWorth:
    """What fewer staff leaving brings, before what keeping them costs (not modelled)."""

    replacing_saved: float  #: replacing fewer leavers, a month (units)
    month_24: float  #: profit a month more by month 24, before the cost of keeping staff


def turnover_worth() -> TurnoverWorth:
    """Fewer staff leaving (:data:`TURNOVER_MOVE`): the most keeping staff may cost a month and
    still pay (a break-even), since what it takes (pay, schedules, respect) is not modelled."""
    now, today = chain(TURNOVER_MOVE).market, chain().market
    return TurnoverWorth(
        replacing_saved=float(today.costs["replacing"][0] - now.costs["replacing"][0]),
        month_24=float(now.profit[-1] - today.profit[-1]),
    )


def levers() -> dict[str, LeverResult]:
    """Every lever of :data:`LEVER_MOVES`, moved on its own."""
    return {name: lever(move) for name, move in LEVER_MOVES.items()}


def is_today(values: Mapping[str, float]) -> bool:
    """True when every slider is where it starts."""
    return all(values[name] == value for name, value in MARKET_TODAY.items())
