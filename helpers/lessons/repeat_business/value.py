"""What a returning customer is worth: customer lifetime value (CLV), notebook 02.

The formula (the course's one CLV, :func:`helpers.metrics.clv`)::

    CLV = m · r / (1 + i − r) − AC

* ``m``: the margin a customer brings in a year (what they spend, minus what the goods cost);
* ``r``: the share of customers who come back the next year (retention);
* ``i``: the discount rate (money a year from now is worth a little less than money today);
* ``AC``: what it costs to win the customer in the first place (acquisition cost).

``r / (1 + i − r)`` (:func:`helpers.metrics.clv_multiplier`) is how many years' margin a customer
is worth. It is **convex** in ``r``: each extra point of retention is worth more than the one
before, so the last points are worth the most.

What rests on the literature, and what is illustrative
------------------------------------------------------
* The margin-multiple form is the standard one for a customer who pays a margin each year while
  they stay (Gupta & Lehmann 2003, Journal of Interactive Marketing 17(1), "Customers as assets").
  At r = 0.80 and i = 0.10 the multiplier is 0.8 / 0.3 = 2.667; raising r to 0.85 makes it
  0.85 / 0.25 = 3.4, 27.5 % more. CLV itself rises by that share only when AC is zero (with a cost
  to subtract, the rise is larger).
* Reichheld & Sasser (1990, Harvard Business Review, "Zero Defections: Quality Comes to
  Services") report that 5 points fewer defections raised profits by 25-85 % in the service firms
  they studied. That is consulting data from Bain & Company, not a peer-reviewed study: a reason to
  look, not a law. The simulator's own arithmetic is what the course checks.
* The defaults (a margin of 100 units a year, no acquisition cost) are illustrative.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

import numpy as np

from helpers.i18n import N_, _
from helpers.lessons.repeat_business.values import read_values
from helpers.metrics import clv, clv_multiplier
from helpers.parameters import Parameter

#: Money in the course: the sample town's currency, called "units" everywhere.
UNIT = "units"

#: Every slider of the model, in the order the simulator shows them.
PARAMETERS: dict[str, Parameter] = {
    spec.name: spec
    for spec in (
        Parameter(
            "margin",
            plain=N_("Margin per customer per year"),
            label=N_("Margin per customer a year (units)"),
            unit=UNIT,
            default=100,
            low=10,
            high=300,
            step=10,
            help=N_("What a customer spends in a year, minus what the goods cost the shop."),
            illustrative=True,
        ),
        Parameter(
            "retention",
            plain=N_("Customers coming back each year"),
            label=N_("Customers coming back each year (%)"),
            unit="%",
            default=80,
            low=0,
            high=95,
            step=1,
            help=N_("Out of 100 customers this year, how many are still customers next year."),
        ),
        Parameter(
            "discount_rate",
            plain=N_("Discount rate"),
            label=N_("Discount rate (% a year)"),
            unit="%",
            default=10,
            low=0,
            high=20,
            step=1,
            help=N_(
                "How much less money a year from now is worth than money today (interest "
                "forgone, risk)."
            ),
        ),
        Parameter(
            "acquisition_cost",
            plain=N_("Cost of winning a customer"),
            label=N_("Cost of winning a customer (units)"),
            unit=UNIT,
            default=0,
            low=0,
            high=300,
            step=10,
            help=N_("What it costs to win one new customer: advertising, opening offers."),
            illustrative=True,
        ),
    )
}

#: The retention levels (%) the curve is drawn at: every whole percent the slider allows.
CURVE_RETENTION = np.arange(PARAMETERS["retention"].low, PARAMETERS["retention"].high + 1)


def value_at(values: Mapping[str, float], retention_percent: float) -> float:
    """CLV (units) at ``retention_percent`` with the other parameters from ``values``."""
    return clv(
        values["margin"],
        retention_percent / 100,
        values["discount_rate"] / 100,
        values["acquisition_cost"],
    )


@dataclass(frozen=True)
class ValueOutcome:
    """What a customer is worth at one setting of the sliders, and along the retention curve."""

    values: dict[str, float]
    multiplier: float  #: years of margin a customer is worth: r / (1 + i − r)
    clv: float  #: units
    one_more_point: float  #: units a customer gains from one more point of retention
    curve: np.ndarray  #: CLV (units) at each retention level of :data:`CURVE_RETENTION`


def customer_value(values: Mapping[str, float] | None = None, **changes: float) -> ValueOutcome:
    """CLV at the sliders' retention, what one more point adds, and CLV at every retention."""
    v = read_values(PARAMETERS, _("customer-value model"), values, **changes)
    r = v["retention"]
    return ValueOutcome(
        values=v,
        multiplier=clv_multiplier(r / 100, v["discount_rate"] / 100),
        clv=value_at(v, r),
        one_more_point=value_at(v, r + 1) - value_at(v, r),
        curve=np.array([value_at(v, level) for level in CURVE_RETENTION]),
    )


def rise_in_value(
    retention_from: float, retention_to: float, **changes: float
) -> tuple[float, float]:
    """How much (as a share, 0-1) the multiplier and the CLV rise when retention goes from
    ``retention_from`` to ``retention_to`` (both in %); other parameters from ``changes``."""
    before = customer_value(retention=retention_from, **changes)
    after = customer_value(retention=retention_to, **changes)
    return after.multiplier / before.multiplier - 1, after.clv / before.clv - 1


def one_point_for_the_shop(
    margin: float, retention: float, discount_rate: float, customers: int
) -> float:
    """What one more point of customers coming back each year is worth to a shop (units):
    ``customers`` × the rise in each customer's CLV. ``retention`` and ``discount_rate`` are
    shares (0-1); the acquisition cost is paid either way, so it drops out."""
    gain = clv(margin, retention + 0.01, discount_rate) - clv(margin, retention, discount_rate)
    return customers * gain
