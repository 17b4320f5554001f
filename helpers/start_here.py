"""The first simulator of the course: fix the problem, keep the customer.

Seed idea 1 (COURSE.md): "when there is a complaint, fix the problem". In the sample town we can
see how often customers who had a problem came back, depending on whether it was fixed. The
simulator asks: out of a group of customers who had a problem, how many come back if the shop
fixes a given share of the problems?

    coming back = customers × (share fixed × return rate if fixed
                               + (1 − share fixed) × return rate if not fixed)

"Came back" means: visited either shop in the next calendar month.
"""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd
import plotly.graph_objects as go

from helpers.simulator import Simulator, slider
from helpers.theme import MEANING
from helpers.validation import ParameterError, require_between, require_count


@dataclass(frozen=True)
class ProblemReturnRates:
    """Share of customers with a problem who came back, by whether the problem was fixed."""

    if_fixed: float
    if_not_fixed: float
    customers_fixed: int  #: how many problems were fixed (what the rate rests on)
    customers_not_fixed: int


def customers_coming_back(
    customers: int, percent_fixed: float, rates: ProblemReturnRates
) -> tuple[float, float]:
    """How many of ``customers`` with a problem come back next month, and how many stay away.

    ``percent_fixed`` is 0-100. Pure arithmetic: the answer is an expected count, not a draw.
    """
    count = require_count("number of customers with a problem", customers, minimum=1)
    share = require_between("problems fixed", percent_fixed, 0, 100, "%") / 100
    back = count * (share * rates.if_fixed + (1 - share) * rates.if_not_fixed)
    return back, count - back


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
            f"The visits table needs the column(s) {', '.join(sorted(missing))} for this."
        )
    came_back = returned_next_month(visits)
    known = came_back.notna().to_numpy()
    back = came_back.fillna(False).to_numpy(dtype=bool)
    problem = visits["problem"].astype("boolean").fillna(False).to_numpy(dtype=bool) & known
    fixed = visits["problem_fixed"].astype("boolean").fillna(False).to_numpy(dtype=bool)
    mask_fixed = problem & fixed
    mask_not = problem & ~fixed
    if not mask_fixed.any() or not mask_not.any():
        raise ParameterError("There are no visits with a problem to measure return rates on.")
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


def start_here_simulator(rates: ProblemReturnRates | None = None) -> Simulator:
    """Slider: share of problems fixed → bars: customers who come back and customers lost."""
    rates = rates or town_return_rates()
    labels = ["Come back", "Stay away"]
    figure = go.FigureWidget(
        data=[
            go.Bar(
                x=labels,
                y=[0, 0],
                marker_color=[MEANING["good"], MEANING["bad"]],
                texttemplate="%{y:.0f}",
                hovertemplate="%{x}: %{y:.0f} customers<extra></extra>",
            )
        ],
        layout=go.Layout(
            title="Customers who had a problem: who comes back?",
            yaxis=dict(title="customers", rangemode="tozero"),
            showlegend=False,
        ),
    )

    def redraw(fig: go.FigureWidget, values: dict[str, float]) -> None:
        back, lost = customers_coming_back(values["customers"], values["percent_fixed"], rates)
        fig.data[0].y = [back, lost]
        fig.layout.yaxis.range = [0, values["customers"] * 1.08]

    def caption(values: dict[str, float]) -> str:
        back, _ = customers_coming_back(values["customers"], values["percent_fixed"], rates)
        return (
            f"<span style='font-size:1.3em'>Fixing <b>{values['percent_fixed']:.0f} %</b> of the "
            f"problems keeps <b>{back:.0f}</b> of {values['customers']:.0f} customers.</span>"
        )

    controls = {
        "percent_fixed": slider("Problems fixed (%)", 50, 0, 100, 5),
        "customers": slider("Customers with a problem", 100, 10, 500, 10),
    }
    return Simulator("start-here", controls, figure, redraw, caption)
