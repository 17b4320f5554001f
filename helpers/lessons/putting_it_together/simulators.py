"""The simulator of notebook 05: Market Street's sliders in front of the whole chain.

One chart with eight panels, one per link of the chain, month by month for 24 months: staff
engagement, delighted visits, customers, word of mouth, margin on sales, running costs, profit so
far, and profit after 24 months. Every panel shows Market Street at the sliders (orange, solid),
Market Street as today (grey, dashed) and Riverside (blue, dotted). Trace 0 is Market Street's
engagement, which the first slider (training) moves.
"""

from __future__ import annotations

import plotly.graph_objects as go
from plotly.subplots import make_subplots

from helpers.figure import CourseFigure
from helpers.i18n import _
from helpers.lessons.putting_it_together.model import MONTHS, ChainOutcome, chain
from helpers.lessons.putting_it_together.shops import PARAMETERS
from helpers.simulator import Simulator, big, slider_for
from helpers.theme import BASE_FONT_SIZE, MEANING, TEXT_MUTED

MONTH_AXIS = list(range(1, MONTHS + 1))
THOUSAND = 1_000
#: Each line panel: what it shows (a ShopMonths attribute), its axis range (fixed, wide enough
#: for every slider setting: a test checks it), and its scale.
PANELS: tuple[tuple[str, tuple[float, float], float], ...] = (
    ("engagement", (0, 100), 1),
    ("delighted", (0, 60), 100),
    ("visits", (0, 3_000), 1),
    ("word_of_mouth", (-400, 600), 1),
    ("margin", (0, 70), 1 / THOUSAND),
    ("running_costs", (0, 40), 1 / THOUSAND),
    ("profit_so_far", (-300, 300), 1 / THOUSAND),
)
#: The panel that shows each shop against its own line as today.
AGAINST_TODAY = "profit_so_far"
#: The range of the last panel (profit after 24 months, thousand units).
PROFIT_RANGE = (-150, 1_050)


def panel_titles() -> list[str]:
    """The eight panels' titles, in the current language (short: half the notebook's width)."""
    return [
        _("Staff engagement"),
        _("Delighted visits (%)"),
        _("Customers a month"),
        _("Praise minus warnings"),
        _("Margin on sales (k)"),
        _("Running costs (k)"),
        _("Profit gained (k)"),
        _("Profit, 24 months (k)"),
    ]


def shop_lines() -> list[tuple[str, str, str, int]]:
    """Market Street now, as today, and Riverside: (name, colour, dash, width)."""
    return [
        (_("Market Street, your settings"), MEANING["shop_b"], "solid", 5),
        (_("Market Street as today"), TEXT_MUTED, "dash", 3),
        (_("Riverside"), MEANING["shop_a"], "dot", 3),
    ]


def _key() -> dict:
    """The figure's key, once, above the panels (instead of a legend)."""
    return dict(
        x=0,
        y=1.0,
        xref="paper",
        yref="paper",
        xanchor="left",
        yanchor="bottom",
        yshift=40,
        align="left",
        showarrow=False,
        text="<br>".join(
            (
                _("orange, solid: Market Street, your settings"),
                _("grey, dashed: as today · blue, dotted: Riverside"),
                _("k: thousands of units; margin and costs a month"),
            )
        ),
        font=dict(size=BASE_FONT_SIZE, color=TEXT_MUTED),
    )  # fmt: skip


def _figure() -> go.FigureWidget:
    base = make_subplots(
        rows=4, cols=2, subplot_titles=panel_titles(), vertical_spacing=0.085,
        horizontal_spacing=0.12,
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
        base.update_xaxes(range=[0.5, MONTHS + 0.5], fixedrange=True, row=row + 1, col=col + 1)
    base.add_bar(
        x=[_("Market St"), _("as today"), _("Riverside")], y=[0.0] * 3,
        marker_color=[line[1] for line in shop_lines()],
        marker_pattern_shape=["", "/", "."], texttemplate="%{y:,.0f}", textposition="outside",
        cliponaxis=False, hovertemplate="%{x}: %{y:,.0f}<extra></extra>", row=4, col=2,
    )  # fmt: skip
    base.update_yaxes(range=list(PROFIT_RANGE), fixedrange=True, row=4, col=2)
    base.update_xaxes(fixedrange=True, row=4, col=2)
    base.update_xaxes(title_text=_("month"), row=4, col=1)
    base.update_layout(
        height=1380, showlegend=False, margin=dict(t=230, l=70, r=30, b=70),
        title=_("Does treating staff well pay?"),
    )  # fmt: skip
    base.layout.annotations = (*base.layout.annotations, _key())
    return CourseFigure(base)


def panel_lines(outcome: ChainOutcome) -> list[list[float]]:
    """Every line of the seven line panels, in trace order (Market Street now, as today,
    Riverside; panel by panel), as the chart shows them."""
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


def profit_bars(outcome: ChainOutcome) -> list[float]:
    """Profit after 24 months (thousands): Market Street now, as today, Riverside."""
    shops = (outcome.market, chain().market, outcome.riverside)
    return [float(shop.profit_so_far[-1]) / THOUSAND for shop in shops]


def _draw(fig: go.FigureWidget, outcome: ChainOutcome) -> None:
    for trace, line in zip(fig.data, panel_lines(outcome), strict=False):
        trace.y = line
    fig.data[-1].y = profit_bars(outcome)


def _caption(outcome: ChainOutcome) -> str:
    today = chain().market
    now = outcome.market
    gain = (now.profit_so_far[-1] - today.profit_so_far[-1]) / THOUSAND
    return _(
        "Market Street after 24 months: {gain} thousand units of profit against as today; "
        "{customers} customers a month in month 24 (today {today}); an average wait of "
        "{wait} minutes."
    ).format(
        gain=big(f"{gain:+,.0f}"),
        customers=f"{now.visits[-1]:,.0f}",
        today=f"{today.visits[-1]:,.0f}",
        wait=f"{now.wait:.0f}",
    )


def chain_simulator() -> Simulator:
    """Sliders: what Market Street's manager controls → eight panels: the chain, month by
    month, for Market Street (now and as today) and Riverside."""
    controls = {name: slider_for(spec) for name, spec in PARAMETERS.items()}
    return Simulator("chain", controls, _figure(), chain, _draw, _caption)
