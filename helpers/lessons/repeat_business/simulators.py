"""The simulators of notebook 02: sliders and charts in front of its models.

Each factory builds a :class:`~helpers.simulator.Simulator`: the model runs once per slider move,
and its result feeds both the chart (changed in place) and the caption under it. Trace 0 of each
chart is the one the first slider always moves.
"""

from __future__ import annotations

import math

import plotly.graph_objects as go
from plotly.subplots import make_subplots

from helpers.figure import CourseFigure
from helpers.i18n import _
from helpers.lessons.repeat_business import follow_up, tenure, two_shops, value
from helpers.simulator import Simulator, big, percent_text, slider_for
from helpers.theme import BASE_FONT_SIZE, COLOURS, MEANING, TEXT_MUTED, key_inside

MONTHS = list(range(1, two_shops.MONTHS + 1))
#: The top of the customer-value chart (units): above it only at high settings, where the diamond
#: stays at the top edge and its label says so.
VALUE_TOP = 1000


def _sliders(parameters: dict) -> dict:
    return {name: slider_for(spec) for name, spec in parameters.items()}


def _units(amount: float) -> str:
    return _("{amount} units").format(amount=f"{amount:,.0f}")


# --------------------------------------------------------------------------------------------
# Two shops, one town
# --------------------------------------------------------------------------------------------


def _add_share_areas(figure: go.FigureWidget) -> None:
    """The bottom chart: Riverside's share as a filled area, Market Street's above it."""
    figure.add_scatter(
        x=MONTHS,
        y=[50.0] * len(MONTHS),
        name=_("Riverside's share"),
        mode="lines",
        line=dict(color=MEANING["shop_a"], width=2),
        fill="tozeroy",
        fillcolor="rgba(0,114,178,0.45)",
        hovertemplate=_("month %{x}: Riverside %{y:.0f} %") + "<extra></extra>",
        showlegend=False,
        row=2,
        col=1,
    )
    figure.add_scatter(
        x=MONTHS,
        y=[100.0] * len(MONTHS),
        mode="lines",
        line=dict(color=MEANING["shop_b"], width=0),
        fill="tonexty",
        fillcolor="rgba(230,159,0,0.35)",
        hoverinfo="skip",
        showlegend=False,
        row=2,
        col=1,
    )


def _shops_figure() -> go.FigureWidget:
    figure = CourseFigure(
        make_subplots(
            rows=2, cols=1, shared_xaxes=True, vertical_spacing=0.1, row_heights=[0.55, 0.45]
        )
    )
    lines = (
        (_("Riverside"), MEANING["shop_a"], "solid"),
        (_("Market Street"), MEANING["shop_b"], "dash"),
    )
    for name, colour, dash in lines:
        figure.add_scatter(
            x=MONTHS,
            y=[0.0] * len(MONTHS),
            name=name,
            mode="lines",
            line=dict(color=colour, dash=dash),
            hovertemplate=name + _(", month %{x}: %{y:.0f} customers") + "<extra></extra>",
            row=1,
            col=1,
        )
    _add_share_areas(figure)
    labels = ((_("Riverside's share"), 8), (_("Market Street's share"), 92))
    figure.update_layout(
        title=_("Two shops, one town: customers each month, and each shop's share"),
        height=680,
        margin=dict(t=130),
        legend=dict(orientation="h", x=0, y=1.0, yanchor="bottom", traceorder="normal"),
        annotations=[
            dict(
                x=1.3, y=y, xref="x2", yref="y2", xanchor="left", text=text, showarrow=False,
                font=dict(size=BASE_FONT_SIZE, color="#1A1A1A"),
            )
            for text, y in labels
        ],
    )  # fmt: skip
    top = two_shops.HOUSEHOLDS
    figure.update_yaxes(title_text=_("customers"), range=[0, top], fixedrange=True, row=1, col=1)
    figure.update_yaxes(title_text=_("share (%)"), range=[0, 100], fixedrange=True, row=2, col=1)
    figure.update_xaxes(range=[1, two_shops.MONTHS], fixedrange=True)
    figure.update_xaxes(title_text=_("month"), row=2, col=1)
    return figure


def _shops_draw(fig: go.FigureWidget, outcome: two_shops.TwoShopsOutcome) -> None:
    fig.data[0].y = outcome.customers[:, 0].round(2).tolist()
    fig.data[1].y = outcome.customers[:, 1].round(2).tolist()
    fig.data[2].y = (100 * outcome.share).round(3).tolist()


def market_share_shown(outcome: two_shops.TwoShopsOutcome) -> float:
    """Market Street's share in month 24 (0-1) as the caption shows it: rounded DOWN to one
    decimal of a percent, so that "at least 50 %" (exercise 7) holds exactly when the caption
    shows 50.0 % or more (49.95 % shows as 49.9 %, not 50 %)."""
    return math.floor(1000 * (1 - outcome.final_share) + 1e-9) / 1000


