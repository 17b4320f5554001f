"""The simulator of notebook 05: Market Street's sliders in front of the whole chain.

One compact chart with four panels, one per link of the chain, month by month for 24 months:
staff engagement, delighted visits, customers a month, and the month's profit compared with
today. Every panel shows Market Street at the sliders (orange, solid), Market Street as today
(grey, dashed) and Riverside (blue, dotted). Trace 0 is Market Street's engagement, which the
first slider (training) moves.

The chart is kept small enough for one projector screen with its sliders (its four panels fit in
about 640 pixels); what needs exact reading (the customers gained by month 6, the profit over 24
months, the wait, what a plan costs) is in the caption, which sits between the sliders and the
chart so a move and its numbers are seen together.
"""

from __future__ import annotations

import plotly.graph_objects as go
from plotly.subplots import make_subplots

from helpers.figure import CourseFigure
from helpers.i18n import _
from helpers.lessons.putting_it_together.experiments import (
    extra_cost,
    first_month_for_good,
    is_today,
)
from helpers.lessons.putting_it_together.model import MONTHS, ChainOutcome, chain
from helpers.lessons.putting_it_together.shops import MARKET_TODAY, PARAMETERS
from helpers.simulator import Simulator, big, slider_for
from helpers.theme import BASE_FONT_SIZE, MEANING, TEXT_MUTED, key_above

MONTH_AXIS = list(range(1, MONTHS + 1))
THOUSAND = 1_000
#: Each panel: what it shows (a ShopMonths attribute), its axis range (fixed, wide enough for
#: every slider setting: a test checks it), and its scale.
PANELS: tuple[tuple[str, tuple[float, float], float], ...] = (
    ("engagement", (0, 100), 1),
    ("delighted", (0, 60), 100),
    ("visits", (0, 3_000), 1),
    ("profit", (-15, 10), 1 / THOUSAND),
)
#: The panel that shows each shop against its own line as today.
AGAINST_TODAY = "profit"
#: The month the first prediction asks about (exercise 1), shown in the caption.
EARLY_MONTH = 6
HEIGHT = 640


def panel_titles() -> list[str]:
    """The four panels' titles, in the current language (short: half the notebook's width)."""
    return [
        _("Staff engagement (0-100)"),
        _("Delighted visits (%)"),
        _("Customers a month"),
        _("Profit a month vs today (k)"),
    ]


def shop_lines() -> list[tuple[str, str, str, int]]:
    """Market Street now, as today, and Riverside: (name, colour, dash, width)."""
    return [
        (_("Market Street, your settings"), MEANING["shop_b"], "solid", 5),
        (_("Market Street as today"), TEXT_MUTED, "dash", 3),
        (_("Riverside"), MEANING["shop_a"], "dot", 3),
    ]


def _key() -> dict:
    """The figure's key, once, above the panels and their titles (instead of a legend)."""
    lines = (
        _("orange, solid: Market Street, your settings"),
        _("grey, dashed: as today · blue, dotted: Riverside · k: thousands of units"),
    )
    return key_above(lines, shift=36)


def _figure() -> go.FigureWidget:
    base = make_subplots(
        rows=2, cols=2, subplot_titles=panel_titles(), vertical_spacing=0.2,
        horizontal_spacing=0.1,
    )  # fmt: skip
    base.update_annotations(font_size=BASE_FONT_SIZE)  # the panels' titles
    for index, (_attr, span, _scale) in enumerate(PANELS):
        row, col = divmod(index, 2)
        for name, colour, dash, width in shop_lines():
            base.add_scatter(
                x=MONTH_AXIS, y=[0.0] * MONTHS, name=name, mode="lines",
                line=dict(color=colour, dash=dash, width=width),
                hovertemplate=name + _(", month %{x}: %{y:,.1f}") + "<extra></extra>",
                row=row + 1, col=col + 1,
            )  # fmt: skip
        base.update_yaxes(range=list(span), fixedrange=True, row=row + 1, col=col + 1)
        base.update_xaxes(
            range=[0.5, MONTHS + 0.5], fixedrange=True, tickvals=[1, 6, 12, 18, 24],
            row=row + 1, col=col + 1,
        )  # fmt: skip
    for col in (1, 2):
        base.update_xaxes(title_text=_("month"), row=2, col=col)
    base.update_layout(height=HEIGHT, showlegend=False, margin=dict(t=120, l=70, r=30, b=70))
    base.layout.annotations = (*base.layout.annotations, _key())
    return CourseFigure(base)


