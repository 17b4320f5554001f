"""The staff end of the chain: training, staffing and turnover → the service customers notice.

No earlier lesson models these links, so they are added here, small and **illustrative**: their
directions are well supported, their sizes are our choices.

The links
---------
* **Training → engagement** (ours). The town's two shops differ in training (10 and 28 hours a
  year) *and* in engagement (50 and 72) because they were built that way, not because one causes
  the other. Here training earns Market Street :data:`TRAINING_SHARE` of that gap: its staff move
  towards ``50 + TRAINING_SHARE · (curve(hours) − 50)``, where the curve
  ``ENGAGEMENT_CEILING − (ENGAGEMENT_CEILING − e0) · exp(−hours / h0)`` passes through both shops
  (diminishing returns: the first hours do the most). We chose half: the rest of the gap is
  everything else that differs between the shops, which no slider here moves. Riverside's
  engagement stays where it is.
* **Training → know-how** (the town's: 1 point of product knowledge per training hour). What staff
  have learnt moves towards the hours they get, at the same pace as engagement.
* **Time** (ours): engagement and know-how move half-way to where the settings lead them in
  :data:`HALF_LIFE` months. Courses take time to run, trust takes time to build.
* **Turnover → experience** (ours). Each month ``turnover / 12`` of the staff leave and are
  replaced by newcomers; a newcomer becomes experienced after :data:`NOVICE_MONTHS` months on
  average. Newcomers know :data:`NOVICE_GAP` points less about the goods and listen less well.
* **Engaged, trained staff → the moments of a visit** (the town's own links,
  ``helpers/town/people.py`` and ``service.py``): courtesy = 40 + 0.5 · engagement, warmth =
  25 + 0.6 · engagement, listening = 25 + 0.35 · engagement + 0.6 · hours learnt, knowledge =
  40 + hours learnt; a question is answered with 20 % + 0.75 · knowledge, a problem fixed with
  15 % + 0.45 · listening + 0.35 · knowledge. They feed notebook 01's satisfaction model.
* **Staffing and customers → waiting** (ours, the shape of a queue). Staff are busy a share ρ of
  their time on the floor; the wait grows like ``ρ / (1 − ρ)`` (slow at first, then steep as staff
  run out of slack). Each shop's usual wait is the town's (4 and 7 minutes) with staff busy
  :data:`USUAL_BUSY` of the time at its usual customers. Each month ρ is recomputed from that
  month's customers and the staff on the floor: fewer staff, or more customers, make staff busier;
  customers who leave make them less busy. Training hours are taken off the floor
  (:data:`HOURS_A_YEAR`). This is a **simplification**: the shape is that of one queue with one
  server (M/M/1). A shop with several people serving one queue (Erlang's C formula) has little
  waiting while some are free and a steeper rise when the last ones get busy: a second person cut
  would cost more than here.

Engagement goes with customer satisfaction, staff turnover and profit across business units, with
modest correlations (Harter, Schmidt & Hayes 2002, Journal of Applied Psychology 87(2), a
meta-analysis); correlations across units are not proof that one causes the other.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np

from helpers.lessons.putting_it_together.shops import MARKET_TOWN, RIVERSIDE_TOWN
from helpers.lessons.satisfaction.model import PARAMETERS as SERVICE_PARAMETERS
from helpers.town.effects import TRUE_EFFECTS

#: Engagement never goes above this, however much training (illustrative).
ENGAGEMENT_CEILING = 90.0
#: The share of the gap between the shops' engagement that training explains (ours).
TRAINING_SHARE = 0.5
#: Months for engagement and know-how to move half-way to where the settings lead (illustrative).
HALF_LIFE = 6.0
#: Months before a newcomer counts as experienced, and how much less they know (points; ours).
NOVICE_MONTHS = 6.0
NOVICE_GAP = 30.0
#: Share of the time staff are busy serving at each shop's usual staffing and customers (ours).
USUAL_BUSY = 0.6
#: Hours a full-time person works in a year (ours: 40 a week, 48 weeks); training hours are taken
#: from them, off the shop floor.
HOURS_A_YEAR = 1_920.0
#: The longest wait notebook 01's model takes (minutes).
LONGEST_WAIT = SERVICE_PARAMETERS["wait_minutes"].high


def _engagement_curve() -> tuple[float, float]:
    """``(e0, h0)`` of the engagement curve through the town's two shops."""
    (h1, e1), (h2, e2) = sorted(
        (shop.training_mean, shop.engagement_mean) for shop in (MARKET_TOWN, RIVERSIDE_TOWN)
    )
    top = ENGAGEMENT_CEILING
    h0 = (h2 - h1) / math.log((top - e1) / (top - e2))
    e0 = top - (top - e1) * math.exp(h1 / h0)
    return e0, h0


