"""The simulators of notebook 04: sliders and charts in front of the lesson's models.

Each factory builds a :class:`~helpers.simulator.Simulator`: the model runs once per slider move,
and its result feeds both the chart (changed in place) and the caption under it.
"""

from __future__ import annotations

import numpy as np
import plotly.graph_objects as go
from plotly.subplots import make_subplots

from helpers.figure import CourseFigure
from helpers.i18n import _, ngettext
from helpers.lessons.feedback import iceberg, response, scores
from helpers.lessons.feedback.staff_simulator import staff_funnel_simulator
from helpers.simulator import Simulator, big, percent_text, slider_for
from helpers.theme import COLOURS, MEANING, key_inside

_FADED = 0.35
#: The bars' bins (points), centred on round scores, one bar per 10 points: with n answers an NPS
#: or a CSAT moves in steps of 100/n, so every bin holds as many possible scores as the next (n/10
#: for NPS; narrower CSAT bins would zigzag at 30 answers).
#: Bars, not a dot per survey: 2,000 dots took the browser over 100 ms to redraw on each move.
NPS_BINS = np.arange(-100, 101, 10)
CSAT_BINS = np.arange(0, 101, 10)


def _points(value: float) -> str:
    return f"{value:.0f}"


# --- How sure is a score? ---


def survey_counts(values: np.ndarray, centres: np.ndarray) -> np.ndarray:
    """How many surveys landed in each bin around the evenly spaced ``centres`` (a score on the
    edge between two bins counts in the upper one)."""
    half = (centres[1] - centres[0]) / 2
    edges = np.append(centres - half, centres[-1] + half)
    return np.histogram(values, bins=edges)[0]


def _spread_figure() -> go.FigureWidget:
    base = make_subplots(rows=1, cols=2, horizontal_spacing=0.16)
    for col, colour, centres, hover in (
        (1, COLOURS["blue"], NPS_BINS, _("%{x} surveys with an NPS of about %{y}")),
        (2, COLOURS["purple"], CSAT_BINS, _("%{x} surveys with a CSAT of about %{y} %")),
    ):
        base.add_trace(
            go.Bar(
                orientation="h",
                y=centres,
                x=np.zeros(len(centres), dtype=int),
                width=0.85 * (centres[1] - centres[0]),
                marker=dict(color=colour, opacity=0.75, line_width=0),
                hovertemplate=hover + "<extra></extra>",
            ),
            row=1,
            col=col,
        )
    base.update_xaxes(
        title=_("surveys (of 1,000)"), range=[0, scores.SURVEYS], showgrid=False, fixedrange=True
    )
    base.update_yaxes(range=[-105, 105], title=_("NPS of one survey (points)"), row=1, col=1)
    base.update_yaxes(range=[-5, 105], title=_("CSAT of one survey (%)"), row=1, col=2)
    base.update_yaxes(fixedrange=True)
    for ref in ("", "2"):
        base.add_shape(  # the ±95 % band, behind the bars
            type="rect", xref=f"x{ref} domain", yref=f"y{ref}", x0=0, x1=1, y0=0, y1=0,
            fillcolor=MEANING["neutral"], opacity=0.3, line_width=0, layer="below",
        )  # fmt: skip
        base.add_shape(  # the truth
            type="line", xref=f"x{ref} domain", yref=f"y{ref}", x0=0, x1=1, y0=0, y1=0,
            line=dict(color="#1A1A1A", width=4),
        )  # fmt: skip
    base.update_layout(
        title=_("1,000 surveys of the same shop: how far from the truth?"),
        showlegend=False,
        bargap=0,
        height=560,
        margin=dict(t=150),
        annotations=[
            key_inside(
                (
                    _("each bar: how many surveys scored about that · black line: the truth"),
                    _("pale blue band: within the 95 % margin"),
                ),
                y=1.2,
            )
        ],
    )
    return CourseFigure(base)


