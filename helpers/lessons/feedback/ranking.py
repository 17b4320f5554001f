"""Ranking staff fairly: how often does a ranking on surveys put the truly best person on top?

The model in plain words
------------------------
A team of :data:`STAFF` people serves customers. Each person has a *true* CSAT (the share of
their customers who would answer 4 or 5 if all were asked): the team averages :data:`TEAM_CSAT`
and the best is ``spread`` points above the worst, the others evenly in between. Each month every
person gets some surveys: ``surveys`` on average, part-timers fewer, full-timers more (fixed
:data:`WORKLOAD` shares, not linked to how good anyone is). We simulate :data:`ROUNDS` such months,
rank the team on each month's CSAT, and count how often the truly best person comes top and the
truly worst comes bottom. The chart shows one month as a funnel plot (:mod:`.funnel`); the
*Month shown* slider picks which, so the room sees the ranking reshuffle from month to month.
Its default is a typical month at the default settings (the truly best third, as in the
median month), not a lucky one.

What the funnel can and cannot do, measured here (:meth:`Rankings.months_with_someone_outside`,
:meth:`Rankings.best_above_funnel`): when everyone serves equally well, chance alone still puts
someone outside the 95 % limits in some months (false alarms, more often the more surveys); with
few surveys nobody can lie above the upper limit (it is 100 % up to 16 surveys at a team CSAT of
80 %), so a point inside the funnel is no proof of equal service.

The formulas
------------
Person *i* with true share ``p_i`` and ``n_i`` surveys gets ``X_i ~ Binomial(n_i, p_i)`` satisfied
answers (one random number per survey, drawn once: satisfied when it is below ``p_i``); their CSAT
is ``X_i / n_i``. Ties are broken at random (a fair lottery), because a
ranking has to put someone first. The funnel's limits are exact binomial around the month's team
CSAT (:func:`.funnel.share_limits`).

What is illustrative
--------------------
The team size, its average CSAT (80 %), the workloads, the even spread of true CSAT and the
twenty months the slider offers are our choices. The statistics of ranking on small samples
are not: with few surveys, chance alone decides much of the top and the bottom.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

import numpy as np
from scipy.stats import binom

from helpers.i18n import N_
from helpers.lessons.feedback.funnel import share_limits
from helpers.lessons.feedback.params import read_values
from helpers.parameters import Parameter

STAFF = 12
TEAM_CSAT = 0.80
ROUNDS = 2_000
SEED = 20_040_402
#: Each person's share of the surveys (mean 1): part-timers get fewer, full-timers more. The
#: order is shuffled against true quality, so the best person is not the busiest.
WORKLOAD = np.array([1.0, 0.5, 1.5, 0.7, 1.3, 0.4, 1.1, 1.6, 0.6, 0.9, 1.4, 1.0])
#: Staff codes, as the chart labels them (no names: a room should not rank named colleagues).
CODES = tuple("ABCDEFGHIJKL")
#: The month the chart shows first: at the default settings the truly best is third (the median
#: rank over all months) and the truly worst fourth; not a month where the ranking "works".
TYPICAL_MONTH = 8
#: Spiegelhalter's stricter limits, for a second look before acting.
STRICT = 0.998

PARAMETERS: dict[str, Parameter] = {
    p.name: p
    for p in (
        Parameter(
            "surveys",
            N_("Surveys per person"),
            N_("Surveys per person, on average"),
            "",
            10,
            5,
            100,
            5,
            N_("How many surveys each person gets in the period, on average."),
        ),
        Parameter(
            "spread",
            N_("Real gap between best and worst"),
            N_("Real gap, best to worst (CSAT points)"),
            "points",
            20,
            0,
            40,
            5,
            N_("How much better the truly best person serves than the truly worst."),
            illustrative=True,
        ),
        Parameter(
            "month",
            N_("Month shown"),
            N_("Month shown (of 20)"),
            "",
            TYPICAL_MONTH,
            1,
            20,
            1,
            N_("Which simulated month the chart shows: the same team, another month's surveys."),
        ),
    )
}
#: True quality rank of each person (0 = worst): fixed, and unrelated to their workload.
QUALITY_RANK = np.array([11, 3, 7, 4, 10, 6, 1, 5, 8, 9, 2, 0])
BEST, WORST = int(np.argmax(QUALITY_RANK)), int(np.argmin(QUALITY_RANK))


def true_csat(spread: float) -> np.ndarray:
    """Each person's true CSAT (0-1): evenly from ``spread``/2 points below the team's to
    ``spread``/2 above."""
    return TEAM_CSAT + spread / 100 * (QUALITY_RANK / (STAFF - 1) - 0.5)


def survey_counts(surveys: float) -> np.ndarray:
    """Each person's number of surveys (at least 1)."""
    return np.maximum(np.rint(surveys * WORKLOAD), 1).astype(int)


