"""What makes a customer satisfied, and why "satisfied" is not enough (notebook 01).

The model in plain words
------------------------
A shop has 5,000 customers (always the same simulated people, drawn once from a fixed seed). Each
makes one visit. During the visit a few *moments* go well or badly, depending on how the staff
behave: are they polite, is the product question answered, is the problem fixed, do they listen
to this customer or assume the familiar pattern, is the service warm and personal, how long is the
wait? The moments add up to a satisfaction score from 1 (very unhappy) to 5 (delighted). The score
then decides how likely the customer is to come back next time, and that also depends on whether
the customer has a real reason to come (an interest in the goods, a habit, friends who shop there).

The formulas
------------
For customer *i*, every moment has a good size *g* and a bad size *b* (in points on the 1-5
scale, table :data:`MOMENTS`); a bad moment counts *w* times (the asymmetry slider)::

    experience_i = BASE + NOISE_SD · z_i
                   + Σ over the moments that happened: (+g if it went well, −w · b if it went badly)
                   − w · WAIT_PENALTY · min(max(wait_i − TOLERATED_WAIT, 0), WAIT_CAP)
    score_i      = experience_i rounded to the nearest whole number, kept within 1..5

    floor(s)          = FLOOR_LOW + (FLOOR_HIGH − FLOOR_LOW) · (s − 1) / 4
    P(back | score s) = floor(s) + (CEILING − floor(s)) · σ(k · (s − 4.5))   σ(x) = 1 / (1 + e^−x)
    P(back)_i         = P(back | score_i) × (1 if customer i has a reason to come, else NO_REASON)

A moment "goes well" for customer *i* when the customer's own random number (drawn once, between
0 and 1) is below the slider's share: with courtesy at 90 %, the 90 % of customers with the lowest
courtesy number are greeted politely. Moving a slider therefore changes only the customers at the
margin, so the chart moves smoothly and the same settings always give the same result (common
random numbers). The wait of customer *i* is the slider's average wait times the customer's own
factor (mean 1). ``z_i`` is the customer's own mood and expectations, also drawn once.

The steepness *k* is set from the slider "5s return (× as often as 4s)": with f4, f5 the floor at
scores 4 and 5, c = CEILING and R the ratio, ``σ(k/2) = (R·c − f5) / ((c − f5) + R·(c − f4))``, so
that exactly P(5) / P(4) = R. The link is a logistic curve centred between 4 and 5 on top of a
gently rising floor (habit): it is steepest at the top of the scale, where "satisfied" turns into
"delighted". Below 4 hardly anyone comes back because of the service.

What rests on the literature, and what is illustrative
------------------------------------------------------
* **Jones & Sasser 1995** (Harvard Business Review, "Why Satisfied Customers Defect"): Xerox
  customers who scored 5 ("totally satisfied") were about six times as likely to buy again as
  those who scored 4. This sets the default ratio P(5)/P(4) = 6. Their zones name the scores:
  1-2 *defection*, 3-4 *indifference*, 5 *affection*.
* **Mittal & Kamakura 2001** (Journal of Marketing Research 38(1)): at the same satisfaction,
  different groups of customers come back at very different rates (their thresholds differ; their
  groups were defined by age, sex, education and where people live). Here the group is whether
  the customer has a real reason to come (seed idea 5): a customer without one comes back only
  :data:`NO_REASON` times as often, however satisfied. That factor is illustrative.
* **SERVQUAL** (Parasuraman, Zeithaml & Berry 1988) names five dimensions of service quality. The
  behaviours here map onto them: courtesy and answering questions (assurance), fixing problems
  (reliability), waiting time (responsiveness), listening and warmth (empathy).
* **Kano's model** separates *must-be* qualities (missing them hurts far more than having them
  helps: courtesy, fixing the problem, a short wait) from *attractive* ones (having them delights,
  missing them hardly hurts: warmth, really listening). The sizes in :data:`MOMENTS` follow that
  pattern; the numbers themselves are illustrative.
* **Bad moments weigh more than good ones** (seed 5; a broad research finding, e.g. Baumeister et
  al. 2001, "Bad is stronger than good"). The weight *w* (default 2×) is illustrative: a slider.
* Illustrative too: how often a visit involves a question (:data:`QUESTION_SHARE`) or a
  problem (:data:`PROBLEM_SHARE`), the baseline, the noise, the waiting tolerance, the floor and
  the ceiling.

Everything here is a pure function (parameters in, numbers out) plus thin :class:`Simulator`
factories for the notebook and the present view. One update for 5,000 customers takes well under a
millisecond (``python -m helpers.satisfaction`` prints the timing).
"""

