"""Step "arrivals": who comes in this month, to which shop, on which day.

Three kinds of visitor: customers coming back (their last visit's return chance and any follow-up
call's pull), people a friend's praise brought (they visit the praised shop), and
walk-ins (non-customers who try a shop for the first time, drawn to its online reputation).
"""

from __future__ import annotations

import numpy as np

from helpers.town.effects import SHOPS, TrueEffects, sigmoid
from helpers.town.people import REFERRAL, WALK_IN
from helpers.town.state import Month, TownState, pick


def arrive(state: TownState, month: Month, rng: np.random.Generator) -> None:
    """Fill in ``month.who``, ``.shop``, ``.date`` and ``.visit``; newcomers become customers."""
    fx = state.fx
    c = state.customers
    interest = state.residents.interest
    n = len(interest)

    old = c.is_customer.copy()
    come = old & pick(rng, 1 - (1 - c.return_chance) * (1 - c.pull[month.index]))
    referred = np.flatnonzero(c.join_next_shop >= 0)
    candidates = ~old & (c.join_next_shop < 0)
    walkers = np.flatnonzero(candidates & (rng.random(n) < fx.walk_in_rate))

    returning = np.flatnonzero(come)
    shop_ret = _choose_shop(rng, state, returning, fx.memory_weight * c.memory[returning])
    shop_walk = _choose_shop(rng, state, walkers, fx.reputation_weight * state.reputation)

    month.who = np.concatenate([returning, referred, walkers])
    month.shop = np.concatenate([shop_ret, c.join_next_shop[referred], shop_walk])
    k = len(month.who)
    month.date = month.start + rng.integers(0, month.n_days, k)
    month.visit = state.n_visits + np.arange(k)
    state.n_visits += k

    newcomers = np.concatenate([referred, walkers])
    c.is_customer[newcomers] = True
    c.joined[newcomers] = month.date[len(returning) :]
    c.via[referred] = REFERRAL
    c.via[walkers] = WALK_IN
    c.referred_by[referred] = c.join_next_by[referred]
    c.referral_message[referred] = c.join_next_message[referred]
    c.join_next_shop[referred] = -1


def _choose_shop(
    rng: np.random.Generator, state: TownState, people: np.ndarray, pull: np.ndarray
) -> np.ndarray:
    """Which shop each person visits (index into :data:`SHOPS`): a logit choice between the two.

    ``pull`` is what draws them to each shop besides being nearer and what friends said: their
    memory of it for customers, its reputation for walk-ins.
    """
    fx: TrueEffects = state.fx
    u = (
        pull
        + fx.near_bonus * (state.residents.near[people, None] == np.arange(len(SHOPS)))
        + fx.word_of_mouth_weight * state.customers.word_of_mouth[people]
    )
    return (rng.random(len(people)) >= sigmoid(u[:, 0] - u[:, 1])).astype(int)
