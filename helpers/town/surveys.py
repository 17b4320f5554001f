"""Step "surveys": a survey after a sample of visits; who answers depends on satisfaction.

The shop sends a survey the day after a visit with its ``survey_share``. The delighted and the
angry answer more often than the lukewarm (non-response bias), so the answers look better than
the visits were. An answer carries a CSAT score, an NPS score, sometimes the name of the member
of staff who served, and often a canned comment about the worst thing that happened.
"""

from __future__ import annotations

import numpy as np

from helpers.town.effects import SHOPS
from helpers.town.state import Month, TownState, pick

#: The comments an answer may carry (codes from :func:`comment_code`).
COMMENTS = (
    "My problem was not sorted out.",
    "The person serving me was rude.",
    "Nobody could answer my question.",
    "I waited far too long.",
    "Warm, friendly and helpful. Thank you!",
    "Found exactly what I needed.",
    "Good visit, no complaints.",
    "It was fine.",
    "Not great.",
)
#: Where the NPS answer (0-10) centres, by true satisfaction 1..5 (index 0 unused).
_NPS_CENTRE = (0, 2.0, 4.0, 6.5, 8.0, 9.5)
#: Share of answers that carry a comment.
COMMENT_SHARE = 0.6


def survey(state: TownState, month: Month, rng: np.random.Generator) -> None:
    """Record this month's surveys and the answers that come back."""
    fx = state.fx
    survey_share = np.array([s.survey_share for s in SHOPS])
    si = np.flatnonzero(pick(rng, survey_share[month.shop]))
    n = len(si)
    sat = month.satisfaction[si]
    responded = pick(rng, np.array((0.0, *fx.survey_response))[sat])
    # The CSAT answer is the true score, now and then one off; NPS is noisier.
    csat = np.clip(sat + rng.choice([-1, 0, 0, 0, 0, 0, 0, 0, 0, 1], n), 1, 5)
    nps = np.clip(np.rint(np.array(_NPS_CENTRE)[sat] + rng.normal(0, 1.0, n)), 0, 10).astype(int)
    named = responded & pick(rng, np.full(n, fx.staff_named_share))
    has_comment = responded & pick(rng, np.full(n, COMMENT_SHARE))
    sent = month.date[si] + 1
    answered = sent + rng.integers(0, 7, n)  # within a week
    state.record(
        "surveys", vid=month.visit[si], who=month.who[si], shop=month.shop[si], sent=sent,
        responded=responded, answered=answered, csat=csat, nps=nps, named=named,
        staff=month.staff[si], comment=np.where(has_comment, comment_code(month, si), -1),
    )  # fmt: skip


def comment_code(month: Month, si: np.ndarray) -> np.ndarray:
    """Which comment of :data:`COMMENTS` each answer carries (the worst thing first, else the
    mood)."""
    sat = month.satisfaction[si]
    return np.select(
        [
            (month.problem & ~month.fixed)[si],
            ~month.courteous[si],
            (month.asked & ~month.answered)[si],
            month.wait[si] > 12,
            (sat == 5) & month.warm[si],
            sat == 5,
            sat == 4,
            sat == 3,
        ],
        list(range(8)),
        len(COMMENTS) - 1,
    )
