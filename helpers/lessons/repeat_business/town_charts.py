"""The charts of notebook 02's section on the sample town (static figures, the course's look)."""

from __future__ import annotations

import numpy as np
import pandas as pd
import plotly.graph_objects as go
from plotly.subplots import make_subplots

import helpers.theme  # noqa: F401  (the course's chart look)
from helpers.i18n import _
from helpers.lessons.repeat_business.in_town import AT_RISK, KEPT
from helpers.lessons.repeat_business.tenure import SBGFit
from helpers.theme import MEANING, TEXT_MUTED

#: Shop colours and line styles (colour is never the only cue).
SHOP_LOOK = {
    "Riverside Goods": (MEANING["shop_a"], "solid"),
    "Market Street Goods": (MEANING["shop_b"], "dash"),
}


def shops_chart(monthly: pd.DataFrame) -> go.Figure:
    """Each shop's customers per month (top) and Riverside's share (bottom), as in the simulator."""
    figure = make_subplots(
        rows=2, cols=1, shared_xaxes=True, vertical_spacing=0.1, row_heights=[0.55, 0.45]
    )
    months = monthly.index.tolist()
    for shop, (colour, dash) in SHOP_LOOK.items():
        figure.add_scatter(
            x=months,
            y=monthly[shop],
            name=shop,
            mode="lines",
            line=dict(color=colour, dash=dash),
            row=1,
            col=1,
        )
    figure.add_scatter(
        x=months,
        y=monthly["Riverside share (%)"],
        name=_("Riverside's share (%)"),
        mode="lines",
        line=dict(color=MEANING["shop_a"], width=2),
        fill="tozeroy",
        fillcolor="rgba(0,114,178,0.45)",
        showlegend=False,
        row=2,
        col=1,
    )
    figure.update_layout(
        title=_("In our town: customers each month, and Riverside's share"),
        height=640,
        margin=dict(t=130),
        legend=dict(orientation="h", x=0, y=1.0, yanchor="bottom"),
    )
    figure.update_yaxes(title_text=_("customers"), rangemode="tozero", row=1, col=1)
    figure.update_yaxes(title_text=_("Riverside's share (%)"), range=[0, 100], row=2, col=1)
    figure.update_xaxes(title_text=_("month (1 = January 2024)"), row=2, col=1)
    return figure


def cohort_chart(by_quarter: pd.DataFrame, fitted: SBGFit) -> go.Figure:
    """Kept in each quarter since the first visit: the cohorts together (dots, with how many
    customers each rests on), the fitted model, and a line where everyone is alike."""
    quarters = by_quarter.index.to_numpy()
    alike = 100 * (1 - fitted.leaving) * np.ones(len(quarters))
    return go.Figure(
        [
            go.Scatter(
                x=quarters,
                y=by_quarter[KEPT],
                name=_("our town's cohorts"),
                mode="markers+text",
                marker=dict(color=MEANING["shop_a"], size=16),
                text=[f"n = {n}" for n in by_quarter[AT_RISK]],
                textposition="top center",
                cliponaxis=False,
            ),
            go.Scatter(
                x=quarters,
                y=100 * fitted.retention(len(quarters)),
                name=_("fitted model"),
                mode="lines",
                line=dict(color=TEXT_MUTED),
            ),
            go.Scatter(
                x=quarters,
                y=alike,
                name=_("everyone alike"),
                mode="lines",
                line=dict(color=TEXT_MUTED, dash="dot", width=2),
            ),
        ],
        layout=dict(
            title=_("Kept the next quarter, by quarters since the first visit"),
            xaxis=dict(title=_("quarter since the first visit"), dtick=1),
            yaxis=dict(title=_("kept (%)"), range=[0, 100]),
            legend=dict(orientation="h", x=0, y=1.0, yanchor="bottom"),
            margin=dict(t=130),
        ),
    )


def follow_up_chart(table: pd.DataFrame) -> go.Figure:
    """Came back the month after the call was due, called and not, by shop and together."""
    groups = list(table.index)
    bars = [
        ("came back, not called (%)", _("not called"), MEANING["neutral"], ""),
        ("came back, called (%)", _("called"), MEANING["good"], "/"),
    ]
    return go.Figure(
        [
            go.Bar(
                x=groups,
                y=table[column],
                name=name,
                marker=dict(color=colour, pattern=dict(shape=pattern, fgcolor="#1A1A1A")),
                texttemplate="%{y:.0f} %",
                textposition="outside",
                cliponaxis=False,
            )
            for column, name, colour, pattern in bars
        ],
        layout=dict(
            title=_("In our town: came back the month after the call was due"),
            barmode="group",
            yaxis=dict(title=_("came back (%)"), range=[0, 60]),
            legend=dict(orientation="h", x=0, y=1.0, yanchor="bottom"),
            margin=dict(t=130),
        ),
    )
