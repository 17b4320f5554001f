"""Feedback in the sample town: the questions of notebook 04, asked of the data.

* :func:`response_by_satisfaction`: who answers the surveys, by the visit's TRUE satisfaction
  (surveys joined to visits; a real shop never sees this, only an invented town can show it), and
  :func:`survey_against_truth`: the CSAT the answers give against the truth.
* :func:`scores_by_shop`: NPS and CSAT per shop with their 95 % margins.
* :func:`staff_funnel`: the funnel of CSAT per staff member, from the answers that name someone
  (``surveys.staff_named``), one shop at a time: the two shops are run differently, so each
  person is compared with their own shop.
* :func:`comment_themes`: simple, transparent counting of themes in the comments (keywords with
  pandas string methods; no black-box language model).
* :func:`complaints_against_unhappy`: complaints against unhappy visits (the iceberg), and
  :func:`back_after_complaint`: who came back after a complaint, by how it was resolved.

The town is fictional (``helpers/town``); ``data/README.md`` lists what was planted, so these
numbers can be compared with the truth. Finding them again shows the analysis works, not that the
published figures are true.
"""

from __future__ import annotations

import pandas as pd

from helpers.data import returned_next_month, shop_names
from helpers.i18n import _
from helpers.lessons.feedback.funnel import Funnel, csat_funnel
from helpers.metrics import csat, nps, wilson_interval

#: The themes counted in comments, and the keywords (a regular expression) that mark each.
THEMES: dict[str, str] = {
    "problem not sorted": r"problem|fault|broken|sorted",
    "rude or unfriendly": r"rude|impolite|unfriendly",
    "question unanswered": r"question|answer",
    "waiting": r"wait|queue|slow",
    "warm and friendly": r"warm|friendly|thank|helpful",
    "found what they needed": r"found|needed",
}


def theme_names() -> dict[str, str]:
    """The themes as the tables name them (current language)."""
    return {
        "problem not sorted": _("problem not sorted"),
        "rude or unfriendly": _("rude or unfriendly"),
        "question unanswered": _("question unanswered"),
        "waiting": _("waiting"),
        "warm and friendly": _("warm and friendly"),
        "found what they needed": _("found what they needed"),
    }


def answered_surveys(surveys: pd.DataFrame) -> pd.DataFrame:
    """The surveys that came back."""
    return surveys.loc[surveys["responded"].astype(bool)]


def response_by_satisfaction(visits: pd.DataFrame, surveys: pd.DataFrame) -> pd.DataFrame:
    """Surveys sent, answered and the answer rate (%) by the visit's true satisfaction 1-5."""
    joined = surveys.merge(
        visits[["visit_id", "satisfaction"]], on="visit_id", how="left", validate="one_to_one"
    )
    grouped = joined.groupby(joined["satisfaction"].astype(int))["responded"]
    table = pd.DataFrame(
        {"sent": grouped.size(), "answered": grouped.sum().astype(int)},
    )
    table["answer rate (%)"] = 100 * table["answered"] / table["sent"]
    table.index.name = "true satisfaction"
    return table


def survey_against_truth(visits: pd.DataFrame, surveys: pd.DataFrame) -> pd.Series:
    """CSAT (%) from the answers, against the true share of 4s and 5s over the surveyed visits
    and over all visits; the share (%) of unhappy (1-2) the same three ways."""
    answers = answered_surveys(surveys)
    surveyed = visits.loc[visits["visit_id"].isin(surveys["visit_id"]), "satisfaction"]
    truth = visits["satisfaction"]
    return pd.Series(
        {
            "csat_answers": 100 * csat(answers["csat"]),
            "csat_surveyed": 100 * float((surveyed >= 4).mean()),
            "csat_all": 100 * float((truth >= 4).mean()),
            "unhappy_answers": 100 * float((answers["csat"] <= 2).mean()),
            "unhappy_surveyed": 100 * float((surveyed <= 2).mean()),
            "delighted_answers": 100 * float((answers["csat"] == 5).mean()),
            "delighted_surveyed": 100 * float((surveyed == 5).mean()),
        }
    )


