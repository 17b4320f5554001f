"""The complaint iceberg: the few unhappy customers we hear from, the many we never do.

The model in plain words
------------------------
Take :data:`UNHAPPY` unhappy customers. Some complain (the ``complaint_rate`` slider); the rest
say nothing to the shop. Of the complaints, the shop puts some right generously, without arguing
(the ``put_right`` slider). Each group then stays a customer with its own chance:

* complained and put right: :data:`KEPT_IF_PUT_RIGHT`;
* complained and argued with, or left waiting: :data:`KEPT_IF_NOT`;
* never complained: :data:`KEPT_IF_SILENT`.

A customer kept is worth their lifetime value, computed as notebook 02 teaches it
(:func:`helpers.metrics.clv` with :data:`MARGIN`, :data:`RETENTION`, :data:`DISCOUNT_RATE`).
So each complaint put right is worth ``(KEPT_IF_PUT_RIGHT − KEPT_IF_NOT) · CLV`` more than one
that is not: a complaint is a chance to keep a customer who would otherwise leave.

The formulas
------------
With ``U`` unhappy customers, complaint rate ``c`` and share put right ``g``::

    complaints put right   = U · c · g          kept: × KEPT_IF_PUT_RIGHT
    complaints not         = U · c · (1 − g)    kept: × KEPT_IF_NOT
    never heard from       = U · (1 − c)        kept: × KEPT_IF_SILENT

    kept = U · (KEPT_IF_SILENT + c · (g · (KEPT_IF_PUT_RIGHT − KEPT_IF_NOT)
                                      + KEPT_IF_NOT − KEPT_IF_SILENT))

so each extra complaint heard (one customer fewer silent) changes the number kept by
``g · (KEPT_IF_PUT_RIGHT − KEPT_IF_NOT) + KEPT_IF_NOT − KEPT_IF_SILENT`` = ``0.4 g − 0.1`` here
(:func:`kept_per_extra_complaint`): hearing more complaints keeps more customers only if enough
of them are put right, ``g > (KEPT_IF_SILENT − KEPT_IF_NOT) / (KEPT_IF_PUT_RIGHT − KEPT_IF_NOT)``
(one in four here); below that, each extra complaint heard costs at most a tenth of a customer.

What rests on the literature, and what is illustrative
------------------------------------------------------
That most dissatisfied customers never complain is widely reported, but the popular figure "only
1 in 25 unhappy customers complain" is traced to the 1970s-80s TARP studies for the US Office of
Consumer Affairs, and the exact figure cannot be found in any accessible source: it is the
slider's ``4 %``, not a fact.
The default, 20 %, is the share planted in the sample town. That good complaint handling (fair
compensation, a courteous and quick response) raises satisfaction with the handling and, through
it, loyalty is supported by a meta-analysis (Gelbrich & Roschk 2011, Journal of Service Research
14(1)). Another (de Matos, Henrique & Rossi 2007, Journal of Service Research 10(1)) found that a
customer put right is not more willing to buy again than one who never had a problem: putting it
right is second best to getting it right. The three chances of staying and the money figures are
illustrative.
"""

from __future__ import annotations

from dataclasses import dataclass

from helpers.i18n import N_
from helpers.lessons.feedback.params import read_values
from helpers.metrics import clv
from helpers.parameters import Parameter, percent

#: How many unhappy customers the chart follows.
UNHAPPY = 100
#: Chance of staying a customer (illustrative): put right, complained but not put right, silent.
KEPT_IF_PUT_RIGHT = 0.5
KEPT_IF_NOT = 0.1
KEPT_IF_SILENT = 0.2
#: A customer's worth, as in notebook 02: margin per year, yearly retention, discount rate.
MARGIN = 100.0
RETENTION = 0.80
DISCOUNT_RATE = 0.10
#: The folklore figure ("only 1 in 25 complain"), as a slider position, not a fact.
ONE_IN_25 = 4

