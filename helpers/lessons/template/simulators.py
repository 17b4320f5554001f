"""Template simulator: one slider, one bar chart, one caption (a thin layer over the model)."""

from __future__ import annotations

import plotly.graph_objects as go

from helpers.figure import CourseFigure
from helpers.i18n import _
from helpers.lessons.template.model import GREETED, GreetingOutcome, greeting_outcome
from helpers.simulator import Simulator, big, slider_for
from helpers.theme import MEANING


def greeting_simulator() -> Simulator:
    """Slider: share greeted → bars: of 100 customers, who comes back and who stays away."""
    figure = CourseFigure(
        data=[
            go.Bar(
                x=[_("Come back"), _("Stay away")],
                y=[0, 0],
                marker_color=[MEANING["good"], MEANING["bad"]],
                texttemplate="%{y:.0f}",
                textposition="outside",
                cliponaxis=False,
            )
        ],
        layout=go.Layout(
            title=_("Of 100 customers: who comes back?"),
            yaxis=dict(title=_("customers"), range=[0, 100], fixedrange=True),
            showlegend=False,
        ),
    )

    def compute(values: dict[str, float]) -> GreetingOutcome:
        return greeting_outcome(values["greeted"])

    def draw(fig: go.FigureWidget, outcome: GreetingOutcome) -> None:
        fig.data[0].y = [outcome.coming_back, outcome.staying_away]

    def caption(outcome: GreetingOutcome) -> str:
        return _("{back} of 100 customers come back.").format(
            back=big(f"{outcome.coming_back:.0f}")
        )

    return Simulator("greeting", {"greeted": slider_for(GREETED)}, figure, compute, draw, caption)