from __future__ import annotations

import functools
import math
import time
from collections.abc import Mapping
from dataclasses import dataclass, fields, replace

import numpy as np
import pandas as pd

from helpers.i18n import N_, _
from helpers.parameters import Parameter, percent
from helpers.validation import ParameterError, require_count

# --------------------------------------------------------------------------------------------
# Fixed numbers of the model (documented above; illustrative unless the docstring says otherwise)
# --------------------------------------------------------------------------------------------

#: How many simulated customers, and the seed that draws them (always the same people).
POPULATION = 5_000
SEED = 20_010_201

#: Share of visits in which the customer asks a product question (illustrative: 4 in 10).
QUESTION_SHARE = 0.40
#: Share of visits in which the customer has a problem (a fault, a return, a mistake; 3 in 20).
PROBLEM_SHARE = 0.15

#: Where a customer starts before any moment counts, and how much customers differ (points).
BASE = 4.0
NOISE_SD = 0.45

#: (good, bad) size of each moment in points. Must-be moments hurt much more when missing than
#: they help when present; attractive ones the other way round (Kano). Illustrative numbers.
MOMENTS: dict[str, tuple[float, float]] = {
    "courtesy": (0.15, 1.0),  # must-be: polite is expected, rude is remembered
    "questions_answered": (0.35, 0.6),  # one-dimensional: knowledge helps and its lack hurts
    "problems_fixed": (0.3, 1.2),  # must-be: the worst moment is a problem left unfixed
    "listening": (0.45, 0.25),  # attractive: being heard delights, a routine answer grates a bit
    "warmth": (0.6, 0.0),  # attractive: warmth delights, its absence is not a bad moment
}

#: A wait up to this many minutes is accepted; each minute beyond costs WAIT_PENALTY points
#: (a bad moment, so times the asymmetry weight), up to WAIT_CAP minutes beyond.
TOLERATED_WAIT = 5.0
WAIT_PENALTY = 0.08
WAIT_CAP = 25.0

#: Return probability below the steep part of the curve: some come back whatever happened
#: (habit, nowhere else to go), a little more often the less unhappy they are. It rises in a
#: straight line from FLOOR_LOW at score 1 to FLOOR_HIGH at score 5.
FLOOR_LOW = 0.02
FLOOR_HIGH = 0.10
#: Return probability far above the steep part: even delighted customers move away, fall ill,
#: stop needing the goods.
CEILING = 0.95
#: A customer with no real reason to come back returns this many times as often (illustrative).
NO_REASON = 0.3

#: Jones & Sasser 1995: a 5 was about six times as likely to buy again as a 4 (Xerox).
JONES_SASSER_RATIO = 6.0

#: The zones of Jones & Sasser 1995, with the course's colours.
ZONES: dict[str, tuple[int, ...]] = {
    "defection": (1, 2),
    "indifference": (3, 4),
    "affection": (5,),
}
SCORES = (1, 2, 3, 4, 5)
ZONE_OF_SCORE: dict[int, str] = {s: zone for zone, scores in ZONES.items() for s in scores}
_ZONE_INDEX = np.array([0, 0, 1, 1, 2])  # score 1..5 -> position in ZONES


# --------------------------------------------------------------------------------------------
# Parameters: one record per slider
# --------------------------------------------------------------------------------------------


