"""The network lighting up: the town's people after some months of word of mouth (notebook 03).

One dot per person of the town, placed by :func:`.network.layout` (people tied to each other sit
near each other; the faint lines are their ties). Green dots were won by a friend's praise, red
crosses lost after a warning, blue dots shop with us as at the start, grey ones elsewhere. Green
lines are the praise that won someone; red lines the warnings that lost someone, dotted where the
warning came from beyond close ties (the folklore slider).

A few thousand dots take the browser a moment to redraw, so these sliders redraw when they are
released (``continuous_update=False``); the model itself still runs in a few milliseconds.
"""

from __future__ import annotations

import numpy as np
import plotly.graph_objects as go

from helpers.figure import CourseFigure
from helpers.i18n import N_, _, ngettext
from helpers.lessons.reputation import word_of_mouth
from helpers.lessons.reputation.network import layout, town_network
from helpers.lessons.reputation.simulators import title, top_margin
from helpers.lessons.reputation.word_of_mouth import MONTHS, WordOfMouthOutcome
from helpers.parameters import Parameter
from helpers.simulator import Simulator, big, slider_for
from helpers.theme import COLOURS, MEANING, key_above

MONTH = Parameter(
    "month",
    plain=N_("Month shown"),
    label=N_("Month shown"),
    unit="",
    default=MONTHS,
    low=1,
    high=MONTHS,
    step=1,
    help=N_("Show the town after this many months of word of mouth."),
)
#: The picture's sliders: the month first, then the two that light up warnings.
PICTURE_SLIDERS = ("unhappy", "extra_told")
GREY = "#B3B3B3"
TIE_COLOUR = "rgba(120,120,120,0.18)"


def _ties_path() -> str:
    """Every tie once, as one SVG path (a layout shape under the dots: drawn once, never sent
    again on a move)."""
    net, pos = town_network(), layout()
    once = net.source < net.target
    a, b = net.source[once], net.target[once]
    return "".join(
        f"M{x0:.3f},{y0:.3f}L{x1:.3f},{y1:.3f}"
        for x0, y0, x1, y1 in zip(pos[a, 0], pos[a, 1], pos[b, 0], pos[b, 1], strict=True)
    )


def _lines(pairs: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """x and y of straight lines between (teller, listener) pairs, a gap (NaN) after each.

    numpy arrays, not lists: plotly sends them to the browser as they are, without checking
    thousands of numbers one by one."""
    pos = layout()
    gap = np.full(len(pairs), np.nan)
    xs = np.column_stack([pos[pairs[:, 0], 0], pos[pairs[:, 1], 0], gap]).ravel()
    ys = np.column_stack([pos[pairs[:, 0], 1], pos[pairs[:, 1], 1], gap]).ravel()
    return xs, ys


def groups(outcome: WordOfMouthOutcome, month: int) -> dict[str, np.ndarray]:
    """Who is in which group after ``month`` months: won, lost, still ours, elsewhere (bool)."""
    now, start = outcome.ours[month], outcome.ours[0]
    return {"won": now & ~start, "lost": start & ~now, "ours": now & start, "others": ~now & ~start}


def _dots(name: str, colour: str, size: int, symbol: str = "circle") -> go.Scatter:
    return go.Scatter(
        name=name,
        x=[],
        y=[],
        mode="markers",
        marker=dict(color=colour, size=size, symbol=symbol, line=dict(width=0)),
        hoverinfo="skip",
    )


def _figure() -> go.FigureWidget:
    line = dict(width=2.5)
    return CourseFigure(
        data=[
            _dots(_("won through praise"), MEANING["good"], 10),
            _dots(_("lost after a warning"), MEANING["bad"], 11, "x"),
            _dots(_("ours from the start"), COLOURS["blue"], 5),
            _dots(_("shop elsewhere"), GREY, 4),
            go.Scatter(mode="lines", x=[], y=[], line=line | dict(color=MEANING["good"])),
            go.Scatter(mode="lines", x=[], y=[], line=line | dict(color=MEANING["bad"])),
            go.Scatter(
                mode="lines", x=[], y=[], line=dict(width=1.5, color=MEANING["bad"], dash="dot")
            ),
        ],
        layout=go.Layout(
            title=title(_("The town's network: who word of mouth reached")),
            xaxis=dict(visible=False, range=[-1.05, 1.05], fixedrange=True),
            yaxis=dict(
                visible=False, range=[-1.05, 1.05], fixedrange=True, scaleanchor="x", scaleratio=1
            ),
            showlegend=False,
            hovermode=False,
            shapes=[
                dict(
                    type="path",
                    path=_ties_path(),
                    line=dict(color=TIE_COLOUR, width=1),
                    layer="below",
                )
            ],
            annotations=[
                key_above(
                    (
                        _("green dot: won by praise · red cross: lost after a warning"),
                        _("blue dot: ours from the start · grey dot: shops elsewhere"),
                        _("lines: the telling that did it (dotted: from beyond close ties)"),
                    )
                )
            ],
            height=820,
            margin=dict(t=top_margin(3), l=20, r=20, b=20),
        ),
    )


def _compute(values: dict[str, float]) -> tuple[WordOfMouthOutcome, int]:
    settings = {name: values[name] for name in PICTURE_SLIDERS}
    return word_of_mouth.spread(settings, paths=True), int(MONTH.check(values["month"]))


def _draw(fig: go.FigureWidget, result: tuple[WordOfMouthOutcome, int]) -> None:
    outcome, month = result
    pos = layout()
    for trace, members in zip(fig.data[:4], groups(outcome, month).values(), strict=True):
        trace.x, trace.y = pos[members, 0], pos[members, 1]
    shown = outcome.paths[outcome.paths[:, 2] <= month]
    kinds = shown[:, 3] == 1
    beyond = outcome.beyond[outcome.paths[:, 2] <= month]
    for trace, pick in zip(fig.data[4:], (kinds, ~kinds & ~beyond, ~kinds & beyond), strict=True):
        trace.x, trace.y = _lines(shown[pick][:, :2])


def _caption(result: tuple[WordOfMouthOutcome, int]) -> str:
    outcome, month = result
    return ngettext(
        "In {month} month: {won} customers won through praise, {lost} lost after a warning "
        "(out of {people} people in the customer file).",
        "In {month} months: {won} customers won through praise, {lost} lost after a warning "
        "(out of {people} people in the customer file).",
        month,
    ).format(
        month=month,
        won=big(str(int(outcome.won[:month].sum()))),
        lost=big(str(int(outcome.lost[:month].sum()))),
        people=town_network().size,
    )


def network_simulator() -> Simulator:
    """Sliders (redraw on release): the month shown, unhappy visits, the extra people who hear
    a warning (the folklore) → the town's network with who was won and lost, and the tellings
    that did it."""
    controls = {"month": slider_for(MONTH)}
    controls |= {name: slider_for(word_of_mouth.PARAMETERS[name]) for name in PICTURE_SLIDERS}
    for control in controls.values():
        control.continuous_update = False
    return Simulator("network", controls, _figure(), _compute, _draw, _caption)