def scores_by_shop(surveys: pd.DataFrame) -> pd.DataFrame:
    """Per shop (and both together): answers, CSAT with its likely range, NPS with its margin."""
    answers = answered_surveys(surveys)
    names = shop_names()
    groups = [(names[shop], group) for shop, group in answers.groupby("shop_id", sort=True)]
    rows = {}
    for label, group in [*groups, (_("both shops"), answers)]:
        happy = int((group["csat"] >= 4).sum())
        low, high = wilson_interval(happy, len(group))
        score = nps(group["nps"])
        rows[label] = {
            "answers": len(group),
            "CSAT (%)": 100 * csat(group["csat"]),
            "CSAT lowest likely (%)": 100 * low,
            "CSAT highest likely (%)": 100 * high,
            "NPS": score.score,
            "NPS ±": score.margin,
        }
    return pd.DataFrame.from_dict(rows, orient="index")


def staff_codes(staff: pd.DataFrame, show_names: bool = False) -> dict[str, str]:
    """How the charts label each staff member: the code (S01), or the name if the trainer asks."""
    if show_names:
        return dict(zip(staff["staff_id"], staff["name"], strict=True))
    return {sid: sid for sid in staff["staff_id"]}


def staff_funnel(surveys: pd.DataFrame, shop: str, staff: pd.DataFrame | None = None) -> Funnel:
    """Funnel of CSAT per staff member of ``shop``, from the answers that name someone.

    Each person is compared with their own shop's average: the two shops are run differently.
    ``staff`` (the staff table) relabels the people by name; by default they keep their codes.
    """
    answers = answered_surveys(surveys)
    mine = answers.loc[(answers["shop_id"] == shop) & answers["staff_named"].notna()]
    person = mine["staff_named"]
    if staff is not None:
        person = person.map(staff_codes(staff, show_names=True))
    return csat_funnel(mine["csat"] >= 4, person)


def named_summary(surveys: pd.DataFrame) -> pd.Series:
    """How many answers name a staff member, and how few surveys each person's figure rests on."""
    answers = answered_surveys(surveys)
    named = answers["staff_named"].dropna()
    per_person = named.value_counts()
    return pd.Series(
        {
            _("answers"): len(answers),
            _("answers naming a staff member"): len(named),
            _("named (%)"): round(100 * len(named) / len(answers)),
            _("staff named"): len(per_person),
            _("fewest surveys for one person"): int(per_person.min()),
            _("most surveys for one person"): int(per_person.max()),
            _("median surveys per person"): float(per_person.median()),
        }
    )


def comment_themes(surveys: pd.DataFrame) -> pd.DataFrame:
    """How many comments mention each theme (keywords of :data:`THEMES`), per shop, and the
    CSAT (%) of the answers that mention it."""
    answers = answered_surveys(surveys)
    text = answers["comment"].fillna("").str.lower()
    names, shops = theme_names(), shop_names()
    rows = {}
    for theme, keywords in THEMES.items():
        mentions = text.str.contains(keywords, regex=True)
        row = {
            shops[shop]: int(mentions[answers["shop_id"] == shop].sum()) for shop in sorted(shops)
        }
        row["CSAT of these answers (%)"] = 100 * csat(answers.loc[mentions, "csat"])
        rows[names[theme]] = row
    table = pd.DataFrame.from_dict(rows, orient="index")
    table.index.name = _("theme")
    return table


def comment_counts(surveys: pd.DataFrame) -> pd.Series:
    """Answers, and how many of them carry a comment."""
    answers = answered_surveys(surveys)
    with_comment = answers["comment"].fillna("").str.strip().ne("")
    return pd.Series(
        {_("answers"): len(answers), _("answers with a comment"): int(with_comment.sum())}
    )


