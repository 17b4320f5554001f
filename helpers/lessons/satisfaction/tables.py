"""The small tables notebook 01 shows from its model, in plain words and rounded as the text reads.

Each returns a pandas DataFrame (shown as a readable table in JupyterLab); the notebook's checked
cells display them, so every number the text states is compared on every test run.
"""

from __future__ import annotations

import pandas as pd

from helpers.i18n import _
from helpers.lessons.satisfaction.experiments import (
    COST_ROWS,
    InterestOutcome,
    bad_moment_outcome,
)
from helpers.lessons.satisfaction.model import SatisfactionOutcome


def _percent(share: float) -> int:
    return int(round(100 * share))


def headline(outcome: SatisfactionOutcome) -> pd.DataFrame:
    """Come back next time, CSAT and top box, in %."""
    return pd.DataFrame(
        {
            _("%"): [
                _percent(outcome.share_coming_back),
                _percent(outcome.csat),
                _percent(outcome.top_box),
            ]
        },
        index=[_("come back next time"), _("CSAT (scores 4 and 5)"), _("top box (scores of 5)")],
    )


def score_table(outcome: SatisfactionOutcome) -> pd.DataFrame:
    """One row per score: its zone, the share of customers, and how many of them come back."""
    table = outcome.by_score()
    return pd.DataFrame(
        {
            _("zone"): [_(zone) for zone in table["zone"]],
            _("customers (%)"): [_percent(v) for v in table["share"]],
            _("of them come back (%)"): [_percent(v) for v in table["return_rate"]],
        },
        index=pd.Index(table.index, name=_("score")),
    )


def moment_names() -> dict[str, str]:
    """The moments of a visit as the tables and charts name them (current language)."""
    return {
        "problems_fixed": _("problem left unfixed"),
        "courtesy": _("not treated politely"),
        "questions_answered": _("question not answered"),
        "wait": _("waited over 5 minutes"),
        "listening": _("not really listened to"),
        "warmth": _("no warm, personal attention"),
    }


def costs_table(costs: pd.DataFrame) -> pd.DataFrame:
    """Exposure × impact of each moment: how many it touches (%), the chance of coming back it
    takes from each (points), customers lost in 100, and customers it makes unhappy in 100."""
    names = moment_names()
    return pd.DataFrame(
        {
            _("touches (%)"): [_percent(costs.loc[m, "touched"]) for m in COST_ROWS],
            _("takes from each (points)"): [_percent(costs.loc[m, "cost_each"]) for m in COST_ROWS],
            _("lost in 100"): [round(costs.loc[m, "lost_per_100"], 1) for m in COST_ROWS],
            _("made unhappy in 100"): [
                round(costs.loc[m, "unhappy_per_100"], 1) for m in COST_ROWS
            ],
        },
        index=pd.Index([names[m] for m in COST_ROWS], name=_("moment")),
    )


def curve_table(curve: pd.DataFrame) -> pd.DataFrame:
    """Chance of coming back at each score (%), with a reason to come and for the whole mix."""
    return pd.DataFrame(
        {
            _("zone"): [_(zone) for zone in curve["zone"]],
            _("with a reason to come (%)"): [_percent(v) for v in curve["with_reason"]],
            _("all our customers (%)"): [_percent(v) for v in curve["all_customers"]],
        },
        index=pd.Index(curve.index, name=_("score")),
    )


def weight_table(weights=(1, 2, 4), percent_bad_moments: float = 20) -> pd.DataFrame:
    """Unhappy (scores 1-2) and coming back (%) when nothing goes badly, then for each weight of
    a bad moment when ``percent_bad_moments`` % of moments go badly."""
    outcomes = [
        bad_moment_outcome(0),
        *(bad_moment_outcome(percent_bad_moments, w) for w in weights),
    ]
    labels = [_("nothing goes badly"), *(_("weighs {w}×").format(w=f"{w:g}") for w in weights)]
    return pd.DataFrame(
        {
            _("unhappy, scores 1-2 (%)"): [_percent(o.zone_shares["defection"]) for o in outcomes],
            _("delighted, 5s (%)"): [_percent(o.top_box) for o in outcomes],
            _("come back (%)"): [_percent(o.share_coming_back) for o in outcomes],
        },
        index=pd.Index(labels, name=_("a bad moment")),
    )


def interest_table(shares: InterestOutcome) -> pd.DataFrame:
    """Share coming back (%) with a reason to come, without one, and all customers."""
    return pd.DataFrame(
        {
            _("come back (%)"): [
                _percent(shares.with_reason),
                _percent(shares.without_reason),
                _percent(shares.all_customers),
            ]
        },
        index=[_("with a real reason to come"), _("with no reason to come"), _("all customers")],
    )
