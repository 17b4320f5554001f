"""Steps "satisfaction" and "retention": how each visit felt, and what that does to coming back.

Satisfaction: lesson 01's model, moment by moment (:mod:`helpers.lessons.satisfaction.model`:
Kano kinds and sizes, bad moments weighing ``bad_weight`` times a good one, the wait beyond five
minutes), plus the customer's mood, rounded to 1-5. Retention: the visit (or, after a complaint,
its resolution) sets the customer's chance of coming back in each month until the next visit
(lesson 01's return link), and the customer's memory of the shop that shapes which shop they choose.
"""

from __future__ import annotations

import numpy as np

from helpers.lessons.satisfaction.model import BASE, NOISE_SD, moment_points, wait_points
from helpers.town.effects import return_chance
from helpers.town.state import Month, TownState


def feel(state: TownState, month: Month, rng: np.random.Generator) -> None:
    """Fill in ``month.satisfaction``, the true 1-5 score of each visit."""
    w = state.fx.bad_weight
    latent = (
        BASE
        + moment_points("courtesy", month.courteous, w)
        + np.where(month.asked, moment_points("questions_answered", month.answered, w), 0.0)
        + np.where(month.problem, moment_points("problems_fixed", month.fixed, w), 0.0)
        + moment_points("listening", month.listened, w)
        + moment_points("warmth", month.warm, w)
        + wait_points(month.wait, w)
        + rng.normal(0, NOISE_SD, len(month))
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
    c.return_chance[month.who] = return_chance(effective, state.residents.interest[month.who], fx)
    c.memory[month.who, month.shop] = 0.3 * c.memory[month.who, month.shop] + 0.7 * sat
