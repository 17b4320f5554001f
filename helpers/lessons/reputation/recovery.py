"""Refund or not? What resolving a complaint costs the shop, and the scenario drill (notebook 03).

The model in plain words
------------------------
A customer comes back unhappy. Whatever we decide, three things follow:

* **what we pay now**: the refund, the repair, or nothing;
* **her future purchases**: she stays with us this year with a chance that depends on our
  decision; what she would have brought us is her customer lifetime value (CLV, notebook 02:
  :func:`helpers.metrics.clv`, margin × r ÷ (1 + i − r));
* **the people she tells**: if she leaves angry she may warn others; each person who hears is one
  of our customers with a chance of 50 % and leaves with a chance of 20 % (the word-of-mouth
  model's :data:`~.word_of_mouth.START_SHARE` and :data:`~.word_of_mouth.LEAVE`), so each costs
  us a tenth of a customer. The people she tells are valued as *average* customers
  (:data:`AVERAGE_MARGIN` a year), not at her own value: a big spender's friends are not big
  spenders because she is.

The expected cost of a decision is the sum, counted against the day before the problem, when she
was a normal customer who stays with the chance ``r``. Her chance of staying replaces ``r`` for
this year only, so her expected value is ``stay / r × CLV`` and what the decision costs in her
future purchases is ``(r − stay) / r × CLV``: every effect is counted once. The calculator and
the drill both count whole lifetimes (the same CLV), so their figures can be compared.

What rests on the literature, and what is ours
----------------------------------------------
* **The recovery paradox, hedged.** De Matos, Henrique & Rossi (2007, Journal of Service Research
  10(1)), a meta-analysis: after a good recovery customers were *more satisfied* than customers
  who never had a problem, but their *intentions* to buy again or to recommend were *not higher*.
  So here a generous answer keeps her with a chance that is not above the 80 % of a customer who
  never had a problem. That it is 70 % (below 80 %: not every recovery works) is our assumption.
* **Ours (illustrative):** the chances of staying (70 % after a refund or a free repair, 30 %
  after a refusal, 50 % after a polite refusal with an alternative) and of warning others (none
  after a refund or repair, 60 % after a refusal as for any unhappy customer in the
  word-of-mouth model, 30 % after a polite one), r = 80 % a year, a discount rate of 10 %, and an
  average customer's margin of 100 a year.
* **Folklore:** how many people she tells beyond her close ties is a slider. In the town's
  network about 1.4 people hear an unhappy customer's story (3 close ties, 45 % each hear it).
* **Left out: the law.** Whether a refusal is allowed at all is for consumer law (in the EU a
  two-year legal guarantee, in the UK the Consumer Rights Act 2015, whatever the shop's own
  warranty says); the model only prices the choices the law leaves open.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

import pandas as pd

from helpers.i18n import N_, _
from helpers.lessons.reputation.word_of_mouth import HEAR, LEAVE, START_SHARE
from helpers.metrics import clv
from helpers.parameters import Parameter
from helpers.validation import ParameterError

#: A normal customer stays a year with this chance; money a year away is worth 10 % less.
RETENTION = 0.80
DISCOUNT_RATE = 0.10
#: Each person who hears her story costs us this share of a customer (50 % ours × 20 % leave).
LOSS_PER_LISTENER = START_SHARE * LEAVE
#: The people she tells are valued as average customers, who bring us this margin a year
#: (illustrative; the calculator's starting customer).
AVERAGE_MARGIN = 100
#: The town's close ties (median 3, mean 3.14) × the chance each hears: about 1.4 people.
CLOSE_LISTENERS = 3.14 * HEAR

#: The four answers to the broken item in the scenario drill, in the order they are offered.
CHOICES = ("refund", "repair", "refuse", "alternative")
#: Chance she stays this year, and chance she warns others, after each decision (illustrative).
STAY = {"refund": 0.7, "repair": 0.7, "refuse": 0.3, "alternative": 0.5}
WARN = {"refund": 0.0, "repair": 0.0, "refuse": 0.6, "alternative": 0.3}


def choice_names() -> dict[str, str]:
    """The decisions in plain words (current language)."""
    return {
        "refund": _("refund in full"),
        "repair": _("repair free of charge"),
        "refuse": _("refuse: it is past the warranty"),
        "alternative": _("explain politely, offer a repair at cost price"),
    }


def _money(name: str, plain: str, label: str, default: float, high: float, step: float):
    return Parameter(name, plain, label, "", default, 0, high, step, illustrative=True)


PARAMETERS: dict[str, Parameter] = {
    spec.name: spec
    for spec in (
        _money("refund_cost", N_("What the refund costs us"), N_("Refund costs us"), 60, 400, 10),
        _money(
            "margin", N_("Her margin a year"), N_("She brings us a year (margin)"), 100, 400, 10
        ),
        Parameter(
            "listeners",
            plain=N_("People who hear her story"),
            label=N_("People who hear her story"),
            unit="",
            default=1.5,
            low=0,
            high=15,
            step=0.5,
            help=N_(
                "People who hear an angry customer's story: about 1.4 of her close ties in the "
                "town; the '9-15 people' beyond them is folklore."
            ),
            illustrative=True,
        ),
        Parameter(
            "stay_refused",
            plain=N_("Chance she stays if we refuse"),
            label=N_("She stays if we refuse (%)"),
            unit="%",
            default=30,
            low=0,
            high=70,
            step=5,
            illustrative=True,
        ),
        _money("item_price", N_("The item's price"), N_("Price of the broken item"), 120, 400, 10),
        _money("repair_cost", N_("What a repair costs us"), N_("A repair costs us"), 40, 200, 5),
    )
}
#: The sliders of the refund calculator, and of the scenario drill's simulator.
REFUND_SLIDERS = ("refund_cost", "margin", "listeners", "stay_refused")
SCENARIO_SLIDERS = ("item_price", "repair_cost", "margin", "listeners")
#: The drill's story: a regular customer who brings 150 a year in margin.
SCENARIO_DEFAULTS = {"item_price": 120, "repair_cost": 40, "margin": 150, "listeners": 1.5}


def check_values(values: Mapping[str, float] | None = None, **changes: float) -> dict[str, float]:
    """Every parameter's value (defaults for the rest), checked."""
    merged = {**(values or {}), **changes}
    unknown = sorted(set(merged) - set(PARAMETERS))
    if unknown:
        raise ParameterError(
            _("The refund model has no parameter called {unknown}; its parameters are {known}.")
            .format(unknown=", ".join(unknown), known=", ".join(PARAMETERS))
        )  # fmt: skip
    return {name: spec.check(merged.get(name, spec.default)) for name, spec in PARAMETERS.items()}


