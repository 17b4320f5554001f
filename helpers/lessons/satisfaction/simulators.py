"""The simulators of notebook 01: sliders and charts in front of :mod:`.model`.

Each factory builds a :class:`~helpers.simulator.Simulator`: the model runs once per slider move,
and its result feeds both the chart (changed in place) and the caption under it.
"""

from __future__ import annotations

import plotly.graph_objects as go

from helpers.figure import CourseFigure
from helpers.i18n import _, ngettext
from helpers.lessons.satisfaction import experiments, model, return_link
from helpers.lessons.satisfaction.experiments import InterestOutcome
from helpers.lessons.satisfaction.model import BAD_MOMENTS, PARAMETERS, SatisfactionOutcome
from helpers.lessons.satisfaction.return_link import SCORES, ZONE_OF_SCORE, ZONES
from helpers.lessons.satisfaction.tables import moment_names
from helpers.simulator import Simulator, big, percent_text, slider_for
from helpers.theme import (
    COLOURS,
    LINE_HEIGHT,
    MEANING,
    TEXT_MUTED,
    key_above,
    key_margin,
    text_colour,
)

#: The service behaviours, in the order the first simulator shows them.
SERVICE_SLIDERS = (
    "courtesy",
    "questions_answered",
    "problems_fixed",
    "listening",
    "warmth",
    "wait_minutes",
)

#: The zones of Jones & Sasser 1995 in the course's colours.
ZONE_COLOURS: dict[str, str] = {
    "defection": MEANING["bad"],
    "indifference": MEANING["neutral"],
    "affection": MEANING["good"],
}
_BAR_COLOURS = [ZONE_COLOURS[ZONE_OF_SCORE[s]] for s in SCORES]
_FADED = 0.35


def score_labels() -> list[str]:
    """The x-axis labels of the 1-5 scale, in the current language."""
    return [
        _("1<br>very unhappy"),
        "2",
        "3",
        _("4<br>satisfied"),
        _("5<br>delighted"),
    ]


def zone_name(zone: str) -> str:
    """A zone's name in the current language."""
    return {
        "defection": _("defection"),
        "indifference": _("indifference"),
        "affection": _("affection"),
    }[zone]


def _zone_annotations(first: float) -> list[dict]:
    """Zone names above the chart (fixed, created once); ``first`` is where score 1 sits."""
    places = {"defection": 0.5, "indifference": 2.5, "affection": 4.0}
    return [
        dict(
            x=first + places[zone],
            y=1.0,
            xref="x",
            yref="paper",
            yanchor="bottom",
            text=f"<b>{zone_name(zone)}</b>",
            showarrow=False,
            font=dict(color=text_colour(ZONE_COLOURS[zone])),
        )
        for zone in ZONES
    ]


#: Where a key sits above the zone names written along the plot's top edge (px).
OVER_ZONES = LINE_HEIGHT + 8


def _score_figure(title: str, notes: tuple[str, ...] = ()) -> go.FigureWidget:
    """Bars of customers at each score, faded, with the ones coming back solid on top."""
    keys = (_("pale bar: all customers with this score"), _("solid: those who come back next time"))
    labels = score_labels()
    return CourseFigure(
        data=[
            go.Bar(
                name=_("customers with this score"),
                x=labels,
                y=[0.0] * 5,
                marker=dict(color=_BAR_COLOURS, opacity=_FADED),
                texttemplate="%{y:.0f} %",
                textposition="outside",
                hovertemplate=_("score %{x}: %{y:.1f} % of customers") + "<extra></extra>",
            ),
            go.Bar(
                name=_("of them, come back next time"),
                x=labels,
                y=[0.0] * 5,
                marker=dict(color=_BAR_COLOURS),
                hovertemplate=_("score %{x}: %{y:.1f} % of all customers come back")
                + "<extra></extra>",
            ),
        ],
        layout=go.Layout(
            title=title,
            barmode="overlay",
            xaxis=dict(title=_("satisfaction score")),
            yaxis=dict(title=_("% of customers"), range=[0, 100], fixedrange=True),
            showlegend=False,
            # The key (instead of a legend, whose swatch would show only the first bar's colour)
            # above the zone names, both above the plot: no bar or value label reaches them.
            annotations=[*_zone_annotations(first=0), key_above((*keys, *notes), OVER_ZONES)],
            margin=dict(t=key_margin((*keys, *notes), OVER_ZONES)),
        ),
    )