def _shops_caption(outcome: two_shops.TwoShopsOutcome) -> str:
    first, last = outcome.customers[0], outcome.customers[-1]
    market = market_share_shown(outcome)
    return _(
        "Riverside's share: {start} in month 1, {end} in month 24 (Market Street's: "
        "{market} %). Customers each month: Riverside {r_start} → {r_end}, Market Street "
        "{m_start} → {m_end}."
    ).format(
        start=percent_text(outcome.first_share),
        end=big(f"{100 * (1 - market):.1f} %"),
        market=f"{100 * market:.1f}",
        r_start=f"{first[0]:,.0f}",
        r_end=f"{last[0]:,.0f}",
        m_start=f"{first[1]:,.0f}",
        m_end=f"{last[1]:,.0f}",
    )


def two_shops_simulator() -> Simulator:
    """Sliders: each shop's delighted visits and visits with a bad moment, and how long customers
    remember → lines: each shop's customers each month, and Riverside's share."""
    controls = _sliders(two_shops.PARAMETERS)
    return Simulator(
        "two-shops", controls, _shops_figure(), two_shops.simulate, _shops_draw, _shops_caption
    )


# --------------------------------------------------------------------------------------------
# What a returning customer is worth
# --------------------------------------------------------------------------------------------


def customer_value_simulator() -> Simulator:
    """Sliders: margin, customers coming back, discount rate, cost of winning a customer →
    curve: what a customer is worth at every share coming back, with the sliders' point."""
    retention = value.CURVE_RETENTION.tolist()
    figure = CourseFigure(
        data=[
            go.Scatter(
                name=_("what a customer is worth"),
                x=retention,
                y=[0.0] * len(retention),
                mode="lines",
                line=dict(color=COLOURS["blue"]),
                hovertemplate=_("%{x} % coming back: %{y:,.0f} units") + "<extra></extra>",
            ),
            go.Scatter(
                name=_("your shop"),
                x=[80],
                y=[0.0],
                mode="markers+text",
                marker=dict(color=MEANING["good"], size=20, symbol="diamond", line=dict(width=2)),
                text=[""],
                textposition="top left",
                cliponaxis=False,
                hovertemplate=_("%{x} % coming back: %{y:,.0f} units") + "<extra></extra>",
            ),
        ],
        layout=go.Layout(
            title=_("What a customer is worth, by the share coming back each year"),
            xaxis=dict(title=_("customers coming back each year (%)"), range=[0, 96],
                       fixedrange=True),
            yaxis=dict(title=_("a customer is worth (units)"), range=[-300, VALUE_TOP],
                       fixedrange=True),
            showlegend=False,
            annotations=[key_inside((_("line: every share coming back"),
                                     _("diamond: the sliders' setting")), backed=True)],
        ),
    )  # fmt: skip

    def draw(fig: go.FigureWidget, outcome: value.ValueOutcome) -> None:
        fig.data[0].y = outcome.curve.round(4).tolist()
        fig.data[1].x = [outcome.values["retention"]]
        # above the chart's top the diamond stays at the top edge, its label says "above"
        above = outcome.clv > VALUE_TOP
        fig.data[1].y = [VALUE_TOP if above else round(outcome.clv, 4)]
        label = _units(outcome.clv)
        fig.data[1].text = [_("{label} (above the chart)").format(label=label) if above else label]
        # keep the label clear of the y axis at the left end of the chart
        fig.data[1].textposition = (
            "bottom left"
            if above
            else "top left"
            if outcome.values["retention"] > 20
            else "top right"
        )

    def caption(outcome: value.ValueOutcome) -> str:
        v = outcome.values
        return _(
            "A customer is worth {clv}, counted from today: this year's margin ({margin}), plus "
            "{years} years of future margin from next year on, in today's money ({future}), "
            "minus the cost of winning them ({cost}). One more point of customers coming back "
            "adds {one} per customer."
        ).format(
            clv=big(_units(outcome.clv)),
            margin=_units(v["margin"]),
            years=f"{outcome.multiplier:.2f}",
            future=_units(outcome.future),
            cost=_units(v["acquisition_cost"]),
            one=_("{amount} units").format(amount=f"{outcome.one_more_point:,.1f}"),
        )

    controls = _sliders(value.PARAMETERS)
    return Simulator("customer-value", controls, figure, value.customer_value, draw, caption)


# --------------------------------------------------------------------------------------------
# Why loyalty seems to grow with time
# --------------------------------------------------------------------------------------------


