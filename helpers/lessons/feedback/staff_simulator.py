"""The staff-ranking simulator of notebook 04: one simulated month as a funnel plot.

Sliders: surveys per person, the real gap between the truly best and the truly worst, and the
month shown (the same team, another month's surveys: the room sees the ranking reshuffle). The
model (:func:`.ranking.simulate_rankings`) runs once per move; the chart changes in place and the
caption reports the 2,000 simulated months. With a real gap of 0 nobody is truly best or worst:
the chart then marks nobody, and the caption speaks of luck only.
"""

from __future__ import annotations

import numpy as np
import plotly.graph_objects as go

from helpers.figure import CourseFigure
from helpers.i18n import _
from helpers.lessons.feedback import ranking
from helpers.lessons.feedback.funnel import share_limits
from helpers.simulator import Simulator, big, percent_text, slider_for
from helpers.theme import BASE_FONT_SIZE, COLOURS, MEANING, TEXT_MUTED, key_inside, text_on

FUNNEL_SURVEYS = (2, 200)  #: the funnel's x range (log scale), fixed so the room sees change
#: How far apart (log10 of surveys across, CSAT points down) two markers must be not to cover
#: each other: a marker's width on the narrowest chart (JupyterLab, about 700 px of plot).
MARKER_SPAN = (0.09, 11.0)


def dodge(counts: list[float], values: list[float], span: tuple[float, float] = MARKER_SPAN):
    """Where to draw markers that would land on one another: each one that would cover an
    earlier one moves sideways by whole marker widths (right, left, further right...), never
    off the chart, so every letter stays readable. Only the drawing moves: the hover text gives
    the true numbers."""
    across, down = span[0] - 1e-9, span[1]
    low, high = (float(np.log10(end)) for end in FUNNEL_SURVEYS)
    placed: list[tuple[float, float]] = []
    shown = []
    for count, value in zip(counts, values, strict=True):
        centre = float(np.log10(count))
        shifts = [0.0] + [across * k * sign for k in range(1, 12) for sign in (1, -1)]
        inside = [d for d in shifts if d == 0 or low <= centre + d <= high]
        free = [
            d
            for d in inside
            if all(abs(centre + d - x) >= across or abs(value - y) >= down for x, y in placed)
        ]
        shift = free[0] if free else 0.0
        placed.append((centre + shift, value))
        shown.append(float(10 ** (centre + shift)))
    return shown


def marker_look(equal: bool) -> tuple[list[str], list[str]]:
    """Colours and symbols of the twelve markers: the truly best a green diamond, the truly
    worst a red square; nobody marked when everyone serves equally well."""
    colours, symbols = [], []
    for person in range(ranking.STAFF):
        if person == ranking.BEST and not equal:
            colours.append(MEANING["good"])
            symbols.append("diamond")
        elif person == ranking.WORST and not equal:
            colours.append(MEANING["bad"])
            symbols.append("square")
        else:
            colours.append(COLOURS["blue"])
            symbols.append("circle")
    return colours, symbols


def key_lines(equal: bool) -> tuple[str, str]:
    """The chart's key: who is marked, and what the dashed lines are."""
    first = (
        _("everyone serves equally well · letters: staff codes")
        if equal
        else _("◆ green: truly best · ■ red: truly worst · letters: staff codes")
    )
    return first, _("dashed: where chance alone puts someone as good as the team")


