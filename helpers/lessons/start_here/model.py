"""The first simulator of the course: fix the problem, keep the customer (notebook 00).

Seed idea 1 of the course: "when there is a complaint, fix the problem". In the sample town we can
see how often customers who had a problem came back, depending on whether it was fixed
(:mod:`.in_town`). The model asks: out of a group of customers who had a problem, how many come
back if the shop fixes a given share of the problems?

    coming back = customers × (share fixed × return rate if fixed
                               + (1 − share fixed) × return rate if not fixed)

"Came back" means: visited either shop in the next calendar month.
"""

from __future__ import annotations

from dataclasses import dataclass

from helpers.i18n import N_, _
from helpers.parameters import Parameter
from helpers.validation import require_count


@dataclass(frozen=True)
class ProblemReturnRates:
    """Share of customers with a problem who came back, by whether the problem was fixed."""

    if_fixed: float
    if_not_fixed: float
    customers_fixed: int  #: how many problems were fixed (what the rate rests on)
    customers_not_fixed: int

    @property
    def times_as_likely(self) -> float:
        """How many times as likely a return is after a fixed problem as after an unfixed one."""
        return self.if_fixed / self.if_not_fixed


PERCENT_FIXED = Parameter(
    "percent_fixed",
    plain=N_("Problems fixed"),
    label=N_("Problems fixed (%)"),
    unit="%",
    default=50,
    low=0,
    high=100,
    step=5,
    help=N_("Share of the customers' problems that the shop fixes."),
)
CUSTOMERS = Parameter(
    "customers",
    plain=N_("Customers with a problem"),
    label=N_("Customers with a problem"),
    unit="",
    default=100,
    low=10,
    high=500,
    step=10,
    help=N_("How many customers brought a problem."),
)
PARAMETERS = {p.name: p for p in (PERCENT_FIXED, CUSTOMERS)}


def customers_coming_back(
    customers: int, percent_fixed: float, rates: ProblemReturnRates
) -> tuple[float, float]:
    """How many of ``customers`` with a problem come back next month, and how many stay away.

    ``percent_fixed`` is 0-100. Pure arithmetic: the answer is an expected count, not a draw.
    """
    count = require_count(_("number of customers with a problem"), customers, minimum=1)
    share = PERCENT_FIXED.check(percent_fixed) / 100
    back = count * (share * rates.if_fixed + (1 - share) * rates.if_not_fixed)
    return back, count - back
