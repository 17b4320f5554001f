"""What the chain earns and costs each month, in the town's currency units.

Sales are visits × the town's average spend; the shop keeps a share of them (the margin) and pays
its running costs out of it. Rent, heating and the like are the same whatever the sliders say, so
they are left out: "profit" here is **profit before rent and other fixed costs**.

Where the numbers come from
---------------------------
* Spend per visit: the sample town's average, 78 units (a test checks it against the data).
* The cost of replacing a leaver: 16 % of a year's pay for jobs paid under $30,000 a year
  (Boushey & Glynn 2012, Center for American Progress, "There are significant business costs to
  replacing employees", a review of 30 case studies): one review, not a law. Two caveats: the
  town's wage (2,000 units a month, ours) is only *taken* to be such a job; and their 16 %
  already includes a newcomer's lost productivity, while this simulator also makes newcomers
  serve less well (:mod:`.staff`), so part of a newcomer's cost is counted twice: what fewer
  leavers save is an upper end.
* A generous settlement costs what notebook 03's refund calculator starts at (60 units).
* Everything else is illustrative: the margin (30 % of sales), a full-time wage of 2,000 units a
  month, an hour of training at 30 units for one person (the trainer and the materials: the
  hour's pay is already in the wages, and the hour is taken off the shop floor, see
  :func:`.staff.on_the_floor`), a follow-up call and a reply to a review at 5 units each (a few
  minutes of someone's time).
* What it takes to *keep* staff (pay, schedules, respect) has no price here: lowering turnover
  saves replacements and costs nothing in this simulator. The lesson shows what it is worth
  instead (a break-even), never a profit.
"""

from __future__ import annotations

from dataclasses import dataclass

from helpers.lessons.reputation.recovery import PARAMETERS as REFUND_PARAMETERS

#: The town's average spend per visit (units), and the share of it the shop keeps (ours).
SPEND_PER_VISIT = 78.0
MARGIN_SHARE = 0.30
#: Monthly pay of one full-time member of staff (units; ours).
WAGE = 2_000.0
#: One hour of training for one person: the trainer and the materials (ours; the pay is in WAGE).
TRAINING_HOUR = 30.0
#: Replacing a leaver: 16 % of a year's pay (Boushey & Glynn 2012).
REPLACING_SHARE = 0.16
#: A generous settlement (notebook 03's refund), a follow-up call, a reply to a review.
SETTLEMENT = REFUND_PARAMETERS["refund_cost"].default
CALL = 5.0
REPLY = 5.0

#: The running costs, in the order tables show them.
COST_KINDS = ("wages", "training", "replacing", "settlements", "calls", "replies")


@dataclass(frozen=True)
class Settings:
    """One shop's settings as the money needs them (the sliders' values)."""

    staff: float
    training_hours: float
    turnover: float  #: % a year


def replacing() -> float:
    """What replacing one leaver costs (units): :data:`REPLACING_SHARE` of a year's pay."""
    return REPLACING_SHARE * 12 * WAGE


def fixed_costs(s: Settings) -> dict[str, float]:
    """Costs a month that depend only on the settings: wages, training, replacing leavers."""
    return {
        "wages": s.staff * WAGE,
        "training": s.staff * s.training_hours / 12 * TRAINING_HOUR,
        "replacing": s.staff * s.turnover / 100 / 12 * replacing(),
    }


def margin(visits: float) -> float:
    """What the shop keeps from a month's sales (units)."""
    return visits * SPEND_PER_VISIT * MARGIN_SHARE
