"""The state the steps pass along: the town as it stands (:class:`TownState`) and this month's
visits as the steps fill them in (:class:`Month`).

Arrays are indexed by resident number (``Customers``), staff row (``Staff``) or, in a month, by
the visit's row within that month. Events are gathered month by month in :class:`Records`, one per
raw table, and turned into the typed tables by :mod:`helpers.town.tables`.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np

from helpers.town.effects import SHOPS, TrueEffects
from helpers.town.history import month_days
from helpers.town.network import Ties
from helpers.town.people import Customers, Residents, Staff


def pick(rng: np.random.Generator, probs: np.ndarray) -> np.ndarray:
    """Bernoulli draws, one per probability."""
    return rng.random(len(probs)) < probs


class Records:
    """Gathers one raw table's columns month by month, then concatenates them."""

    def __init__(self) -> None:
        self.parts: dict[str, list[np.ndarray]] = {}

    def add(self, **columns: np.ndarray) -> None:
        """Append this month's rows (every column the same length)."""
        for key, value in columns.items():
            self.parts.setdefault(key, []).append(np.asarray(value))

    def frame(self) -> dict[str, np.ndarray]:
        """Every column over all months."""
        return {k: np.concatenate(v) for k, v in self.parts.items()}


@dataclass
class TownState:
    """The town as it stands between steps: people, ties, customer state, what was recorded."""

    fx: TrueEffects
    staff: Staff
    residents: Residents
    ties: Ties
    customers: Customers
    #: Each shop's online reputation: mean stars of its recent reviews (4.0 until there are some).
    reputation: np.ndarray = field(default_factory=lambda: np.full(len(SHOPS), 4.0))
    #: Stars of each month's reviews: (month, shop of each review, stars of each review).
    review_log: list[tuple[int, np.ndarray, np.ndarray]] = field(default_factory=list)
    #: Raw tables by name ("visits", "complaints", ...), filled month by month.
    records: dict[str, Records] = field(default_factory=dict)
    #: Visits and word-of-mouth messages numbered so far (the next number to give).
    n_visits: int = 0
    n_messages: int = 0

    def record(self, table: str, **columns: np.ndarray) -> None:
        """Append rows to the raw table ``table``."""
        self.records.setdefault(table, Records()).add(**columns)

    def raw(self, table: str) -> dict[str, np.ndarray]:
        """The raw table ``table``: every column over all months."""
        return self.records[table].frame()


def _no_rows(dtype: str | type = int) -> np.ndarray:
    return np.empty(0, dtype)


@dataclass
class Month:
    """One calendar month's visits, one entry per visit, filled in step by step."""

    #: Months since January 2024, its first day and its number of days.
    index: int
    start: np.datetime64
    n_days: int

    # --- arrivals: who came in, where, when (returning customers first, then newcomers).
    who: np.ndarray = field(default_factory=_no_rows)
    shop: np.ndarray = field(default_factory=_no_rows)
    date: np.ndarray = field(default_factory=lambda: _no_rows("datetime64[D]"))
    #: Visit numbers (in the order visits were generated, over the whole history).
    visit: np.ndarray = field(default_factory=_no_rows)

    # --- service: who served, what happened (yes/no per visit), how long the wait was.
    staff: np.ndarray = field(default_factory=_no_rows)
    big: np.ndarray = field(default_factory=lambda: _no_rows(bool))
    courteous: np.ndarray = field(default_factory=lambda: _no_rows(bool))
    warm: np.ndarray = field(default_factory=lambda: _no_rows(bool))
    listened: np.ndarray = field(default_factory=lambda: _no_rows(bool))
    asked: np.ndarray = field(default_factory=lambda: _no_rows(bool))
    answered: np.ndarray = field(default_factory=lambda: _no_rows(bool))
    problem: np.ndarray = field(default_factory=lambda: _no_rows(bool))
    fixed: np.ndarray = field(default_factory=lambda: _no_rows(bool))
    wait: np.ndarray = field(default_factory=_no_rows)

    # --- satisfaction: the true 1-5 score of the visit.
    satisfaction: np.ndarray = field(default_factory=_no_rows)

    # --- purchases: what was bought (code into the goods) and for how much.
    category: np.ndarray = field(default_factory=_no_rows)
    amount: np.ndarray = field(default_factory=lambda: _no_rows(float))

    # --- complaints: the visits complained about (rows within this month), whether each was
    # resolved generously, and in how many days.
    complained: np.ndarray = field(default_factory=_no_rows)
    generous: np.ndarray = field(default_factory=lambda: _no_rows(bool))
    days_to_resolve: np.ndarray = field(default_factory=_no_rows)

    @classmethod
    def begin(cls, m: int) -> Month:
        """Month ``m`` (0 = January 2024) before anyone came in."""
        start, n_days = month_days(m)
        return cls(index=m, start=start, n_days=n_days)

    def __len__(self) -> int:
        return len(self.who)

    def visit_columns(self) -> dict[str, np.ndarray]:
        """This month's rows of the raw visits table."""
        return {
            "vid": self.visit, "date": self.date, "who": self.who, "shop": self.shop,
            "staff": self.staff, "category": self.category, "amount": self.amount,
            "big": self.big, "wait": self.wait, "courteous": self.courteous, "warm": self.warm,
            "listened": self.listened,
            "asked": self.asked, "answered": self.answered, "problem": self.problem,
            "fixed": self.fixed, "sat": self.satisfaction,
        }  # fmt: skip
