"""The small tables notebook 03 shows from its models, in plain words and rounded as the text reads.

Each returns a pandas DataFrame or Series (shown as a readable table in JupyterLab); the
notebook's checked cells display them, so every number the text states is compared on every run.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from helpers.i18n import _
from helpers.lessons.reputation import bass, recovery, reviews, word_of_mouth
from helpers.lessons.reputation.network import tie_summary
from helpers.lessons.reputation.recovery import CHOICES, RefundOutcome
from helpers.lessons.reputation.reviews import ReviewOutcome
from helpers.lessons.reputation.word_of_mouth import WordOfMouthOutcome


def _percent(share: float) -> int:
    return int(round(100 * share))


def one_column(rows: dict[str, object], heading: str = "") -> pd.DataFrame:
    """Named figures as a one-column table: whole numbers stay whole, and no "dtype" line."""
    return pd.Series(rows, dtype=object).to_frame(heading)


def praise_per_warning_text(ratio: float) -> str:
    """Praise messages per warning, rounded, or "no warnings" when nobody warned."""
    return f"{ratio:.1f}" if np.isfinite(ratio) else _("no warnings")


def headline(outcome: WordOfMouthOutcome) -> pd.DataFrame:
    """A year of word of mouth: won, lost, net, and praise per warning."""
    return one_column(
        {
            _("customers won through praise"): outcome.total_won,
            _("customers lost after a warning"): outcome.total_lost,
            _("net"): outcome.net,
            _("praise messages per warning"): praise_per_warning_text(outcome.praise_per_warning),
        },
        _("in a year"),
    )


def ties_table() -> pd.DataFrame:
    """The town's close ties: people, ties, and how many each person has."""
    summary = tie_summary()
    return one_column(
        {
            _("people in the customer file"): int(summary["people"]),
            _("ties (friends and family)"): int(summary["ties"]),
            _("median ties per person"): int(summary["median_ties"]),
            _("average ties per person"): round(summary["mean_ties"], 1),
            _("people with no tie (%)"): round(100 * summary["share_without_ties"], 1),
            _("most ties anyone has"): int(summary["most_ties"]),
        }
    )


def reach_table(extra_told: int = 10) -> pd.DataFrame:
    """What one talking customer does in a year of the model, on average: people who hear it,
    and customers won or lost; with close ties only, and with ``extra_told`` more (folklore)."""
    close = word_of_mouth.spread().per_talker()
    folklore = word_of_mouth.spread(extra_told=extra_told).per_talker()
    rows = {
        _("a delighted customer who praises us"): (close["hear_praise"], close["won"], 0.0),
        _("an unhappy customer who warns (close ties)"): (
            close["hear_warning"],
            0.0,
            close["lost"],
        ),
        _("... whose warning {n} more people hear (folklore)").format(n=extra_told): (
            folklore["hear_warning"],
            0.0,
            folklore["lost"],
        ),
    }
    return pd.DataFrame.from_dict(
        rows,
        orient="index",
        columns=[_("people who hear it"), _("customers won"), _("customers lost")],
    ).round(2)


def folklore_table(extras: tuple[int, ...] = (0, 2, 3, 10)) -> pd.DataFrame:
    """A year of word of mouth as more people beyond close ties hear each warning; and the net
    if as many also heard each praise."""
    outcomes = [word_of_mouth.spread(extra_told=e) for e in extras]
    both = [word_of_mouth.spread(extra_told=e, extra_praise=e) for e in extras]
    return pd.DataFrame(
        {
            _("won"): [o.total_won for o in outcomes],
            _("lost"): [o.total_lost for o in outcomes],
            _("net"): [o.net for o in outcomes],
            _("net if as many hear each praise"): [o.net for o in both],
        },
        index=pd.Index(list(extras), name=_("extra people who hear a warning")),
    )


def bass_table(
    pairs: tuple[tuple[float, float], ...] = ((0.03, 0.38), (0.03, 0.76)),
) -> pd.DataFrame:
    """The Bass peak t* = ln(q/p)/(p+q), its height, and the share pulled in by customers."""
    curves = [bass.bass_curve(p, q) for p, q in pairs]
    return pd.DataFrame(
        {
            _("peak at period"): [round(c.peak, 2) for c in curves],
            _("new customers at the peak (% of the market)"): [
                round(100 * float(c.total.max()), 1) for c in curves
            ],
            _("pulled in by customers (%)"): [_percent(c.word_of_mouth_share) for c in curves],
        },
        index=pd.Index([f"p = {p:g}, q = {q:g}" for p, q in pairs], name=_("values")),
    )


def stars_table(outcome: ReviewOutcome) -> pd.DataFrame:
    """Each star: share of all customers (true) and share of reviews (online), in %."""
    return pd.DataFrame(
        {
            _("all customers (%)"): [_percent(v) for v in outcome.true_shares],
            _("reviews online (%)"): [_percent(v) for v in outcome.online_shares],
        },
        index=pd.Index([f"{s} ★" for s in reviews.SCORES], name=_("stars")),
    )


def stars_summary(outcome: ReviewOutcome) -> pd.DataFrame:
    """The average, and the share at 1 or 5 stars, for all customers and for reviews online."""
    return pd.DataFrame(
        {
            _("all customers"): [round(outcome.true_mean, 2), _percent(outcome.extremes_true)],
            _("reviews online"): [round(outcome.online_mean, 2), _percent(outcome.extremes_online)],
        },
        index=[_("average stars"), _("1 or 5 stars (%)")],
        dtype=object,
    )


def replies_table(outcome: ReviewOutcome | None = None) -> pd.DataFrame:
    """The same customers' reviews before and while the shop replies (one study's figures)."""
    before = outcome or reviews.online_reviews()
    after = reviews.with_replies(before)
    return pd.DataFrame(
        {
            _("average stars"): [round(before.online_mean, 2), round(after.online_mean, 2)],
            _("reviews per 100 customers"): [
                round(before.reviews_per_100, 1),
                round(after.reviews_per_100, 1),
            ],
        },
        index=[_("not replying"), _("replying")],
    )


def _cost_rows(costs: pd.DataFrame, names: list[str]) -> pd.DataFrame:
    shown = costs[["paid", "her", "friends", "total"]].round(0).astype(int)
    shown.columns = [
        _("paid now"),
        _("her future purchases lost"),
        _("purchases of those she tells, lost"),
        _("expected cost"),
    ]
    shown.index = pd.Index(names, name=_("decision"))
    return shown


def refund_table(outcome: RefundOutcome) -> pd.DataFrame:
    """Refund or refuse: the expected cost in its three parts, and the break-even refund."""
    from helpers.lessons.reputation.recovery_simulators import refund_table as as_frame

    table = _cost_rows(as_frame(outcome), [_("refund"), _("refuse")])
    table[_("refund pays up to")] = [round(outcome.break_even), round(outcome.break_even)]
    return table


def scenario_table(values: dict[str, float] | None = None) -> pd.DataFrame:
    """The drill's four answers: expected cost, in three parts (lifetimes, as the calculator)."""
    names = recovery.choice_names()
    letters = [f"{letter}) {names[c]}" for letter, c in zip("abcd", CHOICES, strict=True)]
    return _cost_rows(recovery.scenario_costs(values), letters)