PARAMETERS: dict[str, Parameter] = {
    p.name: p
    for p in (
        Parameter(
            "complaint_rate",
            N_("Unhappy customers who complain"),
            N_("Unhappy customers who complain (%)"),
            "%",
            20,
            0,
            50,
            1,
            N_("Of the unhappy customers, how many tell the shop. Nobody knows this for sure."),
            illustrative=True,
        ),
        percent(
            "put_right",
            N_("Complaints put right"),
            N_("Complaints put right (%)"),
            50,
            N_("Of the complaints, how many the shop settles generously, without arguing."),
            illustrative=True,
        ),
    )
}


def customer_value() -> float:
    """What one customer kept is worth, in money units (pounds, euros, dollars: whichever the
    shop uses): ``clv(MARGIN, RETENTION, DISCOUNT_RATE)``."""
    return clv(MARGIN, RETENTION, DISCOUNT_RATE)


def value_of_putting_right() -> float:
    """How much more a complaint put right is worth than one that is not (money units), before
    the cost of putting it right (the refund, the replacement, the time)."""
    return (KEPT_IF_PUT_RIGHT - KEPT_IF_NOT) * customer_value()


@dataclass(frozen=True)
class Iceberg:
    """Of :data:`UNHAPPY` unhappy customers: who complains, who is put right, who stays."""

    complaint_rate: float  #: 0-1
    put_right_share: float  #: 0-1

    @property
    def put_right(self) -> float:
        """Complaints put right."""
        return UNHAPPY * self.complaint_rate * self.put_right_share

    @property
    def not_put_right(self) -> float:
        """Complaints not put right."""
        return UNHAPPY * self.complaint_rate * (1 - self.put_right_share)

    @property
    def complaints(self) -> float:
        """Complaints the shop hears: the tip of the iceberg."""
        return UNHAPPY * self.complaint_rate

    @property
    def silent(self) -> float:
        """Unhappy customers the shop never hears from."""
        return UNHAPPY * (1 - self.complaint_rate)

    @property
    def kept_by_group(self) -> tuple[float, float, float]:
        """Customers kept: put right, not put right, silent."""
        return (
            self.put_right * KEPT_IF_PUT_RIGHT,
            self.not_put_right * KEPT_IF_NOT,
            self.silent * KEPT_IF_SILENT,
        )

    @property
    def kept(self) -> float:
        """Customers kept, of :data:`UNHAPPY`."""
        return sum(self.kept_by_group)

    @property
    def kept_value(self) -> float:
        """What the kept customers are worth (currency units)."""
        return self.kept * customer_value()

    @property
    def recovered_value(self) -> float:
        """What putting complaints right earns, against leaving them all unresolved."""
        return self.put_right * value_of_putting_right()

    @property
    def kept_shown(self) -> int:
        """Customers kept as the caption shows them (whole customers); exercise 5 checks this,
        so the check and the screen always agree."""
        return int(round(self.kept))

    @property
    def silent_per_complaint(self) -> float:
        """Unhappy customers who say nothing for every one who complains (inf if none does)."""
        return self.silent / self.complaints if self.complaints else float("inf")


def iceberg(values: dict[str, float] | None = None, **changes: float) -> Iceberg:
    """The iceberg for the sliders' values (in %); keywords change single ones."""
    v = read_values(PARAMETERS, values, changes, "complaint model")
    return Iceberg(complaint_rate=v["complaint_rate"] / 100, put_right_share=v["put_right"] / 100)


def kept_per_extra_complaint(put_right_share: float) -> float:
    """Change in customers kept for each extra complaint heard (one unhappy customer fewer
    silent), when ``put_right_share`` (0-1) of complaints are put right."""
    return put_right_share * (KEPT_IF_PUT_RIGHT - KEPT_IF_NOT) + KEPT_IF_NOT - KEPT_IF_SILENT


def break_even_share() -> float:
    """Share of complaints put right above which hearing more complaints keeps more customers."""
    return (KEPT_IF_SILENT - KEPT_IF_NOT) / (KEPT_IF_PUT_RIGHT - KEPT_IF_NOT)
