"""Questions asked of the satisfaction model (notebook 01): each a pure function of parameters.

* :func:`moment_costs`: **exposure × impact**. How many customers a moment goes badly for (or, for
  an attractive moment, misses), how much that costs each of them in chance of coming back, and so
  how many customers in 100 it loses. A rare, heavy failure and a common, light one can lose
  about as many customers.
* :func:`bad_moment_outcome`: a visit of five equal moments, a share of which go badly; how much
  a bad one weighs against a good one (the asymmetry) is the slider.
* :func:`interest_outcome`: the same service for customers with and without a reason to come.
"""

from __future__ import annotations

import time
from collections.abc import Mapping
from dataclasses import dataclass

import numpy as np
import pandas as pd

from helpers.lessons.satisfaction.model import (
    ATTRACTIVE,
    BAD_MOMENTS,
    GENERIC_BASE,
    GENERIC_SIZE,
    MOMENTS,
    MUST_BE,
    NOISE_SD,
    PARAMETERS,
    TOLERATED_WAIT,
    Customers,
    SatisfactionOutcome,
    ServiceParams,
    as_params,
    customers,
    experience_points,
    happened,
    moment_contributions,
    outcome,
    simulate,
    went_well,
)
from helpers.lessons.satisfaction.return_link import NO_REASON, return_probability
from helpers.validation import require_count

#: The moments :func:`moment_costs` reports, in the order charts show them.
COST_ROWS = (
    "problems_fixed",
    "courtesy",
    "questions_answered",
    "wait",
    "listening",
    "warmth",
)


def _chance(experience: np.ndarray, p: ServiceParams, reason: np.ndarray) -> np.ndarray:
    scores = np.clip(np.floor(experience + 0.5), 1, 5)
    return return_probability(scores, p.top_ratio, 1.0) * np.where(reason, 1.0, NO_REASON)


def _touched_and_ideal(
    name: str, p: ServiceParams, c: Customers, actual: np.ndarray
) -> tuple[np.ndarray, np.ndarray]:
    """Who the moment went badly for (or missed), and the points they would have had if it had
    gone well (no wait beyond the tolerated one)."""
    if name == "wait":
        return c.wait_factor * p.wait_minutes > TOLERATED_WAIT, np.zeros(c.size)
    moment = MOMENTS[name]
    touched = happened(p, c)[name] & ~went_well(p, c)[name]
    ideal = 0.0 if moment.kind == MUST_BE else moment.size
    return touched, np.full(c.size, ideal)


def moment_costs(
    params: ServiceParams | Mapping[str, float] | None = None,
    people: Customers | None = None,
    **changes: float,
) -> pd.DataFrame:
    """Exposure × impact of each moment, one row per moment (:data:`COST_ROWS`).

    Columns: ``touched`` (share of customers the moment went badly for, or missed: 0-1),
    ``cost_each`` (their lost chance of coming back, 0-1: what it would have been had the moment
    gone well, minus what it is), ``lost_per_100`` (customers in 100 who do not come back because
    of it: 100 × touched × cost_each) and ``unhappy_per_100`` (customers in 100 whom it pushed
    into the zone of defection, scores 1-2). ``kind`` is the moment's Kano kind.
    """
    p = as_params(params, **changes)
    c = people or customers()
    parts = moment_contributions(p, c)
    experience = experience_points(p, c)
    reason = c.u_reason < p.interest / 100
    actual_chance = _chance(experience, p, reason)
    unhappy = np.floor(experience + 0.5) <= 2
    rows = []
    for name in COST_ROWS:
        touched, ideal = _touched_and_ideal(name, p, c, parts[name])
        better = experience - parts[name] + ideal
        gain = np.where(touched, _chance(better, p, reason) - actual_chance, 0.0)
        rescued = touched & unhappy & (np.floor(better + 0.5) > 2)
        share = float(touched.mean())
        rows.append(
            {
                "moment": name,
                "kind": MOMENTS[name].kind if name in MOMENTS else MUST_BE,
                "touched": share,
                "cost_each": float(gain[touched].mean()) if touched.any() else 0.0,
                "lost_per_100": 100 * float(gain.mean()),
                "unhappy_per_100": 100 * float(rescued.mean()),
            }
        )
    return pd.DataFrame(rows).set_index("moment")


def bad_moment_outcome(
    percent_bad_moments: float = BAD_MOMENTS.default,
    bad_weight: float = PARAMETERS["bad_weight"].default,
    params: ServiceParams | Mapping[str, float] | None = None,
    people: Customers | None = None,
) -> SatisfactionOutcome:
    """A visit of five equal moments; in ``percent_bad_moments`` % of them the moment goes badly.

    A good moment adds :data:`GENERIC_SIZE` points, a bad one takes away ``bad_weight`` times as
    much, from :data:`GENERIC_BASE` plus the customer's own mood. Each customer's five moments
    use their own fixed random numbers, so a customer with one bad moment at 20 % still has it at
    30 %. Interest and the 5-vs-4 ratio come from ``params`` (defaults otherwise).
    """
    share_bad = BAD_MOMENTS.check(percent_bad_moments) / 100
    p = as_params(params, bad_weight=bad_weight)
    c = people or customers()
    bad = c.u_generic < share_bad  # (moments, customers)
    points = np.where(bad, -p.bad_weight * GENERIC_SIZE, GENERIC_SIZE).sum(axis=0)
    return outcome(p, c, GENERIC_BASE + NOISE_SD * c.mood + points)


@dataclass(frozen=True)
class InterestOutcome:
    """Share coming back (0-1) among customers with a reason to come, without one, and all."""

    with_reason: float
    without_reason: float
    all_customers: float


def interest_outcome(
    params: ServiceParams | Mapping[str, float] | None = None, **changes: float
) -> InterestOutcome:
    """Share coming back among customers with a reason, without one, and all (same service)."""
    result = simulate(params, **changes)
    prob, reason = result.return_probability, result.has_reason
    with_reason = float(prob[reason].mean()) if reason.any() else 0.0
    without = float(prob[~reason].mean()) if (~reason).any() else 0.0
    return InterestOutcome(with_reason, without, result.share_coming_back)


def time_update(repeats: int = 200) -> float:
    """Median seconds for one :func:`simulate` of the whole population (for the benchmark)."""
    repeats = require_count("Repeats", repeats, minimum=1)
    customers()  # draw the population outside the timing
    positions = PARAMETERS["courtesy"].positions()
    times = []
    for i in range(repeats):
        started = time.perf_counter()
        simulate(courtesy=positions[i % len(positions)])
        times.append(time.perf_counter() - started)
    return float(np.median(times))


__all__ = [
    "ATTRACTIVE",
    "COST_ROWS",
    "InterestOutcome",
    "bad_moment_outcome",
    "interest_outcome",
    "moment_costs",
    "time_update",
]
