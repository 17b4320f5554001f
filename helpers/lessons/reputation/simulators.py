"""The simulators of notebook 03: word of mouth month by month, Bass diffusion, the J-shape.

Each factory builds a :class:`~helpers.simulator.Simulator`: the model runs once per slider move,
and its result feeds both the chart (changed in place) and the caption under it. The network
picture is in :mod:`.network_picture`, the refund calculator and the drill in
:mod:`.recovery_simulators`.
"""

from __future__ import annotations

import plotly.graph_objects as go

from helpers.figure import CourseFigure
from helpers.i18n import _
from helpers.lessons.reputation import bass, reviews, word_of_mouth
from helpers.lessons.reputation.bass import BassCurve
from helpers.lessons.reputation.reviews import ReviewOutcome
from helpers.lessons.reputation.word_of_mouth import MONTHS, WordOfMouthOutcome
from helpers.simulator import Simulator, big, percent_text, slider_for
from helpers.theme import COLOURS, MEANING, TEXT_MUTED, key_above

#: The word-of-mouth chart shows up to this many customers a month, each way (the largest
#: months at the sliders' ends go beyond it; the caption gives the totals).
MONTHLY_AXIS = 150
#: The monthly chart's plot height: a little lower than the others, so the chart, six sliders and
#: the caption fit a projector's screen together.
MONTHLY_PLOT = 280
#: New customers per period in the Bass chart: the most any slider setting gives is about 25 %.
BASS_AXIS = 26


def top_margin(lines: int) -> int:
    """Room above the plot for the title and a key of ``lines`` lines."""
    return 70 + 26 * lines


def figure_height(lines: int, plot: int = 330) -> int:
    """A figure tall enough for ``plot`` pixels of plot, the axis below, and the title and key."""
    return plot + 110 + top_margin(lines)


def title(text: str) -> dict:
    """The chart's title, pinned to the top of the figure so the key under it has its room."""
    return dict(text=text, yref="container", y=1, yanchor="top", pad=dict(t=16))


# --------------------------------------------------------------------------------------------
# Word of mouth, month by month
# --------------------------------------------------------------------------------------------


def month_labels() -> list[str]:
    return [str(m) for m in range(1, MONTHS + 1)]


def _monthly_figure() -> go.FigureWidget:
    """Bars up: customers won through praise; bars down: customers lost after a warning."""
    months = month_labels()
    return CourseFigure(
        data=[
            go.Bar(
                name=_("won through praise"),
                x=months,
                y=[0.0] * MONTHS,
                marker=dict(color=MEANING["good"]),
                hovertemplate=_("month %{x}: %{y} customers won") + "<extra></extra>",
            ),
            go.Bar(
                name=_("lost after a warning"),
                x=months,
                y=[0.0] * MONTHS,
                marker=dict(color=MEANING["bad"], pattern=dict(shape="/", fgcolor="white")),
                hovertemplate=_("month %{x}: %{customdata} customers lost") + "<extra></extra>",
                customdata=[0] * MONTHS,
            ),
        ],
        layout=go.Layout(
            title=title(_("Word of mouth: customers won and lost each month")),
            barmode="relative",
            xaxis=dict(title=_("month"), fixedrange=True),
            yaxis=dict(
                title=_("customers (won up, lost down)"),
                range=[-MONTHLY_AXIS, MONTHLY_AXIS],
                fixedrange=True,
            ),
            showlegend=False,
            annotations=[
                key_above(
                    (
                        _("green, up: won through praise"),
                        _("red, striped, down: lost after a warning"),
                    )
                )
            ],
            margin=dict(t=top_margin(2)),
            height=figure_height(2, plot=MONTHLY_PLOT),
        ),
    )


def _draw_monthly(fig: go.FigureWidget, outcome: WordOfMouthOutcome) -> None:
    fig.data[0].y = outcome.won.tolist()
    fig.data[1].y = (-outcome.lost).tolist()
    fig.data[1].customdata = outcome.lost.tolist()


