"""Turn the simulation's raw state (resident numbers, visit numbers, codes) into the tables.

Ids are given here: customers are numbered by first visit (existing customers first), visits and
messages by date. Types are loose (formatting comes in :mod:`helpers.town.csv_text`).

The records end on the history's last day (:func:`inside_history`): a complaint still open then,
a follow-up call not yet due, a survey not yet sent, a review not yet posted and a message not yet
told are not in the files, and an answer to a survey that has not come in yet counts as no answer.
So every date in the files lies inside the history, except the shops' opening days and the day
existing customers joined, which point before it.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd

from helpers.data import SCHEMAS
from helpers.town.effects import SHOPS
from helpers.town.history import inside_history
from helpers.town.reviews import REPLY_BAD, REPLY_GOOD, REVIEW_TEXT
from helpers.town.service import BIG_GOODS, SMALL_GOODS
from helpers.town.state import TownState
from helpers.town.surveys import COMMENTS

_SHOP_IDS = np.array([s.shop_id for s in SHOPS])


def _ids(prefix: str, width: int, n: int) -> list[str]:
    return [f"{prefix}{i + 1:0{width}d}" for i in range(n)]


def _rows(raw: dict[str, np.ndarray], keep: np.ndarray) -> dict[str, np.ndarray]:
    """The rows of a raw table where ``keep`` is true."""
    return {key: value[keep] for key, value in raw.items()}


def _given(value: np.ndarray, known: np.ndarray) -> np.ndarray:
    """``value`` where it applies, empty (None) where it does not."""
    return np.where(known, value, None)


@dataclass(frozen=True)
class _Ids:
    """The ids the tables point with, by resident number, visit number and staff row."""

    #: Customer id of each resident ("" for residents who never became customers).
    customer: np.ndarray
    #: Resident numbers of the customers, in customer-id order.
    residents: np.ndarray
    #: Visit id of each visit number, and the visit numbers in visit-id (date) order.
    visit: np.ndarray
    visit_order: np.ndarray
    #: Staff id of each staff row.
    staff: np.ndarray


def raw_tables(state: TownState) -> dict[str, pd.DataFrame]:
    """Every table of the town, keyed by table name, with ids (loosely typed)."""
    ids = _give_ids(state)
    customers = _customers(state, ids)
    visits = _visits(state, ids)
    word_of_mouth, message_id = _word_of_mouth(state, ids)
    return {
        "shops": _shops(),
        "staff": state.staff.table,
        "customers": customers,
        "ties": _ties(state, ids),
        "visits": visits,
        "complaints": _complaints(state, ids),
        "follow_ups": _follow_ups(state, ids),
        "surveys": _surveys(state, ids),
        "reviews": _reviews(state, ids),
        "word_of_mouth": word_of_mouth,
        "referrals": _referrals(state, ids, customers, visits, message_id),
    }


def _give_ids(state: TownState) -> _Ids:
    """Customers numbered by first visit (existing customers first), visits by date (then
    customer)."""
    c = state.customers
    res = np.flatnonzero(c.is_customer)
    res = res[np.lexsort((res, c.joined[res]))]
    cust_id = np.full(len(c.is_customer), "", dtype=object)
    cust_id[res] = _ids("C", 4, len(res))
    v = state.raw("visits")
    order = np.lexsort((cust_id[v["who"]], v["date"]))
    visit_id = np.empty(len(order), dtype=object)
    visit_id[order] = _ids("V", 6, len(order))
    staff = state.staff.table["staff_id"].to_numpy()
    return _Ids(customer=cust_id, residents=res, visit=visit_id, visit_order=order, staff=staff)


def _customers(state: TownState, ids: _Ids) -> pd.DataFrame:
    c = state.customers
    res = ids.residents
    via_names = np.array(["existing", "walk_in", "referral"])
    ref = c.referred_by[res]
    return pd.DataFrame(
        {
            "customer_id": ids.customer[res],
            "joined": c.joined[res],
            "acquired_via": via_names[c.via[res]],
            "referred_by": np.where(ref >= 0, ids.customer[np.maximum(ref, 0)], ""),
            "interest": state.residents.interest[res],
            "nearer_shop": _SHOP_IDS[state.residents.near[res]],
        }
    )


def _ties(state: TownState, ids: _Ids) -> pd.DataFrame:
    """Ties between two customers (ties to non-customers are not in the files)."""
    t = state.ties
    is_cust = state.customers.is_customer
    both = is_cust[t.a] & is_cust[t.b]
    ca, cb = ids.customer[t.a[both]], ids.customer[t.b[both]]
    lo, hi = np.minimum(ca, cb), np.maximum(ca, cb)
    kind = np.where(t.family[both], "family", "friend")
    ties = pd.DataFrame({"customer_a": lo, "customer_b": hi, "kind": kind})
    ties = ties.sort_values(["customer_a", "customer_b"])
    ties.insert(0, "tie_id", _ids("T", 5, len(ties)))
    return ties


def _visits(state: TownState, ids: _Ids) -> pd.DataFrame:
    """The visits table, in date order."""
    v = state.raw("visits")
    goods = np.array(SMALL_GOODS + BIG_GOODS)
    return pd.DataFrame(
        {
            "visit_id": ids.visit,
            "date": v["date"],
            "customer_id": ids.customer[v["who"]],
            "shop_id": _SHOP_IDS[v["shop"]],
            "staff_id": ids.staff[v["staff"]],
            "category": goods[v["category"]],
            "amount": v["amount"],
            "big_purchase": v["big"],
            "wait_minutes": v["wait"],
            "courteous": v["courteous"],
            "warm": v["warm"],
            "listened": v["listened"],
            "question_asked": v["asked"],
            "question_answered": _given(v["answered"], v["asked"]),
            "problem": v["problem"],
            "problem_fixed": _given(v["fixed"], v["problem"]),
            "satisfaction": v["sat"],
        }
    ).iloc[ids.visit_order]


def _complaints(state: TownState, ids: _Ids) -> pd.DataFrame:
    # A complaint still open when the records end is not in the file (resolved is required).
    c = state.raw("complaints")
    c = _rows(c, inside_history(c["date"] + c["days"]))
    topics = np.array(SCHEMAS["complaints"].columns[6].allowed)
    complaints = pd.DataFrame(
        {
            "visit_id": ids.visit[c["vid"]],
            "customer_id": ids.customer[c["who"]],
            "shop_id": _SHOP_IDS[c["shop"]],
            "date": c["date"],
            "channel": np.array(["in person", "phone", "email"])[c["channel"]],
            "topic": topics[c["topic"]],
            "resolution": np.where(c["generous"], "generous", "stingy"),
            "days_to_resolve": c["days"],
            "resolved": c["date"] + c["days"],
        }
    ).sort_values(["date", "visit_id"])
    complaints.insert(0, "complaint_id", _ids("K", 5, len(complaints)))
    return complaints


def _follow_ups(state: TownState, ids: _Ids) -> pd.DataFrame:
    f = state.raw("follow_ups")
    f = _rows(f, inside_history(f["due"]))  # calls not yet due when the records end: not listed
    follow_ups = pd.DataFrame(
        {
            "visit_id": ids.visit[f["vid"]],
            "customer_id": ids.customer[f["who"]],
            "shop_id": _SHOP_IDS[f["shop"]],
            "due": f["due"],
            "called": f["called"],
            "staff_id": np.where(f["called"], ids.staff[f["caller"]], ""),
        }
    ).sort_values(["due", "visit_id"])
    follow_ups.insert(0, "follow_up_id", _ids("F", 5, len(follow_ups)))
    return follow_ups


def _surveys(state: TownState, ids: _Ids) -> pd.DataFrame:
    s = state.raw("surveys")
    s = _rows(s, inside_history(s["sent"]))
    # An answer that would come in after the records end has not come in (yet): no answer.
    r = s["responded"] & inside_history(s["answered"])
    comments = np.array((*COMMENTS, ""), dtype=object)
    surveys = pd.DataFrame(
        {
            "visit_id": ids.visit[s["vid"]],
            "customer_id": ids.customer[s["who"]],
            "shop_id": _SHOP_IDS[s["shop"]],
            "sent": s["sent"],
            "responded": r,
            "answered": np.where(r, s["answered"], np.datetime64("NaT")),
            "csat": _given(s["csat"], r),
            "nps": _given(s["nps"], r),
            "staff_named": np.where(s["named"] & r, ids.staff[s["staff"]], ""),
            "comment": np.where(r, comments[s["comment"]], ""),
        }
    ).sort_values(["sent", "visit_id"])
    surveys.insert(0, "survey_id", _ids("Q", 6, len(surveys)))
    return surveys


def _reviews(state: TownState, ids: _Ids) -> pd.DataFrame:
    rv = state.raw("reviews")
    rv = _rows(rv, inside_history(rv["date"]))
    reply = rv["reply"] & inside_history(rv["replied"])
    text = [REVIEW_TEXT[st][t] for st, t in zip(rv["stars"], rv["text"], strict=True)]
    reply_text = np.where(rv["stars"] >= 4, REPLY_GOOD, REPLY_BAD)
    reviews = pd.DataFrame(
        {
            "shop_id": _SHOP_IDS[rv["shop"]],
            "date": rv["date"],
            "stars": rv["stars"],
            "text": np.array(text, dtype=object),
            "reply": np.where(reply, reply_text, ""),
            "replied": np.where(reply, rv["replied"], np.datetime64("NaT")),
            "customer_id": ids.customer[rv["who"]],
            "visit_id": ids.visit[rv["vid"]],
        }
    ).sort_values(["date", "visit_id"])
    reviews.insert(0, "review_id", _ids("R", 5, len(reviews)))
    return reviews


def _word_of_mouth(state: TownState, ids: _Ids) -> tuple[pd.DataFrame, np.ndarray]:
    """The messages in date order; also returns the message ids by message number ("" for
    messages told after the records end, which are not in the file)."""
    mg = state.raw("messages")
    order = np.lexsort((mg["msg"], mg["date"]))
    order = order[inside_history(mg["date"][order])]
    message_id = np.full(len(mg["msg"]), "", dtype=object)
    message_id[mg["msg"][order]] = _ids("M", 6, len(order))
    word_of_mouth = pd.DataFrame(
        {
            "message_id": message_id[mg["msg"]],
            "date": mg["date"],
            "speaker_id": ids.customer[mg["speaker"]],
            "listener_id": ids.customer[mg["listener"]],
            "tie": np.where(mg["family"], "family", "friend"),
            "shop_id": _SHOP_IDS[mg["shop"]],
            "kind": np.where(mg["praise"], "praise", "warning"),
            "visit_id": ids.visit[mg["vid"]],
        }
    ).iloc[order]
    return word_of_mouth, message_id


def _referrals(
    state: TownState,
    ids: _Ids,
    customers: pd.DataFrame,
    visits: pd.DataFrame,
    message_id: np.ndarray,
) -> pd.DataFrame:
    """One row per customer a friend's praise brought, with the message that did it."""
    referred = customers["acquired_via"] == "referral"
    ref_res = ids.residents[referred.to_numpy()]
    first_visit_shop = visits.drop_duplicates("customer_id").set_index("customer_id")["shop_id"]
    new_ids = customers.loc[referred, "customer_id"]
    referrals = pd.DataFrame(
        {
            "referrer_id": customers.loc[referred, "referred_by"].to_numpy(),
            "new_customer_id": new_ids.to_numpy(),
            "shop_id": first_visit_shop.reindex(new_ids).to_numpy(),
            "date": customers.loc[referred, "joined"].to_numpy(),
            "message_id": message_id[state.customers.referral_message[ref_res]],
        }
    )
    referrals.insert(0, "referral_id", _ids("RF", 4, len(referrals)))
    return referrals


def _shops() -> pd.DataFrame:
    """The shops table, from their policies."""
    return pd.DataFrame(
        {
            "shop_id": _SHOP_IDS,
            "name": [s.name for s in SHOPS],
            "street": [s.street for s in SHOPS],
            "opened": [np.datetime64(s.opened, "D") for s in SHOPS],
            "survey_share": [s.survey_share for s in SHOPS],
            "follow_up_share": [s.follow_up_share for s in SHOPS],
            "generous_share": [s.generous_share for s in SHOPS],
            "replies_to_reviews_from": [
                np.datetime64(s.replies_to_reviews_from, "D") for s in SHOPS
            ],
        }
    )
