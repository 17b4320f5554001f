"""The simulators of notebook 03's recovery part: the refund calculator and the scenario drill.

Both show the expected cost of a decision in three stacked parts (paid now, her future purchases
lost, the future purchases of the people she tells lost) from :mod:`.recovery`. Both count whole
lifetimes (her customer lifetime value), so their figures can be compared.
"""

from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go

from helpers.figure import CourseFigure
from helpers.i18n import _
from helpers.lessons.reputation import recovery
from helpers.lessons.reputation.recovery import CHOICES, RefundOutcome
from helpers.lessons.reputation.simulators import title, top_margin
from helpers.simulator import Simulator, big, slider_for
from helpers.theme import COLOURS, MEANING, key_above

#: Fixed axes (in money), so the room sees the bars grow; the caption gives every total.
REFUND_AXIS = 600
SCENARIO_AXIS = 600
PARTS = ("paid", "her", "friends")


def part_names() -> dict[str, str]:
    """The three parts of a cost, in plain words (current language)."""
    return {
        "paid": _("paid now"),
        "her": _("her future purchases lost"),
        "friends": _("purchases of those she tells, lost"),
    }


_PART_LOOK = {
    "paid": dict(color=COLOURS["blue"]),
    "her": dict(color=MEANING["bad"], pattern=dict(shape="/", fgcolor="white")),
    "friends": dict(color=COLOURS["purple"], pattern=dict(shape=".", fgcolor="white")),
}


def _cost_figure(heading: str, rows: list[str], axis: float) -> go.FigureWidget:
    """Horizontal stacked bars, one per decision, and the total written beside each."""
    names = part_names()
    shown = rows[::-1]  # plotly draws the first row at the bottom
    bars = [
        go.Bar(
            name=names[part],
            y=shown,
            x=[0.0] * len(rows),
            orientation="h",
            marker=_PART_LOOK[part],
            hovertemplate="%{y}: " + names[part] + " %{x:.0f}<extra></extra>",
        )
        for part in PARTS
    ]
    totals = go.Scatter(
        y=shown,
        x=[0.0] * len(rows),
        mode="text",
        text=[""] * len(rows),
        textposition="middle right",
        cliponaxis=False,
        hoverinfo="skip",
    )
    return CourseFigure(
        data=[*bars, totals],
        layout=go.Layout(
            title=title(heading),
            barmode="stack",
            xaxis=dict(title=_("expected cost to the shop"), range=[0, axis], fixedrange=True),
            yaxis=dict(fixedrange=True, automargin=True),
            showlegend=False,
            annotations=[
                key_above(
                    (
                        _("blue: paid now · red, striped: her future purchases lost"),
                        _("purple, dotted: purchases of the people she tells, lost"),
                    )
                )
            ],
            margin=dict(t=top_margin(2), r=90),
            height=360 + 50 * len(rows),
        ),
    )


def _draw_costs(fig: go.FigureWidget, table: pd.DataFrame) -> None:
    ordered = table.iloc[::-1]
    for trace, part in zip(fig.data[:3], PARTS, strict=True):
        trace.x = ordered[part].round(2).tolist()
    fig.data[3].x = ordered["total"].round(2).tolist()
    fig.data[3].text = [f" {v:.0f}" for v in ordered["total"]]


def refund_table(outcome: RefundOutcome) -> pd.DataFrame:
    """The refund calculator's two decisions as a table: paid, her, friends, total."""
    rows = {"refund": outcome.refund, "refuse": outcome.refuse}
    return pd.DataFrame(
        {
            "paid": [c.paid for c in rows.values()],
            "her": [c.her for c in rows.values()],
            "friends": [c.friends for c in rows.values()],
            "total": [c.total for c in rows.values()],
        },
        index=pd.Index(list(rows), name="decision"),
    )


def refund_simulator() -> Simulator:
    """Sliders: what the refund costs, what she brings a year, who hears her story, her chance of
    staying if refused → stacked bars: the expected cost of refunding and of refusing."""
    figure = _cost_figure(
        _("Refund or refuse: what each costs us"),
        [_("refund"), _("refuse")],
        REFUND_AXIS,
    )

    def draw(fig: go.FigureWidget, outcome: RefundOutcome) -> None:
        _draw_costs(fig, refund_table(outcome))

    def caption(outcome: RefundOutcome) -> str:
        cheaper = _("Refunding") if outcome.refund_is_cheaper else _("Refusing")
        return _(
            "{cheaper} is cheaper: refund {refund}, refuse {refuse} (her lifetime value: "
            "{value}). Refunding pays whenever it costs less than {even}."
        ).format(
            cheaper=cheaper,
            refund=f"{outcome.refund.total:.0f}",
            refuse=f"{outcome.refuse.total:.0f}",
            value=f"{outcome.value:.0f}",
            even=big(f"{outcome.break_even:.0f}"),
        )

    controls = {name: slider_for(recovery.PARAMETERS[name]) for name in recovery.REFUND_SLIDERS}
    return Simulator("refund", controls, figure, recovery.refund_or_not, draw, caption)


def lettered_choices() -> list[str]:
    """The drill's decisions, short enough for the chart's rows: "a) refund" ..."""
    names = {
        "refund": _("refund"),
        "repair": _("repair free"),
        "refuse": _("refuse"),
        "alternative": _("repair at cost"),
    }
    return [f"{letter}) {names[c]}" for letter, c in zip("abcd", CHOICES, strict=True)]


def scenario_simulator() -> Simulator:
    """Sliders: the item's price, a repair's cost, her margin a year, who hears her story →
    stacked bars: each of the four answers' expected cost, counting lifetimes."""
    figure = _cost_figure(
        _("Broken item past warranty: what each answer costs"),
        lettered_choices(),
        SCENARIO_AXIS,
    )

    def caption(table: pd.DataFrame) -> str:
        letters = dict(zip(CHOICES, lettered_choices(), strict=True))
        cheapest, dearest = table["total"].idxmin(), table["total"].idxmax()
        return _("Cheapest: {cheap} ({cheap_cost}). Dearest: {dear} ({dear_cost}).").format(
            cheap=big(letters[cheapest]),
            cheap_cost=f"{table.loc[cheapest, 'total']:.0f}",
            dear=letters[dearest],
            dear_cost=f"{table.loc[dearest, 'total']:.0f}",
        )

    controls = {
        name: slider_for(recovery.PARAMETERS[name], recovery.SCENARIO_DEFAULTS[name])
        for name in recovery.SCENARIO_SLIDERS
    }
    return Simulator("scenario", controls, figure, recovery.scenario_costs, _draw_costs, caption)
