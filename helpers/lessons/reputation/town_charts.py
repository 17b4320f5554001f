"""The charts of notebook 03's "In our town": one figure per question, from :mod:`.in_town`."""

from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go

import helpers.theme  # noqa: F401  (the course's chart look)
from helpers.data import shop_names
from helpers.i18n import _
from helpers.lessons.reputation.in_town import RIVERSIDE, SCORES, referral_trees
from helpers.lessons.reputation.simulators import figure_height, title, top_margin
from helpers.theme import COLOURS, MEANING, TEXT_MUTED, key_above

GENERATION_COLOURS = (COLOURS["black"], COLOURS["green"], COLOURS["blue"], COLOURS["purple"])


def _tree_positions(referrals: pd.DataFrame, roots: list[str]) -> pd.DataFrame:
    """x (leaves side by side, parents above the middle of their children) and generation of
    everyone in the trees of ``roots``, with their parent."""
    children = referrals.groupby("referrer_id")["new_customer_id"].apply(sorted).to_dict()
    rows: list[dict] = []
    next_leaf = [0.0]

    def place(person: str, parent: str | None, generation: int) -> float:
        kids = children.get(person, [])
        xs = [place(kid, person, generation + 1) for kid in kids]
        if xs:
            x = sum(xs) / len(xs)
        else:
            x, next_leaf[0] = next_leaf[0], next_leaf[0] + 1
        rows.append({"person": person, "parent": parent, "generation": generation, "x": x})
        return x

    for root in roots:
        place(root, None, 0)
        next_leaf[0] += 0.8  # a gap between trees
    return pd.DataFrame(rows).set_index("person")


def referral_chart(referrals: pd.DataFrame, trees: int = 12) -> go.Figure:
    """The biggest referral trees: who brought whom, the first referrer at the top."""
    roots = referral_trees(referrals)["referrer_id"].head(trees).tolist()
    places = _tree_positions(referrals, roots)
    linked = places.dropna(subset=["parent"])
    xs, ys = [], []
    for person, row in linked.iterrows():
        parent = places.loc[row["parent"]]
        xs += [parent["x"], row["x"], None]
        ys += [-parent["generation"], -row["generation"], None]
        del person
    names = (
        _("first referrer"),
        _("brought by praise"),
        _("brought by someone brought by praise"),
        _("third generation"),
    )
    dots = [
        go.Scatter(
            x=group["x"],
            y=-group["generation"],
            mode="markers",
            name=names[generation],
            marker=dict(
                color=GENERATION_COLOURS[generation],
                size=16,
                symbol=("square", "circle", "diamond", "triangle-up")[generation],
            ),
            text=group.index,
            hovertemplate="%{text}<extra></extra>",
            cliponaxis=False,
        )
        for generation, group in places.groupby("generation")
    ]
    return go.Figure(
        [go.Scatter(x=xs, y=ys, mode="lines", line=dict(color=TEXT_MUTED, width=2)), *dots],
        layout=dict(
            title=title(_("In our town: the biggest trees of referrals (who brought whom)")),
            xaxis=dict(visible=False),
            yaxis=dict(
                title=_("generation"),
                tickvals=[0, -1, -2, -3],
                ticktext=["0", "1", "2", "3"],
                range=[-3.3, 0.3],
            ),
            showlegend=False,
            annotations=[
                key_above(
                    (
                        _("black square: first referrer · green dot: brought by their praise"),
                        _("blue diamond, purple triangle: brought by those, in turn"),
                    )
                )
            ],
            margin=dict(t=top_margin(2)),
            height=figure_height(2),
        ),
    )


def word_of_mouth_chart(table: pd.DataFrame) -> go.Figure:
    """People told per visit, by the visit's true satisfaction: praise up, warnings up too."""
    labels = [str(s) for s in table.index]
    return go.Figure(
        [
            go.Bar(
                x=labels,
                y=table["praise per visit"],
                name=_("praise"),
                marker_color=MEANING["good"],
            ),
            go.Bar(
                x=labels,
                y=table["warnings per visit"],
                name=_("warnings"),
                marker=dict(color=MEANING["bad"], pattern=dict(shape="/", fgcolor="white")),
            ),
        ],
        layout=dict(
            title=title(_("In our town: people told per visit, by how the visit felt")),
            barmode="stack",
            xaxis=dict(title=_("true satisfaction of the visit (1 = very unhappy, 5 = delighted)")),
            yaxis=dict(title=_("people told per visit"), range=[0, 2.2]),
            showlegend=False,
            annotations=[key_above((_("green: praise · red, striped: warnings"),))],
            margin=dict(t=top_margin(1)),
            height=figure_height(1),
        ),
    )


