"""A follow-up call a few months after a big purchase, and what a simple comparison shows.

The model in plain words
------------------------
A shop sells big items (a computer, a television, a bedroom set). A few months later it can
phone the buyer: is everything working, can we help? Some buyers would come back the month after
anyway; of the others, a call brings back a share (the first slider). The shop calls a share of
its buyers (the second slider). Whom it calls is the catch (the third slider): at 0 the calls go
to buyers at random; towards 100 staff call the buyers they know best, the happy ones who were
likelier to come back anyway.

Comparing buyers who were called with buyers who were not then mixes two things: what the call
did, and who was called. Only when the calls are made at random is the gap between the two groups
the call's own effect.

The formulas
------------
Two kinds of buyer, with the chance of coming back the month after the call was due::

    happy buyers (a share HAPPY_SHARE):   p = HAPPY_BACK       others: p = OTHER_BACK
    with a call:  p + e · (1 − p)         e = share a call brings back (of those who would not
                                              have come anyway: the town's planted form)

The shop calls a share c of all buyers. With "staff pick" s (0-1), the chance a happy buyer is
called moves from c (at random, s = 0) to min(1, c / HAPPY_SHARE) (happy buyers first, s = 1);
the others get the rest of the calls, so that c of all buyers are called either way.

What is illustrative
--------------------
Every number here: the share of happy buyers and how often each kind comes back (chosen so that
about 12 in 100 come back without a call, as in the sample town), and the default effect of a
call (the value planted in the sample town: a call brings back 25 % of those who would not have
come anyway). No published study gives the size of this effect for shops; the direction (follow
up after big purchases) is one of the course's seed ideas.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from helpers.i18n import N_, _
from helpers.lessons.repeat_business.values import read_values
from helpers.parameters import Parameter

#: Buyers who left the shop delighted, and how often they come back the month after anyway.
HAPPY_SHARE = 0.3
HAPPY_BACK = 0.25
#: Every other buyer.
OTHER_BACK = 0.06

#: Every slider of the model, in the order the simulator shows them.
PARAMETERS: dict[str, Parameter] = {
    spec.name: spec
    for spec in (
        Parameter(
            "call_effect",
            plain=N_("Buyers a call brings back"),
            label=N_("A call brings back (% of the rest)"),
            unit="%",
            default=25,
            low=0,
            high=50,
            step=5,
            help=N_(
                "Of the buyers who would not have come back anyway, how many a call brings "
                "back the month after."
            ),
            illustrative=True,
        ),
        Parameter(
            "called",
            plain=N_("Buyers called"),
            label=N_("Big purchases followed up (%)"),
            unit="%",
            default=50,
            low=10,
            high=90,
            step=10,
            help=N_("Share of big purchases the shop phones about a few months later."),
        ),
        Parameter(
            "picked",
            plain=N_("Staff picking whom to call"),
            label=N_("Staff pick whom to call (%)"),
            unit="%",
            default=0,
            low=0,
            high=100,
            step=10,
            help=N_(
                "0: calls go to buyers at random. 100: staff call the happy buyers first, who "
                "were likelier to come back anyway."
            ),
            illustrative=True,
        ),
    )
}


@dataclass(frozen=True)
class FollowUpOutcome:
    """Who comes back the month after, called and not called, and why (shares 0-1)."""

    values: dict[str, float]
    called_anyway: float  #: called buyers who would have come back anyway
    called_by_call: float  #: called buyers brought back by the call
    not_called: float  #: buyers not called who come back

    @property
    def called_back(self) -> float:
        """Share of called buyers who come back."""
        return self.called_anyway + self.called_by_call

    @property
    def gap(self) -> float:
        """Called minus not called: what a simple comparison shows."""
        return self.called_back - self.not_called

    @property
    def call_effect(self) -> float:
        """What the calls themselves did, among the buyers called (the true effect)."""
        return self.called_by_call

    @property
    def who_was_called(self) -> float:
        """The part of the gap that comes from whom the shop called, not from the call."""
        return self.gap - self.call_effect

    @property
    def brought_back_per_100(self) -> float:
        """Buyers in every 100 who come back only because they were called."""
        return 100 * self.values["called"] / 100 * self.called_by_call


def follow_up(values: Mapping[str, float] | None = None, **changes: float) -> FollowUpOutcome:
    """Coming back the month after a call was due, for the called and the not called."""
    v = read_values(PARAMETERS, _("follow-up model"), values, **changes)
    effect, called, picked = v["call_effect"] / 100, v["called"] / 100, v["picked"] / 100
    happy_called = (1 - picked) * called + picked * min(1.0, called / HAPPY_SHARE)
    other_called = (called - HAPPY_SHARE * happy_called) / (1 - HAPPY_SHARE)
    groups = (  # (share of buyers, chance each is called, chance of coming back anyway)
        (HAPPY_SHARE, happy_called, HAPPY_BACK),
        (1 - HAPPY_SHARE, other_called, OTHER_BACK),
    )
    called_total = sum(share * c for share, c, _back in groups)
    anyway = sum(share * c * back for share, c, back in groups) / called_total
    by_call = sum(share * c * effect * (1 - back) for share, c, back in groups) / called_total
    not_called = sum(share * (1 - c) * back for share, c, back in groups) / (1 - called_total)
    return FollowUpOutcome(v, anyway, by_call, not_called)