#: Every parameter of the model, in the order the sliders are shown.
PARAMETERS: dict[str, Parameter] = {
    spec.name: spec
    for spec in (
        percent(
            "courtesy",
            plain=N_("Courtesy"),
            label=N_("Treated politely (% of visits)"),
            default=90,
            help=N_("Share of visits where the customer is greeted and treated politely."),
        ),
        percent(
            "questions_answered",
            plain=N_("Questions answered"),
            label=N_("Questions answered (%)"),
            default=70,
            help=N_(
                "Share of product questions answered on the spot, or where staff find out "
                "the answer."
            ),
        ),
        percent(
            "problems_fixed",
            plain=N_("Problems fixed"),
            label=N_("Problems fixed (%)"),
            default=60,
            help=N_("Share of problems (a fault, a return, a mistake) that are fixed."),
        ),
        percent(
            "listening",
            plain=N_("Listening"),
            label=N_("Really listened to (% of visits)"),
            default=50,
            help=N_(
                "Share of visits where staff listen to this customer instead of assuming the "
                "familiar pattern."
            ),
        ),
        percent(
            "warmth",
            plain=N_("Warmth"),
            label=N_("Warm, personal attention (%)"),
            default=40,
            help=N_("Share of visits with warm, personal attention."),
        ),
        Parameter(
            "wait_minutes",
            plain=N_("Waiting time"),
            label=N_("Average wait (minutes)"),
            unit="minutes",
            default=5,
            low=0,
            high=30,
            step=1,
            help=N_("Average minutes a customer waits to be served; up to 5 minutes is accepted."),
        ),
        percent(
            "interest",
            plain=N_("Customers with a reason to come"),
            label=N_("Have a real reason to come (%)"),
            default=70,
            help=N_(
                "Share of customers with a real reason to come back: interest in the goods, "
                "a habit, friends who shop there."
            ),
            illustrative=True,
        ),
        Parameter(
            "bad_weight",
            plain=N_("Weight of a bad moment"),
            label=N_("Bad moment weighs (× a good one)"),
            unit="×",
            default=2,
            low=1,
            high=4,
            step=0.5,
            help=N_("How many times more a bad moment counts than a good one of the same size."),
            illustrative=True,
        ),
        Parameter(
            "top_ratio",
            plain=N_("Delighted vs satisfied return ratio"),
            label=N_("5s return (× as often as 4s)"),
            unit="×",
            default=JONES_SASSER_RATIO,
            low=1.5,
            high=10,
            step=0.5,
            help=N_(
                "How many times as likely a customer scoring 5 is to come back as one "
                "scoring 4 (about 6 at Xerox, Jones & Sasser 1995)."
            ),
        ),
    )
}

#: The extra parameter of :func:`bad_moment_outcome`.
BAD_VISITS = Parameter(
    "percent_bad_visits",
    plain=N_("Visits with one bad moment"),
    label=N_("Visits with one bad moment (%)"),
    unit="%",
    default=20,
    low=0,
    high=60,
    step=5,
    help=N_(
        "Share of visits in which the one moment that matters goes badly (otherwise it goes well)."
    ),
    illustrative=True,
)

#: Size of the one moment in :func:`bad_moment_outcome`, and the score level it starts from.
MOMENT_SIZE = 1.0
ONE_MOMENT_BASE = 3.6


@dataclass(frozen=True)
class ServiceParams:
    """The model's parameters, checked on creation (see :data:`PARAMETERS` for units)."""

    courtesy: float = PARAMETERS["courtesy"].default
    questions_answered: float = PARAMETERS["questions_answered"].default
    problems_fixed: float = PARAMETERS["problems_fixed"].default
    listening: float = PARAMETERS["listening"].default
    warmth: float = PARAMETERS["warmth"].default
    wait_minutes: float = PARAMETERS["wait_minutes"].default
    interest: float = PARAMETERS["interest"].default
    bad_weight: float = PARAMETERS["bad_weight"].default
    top_ratio: float = PARAMETERS["top_ratio"].default

    def __post_init__(self) -> None:
        for field in fields(self):
            object.__setattr__(
                self, field.name, PARAMETERS[field.name].check(getattr(self, field.name))
            )

    @classmethod
    def from_values(cls, values: Mapping[str, float] | None = None, **changes: float):
        """Parameters from a mapping (e.g. slider values) and/or keywords; the rest default."""
        merged = {**(values or {}), **changes}
        unknown = sorted(set(merged) - set(PARAMETERS))
        if unknown:
            raise ParameterError(
                _(
                    "The satisfaction model has no parameter called {unknown}; "
                    "its parameters are {known}."
                ).format(unknown=", ".join(unknown), known=", ".join(PARAMETERS))
            )
        return cls(**merged)

    def changed(self, **changes: float) -> ServiceParams:
        """A copy with some parameters changed (checked again)."""
        return replace(self, **changes)


