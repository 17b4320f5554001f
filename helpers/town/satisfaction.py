"""Steps "satisfaction" and "retention": how each visit felt, and what that does to coming back.

Satisfaction: a hidden score where bad moments weigh more than good ones, rounded to 1-5.
Retention: the visit (or, after a complaint, its resolution) sets the customer's chance of coming
back next month, and the customer's memory of the shop that shapes which shop they choose.
"""

from __future__ import annotations

import numpy as np

from helpers.town.effects import return_logit
from helpers.town.state import Month, TownState


def feel(state: TownState, month: Month, rng: np.random.Generator) -> None:
    """Fill in ``month.satisfaction``, the true 1-5 score of each visit."""
    fx = state.fx
    listening = state.staff.listening[month.staff]
    unanswered = month.asked & ~month.answered
    unfixed = month.problem & ~month.fixed
    latent = (
        fx.base_satisfaction
        + fx.warm_gain * month.warm
        - fx.discourtesy_loss * ~month.courteous
        + fx.answered_gain * month.answered
        - fx.unanswered_loss * unanswered
        + fx.fixed_gain * month.fixed
        - fx.unfixed_loss * unfixed
        - fx.wait_loss_per_minute * np.maximum(0, month.wait - fx.free_wait_minutes)
        + fx.listening_gain * (listening - 0.5) / 0.5
        + rng.normal(0, fx.satisfaction_noise, len(month))
    )
    month.satisfaction = np.clip(np.rint(latent), 1, 5).astype(int)


def remember(state: TownState, month: Month, rng: np.random.Generator) -> None:
    """Set each visitor's return link and memory of the shop (draws nothing).

    After a complaint the resolution counts: a generous one acts as if the visit had scored
    ``generous_recovered_satisfaction``, a stingy one takes more off; every day taken costs.
    """
    fx = state.fx
    c = state.customers
    sat = month.satisfaction
    ci = month.complained
    effective = sat.astype(float)
    effective[ci] = np.where(
        month.generous, fx.generous_recovered_satisfaction, sat[ci] - fx.stingy_penalty
    )
    effective[ci] -= fx.resolution_day_loss * month.days_to_resolve
    c.return_logit[month.who] = return_logit(effective, state.residents.interest[month.who], fx)
    c.memory[month.who, month.shop] = 0.3 * c.memory[month.who, month.shop] + 0.7 * sat