def _show_scores(fig: go.FigureWidget, outcome: SatisfactionOutcome) -> None:
    fig.data[0].y = (100 * outcome.shares).tolist()
    fig.data[1].y = (100 * outcome.back_by_score / outcome.size).tolist()


def _score_caption(outcome: SatisfactionOutcome) -> str:
    table = outcome.by_score()
    four, five = table.loc[4], table.loc[5]
    return _(
        "{back} come back next time. Delighted (5): {five_share} of customers, {five_back} of "
        "them come back. Satisfied (4): {four_share}, only {four_back} of them come back. "
        "CSAT (4s and 5s): {csat}."
    ).format(
        back=big(percent_text(outcome.share_coming_back)),
        five_share=percent_text(five["share"]),
        five_back=percent_text(five["return_rate"]),
        four_share=percent_text(four["share"]),
        four_back=percent_text(four["return_rate"]),
        csat=percent_text(outcome.csat),
    )


def satisfaction_simulator() -> Simulator:
    """Sliders: the service behaviours → bars: customers at each satisfaction score, and who
    comes back. The first slider (courtesy) moves hundreds of customers in one step."""
    figure = _score_figure(_("How satisfied are our customers, and who comes back?"))
    controls = {name: slider_for(PARAMETERS[name]) for name in SERVICE_SLIDERS}
    return Simulator("satisfaction", controls, figure, model.simulate, _show_scores, _score_caption)


def loyalty_curve_simulator() -> Simulator:
    """Sliders: how steep the top is (5-vs-4 ratio) and customers' interest → line: chance of
    coming back at each score, for the mix of customers and for each group."""
    grey = TEXT_MUTED
    figure = CourseFigure(
        data=[
            go.Scatter(
                name=_("our customers"),
                x=list(SCORES),
                y=[0.0] * 5,
                mode="lines+markers+text",
                line=dict(color=COLOURS["blue"]),
                marker=dict(color=_BAR_COLOURS, size=18, line=dict(color="#1A1A1A", width=1)),
                texttemplate="%{y:.0f} %",
                textposition="top left",
                hovertemplate=_("score %{x}: %{y:.1f} % come back") + "<extra></extra>",
            ),
            go.Scatter(
                name=_("with a real reason to come"),
                x=list(SCORES),
                y=[0.0] * 5,
                mode="lines",
                line=dict(color=grey, width=2, dash="dash"),
                hovertemplate=_("with a reason, score %{x}: %{y:.1f} %") + "<extra></extra>",
            ),
            go.Scatter(
                name=_("with no reason to come"),
                x=list(SCORES),
                y=[0.0] * 5,
                mode="lines",
                line=dict(color=grey, width=2, dash="dot"),
                hovertemplate=_("no reason, score %{x}: %{y:.1f} %") + "<extra></extra>",
            ),
        ],
        layout=go.Layout(
            title=_("From satisfied to loyal: who comes back, by score"),
            xaxis=dict(
                title=_("satisfaction score"),
                range=[0.6, 5.4],
                tickvals=list(SCORES),
                ticktext=score_labels(),
                fixedrange=True,
            ),
            yaxis=dict(title=_("% who come back next time"), range=[0, 100], fixedrange=True),
            legend=dict(x=0.02, y=0.95),
            annotations=_zone_annotations(first=1),
            margin=dict(t=110),
        ),
    )

    def compute(values: dict[str, float]):
        return return_link.return_curve(values["top_ratio"], values["interest"] / 100)

    def draw(fig: go.FigureWidget, curve) -> None:
        fig.data[0].y = (100 * curve["all_customers"]).tolist()
        fig.data[1].y = (100 * curve["with_reason"]).tolist()
        fig.data[2].y = (100 * curve["without_reason"]).tolist()

    def caption(curve) -> str:
        mix = curve["all_customers"]
        return _(
            "A delighted customer (5) is {ratio} as likely to come back as a satisfied one (4): "
            "{five} against {four}."
        ).format(
            ratio=big(f"{mix[5] / mix[4]:.1f}×"),
            five=percent_text(mix[5]),
            four=percent_text(mix[4]),
        )

    controls = {name: slider_for(PARAMETERS[name]) for name in ("top_ratio", "interest")}
    return Simulator("loyalty-curve", controls, figure, compute, draw, caption)