# --------------------------------------------------------------------------------------------
# The simulated customers (drawn once)
# --------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Customers:
    """The fixed simulated customers: each one's own random numbers, drawn once."""

    size: int
    seed: int
    has_question: np.ndarray  #: bool: the visit involves a product question
    has_problem: np.ndarray  #: bool: the visit involves a problem
    u_courtesy: np.ndarray  #: uniform 0-1: polite if below the courtesy share
    u_answer: np.ndarray
    u_fix: np.ndarray
    u_listen: np.ndarray
    u_warmth: np.ndarray
    u_reason: np.ndarray  #: has a reason to come if below the interest share
    u_bad: np.ndarray  #: for :func:`bad_moment_outcome`
    wait_factor: np.ndarray  #: the customer's wait ÷ the average wait (gamma, mean 1)
    mood: np.ndarray  #: standard normal: own mood and expectations


@functools.lru_cache(maxsize=8)
def customers(size: int = POPULATION, seed: int = SEED) -> Customers:
    """The simulated customers for ``size`` and ``seed`` (cached; arrays are read-only)."""
    size = require_count("Number of customers", size, minimum=1)
    seed = require_count("Seed", seed, minimum=0)
    rng = np.random.default_rng(seed)
    u = rng.random((9, size))
    arrays = dict(
        has_question=u[0] < QUESTION_SHARE,
        has_problem=u[1] < PROBLEM_SHARE,
        u_courtesy=u[2],
        u_answer=u[3],
        u_fix=u[4],
        u_listen=u[5],
        u_warmth=u[6],
        u_reason=u[7],
        u_bad=u[8],
        wait_factor=rng.gamma(shape=2.0, scale=0.5, size=size),
        mood=rng.standard_normal(size),
    )
    for array in arrays.values():
        array.flags.writeable = False
    return Customers(size=size, seed=seed, **arrays)


# --------------------------------------------------------------------------------------------
# Satisfaction -> coming back
# --------------------------------------------------------------------------------------------


def floor(scores) -> np.ndarray:
    """The part of the return probability that does not depend on the steep top (habit)."""
    s = np.asarray(scores, dtype=float)
    return FLOOR_LOW + (FLOOR_HIGH - FLOOR_LOW) * (s - 1) / 4


def steepness(top_ratio: float = JONES_SASSER_RATIO) -> float:
    """The slope *k* of the logistic link that makes P(5) / P(4) equal ``top_ratio``.

    With f4, f5 the floor at 4 and 5, c the ceiling and R the ratio, P(5) = R · P(4) gives
    σ(k/2) = (R·c − f5) / ((c − f5) + R·(c − f4)).
    """
    ratio = PARAMETERS["top_ratio"].check(top_ratio)
    f4, f5 = float(floor(4)), float(floor(5))
    top = (ratio * CEILING - f5) / ((CEILING - f5) + ratio * (CEILING - f4))  # σ(k/2)
    return 2 * math.log(top / (1 - top))


def return_probability(
    scores, top_ratio: float = JONES_SASSER_RATIO, reason: float | np.ndarray = 1.0
) -> np.ndarray:
    """Probability of coming back next time for satisfaction ``scores`` (1-5).

    ``reason`` is 1 for customers with a real reason to come, 0 for customers without one (they
    come back :data:`NO_REASON` times as often), or a share in between for a mix of both.
    Works on a single score or an array; returns an array of the same shape.
    """
    s = np.asarray(scores, dtype=float)
    if s.size and (not np.all(np.isfinite(s)) or s.min() < 1 or s.max() > 5):
        raise ParameterError(_("Satisfaction scores must be between 1 and 5."))
    r = np.asarray(reason, dtype=float)
    if r.size and (not np.all(np.isfinite(r)) or r.min() < 0 or r.max() > 1):
        raise ParameterError(
            _("The share with a reason to come must be between 0 and 1 (1 = every customer).")
        )
    k = steepness(top_ratio)
    base = floor(s)
    link = base + (CEILING - base) / (1 + np.exp(-k * (s - 4.5)))
    return link * (r + (1 - r) * NO_REASON)


