"""Notebook 00 on the sample town: how often customers with a problem came back."""

from __future__ import annotations

import pandas as pd

from helpers.i18n import _
from helpers.lessons.start_here.model import ProblemReturnRates
from helpers.validation import ParameterError


def problem_return_rates(visits: pd.DataFrame) -> ProblemReturnRates:
    """Measure, in the visits table, how often customers came back after a problem.

    A visit with a problem counts as "came back" if the same customer visited either shop in the
    next calendar month (:func:`helpers.data.returned_next_month`). Visits in the last month of the
    data, where nobody can know yet, are left out.
    """
    from helpers.data import returned_next_month

    needed = {"customer_id", "date", "problem", "problem_fixed"}
    missing = needed - set(visits.columns)
    if missing:
        raise ParameterError(
            _("The visits table needs the column(s) {columns} for this.").format(
                columns=", ".join(sorted(missing))
            )
        )
    came_back = returned_next_month(visits)
    known = came_back.notna().to_numpy()
    back = came_back.fillna(False).to_numpy(dtype=bool)
    problem = visits["problem"].astype("boolean").fillna(False).to_numpy(dtype=bool) & known
    fixed = visits["problem_fixed"].astype("boolean").fillna(False).to_numpy(dtype=bool)
    mask_fixed = problem & fixed
    mask_not = problem & ~fixed
    if not mask_fixed.any() or not mask_not.any():
        raise ParameterError(_("There are no visits with a problem to measure return rates on."))
    return ProblemReturnRates(
        if_fixed=float(back[mask_fixed].mean()),
        if_not_fixed=float(back[mask_not].mean()),
        customers_fixed=int(mask_fixed.sum()),
        customers_not_fixed=int(mask_not.sum()),
    )


def town_return_rates() -> ProblemReturnRates:
    """The return rates measured in the course's sample town (see ``data/README.md``)."""
    from helpers.data import load_visits

    return problem_return_rates(load_visits())


def return_table(rates: ProblemReturnRates) -> pd.DataFrame:
    """The two return rates as a small table in plain words (% rounded as the text reads)."""
    return pd.DataFrame(
        {
            _("visits"): [rates.customers_fixed, rates.customers_not_fixed],
            _("came back next month (%)"): [
                round(100 * rates.if_fixed),
                round(100 * rates.if_not_fixed),
            ],
        },
        index=[_("problem fixed"), _("problem not fixed")],
    )
