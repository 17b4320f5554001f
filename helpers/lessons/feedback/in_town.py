"""Feedback in the sample town: the questions of notebook 04, asked of the data.

* :func:`response_by_satisfaction`: who answers the surveys, by the visit's TRUE satisfaction
  (surveys joined to visits; a real shop never sees this, only an invented town can show it), and
  :func:`survey_against_truth`: the CSAT the answers give against the truth.
* :func:`scores_by_shop`: NPS and CSAT per shop with their 95 % margins.
* :func:`staff_funnel`: the funnel of CSAT per staff member, from the answers that name someone
  (``surveys.staff_named``), one shop at a time: the two shops are run differently, so each
  person is compared with their own shop.
* :func:`comment_themes`: simple, transparent counting of themes in the comments (a list of
  words per theme, :data:`THEMES`; no black-box language model). A word list ignores negation:
  "unfriendly" contains "friendly", "no problem" contains "problem".
* :func:`complaints_against_unhappy`: complaints against unhappy visits (the iceberg), and
  :func:`back_after_complaint`: who came back after a complaint, by how it was resolved, in both
  shops together or in each (:func:`back_after_complaint_by_shop`): not a fair experiment.

Every function returns a small table in plain words, rounded as the notebook reads it.

The town is fictional (``helpers/town``); ``data/README.md`` lists what was planted, so these
numbers can be compared with the truth. Finding them again shows the analysis works, not that the
published figures are true.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence

import pandas as pd

from helpers.data import returned_next_month, shop_names
from helpers.i18n import _
from helpers.lessons.feedback.funnel import Funnel, csat_funnel
from helpers.metrics import csat, nps, wilson_interval

#: The themes counted in comments, and the words that mark each (a comment mentioning any of
#: them counts, in any case; "wait" also finds "waited").
THEMES: dict[str, tuple[str, ...]] = {
    "problem not sorted": ("problem", "fault", "broken", "sorted"),
    "rude or unfriendly": ("rude", "impolite", "unfriendly"),
    "question unanswered": ("question", "answer"),
    "waiting": ("wait", "queue", "slow"),
    "warm and friendly": ("warm", "friendly", "thank", "helpful"),
    "found what they needed": ("found", "needed"),
}


def listing(rows: Mapping[str, object], heading: str) -> pd.DataFrame:
    """A few named figures as a one-column table (whole numbers stay whole: no "4.0")."""
    return pd.DataFrame({heading: pd.Series(dict(rows), dtype=object)})


def theme_keywords(themes: Mapping[str, Sequence[str]] = THEMES) -> pd.DataFrame:
    """The words that mark each theme, as the notebook shows them."""
    names = theme_names()
    return pd.DataFrame(
        {_("words looked for"): [", ".join(words) for words in themes.values()]},
        index=pd.Index([names.get(t, t) for t in themes], name=_("theme")),
    )


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
        {_("surveys sent"): grouped.size(), _("answered"): grouped.sum().astype(int)},
    )
    table[_("answered (%)")] = (100 * table[_("answered")] / table[_("surveys sent")]).round()
    table[_("answered (%)")] = table[_("answered (%)")].astype(int)
    table.index.name = _("true satisfaction of the visit")
    return table


def survey_against_truth(visits: pd.DataFrame, surveys: pd.DataFrame) -> pd.DataFrame:
    """What the answers say (%) against the truth over the surveyed visits and over all visits:
    CSAT (4s and 5s), the delighted (5s) and the unhappy (1s and 2s), in whole percents."""
    answers = answered_surveys(surveys)["csat"]
    surveyed = visits.loc[visits["visit_id"].isin(surveys["visit_id"]), "satisfaction"]
    every = visits["satisfaction"]

    def shares(scores: pd.Series) -> list[int]:
        return [
            round(100 * float(scores.between(4, 5).mean())),
            round(100 * float((scores == 5).mean())),
            round(100 * float((scores <= 2).mean())),
        ]

    return pd.DataFrame(
        {
            _("the answers say (%)"): shares(answers),
            _("truth: the surveyed visits (%)"): shares(surveyed),
            _("truth: all visits (%)"): shares(every),
        },
        index=pd.Index(
            [_("CSAT (4s and 5s)"), _("delighted (5s)"), _("unhappy (1s and 2s)")],
            name=_("share of"),
        ),
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


def named_summary(surveys: pd.DataFrame) -> pd.DataFrame:
    """How many answers name a staff member, and how few surveys each person's figure rests on."""
    answers = answered_surveys(surveys)
    named = answers["staff_named"].dropna()
    per_person = named.value_counts()
    return listing(
        {
            _("answers"): len(answers),
            _("answers naming a staff member"): len(named),
            _("named (%)"): round(100 * len(named) / len(answers)),
            _("staff named"): len(per_person),
            _("fewest surveys for one person"): int(per_person.min()),
            _("most surveys for one person"): int(per_person.max()),
            _("half the staff have at most"): int(per_person.median()),
        },
        _("both shops"),
    )