@dataclass(frozen=True)
class Rankings:
    """Many simulated months of the same team, ranked on their CSAT."""

    spread: float
    counts: np.ndarray  #: surveys per person
    truth: np.ndarray  #: true CSAT per person, 0-1
    observed: np.ndarray  #: CSAT per month and person, 0-1 (ROUNDS × STAFF)
    top: np.ndarray  #: who came top each month (index)
    bottom: np.ndarray  #: who came bottom each month (index)
    month: int = TYPICAL_MONTH - 1  #: the month the chart shows (index)
    order: np.ndarray | None = None  #: each month's ranking, best first (ROUNDS × STAFF)

    @property
    def best_on_top(self) -> float:
        """Share of months in which the truly best person came top."""
        return float(np.mean(self.top == BEST))

    @property
    def worst_at_bottom(self) -> float:
        """Share of months in which the truly worst person came bottom."""
        return float(np.mean(self.bottom == WORST))

    @property
    def equal(self) -> bool:
        """True when everyone serves equally well (no truly best or worst)."""
        return self.spread == 0

    def shown_month(self) -> np.ndarray:
        """CSAT (%) of each person in the month the chart shows."""
        return 100 * self.observed[self.month]

    def limits(self, month: int | None = None) -> tuple[np.ndarray, np.ndarray]:
        """The chance limits (%) of a month (the one shown) at each person's surveys."""
        month = self.month if month is None else month
        centre = float((self.observed[month] * self.counts).sum() / self.counts.sum())
        low, high = share_limits(centre, self.counts)
        return 100 * low, 100 * high

    def outside(self, month: int | None = None) -> int:
        """How many people lie outside the funnel in a month (the one shown)."""
        month = self.month if month is None else month
        low, high = self.limits(month)
        score = 100 * self.observed[month]
        return int(np.sum((score < low - 1e-9) | (score > high + 1e-9)))

    def rank_of(self, person: int, month: int | None = None) -> int:
        """Where ``person`` stands in a month's ranking (1 = top)."""
        month = self.month if month is None else month
        if self.order is None:
            return int(np.sum(self.observed[month] > self.observed[month, person])) + 1
        return int(np.flatnonzero(self.order[month] == person)[0]) + 1

    def _positions(self, confidence: float = 0.95) -> tuple[np.ndarray, np.ndarray]:
        """Below and above the funnel, per month and person (ROUNDS × STAFF, True/False).

        The same test as :func:`.funnel.share_limits` (exact binomial limits), asked of the
        binomial CDF at each person's count instead of its inverse: with F the CDF and q a tail,
        k < ppf(q) exactly when F(k) < q. 24,000 inverses took 25 ms; two CDFs take about 6."""
        happy = np.rint(self.observed * self.counts).astype(int)
        centre = (happy.sum(axis=1) / self.counts.sum())[:, None]
        tail = (1 - confidence) / 2
        below = binom.cdf(happy, self.counts[None, :], centre) < tail
        above = binom.cdf(happy - 1, self.counts[None, :], centre) >= 1 - tail
        return below, above

    def share_outside(self) -> float:
        """Share of person-months outside the funnel, over every simulated month."""
        below, above = self._positions()
        return float(np.mean(below | above))

    def months_with_someone_outside(self, confidence: float = 0.95) -> float:
        """Share of months in which at least one person lies outside the funnel."""
        below, above = self._positions(confidence)
        return float(np.mean((below | above).any(axis=1)))

    def best_above_funnel(self) -> float:
        """Share of months in which the truly best person lies above the funnel."""
        return float(np.mean(self._positions()[1][:, BEST]))


def within_a_year(monthly: float, months: int = 12) -> float:
    """Chance that something with chance ``monthly`` each month happens at least once in
    ``months`` independent months."""
    return 1 - (1 - monthly) ** months


@cache
def _draws() -> tuple[np.ndarray, np.ndarray]:
    """One random number per month, person and survey (drawn once, so a slider move changes only
    the answers at the margin), and a tiny random number per month and person to break ties."""
    rng = np.random.default_rng(SEED)
    max_count = int(survey_counts(PARAMETERS["surveys"].high).max())
    draws = rng.random((STAFF, ROUNDS, max_count), dtype=np.float32)
    lottery = rng.random((ROUNDS, STAFF)) * 1e-6  # breaks ties at random, never reorders
    draws.flags.writeable = lottery.flags.writeable = False
    return draws, lottery


def simulate_rankings(values: dict[str, float] | None = None, **changes: float) -> Rankings:
    """:data:`ROUNDS` months of surveys for the team; ``values`` are slider values."""
    v = read_values(PARAMETERS, values, changes, "ranking model")
    counts = survey_counts(v["surveys"])
    truth = true_csat(v["spread"])
    draws, lottery = _draws()
    happy = np.column_stack(
        [
            np.count_nonzero(draws[i, :, : counts[i]] < np.float32(truth[i]), axis=1)
            for i in range(STAFF)
        ]
    )
    observed = happy / counts
    order = np.argsort(-(observed + lottery), axis=1)
    return Rankings(
        spread=v["spread"],
        counts=counts,
        truth=truth,
        observed=observed,
        top=order[:, 0],
        bottom=order[:, -1],
        month=int(v["month"]) - 1,
        order=order,
    )


def time_update(repeats: int = 50) -> float:
    """Median seconds for one :func:`simulate_rankings` plus the chart's limits (for tests)."""
    import time

    times = []
    for i in range(repeats):
        started = time.perf_counter()
        result = simulate_rankings(surveys=100 - 5 * (i % 3))
        result.limits()
        times.append(time.perf_counter() - started)
    return float(np.median(times))
