"""Step "follow-ups": a call a few months after a big purchase, and the visit it brings.

Each big purchase puts a call on the shop's list, due 75-105 days later; the shop makes it with its
``follow_up_share``. In the calendar month after the due date, a call brings in ``follow_up_pull``
of the customers who would not have come anyway (step "arrivals" reads ``Customers.pull``).
"""

from __future__ import annotations

import numpy as np

from helpers.town.effects import SHOPS
from helpers.town.history import month_index
from helpers.town.state import Month, TownState, pick

#: A call falls due this many days after the purchase (first and last day allowed).
DUE_AFTER_DAYS = (75, 105)


def follow_up(state: TownState, month: Month, rng: np.random.Generator) -> None:
    """Put this month's big purchases on the call list; a call made pulls the customer in."""
    c = state.customers
    bi = np.flatnonzero(month.big)
    who, shop = month.who[bi], month.shop[bi]
    first, last = DUE_AFTER_DAYS
    due = month.date[bi] + rng.integers(first, last + 1, len(bi))
    follow_up_share = np.array([s.follow_up_share for s in SHOPS])
    called = pick(rng, follow_up_share[shop])
    caller = np.array([rng.choice(state.staff.of_shop(s)) for s in shop], int)
    pulled_month = month_index(due) + 1
    hit = called & (pulled_month < len(c.pull))
    c.pull[pulled_month[hit], who[hit]] = state.fx.follow_up_pull
    state.record(
        "follow_ups", vid=month.visit[bi], who=who, shop=shop, due=due, called=called, caller=caller
    )