def naming_by_satisfaction(visits: pd.DataFrame, surveys: pd.DataFrame) -> pd.Series:
    """Share (%) of answers that name someone, by the visit's true satisfaction 1-5."""
    answers = answered_surveys(surveys).merge(
        visits[["visit_id", "satisfaction"]], on="visit_id", how="left", validate="one_to_one"
    )
    named = answers["staff_named"].notna()
    return 100 * named.groupby(answers["satisfaction"].astype(int)).mean()


def _mentions(text: pd.Series, words: Sequence[str]) -> pd.Series:
    pattern = "|".join(re.escape(str(word).lower()) for word in words)
    return text.str.contains(pattern, regex=True)


def comment_themes(
    surveys: pd.DataFrame, themes: Mapping[str, Sequence[str]] = THEMES
) -> pd.DataFrame:
    """How many comments mention each theme (the words of ``themes``, :data:`THEMES` unless
    given), per shop, as a count and as a share of that shop's answers, and the CSAT (%) of the
    answers that mention it; whole numbers."""
    answers = answered_surveys(surveys)
    text = answers["comment"].fillna("").str.lower()
    names, shops = theme_names(), shop_names()
    rows = {}
    for theme, words in themes.items():
        mentions = _mentions(text, words)
        row: dict[str, int] = {}
        for shop in sorted(shops):
            mine = answers["shop_id"] == shop
            row[_("{shop}: comments").format(shop=shops[shop])] = int(mentions[mine].sum())
            row[_("{shop}: % of answers").format(shop=shops[shop])] = round(
                100 * float(mentions[mine].mean())
            )
        mentioned = answers.loc[mentions, "csat"].dropna()
        row[_("CSAT of these answers (%)")] = (
            round(100 * csat(mentioned)) if len(mentioned) else pd.NA  # type: ignore[assignment]
        )
        rows[names.get(theme, theme)] = row
    table = pd.DataFrame.from_dict(rows, orient="index").astype("Int64")
    table.index.name = _("theme")
    return table


def comment_counts(surveys: pd.DataFrame) -> pd.DataFrame:
    """Answers, and how many of them carry a comment."""
    answers = answered_surveys(surveys)
    with_comment = answers["comment"].fillna("").str.strip().ne("")
    return listing(
        {_("answers"): len(answers), _("answers with a comment"): int(with_comment.sum())},
        _("both shops"),
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
            "complained (%)": round(100 * heard / count),
            "never heard about": count - heard,
        }
    return pd.DataFrame.from_dict(rows, orient="index")


def complaints_by_score(visits: pd.DataFrame, complaints: pd.DataFrame) -> pd.DataFrame:
    """How many complaints came from visits of each true satisfaction score."""
    scores = visits.set_index("visit_id")["satisfaction"]
    counts = complaints["visit_id"].map(scores).astype(int).value_counts()
    counts = counts.reindex(range(1, 6), fill_value=0).astype(int)
    return pd.DataFrame(
        {_("complaints"): counts.to_numpy()},
        index=pd.Index(counts.index, name=_("true satisfaction of the visit")),
    )


#: The groups of :func:`back_after_complaint`, in the order shown.
RESOLUTIONS = ("generous", "stingy", "never complained")


