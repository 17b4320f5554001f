"""Does treating staff well pay? The service-profit chain, end to end, for 24 months (notebook 05).

The model in plain words
------------------------
Two shops in one town sell the same goods: Riverside and Market Street, as in the sample town.
You run Market Street. From month 1 its sliders change what the staff get (training, how many
are on the floor, how many leave), and how the shop treats complaints, reviews and big purchases.
Riverside keeps its ways. Then the chain runs, month by month:

    training, staffing, turnover          (:mod:`.staff`, illustrative links)
      → staff engagement and know-how
      → the moments of each visit          (the town's links)
      → the wait, from how busy this month's customers keep the staff on the floor
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

Everything is a pure function of the sliders: the months run in one loop of 24 small steps.
Notebook 01's model gives each month's spread of scores: its moment functions run once for the
24 months of staff (a month per row), and each month adds the wait its customers make (its wait
points and rounding), so a move costs a few milliseconds. A test checks the result against
notebook 01's ``simulate``.
"""

from __future__ import annotations

import functools
import time
from collections.abc import Mapping
from dataclasses import dataclass
from types import SimpleNamespace

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
    busy_share,
    on_the_floor,
    service_levels,
    staff_path,
    wait_minutes,
)
from helpers.lessons.putting_it_together.town_months import (
    Policy,
    TownMonths,
    run_months,
    settled_memory,
)
from helpers.lessons.satisfaction import model as satisfaction

MONTHS = 24
#: Share of visits with a problem: the town's 12 % (notebook 01's model starts at 15 %).
PROBLEM_SHARE = 12
#: Notebook 01's customers drawn for each month's visits (its own 5,000 would take too long for
#: 24 months at every slider move; 2,000 give the spread of scores to within a point).
VISITORS = 2_000
#: How much more a bad moment weighs than a good one: notebook 01's default.
BAD_WEIGHT = satisfaction.PARAMETERS["bad_weight"].default
SHOP_ORDER = ("riverside", "market")


@dataclass(frozen=True)
class ShopMonths:
    """One shop, month by month (arrays of :data:`MONTHS`)."""

    engagement: np.ndarray  #: staff engagement, 0-100
    delighted: np.ndarray  #: share of visits that delight (a 5), 0-1
    unhappy: np.ndarray  #: share of visits that leave the customer unhappy (1-2), 0-1
    wait: np.ndarray  #: average wait (minutes)
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


def _experience_before_waiting(levels: Mapping[str, np.ndarray]) -> np.ndarray:
    """Notebook 01's experience of each of its customers (points, before the wait), one row per
    month of ``levels`` (its service sliders in %): its own moment functions, given a month per
    row (they work element by element)."""
    people = satisfaction.customers(VISITORS)
    rows = SimpleNamespace(
        **{name: np.asarray(level, dtype=float)[:, None] for name, level in levels.items()},
        wait_minutes=0.0,  # the wait is added month by month: see _spread
        problem_share=PROBLEM_SHARE,
        bad_weight=BAD_WEIGHT,
    )
    points = satisfaction.moment_contributions(rows, people)  # type: ignore[arg-type]
    return satisfaction.BASE + satisfaction.NOISE_SD * people.mood + sum(points.values())


def _spread(before_waiting: np.ndarray, wait: np.ndarray) -> np.ndarray:
    """Share of visits at each score 1..5 (rows, 5) for experiences before waiting (rows,
    VISITORS) and each row's average wait: notebook 01's wait points and rounding."""
    people = satisfaction.customers(VISITORS)
    waited = satisfaction.wait_points(people.wait_factor * wait[:, None], BAD_WEIGHT)
    scores = np.clip(np.floor(before_waiting + waited + 0.5), 1, 5).astype(np.int64)
    rows = scores.shape[0]
    where = (scores - 1 + 5 * np.arange(rows)[:, None]).ravel()
    return np.bincount(where, minlength=5 * rows).reshape(rows, 5) / VISITORS


@functools.lru_cache(maxsize=64)
def _staff(hours: float, turnover: float, start_hours: float, start_turnover: float, months: int):
    """The staff month by month and notebook 01's experience before waiting (cached)."""
    path = staff_path(months, hours, turnover, start_hours, start_turnover)
    before = _experience_before_waiting(service_levels(path))
    before.flags.writeable = False
    return path, before


