"""How sure is a score? Many simulated surveys of the same shop, and how far they scatter.

The model in plain words
------------------------
A shop's customers, if all of them were asked, would give a *true* share of promoters (9-10 on
"how likely are you to recommend us?"), of detractors (0-6) and of satisfied customers (4-5 on a
1-5 scale). A survey asks only ``answers`` of them. We run :data:`SURVEYS` such surveys of the
same shop (the same simulated people every time, drawn once from a fixed seed) and look at how far
their NPS and CSAT land from the truth.

The formulas
------------
* **NPS** (Net Promoter Score, Reichheld 2003) = % promoters − % detractors, from −100 to +100.
  Per respondent it is a variable worth +1, 0 or −1, so its variance is ``P + D − (P − D)²`` and
  the 95 % margin is ``1.96 · 100 · sqrt((P + D − (P − D)²) / n)`` points
  (:func:`helpers.metrics.nps_margin`). With P = 0.4, D = 0.2 it is about ±10.4 points at
  n = 200 and ±26.8 at n = 30.
* **CSAT** = % of answers that are 4 or 5. It is a share, so its 95 % margin is
  ``1.96 · 100 · sqrt(C (1 − C) / n)`` points.

Each simulated answer is one uniform random number ``u`` per survey and respondent (drawn once):
a promoter when ``u < P``, a detractor when ``u ≥ 1 − D``, satisfied when ``u < C``. Moving a
slider changes only the answers at the margin (common random numbers), so the bars move
smoothly. The same respondent is a promoter and satisfied when ``P ≤ C``: the two scores of one
survey go together, as they do in real surveys.

What rests on the literature, and what is illustrative
------------------------------------------------------
The formulas are standard statistics. NPS was proposed by Reichheld (2003, Harvard Business
Review, "The one number you need to grow") as the single best predictor of growth; Keiningham et
al. (2007, Journal of Marketing 71(3), "A longitudinal examination of net promoter and firm
revenue growth") found no evidence that it predicts growth better than other measures such as
customer satisfaction. The default shares (40 % promoters, 20 % detractors, CSAT 80 %) are
illustrative.

One update (1,000 surveys of up to 400 answers) takes about a millisecond.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from statistics import NormalDist

import numpy as np

from helpers.i18n import N_
from helpers.lessons.feedback.params import read_values
from helpers.metrics import nps_margin
from helpers.parameters import Parameter

#: How many surveys of the same shop each update simulates, and the seed of their answers.
SURVEYS = 1_000
SEED = 20_040_401
#: The 95 % level used for every margin in this notebook.
CONFIDENCE = 0.95
Z95 = NormalDist().inv_cdf(0.5 + CONFIDENCE / 2)

PARAMETERS: dict[str, Parameter] = {
    p.name: p
    for p in (
        Parameter(
            "answers",
            N_("Answers per survey"),
            N_("Answers per survey"),
            "",
            30,
            10,
            400,
            10,
            N_("How many customers answered the survey."),
        ),
        Parameter(
            "promoters",
            N_("True promoters"),
            N_("True promoters, 9-10 (%)"),
            "%",
            40,
            0,
            60,
            5,
            N_("Share of ALL customers who would answer 9 or 10, if every one were asked."),
            illustrative=True,
        ),
        Parameter(
            "detractors",
            N_("True detractors"),
            N_("True detractors, 0-6 (%)"),
            "%",
            20,
            0,
            40,
            5,
            N_("Share of ALL customers who would answer 0 to 6, if every one were asked."),
            illustrative=True,
        ),
        Parameter(
            "csat",
            N_("True CSAT"),
            N_("True CSAT, 4s and 5s (%)"),
            "%",
            80,
            0,
            100,
            5,
            N_("Share of ALL customers who would answer 4 or 5 of 5, if every one were asked."),
            illustrative=True,
        ),
    )
}
MAX_ANSWERS = int(PARAMETERS["answers"].high)


@cache
def _uniforms() -> np.ndarray:
    """One random number per survey and respondent, drawn once (read-only)."""
    draws = np.random.default_rng(SEED).random((SURVEYS, MAX_ANSWERS))
    draws.flags.writeable = False
    return draws


def csat_margin(csat: float, answers: int) -> float:
    """The 95 % margin (points) of a CSAT of true share ``csat`` (0-1) from ``answers``."""
    return 100 * Z95 * float(np.sqrt(csat * (1 - csat) / answers))


@dataclass(frozen=True)
class ScoreSpread:
    """Many simulated surveys of the same shop: their NPS and CSAT, and the truth."""

    answers: int
    promoters: float  #: true share, 0-1
    detractors: float  #: true share, 0-1
    true_csat: float  #: true share of 4s and 5s, 0-1
    nps: np.ndarray  #: NPS of each simulated survey, in points
    csat: np.ndarray  #: CSAT of each simulated survey, in %

    @property
    def true_nps(self) -> float:
        """The NPS if every customer were asked, in points."""
        return 100 * (self.promoters - self.detractors)

    @property
    def nps_margin(self) -> float:
        """The 95 % "±" of one survey's NPS, in points (:func:`helpers.metrics.nps_margin`)."""
        return nps_margin(self.promoters, self.detractors, self.answers, CONFIDENCE)

    @property
    def csat_margin(self) -> float:
        """The 95 % "±" of one survey's CSAT, in points."""
        return csat_margin(self.true_csat, self.answers)

    def share_within(self, score: str = "nps", points: float | None = None) -> float:
        """Share of surveys within ``points`` of the truth (default: within the 95 % margin)."""
        values, truth, margin = self._score(score)
        width = margin if points is None else points
        return float(np.mean(np.abs(values - truth) <= width + 1e-9))

    def middle_95(self, score: str = "nps") -> tuple[float, float]:
        """Where the middle 95 % of the simulated surveys land (points)."""
        values = self._score(score)[0]
        low, high = np.percentile(values, [2.5, 97.5])
        return float(low), float(high)

    def _score(self, score: str) -> tuple[np.ndarray, float, float]:
        if score == "nps":
            return self.nps, self.true_nps, self.nps_margin
        return self.csat, 100 * self.true_csat, self.csat_margin