def _figure(grid: np.ndarray) -> go.FigureWidget:
    colours, symbols = marker_look(equal=False)
    line = dict(color=TEXT_MUTED, width=3, dash="dash", shape="hv")
    return CourseFigure(
        data=[
            go.Scatter(
                x=[1] * ranking.STAFF,
                y=[0.0] * ranking.STAFF,
                mode="markers+text",
                text=list(ranking.CODES),
                textposition="middle center",
                textfont=dict(color=[text_on(c) for c in colours], size=BASE_FONT_SIZE - 2),
                marker=dict(color=colours, symbol=symbols, size=30, line=dict(width=1)),
                customdata=[1] * ranking.STAFF,
                hovertemplate=_("%{text}: CSAT %{y:.0f} % from %{customdata} surveys")
                + "<extra></extra>",
            ),
            go.Scatter(x=grid, y=[0.0] * len(grid), mode="lines", line=line, hoverinfo="skip"),
            go.Scatter(x=grid, y=[0.0] * len(grid), mode="lines", line=line, hoverinfo="skip"),
            go.Scatter(
                x=list(FUNNEL_SURVEYS),
                y=[0.0, 0.0],
                mode="lines",
                line=dict(color="#1A1A1A", width=2),
                hoverinfo="skip",
            ),
        ],
        layout=go.Layout(
            title=_("Ranking staff on surveys: who is really different?"),
            xaxis=dict(
                title=_("surveys about this person (stretched at the left)"),
                type="log",
                range=list(np.log10(FUNNEL_SURVEYS)),
                fixedrange=True,
            ),
            yaxis=dict(title=_("CSAT this month (%)"), range=[0, 108], fixedrange=True),
            showlegend=False,
            height=560,
            margin=dict(t=150),
            annotations=[key_inside(key_lines(equal=False), y=1.22)],
        ),
    )


def caption(result: ranking.Rankings) -> str:
    """One line under the chart: the 2,000 months, then the month shown."""
    month = _("In month {month}, shown here, {outside} of {staff} people lie outside the funnel.")
    shown = month.format(month=result.month + 1, outside=result.outside(), staff=ranking.STAFF)
    if result.equal:
        return (
            _(
                "Everyone serves equally well: whoever comes top is there by luck. Someone still "
                "lies outside the funnel in {share} of {rounds:,} simulated months."
            ).format(
                share=big(percent_text(result.months_with_someone_outside())),
                rounds=ranking.ROUNDS,
            )
            + " "
            + shown
        )
    return (
        _(
            "With about {n} surveys each, the truly best person came top in {best} of {rounds:,} "
            "simulated months (pure luck: {luck}); the truly worst came bottom in {worst}. "
            "This month the truly best (◆ {code}) is number {rank} of {staff}."
        ).format(
            n=int(round(result.counts.mean())),
            best=big(percent_text(result.best_on_top)),
            rounds=ranking.ROUNDS,
            luck=percent_text(1 / ranking.STAFF),
            worst=percent_text(result.worst_at_bottom),
            code=ranking.CODES[ranking.BEST],
            rank=result.rank_of(ranking.BEST),
            staff=ranking.STAFF,
        )
        + " "
        + shown
    )


def staff_funnel_simulator() -> Simulator:
    """Sliders: surveys per person, the real gap between best and worst, the month shown →
    funnel plot of that simulated month (CSAT against surveys, with chance's limits); caption:
    how often the truly best comes top over 2,000 months, and where they stand this month."""
    grid = np.unique(np.geomspace(1, FUNNEL_SURVEYS[1], 60).astype(int))
    figure = _figure(grid)

    def draw(fig: go.FigureWidget, result: ranking.Rankings) -> None:
        colours, symbols = marker_look(result.equal)
        counts, shown = result.counts.tolist(), result.shown_month().tolist()
        fig.data[0].x = dodge(counts, shown)
        fig.data[0].y = shown
        fig.data[0].customdata = counts
        fig.data[0].textfont.color = [text_on(c) for c in colours]
        fig.data[0].marker.color = colours
        fig.data[0].marker.symbol = symbols
        month = result.observed[result.month]
        centre = float((month * result.counts).sum() / result.counts.sum())
        low, high = share_limits(centre, grid)
        fig.data[1].y = (100 * low).tolist()
        fig.data[2].y = (100 * high).tolist()
        fig.data[3].y = [100 * centre] * 2
        fig.layout.annotations[0].text = "<br>".join(key_lines(result.equal))

    controls = {name: slider_for(p) for name, p in ranking.PARAMETERS.items()}
    return Simulator("staff-funnel", controls, figure, ranking.simulate_rankings, draw, caption)
