"""Steps "service" and "purchases": who serves each visitor, what happens, what they buy.

Service: a member of the shop's staff (in proportion to hours worked) serves each visit; their
courtesy, warmth, product knowledge and listening set the chances of each moment of the visit
(courteous or not, warm or not, listened to or not, question answered, problem fixed), and
the shop's staffing sets the wait. Purchases: small everyday goods, or now and then a big
purchase (which the shop may follow up with a call).
"""

from __future__ import annotations

import numpy as np

from helpers.town.effects import SHOPS
from helpers.town.state import Month, TownState, pick

SMALL_GOODS = ("household", "kitchen", "clothing", "small electronics")
BIG_GOODS = ("computer", "television", "bedroom set", "washing machine")
#: Typical price of each kind of big purchase.
BIG_PRICE = (900.0, 700.0, 1200.0, 550.0)
#: Chance that a visit brings a problem with something bought before.
PROBLEM_CHANCE = 0.12


def serve(state: TownState, month: Month, rng: np.random.Generator) -> None:
    """Fill in ``month.staff``, ``.big`` and the moments of each visit (and its wait)."""
    staff = state.staff
    k = len(month)
    month.staff = _assign_staff(rng, state, month.shop)
    s = month.staff
    month.big = pick(rng, 0.03 + 0.04 * state.residents.interest[month.who])
    month.courteous = pick(rng, staff.courtesy[s])
    month.warm = pick(rng, staff.warmth[s])
    month.listened = pick(rng, staff.listening[s])
    month.asked = pick(rng, np.where(month.big, 0.8, 0.35))
    month.answered = month.asked & pick(rng, 0.2 + 0.75 * staff.knowledge[s])
    month.problem = pick(rng, np.full(k, PROBLEM_CHANCE))
    month.fixed = month.problem & pick(
        rng, 0.15 + 0.45 * staff.listening[s] + 0.35 * staff.knowledge[s]
    )
    wait_mean = np.array([shop.wait_mean for shop in SHOPS])[month.shop]
    month.wait = np.clip(np.rint(rng.gamma(2.0, wait_mean / 2.0)), 0, 90).astype(int)


def _assign_staff(rng: np.random.Generator, state: TownState, shop: np.ndarray) -> np.ndarray:
    """Staff row serving each visit: someone of that shop, in proportion to hours worked."""
    staff = state.staff
    served_by = np.empty(len(shop), int)
    for s in range(len(SHOPS)):
        here = np.flatnonzero(shop == s)
        mine = staff.of_shop(s)
        weight = staff.hours[mine] / staff.hours[mine].sum()
        served_by[here] = rng.choice(mine, len(here), p=weight)
    return served_by


def buy(state: TownState, month: Month, rng: np.random.Generator) -> None:
    """Fill in ``month.category`` (index into small then big goods) and ``month.amount``."""
    k = len(month)
    big = month.big
    small_cat = rng.integers(0, len(SMALL_GOODS), k)
    big_cat = rng.integers(0, len(BIG_GOODS), k)
    month.category = np.where(big, len(SMALL_GOODS) + big_cat, small_cat)
    interest = state.residents.interest[month.who]
    amount = np.where(
        big,
        np.array(BIG_PRICE)[big_cat] * rng.lognormal(0, 0.25, k),
        rng.lognormal(np.log(30), 0.6, k) * (0.7 + 0.6 * interest),
    )
    month.amount = np.round(np.minimum(amount, 4999.0), 2)
