"""The two shops of the chain simulator: what a manager controls, and where each shop starts.

The simulator's shops are the sample town's as its generator planned them
(:data:`helpers.town.effects.SHOPS`; the 24 people drawn in the data differ a little by chance):
Riverside trains its staff more (28 hours a year against 10), keeps them more engaged (72 against
50), has shorter waits (4 minutes against 7), follows up more big purchases (70 % against 30 %),
settles more complaints generously (75 % against 30 %) and replies to its reviews. The learner runs
**Market Street**; Riverside keeps its ways.

What is ours (illustrative): the staff on the floor (10 full-time people at Riverside, 8 at
Market Street; the town's staff table has 12 people in each shop, not all serving at once), staff
turnover (15 % and 40 % a year: the town has no turnover), and Market Street replying to no
reviews "today" (in the town it starts in 2025). Both shops' staff are busy 60 % of their time at
their usual customers (:data:`.staff.USUAL_BUSY`), whatever the shop: so Riverside serves about
230 customers a month per person on the floor and Market Street about 135 at the same busyness, a
simplification (Riverside's shorter waits come from the town, not from this ratio).
"""

from __future__ import annotations

from collections.abc import Mapping

from helpers.i18n import N_, _
from helpers.lessons.repeat_business.values import read_values
from helpers.parameters import Parameter, percent
from helpers.town.effects import SHOPS

RIVERSIDE_TOWN, MARKET_TOWN = SHOPS
SHOP_KEYS = ("riverside", "market")

#: Market Street's sliders: the things a manager controls at one shop.
PARAMETERS: dict[str, Parameter] = {
    spec.name: spec
    for spec in (
        Parameter(
            "training_hours",
            plain=N_("Training"),
            label=N_("Training (hours a year per person)"),
            unit="hours",
            default=MARKET_TOWN.training_mean,
            low=0,
            high=60,
            step=5,
            help=N_("Hours of product and service training each member of staff gets a year."),
        ),
        Parameter(
            "staff",
            plain=N_("Staff on the shop floor"),
            label=N_("Staff on the floor (full-time people)"),
            unit="people",
            default=8,
            low=5,
            high=12,
            step=1,
            help=N_("How many full-time people serve customers; fewer means longer waits."),
            illustrative=True,
        ),
        Parameter(
            "turnover",
            plain=N_("Staff turnover"),
            label=N_("Staff who leave each year (%)"),
            unit="%",
            default=40,
            low=0,
            high=100,
            step=5,
            help=N_("Of 100 staff, how many leave in a year and are replaced by newcomers."),
            illustrative=True,
        ),
        percent(
            "generous",
            plain=N_("Complaints settled generously"),
            label=N_("Complaints settled generously (%)"),
            default=round(100 * MARKET_TOWN.generous_share),
            help=N_("Share of complaints settled with a refund or a replacement, without arguing."),
        ),
        Parameter(
            "replies",
            plain=N_("Reviews replied to"),
            label=N_("Online reviews we reply to (%)"),
            unit="%",
            default=0,
            low=0,
            high=100,
            step=10,
            help=N_("Share of online reviews the shop answers in public."),
        ),
        Parameter(
            "follow_up",
            plain=N_("Follow-up calls"),
            label=N_("Big purchases followed up (%)"),
            unit="%",
            default=round(100 * MARKET_TOWN.follow_up_share),
            low=0,
            high=100,
            step=10,
            help=N_("Share of big purchases the shop phones about a few months later."),
        ),
    )
}

#: Market Street today: every slider at its start.
MARKET_TODAY: dict[str, float] = {name: spec.default for name, spec in PARAMETERS.items()}

#: Riverside's ways, which the simulator keeps all along (the town's policies; staff and turnover
#: ours). Training is 28 hours, off the slider's 5-hour steps: Riverside has no slider.
RIVERSIDE: dict[str, float] = {
    "training_hours": RIVERSIDE_TOWN.training_mean,
    "staff": 10,
    "turnover": 15,
    "generous": round(100 * RIVERSIDE_TOWN.generous_share),
    "replies": round(100 * RIVERSIDE_TOWN.reply_share),
    "follow_up": round(100 * RIVERSIDE_TOWN.follow_up_share),
}

#: Each shop's wait at its usual staffing (minutes): the town's.
USUAL_WAIT: dict[str, float] = {
    "riverside": RIVERSIDE_TOWN.wait_mean,
    "market": MARKET_TOWN.wait_mean,
}


def market_values(values: Mapping[str, float] | None = None, **changes: float) -> dict[str, float]:
    """Market Street's settings: today's, then ``values`` (the sliders), then ``changes``; each
    checked in plain words."""
    return read_values(PARAMETERS, _("chain model"), values, **changes)