def return_curve(
    top_ratio: float = JONES_SASSER_RATIO, interest: float = PARAMETERS["interest"].default
) -> pd.DataFrame:
    """Return probability at each score 1..5, for customers with and without a reason, and the
    mix given by ``interest`` (% of customers with a reason). One row per score."""
    share = PARAMETERS["interest"].check(interest) / 100
    scores = np.arange(1, 6)
    table = pd.DataFrame(
        {
            "zone": [ZONE_OF_SCORE[s] for s in SCORES],
            "with_reason": return_probability(scores, top_ratio, 1.0),
            "without_reason": return_probability(scores, top_ratio, 0.0),
            "all_customers": return_probability(scores, top_ratio, share),
        },
        index=pd.Index(scores, name="score"),
    )
    return table


# --------------------------------------------------------------------------------------------
# The simulation
# --------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class SatisfactionOutcome:
    """What one setting of the sliders gives, for every simulated customer and in total."""

    params: ServiceParams
    scores: np.ndarray  #: each customer's satisfaction, 1..5 (int)
    experience: np.ndarray  #: each customer's experience before rounding (points)
    has_reason: np.ndarray  #: bool: the customer has a real reason to come back
    return_probability: np.ndarray  #: each customer's chance of coming back next time
    counts: np.ndarray  #: customers at each score 1..5 (sums to the population)
    back_by_score: np.ndarray  #: expected customers coming back, at each score 1..5

    @property
    def size(self) -> int:
        return int(self.scores.size)

    @property
    def shares(self) -> np.ndarray:
        """Share of customers at each score 1..5."""
        return self.counts / self.size

    @property
    def share_coming_back(self) -> float:
        """Share of all customers expected to come back next time (0-1)."""
        return float(self.back_by_score.sum() / self.size)

    @property
    def average_score(self) -> float:
        return float(self.scores.mean())

    @property
    def zone_counts(self) -> np.ndarray:
        """Customers in the defection, indifference and affection zones."""
        return np.bincount(_ZONE_INDEX, weights=self.counts, minlength=3)

    @property
    def zone_shares(self) -> dict[str, float]:
        """Share of customers in each zone, by zone name."""
        return dict(zip(ZONES, (self.zone_counts / self.size).tolist(), strict=True))

    @property
    def zone_coming_back(self) -> dict[str, float]:
        """Share of each zone's customers expected to come back (0 for an empty zone)."""
        back = np.bincount(_ZONE_INDEX, weights=self.back_by_score, minlength=3)
        counts = self.zone_counts
        rates = np.divide(back, counts, out=np.zeros(3), where=counts > 0)
        return dict(zip(ZONES, rates.tolist(), strict=True))

    def by_score(self) -> pd.DataFrame:
        """One row per score 1..5: zone, customers, share, and who comes back."""
        rates = np.divide(self.back_by_score, self.counts, out=np.zeros(5), where=self.counts > 0)
        return pd.DataFrame(
            {
                "zone": [ZONE_OF_SCORE[s] for s in SCORES],
                "customers": self.counts.astype(int),
                "share": self.shares,
                "coming_back": self.back_by_score,
                "return_rate": rates,
            },
            index=pd.Index(SCORES, name="score"),
        )

    def by_zone(self) -> pd.DataFrame:
        """One row per zone: customers, share, and the share of them who come back."""
        return pd.DataFrame(
            {
                "customers": self.zone_counts.astype(int),
                "share": list(self.zone_shares.values()),
                "return_rate": list(self.zone_coming_back.values()),
            },
            index=pd.Index(list(ZONES), name="zone"),
        )


def _params(params: ServiceParams | Mapping[str, float] | None, changes) -> ServiceParams:
    if isinstance(params, ServiceParams):
        return params.changed(**changes) if changes else params
    return ServiceParams.from_values(params, **changes)


