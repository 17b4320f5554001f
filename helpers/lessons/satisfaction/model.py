"""What makes a customer satisfied, and why "satisfied" is not enough (notebook 01).

The model in plain words
------------------------
A shop has 5,000 customers (always the same simulated people, drawn once from a fixed seed). Each
makes one visit, and a visit is a handful of *moments*: being greeted politely, waiting, having a
question answered, having a problem fixed, being listened to, warmth. Each moment goes well or
badly depending on how the staff behave (the sliders). The moments add up to a satisfaction score
from 1 (very unhappy) to 5 (delighted), and the score sets the chance of coming back next time
(:mod:`.return_link`), which also depends on whether the customer has a real reason to come.

The formulas
------------
Every moment has a *size* (points on the 1-5 scale) and a kind, after Kano's model of quality:

* **must-be** (courtesy, a problem fixed, a short wait): customers take it for granted. When it
  goes well nobody notices (0 points); when it goes badly it costs ``w · size``.
* **one-dimensional** (a question answered): the better, the happier: ``+size`` when it goes well,
  ``−w · size`` when it goes badly.
* **attractive** (being listened to, warmth): not expected, so its absence costs nothing; when it
  happens it delights: ``+size``.

``w`` is how much more a bad moment weighs than a good one (the asymmetry of seed idea 5), and it
is counted once, here::

    experience_i = BASE + NOISE_SD · z_i + Σ over customer i's moments of their points
                   − w · WAIT_SIZE · min(max(wait_i − TOLERATED_WAIT, 0), WAIT_CAP)
    score_i      = experience_i rounded to the nearest whole number, kept within 1..5

A moment "goes well" for customer *i* when the customer's own random number (drawn once) is below
the slider's share: with courtesy at 90 %, the 90 % of customers with the lowest courtesy number
are greeted politely. Moving a slider changes only the customers at the margin, so the chart moves
smoothly and the same settings always give the same result (common random numbers). Customer
*i*'s wait is the average wait times the customer's own factor (mean 1), and ``z_i`` is the
customer's own mood and expectations.

What rests on the literature, and what is illustrative
------------------------------------------------------
* **Bad weighs more than good.** Mittal, Ross & Baldasare (1998, Journal of Marketing 62(1)) found
  that a bad result on an attribute (in health care and in cars) moved overall satisfaction and
  the intention to buy again more than a good result on the same attribute; how much more differed
  by attribute. For money, losses weigh about 2.25 times equal gains (Tversky & Kahneman 1992). The
  default ``w = 2`` is a round value in that range; the slider goes from 1 (no asymmetry) to 4.
* **Kano's model** (Kano et al. 1984) names the kinds of quality used above; which moment is of
  which kind, and every size, are our illustrative choices.
* **SERVQUAL** (Parasuraman, Zeithaml & Berry 1988) is a questionnaire measuring five dimensions of
  service quality: tangibles, reliability, responsiveness, assurance, empathy. The moments map onto
  four of them: courtesy and answering questions (assurance), fixing problems (reliability),
  waiting (responsiveness), listening and warmth (empathy).
* Illustrative too: how often a visit has a question (:data:`QUESTION_SHARE`) or a problem (the
  ``problem_share`` parameter), the baseline, the noise, the waiting tolerance.

Everything here is a pure function (parameters in, numbers out). One update for 5,000 customers
takes well under a millisecond.
"""

from __future__ import annotations

import functools
from collections.abc import Mapping
from dataclasses import dataclass, fields, replace

import numpy as np
import pandas as pd

from helpers.i18n import N_, _
from helpers.lessons.satisfaction.return_link import (
    NO_REASON,
    SCORES,
    TOP_RATIO,
    ZONE_INDEX,
    ZONE_OF_SCORE,
    ZONES,
    return_probability,
)
from helpers.parameters import Parameter, percent
from helpers.validation import ParameterError, require_count

#: How many simulated customers, and the seed that draws them (always the same people).
POPULATION = 5_000
SEED = 20_010_201

#: Share of visits in which the customer asks a product question (illustrative: 4 in 10).
QUESTION_SHARE = 0.40

#: Where a customer lands before any moment counts, and how much customers differ (points).
BASE = 4.0
NOISE_SD = 0.45

MUST_BE, ONE_DIMENSIONAL, ATTRACTIVE = "must-be", "one-dimensional", "attractive"


@dataclass(frozen=True)
class Moment:
    """One moment of a visit: its Kano kind and its size in points (before the weight)."""

    kind: str
    size: float


