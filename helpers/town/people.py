"""The people of the town: the shops' staff, the residents, and who is a customer.

Staff are drawn first (their engagement and training drive every visit they serve), then the
residents (their interest in the goods and which shop is nearer home), then the people who were
already customers when the records start.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd

from helpers.town.effects import SHOPS, TrueEffects, return_chance
from helpers.town.history import FIRST_DAY

#: People living in the town (customers or not); about half become customers of either shop.
N_RESIDENTS = 9000
#: People already customers when the records start (2024-01-01).
N_EXISTING = 2600
#: Existing customers joined between this day and the start of the records.
EARLIEST_JOINED = np.datetime64("2018-01-01", "D")

#: How a resident became a customer (codes of :attr:`Customers.via`).
NOT_A_CUSTOMER, EXISTING, WALK_IN, REFERRAL = -1, 0, 1, 2

_FIRST_NAMES = (
    "Ana", "Bao", "Carmen", "Dev", "Elin", "Farah", "Gabriel", "Hana", "Ivan", "Joy", "Kiran",
    "Lars", "Mai", "Nikhil", "Olga", "Paolo", "Quyen", "Rosa", "Sanjay", "Tove", "Uma", "Vinh",
    "Wilma", "Yusuf",
)  # fmt: skip
_INITIALS = "ABCDEFGHJKLMNPRSTVW"
_SCORES = ("engagement", "training_hours", "courtesy", "product_knowledge", "warmth", "listening")


@dataclass(frozen=True)
class Staff:
    """Both shops' staff: the staff table and, per member, what shapes the visits they serve."""

    #: The staff table (ids, names, shop, hours and 0-100 scores), one row per member.
    table: pd.DataFrame
    #: Index of the member's shop in :data:`SHOPS`.
    shop: np.ndarray
    #: Contracted hours a week: members are met in proportion to them.
    hours: np.ndarray
    #: Scores as chances 0-1 (score / 100).
    courtesy: np.ndarray
    warmth: np.ndarray
    knowledge: np.ndarray
    listening: np.ndarray

    def of_shop(self, s: int) -> np.ndarray:
        """Row numbers of the members working in shop ``s``."""
        return np.flatnonzero(self.shop == s)


def make_staff(rng: np.random.Generator, fx: TrueEffects) -> Staff:
    """Staff of both shops: engagement and training drive their service scores."""
    rows = []
    for s, shop in enumerate(SHOPS):
        n = shop.n_staff
        engagement = np.clip(rng.normal(shop.engagement_mean, 10, n), 5, 98)
        training = np.clip(rng.normal(shop.training_mean, 6, n), 0, 80)
        courtesy = 40 + fx.engagement_to_courtesy * engagement + rng.normal(0, 4, n)
        warmth = 25 + fx.engagement_to_warmth * engagement + rng.normal(0, 5, n)
        knowledge = 40 + fx.training_to_knowledge * training + rng.normal(0, 6, n)
        listening = 25 + 0.35 * engagement + 0.6 * training + rng.normal(0, 6, n)
        hours = rng.choice([16, 24, 32, 40, 40], n)
        rows.append(
            pd.DataFrame(
                {
                    "shop_id": shop.shop_id,
                    "hours_per_week": hours,
                    "engagement": engagement,
                    "training_hours": training,
                    "courtesy": courtesy,
                    "product_knowledge": knowledge,
                    "warmth": warmth,
                    "listening": listening,
                    "_shop": s,
                }
            )
        )
    table = pd.concat(rows, ignore_index=True)
    for col in _SCORES:
        table[col] = np.clip(np.rint(table[col]), 0, 100).astype(int)
    table.insert(0, "staff_id", [f"S{i + 1:02d}" for i in range(len(table))])
    names = rng.permutation(len(_FIRST_NAMES))[: len(table)]
    initials = rng.integers(0, len(_INITIALS), len(table))
    table.insert(
        1,
        "name",
        [f"{_FIRST_NAMES[a]} {_INITIALS[b]}." for a, b in zip(names, initials, strict=True)],
    )
    share = {c: table[c].to_numpy(float) / 100 for c in _SCORES}
    return Staff(
        table=table.drop(columns="_shop"),
        shop=table["_shop"].to_numpy(),
        hours=table["hours_per_week"].to_numpy(float),
        courtesy=share["courtesy"],
        warmth=share["warmth"],
        knowledge=share["product_knowledge"],
        listening=share["listening"],
    )


