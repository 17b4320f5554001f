"""Satisfaction in the sample town: the questions of notebook 01, asked of the data.

Three views, each a small DataFrame and a chart:

* :func:`csat_by_behaviour`: CSAT (share of 4s and 5s) of surveyed visits when a service moment
  went well and when it did not (politeness, a question answered, a problem fixed, warmth, a
  short wait);
* :func:`csat_by_staff`: CSAT per staff member, with a Wilson interval, because a handful of
  surveys says little;
* :func:`return_by_score`: share of visits followed by another visit the next month, by the
  visit's true satisfaction score and zone (defection 1-2, indifference 3-4, affection 5).

The town is fictional (``helpers/town.py``); ``data/README.md`` lists the effects planted in it,
so these numbers can be compared with the truth.
"""

from __future__ import annotations

import numpy as np
import pandas as pd
import plotly.graph_objects as go

import helpers.theme  # noqa: F401  (the course's chart look)
from helpers.data import returned_next_month
from helpers.lessons.satisfaction.model import ZONE_OF_SCORE
from helpers.lessons.satisfaction.simulators import ZONE_COLOURS
from helpers.metrics import csat, wilson_interval
from helpers.theme import MEANING

#: The wait (minutes) up to which a visit counts as "served within 5 minutes".
SHORT_WAIT = 5

#: Service moments in plain words, and the column of the surveyed visits that records them.
BEHAVIOURS: dict[str, str] = {
    "Treated politely": "courteous",
    "Question answered": "question_answered",
    "Problem fixed": "problem_fixed",
    "Warm, personal service": "warm",
    "Served within 5 minutes": "short_wait",
}


def surveyed_visits(visits: pd.DataFrame, surveys: pd.DataFrame) -> pd.DataFrame:
    """Visits that have an answered survey, with the survey's CSAT and NPS."""
    answered = surveys.loc[surveys["responded"].astype(bool), ["visit_id", "csat", "nps"]]
    joined = visits.merge(answered, on="visit_id", how="inner", validate="one_to_one")
    joined["short_wait"] = joined["wait_minutes"] <= SHORT_WAIT
    return joined


def _csat_percent(scores: pd.Series) -> float:
    """CSAT in % (``helpers.metrics.csat``), or NaN where there are no answers."""
    return 100 * csat(scores.astype(float)) if len(scores) else float("nan")


def csat_by_behaviour(visits: pd.DataFrame, surveys: pd.DataFrame) -> pd.DataFrame:
    """CSAT (%) when each service moment went well and when it did not, from answered surveys.

    A question or a problem only counts on the visits that had one. The gap is in percentage
    points; the counts say how many answered surveys each figure rests on.
    """
    joined = surveyed_visits(visits, surveys)
    rows = []
    for label, column in BEHAVIOURS.items():
        happened = joined[column].astype("boolean")
        applies = happened.notna()
        went_well = joined.loc[applies & happened.fillna(False), "csat"]
        went_badly = joined.loc[applies & ~happened.fillna(True), "csat"]
        rows.append(
            {
                "moment": label,
                "CSAT when it went well (%)": _csat_percent(went_well),
                "CSAT when it did not (%)": _csat_percent(went_badly),
                "surveys, went well": len(went_well),
                "surveys, did not": len(went_badly),
            }
        )
    table = pd.DataFrame(rows).set_index("moment")
    table["gap (points)"] = table["CSAT when it went well (%)"] - table["CSAT when it did not (%)"]
    return table.sort_values("gap (points)", ascending=False)


def csat_by_staff(visits: pd.DataFrame, surveys: pd.DataFrame, staff: pd.DataFrame) -> pd.DataFrame:
    """CSAT (%) of each staff member's surveyed visits, with a 95 % Wilson interval."""
    joined = surveyed_visits(visits, surveys)
    rows = []
    for staff_id, answers in joined.groupby("staff_id", sort=True):
        share = csat(answers["csat"].astype(float))
        low, high = wilson_interval(round(share * len(answers)), len(answers))
        rows.append(
            {
                "staff_id": staff_id,
                "surveys": len(answers),
                "CSAT (%)": 100 * share,
                "lowest likely (%)": 100 * low,
                "highest likely (%)": 100 * high,
            }
        )
    people = staff.set_index("staff_id")[["name", "shop_id", "engagement", "courtesy", "warmth"]]
    table = pd.DataFrame(rows).set_index("staff_id").join(people, how="left")
    return table.sort_values("CSAT (%)", ascending=False)


