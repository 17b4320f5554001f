"""Charts of notebook 04 that are not simulators: the funnel of real data, and who answers.

Both the town's staff funnel and a team's own survey use :func:`funnel_chart`, so the two look
alike. Plain plotly figures in the course theme; no styling beyond data colours.
"""

from __future__ import annotations

import numpy as np
import pandas as pd
import plotly.graph_objects as go

import helpers.theme  # noqa: F401  (the course's chart look)
from helpers.i18n import _
from helpers.lessons.feedback.funnel import ABOVE, BELOW, Funnel
from helpers.theme import BASE_FONT_SIZE, COLOURS, MEANING, TEXT_MUTED, key_inside

#: Marker colour and symbol by position in the funnel (colour is never the only cue).
_LOOK = {
    ABOVE: (MEANING["good"], "triangle-up"),
    BELOW: (MEANING["bad"], "triangle-down"),
}


def _labels(people: pd.DataFrame) -> list[str]:
    """One label per spot: people with the same surveys and score share it ("S03, S08")."""
    spots = people.groupby(["surveys", "score"], sort=False).groups
    first = {spot: ", ".join(map(str, members)) for spot, members in spots.items()}
    labels, seen = [], set()
    for spot in zip(people["surveys"], people["score"], strict=True):
        labels.append("" if spot in seen else first[spot])
        seen.add(spot)
    return labels


#: The plot area (px) label places are planned for: about the narrowest a notebook gives.
PLAN = (700.0, 320.0)
#: Where a label may go around its point, best first.
PLACES = (
    "middle right",
    "top center",
    "bottom center",
    "middle left",
    "top right",
    "bottom right",
    "top left",
    "bottom left",
)
_CHAR, _LINE, _MARK = 0.62 * BASE_FONT_SIZE, 1.3 * BASE_FONT_SIZE, 10.0  # px


def _label_box(x: float, y: float, text: str, place: str) -> tuple[float, float, float, float]:
    """The box (left, bottom, right, top; px, y up) a label takes at ``place`` around (x, y)."""
    width, height = _CHAR * len(text), _LINE
    vertical, horizontal = place.split()
    left = {"right": x + _MARK, "left": x - _MARK - width, "center": x - width / 2}[horizontal]
    bottom = {"middle": y - height / 2, "top": y + _MARK, "bottom": y - _MARK - height}[vertical]
    return left, bottom, left + width, bottom + height


def _covered(box: tuple[float, ...], others: list[tuple[float, ...]]) -> float:
    """The area (px²) of ``box`` that ``others`` cover (overlaps counted once per other)."""
    return sum(
        max(0.0, min(box[2], o[2]) - max(box[0], o[0]))
        * max(0.0, min(box[3], o[3]) - max(box[1], o[1]))
        for o in others
    )


def _label_positions(people: pd.DataFrame, x_range: list[float], y_range: list[float]) -> list[str]:
    """Where each label goes: the first place around its point (right, above, below, left...)
    that covers neither another label nor another point, else the one covering least; planned
    on a narrow chart."""
    sx = PLAN[0] / (x_range[1] - x_range[0])
    sy = PLAN[1] / (y_range[1] - y_range[0])
    points = [
        ((x - x_range[0]) * sx, (y - y_range[0]) * sy)
        for x, y in zip(people["surveys"], people["score"], strict=True)
    ]
    marks = [(x - _MARK, y - _MARK, x + _MARK, y + _MARK) for x, y in points]
    placed: list[tuple[float, ...]] = []
    places = []
    for index, ((x, y), text) in enumerate(zip(points, _labels(people), strict=True)):
        if not text:
            places.append("middle right")
            continue
        points_around = marks[:index] + marks[index + 1 :]
        boxes = {place: _label_box(x, y, text, place) for place in PLACES}
        # The first place clear of labels and points; in a crowd, the one covering least (a
        # label covering a label costs far more than one covering a point).
        place = min(
            PLACES,
            key=lambda p: 10 * _covered(boxes[p], placed) + _covered(boxes[p], points_around),
        )
        placed.append(boxes[place])
        places.append(place)
    return places


def funnel_chart(funnel: Funnel, title: str, colour: str = COLOURS["blue"]) -> go.Figure:
    """Each person's score against their surveys, with the team's line and chance's limits."""
    people = funnel.people
    looks = [_LOOK.get(p, (colour, "circle")) for p in people["position"]]
    unit = "%" if funnel.measure == "csat" else ""
    y_title = _("CSAT (%)") if funnel.measure == "csat" else _("NPS (points)")
    y_range = [-2, 108] if funnel.measure == "csat" else [-105, 108]
    most = max(int(people["surveys"].max()), 10)
    x_range = [0, most * 1.25]
    line = dict(color=TEXT_MUTED, width=3, dash="dash", shape="hv")
    curve = funnel.curve
    return go.Figure(
        [
            go.Scatter(
                x=curve["surveys"], y=curve["low"], mode="lines", line=line, hoverinfo="skip"
            ),
            go.Scatter(
                x=curve["surveys"], y=curve["high"], mode="lines", line=line, hoverinfo="skip"
            ),
            go.Scatter(
                x=[1, most * 1.15],
                y=[funnel.centre] * 2,
                mode="lines",
                line=dict(color="#1A1A1A", width=2),
                hoverinfo="skip",
            ),
            go.Scatter(
                x=people["surveys"],
                y=people["score"],
                mode="markers+text",
                text=_labels(people),
                textposition=_label_positions(people, x_range, y_range),
                cliponaxis=False,
                marker=dict(
                    color=[c for c, _s in looks],
                    symbol=[s for _c, s in looks],
                    size=16,
                    line=dict(width=1, color="#1A1A1A"),
                ),
                customdata=list(people.index),
                hovertemplate="%{customdata}: %{y:.0f}"
                + unit
                + _(" from %{x} surveys")
                + "<extra></extra>",
            ),
        ],  # fmt: skip
        layout=dict(
            title=title,
            xaxis=dict(title=_("surveys about this person"), range=x_range),
            yaxis=dict(title=y_title, range=y_range),
            showlegend=False,
            height=560 if funnel.measure == "csat" else 680,
            margin=dict(t=150),
            annotations=[
                key_inside(
                    (
                        _("solid line: the team · dashed: where chance alone puts someone"),
                        _("as good as the team · ▲ above the funnel · ▼ below it"),
                    ),
                    y=1.22,
                )
            ],
        ),
    )


def response_chart(table: pd.DataFrame) -> go.Figure:
    """Bars: the town's answer rate (%) by the visit's true satisfaction (the table of
    :func:`.in_town.response_by_satisfaction`: surveys sent, answered, answered %)."""
    colours = [MEANING["bad"]] * 2 + [MEANING["neutral"]] * 2 + [MEANING["good"]]
    sent, answered, rate = (table.iloc[:, i] for i in range(3))
    return go.Figure(
        go.Bar(
            x=[str(s) for s in table.index],
            y=rate,
            marker_color=colours[: len(table)],
            texttemplate="%{y:.0f} %",
            textposition="outside",
            cliponaxis=False,
            customdata=np.stack([answered, sent], axis=1),
            hovertemplate=_("score %{x}: %{customdata[0]} of %{customdata[1]} answered")
            + "<extra></extra>",
        ),
        layout=dict(
            title=_("In our town: who answers the survey, by how the visit really felt"),
            xaxis=dict(title=_("true satisfaction of the visit (1 = very unhappy, 5 = delighted)")),
            yaxis=dict(title=_("surveys answered (%)"), range=[0, 60]),
        ),
    )