@dataclass(frozen=True)
class Residents:
    """Everyone living in the town, numbered along its streets (nearby numbers are neighbours)."""

    #: Interest in the goods, 0 (none) to 1 (keen), rounded to 2 decimals.
    interest: np.ndarray
    #: Index in :data:`SHOPS` of the shop nearer home.
    near: np.ndarray

    def __len__(self) -> int:
        return len(self.interest)


def make_residents(rng: np.random.Generator, n: int) -> Residents:
    """The residents' interest in the goods and which shop is nearer their home."""
    interest = np.round(rng.beta(2.0, 2.0, n), 2)
    near = (rng.random(n) < 0.55).astype(int)  # 55 % live nearer Market Street (SH2)
    return Residents(interest=interest, near=near)


@dataclass
class Customers:
    """Who is a customer and what each resident carries from month to month (one entry each)."""

    #: Is the resident a customer of either shop (once a customer, always on the books)?
    is_customer: np.ndarray
    #: Day of the first visit (before 2024 for existing customers; NaT for non-customers).
    joined: np.ndarray
    #: How they became a customer: :data:`EXISTING`, :data:`WALK_IN` or :data:`REFERRAL`.
    via: np.ndarray
    #: Resident whose praise brought them, and the number of that message (-1: none).
    referred_by: np.ndarray
    referral_message: np.ndarray
    #: A referral waiting to happen: the shop the person visits first next month (-1: none), who
    #: praised it and in which message.
    join_next_shop: np.ndarray
    join_next_by: np.ndarray
    join_next_message: np.ndarray
    #: Chance of coming back in a month, set by each visit and kept until the next one.
    return_chance: np.ndarray
    #: Remembered satisfaction, per resident and shop.
    memory: np.ndarray
    #: Praise (+1) and warnings (-1) heard about each shop, fading month by month.
    word_of_mouth: np.ndarray
    #: Extra chance of visiting from follow-up calls, per month of the history and resident.
    pull: np.ndarray

    @classmethod
    def nobody(cls, n: int, n_shops: int, n_months: int) -> Customers:
        """The customer state of ``n`` residents before anyone is a customer."""
        return cls(
            is_customer=np.zeros(n, bool),
            joined=np.full(n, np.datetime64("NaT"), dtype="datetime64[D]"),
            via=np.full(n, NOT_A_CUSTOMER, np.int8),
            referred_by=np.full(n, -1),
            referral_message=np.full(n, -1),
            join_next_shop=np.full(n, -1),
            join_next_by=np.full(n, -1),
            join_next_message=np.full(n, -1),
            return_chance=np.zeros(n),
            memory=np.full((n, n_shops), 3.6),
            word_of_mouth=np.zeros((n, n_shops)),
            pull=np.zeros((n_months, n)),
        )


def add_existing_customers(
    customers: Customers,
    residents: Residents,
    n_existing: int,
    rng: np.random.Generator,
    fx: TrueEffects,
) -> None:
    """Make ``n_existing`` residents customers from before the records start."""
    n, n_shops = customers.memory.shape
    existing = rng.choice(n, n_existing, replace=False)
    customers.is_customer[existing] = True
    customers.via[existing] = EXISTING
    span = int((FIRST_DAY - EARLIEST_JOINED).astype(int))
    customers.joined[existing] = FIRST_DAY - rng.integers(1, span, n_existing)
    customers.memory[existing] += rng.normal(0, 0.3, (n_existing, n_shops))
    # Their last visit before the records start left them somewhere on the satisfaction scale.
    # Weighted as at any moment in a steady town: those whose last visit was a 5 mostly came
    # back already, so few are still "waiting" on a 5, many on a 3 or a 4.
    last_sat = rng.choice(np.arange(1, 6), n_existing, p=[0.05, 0.12, 0.33, 0.35, 0.15])
    customers.return_chance[existing] = return_chance(last_sat, residents.interest[existing], fx)
