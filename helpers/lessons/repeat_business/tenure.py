"""Why loyalty seems to grow with time: the shifted-beta-geometric (sBG) model, notebook 02.

The model in plain words
------------------------
Each customer has their own chance of leaving in any one year, and keeps it. Some customers are
very likely to leave, others hardly at all. In the first year many of the likely leavers go; the
customers left are, on average, the more loyal ones, so the *group's* retention rises year after
year, although no single customer became more loyal. A model in which everyone is alike (the
same chance of leaving for all) keeps the same retention every year, and so it badly
underestimates how many customers are still there after a few years.

The formulas (Fader & Hardie 2007)
----------------------------------
A customer's chance of leaving in each period, θ, follows a beta distribution with parameters
α and β across customers. With t = 1, 2, ... periods::

    P(leaves in period t) = B(α + 1, β + t − 1) / B(α, β)
    S(t)  (still a customer after t periods) = B(α, β + t) / B(α, β)
    r(t) = S(t) / S(t − 1) = (β + t − 1) / (α + β + t − 1)        retention in period t

The sliders use two plain quantities instead of α and β: the **average chance of leaving**
μ = α / (α + β) (the share leaving in the first period) and **how different customers are**, the
polarisation φ = 1 / (α + β + 1) (Fader & Hardie's name): 0 when everyone is alike (then
r(t) = 1 − μ every period), towards 1 when some customers almost surely leave and others
almost never do. In those terms (α + β = (1 − φ) / φ)::

    r(t) = ((1 − μ)(1 − φ) + φ(t − 1)) / ((1 − φ) + φ(t − 1))

Fitting (maximum likelihood)
----------------------------
From cohorts (groups of customers who started in the same period) and how many of each are
still customers after 1, 2, ... periods, :func:`fit` finds the α and β that make those counts most
likely: a customer lost in period t contributes P(leaves in period t), a customer still there at
the end of their cohort's record contributes S(last period). The log-likelihood is maximised with
``scipy.optimize.minimize`` over log α and log β.

Sources
-------
Fader, P. S. & Hardie, B. G. S. (2007), "How to project customer retention", Journal of
Interactive Marketing 21(1), 76-90. Their two data sets (:data:`FADER_HARDIE_2007`: the "regular"
and "high end" customers of a subscription service, the share still subscribed after each of 7
years, which they take from Berry & Linoff 2004, "Data Mining Techniques") and their fitted
parameters are checked in the tests; the simulator's defaults are their "regular" fit. The model
suits subscriptions (contractual settings), where a customer's leaving is seen; a shop's
customers just stop coming, which the model can only approximate.

Fader, P. S. & Hardie, B. G. S. (2010), "Customer-base valuation in a contractual setting: the
perils of ignoring heterogeneity", Marketing Science 29(1), 85-93: a CLV formula that gives
everyone the same retention undervalues a customer base whose customers differ
(:func:`future_years`).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

import numpy as np
from scipy.optimize import minimize
from scipy.special import betaln

from helpers.i18n import N_, _
from helpers.lessons.repeat_business.values import read_values
from helpers.parameters import Parameter
from helpers.validation import ParameterError, require_count

#: Fader & Hardie (2007), Table 1: of 1,000 customers who started in year 0, how many were still
#: customers after each of years 1-7 ("regular" and "high end" subscribers), and the α, β the
#: paper fits to these seven years.
FADER_HARDIE_2007: dict[str, dict] = {
    "regular": {
        "survivors": (1000, 631, 468, 382, 326, 289, 262, 241),
        "alpha": 0.704,
        "beta": 1.182,
    },
    "high_end": {
        "survivors": (1000, 869, 743, 653, 593, 551, 517, 491),
        "alpha": 0.668,
        "beta": 3.806,
    },
}

#: The years the simulator shows (0 = the year the customers start).
YEARS = 10

#: Every slider of the model, in the order the simulator shows them.
PARAMETERS: dict[str, Parameter] = {
    spec.name: spec
    for spec in (
        Parameter(
            "leaving",
            plain=N_("Average chance of leaving"),
            label=N_("Average chance of leaving a year (%)"),
            unit="%",
            default=37,
            low=5,
            high=80,
            step=1,
            help=N_(
                "Out of 100 new customers, how many leave in their first year (the average of "
                "every customer's own chance)."
            ),
        ),
        Parameter(
            "difference",
            plain=N_("How different customers are"),
            label=N_("How different customers are (0 = alike)"),
            unit="",
            default=0.35,
            low=0,
            high=0.9,
            step=0.05,
            help=N_(
                "0: every customer has the same chance of leaving. Towards 1: some almost surely "
                "leave, others almost never do."
            ),
        ),
    )
}


def retention_by_period(leaving: float, difference: float, periods: int) -> np.ndarray:
    """Retention r(t) for t = 1..``periods`` (shares 0-1): ``leaving`` is μ (0-1), ``difference``
    the polarisation φ (0 ≤ φ < 1)."""
    if not 0 <= difference < 1:
        raise ParameterError(_("How different customers are must be at least 0 and below 1."))
    t = np.arange(1, periods + 1)
    spread = (1 - difference) + difference * (t - 1)
    return ((1 - leaving) * (1 - difference) + difference * (t - 1)) / spread


def survival(retention: np.ndarray) -> np.ndarray:
    """Share still customers after 0, 1, ... periods, from the retention of each period."""
    return np.concatenate([[1.0], np.cumprod(retention)])


@dataclass(frozen=True)
class TenureOutcome:
    """Survivors and retention year by year: customers differ, and everyone alike."""

    values: dict[str, float]
    survivors: np.ndarray  #: share still customers after 0..YEARS years (customers differ)
    survivors_alike: np.ndarray  #: the same if everyone had the average chance of leaving
    retention: np.ndarray  #: retention in years 1..YEARS (customers differ)
    retention_alike: np.ndarray


def tenure(values: Mapping[str, float] | None = None, **changes: float) -> TenureOutcome:
    """Survivors and retention by year for the sliders' average chance of leaving and spread."""
    v = read_values(PARAMETERS, _("loyalty-over-time model"), values, **changes)
    leaving = v["leaving"] / 100
    retention = retention_by_period(leaving, v["difference"], YEARS)
    alike = np.full(YEARS, 1 - leaving)
    return TenureOutcome(v, survival(retention), survival(alike), retention, alike)


