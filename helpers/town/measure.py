"""Measure every planted effect in a set of tables: what the data shows (the answer key).

:func:`measure_effects` returns one number per stable key; the tests and the data dictionary's
answer key (:mod:`helpers.town.readme`) read them.
"""

from __future__ import annotations

import pandas as pd

from helpers import metrics
from helpers.data import returned_next_month
from helpers.town.history import N_MONTHS, month_index

_SHOP_IDS = ("SH1", "SH2")


def _share(mask: pd.Series) -> float:
    """Share of true values among the known ones (nan when there are none)."""
    known = mask.dropna()
    return float(known.astype(float).mean()) if len(known) else float("nan")


def measure_effects(tables: dict[str, pd.DataFrame]) -> dict[str, float]:
    """Measure every planted effect in a set of tables (as :func:`build_town` returns them).

    Keys are stable names used by the tests and the data dictionary's answer key.
    """
    visits = tables["visits"]
    came = returned_next_month(visits)
    out: dict[str, float] = {}
    out |= _return(tables, came)
    out |= _moments(visits)
    out |= _complaints(tables, came)
    out |= _follow_ups(tables)
    out |= _surveys(tables)
    out |= _reviews(tables)
    out |= _word_of_mouth(tables)
    out |= _shops(tables, came)
    out |= _staff(tables)
    return out


def _return(tables: dict[str, pd.DataFrame], came: pd.Series) -> dict[str, float]:
    """Satisfaction → return, steepest at the top; interest moves the threshold."""
    visits = tables["visits"]
    sat = visits["satisfaction"].astype(int)
    out = {f"return_share_{s}": _share(came[sat == s]) for s in range(1, 6)}
    out["return_ratio_5_to_4"] = out["return_share_5"] / out["return_share_4"]
    interest = visits["customer_id"].map(tables["customers"].set_index("customer_id")["interest"])
    keen = interest.astype(float) >= 0.5
    for s in (4, 5):
        out[f"return_share_{s}_keen"] = _share(came[(sat == s) & keen])
        out[f"return_share_{s}_indifferent"] = _share(came[(sat == s) & ~keen])
    return out


def _moments(visits: pd.DataFrame) -> dict[str, float]:
    """Asymmetry: what a good moment adds vs what the matching bad one takes (mean satisfaction)."""
    mean = visits["satisfaction"].astype(int).astype(float)
    asked = visits["question_asked"].astype(bool)
    answered = visits["question_answered"].fillna(False).astype(bool)
    problem = visits["problem"].astype(bool)
    fixed = visits["problem_fixed"].fillna(False).astype(bool)
    courteous = visits["courteous"].astype(bool)
    warm = visits["warm"].astype(bool)
    listened = visits["listened"].astype(bool)
    no_q = mean[~asked].mean()
    no_p = mean[~problem].mean()
    return {
        "answered_gain": mean[asked & answered].mean() - no_q,
        "unanswered_loss": no_q - mean[asked & ~answered].mean(),
        "fixed_gain": mean[problem & fixed].mean() - no_p,
        "unfixed_loss": no_p - mean[problem & ~fixed].mean(),
        "warm_gain": mean[warm].mean() - mean[~warm].mean(),
        "listened_gain": mean[listened].mean() - mean[~listened].mean(),
        "discourtesy_loss": mean[courteous].mean() - mean[~courteous].mean(),
    }


def _complaints(tables: dict[str, pd.DataFrame], came: pd.Series) -> dict[str, float]:
    """Most unhappy customers never complain; generous resolution brings them back."""
    visits, complaints = tables["visits"], tables["complaints"]
    sat = visits["satisfaction"].astype(int)
    complained = visits["visit_id"].isin(complaints["visit_id"])
    resolution = visits["visit_id"].map(complaints.set_index("visit_id")["resolution"])
    out = {
        "complaint_share_unhappy": _share(complained[sat <= 2]),
        "complaint_share_neutral": _share(complained[sat == 3]),
        "complaint_share_happy": _share(complained[sat >= 4]),
        "return_after_generous": _share(came[resolution == "generous"]),
        "return_after_stingy": _share(came[resolution == "stingy"]),
        "return_after_unhappy_no_complaint": _share(came[(sat <= 2) & ~complained]),
    }
    for shop in _SHOP_IDS:
        mine = complaints.loc[complaints["shop_id"] == shop, "resolution"]
        out[f"generous_share_{shop}"] = _share(mine == "generous")
    return out