def score_spread_simulator() -> Simulator:
    """Sliders: answers per survey, the true shares → bars: how the NPS and CSAT of 1,000 surveys
    of the same shop spread, the truth, and the 95 % margin around it."""
    figure = _spread_figure()

    def draw(fig: go.FigureWidget, spread: scores.ScoreSpread) -> None:
        fig.data[0].x = survey_counts(spread.nps, NPS_BINS)
        fig.data[1].x = survey_counts(spread.csat, CSAT_BINS)
        truths = (spread.true_nps, 100 * spread.true_csat)
        margins = (spread.nps_margin, spread.csat_margin)
        for panel, (truth, margin) in enumerate(zip(truths, margins, strict=True)):
            band, line = fig.layout.shapes[2 * panel], fig.layout.shapes[2 * panel + 1]
            band.y0, band.y1 = truth - margin, truth + margin
            line.y0 = line.y1 = truth

    def caption(spread: scores.ScoreSpread) -> str:
        return spread_caption(spread)

    controls = {name: slider_for(p) for name, p in scores.PARAMETERS.items()}
    return Simulator("score-spread", controls, figure, scores.simulate_surveys, draw, caption)


def spread_caption(spread: scores.ScoreSpread) -> str:
    """The spread simulator's caption. The range is the shown truth ± the shown margin, so the
    numbers on screen add up (20 ± 15 reads "5 to 35")."""
    truth, margin = round(spread.true_nps), round(spread.nps_margin)
    return _(
        "With {n} answers, one survey's NPS lands within {margin} points of the truth "
        "({truth}) 95 times in 100: anywhere from {low} to {high}. CSAT: within ±{c_margin} "
        "points of {c_truth} %."
    ).format(
        n=spread.answers,
        margin=big(f"±{margin}"),
        truth=truth,
        low=max(truth - margin, -100),
        high=min(truth + margin, 100),
        c_margin=_points(spread.csat_margin),
        c_truth=_points(100 * spread.true_csat),
    )


# --- Who answers? ---


def response_measures() -> list[str]:
    """The three measures the response chart compares, in the current language."""
    return [_("unhappy<br>(1s and 2s)"), _("CSAT<br>(4s and 5s)"), _("delighted<br>(5s)")]


def _measures(result: response.Response, survey: bool) -> list[float]:
    shares = result.answered if survey else result.mix
    values = [shares[:2].sum(), shares[3:].sum(), shares[4]]
    return [0.0 if np.isnan(v) else 100 * float(v) for v in values]


def who_answers_simulator() -> Simulator:
    """Sliders: how many delighted, content and unhappy customers answer → bars: what the survey
    says against the truth (all visits), for the unhappy, CSAT and the delighted."""
    names = response_measures()
    figure = CourseFigure(
        data=[
            go.Bar(
                name=_("the survey says"),
                x=names,
                y=[0.0] * 3,
                marker_color=COLOURS["blue"],
                texttemplate="%{y:.0f} %",
                textposition="outside",
                cliponaxis=False,
                hovertemplate=_("the survey: %{y:.1f} %") + "<extra></extra>",
            ),
            go.Bar(
                name=_("the truth (every visit)"),
                x=names,
                y=[0.0] * 3,
                marker=dict(color="rgba(0,0,0,0)", line=dict(color="#1A1A1A", width=3)),
                texttemplate="%{y:.0f} %",
                textposition="outside",
                cliponaxis=False,
                hovertemplate=_("the truth: %{y:.1f} %") + "<extra></extra>",
            ),
        ],
        layout=go.Layout(
            title=_("Who answers? What the survey says, and the truth"),
            barmode="group",
            yaxis=dict(title=_("% of customers"), range=[0, 110], fixedrange=True),
            xaxis=dict(fixedrange=True),
            legend=dict(orientation="h", x=0.01, y=1.02, yanchor="bottom"),
            margin=dict(t=130),
        ),
    )

    def draw(fig: go.FigureWidget, result: response.Response) -> None:
        fig.data[0].y = _measures(result, survey=True)
        fig.data[1].y = _measures(result, survey=False)

    def caption(result: response.Response) -> str:
        return response_caption(result)

    controls = {name: slider_for(p) for name, p in response.PARAMETERS.items()}
    return Simulator("who-answers", controls, figure, response.survey_response, draw, caption)


