"""Satisfaction in the sample town: the questions of notebook 01, asked of the data.

* :func:`moments_table`: CSAT (share of 4s and 5s) **and top box** (share of 5s) of surveyed visits
  when each service moment went well and when it did not. After teaching that a 4 is not loyal,
  the share of 5s is the figure that matters; CSAT alone hides what warmth and listening do.
* :func:`csat_by_staff`: CSAT per staff member with a Wilson interval (a handful of surveys says
  little), and the shop each works in: the two shops treat their staff differently, so a ranking
  across the town mixes people with shops (:func:`engagement_link` measures that too).
* :func:`return_by_score`: share of visits followed by another visit the next month, by the visit's
  true satisfaction score and zone (defection 1-2, indifference 3-4, affection 5).

The town is fictional (``helpers/town``) and built on lesson 01's model; ``data/README.md`` lists
the effects planted in it, so these numbers can be compared with the truth. Finding them again
shows the analysis works, not that the published figures are true.
"""

from __future__ import annotations

import numpy as np
import pandas as pd
import plotly.graph_objects as go

import helpers.theme  # noqa: F401  (the course's chart look)
from helpers.data import returned_next_month, shop_names
from helpers.i18n import _
from helpers.lessons.satisfaction.return_link import ZONE_OF_SCORE
from helpers.lessons.satisfaction.simulators import ZONE_COLOURS
from helpers.metrics import csat, wilson_interval
from helpers.theme import MEANING

#: The wait (minutes) up to which a visit counts as "served within 5 minutes".
SHORT_WAIT = 5

#: Service moments, and the column of the surveyed visits that records them.
MOMENT_COLUMNS: dict[str, str] = {
    "problems_fixed": "problem_fixed",
    "courtesy": "courteous",
    "questions_answered": "question_answered",
    "wait": "short_wait",
    "listening": "listened",
    "warmth": "warm",
}


def moment_labels() -> dict[str, str]:
    """The moments as the town's table names them (current language)."""
    return {
        "problems_fixed": _("problem fixed"),
        "courtesy": _("treated politely"),
        "questions_answered": _("question answered"),
        "wait": _("served within 5 minutes"),
        "listening": _("really listened to"),
        "warmth": _("warm, personal service"),
    }


def surveyed_visits(visits: pd.DataFrame, surveys: pd.DataFrame) -> pd.DataFrame:
    """Visits that have an answered survey, with the survey's CSAT and NPS."""
    answered = surveys.loc[surveys["responded"].astype(bool), ["visit_id", "csat", "nps"]]
    joined = visits.merge(answered, on="visit_id", how="inner", validate="one_to_one")
    joined["short_wait"] = joined["wait_minutes"] <= SHORT_WAIT
    return joined


def _percent_of(scores: pd.Series, top_box: bool) -> float:
    """CSAT (or the share of 5s) in %, or NaN where there are no answers."""
    if not len(scores):
        return float("nan")
    return 100 * float((scores == 5).mean()) if top_box else 100 * csat(scores)


def moments_table(visits: pd.DataFrame, surveys: pd.DataFrame) -> pd.DataFrame:
    """CSAT and top box (%) when each moment went well and when it did not (answered surveys).

    A question or a problem only counts on the visits that had one. Columns: ``csat_well``,
    ``csat_not``, ``top_well``, ``top_not`` and ``surveys_not`` (how many answered surveys the
    "did not" figures rest on). One row per moment (:data:`MOMENT_COLUMNS`).
    """
    joined = surveyed_visits(visits, surveys)
    rows = {}
    for moment, column in MOMENT_COLUMNS.items():
        happened = joined[column].astype("boolean")
        well = joined.loc[happened.fillna(False).to_numpy(dtype=bool), "csat"]
        badly = joined.loc[(~happened).fillna(False).to_numpy(dtype=bool), "csat"]
        rows[moment] = {
            "csat_well": _percent_of(well, top_box=False),
            "csat_not": _percent_of(badly, top_box=False),
            "top_well": _percent_of(well, top_box=True),
            "top_not": _percent_of(badly, top_box=True),
            "surveys_not": len(badly),
        }
    return pd.DataFrame.from_dict(rows, orient="index")


def moments_display(table: pd.DataFrame) -> pd.DataFrame:
    """:func:`moments_table` as the notebook shows it: plain words, whole percentages."""
    labels = moment_labels()
    shown = table.round(0).astype(int)
    shown.index = pd.Index([labels[m] for m in table.index], name=_("moment"))
    shown.columns = [
        _("CSAT if it went well"),
        _("CSAT if not"),
        _("5s if it went well"),
        _("5s if not"),
        _("surveys, not"),
    ]
    return shown