def _outcome(p: ServiceParams, people: Customers, experience: np.ndarray) -> SatisfactionOutcome:
    scores = np.clip(np.floor(experience + 0.5), 1, 5).astype(np.int64)
    has_reason = people.u_reason < p.interest / 100
    by_score = return_probability(np.arange(1, 6), p.top_ratio, 1.0)
    prob = by_score[scores - 1] * np.where(has_reason, 1.0, NO_REASON)
    counts = np.bincount(scores, minlength=6)[1:]
    back = np.bincount(scores, weights=prob, minlength=6)[1:]
    return SatisfactionOutcome(
        params=p,
        scores=scores,
        experience=experience,
        has_reason=has_reason,
        return_probability=prob,
        counts=counts,
        back_by_score=back,
    )


def experience_points(
    params: ServiceParams | Mapping[str, float] | None = None,
    people: Customers | None = None,
    **changes: float,
) -> np.ndarray:
    """Each customer's experience in points (before rounding to a 1-5 score)."""
    p = _params(params, changes)
    c = people or customers()
    w = p.bad_weight

    def moment(name: str, went_well: np.ndarray) -> np.ndarray:
        good, bad = MOMENTS[name]
        return np.where(went_well, good, -w * bad)

    points = BASE + NOISE_SD * c.mood
    points = points + moment("courtesy", c.u_courtesy < p.courtesy / 100)
    points += np.where(
        c.has_question, moment("questions_answered", c.u_answer < p.questions_answered / 100), 0
    )
    points += np.where(c.has_problem, moment("problems_fixed", c.u_fix < p.problems_fixed / 100), 0)
    points += moment("listening", c.u_listen < p.listening / 100)
    points += moment("warmth", c.u_warmth < p.warmth / 100)
    beyond = np.clip(c.wait_factor * p.wait_minutes - TOLERATED_WAIT, 0, WAIT_CAP)
    points -= w * WAIT_PENALTY * beyond
    return points


def simulate(
    params: ServiceParams | Mapping[str, float] | None = None,
    people: Customers | None = None,
    **changes: float,
) -> SatisfactionOutcome:
    """Satisfaction and coming back for every simulated customer, at the given service.

    ``params`` is a :class:`ServiceParams`, a mapping such as a simulator's slider values, or
    nothing (the defaults); keywords change single parameters: ``simulate(courtesy=95)``.
    """
    p = _params(params, changes)
    c = people or customers()
    return _outcome(p, c, experience_points(p, c))


def bad_moment_outcome(
    percent_bad_visits: float = BAD_VISITS.default,
    bad_weight: float = PARAMETERS["bad_weight"].default,
    params: ServiceParams | Mapping[str, float] | None = None,
    people: Customers | None = None,
) -> SatisfactionOutcome:
    """One moment that matters per visit: in ``percent_bad_visits`` % of visits it goes badly.

    A good moment adds :data:`MOMENT_SIZE` points, a bad one takes away ``bad_weight`` times as
    much, from :data:`ONE_MOMENT_BASE` plus the customer's own mood. Interest and the 5-vs-4
    ratio come from ``params`` (defaults otherwise).
    """
    share_bad = BAD_VISITS.check(percent_bad_visits) / 100
    p = _params(params, {"bad_weight": bad_weight})
    c = people or customers()
    bad = c.u_bad < share_bad
    experience = (
        ONE_MOMENT_BASE + NOISE_SD * c.mood + np.where(bad, -p.bad_weight, 1.0) * (MOMENT_SIZE)
    )
    return _outcome(p, c, experience)


def time_update(repeats: int = 200) -> float:
    """Median seconds for one :func:`simulate` of the whole population (for the benchmark)."""
    repeats = require_count("Repeats", repeats, minimum=1)
    customers()  # draw the population outside the timing
    spec = PARAMETERS["courtesy"]
    times = []
    for i in range(repeats):
        value = spec.low + (i * spec.step) % (spec.high - spec.low + spec.step)
        started = time.perf_counter()
        simulate(courtesy=min(value, spec.high))
        times.append(time.perf_counter() - started)
    return float(np.median(times))


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
    outcome = simulate(params, **changes)
    prob, reason = outcome.return_probability, outcome.has_reason
    with_reason = float(prob[reason].mean()) if reason.any() else 0.0
    without = float(prob[~reason].mean()) if (~reason).any() else 0.0
    return InterestOutcome(with_reason, without, outcome.share_coming_back)