def response_caption(result: response.Response) -> str:
    """The who-answers caption; the gap is the difference of the two numbers shown (83 % and
    78 %: 5 points), and "no difference" when they are the same."""
    if result.response_rate == 0:
        return _("Nobody answers: the survey says nothing at all.")
    survey, truth = round(100 * result.survey_csat), round(100 * result.true_csat)
    gap = survey - truth
    if gap == 0:
        off = _("no difference")
    elif gap > 0:
        off = ngettext("{points} point too high", "{points} points too high", gap)
    else:
        off = ngettext("{points} point too low", "{points} points too low", -gap)
    off = off.format(points=abs(gap))
    return _(
        "The survey's CSAT is {survey}, the true CSAT {truth}: {off}. {rate} of customers answered."
    ).format(
        survey=big(f"{survey} %"),
        truth=f"{truth} %",
        off=off,
        rate=percent_text(result.response_rate),
    )


# --- The complaint iceberg ---


def iceberg_groups() -> list[str]:
    """The iceberg's three bars, in the current language."""
    return [
        _("complained,<br>put right"),
        _("complained,<br>not put right"),
        _("never<br>complained"),
    ]


def complaint_iceberg_simulator() -> Simulator:
    """Sliders: how many unhappy customers complain, how many complaints are put right → bars
    above the waterline (complaints heard) and below it (unhappy customers never heard from),
    solid: those who stay; caption: what the complaints put right are worth (CLV)."""
    groups = iceberg_groups()
    colours = [MEANING["good"], MEANING["bad"], COLOURS["sky"]]
    ticks = [-100, -75, -50, -25, 0, 25, 50]
    figure = CourseFigure(
        data=[
            go.Bar(
                x=groups,
                y=[0.0] * 3,
                marker=dict(color=colours, opacity=_FADED),
                text=[""] * 3,
                textposition="outside",
                cliponaxis=False,
                hovertemplate="%{x}: %{text}<extra></extra>",
            ),
            go.Bar(
                x=groups,
                y=[0.0] * 3,
                marker=dict(color=colours),
                hoverinfo="skip",
            ),
        ],
        layout=go.Layout(
            title=_("100 unhappy customers: the complaints we hear, and the rest"),
            barmode="overlay",
            yaxis=dict(
                title=_("customers (of 100 unhappy)"),
                range=[-112, 62],
                tickvals=ticks,
                ticktext=[str(abs(t)) for t in ticks],
                fixedrange=True,
                zeroline=True,
                zerolinewidth=3,
                zerolinecolor=COLOURS["blue"],
            ),
            xaxis=dict(fixedrange=True),
            showlegend=False,
            height=600,
            margin=dict(t=150),
            annotations=[
                key_inside(
                    (
                        _("above the blue waterline: what the shop hears · below: what it never"),
                        _("pale bar: all of them · solid: those who stay customers"),
                    ),
                    y=1.2,
                )
            ],
        ),
    )

    def draw(fig: go.FigureWidget, result: iceberg.Iceberg) -> None:
        counts = (result.put_right, result.not_put_right, result.silent)
        kept = result.kept_by_group
        fig.data[0].y = [counts[0], counts[1], -counts[2]]
        fig.data[0].text = [
            _("{count}, {kept} stay").format(count=f"{c:.0f}", kept=f"{k:.0f}")
            for c, k in zip(counts, kept, strict=True)
        ]
        fig.data[1].y = [kept[0], kept[1], -kept[2]]

    def caption(result: iceberg.Iceberg) -> str:
        return _(
            "The shop hears from {heard} of 100 unhappy customers. {kept} of the 100 stay. "
            "Each complaint put right keeps {extra} customers more than one argued with: worth "
            "about {value} each before the cost of the remedy (a customer's lifetime value "
            "{clv} × {extra})."
        ).format(
            heard=big(f"{result.complaints:.0f}"),
            kept=big(str(result.kept_shown)),
            extra=f"{iceberg.KEPT_IF_PUT_RIGHT - iceberg.KEPT_IF_NOT:.1f}",
            value=f"{iceberg.value_of_putting_right():.0f}",
            clv=f"{iceberg.customer_value():.0f}",
        )

    controls = {name: slider_for(p) for name, p in iceberg.PARAMETERS.items()}
    return Simulator("complaint-iceberg", controls, figure, iceberg.iceberg, draw, caption)


__all__ = [
    "complaint_iceberg_simulator",
    "score_spread_simulator",
    "staff_funnel_simulator",
    "who_answers_simulator",
]
