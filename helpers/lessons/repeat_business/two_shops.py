"""Two shops, one town: a small, steady service edge adds up to a large share (notebook 02).

The model in plain words
------------------------
Two shops open on the same day in a new part of town and sell the same goods. 4,000 households
live there. Every month each household shops at Riverside, at Market Street, or at neither. It
picks by how it remembers each shop:

* each visit leaves a memory of the shop that pulls the household back, or pushes it away. How
  strongly comes from notebook 01's return link: after a **delighted** visit (a 5) a customer is
  six times as likely to come back as after an **ordinary** one (a 4); after a visit with a
  **bad moment** (an unhappy 2) about a quarter as likely. An ordinary visit leaves no pull of its
  own: a satisfied customer is not yet a loyal one;
* memories **fade**: a good memory is half as strong after ``memory_months`` months, a bad one
  only after :data:`BAD_LASTS` times as long (a bad visit is remembered longer);
* the **nearer** shop pulls a little too (Market Street is nearer for 55 households in 100).

The formulas
------------
For household *h*, shop *s* and month *t* (a memory counts recent visits more, because older ones
have faded)::

    impression(score) = ln( P(back | score) / P(back | 4) )      notebook 01's return link:
                        +1.79 for a 5 (six times, Jones & Sasser), 0 for a 4, −1.30 for a 2
    good[h, s] = Σ over h's delighted visits to s of impression(5)
                 × ½ ^ (months since the visit / memory_months)
    bad[h, s]  = Σ over h's visits to s with a bad moment of −impression(2)
                 × ½ ^ (months since the visit / (BAD_LASTS · memory_months))
    pull[h, s] = BASE + good[h, s] − bad[h, s] + NEAR_PULL · (s is nearer h's home)
    P(s)       = e^pull[h, s] / (1 + e^pull[h, Riverside] + e^pull[h, Market Street])

and "neither" takes the rest (a multinomial logit choice with an outside option). Each visit is
delighted, ordinary or has a bad moment with the shares the sliders set.

Every household has its own random numbers, drawn once (common random numbers): the same
settings always give the same result, and moving a slider changes only the households at the
margin. The chart shows the *expected* customers of each month (the sum of the households'
chances), so it does not jitter from one month to the next.

What rests on the literature, and what is illustrative
------------------------------------------------------
* **How much a visit pulls** is notebook 01's return link (:mod:`helpers.lessons.satisfaction.
  return_link`, imported): its 5-versus-4 ratio is Jones & Sasser's (1995) six times; its levels
  are notebook 01's own illustrative choices.
* **Bad is remembered longer**: negative events are remembered more and longer than positive
  ones (Baumeister, Bratslavsky, Finkenauer & Vohs 2001, "Bad is stronger than good", Review of
  General Psychology 5(4)); the factor :data:`BAD_LASTS` = 2 is our illustrative choice.
* The memory form (exponential fading, a logit choice on remembered experience) is a standard
  modelling choice, not a measurement; every other size here (households, pulls, shares) is
  illustrative. The sample town (``helpers/town``) works in the same spirit: its customers pick a
  shop by remembered satisfaction and nearness.

Everything here is a pure function. One run of 4,000 households over 24 months takes a few
milliseconds.
"""

from __future__ import annotations

import functools
from collections.abc import Mapping
from dataclasses import dataclass

import numpy as np

from helpers.i18n import N_, _
from helpers.lessons.repeat_business.values import read_values
from helpers.lessons.satisfaction.return_link import return_probability
from helpers.parameters import Parameter
from helpers.validation import require_count

#: Households in the new part of town, months shown, and the seed of their random numbers.
HOUSEHOLDS = 4_000
MONTHS = 24
SEED = 20_020_024

#: Share of households living nearer Market Street (as in the sample town), and its pull.
NEARER_MARKET = 0.55
NEAR_PULL = 0.5
#: A shop's pull before any memory, against shopping at neither (0): about 6 households in 10
#: shop at one of the two in the first month.
BASE = -0.5
#: The satisfaction score of a delighted visit, an ordinary one and one with a bad moment.
DELIGHTED_SCORE, ORDINARY_SCORE, BAD_SCORE = 5, 4, 2
#: A bad memory takes this many times as long to fade by half (illustrative).
BAD_LASTS = 2.0

SHOPS = ("riverside", "market")


def _delighted(name: str, plain: str, label: str, default: float) -> Parameter:
    return Parameter(
        name,
        plain=plain,
        label=label,
        unit="%",
        default=default,
        low=0,
        high=60,
        step=5,
        help=N_("Share of this shop's visits that delight the customer (a 5 of 5)."),
    )


def _bad(name: str, plain: str, label: str, default: float) -> Parameter:
    return Parameter(
        name,
        plain=plain,
        label=label,
        unit="%",
        default=default,
        low=0,
        high=40,
        step=5,
        help=N_("Share of this shop's visits with a bad moment (rudeness, a long wait...)."),
    )