def bad_moments_simulator() -> Simulator:
    """Sliders: how much a bad moment weighs, and how many visits have one → bars: customers at
    each score (faded) and who comes back (solid), with the "nothing went wrong" outline."""
    figure = _score_figure(
        _("Five moments per visit: what does a bad one cost?"),
        notes=(_("outline: if no moment went badly"),),
    )
    clean = experiments.bad_moment_outcome(0, PARAMETERS["bad_weight"].default)
    figure.add_bar(
        name=_("if no moment went badly"),
        x=score_labels(),
        y=(100 * clean.shares).tolist(),
        marker=dict(color="rgba(0,0,0,0)", line=dict(color="#1A1A1A", width=2)),
        hovertemplate=_("no bad moments, score %{x}: %{y:.1f} %") + "<extra></extra>",
    )

    def compute(values: dict[str, float]) -> SatisfactionOutcome:
        return experiments.bad_moment_outcome(values["percent_bad_moments"], values["bad_weight"])

    def caption(outcome: SatisfactionOutcome) -> str:
        weight = outcome.params.bad_weight
        return _(
            "{unhappy} unhappy (score 1 or 2), {clean_unhappy} if nothing went wrong. {back} come "
            "back ({clean_back} if nothing went wrong). A bad moment counts {weight}×: {makeup}"
        ).format(
            makeup=ngettext(
                "one good moment makes up for one bad one.",
                "it takes {weight} good moments to make up for one bad one.",
                1 if weight == 1 else 2,
            ).format(weight=f"{weight:g}"),
            unhappy=big(percent_text(outcome.zone_shares["defection"])),
            clean_unhappy=percent_text(clean.zone_shares["defection"]),
            back=percent_text(outcome.share_coming_back),
            clean_back=percent_text(clean.share_coming_back),
            weight=f"{weight:g}",
        )

    controls = {
        "bad_weight": slider_for(PARAMETERS["bad_weight"]),
        "percent_bad_moments": slider_for(BAD_MOMENTS),
    }
    return Simulator("bad-moments", controls, figure, compute, _show_scores, caption)


def interest_groups() -> list[str]:
    """The interest simulator's three bars, in the current language."""
    return [_("with a real reason to come"), _("with no reason to come"), _("all our customers")]


def interest_simulator() -> Simulator:
    """Sliders: customers with a reason to come, and warmth → bars: share coming back with a
    reason, without one, and overall. Service is not everything."""
    figure = CourseFigure(
        data=[
            go.Bar(
                x=interest_groups(),
                y=[0.0] * 3,
                marker_color=[MEANING["good"], MEANING["bad"], COLOURS["blue"]],
                texttemplate="%{y:.0f} %",
                textposition="outside",
                hovertemplate=_("%{x}: %{y:.1f} % come back") + "<extra></extra>",
            )
        ],
        layout=go.Layout(
            title=_("Same service, different customers: who comes back?"),
            yaxis=dict(title=_("% who come back next time"), range=[0, 100], fixedrange=True),
            xaxis=dict(fixedrange=True),
            showlegend=False,
        ),
    )

    def draw(fig: go.FigureWidget, shares: InterestOutcome) -> None:
        fig.data[0].y = [
            100 * shares.with_reason,
            100 * shares.without_reason,
            100 * shares.all_customers,
        ]

    def caption(shares: InterestOutcome) -> str:
        return _(
            "{all} of all customers come back: {with_reason} of those with a reason to come, "
            "{without} of those without one."
        ).format(
            all=big(percent_text(shares.all_customers)),
            with_reason=percent_text(shares.with_reason),
            without=percent_text(shares.without_reason),
        )

    controls = {name: slider_for(PARAMETERS[name]) for name in ("interest", "warmth")}
    return Simulator("interest", controls, figure, experiments.interest_outcome, draw, caption)