#: The moments of a visit (illustrative sizes; the kinds follow Kano).
MOMENTS: dict[str, Moment] = {
    "courtesy": Moment(MUST_BE, 0.6),  # polite is expected; rude is remembered
    "questions_answered": Moment(ONE_DIMENSIONAL, 0.4),  # knowledge helps, its lack hurts
    "problems_fixed": Moment(MUST_BE, 0.9),  # the heaviest: a problem left unfixed
    "listening": Moment(ATTRACTIVE, 0.35),  # being heard as an individual delights
    "warmth": Moment(ATTRACTIVE, 0.5),  # warm, personal attention delights
}

#: A wait up to this many minutes is accepted; each minute beyond is a bad moment of WAIT_SIZE
#: points (so it costs w · WAIT_SIZE per minute), counted up to WAIT_CAP minutes beyond.
TOLERATED_WAIT = 5.0
WAIT_SIZE = 0.035
WAIT_CAP = 25.0

#: The bad-moments experiment: a visit of GENERIC_MOMENTS equal moments of GENERIC_SIZE points.
GENERIC_MOMENTS = 5
GENERIC_SIZE = 0.3
GENERIC_BASE = 3.0


def moment_points(name: str, went_well: np.ndarray, weight: float) -> np.ndarray:
    """Points each customer gets from one moment: by its kind, its size and the weight."""
    moment = MOMENTS[name]
    good = 0.0 if moment.kind == MUST_BE else moment.size
    bad = 0.0 if moment.kind == ATTRACTIVE else -weight * moment.size
    return np.where(went_well, good, bad)


def wait_points(minutes: np.ndarray, weight: float) -> np.ndarray:
    """Points lost by waiting ``minutes`` (0 up to the tolerated wait, then per minute)."""
    beyond = np.clip(np.asarray(minutes, dtype=float) - TOLERATED_WAIT, 0, WAIT_CAP)
    return -weight * WAIT_SIZE * beyond


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
                "Share of product questions answered on the spot, or where staff find out the "
                "answer."
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
            "problem_share",
            plain=N_("Visits with a problem"),
            label=N_("Visits with a problem (%)"),
            default=15,
            help=N_("Share of visits in which the customer brings a problem."),
            illustrative=True,
        ),
        percent(
            "interest",
            plain=N_("Customers with a reason to come"),
            label=N_("Have a real reason to come (%)"),
            default=70,
            help=N_(
                "Share of customers with a real reason to come back: interest in the goods, a "
                "habit, friends who shop there."
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
        TOP_RATIO,
    )
}

#: The parameter of the bad-moments experiment (:func:`bad_moment_outcome`).
BAD_MOMENTS = Parameter(
    "percent_bad_moments",
    plain=N_("Moments that go badly"),
    label=N_("Moments that go badly (%)"),
    unit="%",
    default=20,
    low=0,
    high=60,
    step=5,
    help=N_("Share of a visit's moments that go badly (each visit has five moments)."),
    illustrative=True,
)


@dataclass(frozen=True)
class ServiceParams:
    """The model's parameters, checked on creation (see :data:`PARAMETERS` for units)."""

    courtesy: float = PARAMETERS["courtesy"].default
    questions_answered: float = PARAMETERS["questions_answered"].default
    problems_fixed: float = PARAMETERS["problems_fixed"].default
    listening: float = PARAMETERS["listening"].default
    warmth: float = PARAMETERS["warmth"].default
    wait_minutes: float = PARAMETERS["wait_minutes"].default
    problem_share: float = PARAMETERS["problem_share"].default
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


def as_params(
    params: ServiceParams | Mapping[str, float] | None = None, **changes: float
) -> ServiceParams:
    """Parameters from a :class:`ServiceParams`, a mapping (slider values) or nothing, plus
    keyword changes."""
    if isinstance(params, ServiceParams):
        return params.changed(**changes) if changes else params
    return ServiceParams.from_values(params, **changes)


# --------------------------------------------------------------------------------------------
# The simulated customers (drawn once)
# --------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Customers:
    """The fixed simulated customers: each one's own random numbers, drawn once."""

    size: int
    seed: int
    has_question: np.ndarray  #: bool: the visit involves a product question
    u_problem: np.ndarray  #: uniform 0-1: the visit has a problem if below the problem share
    u_courtesy: np.ndarray  #: uniform 0-1: polite if below the courtesy share
    u_answer: np.ndarray
    u_fix: np.ndarray
    u_listen: np.ndarray
    u_warmth: np.ndarray
    u_reason: np.ndarray  #: has a reason to come if below the interest share
    u_generic: np.ndarray  #: (GENERIC_MOMENTS, size): for :func:`bad_moment_outcome`
    wait_factor: np.ndarray  #: the customer's wait ÷ the average wait (gamma, mean 1)
    mood: np.ndarray  #: standard normal: own mood and expectations


