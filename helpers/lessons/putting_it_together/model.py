"""Does treating staff well pay? The service-profit chain, end to end, for 24 months (notebook 05).

The model in plain words
------------------------
Two shops in one town sell the same goods: Riverside and Market Street, as in the sample town.
You run Market Street. From month 1 its sliders change what the staff get (training, how many
are on the floor, how many leave), and how the shop treats complaints, reviews and big purchases.
Riverside keeps its ways. Then the chain runs, month by month:

    training, staffing, turnover          (:mod:`.staff`, illustrative links)
      → staff engagement and know-how, waiting time
      → the moments of each visit          (the town's links)
      → satisfaction 1-5                   (notebook 01's model, imported)
      → what customers remember and say    (notebooks 02, 03, 04: :mod:`.town_months`)
      → customers each month
      → sales, running costs and profit    (:mod:`.money`)

This is the **service-profit chain** of Heskett, Jones, Loveman, Sasser & Schlesinger (1994,
Harvard Business Review 72(2), "Putting the service-profit chain to work"): engaged staff → service
quality → satisfied customers → loyalty → growth and profit. The evidence for some of its links
was thin when it was published, and later studies found the links real but modest, and not
everywhere: treat it as a model to explore, not a law. Every size here is either an earlier
lesson's (with its own sources) or illustrative, and says so.

Both shops start settled: the town has run for years with their ways, so with Market Street's
sliders where they start, every line stays flat ("as today").

Everything is a pure function of the sliders: the months run in one loop of 24 small steps;
notebook 01's model runs once a month for Market Street (Riverside's service never changes).
"""

from __future__ import annotations

import functools
import time
from collections.abc import Mapping
from dataclasses import dataclass

import numpy as np

from helpers.lessons.putting_it_together import money
from helpers.lessons.putting_it_together.shops import (
    MARKET_TODAY,
    PARAMETERS,
    RIVERSIDE,
    USUAL_WAIT,
    market_values,
)
from helpers.lessons.putting_it_together.staff import (
    StaffPath,
    service_levels,
    staff_path,
    wait_minutes,
)
from helpers.lessons.putting_it_together.town_months import (
    Policy,
    Service,
    TownMonths,
    run_months,
    settled_memory,
)
from helpers.lessons.satisfaction.model import customers, simulate

MONTHS = 24
#: Share of visits with a problem: the town's 12 % (notebook 01's model starts at 15 %).
PROBLEM_SHARE = 12
#: Notebook 01's customers drawn for each month's visits (its own 5,000 would take too long for
#: 24 months at every slider move; 2,000 give the spread of scores to within a point).
VISITORS = 2_000


@dataclass(frozen=True)
class ShopMonths:
    """One shop, month by month (arrays of :data:`MONTHS`)."""

    engagement: np.ndarray  #: staff engagement, 0-100
    delighted: np.ndarray  #: share of visits that delight (a 5), 0-1
    unhappy: np.ndarray  #: share of visits that leave the customer unhappy (1-2), 0-1
    wait: float  #: average wait (minutes)
    visits: np.ndarray  #: customers (one visit each) per month
    praise: np.ndarray  #: praise heard per month
    warnings: np.ndarray  #: warnings heard per month
    stars: np.ndarray  #: mean stars online that households see
    margin: np.ndarray  #: what the shop keeps from its sales (units)
    costs: dict[str, np.ndarray]  #: running costs by kind (units), see money.COST_KINDS

    @property
    def running_costs(self) -> np.ndarray:
        return sum(self.costs.values())

    @property
    def profit(self) -> np.ndarray:
        """Profit before rent and other fixed costs, each month (units)."""
        return self.margin - self.running_costs

    @property
    def profit_so_far(self) -> np.ndarray:
        """Profit added up from month 1 (units)."""
        return np.cumsum(self.profit)

    @property
    def word_of_mouth(self) -> np.ndarray:
        """Praise heard minus warnings heard, each month."""
        return self.praise - self.warnings


@dataclass(frozen=True)
class ChainOutcome:
    """Both shops for 24 months at one setting of Market Street's sliders."""

    values: dict[str, float]
    riverside: ShopMonths
    market: ShopMonths

    @property
    def profit(self) -> float:
        """Market Street's profit over the 24 months (units)."""
        return float(self.market.profit_so_far[-1])