KIND_COLOURS = {
    model.MUST_BE: MEANING["bad"],
    model.ONE_DIMENSIONAL: COLOURS["blue"],
    model.ATTRACTIVE: COLOURS["purple"],
}
COSTS_AXIS_MAX = 42  # the largest loss any slider setting gives is about 40 per 100


def moment_costs_simulator() -> Simulator:
    """Sliders: how often problems happen and get fixed, the wait, warmth → bars: customers in 100
    lost by each moment, labelled with exposure (how many it touches) × impact (cost to each)."""
    names = moment_names()
    rows = list(experiments.COST_ROWS)[::-1]  # plotly draws the first row at the bottom
    keys = (
        _("red: must-be · blue: one-dimensional · purple: attractive"),
        _("label: customers it touches × chance of return it costs each"),
    )
    figure = CourseFigure(
        data=[
            go.Bar(
                y=[names[r] for r in rows],
                x=[0.0] * len(rows),
                orientation="h",
                marker_color=[
                    KIND_COLOURS[model.MOMENTS[r].kind if r != "wait" else model.MUST_BE]
                    for r in rows
                ],
                text=[""] * len(rows),
                textposition="outside",
                cliponaxis=False,
                hovertemplate="%{y}: %{x:.1f}<extra></extra>",
            )
        ],
        layout=go.Layout(
            title=_("Which moments cost us most customers? Touched × cost to each"),
            xaxis=dict(
                title=_("customers in 100 who do not come back because of it"),
                range=[0, COSTS_AXIS_MAX],
                fixedrange=True,
            ),
            yaxis=dict(fixedrange=True, automargin=True),
            showlegend=False,
            annotations=[key_above(keys)],
            margin=dict(t=key_margin(keys), r=40),
            height=560,
        ),
    )

    def compute(values: dict[str, float]):
        return experiments.moment_costs(values)

    def draw(fig: go.FigureWidget, table) -> None:
        ordered = table.loc[rows]
        fig.data[0].x = ordered["lost_per_100"].round(2).tolist()
        fig.data[0].text = [
            _("{touched} × {cost} ≈ {lost}").format(
                touched=f"{100 * row.touched:.0f} %",
                cost=_("{points} pts").format(points=f"{100 * row.cost_each:.1f}"),
                lost=f"{row.lost_per_100:.1f}",
            )
            for row in ordered.itertuples()
        ]

    def caption(table) -> str:
        problem, wait = table.loc["problems_fixed"], table.loc["wait"]
        return _(
            "An unfixed problem touches {p_touched} of customers and costs each {p_cost} points "
            "of their chance of coming back: {p_lost} in 100 lost. A wait over 5 minutes touches "
            "{w_touched} and costs each {w_cost} points: {w_lost} in 100 lost."
        ).format(
            p_touched=percent_text(problem.touched),
            p_cost=f"{100 * problem.cost_each:.0f}",
            p_lost=big(f"{problem.lost_per_100:.1f}"),
            w_touched=percent_text(wait.touched),
            w_cost=f"{100 * wait.cost_each:.0f}",
            w_lost=big(f"{wait.lost_per_100:.1f}"),
        )

    controls = {
        name: slider_for(PARAMETERS[name])
        for name in ("problem_share", "problems_fixed", "wait_minutes", "warmth")
    }
    return Simulator("moment-costs", controls, figure, compute, draw, caption)
