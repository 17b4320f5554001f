"""The funnel plot: each person's score against their number of surveys, with chance's limits.

A funnel plot (Spiegelhalter 2005, "Funnel plots for comparing institutional performance",
Statistics in Medicine 24(8)) draws every unit's score against how many answers it rests on, with
the limits within which pure chance would put a unit that is exactly as good as the whole team.
The limits are wide on the left (few surveys) and narrow to the right: a funnel. A point outside
is worth a closer look, not a verdict: when everyone is equally good, chance alone still puts
someone outside now and then (a team of 12 ranked every month gets false alarms). A point inside
is no proof of equal service: with few surveys the upper limit is 100 %, and nobody can be above
it. Spiegelhalter also draws stricter 99.8 % limits (``confidence=0.998``) for a second look.

* For a **share** (CSAT: answers of 4 or 5) the limits are exact binomial: the 2.5 % and 97.5 %
  points of the number of satisfied answers among ``n`` when the true share is the team's.
* For **NPS** (answers 0-10) they are the team's NPS ± 1.96 standard errors
  (:func:`helpers.metrics.nps_standard_error`, with the team's shares of promoters and
  detractors): a normal approximation, rough below about 10 answers per person.

Each person's own *likely range* (where their true score probably lies) is a Wilson interval
(:func:`helpers.metrics.wilson_interval`) for a share; for NPS, their NPS ± their own margin.
Everything here is pure pandas/numpy/scipy.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd
from scipy.stats import binom

from helpers.i18n import _
from helpers.metrics import nps_standard_error, wilson_interval
from helpers.validation import ParameterError

CONFIDENCE = 0.95
Z95 = 1.959963984540054
ABOVE, INSIDE, BELOW = "above", "inside", "below"


def share_limits(
    centre: float, surveys: np.ndarray, confidence: float = CONFIDENCE
) -> tuple[np.ndarray, np.ndarray]:
    """Lowest and highest share (0-1) chance alone gives a person whose true share is ``centre``,
    from each number of ``surveys`` (exact binomial; vectorised over ``surveys``)."""
    n = np.maximum(np.asarray(surveys, dtype=int), 1)
    tail = (1 - confidence) / 2
    return binom.ppf(tail, n, centre) / n, binom.ppf(1 - tail, n, centre) / n


def nps_limits(
    promoters: float, detractors: float, surveys: np.ndarray
) -> tuple[np.ndarray, np.ndarray]:
    """Lowest and highest NPS (points) chance alone gives a person as good as the team."""
    n = np.maximum(np.asarray(surveys, dtype=int), 1)
    se = np.array([nps_standard_error(promoters, detractors, int(k)) for k in n])
    centre = 100 * (promoters - detractors)
    return np.maximum(centre - Z95 * se, -100), np.minimum(centre + Z95 * se, 100)


@dataclass(frozen=True)
class Funnel:
    """A funnel plot's numbers: one row per person, the centre line and the limits' curve."""

    people: pd.DataFrame  #: surveys, score, own_low, own_high, chance_low, chance_high, position
    centre: float  #: the team's score (CSAT in %, or NPS in points)
    curve: pd.DataFrame  #: surveys 1..max, low, high: the funnel's lines
    measure: str  #: "csat" or "nps"

    def count(self, position: str) -> int:
        """How many people lie ``"above"``, ``"inside"`` or ``"below"`` the funnel."""
        return int((self.people["position"] == position).sum())


def _position(score: pd.Series, low: np.ndarray, high: np.ndarray) -> list[str]:
    return np.select([score < low - 1e-9, score > high + 1e-9], [BELOW, ABOVE], INSIDE).tolist()


def _groups(person: pd.Series, values: pd.Series) -> pd.core.groupby.SeriesGroupBy:
    frame = pd.DataFrame({"person": person.astype("string"), "value": values}).dropna()
    if frame.empty:
        raise ParameterError(_("There are no answers that name a person to plot."))
    return frame.groupby("person", sort=True)["value"]


def csat_funnel(satisfied: pd.Series, person: pd.Series) -> Funnel:
    """Funnel of CSAT (%) per person; ``satisfied`` is True for an answer of 4 or 5 (blank: no
    answer), ``person`` the code of the person each answer names (blank: nobody named)."""
    grouped = _groups(person, satisfied.astype("boolean"))
    surveys = grouped.size()
    happy = grouped.sum().astype(int)
    centre = float(happy.sum() / surveys.sum())
    own = [wilson_interval(int(h), int(n), CONFIDENCE) for h, n in zip(happy, surveys, strict=True)]
    low, high = share_limits(centre, surveys.to_numpy())
    score = 100 * happy / surveys
    people = pd.DataFrame(
        {
            "surveys": surveys,
            "score": score,
            "own_low": [100 * lo for lo, _hi in own],
            "own_high": [100 * hi for _lo, hi in own],
            "chance_low": 100 * low,
            "chance_high": 100 * high,
        }
    )
    people["position"] = _position(people["score"], people["chance_low"], people["chance_high"])
    grid = np.arange(1, int(surveys.max()) + 1)
    curve_low, curve_high = share_limits(centre, grid)
    curve = pd.DataFrame({"surveys": grid, "low": 100 * curve_low, "high": 100 * curve_high})
    return Funnel(people, 100 * centre, curve, "csat")


def nps_funnel(scores: pd.Series, person: pd.Series) -> Funnel:
    """Funnel of NPS (points) per person from 0-10 ``scores`` (blank: no answer)."""
    grouped = _groups(person, pd.to_numeric(scores, errors="coerce"))
    surveys = grouped.size()
    promoters = grouped.apply(lambda s: float((s >= 9).mean()))
    detractors = grouped.apply(lambda s: float((s <= 6).mean()))
    answers = pd.concat([g for _name, g in grouped])
    p_team, d_team = float((answers >= 9).mean()), float((answers <= 6).mean())
    score = 100 * (promoters - detractors)
    own_margin = np.array(
        [
            Z95 * nps_standard_error(p, d, int(n))
            for p, d, n in zip(promoters, detractors, surveys, strict=True)
        ]
    )
    low, high = nps_limits(p_team, d_team, surveys.to_numpy())
    people = pd.DataFrame(
        {
            "surveys": surveys,
            "score": score,
            "own_low": np.maximum(score - own_margin, -100),
            "own_high": np.minimum(score + own_margin, 100),
            "chance_low": low,
            "chance_high": high,
        }
    )
    people["position"] = _position(people["score"], people["chance_low"], people["chance_high"])
    grid = np.arange(1, int(surveys.max()) + 1)
    curve_low, curve_high = nps_limits(p_team, d_team, grid)
    curve = pd.DataFrame({"surveys": grid, "low": curve_low, "high": curve_high})
    return Funnel(people, 100 * (p_team - d_team), curve, "nps")