def _policy(values: Mapping[str, float]) -> tuple[float, float, float]:
    return values["generous"] / 100, values["replies"] / 100, values["follow_up"] / 100


def _shop(values: Mapping[str, float], path, town: TownMonths, index: int) -> ShopMonths:
    """One shop's months, with its money."""
    fixed = money.fixed_costs(
        money.Settings(values["staff"], values["training_hours"], values["turnover"])
    )
    costs = {key: np.full(town.visits.shape[0], value) for key, value in fixed.items()}
    costs["settlements"] = town.settled[:, index] * money.SETTLEMENT
    costs["calls"] = town.calls[:, index] * money.CALL
    costs["replies"] = town.replies[:, index] * money.REPLY
    shares = town.shares[:, index]
    return ShopMonths(
        engagement=path.engagement,
        delighted=shares[:, 4],
        unhappy=shares[:, 0] + shares[:, 1],
        wait=town.wait[:, index],
        visits=town.visits[:, index],
        praise=town.praise[:, index],
        warnings=town.warnings[:, index],
        stars=town.stars[:, index],
        margin=money.margin(town.visits[:, index]),
        costs=costs,
    )


def chain(
    values: Mapping[str, float] | None = None, *, months: int = MONTHS, **changes: float
) -> ChainOutcome:
    """Both shops for 24 months (or ``months``), with Market Street at the sliders' ``values``
    from month 1 (nothing: as today); keywords change single sliders:
    ``chain(training_hours=40)``."""
    v = market_values(values, **changes)
    return _chain(tuple(v[name] for name in PARAMETERS), int(months))


def _staffing(now: Mapping[str, float], start: Mapping[str, float], months: int):
    """A shop's staff month by month and its experience before waiting, when its settings move
    from ``start`` to ``now`` in month 1."""
    hours, turnover = now["training_hours"], now["turnover"]
    return _staff(hours, turnover, start["training_hours"], start["turnover"], months)


@functools.lru_cache(maxsize=64)
def _chain(key: tuple[float, ...], months: int) -> ChainOutcome:
    v = dict(zip(PARAMETERS, key, strict=True))
    r_path, r_before = _staffing(RIVERSIDE, RIVERSIDE, months)
    m_path, m_before = _staffing(v, MARKET_TODAY, months)
    today = _staffing(MARKET_TODAY, MARKET_TODAY, months)[1]
    usual_wait = np.array([USUAL_WAIT[shop] for shop in SHOP_ORDER])
    settled = _spread(np.stack([r_before[0], today[0]]), usual_wait)
    start = settled_memory(
        tuple(settled.ravel().tolist()),
        tuple(np.array([_policy(RIVERSIDE), _policy(MARKET_TODAY)]).T.ravel().tolist()),
        tuple(usual_wait.tolist()),
    )
    floor = np.array([on_the_floor(s["staff"], s["training_hours"]) for s in (RIVERSIDE, v)])
    usual_floor = np.array(
        [on_the_floor(s["staff"], s["training_hours"]) for s in (RIVERSIDE, MARKET_TODAY)]
    )

    def serve(month: int, visits: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        """This month's service: the wait from how busy this month's customers keep staff."""
        wait = wait_minutes(busy_share(visits, start.visits, floor, usual_floor), usual_wait)
        return _spread(np.stack([r_before[month], m_before[month]]), wait), wait

    policy = Policy(*np.array([_policy(RIVERSIDE), _policy(v)]).T)
    town = run_months(serve, months, policy, start)
    return ChainOutcome(
        values=v,
        riverside=_shop(RIVERSIDE, r_path, town, 0),
        market=_shop(v, m_path, town, 1),
    )


def time_update(repeats: int = 30) -> float:
    """Median seconds for one slider move: Market Street's 24 months and the town's, with only
    what never changes (the settled town, Riverside, as today) computed beforehand."""
    hours = PARAMETERS["training_hours"].positions()
    staff = PARAMETERS["staff"].positions()
    times = []
    for i in range(repeats):
        _chain.cache_clear()
        _staff.cache_clear()
        chain()  # as today and Riverside: computed once per session, outside the timing
        _chain.cache_clear()
        started = time.perf_counter()
        chain(training_hours=hours[i % len(hours)], staff=staff[i % len(staff)])
        times.append(time.perf_counter() - started)
    return float(np.median(times))