def _monthly_caption(outcome: WordOfMouthOutcome) -> str:
    from helpers.lessons.reputation.tables import praise_per_warning_text

    return _(
        "In a year word of mouth won {won} customers and lost {lost}: net {net}. "
        "Praise messages per warning: {ratio}."
    ).format(
        won=outcome.total_won,
        lost=outcome.total_lost,
        net=big(f"{outcome.net:+d}"),
        ratio=praise_per_warning_text(outcome.praise_per_warning),
    )


def word_of_mouth_simulator() -> Simulator:
    """Sliders: delighted and unhappy visits, who talks, the extra people beyond close ties who
    hear a warning (the folklore) or praise → bars: customers won and lost through word of
    mouth, month by month."""
    controls = {name: slider_for(spec) for name, spec in word_of_mouth.PARAMETERS.items()}
    return Simulator(
        "word-of-mouth",
        controls,
        _monthly_figure(),
        word_of_mouth.spread,
        _draw_monthly,
        _monthly_caption,
    )


# --------------------------------------------------------------------------------------------
# Bass diffusion
# --------------------------------------------------------------------------------------------


def _bass_figure() -> go.FigureWidget:
    """Two stacked bands (outside influence below, word of mouth above) and the peak's line."""
    return CourseFigure(
        data=[
            go.Scatter(
                name=_("came on their own"),
                x=[0.0],
                y=[0.0],
                mode="lines",
                line=dict(color=COLOURS["blue"], width=3),
                fill="tozeroy",
                fillcolor="rgba(0,114,178,0.35)",
                hovertemplate=_("period %{x:.1f}: %{y:.1f} % came on their own")
                + "<extra></extra>",
            ),
            go.Scatter(
                name=_("all new customers"),
                x=[0.0],
                y=[0.0],
                mode="lines",
                line=dict(color=COLOURS["green"], width=4),
                fill="tonexty",
                fillcolor="rgba(0,158,115,0.3)",
                hovertemplate=_("period %{x:.1f}: %{y:.1f} % in all") + "<extra></extra>",
            ),
        ],
        layout=go.Layout(
            title=title(_("Bass diffusion: new customers per period")),
            xaxis=dict(title=_("period (usually years)"), range=[0, bass.PERIODS], fixedrange=True),
            yaxis=dict(
                title=_("new customers (% of market)"),
                range=[0, BASS_AXIS],
                fixedrange=True,
            ),
            showlegend=False,
            shapes=[
                dict(
                    type="line",
                    x0=0,
                    x1=0,
                    y0=0,
                    y1=1,
                    yref="paper",
                    line=dict(color=TEXT_MUTED, width=2, dash="dash"),
                )
            ],
            annotations=[
                key_above(
                    (
                        _("blue, lower band: came on their own (p)"),
                        _("green, upper band: pulled in by customers (q)"),
                        _("dashed line: when new customers peak (none if q ≤ p)"),
                    )
                )
            ],
            margin=dict(t=top_margin(3)),
            height=figure_height(3),
        ),
    )


def bass_simulator() -> Simulator:
    """Sliders: p (who come on their own) and q (how strongly customers pull in others) → new
    customers per period, split by what brought them, with the peak marked when there is one."""

    def compute(values: dict[str, float]) -> BassCurve:
        return bass.bass_curve(values["p"], values["q"])

    def draw(fig: go.FigureWidget, curve: BassCurve) -> None:
        t = curve.t.round(3).tolist()
        fig.data[0].x, fig.data[0].y = t, (100 * curve.outside).tolist()
        fig.data[1].x, fig.data[1].y = t, (100 * curve.total).tolist()
        fig.layout.shapes[0].x0 = fig.layout.shapes[0].x1 = curve.peak
        # No peak when q ≤ p: a line at 0 would read as "a peak at the start".
        fig.layout.shapes[0].visible = curve.has_peak

    def caption(curve: BassCurve) -> str:
        if not curve.has_peak:
            return _(
                "No peak: with q at or below p, new customers are most numerous at the very "
                "start. By period {end}, {reached} of the market has come, {wom} of them "
                "pulled in by customers."
            ).format(
                end=bass.PERIODS,
                reached=percent_text(curve.reached[-1]),
                wom=big(percent_text(curve.word_of_mouth_share)),
            )
        return _(
            "New customers peak at period {peak}. By period {end}, {reached} of the market "
            "has come, {wom} of them pulled in by customers."
        ).format(
            peak=big(f"{curve.peak:.2f}"),
            end=bass.PERIODS,
            reached=percent_text(curve.reached[-1]),
            wom=percent_text(curve.word_of_mouth_share),
        )

    controls = {name: slider_for(spec) for name, spec in bass.PARAMETERS.items()}
    controls["p"].readout_format = ".3f"  # steps of 0.005 need three decimals
    return Simulator("bass", controls, _bass_figure(), compute, draw, caption)