def simulate_surveys(values: dict[str, float] | None = None, **changes: float) -> ScoreSpread:
    """:data:`SURVEYS` surveys of ``answers`` customers each, from the same shop.

    ``values`` are slider values (shares in %); keywords change single ones:
    ``simulate_surveys(answers=200)``. Promoters and detractors are capped at 100 % together by
    their sliders' ranges (0-60 and 0-40).
    """
    v = read_values(PARAMETERS, values, changes, "survey model")
    n = int(v["answers"])
    p, d, c = v["promoters"] / 100, v["detractors"] / 100, v["csat"] / 100
    u = _uniforms()[:, :n]
    promoters = np.count_nonzero(u < p, axis=1)
    detractors = np.count_nonzero(u >= 1 - d, axis=1)  # u < 1 always, so none when d = 0
    satisfied = np.count_nonzero(u < c, axis=1)
    return ScoreSpread(
        answers=n,
        promoters=p,
        detractors=d,
        true_csat=c,
        nps=100 * (promoters - detractors) / n,
        csat=100 * satisfied / n,
    )


def answers_needed(margin_points: float, promoters: float = 0.4, detractors: float = 0.2) -> int:
    """How many answers give an NPS margin of at most ``margin_points`` (95 %)."""
    variance = promoters + detractors - (promoters - detractors) ** 2
    return int(np.ceil(variance * (100 * Z95 / margin_points) ** 2))


def answers_needed_to_compare(
    margin_points: float, promoters: float = 0.4, detractors: float = 0.2
) -> int:
    """Answers needed in EACH of two periods for the CHANGE between their NPS to have a margin
    of at most ``margin_points``: the difference of two scores is √2 times less sure than one,
    so each period needs twice the answers of a single score."""
    return answers_needed(margin_points / np.sqrt(2), promoters, detractors)


def time_update(repeats: int = 50) -> float:
    """Median seconds for one :func:`simulate_surveys` at the largest survey (for tests)."""
    import time

    _uniforms()
    times = []
    for i in range(repeats):
        started = time.perf_counter()
        simulate_surveys(answers=MAX_ANSWERS, promoters=40 + 5 * (i % 3))
        times.append(time.perf_counter() - started)
    return float(np.median(times))
