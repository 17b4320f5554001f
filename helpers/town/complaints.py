"""Step "complaints": the few unhappy customers who complain, and how the shop resolves it.

Most unhappy customers never complain. A complaint is settled generously (quickly, with a refund
or replacement) with the shop's ``generous_share``, otherwise stingily and slowly; step
"retention" turns the resolution into the customer's chance of coming back.
"""

from __future__ import annotations

import numpy as np

from helpers.town.effects import SHOPS
from helpers.town.state import Month, TownState, pick

#: Complaint topics, the worst thing first (codes into the complaints table's topic column).
PROBLEM_NOT_FIXED, DISCOURTEOUS, QUESTION_UNANSWERED, LONG_WAIT, OTHER = range(5)
#: A wait longer than this many minutes is worth complaining about.
LONG_WAIT_MINUTES = 10
#: Channels: in person, phone, email (codes) and how often each is used.
CHANNEL_SHARE = (0.5, 0.3, 0.2)


def complain(state: TownState, month: Month, rng: np.random.Generator) -> None:
    """Record this month's complaints; fill in ``month.complained``, ``.generous`` and
    ``.days_to_resolve`` for step "retention"."""
    fx = state.fx
    sat = month.satisfaction
    p_complain = np.select(
        [sat <= 2, sat == 3], [fx.complaint_share_unhappy, fx.complaint_share_neutral], 0.0
    )
    ci = np.flatnonzero(pick(rng, p_complain))
    n = len(ci)
    shop = month.shop[ci]
    generous_share = np.array([s.generous_share for s in SHOPS])
    generous = pick(rng, generous_share[shop])
    days = np.where(generous, 1 + rng.poisson(2, n), 3 + rng.poisson(9, n))
    topic = np.select(
        [
            (month.problem & ~month.fixed)[ci],
            ~month.courteous[ci],
            (month.asked & ~month.answered)[ci],
            month.wait[ci] > LONG_WAIT_MINUTES,
        ],
        [PROBLEM_NOT_FIXED, DISCOURTEOUS, QUESTION_UNANSWERED, LONG_WAIT],
        OTHER,
    )
    made = month.date[ci] + rng.integers(0, 3, n)  # within two days of the visit
    channel = rng.choice(len(CHANNEL_SHARE), n, p=list(CHANNEL_SHARE))
    state.record(
        "complaints", vid=month.visit[ci], who=month.who[ci], shop=shop, date=made,
        channel=channel, topic=topic, generous=generous, days=days,
    )  # fmt: skip
    month.complained, month.generous, month.days_to_resolve = ci, generous, days