def return_by_score(visits: pd.DataFrame) -> pd.DataFrame:
    """Share of visits (%) followed by another visit next month, by satisfaction score 1-5."""
    came_back = returned_next_month(visits)
    known = came_back.notna()
    frame = pd.DataFrame(
        {
            "score": visits.loc[known, "satisfaction"].astype(int),
            "back": came_back[known].astype(bool),
        }
    )
    table = frame.groupby("score")["back"].agg(visits="size", came_back="mean")
    table["came back (%)"] = 100 * table.pop("came_back")
    table.insert(0, "zone", [ZONE_OF_SCORE[int(s)] for s in table.index])
    return table


def return_by_zone(visits: pd.DataFrame) -> pd.DataFrame:
    """Share of visits (%) followed by another visit next month, by zone."""
    by_score = return_by_score(visits)
    weighted = by_score["came back (%)"] * by_score["visits"]
    grouped = pd.DataFrame({"zone": by_score["zone"], "w": weighted, "visits": by_score["visits"]})
    table = grouped.groupby("zone", sort=False)[["w", "visits"]].sum()
    table["came back (%)"] = table.pop("w") / table["visits"]
    return table


def five_versus_four(visits: pd.DataFrame) -> float:
    """How many times as often a visit scored 5 is followed by a return as one scored 4."""
    by_score = return_by_score(visits)["came back (%)"]
    return float(by_score.loc[5] / by_score.loc[4])


def behaviour_chart(table: pd.DataFrame) -> go.Figure:
    """Paired bars: CSAT when each moment went well and when it did not."""
    moments = list(table.index)[::-1]
    figure = go.Figure(
        [
            go.Bar(
                y=moments,
                x=table.loc[moments, "CSAT when it did not (%)"],
                name="did not",
                orientation="h",
                marker_color=MEANING["bad"],
                texttemplate="%{x:.0f} %",
            ),
            go.Bar(
                y=moments,
                x=table.loc[moments, "CSAT when it went well (%)"],
                name="went well",
                orientation="h",
                marker_color=MEANING["good"],
                texttemplate="%{x:.0f} %",
            ),
        ],
        layout=dict(
            title="CSAT (share of 4s and 5s) when each moment went well, and when it did not",
            xaxis=dict(title="CSAT (%)", range=[0, 105]),
            barmode="group",
            legend=dict(traceorder="reversed", orientation="h", y=-0.2),
            height=520,
        ),
    )
    return figure


def staff_chart(table: pd.DataFrame) -> go.Figure:
    """Each staff member's CSAT with its likely range: few surveys, wide range."""
    ordered = table.sort_values("CSAT (%)")
    labels = [f"{name} ({n})" for name, n in zip(ordered["name"], ordered["surveys"], strict=True)]
    colours = [MEANING["shop_a"] if s == "SH1" else MEANING["shop_b"] for s in ordered["shop_id"]]
    figure = go.Figure(
        go.Scatter(
            x=ordered["CSAT (%)"],
            y=labels,
            mode="markers",
            marker=dict(color=colours, size=14),
            error_x=dict(
                type="data",
                symmetric=False,
                array=ordered["highest likely (%)"] - ordered["CSAT (%)"],
                arrayminus=ordered["CSAT (%)"] - ordered["lowest likely (%)"],
                color="#8C8C8C",
                thickness=2,
            ),
            hovertemplate="%{y}: CSAT %{x:.0f} %<extra></extra>",
        ),
        layout=dict(
            title="CSAT by staff member (number of surveys); the line is the likely range",
            xaxis=dict(title="CSAT (%)", range=[0, 102]),
            height=max(480, 26 * len(ordered) + 160),
            showlegend=False,
        ),
    )
    return figure


def return_chart(table: pd.DataFrame) -> go.Figure:
    """Bars: share of visits followed by a return next month, by score, coloured by zone."""
    return go.Figure(
        go.Bar(
            x=[str(s) for s in table.index],
            y=table["came back (%)"],
            marker_color=[ZONE_COLOURS[z] for z in table["zone"]],
            texttemplate="%{y:.0f} %",
            customdata=np.stack([table["zone"], table["visits"]], axis=1),
            hovertemplate="score %{x} (%{customdata[0]}): %{y:.0f} % of "
            "%{customdata[1]} visits<extra></extra>",
        ),
        layout=dict(
            title="In our town: came back the next month, by satisfaction score",
            xaxis=dict(title="satisfaction score of the visit (1 = very unhappy, 5 = delighted)"),
            yaxis=dict(title="came back next month (%)", range=[0, 100]),
        ),
    )