# --------------------------------------------------------------------------------------------
# The J-shape
# --------------------------------------------------------------------------------------------


def star_labels() -> list[str]:
    return [_("1 ★"), _("2 ★"), _("3 ★"), _("4 ★"), _("5 ★")]


def _reviews_figure() -> go.FigureWidget:
    """Paired bars at each star: the reviews (orange, changed by the sliders) and all customers."""
    truth = reviews.true_opinion()
    return CourseFigure(
        data=[
            go.Bar(
                name=_("stars online (reviews)"),
                x=star_labels(),
                y=[0.0] * 5,
                marker=dict(color=COLOURS["orange"]),
                texttemplate="%{y:.0f} %",
                textposition="outside",
                cliponaxis=False,
                hovertemplate=_("%{x}: %{y:.1f} % of reviews") + "<extra></extra>",
            ),
            go.Bar(
                name=_("true opinion of all customers"),
                x=star_labels(),
                y=(100 * truth).tolist(),
                marker=dict(color=COLOURS["blue"], pattern=dict(shape="x", fgcolor="white")),
                texttemplate="%{y:.0f} %",
                textposition="outside",
                cliponaxis=False,
                hovertemplate=_("score %{x}: %{y:.1f} % of all customers") + "<extra></extra>",
            ),
        ],
        layout=go.Layout(
            title=title(_("Stars online against what all customers think")),
            barmode="group",
            xaxis=dict(title=_("stars, or satisfaction score"), fixedrange=True),
            yaxis=dict(title=_("% of reviews / of customers"), range=[0, 115], fixedrange=True),
            showlegend=False,
            annotations=[
                key_above(
                    (
                        _("orange, left: stars online (those who write)"),
                        _("blue, crossed, right: all customers (true opinion)"),
                    )
                )
            ],
            margin=dict(t=top_margin(2)),
            height=figure_height(2),
        ),
    )


def reviews_simulator() -> Simulator:
    """Sliders: how likely customers at each score are to write → bars: the stars online beside
    the true opinion of all customers (notebook 01's simulator)."""

    def draw(fig: go.FigureWidget, outcome: ReviewOutcome) -> None:
        fig.data[0].y = (100 * outcome.online_shares).tolist()

    def caption(outcome: ReviewOutcome) -> str:
        if not outcome.reviews_per_100:
            return _("Nobody writes: there are no stars online at all.")
        return _(
            "5 stars: {five} of reviews, against {five_true} of customers. "
            "1 or 5 stars: {online} of reviews, {truth} of customers. "
            "Average online {online_mean} stars, true average {true_mean}. "
            "{per_100} reviews per 100 customers."
        ).format(
            five=big(percent_text(outcome.online_shares[4])),
            five_true=percent_text(outcome.true_shares[4]),
            online=percent_text(outcome.extremes_online),
            truth=percent_text(outcome.extremes_true),
            online_mean=f"{outcome.online_mean:.2f}",
            true_mean=f"{outcome.true_mean:.2f}",
            per_100=f"{outcome.reviews_per_100:.1f}",
        )

    controls = {name: slider_for(spec) for name, spec in reviews.PARAMETERS.items()}
    return Simulator("reviews", controls, _reviews_figure(), reviews.online_reviews, draw, caption)