#: Years summed for :func:`future_years`: discounting makes later years negligible.
HORIZON = 2000


def future_years(leaving: float, difference: float, discount_rate: float) -> float:
    """Expected years of future margin from next year on, in today's money, for a new customer:
    Σ S(t) / (1 + i)^t over t ≥ 1 (Fader & Hardie 2010's discounted expected residual lifetime,
    less the first year). With everyone alike (``difference`` 0) it is the CLV formula's
    r / (1 + i − r); when customers differ it is larger, because the loyal ones stay."""
    retention = retention_by_period(leaving, difference, HORIZON)
    still = np.cumprod(retention)
    discount = (1 + discount_rate) ** -np.arange(1, HORIZON + 1, dtype=float)
    return float(np.dot(still, discount))


def alpha_beta(leaving: float, difference: float) -> tuple[float, float]:
    """α and β from the average chance of leaving μ (0-1) and the polarisation φ (0 < φ < 1)."""
    if not 0 < difference < 1:
        raise ParameterError(_("How different customers are must be above 0 and below 1."))
    total = (1 - difference) / difference
    return leaving * total, (1 - leaving) * total


# --------------------------------------------------------------------------------------------
# Fitting the model to cohorts (maximum likelihood)
# --------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class SBGFit:
    """The α and β that make a set of cohorts most likely, and what they mean."""

    alpha: float
    beta: float
    log_likelihood: float
    customers: int  #: customers in all the cohorts together

    @property
    def leaving(self) -> float:
        """Average chance of leaving in the first period, μ = α / (α + β)."""
        return self.alpha / (self.alpha + self.beta)

    @property
    def difference(self) -> float:
        """How different customers are: the polarisation φ = 1 / (α + β + 1)."""
        return 1 / (self.alpha + self.beta + 1)

    def retention(self, periods: int) -> np.ndarray:
        """Fitted retention in periods 1..``periods``."""
        t = np.arange(1, periods + 1)
        return (self.beta + t - 1) / (self.alpha + self.beta + t - 1)


def _check_cohort(counts: Sequence[int]) -> np.ndarray:
    values = np.asarray(counts, dtype=float)
    if values.ndim != 1 or values.size == 0:
        raise ParameterError(_("A cohort is a list of counts: its size, then its survivors."))
    if np.any(values < 0) or np.any(values != np.round(values)) or np.any(np.diff(values) > 0):
        raise ParameterError(
            _("A cohort's survivors must be whole numbers that never grow: {counts}.").format(
                counts=[int(c) if float(c).is_integer() else c for c in values]
            )
        )
    return values


def log_likelihood(alpha: float, beta: float, cohorts: Sequence[Sequence[int]]) -> float:
    """Log-likelihood of cohorts (each: its size, then survivors after 1, 2, ... periods)."""
    total = 0.0
    for counts in cohorts:
        values = _check_cohort(counts)
        periods = values.size - 1
        if periods == 0:
            continue  # a cohort that just started tells nothing about leaving yet
        t = np.arange(1, periods + 1)
        lost = values[:-1] - values[1:]
        leave_at = betaln(alpha + 1, beta + t - 1) - betaln(alpha, beta)
        still = betaln(alpha, beta + periods) - betaln(alpha, beta)
        total += float(np.dot(lost, leave_at) + values[-1] * still)
    return total


#: Bounds for log α and log β while fitting: α + β above about 20,000 means "all alike".
_LOG_BOUNDS = ((-7.0, 10.0), (-7.0, 10.0))


def fit(cohorts: Sequence[Sequence[int]]) -> SBGFit:
    """α and β by maximum likelihood from cohorts (each: its size, then its survivors)."""
    checked = [_check_cohort(c) for c in cohorts]
    if not any(c.size > 1 for c in checked):
        raise ParameterError(_("To fit, at least one cohort needs a period after its start."))
    result = minimize(
        lambda p: -log_likelihood(np.exp(p[0]), np.exp(p[1]), checked),
        x0=np.zeros(2),
        method="L-BFGS-B",
        bounds=_LOG_BOUNDS,
    )
    alpha, beta = np.exp(result.x)
    return SBGFit(
        float(alpha),
        float(beta),
        -float(result.fun),
        int(sum(c[0] for c in checked)),
    )


def simulate_cohorts(
    alpha: float, beta: float, sizes: Sequence[int], periods: Sequence[int], seed: int = 0
) -> list[list[int]]:
    """Cohorts drawn from the model itself: each customer draws θ from beta(α, β), then leaves in
    each period with chance θ. Cohort k has ``sizes[k]`` customers, followed ``periods[k]``
    periods. For tests: a fit of these must find α and β again."""
    rng = np.random.default_rng(require_count(_("Seed"), seed))
    cohorts = []
    for size, length in zip(sizes, periods, strict=True):
        theta = rng.beta(alpha, beta, size)
        lifetime = rng.geometric(np.clip(theta, 1e-12, 1))  # the period in which each leaves
        cohorts.append([int(np.sum(lifetime > t)) for t in range(length + 1)])
    return cohorts