def _follow_ups(tables: dict[str, pd.DataFrame]) -> dict[str, float]:
    """Follow-up calls: a visit in the calendar month after the call was due."""
    visits, fu = tables["visits"], tables["follow_ups"]
    month = month_index(visits["date"].to_numpy())
    seen = pd.MultiIndex.from_arrays([visits["customer_id"], month])
    due_month = month_index(fu["due"].to_numpy())
    measurable = pd.Series(due_month < month.max(), index=fu.index)
    visited = pd.Series(
        pd.MultiIndex.from_arrays([fu["customer_id"], due_month + 1]).isin(seen), index=fu.index
    )
    called = fu["called"].astype(bool)
    out = {
        "visit_after_call": _share(visited[measurable & called]),
        "visit_after_no_call": _share(visited[measurable & ~called]),
    }
    for shop in _SHOP_IDS:
        here = measurable & (fu["shop_id"] == shop)
        lift = _share(visited[here & called]) - _share(visited[here & ~called])
        out[f"follow_up_lift_{shop}"] = lift
    return out


def _surveys(tables: dict[str, pd.DataFrame]) -> dict[str, float]:
    """Who answers surveys depends on satisfaction (extremes answer more)."""
    visits, surveys = tables["visits"], tables["surveys"]
    s_sat = surveys["visit_id"].map(visits.set_index("visit_id")["satisfaction"]).astype(int)
    out = {f"survey_response_{s}": _share(surveys["responded"][s_sat == s]) for s in range(1, 6)}
    answers = surveys[surveys["responded"].astype(bool)]
    out["csat_from_answers"] = metrics.csat(answers["csat"].astype(float))
    out["csat_true_all_visits"] = metrics.csat(visits["satisfaction"].astype(float))
    out["nps_from_answers"] = metrics.nps(answers["nps"].astype(float)).score
    return out


def _reviews(tables: dict[str, pd.DataFrame]) -> dict[str, float]:
    """Reviews: J-shaped stars; replies lift later ratings."""
    visits, reviews = tables["visits"], tables["reviews"]
    out = {f"review_stars_{s}": _share(reviews["stars"] == s) for s in range(1, 6)}
    r_sat = reviews["visit_id"].map(visits.set_index("visit_id")["satisfaction"]).astype(float)
    gap = reviews["stars"].astype(float) - r_sat
    replies_from = reviews["shop_id"].map(
        tables["shops"].set_index("shop_id")["replies_to_reviews_from"]
    )
    replying = reviews["date"] >= replies_from
    out["review_gap_replying"] = float(gap[replying].mean())
    out["review_gap_not_replying"] = float(gap[~replying].mean())
    out["reply_star_lift"] = out["review_gap_replying"] - out["review_gap_not_replying"]
    return out


def _word_of_mouth(tables: dict[str, pd.DataFrame]) -> dict[str, float]:
    """Praise vs warnings; the share of new customers referrals bring."""
    wom, customers = tables["word_of_mouth"], tables["customers"]
    n_warn = int((wom["kind"] == "warning").sum())
    new = customers[customers["acquired_via"] != "existing"]
    return {
        "praise_to_warning_ratio": int((wom["kind"] == "praise").sum()) / max(n_warn, 1),
        "referral_share_of_new_customers": _share(new["acquired_via"] == "referral"),
        "customers": float(len(customers)),
    }


def _shops(tables: dict[str, pd.DataFrame], came: pd.Series) -> dict[str, float]:
    """Two shops, same goods: the better service keeps and wins customers."""
    visits = tables["visits"]
    mean = visits["satisfaction"].astype(int).astype(float)
    out = {}
    for shop in _SHOP_IDS:
        here = visits["shop_id"] == shop
        out[f"return_share_{shop}"] = _share(came[here])
        out[f"mean_satisfaction_{shop}"] = float(mean[here].mean())
    month = pd.Series(month_index(visits["date"].to_numpy()), index=visits.index)
    at_sh1 = visits["shop_id"] == "SH1"
    out["visit_share_SH1_first_quarter"] = _share(at_sh1[month < 3])
    out["visit_share_SH1_last_quarter"] = _share(at_sh1[month >= N_MONTHS - 3])
    return out


def _staff(tables: dict[str, pd.DataFrame]) -> dict[str, float]:
    """Service-profit chain: engaged staff are more courteous and warmer."""
    scores = ("engagement", "courtesy", "warmth", "training_hours", "product_knowledge")
    staff = tables["staff"].astype(dict.fromkeys(scores, float))
    return {
        "corr_engagement_courtesy": float(staff["engagement"].corr(staff["courtesy"])),
        "corr_engagement_warmth": float(staff["engagement"].corr(staff["warmth"])),
        "corr_training_knowledge": float(staff["training_hours"].corr(staff["product_knowledge"])),
    }