ENGAGEMENT_AT_ZERO, TRAINING_SCALE = _engagement_curve()


def engagement_curve(hours: float) -> float:
    """The curve through the town's two shops: engagement against training hours."""
    gap = ENGAGEMENT_CEILING - ENGAGEMENT_AT_ZERO
    return ENGAGEMENT_CEILING - gap * math.exp(-hours / TRAINING_SCALE)


def engagement_target(hours: float, start_hours: float) -> float:
    """The engagement (0-100) staff settle at when training changes from ``start_hours`` (where
    they are as the curve says) to ``hours`` a year: training earns its share of the change."""
    start = engagement_curve(start_hours)
    return start + TRAINING_SHARE * (engagement_curve(hours) - start)


def newcomer_share(turnover: float) -> float:
    """Share of staff who are newcomers once ``turnover`` (% a year) has run for a while."""
    leave = turnover / 100 / 12
    return leave / (leave + 1 / NOVICE_MONTHS)


def on_the_floor(staff: float, training_hours: float) -> float:
    """Full-time people serving customers, once each person's training hours are off the floor."""
    return staff * (1 - training_hours / HOURS_A_YEAR)


def busy_share(
    visits: np.ndarray, usual_visits: np.ndarray, floor: np.ndarray, usual_floor: np.ndarray
) -> np.ndarray:
    """Share of the time staff are busy: :data:`USUAL_BUSY` at the usual customers and staffing;
    more customers, or fewer people on the floor, make them busier (in proportion)."""
    return USUAL_BUSY * (np.asarray(visits) / usual_visits) * (np.asarray(usual_floor) / floor)


def wait_minutes(busy: np.ndarray | float, usual_wait: np.ndarray | float) -> np.ndarray:
    """Average wait (minutes) with staff busy a share ``busy`` of the time, where
    :data:`USUAL_BUSY` gives ``usual_wait``: the queue's ``ρ / (1 − ρ)`` shape, capped at
    notebook 01's longest wait (also when staff would need to be busy all the time or more)."""
    busy = np.asarray(busy, dtype=float)
    shape = np.divide(busy, 1 - busy, out=np.full(busy.shape, np.inf), where=busy < 1)
    usual = USUAL_BUSY / (1 - USUAL_BUSY)
    return np.minimum(LONGEST_WAIT, np.asarray(usual_wait) * shape / usual)


@dataclass(frozen=True)
class StaffPath:
    """Month by month (arrays of the months' length): how the staff are."""

    engagement: np.ndarray  #: 0-100
    learnt: np.ndarray  #: training hours a year the staff's know-how reflects
    newcomers: np.ndarray  #: share of staff who are newcomers (0-1)


def staff_path(
    months: int, hours: float, turnover: float, start_hours: float, start_turnover: float
) -> StaffPath:
    """The staff, month by month, after the settings change from ``start_*`` to ``hours`` and
    ``turnover`` at the start of month 1 (month 1 already shows one month's change)."""
    step = 1 - 0.5 ** (1 / HALF_LIFE)
    t = np.arange(1, months + 1)
    remaining = (1 - step) ** t
    e0, e1 = engagement_curve(start_hours), engagement_target(hours, start_hours)
    engagement = e1 + (e0 - e1) * remaining
    learnt = hours + (start_hours - hours) * remaining
    leave = turnover / 100 / 12
    settle = 1 - leave - 1 / NOVICE_MONTHS  # what remains of a gap from one month to the next
    n0, n1 = newcomer_share(start_turnover), newcomer_share(turnover)
    newcomers = n1 + (n0 - n1) * settle**t
    return StaffPath(engagement, learnt, newcomers)


def service_levels(path: StaffPath) -> dict[str, np.ndarray]:
    """Notebook 01's service sliders (in %), month by month; the wait comes each month from the
    customers (:func:`wait_minutes`)."""
    fx = TRUE_EFFECTS
    gap = NOVICE_GAP * path.newcomers
    knowledge = np.clip(40 + fx.training_to_knowledge * path.learnt - gap, 0, 100)
    listening = np.clip(25 + 0.35 * path.engagement + 0.6 * path.learnt - gap, 0, 100)
    courtesy = np.clip(40 + fx.engagement_to_courtesy * path.engagement, 0, 100)
    warmth = np.clip(25 + fx.engagement_to_warmth * path.engagement, 0, 100)
    return {
        "courtesy": courtesy,
        "questions_answered": 20 + 0.75 * knowledge,
        "problems_fixed": np.clip(15 + 0.45 * listening + 0.35 * knowledge, 0, 100),
        "listening": listening,
        "warmth": warmth,
    }