def panel_lines(outcome: ChainOutcome) -> list[list[float]]:
    """Every line of the four panels, in trace order (Market Street now, as today, Riverside;
    panel by panel), as the chart shows them."""
    today = chain()
    pairs = (
        (outcome.market, today.market),
        (today.market, today.market),
        (outcome.riverside, today.riverside),
    )
    lines = []
    for attr, _span, scale in PANELS:
        for shop, shop_today in pairs:
            line = getattr(shop, attr)
            if attr == AGAINST_TODAY:
                line = line - getattr(shop_today, attr)
            lines.append((scale * line).tolist())
    return lines


def _draw(fig: go.FigureWidget, outcome: ChainOutcome) -> None:
    for trace, line in zip(fig.data, panel_lines(outcome), strict=True):
        trace.y = line


def thousands_text(units: float) -> str:
    """Thousands of units with their sign: one decimal below 10 thousand ("-0.4", "+6.0"),
    none above ("+29"), so a small gain never reads as "+0"."""
    k = units / THOUSAND
    return f"{k:+,.1f}" if abs(round(k, 1)) < 10 else f"{k:+,.0f}"


def _ahead(outcome: ChainOutcome) -> str:
    if is_today(outcome.values):
        return _("every slider as today")
    gap = outcome.market.profit_so_far - chain().market.profit_so_far
    month = first_month_for_good(gap)
    if month is None:
        return _("not ahead of today's by month 24")
    return _("ahead of today's for good from month {month}").format(month=month)


def _costs_text(extra: float, values: dict[str, float]) -> str:
    if round(extra) < 0:
        text = _("Running costs: {cost} a month less than today.").format(cost=f"{-extra:,.0f}")
    else:
        text = _("Extra running costs: {cost} a month.").format(cost=f"{extra:,.0f}")
    if values["turnover"] < MARKET_TODAY["turnover"]:
        text += " " + _("(What it takes to keep staff is not counted: it has no price here.)")
    return text


def customers_text(now: float, today: float) -> tuple[str, str]:
    """Customers as the caption shows them, and the change on today from the shown numbers (so
    "1,198 (+123; today 1,075)" always adds up)."""
    shown, before = round(now), round(today)
    return f"{shown:,}", f"{shown - before:+,}"


def _caption(outcome: ChainOutcome) -> str:
    today, now = chain().market, outcome.market
    gain = now.profit_so_far[-1] - today.profit_so_far[-1]
    early = customers_text(now.visits[EARLY_MONTH - 1], today.visits[EARLY_MONTH - 1])
    late = customers_text(now.visits[-1], today.visits[-1])
    lines = (
        _("Profit over 24 months, compared with today: {gain} thousand units ({ahead}).").format(
            gain=big(thousands_text(gain)), ahead=_ahead(outcome)
        ),
        _(
            "Customers a month: {early} in month {month} ({early_gap} on today), {late} in month "
            "24 ({late_gap}; today {today})."
        ).format(
            early=early[0],
            month=EARLY_MONTH,
            early_gap=early[1],
            late=late[0],
            late_gap=late[1],
            today=f"{round(today.visits[-1]):,}",
        ),
        _("Average wait: {first} minutes in month 1, {last} in month 24.").format(
            first=f"{now.wait[0]:.0f}", last=f"{now.wait[-1]:.0f}"
        )
        + " "
        + _costs_text(extra_cost(outcome.values), outcome.values),
    )
    return "<br>".join(lines)


def chain_simulator() -> Simulator:
    """Sliders: what Market Street's manager controls → the caption (the numbers to read), then
    four panels: the chain, month by month, for Market Street (now and as today) and
    Riverside."""
    controls = {name: slider_for(spec) for name, spec in PARAMETERS.items()}
    # The caption above the chart: the numbers stay on screen beside the sliders while they move.
    return Simulator("chain", controls, _figure(), chain, _draw, _caption, caption_above=True)