#: Every slider of the model, in the order the simulator shows them.
PARAMETERS: dict[str, Parameter] = {
    spec.name: spec
    for spec in (
        _delighted(
            "riverside_delighted",
            N_("Riverside's delighted visits"),
            N_("Riverside: delighted visits (%)"),
            40,
        ),
        _bad(
            "riverside_bad",
            N_("Riverside's visits with a bad moment"),
            N_("Riverside: visits with a bad moment (%)"),
            10,
        ),
        _delighted(
            "market_delighted",
            N_("Market Street's delighted visits"),
            N_("Market Street: delighted visits (%)"),
            35,
        ),
        _bad(
            "market_bad",
            N_("Market Street's visits with a bad moment"),
            N_("Market Street: visits with a bad moment (%)"),
            15,
        ),
        Parameter(
            "memory_months",
            plain=N_("Memory"),
            label=N_("A memory fades by half in (months)"),
            unit="months",
            default=6,
            low=1,
            high=24,
            step=1,
            help=N_(
                "Months until a good memory of a visit is half as strong; a bad one takes "
                "twice as long."
            ),
            illustrative=True,
        ),
    )
}


@dataclass(frozen=True)
class Households:
    """The fixed households: where each lives and its own random numbers, drawn once."""

    size: int
    near_pull: np.ndarray  #: (2, size): the pull of nearness towards Riverside and Market Street
    u_choice: np.ndarray  #: (MONTHS, size) uniform 0-1: which option the household picks
    u_visit: np.ndarray  #: (MONTHS, size) uniform 0-1: how the visit goes


@functools.lru_cache(maxsize=4)
def households(size: int = HOUSEHOLDS, seed: int = SEED) -> Households:
    """The simulated households for ``size`` and ``seed`` (cached; arrays are read-only)."""
    size = require_count(_("Number of households"), size, minimum=1)
    rng = np.random.default_rng(require_count(_("Seed"), seed))
    nearer_market = rng.random(size) < NEARER_MARKET
    near_pull = NEAR_PULL * np.stack([~nearer_market, nearer_market]).astype(float)
    arrays = dict(
        near_pull=near_pull, u_choice=rng.random((MONTHS, size)), u_visit=rng.random((MONTHS, size))
    )
    for array in arrays.values():
        array.flags.writeable = False
    return Households(size=size, **arrays)


@dataclass(frozen=True)
class TwoShopsOutcome:
    """What one setting of the sliders gives, month by month."""

    values: dict[str, float]  #: the parameters used
    customers: np.ndarray  #: (MONTHS, 2) expected households shopping at each shop, per month
    households: int

    @property
    def share(self) -> np.ndarray:
        """Riverside's share of the two shops' customers (0-1), per month."""
        return self.customers[:, 0] / self.customers.sum(axis=1)

    @property
    def first_share(self) -> float:
        """Riverside's share in the first month."""
        return float(self.share[0])

    @property
    def final_share(self) -> float:
        """Riverside's share in the last month (month 24)."""
        return float(self.share[-1])

    @property
    def neither(self) -> np.ndarray:
        """Expected households shopping at neither shop, per month."""
        return self.households - self.customers.sum(axis=1)


@functools.cache
def impressions() -> tuple[float, float]:
    """The pull a delighted visit adds, and the push a visit with a bad moment adds (both > 0):
    log-ratios of notebook 01's return chances against an ordinary visit's."""
    back = return_probability(np.array([DELIGHTED_SCORE, ORDINARY_SCORE, BAD_SCORE], float))
    return float(np.log(back[0] / back[1])), float(-np.log(back[2] / back[1]))


def simulate(
    values: Mapping[str, float] | None = None,
    people: Households | None = None,
    **changes: float,
) -> TwoShopsOutcome:
    """Each shop's expected customers in each of 24 months, for the given service.

    ``values`` is a mapping such as a simulator's slider values (or nothing: the defaults);
    keywords change single parameters: ``simulate(riverside_bad=15)``.
    """
    v = read_values(PARAMETERS, _("two-shops model"), values, **changes)
    h = people or households()
    delighted_from = 1 - np.array([v["riverside_delighted"], v["market_delighted"]]) / 100
    bad_below = np.array([v["riverside_bad"], v["market_bad"]]) / 100
    keep_good = 0.5 ** (1 / v["memory_months"])
    keep_bad = 0.5 ** (1 / (BAD_LASTS * v["memory_months"]))
    delight, push = impressions()
    good, bad = np.zeros((2, h.size)), np.zeros((2, h.size))
    start = BASE + h.near_pull
    chance, total = np.empty((2, h.size)), np.empty(h.size)
    customers = np.empty((MONTHS, 2))
    for month in range(MONTHS):
        # the logit choice: e^pull / (1 + e^pull(Riverside) + e^pull(Market Street)), in place
        np.subtract(good, bad, out=chance)
        chance += start
        np.exp(chance, out=chance)
        np.add(chance[0], chance[1], out=total)
        total += 1
        chance /= total
        customers[month] = chance.sum(axis=1)
        pick, how = h.u_choice[month], h.u_visit[month]
        at = (pick < chance[0], (pick < chance[0] + chance[1]) & (pick >= chance[0]))
        good *= keep_good
        bad *= keep_bad
        for shop in (0, 1):  # a visit is delighted, has a bad moment, or is ordinary
            good[shop] += delight * (at[shop] & (how >= delighted_from[shop]))
            bad[shop] += push * (at[shop] & (how < bad_below[shop]))
    return TwoShopsOutcome(values=v, customers=customers, households=h.size)