def _service(values: Mapping[str, float], start: Mapping[str, float], shop: str):
    """Staff month by month and notebook 01's spread of scores for each month, (MONTHS, 5)."""
    path = staff_path(
        MONTHS, values["training_hours"], values["turnover"], start["training_hours"],
        start["turnover"],
    )  # fmt: skip
    wait = wait_minutes(values["staff"], start["staff"], USUAL_WAIT[shop])
    levels = service_levels(path, wait)
    shares = _spreads(tuple(tuple(float(v) for v in levels[k]) for k in levels), tuple(levels))
    return path, wait, shares


@functools.lru_cache(maxsize=256)
def _spreads(columns: tuple[tuple[float, ...], ...], names: tuple[str, ...]) -> np.ndarray:
    """Notebook 01's share of visits at each score 1..5, for each month's service."""
    rows = []
    last: tuple[float, ...] | None = None
    for month in zip(*columns, strict=True):
        if month != last:  # a settled shop serves the same every month: run the model once
            settings = dict(zip(names, month, strict=True))
            spread = simulate(settings, customers(VISITORS), problem_share=PROBLEM_SHARE).shares
            last = month
        rows.append(spread)
    table = np.array(rows)
    table.flags.writeable = False
    return table


def _policy(values: Mapping[str, float]) -> tuple[float, float, float]:
    return values["generous"] / 100, values["replies"] / 100, values["follow_up"] / 100


def _shop(
    values: Mapping[str, float], path: StaffPath, wait: float, service: np.ndarray,
    town: TownMonths, index: int,
) -> ShopMonths:  # fmt: skip
    """One shop's months, with its money."""
    fixed = money.fixed_costs(
        money.Settings(values["staff"], values["training_hours"], values["turnover"])
    )
    costs = {key: np.full(MONTHS, value) for key, value in fixed.items()}
    costs["settlements"] = town.settled[:, index] * money.SETTLEMENT
    costs["calls"] = town.calls[:, index] * money.CALL
    costs["replies"] = town.replies[:, index] * money.REPLY
    return ShopMonths(
        engagement=path.engagement,
        delighted=service[:, 4],
        unhappy=service[:, 0] + service[:, 1],
        wait=wait,
        visits=town.visits[:, index],
        praise=town.praise[:, index],
        warnings=town.warnings[:, index],
        stars=town.stars[:, index],
        margin=money.margin(town.visits[:, index]),
        costs=costs,
    )


def chain(values: Mapping[str, float] | None = None, **changes: float) -> ChainOutcome:
    """Both shops for 24 months, with Market Street at the sliders' ``values`` from month 1
    (nothing: as today); keywords change single sliders: ``chain(training_hours=40)``."""
    v = market_values(values, **changes)
    return _chain(tuple(v[name] for name in PARAMETERS))


@functools.lru_cache(maxsize=64)
def _chain(key: tuple[float, ...]) -> ChainOutcome:
    v = dict(zip(PARAMETERS, key, strict=True))
    r_path, r_wait, r_service = _service(RIVERSIDE, RIVERSIDE, "riverside")
    m_path, m_wait, m_service = _service(v, MARKET_TODAY, "market")
    today = _service(MARKET_TODAY, MARKET_TODAY, "market")[2]
    start = settled_memory(
        tuple(np.stack([r_service[0], today[0]]).ravel().tolist()),
        tuple(np.array([_policy(RIVERSIDE), _policy(MARKET_TODAY)]).T.ravel().tolist()),
    )
    policy = Policy(*np.array([_policy(RIVERSIDE), _policy(v)]).T)
    town = run_months(Service(np.stack([r_service, m_service], axis=1)), policy, start)
    return ChainOutcome(
        values=v,
        riverside=_shop(RIVERSIDE, r_path, r_wait, r_service, town, 0),
        market=_shop(v, m_path, m_wait, m_service, town, 1),
    )


def time_update(repeats: int = 30) -> float:
    """Median seconds for one slider move: Market Street's 24 months and the town's, with only
    what never changes (the settled town, Riverside, as today) computed beforehand."""
    hours = PARAMETERS["training_hours"].positions()
    staff = PARAMETERS["staff"].positions()
    times = []
    for i in range(repeats):
        _chain.cache_clear()
        _spreads.cache_clear()
        chain()  # as today and Riverside: computed once per session, outside the timing
        _chain.cache_clear()
        started = time.perf_counter()
        chain(training_hours=hours[i % len(hours)], staff=staff[i % len(staff)])
        times.append(time.perf_counter() - started)
    return float(np.median(times))