def _after_unhappy(visits: pd.DataFrame, complaints: pd.DataFrame) -> pd.DataFrame:
    """Unhappy visits whose next month is known: shop, what happened, came back or not.

    Visits in the last month of the data are left out (nobody can know yet whether those
    customers came back), which is why fewer visits appear here than unhappy visits in all."""
    back = returned_next_month(visits)  # over ALL visits: coming back to either shop counts
    unhappy = (visits["satisfaction"] <= 2) & back.notna()
    resolution = visits["visit_id"].map(complaints.set_index("visit_id")["resolution"])
    group = resolution.astype("string").fillna("never complained")
    frame = pd.DataFrame(
        {"shop": visits["shop_id"], "group": group, "back": back.astype("Float64")}
    )
    return frame.loc[unhappy]


def _came_back(frame: pd.DataFrame) -> pd.DataFrame:
    table = frame.groupby("group")["back"].agg(["size", "mean"]).reindex(list(RESOLUTIONS))
    return pd.DataFrame(
        {
            _("unhappy visits"): table["size"].fillna(0).astype(int),
            _("came back next month (%)"): (100 * table["mean"].astype(float)).round(),
        }
    ).astype({_("came back next month (%)"): "Int64"})


def back_after_complaint(visits: pd.DataFrame, complaints: pd.DataFrame) -> pd.DataFrame:
    """Came back next month (%) after an unhappy visit: complained and settled generously,
    complained and settled stingily, or never complained. Not a fair experiment: which shop
    settles generously is not random (Riverside does it far more often), and what went wrong,
    and how badly, may drive both the settlement and the return."""
    table = _came_back(_after_unhappy(visits, complaints))
    table.index.name = _("after an unhappy visit")
    return table


def back_after_complaint_by_shop(visits: pd.DataFrame, complaints: pd.DataFrame) -> pd.DataFrame:
    """:func:`back_after_complaint` within each shop, side by side: does the pattern hold when
    the shop is held fixed? (On small numbers: see the visits column.)"""
    frame, names = _after_unhappy(visits, complaints), shop_names()
    parts = {names[shop]: _came_back(frame.loc[frame["shop"] == shop]) for shop in sorted(names)}
    table = pd.concat(parts, axis=1)
    table.index.name = _("after an unhappy visit")
    return table


def _staff_truth(visits: pd.DataFrame, surveys: pd.DataFrame, shop: str) -> pd.DataFrame:
    """Survey CSAT and TRUE CSAT (%) per named staff member of ``shop``, unrounded."""
    funnel = staff_funnel(surveys, shop)
    served = visits.loc[visits["shop_id"] == shop]
    truth = served.groupby("staff_id")["satisfaction"].apply(lambda s: 100 * float((s >= 4).mean()))
    table = funnel.people[["surveys", "score"]].rename(columns={"score": "survey CSAT (%)"})
    table["true CSAT (%)"] = truth.reindex(table.index)
    return table


def staff_against_truth(visits: pd.DataFrame, surveys: pd.DataFrame, shop: str) -> pd.DataFrame:
    """For each named staff member of ``shop``: surveys, CSAT from the surveys, and the TRUE share
    of 4s and 5s over all the visits they served (fiction-only: a real shop never sees it), with
    both ranks (1 = best; ranked before rounding), in whole numbers."""
    table = _staff_truth(visits, surveys, shop)
    table["survey rank"] = table["survey CSAT (%)"].rank(ascending=False, method="min").astype(int)
    table["true rank"] = table["true CSAT (%)"].rank(ascending=False, method="min").astype(int)
    for column in ("survey CSAT (%)", "true CSAT (%)"):
        table[column] = table[column].round().astype(int)
    table.index.name = _("staff code")
    return table.sort_values("true rank")


def rank_agreement(table: pd.DataFrame) -> float:
    """How well the survey ranking follows the true one (Spearman's rank correlation: 1 is the
    same order, 0 no link at all, -1 the reverse order)."""
    return float(table["survey CSAT (%)"].corr(table["true CSAT (%)"], method="spearman"))


def ranking_against_truth(visits: pd.DataFrame, surveys: pd.DataFrame) -> pd.DataFrame:
    """Per shop: how closely the survey ranking of staff follows the true ranking (1 = the same
    order, 0 = no link), rounded to two decimals."""
    names = shop_names()
    return listing(
        {
            names[shop]: round(rank_agreement(_staff_truth(visits, surveys, shop)), 2)
            for shop in sorted(names)
        },
        _("survey ranking against the true one (1 = same order, 0 = no link)"),
    )


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
