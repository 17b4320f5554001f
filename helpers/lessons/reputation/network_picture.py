"""The network lighting up: the town's people after some months of word of mouth (notebook 03).

One dot per person of the town, placed by :func:`.network.layout` (people tied to each other sit
near each other; the faint lines are their ties). Green dots were won by a friend's praise, red
crosses lost after a warning, blue dots shop with us as at the start, grey ones elsewhere. Green
lines are the praise that won someone; red lines the warnings that lost someone, dotted where the
warning came from beyond close ties (the folklore slider).

What does not change with the sliders (the ties, and every person as they were at the start:
blue if ours, grey if not) is one picture behind the chart, drawn once by the browser; only the
people won or lost and the tellings are chart data. Redrawing 4,500 dots and 7,000 ties as chart
shapes on every move took the browser about 190 ms; the picture brings it to about 45 ms.
The sliders still redraw when they are released (``continuous_update=False``).
"""

from __future__ import annotations

import base64
from functools import cache

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


#: The picture's extent in the chart's units (both axes), and its size in SVG units.
EXTENT = 1.05
_UNITS = 1000


def _svg_points(xy: np.ndarray) -> np.ndarray:
    """Chart coordinates → whole SVG units (y grows downwards in SVG)."""
    scale = _UNITS / (2 * EXTENT)
    return np.rint(np.column_stack([xy[:, 0] + EXTENT, EXTENT - xy[:, 1]]) * scale).astype(int)


def _dots_path(points: np.ndarray) -> str:
    # A zero-length line with a round cap is a dot: 10 bytes each instead of a <circle>.
    return "".join(f"M{x} {y}h0" for x, y in points)


@cache
def background() -> str:
    """The still part of the picture as an SVG data URI: every tie, then every person as at the
    start (blue: ours, grey: elsewhere). Who is ours at the start does not depend on a slider."""
    net, pos = town_network(), _svg_points(layout())
    ours = word_of_mouth.spread().ours[0]
    once = net.source < net.target
    ties = "".join(
        f"M{x0} {y0}L{x1} {y1}"
        for (x0, y0), (x1, y1) in zip(pos[net.source[once]], pos[net.target[once]], strict=True)
    )
    svg = (
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {_UNITS} {_UNITS}">'
        f'<path d="{ties}" stroke="{TIE_COLOUR}" stroke-width="0.7" fill="none"/>'
        f'<path d="{_dots_path(pos[~ours])}" stroke="{GREY}" stroke-width="6.5" '
        'stroke-linecap="round"/>'
        f'<path d="{_dots_path(pos[ours])}" stroke="{COLOURS["blue"]}" stroke-width="8" '
        'stroke-linecap="round"/></svg>'
    )
    return "data:image/svg+xml;base64," + base64.b64encode(svg.encode()).decode()


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
            go.Scatter(mode="lines", x=[], y=[], line=line | dict(color=MEANING["good"])),
            go.Scatter(mode="lines", x=[], y=[], line=line | dict(color=MEANING["bad"])),
            go.Scatter(
                mode="lines", x=[], y=[], line=dict(width=1.5, color=MEANING["bad"], dash="dot")
            ),
        ],
        layout=go.Layout(
            title=title(_("The town's network: who word of mouth reached")),
            xaxis=dict(visible=False, range=[-EXTENT, EXTENT], fixedrange=True),
            yaxis=dict(
                visible=False,
                range=[-EXTENT, EXTENT],
                fixedrange=True,
                scaleanchor="x",
                scaleratio=1,
            ),
            showlegend=False,
            hovermode=False,
            images=[
                dict(
                    source=background(),
                    xref="x",
                    yref="y",
                    x=-EXTENT,
                    y=EXTENT,
                    sizex=2 * EXTENT,
                    sizey=2 * EXTENT,
                    sizing="stretch",
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
    pos, people = layout(), groups(outcome, month)
    for trace, members in zip(fig.data[:2], (people["won"], people["lost"]), strict=True):
        trace.x, trace.y = pos[members, 0], pos[members, 1]
    shown = outcome.paths[outcome.paths[:, 2] <= month]
    kinds = shown[:, 3] == 1
    beyond = outcome.beyond[outcome.paths[:, 2] <= month]
    for trace, pick in zip(fig.data[2:], (kinds, ~kinds & ~beyond, ~kinds & beyond), strict=True):
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
