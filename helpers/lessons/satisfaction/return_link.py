"""From a satisfaction score (1-5) to the chance of coming back: the course's one return link.

The link is a logistic curve centred between 4 and 5 on top of a gently rising floor (habit, no
other shop nearby)::

    floor(s)          = FLOOR_LOW + (FLOOR_HIGH − FLOOR_LOW) · (s − 1) / 4
    P(back | score s) = floor(s) + (CEILING − floor(s)) · σ(k · (s − 4.5))     σ(x) = 1 / (1 + e^−x)
    P(back)           = P(back | s) × (r + (1 − r) · NO_REASON)

where ``r`` is 1 for a customer with a real reason to come (interest in the goods, a habit, friends
who shop there), 0 for one without, or the share with a reason in a mix of both.

The steepness *k* is set from the ratio R = P(5) / P(4): with f4, f5 the floor at 4 and 5 and
c = CEILING, ``σ(k/2) = (R·c − f5) / ((c − f5) + R·(c − f4))``, so that exactly P(5) / P(4) = R.

What rests on the literature, and what is ours
----------------------------------------------
* **The ratio is published.** Jones & Sasser (1995, Harvard Business Review, "Why Satisfied
  Customers Defect"): Xerox customers who scored 5 ("totally satisfied") were about six times as
  likely to buy again as those who scored 4. Default R = 6. Their zones name the scores: 1-2
  *defection*, 3-4 *indifference*, 5 *affection*. They tie the shape to competition: the steep
  top is what they saw in markets where customers have choices.
* **The levels are ours.** The study gives a ratio, not levels: the floor (2 % at score 1 to 10 %
  at score 5), the ceiling (95 %) and so the 15 % and 88 % return chances of a 4 and a 5 are
  illustrative choices.
* **Groups differ.** Mittal & Kamakura (2001, Journal of Marketing Research 38(1)): at the same
  satisfaction, groups of customers come back at very different rates. Here the group is whether a
  customer has a real reason to come (seed idea 5); the factor NO_REASON = 0.3 is illustrative.

The sample town (``helpers/town``) uses this same link for its customers' return visits.
"""

from __future__ import annotations

import math

import numpy as np
import pandas as pd

from helpers.i18n import N_, _
from helpers.parameters import Parameter
from helpers.validation import ParameterError

#: Return chance far below the steep part: rises in a straight line from score 1 to score 5.
FLOOR_LOW = 0.02
FLOOR_HIGH = 0.10
#: Return chance far above the steep part: even delighted customers move away or stop needing.
CEILING = 0.95
#: A customer with no real reason to come back returns this many times as often (illustrative).
NO_REASON = 0.3
#: Jones & Sasser 1995: a 5 was about six times as likely to buy again as a 4 (Xerox).
JONES_SASSER_RATIO = 6.0

#: The zones of Jones & Sasser 1995.
ZONES: dict[str, tuple[int, ...]] = {
    "defection": (1, 2),
    "indifference": (3, 4),
    "affection": (5,),
}
SCORES = (1, 2, 3, 4, 5)
ZONE_OF_SCORE: dict[int, str] = {s: zone for zone, scores in ZONES.items() for s in scores}
ZONE_INDEX = np.array([0, 0, 1, 1, 2])  # score 1..5 -> position in ZONES

TOP_RATIO = Parameter(
    "top_ratio",
    plain=N_("Delighted vs satisfied return ratio"),
    label=N_("5s return (× as often as 4s)"),
    unit="×",
    default=JONES_SASSER_RATIO,
    low=1.5,
    high=10,
    step=0.5,
    help=N_(
        "How many times as likely a customer scoring 5 is to come back as one scoring 4 "
        "(about 6 at Xerox, Jones & Sasser 1995)."
    ),
)


def floor(scores) -> np.ndarray:
    """The part of the return chance that does not depend on the steep top (habit)."""
    s = np.asarray(scores, dtype=float)
    return FLOOR_LOW + (FLOOR_HIGH - FLOOR_LOW) * (s - 1) / 4


def steepness(top_ratio: float = JONES_SASSER_RATIO) -> float:
    """The slope *k* of the logistic link that makes P(5) / P(4) equal ``top_ratio``."""
    ratio = TOP_RATIO.check(top_ratio)
    f4, f5 = float(floor(4)), float(floor(5))
    top = (ratio * CEILING - f5) / ((CEILING - f5) + ratio * (CEILING - f4))  # σ(k/2)
    return 2 * math.log(top / (1 - top))


def _check_scores(scores: np.ndarray) -> None:
    if scores.size and (not np.all(np.isfinite(scores)) or scores.min() < 1 or scores.max() > 5):
        raise ParameterError(_("Satisfaction scores must be between 1 and 5."))


def return_probability(
    scores, top_ratio: float = JONES_SASSER_RATIO, reason: float | np.ndarray = 1.0
) -> np.ndarray:
    """Chance of coming back next time for satisfaction ``scores`` (1-5; whole or not).

    ``reason`` is 1 for customers with a real reason to come, 0 for customers without one (they
    come back :data:`NO_REASON` times as often), or a share in between (a mix, or a customer's
    interest from 0 to 1). Works on one score or an array; returns an array of that shape.
    """
    s = np.asarray(scores, dtype=float)
    _check_scores(s)
    r = np.asarray(reason, dtype=float)
    if r.size and (not np.all(np.isfinite(r)) or r.min() < 0 or r.max() > 1):
        raise ParameterError(
            _("The share with a reason to come must be between 0 and 1 (1 = every customer).")
        )
    k = steepness(top_ratio)
    base = floor(s)
    link = base + (CEILING - base) / (1 + np.exp(-k * (s - 4.5)))
    return link * (r + (1 - r) * NO_REASON)


def return_curve(top_ratio: float = JONES_SASSER_RATIO, reason_share: float = 0.7) -> pd.DataFrame:
    """Return chance at each score 1..5 for customers with a reason, without one, and a mix in
    which ``reason_share`` (0-1) have a reason. One row per score."""
    scores = np.arange(1, 6)
    return pd.DataFrame(
        {
            "zone": [ZONE_OF_SCORE[s] for s in SCORES],
            "with_reason": return_probability(scores, top_ratio, 1.0),
            "without_reason": return_probability(scores, top_ratio, 0.0),
            "all_customers": return_probability(scores, top_ratio, reason_share),
        },
        index=pd.Index(scores, name="score"),
    )