def lifetime_value(margin: float) -> float:
    """Her customer lifetime value (notebook 02) at r = 80 % and a discount rate of 10 %."""
    return clv(margin, RETENTION, DISCOUNT_RATE)


@dataclass(frozen=True)
class Cost:
    """The expected cost of one decision, in the shop's money, in three parts."""

    paid: float  #: paid now (refund, repair)
    her: float  #: her future purchases lost (expected, as lifetime value)
    friends: float  #: future purchases of the people she tells, lost (expected)

    @property
    def total(self) -> float:
        return self.paid + self.her + self.friends


def cost(decision: str, paid: float, value: float, listeners: float, stay: float) -> Cost:
    """Expected cost of ``decision`` when she is worth ``value`` (her lifetime value), she stays
    with the chance ``stay``, and ``listeners`` people hear her story if she warns (each valued
    as an average customer)."""
    her = (RETENTION - stay) / RETENTION * value
    friends = WARN[decision] * listeners * LOSS_PER_LISTENER * lifetime_value(AVERAGE_MARGIN)
    return Cost(paid=paid, her=her, friends=friends)


@dataclass(frozen=True)
class RefundOutcome:
    """Refund or refuse: the two costs, and the refund at which they are equal."""

    refund: Cost
    refuse: Cost
    value: float  #: her lifetime value (CLV)

    @property
    def break_even(self) -> float:
        """The refund cost at which refunding and refusing cost the same."""
        return self.refuse.total - (self.refund.total - self.refund.paid)

    @property
    def refund_is_cheaper(self) -> bool:
        return self.refund.total < self.refuse.total


def refund_or_not(values: Mapping[str, float] | None = None, **changes: float) -> RefundOutcome:
    """The refund calculator: her lifetime value, the refund, and the people she tells."""
    v = check_values(values, **changes)
    value = lifetime_value(v["margin"])
    refund = cost("refund", v["refund_cost"], value, v["listeners"], STAY["refund"])
    refuse = cost("refuse", 0.0, value, v["listeners"], v["stay_refused"] / 100)
    return RefundOutcome(refund=refund, refuse=refuse, value=value)


def scenario_costs(values: Mapping[str, float] | None = None, **changes: float) -> pd.DataFrame:
    """The scenario drill: each decision's expected cost, in three parts, counting lifetimes as
    the calculator does.

    One row per decision (:data:`CHOICES`); columns ``paid``, ``her``, ``friends``, ``total``.
    Without values, the drill's story (:data:`SCENARIO_DEFAULTS`).
    """
    v = check_values({**SCENARIO_DEFAULTS, **(values or {})}, **changes)
    value = lifetime_value(v["margin"])
    paid = {"refund": v["item_price"], "repair": v["repair_cost"], "refuse": 0.0}
    paid["alternative"] = 0.0
    rows = {
        c: cost(c, paid[c], value, v["listeners"], STAY[c]) for c in CHOICES
    }  # fmt: skip
    table = pd.DataFrame(
        {
            "paid": [rows[c].paid for c in CHOICES],
            "her": [rows[c].her for c in CHOICES],
            "friends": [rows[c].friends for c in CHOICES],
        },
        index=pd.Index(CHOICES, name="decision"),
    )
    table["total"] = table.sum(axis=1)
    return table
