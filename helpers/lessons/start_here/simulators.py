"""The simulator of notebook 00: a slider for the share of problems fixed, bars for who returns."""

from __future__ import annotations

import plotly.graph_objects as go

from helpers.figure import CourseFigure
from helpers.i18n import _
from helpers.lessons.start_here.in_town import town_return_rates
from helpers.lessons.start_here.model import (
    CUSTOMERS,
    PERCENT_FIXED,
    ProblemReturnRates,
    customers_coming_back,
)
from helpers.simulator import Simulator, slider_for
from helpers.theme import MEANING, text_on


def start_here_simulator(rates: ProblemReturnRates | None = None) -> Simulator:
    """Slider: share of problems fixed → bars: customers who come back and customers lost."""
    rates = rates or town_return_rates()
    colours = [MEANING["good"], MEANING["bad"]]
    figure = CourseFigure(
        data=[
            go.Bar(
                x=[_("Come back"), _("Stay away")],
                y=[0, 0],
                marker_color=colours,
                texttemplate="%{y:.0f}",
                insidetextfont=dict(color=[text_on(c) for c in colours]),
                hovertemplate=_("%{x}: %{y:.0f} customers") + "<extra></extra>",
            )
        ],
        layout=go.Layout(
            title=_("Customers who had a problem: who comes back?"),
            yaxis=dict(title=_("customers"), rangemode="tozero"),
            showlegend=False,
        ),
    )

    def compute(values: dict[str, float]) -> tuple[float, float, dict[str, float]]:
        back, lost = customers_coming_back(values["customers"], values["percent_fixed"], rates)
        return back, lost, values

    def draw(fig: go.FigureWidget, result: tuple[float, float, dict[str, float]]) -> None:
        back, lost, values = result
        fig.data[0].y = [back, lost]
        fig.layout.yaxis.range = [0, values["customers"] * 1.08]

    def caption(result: tuple[float, float, dict[str, float]]) -> str:
        back, _lost, values = result
        return (
            "<span style='font-size:1.3em'>"
            + _("Fixing {percent} of the problems keeps {back} of {customers} customers.").format(
                percent=f"<b>{values['percent_fixed']:.0f} %</b>",
                back=f"<b>{back:.0f}</b>",
                customers=f"{values['customers']:.0f}",
            )
            + "</span>"
        )

    controls = {p.name: slider_for(p) for p in (PERCENT_FIXED, CUSTOMERS)}
    return Simulator("start-here", controls, figure, compute, draw, caption)
