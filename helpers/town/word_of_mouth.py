"""Step "word of mouth": praise after a 5 and warnings after a 1 or 2, along friends-and-family
ties, and the referrals praise brings.

Each friend or relative of a talking customer hears about it with a set chance. What people hear
moves which shop they choose (it fades month by month); a non-customer who hears praise may come
to the praised shop next month (a referral, picked up by step "arrivals").
"""

from __future__ import annotations

import numpy as np

from helpers.town.state import Month, TownState, pick

#: What friends said fades by this factor every month.
FADE = 0.8


def talk(state: TownState, month: Month, rng: np.random.Generator) -> None:
    """Record this month's messages, move what listeners think, plant next month's referrals."""
    fx = state.fx
    sat = month.satisfaction
    praise = (sat == 5) & pick(rng, np.full(len(month), fx.praise_talk_share))
    warn = (sat <= 2) & pick(rng, np.full(len(month), fx.warning_talk_share))
    talkers = np.flatnonzero(praise | warn)
    edge, position = state.ties.listeners(month.who[talkers])
    origin = talkers[position]  # visit row within this month
    hear_p = np.where(praise[origin], fx.praise_hear_share, fx.warning_hear_share)
    heard = pick(rng, hear_p)
    edge, origin = edge[heard], origin[heard]
    listener = state.ties.other[edge]
    is_praise = praise[origin]
    message = state.n_messages + np.arange(len(listener))
    state.n_messages += len(listener)
    told = month.date[origin] + rng.integers(0, 10, len(listener))
    state.record(
        "messages", msg=message, date=told, speaker=month.who[origin], listener=listener,
        family=state.ties.other_family[edge], shop=month.shop[origin], praise=is_praise,
        vid=month.visit[origin],
    )  # fmt: skip
    heard_about = state.customers.word_of_mouth
    heard_about *= FADE
    np.add.at(heard_about, (listener, month.shop[origin]), np.where(is_praise, 1.0, -1.0))
    speaker, shop = month.who[origin], month.shop[origin]
    _plant_referrals(state, rng, listener, is_praise, speaker, shop, message)


def _plant_referrals(
    state: TownState,
    rng: np.random.Generator,
    listener: np.ndarray,
    is_praise: np.ndarray,
    speaker: np.ndarray,
    shop: np.ndarray,
    message: np.ndarray,
) -> None:
    """Praise reaching someone who is not a customer may bring them in next month (the first such
    message this month counts)."""
    c = state.customers
    convert = is_praise & ~c.is_customer[listener] & (c.join_next_shop[listener] < 0)
    convert &= pick(rng, np.full(len(listener), state.fx.referral_conversion))
    cj = np.flatnonzero(convert)
    _, first = np.unique(listener[cj], return_index=True)
    cj = cj[np.sort(first)]
    c.join_next_shop[listener[cj]] = shop[cj]
    c.join_next_by[listener[cj]] = speaker[cj]
    c.join_next_message[listener[cj]] = message[cj]