def csat_by_staff(visits: pd.DataFrame, surveys: pd.DataFrame, staff: pd.DataFrame) -> pd.DataFrame:
    """CSAT (%) of each staff member's surveyed visits, with a 95 % Wilson interval and shop."""
    joined = surveyed_visits(visits, surveys)
    rows = []
    for staff_id, answers in joined.groupby("staff_id", sort=True):
        scores = answers["csat"]
        happy = int((scores >= 4).sum())
        low, high = wilson_interval(happy, len(answers))
        rows.append(
            {
                "staff_id": staff_id,
                "surveys": len(answers),
                "CSAT (%)": 100 * csat(scores),
                "lowest likely (%)": 100 * low,
                "highest likely (%)": 100 * high,
            }
        )
    people = staff.set_index("staff_id")[["shop_id", "engagement", "training_hours"]]
    table = pd.DataFrame(rows).set_index("staff_id").join(people, how="left")
    return table.sort_values("CSAT (%)", ascending=False)


def staff_summary(by_staff: pd.DataFrame) -> pd.DataFrame:
    """What the staff chart shows, in numbers: the range, the thin evidence, the shop pattern."""
    ordered = by_staff.sort_values("CSAT (%)")
    top = ordered.iloc[-1]
    facts = pd.Series(
        {
            _("staff members"): len(ordered),
            _("lowest CSAT (%)"): round(ordered["CSAT (%)"].iloc[0]),
            _("highest CSAT (%)"): round(top["CSAT (%)"]),
            _("surveys behind the highest"): int(top["surveys"]),
            _("staff with fewer than 10 surveys"): int((ordered["surveys"] < 10).sum()),
            _("Market Street staff among the bottom eight"): int(
                (ordered["shop_id"].iloc[:8] == "SH2").sum()
            ),
        }
    )
    return facts.to_frame(_("staff chart"))


def engagement_link(by_staff: pd.DataFrame) -> pd.DataFrame:
    """Correlation of engagement with CSAT over all staff, and within each shop.

    Over the whole town the correlation mixes two things: engaged people serving better, and the
    better-run shop having both more engaged staff and happier customers. Within one shop only
    the first is left (on a dozen people, so still rough).
    """
    overall = by_staff["engagement"].corr(by_staff["CSAT (%)"])
    names = shop_names()
    within = {
        _("within {shop}").format(shop=names[shop]): group["engagement"].corr(group["CSAT (%)"])
        for shop, group in by_staff.groupby("shop_id", sort=True)
    }
    # + 0.0 turns a rounded -0.00 into 0.00
    link = pd.Series({_("all staff"): overall, **within}).round(2) + 0.0
    return link.to_frame(_("engagement and CSAT: correlation"))


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


def moments_chart(table: pd.DataFrame) -> go.Figure:
    """Paired bars per moment: the share of 5s when it went well, and when it did not."""
    labels = moment_labels()
    moments = list(table.index)[::-1]
    names = [labels[m] for m in moments]
    bars = [
        ("top_not", _("did not"), MEANING["bad"]),
        ("top_well", _("went well"), MEANING["good"]),
    ]
    return go.Figure(
        [
            go.Bar(
                y=names,
                x=table.loc[moments, column],
                name=name,
                orientation="h",
                marker_color=colour,
                texttemplate="%{x:.0f} %",
                textposition="outside",
                cliponaxis=False,
            )
            for column, name, colour in bars
        ],
        layout=dict(
            title=_("Delighted (5s) when each moment went well, and when it did not"),
            xaxis=dict(title=_("share of answers that are 5 (%)"), range=[0, 100]),
            barmode="group",
            legend=dict(traceorder="reversed", orientation="h", y=-0.2),
            height=560,
        ),
    )


def staff_chart(table: pd.DataFrame) -> go.Figure:
    """Each staff member's CSAT with its likely range, by code, coloured by shop."""
    ordered = table.sort_values("CSAT (%)")
    names = shop_names()
    labels = [
        f"{sid} · {names[shop]} ({n})"
        for sid, shop, n in zip(ordered.index, ordered["shop_id"], ordered["surveys"], strict=True)
    ]
    colours = [MEANING["shop_a"] if s == "SH1" else MEANING["shop_b"] for s in ordered["shop_id"]]
    return go.Figure(
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
                color="#595959",
                thickness=2,
            ),
            hovertemplate="%{y}: CSAT %{x:.0f} %<extra></extra>",
        ),
        layout=dict(
            title=_("CSAT by staff member (surveys); the line is the likely range"),
            xaxis=dict(title=_("CSAT (%)"), range=[0, 102]),
            height=max(480, 26 * len(ordered) + 160),
            showlegend=False,
        ),
    )


def return_chart(table: pd.DataFrame) -> go.Figure:
    """Bars: share of visits followed by a return next month, by score, coloured by zone."""
    return go.Figure(
        go.Bar(
            x=[str(s) for s in table.index],
            y=table["came back (%)"],
            marker_color=[ZONE_COLOURS[z] for z in table["zone"]],
            texttemplate="%{y:.0f} %",
            textposition="outside",
            cliponaxis=False,
            customdata=np.stack([table["zone"], table["visits"]], axis=1),
            hovertemplate="score %{x} (%{customdata[0]}): %{y:.0f} % of "
            "%{customdata[1]} visits<extra></extra>",
        ),
        layout=dict(
            title=_("In our town: came back the next month, by satisfaction score"),
            xaxis=dict(
                title=_("satisfaction score of the visit (1 = very unhappy, 5 = delighted)")
            ),
            yaxis=dict(title=_("came back next month (%)"), range=[0, 100]),
        ),
    )