def loyalty_over_time_simulator() -> Simulator:
    """Sliders: average chance of leaving, how different customers are → lines: customers still
    here after each year, and each year's retention; customers differ, and all alike."""
    years = list(range(tenure.YEARS + 1))
    figure = CourseFigure(make_subplots(rows=1, cols=2, horizontal_spacing=0.14))
    series = (
        (_("each customer has their own chance of leaving"), COLOURS["blue"], "solid"),
        (_("everyone has the same chance"), TEXT_MUTED, "dash"),
    )
    for col, x, what in ((1, years, _("still here")), (2, years[1:], _("retention"))):
        for name, colour, dash in series:
            figure.add_scatter(
                x=x,
                y=[0.0] * len(x),
                name=name,
                mode="lines+markers",
                line=dict(color=colour, dash=dash),
                showlegend=col == 1,
                hovertemplate=f"{what}, " + _("year %{x}: %{y:.0f} %") + "<extra></extra>",
                row=1,
                col=col,
            )
    figure.update_layout(
        title=_("Why loyalty seems to grow with time"),
        height=540,
        margin=dict(t=140),
        legend=dict(orientation="h", x=0, y=1.04, yanchor="bottom"),
    )
    figure.update_yaxes(range=[0, 100], fixedrange=True)
    figure.update_xaxes(range=[0, tenure.YEARS], fixedrange=True, title_text=_("year"))
    figure.update_yaxes(title_text=_("still customers (of 100)"), row=1, col=1)
    figure.update_yaxes(title_text=_("retention that year (%)"), row=1, col=2)

    def draw(fig: go.FigureWidget, outcome: tenure.TenureOutcome) -> None:
        fig.data[0].y = (100 * outcome.survivors).round(4).tolist()
        fig.data[1].y = (100 * outcome.survivors_alike).round(4).tolist()
        fig.data[2].y = (100 * outcome.retention).round(4).tolist()
        fig.data[3].y = (100 * outcome.retention_alike).round(4).tolist()

    def caption(outcome: tenure.TenureOutcome) -> str:
        first, fifth = percent_text(outcome.retention[0]), percent_text(outcome.retention[4])
        if first == fifth:
            change = _("Retention stays at {first} every year: everyone is alike.").format(
                first=first
            )
        else:
            change = _(
                "Retention rises from {first} in year 1 to {fifth} in year 5, though no customer "
                "became more loyal."
            ).format(first=first, fifth=fifth)
        return _(
            "After 5 years {differ} of 100 customers are still here ({alike} if everyone were "
            "alike). {change}"
        ).format(
            differ=big(f"{100 * outcome.survivors[5]:.0f}"),
            alike=f"{100 * outcome.survivors_alike[5]:.0f}",
            change=change,
        )

    controls = _sliders(tenure.PARAMETERS)
    return Simulator("loyalty-over-time", controls, figure, tenure.tenure, draw, caption)


# --------------------------------------------------------------------------------------------
# Follow-up after a big purchase
# --------------------------------------------------------------------------------------------


def follow_up_simulator() -> Simulator:
    """Sliders: what a call does, how many buyers are called, whether staff pick whom → bars:
    buyers coming back the month after, not called and called (the call's own part hatched)."""
    groups = [_("not called"), _("called")]
    figure = CourseFigure(
        data=[
            go.Bar(
                name=_("brought back by the call"),
                x=groups,
                y=[0.0, 0.0],
                base=[0.0, 0.0],
                marker=dict(color=MEANING["good"], pattern=dict(shape="/", fgcolor="#1A1A1A")),
                text=["", ""],
                textposition="outside",
                cliponaxis=False,
                hovertemplate=_("%{x}: %{y:.1f} points brought back by the call")
                + "<extra></extra>",
            ),
            go.Bar(
                name=_("would have come back anyway"),
                x=groups,
                y=[0.0, 0.0],
                marker=dict(color=MEANING["neutral"]),
                hovertemplate=_("%{x}: %{y:.1f} % would have come back anyway") + "<extra></extra>",
            ),
        ],
        layout=go.Layout(
            title=_("After a big purchase: who comes back the month after the call?"),
            barmode="overlay",
            yaxis=dict(title=_("come back the month after (%)"), range=[0, 70], fixedrange=True),
            xaxis=dict(fixedrange=True),
            showlegend=False,
            margin=dict(t=130),
            annotations=[key_inside((_("plain: would have come back anyway"),
                                     _("hatched: brought back by the call")), backed=True)],
        ),
    )  # fmt: skip

    def draw(fig: go.FigureWidget, outcome: follow_up.FollowUpOutcome) -> None:
        by_call, anyway = 100 * outcome.called_by_call, 100 * outcome.called_anyway
        not_called = 100 * outcome.not_called
        fig.data[0].y = [0.0, round(by_call, 4)]
        fig.data[0].base = [round(not_called, 4), round(anyway, 4)]
        fig.data[0].text = [percent_text(outcome.not_called), percent_text(outcome.called_back)]
        fig.data[1].y = [round(not_called, 4), round(anyway, 4)]

    def caption(outcome: follow_up.FollowUpOutcome) -> str:
        return _(
            "Called buyers come back {called}, the others {others}: a gap of {gap} points. "
            "The call itself adds {effect} points; {who} points come from whom the shop called."
        ).format(
            called=percent_text(outcome.called_back),
            others=percent_text(outcome.not_called),
            gap=big(f"{100 * outcome.gap:.0f}"),
            effect=f"{100 * outcome.call_effect:.0f}",
            who=f"{100 * outcome.who_was_called:.0f}",
        )

    controls = _sliders(follow_up.PARAMETERS)
    return Simulator("follow-up", controls, figure, follow_up.follow_up, draw, caption)