def stars_chart(table: pd.DataFrame) -> go.Figure:
    """The J-shape: share at each score of all visits, of survey answers and of reviews."""
    looks = {
        "all visits (true)": (_("all visits (true)"), dict(color=COLOURS["blue"])),
        "survey answers": (
            _("survey answers"),
            dict(color=COLOURS["sky"], pattern=dict(shape=".", fgcolor="#1A1A1A")),
        ),
        "online reviews": (
            _("online reviews"),
            dict(color=COLOURS["orange"], pattern=dict(shape="/", fgcolor="white")),
        ),
    }
    shares = table.loc[list(SCORES)]
    return go.Figure(
        [
            go.Bar(
                x=[str(s) for s in SCORES],
                y=shares[column],
                name=name,
                marker=look,
                hovertemplate="%{x}: %{y:.1f} %<extra></extra>",
            )
            for column, (name, look) in looks.items()
        ],
        layout=dict(
            title=title(_("In our town: the stars online against the surveys and the truth")),
            barmode="group",
            xaxis=dict(title=_("score, or stars")),
            yaxis=dict(title=_("% at each score"), range=[0, 75]),
            showlegend=False,
            annotations=[
                key_above(
                    (
                        _("blue, left: all visits (true satisfaction, fiction only)"),
                        _("sky, dotted: survey answers · orange, striped, right: reviews"),
                    )
                )
            ],
            margin=dict(t=top_margin(2)),
            height=figure_height(2),
        ),
    )


def reply_chart(lift: pd.DataFrame, study: float) -> go.Figure:
    """Each measure of what replying did, with its 95 % interval; zero and the study's +0.12."""
    labels = {
        "stars, Market Street": _("stars, Market Street,<br>2025 against 2024"),
        "stars above the truth, Market Street": _("stars above the truth,<br>Market Street"),
        "stars above the truth, all replying reviews": _(
            "stars above the truth,<br>all replying reviews"
        ),
    }
    rows = list(lift.index)[::-1]
    shown = lift.loc[rows]
    names = [
        _("{label}:<br><b>{lift}</b> ({low} to {high})").format(
            label=labels[r], lift=f"{v.lift:+.2f}", low=f"{v.low:+.2f}", high=f"{v.high:+.2f}"
        )
        for r, v in zip(rows, shown.itertuples(), strict=True)
    ]
    return go.Figure(
        go.Scatter(
            x=shown["lift"],
            y=names,
            mode="markers",
            marker=dict(color=COLOURS["blue"], size=16),
            cliponaxis=False,
            error_x=dict(
                type="data",
                symmetric=False,
                array=shown["high"] - shown["lift"],
                arrayminus=shown["lift"] - shown["low"],
                color="#595959",
                thickness=3,
            ),
            hovertemplate="%{x:+.2f}<extra></extra>",
        ),
        layout=dict(
            title=title(_("In our town: what did replying do to the stars?")),
            xaxis=dict(
                title=_("change in stars (the line: likely range, 95 %)"), range=[-0.4, 1.1]
            ),
            yaxis=dict(automargin=True),
            shapes=[
                dict(type="line", x0=0, x1=0, y0=0, y1=1, yref="paper", line=dict(color="#1A1A1A")),
                dict(
                    type="line",
                    x0=study,
                    x1=study,
                    y0=0,
                    y1=1,
                    yref="paper",
                    line=dict(color=MEANING["good"], dash="dash", width=3),
                ),
            ],
            annotations=[key_above((_("dashed green line: +0.12, the hotels' study"),))],
            showlegend=False,
            margin=dict(t=top_margin(1)),
            height=520,
        ),
    )


def resolution_names() -> dict[str, str]:
    """How a complaint was settled, in plain words (current language)."""
    return {"generous": _("generous"), "stingy": _("stingy")}


def complaints_chart(table: pd.DataFrame) -> go.Figure:
    """Came back next month after a generous or a stingy resolution, by shop, likely ranges."""
    names, settled = shop_names(), resolution_names()
    rows = list(table.index)[::-1]
    labels = [
        _("{shop}, {resolution} ({n})").format(
            shop=names[shop],
            resolution=settled[resolution],
            n=int(table.loc[(shop, resolution)].followed),
        )
        for shop, resolution in rows
    ]
    colours = [MEANING["shop_a"] if shop == RIVERSIDE else MEANING["shop_b"] for shop, _r in rows]
    symbols = ["circle" if resolution == "generous" else "x" for _s, resolution in rows]
    shown = table.loc[rows]
    return go.Figure(
        go.Scatter(
            x=shown["came back (%)"],
            y=labels,
            mode="markers",
            marker=dict(color=colours, size=16, symbol=symbols),
            cliponaxis=False,
            error_x=dict(
                type="data",
                symmetric=False,
                array=shown["highest likely (%)"] - shown["came back (%)"],
                arrayminus=shown["came back (%)"] - shown["lowest likely (%)"],
                color="#595959",
                thickness=3,
            ),
            hovertemplate="%{y}: %{x:.0f} %<extra></extra>",
        ),
        layout=dict(
            title=title(_("In our town: came back next month after a complaint")),
            xaxis=dict(title=_("came back next month (%); the line: likely range"), range=[-2, 60]),
            yaxis=dict(automargin=True),
            annotations=[
                key_above(
                    (
                        _("blue: Riverside · orange: Market Street"),
                        _("dot: generous · cross: stingy · (n): complaints followed"),
                    )
                )
            ],
            showlegend=False,
            margin=dict(t=top_margin(2)),
            height=figure_height(2, plot=300),
        ),
    )