@functools.lru_cache(maxsize=8)
def customers(size: int = POPULATION, seed: int = SEED) -> Customers:
    """The simulated customers for ``size`` and ``seed`` (cached; arrays are read-only)."""
    size = require_count(_("Number of customers"), size, minimum=1)
    seed = require_count(_("Seed"), seed, minimum=0)
    rng = np.random.default_rng(seed)
    u = rng.random((8, size))
    arrays = dict(
        has_question=u[0] < QUESTION_SHARE,
        u_problem=u[1],
        u_courtesy=u[2],
        u_answer=u[3],
        u_fix=u[4],
        u_listen=u[5],
        u_warmth=u[6],
        u_reason=u[7],
        u_generic=rng.random((GENERIC_MOMENTS, size)),
        wait_factor=rng.gamma(shape=2.0, scale=0.5, size=size),
        mood=rng.standard_normal(size),
    )
    for array in arrays.values():
        array.flags.writeable = False
    return Customers(size=size, seed=seed, **arrays)


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
    def csat(self) -> float:
        """Share of customers scoring 4 or 5 (CSAT)."""
        return float(self.shares[3:].sum())

    @property
    def top_box(self) -> float:
        """Share of customers scoring 5 (top box): the delighted."""
        return float(self.shares[4])

    @property
    def average_score(self) -> float:
        return float(self.scores.mean())

    @property
    def zone_counts(self) -> np.ndarray:
        """Customers in the defection, indifference and affection zones."""
        return np.bincount(ZONE_INDEX, weights=self.counts, minlength=3)

    @property
    def zone_shares(self) -> dict[str, float]:
        """Share of customers in each zone, by zone name."""
        return dict(zip(ZONES, (self.zone_counts / self.size).tolist(), strict=True))

    @property
    def zone_coming_back(self) -> dict[str, float]:
        """Share of each zone's customers expected to come back (0 for an empty zone)."""
        back = np.bincount(ZONE_INDEX, weights=self.back_by_score, minlength=3)
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


def outcome(p: ServiceParams, people: Customers, experience: np.ndarray) -> SatisfactionOutcome:
    """Scores, return chances and totals from each customer's experience in points."""
    scores = np.clip(np.floor(experience + 0.5), 1, 5).astype(np.int64)
    has_reason = people.u_reason < p.interest / 100
    by_score = return_probability(np.arange(1, 6), p.top_ratio, 1.0)
    prob = by_score[scores - 1] * np.where(has_reason, 1.0, NO_REASON)
    counts = np.bincount(scores, minlength=6)[1:]
    back = np.bincount(scores, weights=prob, minlength=6)[1:]
    return SatisfactionOutcome(p, scores, experience, has_reason, prob, counts, back)


def went_well(p: ServiceParams, c: Customers) -> dict[str, np.ndarray]:
    """For each moment, which customers it went well for (bool arrays)."""
    return {
        "courtesy": c.u_courtesy < p.courtesy / 100,
        "questions_answered": c.u_answer < p.questions_answered / 100,
        "problems_fixed": c.u_fix < p.problems_fixed / 100,
        "listening": c.u_listen < p.listening / 100,
        "warmth": c.u_warmth < p.warmth / 100,
    }


def happened(p: ServiceParams, c: Customers) -> dict[str, np.ndarray]:
    """For each moment, which customers' visits had it (questions and problems are occasional)."""
    everyone = np.ones(c.size, dtype=bool)
    return {
        "courtesy": everyone,
        "questions_answered": c.has_question,
        "problems_fixed": c.u_problem < p.problem_share / 100,
        "listening": everyone,
        "warmth": everyone,
    }


def moment_contributions(p: ServiceParams, c: Customers) -> dict[str, np.ndarray]:
    """Each moment's points for each customer (0 where the moment did not happen), and the
    wait's under the key ``"wait"``."""
    well, present = went_well(p, c), happened(p, c)
    parts = {
        name: np.where(present[name], moment_points(name, well[name], p.bad_weight), 0.0)
        for name in MOMENTS
    }
    parts["wait"] = wait_points(c.wait_factor * p.wait_minutes, p.bad_weight)
    return parts


def experience_points(
    params: ServiceParams | Mapping[str, float] | None = None,
    people: Customers | None = None,
    **changes: float,
) -> np.ndarray:
    """Each customer's experience in points (before rounding to a 1-5 score)."""
    p = as_params(params, **changes)
    c = people or customers()
    return BASE + NOISE_SD * c.mood + sum(moment_contributions(p, c).values())


def simulate(
    params: ServiceParams | Mapping[str, float] | None = None,
    people: Customers | None = None,
    **changes: float,
) -> SatisfactionOutcome:
    """Satisfaction and coming back for every simulated customer, at the given service.

    ``params`` is a :class:`ServiceParams`, a mapping such as a simulator's slider values, or
    nothing (the defaults); keywords change single parameters: ``simulate(courtesy=95)``.
    """
    p = as_params(params, **changes)
    c = people or customers()
    return outcome(p, c, experience_points(p, c))