def complaints_against_unhappy(visits: pd.DataFrame, complaints: pd.DataFrame) -> pd.DataFrame:
    """Per shop: unhappy visits (true satisfaction 1-2), how many led to a complaint, the share,
    and how many unhappy visits the shop never heard about."""
    unhappy = visits.loc[visits["satisfaction"] <= 2, ["visit_id", "shop_id"]]
    complained = unhappy["visit_id"].isin(complaints["visit_id"])
    names = shop_names()
    rows = {}
    for label, mask in [
        *((names[s], unhappy["shop_id"] == s) for s in sorted(names)),
        (_("both shops"), pd.Series(True, index=unhappy.index)),
    ]:
        count, heard = int(mask.sum()), int((complained & mask).sum())
        rows[label] = {
            "unhappy visits": count,
            "complained": heard,
            "complained (%)": 100 * heard / count,
            "never heard about": count - heard,
        }
    return pd.DataFrame.from_dict(rows, orient="index")


def complaints_by_score(visits: pd.DataFrame, complaints: pd.DataFrame) -> pd.Series:
    """How many complaints came from visits of each true satisfaction score."""
    scores = visits.set_index("visit_id")["satisfaction"]
    counts = complaints["visit_id"].map(scores).astype(int).value_counts()
    return counts.reindex(range(1, 6), fill_value=0).rename_axis("true satisfaction")


def back_after_complaint(visits: pd.DataFrame, complaints: pd.DataFrame) -> pd.DataFrame:
    """Came back next month (%) after an unhappy visit: complained and settled generously,
    complained and settled stingily, or never complained. Not a fair experiment: which shop
    settles generously is not random (Riverside does it far more often)."""
    back = returned_next_month(visits)
    unhappy = (visits["satisfaction"] <= 2) & back.notna()
    resolution = visits["visit_id"].map(complaints.set_index("visit_id")["resolution"])
    group = resolution.astype("string").fillna("never complained").where(unhappy)
    frame = pd.DataFrame({"group": group, "back": back.astype("Float64")}).dropna()
    table = frame.groupby("group")["back"].agg(visits="size", came_back="mean")
    table["came back (%)"] = 100 * table.pop("came_back").astype(float)
    return table.reindex(["generous", "stingy", "never complained"])


def staff_against_truth(visits: pd.DataFrame, surveys: pd.DataFrame, shop: str) -> pd.DataFrame:
    """For each named staff member of ``shop``: surveys, CSAT from the surveys, and the TRUE share
    of 4s and 5s over all the visits they served (fiction-only: a real shop never sees it), with
    both ranks (1 = best)."""
    funnel = staff_funnel(surveys, shop)
    served = visits.loc[visits["shop_id"] == shop]
    truth = served.groupby("staff_id")["satisfaction"].apply(lambda s: 100 * float((s >= 4).mean()))
    table = funnel.people[["surveys", "score"]].rename(columns={"score": "survey CSAT (%)"})
    table["true CSAT (%)"] = truth.reindex(table.index)
    table["survey rank"] = table["survey CSAT (%)"].rank(ascending=False, method="min").astype(int)
    table["true rank"] = table["true CSAT (%)"].rank(ascending=False, method="min").astype(int)
    return table.sort_values("true rank")


def rank_agreement(table: pd.DataFrame) -> float:
    """How well the survey ranking follows the true one (Spearman correlation, -1 to 1)."""
    return float(table["survey CSAT (%)"].corr(table["true CSAT (%)"], method="spearman"))


def funnel_summary(surveys: pd.DataFrame) -> pd.DataFrame:
    """Per shop: staff named, the fewest and most surveys behind one person, the shop's CSAT of
    named answers, and how many people lie above or below the funnel."""
    names = shop_names()
    rows = {}
    for shop in sorted(names):
        funnel = staff_funnel(surveys, shop)
        rows[names[shop]] = {
            "staff named": len(funnel.people),
            "fewest surveys": int(funnel.people["surveys"].min()),
            "most surveys": int(funnel.people["surveys"].max()),
            "shop CSAT (%)": round(funnel.centre),
            "above the funnel": funnel.count("above"),
            "below the funnel": funnel.count("below"),
        }
    return pd.DataFrame.from_dict(rows, orient="index")
