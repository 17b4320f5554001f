"""What a returning customer is worth: customer lifetime value (CLV), notebook 02.

The convention, said once and kept everywhere
---------------------------------------------
The course's CLV formula (:func:`helpers.metrics.clv` with no acquisition cost)::

    future margin = m · r / (1 + i − r)

counts the margin a customer brings **from next year on**, each year only if they come back, in
**today's money**. **This year's margin comes on top**. What a customer is worth, counted from
today, is therefore::

    worth = m + m · r / (1 + i − r) − AC  =  m · (1 + i) / (1 + i − r) − AC

* ``m``: the margin a customer brings in a year (what they spend, minus what the goods cost);
* ``r``: the share of customers who come back the next year (retention);
* ``i``: the discount rate (money a year from now is worth a little less than money today);
* ``AC``: what it costs to win the customer (acquisition cost; 0 for a customer you already have).

The cost of winning a customer is paid today, when this year's margin is also earned: subtracting
it from the future margin alone would undervalue new customers, so the simulator always adds this
year's margin (also at AC = 0, so that the chart does not jump when the cost slider leaves 0).

``r / (1 + i − r)`` (:func:`helpers.metrics.clv_multiplier`) is how many years' margin the future
is worth in today's money. It is **convex** in ``r``: with the margin held fixed, each extra point
of retention is worth more than the one before (this year's margin and AC do not depend on ``r``,
so what one more point adds is the same under either convention).

What rests on the literature, and what is illustrative
------------------------------------------------------
* The margin-multiple form is the standard one for a customer who pays a margin each year while
  they stay (Gupta & Lehmann 2003, Journal of Interactive Marketing 17(1), "Customers as assets").
  At r = 0.80 and i = 0.10 the multiplier is 0.8 / 0.3 = 2.667 years of future margin; raising r
  to 0.85 makes it 0.85 / 0.25 = 3.4, 27.5 % more. Counting this year's margin too, 3.667 → 4.4,
  20 % more: the published 27.5 % belongs to the "from next year on" convention.
* It assumes every customer has the same, constant retention. When customers differ, the loyal
  ones stay longer and the formula undervalues the group (Fader & Hardie 2010, Marketing Science
  29(1), "Customer-base valuation in a contractual setting: the perils of ignoring
  heterogeneity"; see :func:`helpers.lessons.repeat_business.tenure.future_years`).
* Reichheld & Sasser (1990, Harvard Business Review, "Zero Defections: Quality Comes to
  Services") calculated that 5 % fewer defections would raise the net present value of an
  average customer's profits by 25-85 % in the service industries they looked at, assuming
  profit per customer grows the longer a customer stays (our formula holds the margin fixed).
  That is consulting work from Bain & Company, not a peer-reviewed study: a reason to look, not
  a law. The simulator's own arithmetic is what the course checks.
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
from helpers.validation import require_between, require_count, require_number

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
            help=N_(
                "What a customer spends in a year, minus what the goods cost the shop. If unsure, "
                "take 30 % of what a customer spends a year."
            ),
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
                "forgone, risk). Use 10 % if unsure."
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
    """What a customer is worth (units) at ``retention_percent``, counted from today: this year's
    margin + the future margin (:func:`helpers.metrics.clv`) − the cost of winning them."""
    return values["margin"] + clv(
        values["margin"],
        retention_percent / 100,
        values["discount_rate"] / 100,
        values["acquisition_cost"],
    )


@dataclass(frozen=True)
class ValueOutcome:
    """What a customer is worth at one setting of the sliders, and along the retention curve."""

    values: dict[str, float]
    multiplier: float  #: years of future margin, from next year on: r / (1 + i − r)
    future: float  #: future margin from next year on, in today's money (units)
    clv: float  #: this year's margin + future margin − cost of winning (units)
    one_more_point: float  #: units a customer gains from one more point of retention
    curve: np.ndarray  #: :attr:`clv` (units) at each retention level of :data:`CURVE_RETENTION`


def customer_value(values: Mapping[str, float] | None = None, **changes: float) -> ValueOutcome:
    """What a customer is worth at the sliders' retention, what one more point adds, and the
    same at every retention."""
    v = read_values(PARAMETERS, _("customer-value model"), values, **changes)
    r = v["retention"]
    multiplier = clv_multiplier(r / 100, v["discount_rate"] / 100)
    return ValueOutcome(
        values=v,
        multiplier=multiplier,
        future=v["margin"] * multiplier,
        clv=value_at(v, r),
        one_more_point=value_at(v, r + 1) - value_at(v, r),
        curve=np.array([value_at(v, level) for level in CURVE_RETENTION]),
    )


def rise_in_value(
    retention_from: float, retention_to: float, **changes: float
) -> tuple[float, float]:
    """How much (as a share, 0-1) the years of future margin and what a customer is worth (this
    year's margin included, the cost subtracted) rise when retention goes from
    ``retention_from`` to ``retention_to`` (both in %); other parameters from ``changes``."""
    before = customer_value(retention=retention_from, **changes)
    after = customer_value(retention=retention_to, **changes)
    return after.multiplier / before.multiplier - 1, after.clv / before.clv - 1


def one_point_for_the_shop(
    margin: float, retention: float, discount_rate: float, customers: int
) -> float:
    """What one more point of customers coming back each year is worth to a shop (units):
    ``customers`` × the rise in each customer's future margin. ``retention`` and
    ``discount_rate`` are shares (0-1); this year's margin and the acquisition cost do not depend
    on retention, so they drop out."""
    gain = clv(margin, retention + 0.01, discount_rate) - clv(margin, retention, discount_rate)
    return customers * gain


def _percent(name: str, value: float, high: float) -> float:
    """A percentage as a share: 45 means 45 %; a number between 0 and 1 (0.45) is read as a
    share already, as the learner may have meant it."""
    number = require_number(name, value)
    share = number if 0 < number < 1 else number / 100
    return require_between(name, 100 * share, 0, high, "%") / 100


class Sentence(str):
    """A result in plain words (markdown): shown without quotes in a notebook, in bold where the
    markdown says so, and without the asterisks as plain text."""

    def __repr__(self) -> str:
        return str(self).replace("**", "")

    def _repr_markdown_(self) -> str:
        return str(self)


def your_shop(margin: float, coming_back: float, customers: int, discount_rate: float = 10):
    """What one more point of customers coming back is worth to the learner's own shop, as a
    sentence in rounded units. ``coming_back`` and ``discount_rate`` are percentages (45 for
    45 %; 0.45 is read as 45 % too); ``margin`` in units a customer a year."""
    m = require_between(_("The margin"), margin, 0, 1_000_000, _("units"))
    back = _percent(_("The share coming back"), coming_back, 98)
    rate = _percent(_("The discount rate"), discount_rate, 100)
    count = require_count(_("The number of customers"), customers, 1)
    worth = one_point_for_the_shop(m, back, rate, count)
    return Sentence(
        _(
            "One more point of customers coming back (from {back} % to {next} %) is worth about "
            "**{worth} units** to your shop: this year's {count} customers, over all the years "
            "they come back, in today's money. That is {share} % of a year's margin from them."
        ).format(
            back=f"{100 * back:g}",
            next=f"{100 * back + 1:g}",
            worth=f"{worth:,.0f}",
            count=f"{count:,}",
            share=f"{100 * worth / (m * count):.1f}" if m > 0 else "0",
        )
    )
