"""Template model: greeting customers within the first minute, and who comes back.

Replace this with your lesson's model. Keep it pure (numpy, pandas, scipy: no widgets, no plotly),
typed, documented with the source of every published figure and what is illustrative, and fast
(a few milliseconds per slider move). Every parameter is a :class:`~helpers.parameters.Parameter`,
so the slider, the plain-words error and the tests at both ends come from one record.

    coming back = customers × (BASE_RETURN + GREETING_LIFT × share greeted)

Both numbers are illustrative (the template makes no claim about real shops).
"""

from __future__ import annotations

from dataclasses import dataclass

from helpers.i18n import N_, _
from helpers.parameters import percent
from helpers.validation import require_count

#: Share coming back when nobody is greeted, and the extra share a greeting brings (illustrative).
BASE_RETURN = 0.20
GREETING_LIFT = 0.10

GREETED = percent(
    "greeted",
    plain=N_("Customers greeted"),
    label=N_("Greeted within a minute (%)"),
    default=50,
    help=N_("Share of customers greeted within a minute of coming in."),
    illustrative=True,
)
PARAMETERS = {GREETED.name: GREETED}


@dataclass(frozen=True)
class GreetingOutcome:
    """Customers coming back and staying away, out of ``customers``."""

    customers: int
    coming_back: float
    staying_away: float


def greeting_outcome(greeted: float = GREETED.default, customers: int = 100) -> GreetingOutcome:
    """How many of ``customers`` come back when ``greeted`` % of them are greeted."""
    share = GREETED.check(greeted) / 100
    count = require_count(_("number of customers"), customers, minimum=1)
    back = count * (BASE_RETURN + GREETING_LIFT * share)
    return GreetingOutcome(count, back, count - back)
