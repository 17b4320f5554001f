"""Generate the sample town: two shops, their staff and customers, 24 months of history.

A seeded causal model (COURSE.md, "The sample data") whose effects the notebooks rediscover:

staff (engagement, training) → each visit's experience (courtesy, answers, fixes, wait, warmth)
→ satisfaction 1-5 (bad moments weigh more than good ones) → coming back next month (a logistic
link steepest at the top, moved by the customer's own interest) → word of mouth along
friends-and-family ties and online reviews → new customers. Around that: complaints (most unhappy
customers never complain), generous or stingy resolution, follow-up calls after big purchases,
surveys whose non-response depends on satisfaction, reviews with the shops' replies.

The planted effect sizes live in :data:`TRUE_EFFECTS`; tests and the data dictionary
(data/README.md, written by :func:`write_town`) read them from there.

Run ``python -m helpers.town`` to rebuild data/ exactly (``--out DIR`` to write elsewhere).
"""

from __future__ import annotations

import argparse
import io
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import pandas as pd

from helpers import DATA_DIR, metrics
from helpers.data import (
    FALSE_WORD,
    SCHEMAS,
    TRUE_WORD,
    check_keys,
    parse_table,
    returned_next_month,
)

__all__ = [
    "DEFAULT_SEED",
    "FIRST_DAY",
    "LAST_DAY",
    "SHOPS",
    "TRUE_EFFECTS",
    "ShopPolicy",
    "TrueEffects",
    "build_town",
    "main",
    "measure_effects",
    "render_readme",
    "town_csv_text",
    "write_town",
]

#: The seed that produced the files shipped in data/.
DEFAULT_SEED = 20240101
#: The history covers 24 calendar months.
N_MONTHS = 24
FIRST_DAY = np.datetime64("2024-01-01", "D")
LAST_DAY = np.datetime64("2025-12-31", "D")
_FIRST_MONTH = np.datetime64("2024-01", "M")

#: People living in the town (customers or not); about half become customers of either shop.
N_RESIDENTS = 6500
#: People already customers when the records start (2024-01-01).
N_EXISTING = 1500


@dataclass(frozen=True)
class TrueEffects:
    """The planted effect sizes. Every number the data should reveal is here (and only here)."""

    # --- satisfaction: points on a hidden 1-5 scale, then rounded (COURSE.md "service drivers").
    #: Where a plain, uneventful visit lands.
    base_satisfaction: float = 4.4
    #: Good moments add a little ...
    warm_gain: float = 0.45
    answered_gain: float = 0.25
    fixed_gain: float = 0.35
    #: ... bad moments take away a lot (the asymmetry of seed 5; Kano's must-be attributes).
    discourtesy_loss: float = 1.4
    unanswered_loss: float = 1.0
    unfixed_loss: float = 2.0
    #: Waiting is free up to this many minutes, then costs this much per extra minute.
    free_wait_minutes: float = 5.0
    wait_loss_per_minute: float = 0.07
    #: A staff member who listens well (score 100 vs 50) adds this much (seed 6).
    listening_gain: float = 0.3
    satisfaction_noise: float = 0.5

    # --- coming back next month: logit = slope * (satisfaction - threshold) (+ extras below).
    #: Steep around the threshold between 4 and 5, so a 5 is several times as likely to return
    #: as a 4 (Jones & Sasser 1995: about six times for Xerox).
    return_slope: float = 4.0
    return_threshold: float = 4.75
    #: The threshold moves down for keen customers and up for indifferent ones: from
    #: +shift/2 (interest 0) to -shift/2 (interest 1) (Mittal & Kamakura 2001; seed 5).
    interest_threshold_shift: float = 0.8
    #: Chance per month that a customer comes in out of plain need, whatever they remember
    #: (at interest 0.5; from 0.4x at interest 0 to 1.6x at interest 1).
    need_floor: float = 0.08

    # --- complaints and recovery (seed 6).
    #: Share of unhappy visits (satisfaction 1-2) that produce a complaint: most never complain.
    complaint_share_unhappy: float = 0.2
    #: Share of neutral visits (satisfaction 3) that produce one.
    complaint_share_neutral: float = 0.02
    #: After a generous resolution the customer's return link acts as if the visit had scored
    #: this (the recovery paradox: well short of a delighted 5; de Matos et al. 2007) ...
    generous_recovered_satisfaction: float = 4.3
    #: ... while a stingy one leaves the bad score and takes this much more off it.
    stingy_penalty: float = 0.3
    #: Each day taken to resolve takes this much off the effective score.
    resolution_day_loss: float = 0.02

    # --- follow-up call after a big purchase (seed 6): in the calendar month after the call was
    #: due, the call brings in this share of the customers who would not have come anyway.
    follow_up_pull: float = 0.25

    # --- word of mouth (COURSE.md "word of mouth"; East, Hammond & Wright 2007).
    #: Share of delighted (5) visits the customer talks about, and of unhappy (1-2) ones.
    praise_talk_share: float = 0.33
    warning_talk_share: float = 0.6
    #: Chance each friend or relative of a talking customer hears about it.
    praise_hear_share: float = 0.45
    warning_hear_share: float = 0.45
    #: Chance a non-customer who hears praise becomes a customer next month (a referral).
    referral_conversion: float = 0.15

    # --- online reviews (Hu, Pavlou & Zhang 2009; Proserpio & Zervas 2017).
    #: Chance a visit is reviewed online, by satisfaction 1..5 (J-shaped: extremes write).
    review_share: tuple[float, float, float, float, float] = (0.4, 0.06, 0.015, 0.02, 0.08)
    #: While a shop replies to reviews, each new review gets one extra star with this chance
    #: (about +0.12 stars on average once the 5-star cap is counted, as in Proserpio & Zervas).
    reply_extra_star_chance: float = 0.35

    # --- surveys: chance of answering, by satisfaction 1..5 (extremes answer more).
    survey_response: tuple[float, float, float, float, float] = (0.5, 0.35, 0.18, 0.22, 0.42)
    #: Share of answers that name the staff member who served.
    staff_named_share: float = 0.3

    # --- staff: engagement → courtesy and warmth (service-profit chain, Heskett et al. 1994).
    #: Points of courtesy / warmth per point of engagement.
    engagement_to_courtesy: float = 0.5
    engagement_to_warmth: float = 0.6
    #: Points of product knowledge per training hour.
    training_to_knowledge: float = 1.0

    # --- shop choice: how much remembered satisfaction, being nearer, and what friends said matter.
    memory_weight: float = 1.6
    near_bonus: float = 0.6
    word_of_mouth_weight: float = 0.5
    reputation_weight: float = 1.5
    #: Chance per month that someone who is not a customer walks into a shop for the first time.
    walk_in_rate: float = 0.01


TRUE_EFFECTS = TrueEffects()


@dataclass(frozen=True)
class ShopPolicy:
    """One shop: how it treats its staff and its customers. Both sell the same goods (seed 2)."""

    shop_id: str
    name: str
    street: str
    opened: str
    n_staff: int
    engagement_mean: float
    training_mean: float
    wait_mean: float
    survey_share: float
    follow_up_share: float
    generous_share: float
    replies_to_reviews_from: str
    reply_share: float


#: Riverside treats staff better (engagement, training), staffs the floor better (shorter waits),
#: follows up and resolves generously; Market Street is nearer for more people and only starts
#: replying to reviews in 2025 (so the reply effect can be seen before and after).
SHOPS: tuple[ShopPolicy, ...] = (
    ShopPolicy("SH1", "Riverside Goods", "2 River Walk", "2011-04-02", 12, 72, 28, 4.0,
               0.25, 0.7, 0.75, "2024-01-01", 0.6),
    ShopPolicy("SH2", "Market Street Goods", "41 Market Street", "2008-09-15", 12, 50, 10, 7.0,
               0.15, 0.3, 0.3, "2025-01-01", 0.55),
)  # fmt: skip

_SMALL_GOODS = ("household", "kitchen", "clothing", "small electronics")
_BIG_GOODS = ("computer", "television", "bedroom set", "washing machine")
_BIG_PRICE = (900.0, 700.0, 1200.0, 550.0)
_FIRST_NAMES = (
    "Ana", "Bao", "Carmen", "Dev", "Elin", "Farah", "Gabriel", "Hana", "Ivan", "Joy", "Kiran",
    "Lars", "Mai", "Nikhil", "Olga", "Paolo", "Quyen", "Rosa", "Sanjay", "Tove", "Uma", "Vinh",
    "Wilma", "Yusuf",
)  # fmt: skip
_INITIALS = "ABCDEFGHJKLMNPRSTVW"


def _logit(p: np.ndarray | float) -> np.ndarray:
    return np.log(np.asarray(p) / (1 - np.asarray(p)))


def _sigmoid(x: np.ndarray) -> np.ndarray:
    return 1.0 / (1.0 + np.exp(-x))


def return_logit(satisfaction: np.ndarray, interest: np.ndarray, fx: TrueEffects) -> np.ndarray:
    """Log-odds of coming back next month after a visit (before complaint or follow-up extras).

    Steepest between 4 and 5 (Jones & Sasser 1995); keen customers have a lower threshold.
    """
    threshold = fx.return_threshold + fx.interest_threshold_shift * (0.5 - interest)
    return fx.return_slope * (satisfaction - threshold)


def visit_chance(logit: np.ndarray, interest: np.ndarray, fx: TrueEffects) -> np.ndarray:
    """Chance of visiting this month: a floor of plain need (higher for keen customers) plus the
    logistic return link on top. The link's state persists until the customer's next visit."""
    floor = fx.need_floor * (0.4 + 1.2 * interest)
    return floor + (1 - floor) * _sigmoid(logit)


def _month_days(m: int) -> tuple[np.datetime64, int]:
    """First day and number of days of month m (0 = January 2024)."""
    start = (_FIRST_MONTH + m).astype("datetime64[D]")
    end = (_FIRST_MONTH + m + 1).astype("datetime64[D]")
    return start, int((end - start).astype(int))


def _make_staff(rng: np.random.Generator, fx: TrueEffects) -> pd.DataFrame:
    """Staff of both shops: engagement and training drive their service scores."""
    rows = []
    for s, shop in enumerate(SHOPS):
        n = shop.n_staff
        engagement = np.clip(rng.normal(shop.engagement_mean, 10, n), 5, 98)
        training = np.clip(rng.normal(shop.training_mean, 6, n), 0, 80)
        courtesy = 40 + fx.engagement_to_courtesy * engagement + rng.normal(0, 4, n)
        warmth = 25 + fx.engagement_to_warmth * engagement + rng.normal(0, 5, n)
        knowledge = 40 + fx.training_to_knowledge * training + rng.normal(0, 6, n)
        listening = 25 + 0.35 * engagement + 0.6 * training + rng.normal(0, 6, n)
        hours = rng.choice([16, 24, 32, 40, 40], n)
        rows.append(
            pd.DataFrame(
                {
                    "shop_id": shop.shop_id,
                    "hours_per_week": hours,
                    "engagement": engagement,
                    "training_hours": training,
                    "courtesy": courtesy,
                    "product_knowledge": knowledge,
                    "warmth": warmth,
                    "listening": listening,
                    "_shop": s,
                }
            )
        )
    staff = pd.concat(rows, ignore_index=True)
    for col in ("engagement", "training_hours", "courtesy", "product_knowledge", "warmth",
                "listening"):  # fmt: skip
        staff[col] = np.clip(np.rint(staff[col]), 0, 100).astype(int)
    staff.insert(0, "staff_id", [f"S{i + 1:02d}" for i in range(len(staff))])
    names = rng.permutation(len(_FIRST_NAMES))[: len(staff)]
    initials = rng.integers(0, len(_INITIALS), len(staff))
    staff.insert(
        1,
        "name",
        [f"{_FIRST_NAMES[a]} {_INITIALS[b]}." for a, b in zip(names, initials, strict=True)],
    )
    return staff


def _make_ties(rng: np.random.Generator, n: int) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Friends-and-family network: households (family) plus mostly-local friendships.

    Residents are numbered along the town's streets, so nearby numbers are neighbours.
    Returns edges (a, b, is_family) with a < b, each pair once.
    """
    sizes = rng.choice([1, 2, 3, 4, 5], size=n, p=[0.25, 0.3, 0.2, 0.17, 0.08])
    household = np.repeat(np.arange(n), sizes)[:n]
    a_parts, b_parts, fam_parts = [], [], []
    for off in range(1, 5):
        same = np.flatnonzero(household[:-off] == household[off:])
        a_parts.append(same)
        b_parts.append(same + off)
        fam_parts.append(np.ones(len(same), bool))
    for _ in range(2):  # two friendships started per person
        local = rng.random(n) < 0.85
        step = np.where(local, rng.integers(1, 80, n), rng.integers(1, n, n))
        a_parts.append(np.arange(n))
        b_parts.append((np.arange(n) + step) % n)
        fam_parts.append(np.zeros(n, bool))
    a = np.concatenate(a_parts)
    b = np.concatenate(b_parts)
    fam = np.concatenate(fam_parts)
    lo, hi = np.minimum(a, b), np.maximum(a, b)
    keep = lo != hi
    lo, hi, fam = lo[keep], hi[keep], fam[keep]
    # Family first so a pair that is both keeps the family label.
    order = np.lexsort((~fam, hi, lo))
    lo, hi, fam = lo[order], hi[order], fam[order]
    first = np.ones(len(lo), bool)
    first[1:] = (lo[1:] != lo[:-1]) | (hi[1:] != hi[:-1])
    return lo[first], hi[first], fam[first]


class _Collector:
    """Gathers one table's columns month by month, then concatenates them."""

    def __init__(self) -> None:
        self.parts: dict[str, list[np.ndarray]] = {}

    def add(self, **columns: np.ndarray) -> None:
        for key, value in columns.items():
            self.parts.setdefault(key, []).append(np.asarray(value))

    def frame(self) -> dict[str, np.ndarray]:
        return {k: np.concatenate(v) for k, v in self.parts.items()}


def _pick(rng: np.random.Generator, probs: np.ndarray) -> np.ndarray:
    """Bernoulli draws, one per probability."""
    return rng.random(len(probs)) < probs


def _simulate(seed: int, fx: TrueEffects) -> dict[str, object]:
    """Run the 24 months. Returns raw arrays (resident numbers, month indices, codes)."""
    rng = np.random.default_rng(seed)
    n = N_RESIDENTS
    n_shops = len(SHOPS)
    staff = _make_staff(rng, fx)
    tie_a, tie_b, tie_family = _make_ties(rng, n)

    # Adjacency in CSR form (both directions) so listeners of many speakers come out at once.
    src = np.concatenate([tie_a, tie_b])
    dst = np.concatenate([tie_b, tie_a])
    fam_dir = np.concatenate([tie_family, tie_family])
    order = np.argsort(src, kind="stable")
    dst, fam_dir = dst[order], fam_dir[order]
    degree = np.bincount(src, minlength=n)
    indptr = np.concatenate([[0], np.cumsum(degree)])

    interest = np.round(rng.beta(2.0, 2.0, n), 2)
    near = (rng.random(n) < 0.55).astype(int)  # 55 % live nearer Market Street (SH2)

    # --- customer state
    is_cust = np.zeros(n, bool)
    joined = np.full(n, np.datetime64("NaT"), dtype="datetime64[D]")
    via = np.full(n, -1, np.int8)  # 0 existing, 1 walk-in, 2 referral
    referred_by = np.full(n, -1)
    referral_msg = np.full(n, -1)
    join_next = np.full(n, -1)  # shop a referred person visits first, next month
    join_next_by = np.full(n, -1)
    join_next_msg = np.full(n, -1)
    ret_logit = np.zeros(n)  # set by each visit, kept until the next one
    memory = np.full((n, n_shops), 3.6)  # remembered satisfaction per shop
    wom = np.zeros((n, n_shops))  # praise (+1) and warnings (-1) heard, fading
    pull = np.zeros((N_MONTHS, n))  # extra visit chance from follow-up calls, by month

    existing = rng.choice(n, N_EXISTING, replace=False)
    is_cust[existing] = True
    via[existing] = 0
    span = int((FIRST_DAY - np.datetime64("2018-01-01", "D")).astype(int))
    joined[existing] = FIRST_DAY - rng.integers(1, span, N_EXISTING)
    memory[existing] += rng.normal(0, 0.3, (N_EXISTING, n_shops))
    # Their last visit before the records start left them somewhere on the satisfaction scale.
    last_sat = rng.choice(np.arange(1, 6), N_EXISTING, p=[0.03, 0.06, 0.14, 0.35, 0.42])
    ret_logit[existing] = return_logit(last_sat, interest[existing], fx)

    staff_shop = staff["_shop"].to_numpy()
    staff_cols = {
        c: staff[c].to_numpy(float) / 100
        for c in ("courtesy", "warmth", "product_knowledge", "listening")
    }
    staff_weight = staff["hours_per_week"].to_numpy(float)
    shop_survey = np.array([s.survey_share for s in SHOPS])
    shop_follow = np.array([s.follow_up_share for s in SHOPS])
    shop_generous = np.array([s.generous_share for s in SHOPS])
    shop_reply_from = np.array([np.datetime64(s.replies_to_reviews_from, "D") for s in SHOPS])
    shop_reply_share = np.array([s.reply_share for s in SHOPS])
    shop_wait = np.array([s.wait_mean for s in SHOPS])
    review_share = np.array((0.0, *fx.review_share))
    survey_response = np.array((0.0, *fx.survey_response))
    reputation = np.full(n_shops, 4.0)
    review_log: list[tuple[int, np.ndarray, np.ndarray]] = []

    visits, complaints, follow, surveys, reviews, messages = (_Collector() for _ in range(6))
    n_visits = 0
    n_messages = 0
    for m in range(N_MONTHS):
        month_start, n_days = _month_days(m)

        # 1. Who comes in this month: returning customers, referred newcomers, walk-ins.
        old = is_cust.copy()
        chance = visit_chance(ret_logit, interest, fx)
        come = old & _pick(rng, 1 - (1 - chance) * (1 - pull[m]))
        referred = np.flatnonzero(join_next >= 0)
        candidates = ~old & (join_next < 0)
        walkers = np.flatnonzero(candidates & (rng.random(n) < fx.walk_in_rate))

        returning = np.flatnonzero(come)
        u = (
            fx.memory_weight * memory[returning]
            + fx.near_bonus * (near[returning, None] == np.arange(n_shops))
            + fx.word_of_mouth_weight * wom[returning]
        )
        shop_ret = (rng.random(len(returning)) >= _sigmoid(u[:, 0] - u[:, 1])).astype(int)
        u = (
            fx.reputation_weight * reputation
            + fx.near_bonus * (near[walkers, None] == np.arange(n_shops))
            + fx.word_of_mouth_weight * wom[walkers]
        )
        shop_walk = (rng.random(len(walkers)) >= _sigmoid(u[:, 0] - u[:, 1])).astype(int)

        who = np.concatenate([returning, referred, walkers])
        shop = np.concatenate([shop_ret, join_next[referred], shop_walk])
        k = len(who)
        date = month_start + rng.integers(0, n_days, k)

        newcomers = np.concatenate([referred, walkers])
        is_cust[newcomers] = True
        joined[newcomers] = date[len(returning) :]
        via[referred] = 2
        via[walkers] = 1
        referred_by[referred] = join_next_by[referred]
        referral_msg[referred] = join_next_msg[referred]
        join_next[referred] = -1

        # 2. Who serves them: staff of that shop, in proportion to hours worked.
        staff_i = np.empty(k, int)
        for s in range(n_shops):
            here = np.flatnonzero(shop == s)
            mine = np.flatnonzero(staff_shop == s)
            w = staff_weight[mine] / staff_weight[mine].sum()
            staff_i[here] = rng.choice(mine, len(here), p=w)

        # 3. The experience and its true satisfaction (bad moments weigh more: seed 5).
        big = _pick(rng, 0.03 + 0.04 * interest[who])
        courteous = _pick(rng, staff_cols["courtesy"][staff_i])
        warm = _pick(rng, staff_cols["warmth"][staff_i])
        asked = _pick(rng, np.where(big, 0.8, 0.35))
        answered = asked & _pick(rng, 0.2 + 0.75 * staff_cols["product_knowledge"][staff_i])
        problem = _pick(rng, np.full(k, 0.12))
        fixed = problem & _pick(
            rng,
            0.15
            + 0.45 * staff_cols["listening"][staff_i]
            + 0.35 * staff_cols["product_knowledge"][staff_i],
        )
        wait = np.clip(np.rint(rng.gamma(2.0, shop_wait[shop] / 2.0)), 0, 90).astype(int)
        latent = (
            fx.base_satisfaction
            + fx.warm_gain * warm
            - fx.discourtesy_loss * ~courteous
            + fx.answered_gain * answered
            - fx.unanswered_loss * (asked & ~answered)
            + fx.fixed_gain * fixed
            - fx.unfixed_loss * (problem & ~fixed)
            - fx.wait_loss_per_minute * np.maximum(0, wait - fx.free_wait_minutes)
            + fx.listening_gain * (staff_cols["listening"][staff_i] - 0.5) / 0.5
            + rng.normal(0, fx.satisfaction_noise, k)
        )
        sat = np.clip(np.rint(latent), 1, 5).astype(int)
        experience = {
            "sat": sat, "problem": problem, "fixed": fixed, "courteous": courteous,
            "asked": asked, "answered": answered, "wait": wait, "warm": warm,
        }  # fmt: skip

        small_cat = rng.integers(0, len(_SMALL_GOODS), k)
        big_cat = rng.integers(0, len(_BIG_GOODS), k)
        category = np.where(big, len(_SMALL_GOODS) + big_cat, small_cat)
        amount = np.where(
            big,
            np.array(_BIG_PRICE)[big_cat] * rng.lognormal(0, 0.25, k),
            rng.lognormal(np.log(30), 0.6, k) * (0.7 + 0.6 * interest[who]),
        )
        amount = np.round(np.minimum(amount, 4999.0), 2)
        vid = n_visits + np.arange(k)
        n_visits += k
        visits.add(
            vid=vid, date=date, who=who, shop=shop, staff=staff_i, category=category,
            amount=amount, big=big, wait=wait, courteous=courteous, warm=warm, asked=asked,
            answered=answered, problem=problem, fixed=fixed, sat=sat, month=np.full(k, m),
        )  # fmt: skip

        # 4. Complaints: only a minority of unhappy customers complain.
        p_complain = np.select(
            [sat <= 2, sat == 3], [fx.complaint_share_unhappy, fx.complaint_share_neutral], 0.0
        )
        comp = _pick(rng, p_complain)
        ci = np.flatnonzero(comp)
        generous = _pick(rng, shop_generous[shop[ci]])
        days = np.where(generous, 1 + rng.poisson(2, len(ci)), 3 + rng.poisson(9, len(ci)))
        topic = np.select(
            [(problem & ~fixed)[ci], ~courteous[ci], (asked & ~answered)[ci], wait[ci] > 10],
            [0, 1, 2, 3],
            4,
        )
        complaints.add(
            vid=vid[ci], who=who[ci], shop=shop[ci], date=date[ci] + rng.integers(0, 3, len(ci)),
            channel=rng.choice(3, len(ci), p=[0.5, 0.3, 0.2]), topic=topic, generous=generous,
            days=days,
        )  # fmt: skip

        # 5. Coming back next month (logistic, steepest at the top) and the shop memory.
        effective = sat.astype(float)
        effective[ci] = np.where(
            generous, fx.generous_recovered_satisfaction, sat[ci] - fx.stingy_penalty
        )
        effective[ci] -= fx.resolution_day_loss * days
        logit = return_logit(effective, interest[who], fx)
        ret_logit[who] = logit
        memory[who, shop] = 0.3 * memory[who, shop] + 0.7 * sat

        # 6. Follow-up calls a few months after big purchases (seed 6).
        bi = np.flatnonzero(big)
        due = date[bi] + rng.integers(75, 106, len(bi))
        called = _pick(rng, shop_follow[shop[bi]])
        caller = np.array([rng.choice(np.flatnonzero(staff_shop == s)) for s in shop[bi]], int)
        due_month = (due.astype("datetime64[M]") - _FIRST_MONTH).astype(int)
        hit = called & (due_month + 1 < N_MONTHS)
        pull[due_month[hit] + 1, who[bi][hit]] = fx.follow_up_pull
        follow.add(vid=vid[bi], who=who[bi], shop=shop[bi], due=due, called=called, caller=caller)

        # 7. Surveys after a sample of visits; who answers depends on satisfaction.
        si = np.flatnonzero(_pick(rng, shop_survey[shop]))
        s_sat = sat[si]
        responded = _pick(rng, survey_response[s_sat])
        csat = np.clip(s_sat + rng.choice([-1, 0, 0, 0, 0, 0, 0, 0, 0, 1], len(si)), 1, 5)
        nps_centre = np.array([0, 2.0, 4.0, 6.5, 8.0, 9.5])[s_sat]
        nps = np.clip(np.rint(nps_centre + rng.normal(0, 1.0, len(si))), 0, 10).astype(int)
        named = responded & _pick(rng, np.full(len(si), fx.staff_named_share))
        has_comment = responded & _pick(rng, np.full(len(si), 0.6))
        sent = date[si] + 1
        surveys.add(
            vid=vid[si], who=who[si], shop=shop[si], sent=sent, responded=responded,
            answered=sent + rng.integers(0, 7, len(si)), csat=csat, nps=nps, named=named,
            staff=staff_i[si], comment=np.where(has_comment, _comment_code(si, experience), -1),
        )  # fmt: skip

        # 8. Online reviews: mostly the delighted and the angry write (J-shape).
        ri = np.flatnonzero(_pick(rng, review_share[sat]))
        r_date = np.minimum(date[ri] + rng.integers(0, 8, len(ri)), LAST_DAY)
        replying = r_date >= shop_reply_from[shop[ri]]
        shift = rng.choice([-1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1], len(ri))
        extra = replying & _pick(rng, np.full(len(ri), fx.reply_extra_star_chance))
        stars = np.clip(sat[ri] + shift + extra, 1, 5)
        reply = replying & _pick(rng, np.where(stars <= 2, 0.9, shop_reply_share[shop[ri]]))
        r_reply = r_date + rng.integers(1, 6, len(ri))
        reply &= r_reply <= LAST_DAY
        reviews.add(
            vid=vid[ri], who=who[ri], shop=shop[ri], date=r_date, stars=stars, reply=reply,
            replied=r_reply, text=rng.integers(0, 3, len(ri)),
        )  # fmt: skip
        review_log.append((m, shop[ri], stars))
        for s in range(n_shops):
            recent = [st[sh == s] for mm, sh, st in review_log if mm > m - 6]
            recent_stars = np.concatenate(recent) if recent else np.array([])
            reputation[s] = recent_stars.mean() if len(recent_stars) >= 5 else 4.0

        # 9. Word of mouth along ties: praise after a 5, warnings after a 1 or 2.
        praise = (sat == 5) & _pick(rng, np.full(k, fx.praise_talk_share))
        warn = (sat <= 2) & _pick(rng, np.full(k, fx.warning_talk_share))
        talk = np.flatnonzero(praise | warn)
        counts = degree[who[talk]]
        starts = np.repeat(indptr[who[talk]] - np.cumsum(counts) + counts, counts)
        edge = starts + np.arange(counts.sum())
        origin = np.repeat(talk, counts)  # visit row within this month
        hear_p = np.where(praise[origin], fx.praise_hear_share, fx.warning_hear_share)
        heard = _pick(rng, hear_p)
        edge, origin = edge[heard], origin[heard]
        listener = dst[edge]
        is_praise = praise[origin]
        msg = n_messages + np.arange(len(listener))
        n_messages += len(listener)
        m_date = np.minimum(date[origin] + rng.integers(0, 10, len(listener)), LAST_DAY)
        messages.add(
            msg=msg, date=m_date, speaker=who[origin], listener=listener,
            family=fam_dir[edge], shop=shop[origin], praise=is_praise, vid=vid[origin],
        )  # fmt: skip
        wom *= 0.8  # what friends said fades
        np.add.at(wom, (listener, shop[origin]), np.where(is_praise, 1.0, -1.0))
        # Praise reaching someone who is not a customer may bring them in next month.
        convert = is_praise & ~is_cust[listener] & (join_next[listener] < 0)
        convert &= _pick(rng, np.full(len(listener), fx.referral_conversion))
        cj = np.flatnonzero(convert)
        _, first = np.unique(listener[cj], return_index=True)
        cj = cj[np.sort(first)]
        join_next[listener[cj]] = shop[origin][cj]
        join_next_by[listener[cj]] = who[origin][cj]
        join_next_msg[listener[cj]] = msg[cj]

    return {
        "staff": staff,
        "ties": (tie_a, tie_b, tie_family),
        "interest": interest,
        "near": near,
        "is_cust": is_cust,
        "joined": joined,
        "via": via,
        "referred_by": referred_by,
        "referral_msg": referral_msg,
        "visits": visits.frame(),
        "complaints": complaints.frame(),
        "follow_ups": follow.frame(),
        "surveys": surveys.frame(),
        "reviews": reviews.frame(),
        "messages": messages.frame(),
    }


_COMMENTS = (
    "My problem was not sorted out.",
    "The person serving me was rude.",
    "Nobody could answer my question.",
    "I waited far too long.",
    "Warm, friendly and helpful. Thank you!",
    "Found exactly what I needed.",
    "Good visit, no complaints.",
    "It was fine.",
    "Not great.",
)


def _comment_code(si: np.ndarray, v: dict[str, np.ndarray]) -> np.ndarray:
    """Which canned comment a survey answer carries (the worst thing first, else the mood)."""
    sat = v["sat"][si]
    return np.select(
        [
            (v["problem"] & ~v["fixed"])[si],
            ~v["courteous"][si],
            (v["asked"] & ~v["answered"])[si],
            v["wait"][si] > 12,
            (sat == 5) & v["warm"][si],
            sat == 5,
            sat == 4,
            sat == 3,
        ],
        [0, 1, 2, 3, 4, 5, 6, 7],
        8,
    )


_REVIEW_TEXT = {
    5: ("Best shop in town, the staff really care.", "Brilliant service, will be back.",
        "They helped me find exactly the right thing."),
    4: ("Good shop, friendly enough.", "Decent service and fair prices.", "Nice visit overall."),
    3: ("Okay. Nothing special.", "Fine, but I had to wait.", "Average service."),
    2: ("Disappointing visit.", "Staff did not seem interested.", "Would not rush back."),
    1: ("Terrible service, avoid.", "Rude staff and nobody fixed my problem.",
        "Never again. Tell your friends."),
}  # fmt: skip
_REPLY_GOOD = "Thank you for your kind words. We look forward to seeing you again!"
_REPLY_BAD = "We are sorry we let you down. Please ask for the shop manager so we can put it right."


def _ids(prefix: str, width: int, n: int) -> list[str]:
    return [f"{prefix}{i + 1:0{width}d}" for i in range(n)]


def _raw_tables(sim: dict[str, object]) -> dict[str, pd.DataFrame]:
    """Turn the simulation's arrays into tables with ids (typed loosely; formatting comes later)."""
    shop_ids = np.array([s.shop_id for s in SHOPS])
    staff: pd.DataFrame = sim["staff"]  # type: ignore[assignment]
    staff_ids = staff["staff_id"].to_numpy()

    # Customers numbered by first visit (existing customers first), residents who never came: none.
    is_cust = sim["is_cust"]
    joined = sim["joined"]
    res = np.flatnonzero(is_cust)
    res = res[np.lexsort((res, joined[res]))]
    cust_id = np.full(len(is_cust), "", dtype=object)
    cust_id[res] = _ids("C", 4, len(res))
    via_names = np.array(["existing", "walk_in", "referral"])
    ref = sim["referred_by"][res]
    customers = pd.DataFrame(
        {
            "customer_id": cust_id[res],
            "joined": joined[res],
            "acquired_via": via_names[sim["via"][res]],
            "referred_by": np.where(ref >= 0, cust_id[np.maximum(ref, 0)], ""),
            "interest": sim["interest"][res],
            "nearer_shop": shop_ids[sim["near"][res]],
        }
    )

    tie_a, tie_b, tie_fam = sim["ties"]
    both = is_cust[tie_a] & is_cust[tie_b]
    ca, cb = cust_id[tie_a[both]], cust_id[tie_b[both]]
    lo, hi = np.minimum(ca, cb), np.maximum(ca, cb)
    kind = np.where(tie_fam[both], "family", "friend")
    ties = pd.DataFrame({"customer_a": lo, "customer_b": hi, "kind": kind})
    ties = ties.sort_values(["customer_a", "customer_b"])
    ties.insert(0, "tie_id", _ids("T", 5, len(ties)))

    v = sim["visits"]
    order = np.lexsort((cust_id[v["who"]], v["date"]))
    visit_id = np.empty(len(order), dtype=object)
    visit_id[order] = _ids("V", 6, len(order))
    goods = np.array(_SMALL_GOODS + _BIG_GOODS)

    def opt(flag: np.ndarray, given: np.ndarray) -> np.ndarray:
        return np.where(given, flag, None)

    visits = pd.DataFrame(
        {
            "visit_id": visit_id,
            "date": v["date"],
            "customer_id": cust_id[v["who"]],
            "shop_id": shop_ids[v["shop"]],
            "staff_id": staff_ids[v["staff"]],
            "category": goods[v["category"]],
            "amount": v["amount"],
            "big_purchase": v["big"],
            "wait_minutes": v["wait"],
            "courteous": v["courteous"],
            "warm": v["warm"],
            "question_asked": v["asked"],
            "question_answered": opt(v["answered"], v["asked"]),
            "problem": v["problem"],
            "problem_fixed": opt(v["fixed"], v["problem"]),
            "satisfaction": v["sat"],
        }
    ).iloc[order]

    c = sim["complaints"]
    complaints = pd.DataFrame(
        {
            "visit_id": visit_id[c["vid"]],
            "customer_id": cust_id[c["who"]],
            "shop_id": shop_ids[c["shop"]],
            "date": c["date"],
            "channel": np.array(["in person", "phone", "email"])[c["channel"]],
            "topic": np.array(SCHEMAS["complaints"].columns[6].allowed)[c["topic"]],
            "resolution": np.where(c["generous"], "generous", "stingy"),
            "days_to_resolve": c["days"],
            "resolved": c["date"] + c["days"],
        }
    ).sort_values(["date", "visit_id"])
    complaints.insert(0, "complaint_id", _ids("K", 5, len(complaints)))

    f = sim["follow_ups"]
    keep = f["due"] <= LAST_DAY  # calls not yet due at the end of 2025 are not on the list
    follow_ups = pd.DataFrame(
        {
            "visit_id": visit_id[f["vid"]][keep],
            "customer_id": cust_id[f["who"]][keep],
            "shop_id": shop_ids[f["shop"]][keep],
            "due": f["due"][keep],
            "called": f["called"][keep],
            "staff_id": np.where(f["called"], staff_ids[f["caller"]], "")[keep],
        }
    ).sort_values(["due", "visit_id"])
    follow_ups.insert(0, "follow_up_id", _ids("F", 5, len(follow_ups)))

    s = sim["surveys"]
    r = s["responded"]
    comments = np.array(_COMMENTS + ("",), dtype=object)
    surveys = pd.DataFrame(
        {
            "visit_id": visit_id[s["vid"]],
            "customer_id": cust_id[s["who"]],
            "shop_id": shop_ids[s["shop"]],
            "sent": s["sent"],
            "responded": r,
            "answered": np.where(r, s["answered"], np.datetime64("NaT")),
            "csat": np.where(r, s["csat"], None),
            "nps": np.where(r, s["nps"], None),
            "staff_named": np.where(s["named"], staff_ids[s["staff"]], ""),
            "comment": comments[s["comment"]],
        }
    ).sort_values(["sent", "visit_id"])
    surveys.insert(0, "survey_id", _ids("Q", 6, len(surveys)))

    rv = sim["reviews"]
    text = np.array([_REVIEW_TEXT[st][t] for st, t in zip(rv["stars"], rv["text"], strict=True)],
                    dtype=object)  # fmt: skip
    reviews = pd.DataFrame(
        {
            "shop_id": shop_ids[rv["shop"]],
            "date": rv["date"],
            "stars": rv["stars"],
            "text": text,
            "reply": np.where(rv["reply"], np.where(rv["stars"] >= 4, _REPLY_GOOD, _REPLY_BAD), ""),
            "replied": np.where(rv["reply"], rv["replied"], np.datetime64("NaT")),
            "customer_id": cust_id[rv["who"]],
            "visit_id": visit_id[rv["vid"]],
        }
    ).sort_values(["date", "visit_id"])
    reviews.insert(0, "review_id", _ids("R", 5, len(reviews)))

    mg = sim["messages"]
    m_order = np.lexsort((mg["msg"], mg["date"]))
    message_id = np.empty(len(m_order), dtype=object)
    message_id[m_order] = _ids("M", 6, len(m_order))
    word_of_mouth = pd.DataFrame(
        {
            "message_id": message_id,
            "date": mg["date"],
            "speaker_id": cust_id[mg["speaker"]],
            "listener_id": cust_id[mg["listener"]],
            "tie": np.where(mg["family"], "family", "friend"),
            "shop_id": shop_ids[mg["shop"]],
            "kind": np.where(mg["praise"], "praise", "warning"),
            "visit_id": visit_id[mg["vid"]],
        }
    ).iloc[m_order]

    referred = customers["acquired_via"] == "referral"
    ref_res = res[referred.to_numpy()]
    first_visit_shop = visits.drop_duplicates("customer_id").set_index("customer_id")["shop_id"]
    referrals = pd.DataFrame(
        {
            "referrer_id": customers.loc[referred, "referred_by"].to_numpy(),
            "new_customer_id": customers.loc[referred, "customer_id"].to_numpy(),
            "shop_id": first_visit_shop.reindex(customers.loc[referred, "customer_id"]).to_numpy(),
            "date": customers.loc[referred, "joined"].to_numpy(),
            "message_id": message_id[sim["referral_msg"][ref_res]],
        }
    )
    referrals.insert(0, "referral_id", _ids("RF", 4, len(referrals)))

    shops = pd.DataFrame(
        {
            "shop_id": shop_ids,
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
    staff = staff.drop(columns="_shop")
    return {
        "shops": shops,
        "staff": staff,
        "customers": customers,
        "ties": ties,
        "visits": visits,
        "complaints": complaints,
        "follow_ups": follow_ups,
        "surveys": surveys,
        "reviews": reviews,
        "word_of_mouth": word_of_mouth,
        "referrals": referrals,
    }


#: Decimals written for float columns (fixed, so the bytes are the same on every machine).
_DECIMALS = {"amount": 2, "interest": 2}


def _cell_text(values: pd.Series, kind: str, name: str) -> list[str]:
    """Format one column's cells as CSV text (empty cell = missing)."""
    out: list[str] = []
    for x in values.tolist():
        if x is None or x is pd.NA or x is pd.NaT or (isinstance(x, float) and np.isnan(x)):
            out.append("")
        elif kind == "date":
            out.append(str(np.datetime64(x, "D")))
        elif kind == "bool":
            out.append(TRUE_WORD if x else FALSE_WORD)
        elif kind == "int":
            out.append(str(int(x)))
        elif kind == "float":
            out.append(f"{float(x):.{_DECIMALS.get(name, 2)}f}")
        else:
            out.append(str(x))
    return out


def town_csv_text(seed: int = DEFAULT_SEED) -> dict[str, str]:
    """The exact text of every CSV file for this seed, keyed by table name."""
    raw = _raw_tables(_simulate(seed, TRUE_EFFECTS))
    texts = {}
    for name, table in SCHEMAS.items():
        frame = raw[name]
        cells = pd.DataFrame(
            {c.name: _cell_text(frame[c.name], c.kind, c.name) for c in table.columns}
        )
        texts[name] = cells.to_csv(index=False, lineterminator="\n")
    return texts


def _parse_texts(texts: dict[str, str]) -> dict[str, pd.DataFrame]:
    """Read CSV texts back through the loaders' schema, so generator and loaders agree exactly."""
    tables = {}
    for name, text in texts.items():
        raw = pd.read_csv(io.StringIO(text), dtype=str, keep_default_na=False, na_filter=False)
        tables[name] = parse_table(name, raw)
    check_keys(tables)
    return tables


def build_town(seed: int = DEFAULT_SEED) -> dict[str, pd.DataFrame]:
    """Generate the town for a seed: every table, typed exactly as :func:`helpers.data.load_town`
    returns it."""
    return _parse_texts(town_csv_text(seed))


# --------------------------------------------------------------------------------------------------
# The answer key: what the data shows
# --------------------------------------------------------------------------------------------------


def _share(mask: pd.Series) -> float:
    """Share of true values among the known ones (nan when there are none)."""
    known = mask.dropna()
    return float(known.astype(float).mean()) if len(known) else float("nan")


def measure_effects(tables: dict[str, pd.DataFrame]) -> dict[str, float]:
    """Measure every planted effect in a set of tables (as :func:`build_town` returns them).

    Keys are stable names used by the tests and the data dictionary's answer key.
    """
    out: dict[str, float] = {}
    visits = tables["visits"]
    sat = visits["satisfaction"].astype(int)
    came = returned_next_month(visits)

    # Satisfaction → return, steepest at the top; interest moves the threshold.
    for s in range(1, 6):
        out[f"return_share_{s}"] = _share(came[sat == s])
    out["return_ratio_5_to_4"] = out["return_share_5"] / out["return_share_4"]
    interest = visits["customer_id"].map(tables["customers"].set_index("customer_id")["interest"])
    keen = interest.astype(float) >= 0.5
    for s in (4, 5):
        out[f"return_share_{s}_keen"] = _share(came[(sat == s) & keen])
        out[f"return_share_{s}_indifferent"] = _share(came[(sat == s) & ~keen])

    # Asymmetry: what a good moment adds vs what the matching bad moment takes (mean satisfaction).
    mean = sat.astype(float)
    asked = visits["question_asked"].astype(bool)
    answered = visits["question_answered"].fillna(False).astype(bool)
    problem = visits["problem"].astype(bool)
    fixed = visits["problem_fixed"].fillna(False).astype(bool)
    no_q = mean[~asked].mean()
    out["answered_gain"] = mean[asked & answered].mean() - no_q
    out["unanswered_loss"] = no_q - mean[asked & ~answered].mean()
    no_p = mean[~problem].mean()
    out["fixed_gain"] = mean[problem & fixed].mean() - no_p
    out["unfixed_loss"] = no_p - mean[problem & ~fixed].mean()
    courteous = visits["courteous"].astype(bool)
    warm = visits["warm"].astype(bool)
    out["warm_gain"] = mean[warm].mean() - mean[~warm].mean()
    out["discourtesy_loss"] = mean[courteous].mean() - mean[~courteous].mean()

    # Complaints: most unhappy customers never complain.
    complaints = tables["complaints"]
    complained = visits["visit_id"].isin(complaints["visit_id"])
    out["complaint_share_unhappy"] = _share(complained[sat <= 2])
    out["complaint_share_neutral"] = _share(complained[sat == 3])
    out["complaint_share_happy"] = _share(complained[sat >= 4])
    # Recovery: return after a complaint, generous vs stingy.
    by_visit = complaints.set_index("visit_id")["resolution"]
    resolution = visits["visit_id"].map(by_visit)
    out["return_after_generous"] = _share(came[resolution == "generous"])
    out["return_after_stingy"] = _share(came[resolution == "stingy"])
    out["return_after_unhappy_no_complaint"] = _share(came[(sat <= 2) & ~complained])
    for shop in ("SH1", "SH2"):
        mine = complaints.loc[complaints["shop_id"] == shop, "resolution"]
        out[f"generous_share_{shop}"] = _share(mine == "generous")

    # Follow-up calls: visit in the calendar month after the call was due.
    fu = tables["follow_ups"]
    month = visits["date"].dt.year * 12 + visits["date"].dt.month
    seen = pd.MultiIndex.from_arrays([visits["customer_id"], month])
    due_month = fu["due"].dt.year * 12 + fu["due"].dt.month
    measurable = due_month < month.max()
    visited = pd.Series(
        pd.MultiIndex.from_arrays([fu["customer_id"], due_month + 1]).isin(seen), index=fu.index
    )
    called = fu["called"].astype(bool)
    out["visit_after_call"] = _share(visited[measurable & called])
    out["visit_after_no_call"] = _share(visited[measurable & ~called])
    for shop in ("SH1", "SH2"):
        here = measurable & (fu["shop_id"] == shop)
        out[f"follow_up_lift_{shop}"] = _share(visited[here & called]) - _share(
            visited[here & ~called]
        )

    # Surveys: who answers depends on satisfaction (extremes answer more).
    surveys = tables["surveys"]
    s_sat = surveys["visit_id"].map(visits.set_index("visit_id")["satisfaction"]).astype(int)
    for s in range(1, 6):
        out[f"survey_response_{s}"] = _share(surveys["responded"][s_sat == s])
    answered_s = surveys[surveys["responded"].astype(bool)]
    out["csat_from_answers"] = metrics.csat(answered_s["csat"].astype(float))
    out["csat_true_all_visits"] = metrics.csat(sat.astype(float))
    out["nps_from_answers"] = metrics.nps(answered_s["nps"].astype(float)).score

    # Reviews: J-shaped stars; replies lift later ratings.
    reviews = tables["reviews"]
    for s in range(1, 6):
        out[f"review_stars_{s}"] = _share(reviews["stars"] == s)
    r_sat = reviews["visit_id"].map(visits.set_index("visit_id")["satisfaction"]).astype(float)
    gap = reviews["stars"].astype(float) - r_sat
    replies_from = reviews["shop_id"].map(
        tables["shops"].set_index("shop_id")["replies_to_reviews_from"]
    )
    replying = reviews["date"] >= replies_from
    out["review_gap_replying"] = float(gap[replying].mean())
    out["review_gap_not_replying"] = float(gap[~replying].mean())
    out["reply_star_lift"] = out["review_gap_replying"] - out["review_gap_not_replying"]

    # Word of mouth: praise vs warnings; referrals.
    wom = tables["word_of_mouth"]
    n_warn = int((wom["kind"] == "warning").sum())
    out["praise_to_warning_ratio"] = int((wom["kind"] == "praise").sum()) / max(n_warn, 1)
    customers = tables["customers"]
    new = customers[customers["acquired_via"] != "existing"]
    out["referral_share_of_new_customers"] = _share(new["acquired_via"] == "referral")
    out["customers"] = float(len(customers))

    # Two shops, same goods: the better service keeps and wins customers.
    for shop in ("SH1", "SH2"):
        here = visits["shop_id"] == shop
        out[f"return_share_{shop}"] = _share(came[here])
        out[f"mean_satisfaction_{shop}"] = float(mean[here].mean())
    first_q = visits["date"] < np.datetime64("2024-04-01")
    last_q = visits["date"] >= np.datetime64("2025-10-01")
    out["visit_share_SH1_first_quarter"] = _share(visits.loc[first_q, "shop_id"] == "SH1")
    out["visit_share_SH1_last_quarter"] = _share(visits.loc[last_q, "shop_id"] == "SH1")

    # Service-profit chain: engaged staff are more courteous and warmer.
    scores = ("engagement", "courtesy", "warmth", "training_hours", "product_knowledge")
    staff = tables["staff"].astype(dict.fromkeys(scores, float))
    out["corr_engagement_courtesy"] = float(staff["engagement"].corr(staff["courtesy"]))
    out["corr_engagement_warmth"] = float(staff["engagement"].corr(staff["warmth"]))
    out["corr_training_knowledge"] = float(staff["training_hours"].corr(staff["product_knowledge"]))
    return out


# --------------------------------------------------------------------------------------------------
# The data dictionary (data/README.md) and writing the files
# --------------------------------------------------------------------------------------------------

_KIND_WORDS = {
    "id": "id (text)",
    "text": "text",
    "category": "category",
    "int": "whole number",
    "float": "number",
    "date": "date",
    "bool": "yes/no",
}


def _pct(x: float) -> str:
    return f"{100 * x:.0f} %"


def _answer_key(fx: TrueEffects, m: dict[str, float]) -> list[str]:
    """Rows of the answer-key table: effect, true size, what the data shows."""
    ret = ", ".join(f"{s}: {_pct(m[f'return_share_{s}'])}" for s in range(1, 6))
    resp = ", ".join(f"{s}: {_pct(m[f'survey_response_{s}'])}" for s in range(1, 6))
    stars = ", ".join(f"{s}★ {_pct(m[f'review_stars_{s}'])}" for s in range(1, 6))
    rows = [
        (
            "Satisfaction → coming back next month (steepest at the top; Jones & Sasser 1995)",
            f"logistic link, slope {fx.return_slope} per point around {fx.return_threshold}, "
            f"on top of a need floor of {_pct(fx.need_floor)} a month",
            f"share of visits followed by a visit next month, by satisfaction: {ret}. "
            f"A 5 is {m['return_ratio_5_to_4']:.1f}× as likely to come back as a 4",
        ),
        (
            "The customer's own interest moves the threshold (seed 5; Mittal & Kamakura 2001)",
            f"threshold {fx.interest_threshold_shift} points lower for the keenest than for "
            "the least interested",
            f"after a 4: keen (interest ≥ 0.5) {_pct(m['return_share_4_keen'])}, others "
            f"{_pct(m['return_share_4_indifferent'])}; after a 5: "
            f"{_pct(m['return_share_5_keen'])} vs {_pct(m['return_share_5_indifferent'])}",
        ),
        (
            "Bad moments weigh more than good ones (seed 5)",
            f"question answered +{fx.answered_gain}, unanswered −{fx.unanswered_loss}; "
            f"problem fixed +{fx.fixed_gain}, not fixed −{fx.unfixed_loss}; warm "
            f"+{fx.warm_gain}, discourteous −{fx.discourtesy_loss} (points, before rounding)",
            f"mean satisfaction vs visits without a question: answered "
            f"+{m['answered_gain']:.2f}, unanswered −{m['unanswered_loss']:.2f}; vs visits "
            f"without a problem: fixed +{m['fixed_gain']:.2f}, not fixed "
            f"−{m['unfixed_loss']:.2f}; warm vs not +{m['warm_gain']:.2f}; courteous vs not "
            f"+{m['discourtesy_loss']:.2f}",
        ),
        (
            "Most unhappy customers never complain",
            f"{_pct(fx.complaint_share_unhappy)} of unhappy visits (1-2) and "
            f"{_pct(fx.complaint_share_neutral)} of 3s produce a complaint",
            f"complaints per unhappy visit {_pct(m['complaint_share_unhappy'])}, per 3 "
            f"{_pct(m['complaint_share_neutral'])}, per 4-5 {_pct(m['complaint_share_happy'])}",
        ),
        (
            "Generous resolution brings complainers back (seed 6)",
            f"generous: the return link acts as if the visit scored "
            f"{fx.generous_recovered_satisfaction}; stingy: score −{fx.stingy_penalty}; "
            f"−{fx.resolution_day_loss} per day taken",
            f"came back next month after a generous resolution "
            f"{_pct(m['return_after_generous'])}, after a stingy one "
            f"{_pct(m['return_after_stingy'])} (unhappy, no complaint: "
            f"{_pct(m['return_after_unhappy_no_complaint'])}). Riverside settles "
            f"{_pct(m['generous_share_SH1'])} generously, Market Street "
            f"{_pct(m['generous_share_SH2'])}",
        ),
        (
            "Follow-up call after a big purchase (seed 6)",
            f"the month after the call is due, the call brings in {_pct(fx.follow_up_pull)} of "
            "those who would not have come anyway",
            f"visited in the month after the due date: called {_pct(m['visit_after_call'])}, "
            f"not called {_pct(m['visit_after_no_call'])} (lift Riverside "
            f"{100 * m['follow_up_lift_SH1']:+.0f} points, Market Street "
            f"{100 * m['follow_up_lift_SH2']:+.0f} points)",
        ),
        (
            "Survey non-response depends on satisfaction (extremes answer more)",
            "answer chance by satisfaction 1-5: " + ", ".join(_pct(x) for x in fx.survey_response),
            f"answer rate by true satisfaction: {resp}. CSAT from answers "
            f"{_pct(m['csat_from_answers'])} vs true share of 4-5 over all visits "
            f"{_pct(m['csat_true_all_visits'])}; NPS from answers {m['nps_from_answers']:.0f}",
        ),
        (
            "Online reviews are J-shaped (Hu, Pavlou & Zhang 2009)",
            "review chance by satisfaction 1-5: " + ", ".join(_pct(x) for x in fx.review_share),
            f"stars: {stars}",
        ),
        (
            "Replying to reviews lifts later ratings (Proserpio & Zervas 2017)",
            f"while a shop replies, a review gets one more star with chance "
            f"{_pct(fx.reply_extra_star_chance)} (capped at 5★)",
            f"stars minus the visit's true satisfaction: {m['review_gap_replying']:+.2f} while "
            f"replying, {m['review_gap_not_replying']:+.2f} before Market Street started "
            f"(lift {m['reply_star_lift']:+.2f} stars)",
        ),
        (
            "Praise travels about 3× as often as warnings (East, Hammond & Wright 2007)",
            f"after a 5, {_pct(fx.praise_talk_share)} talk; after a 1-2, "
            f"{_pct(fx.warning_talk_share)} talk; each tie hears with chance "
            f"{_pct(fx.praise_hear_share)} / {_pct(fx.warning_hear_share)}",
            f"{m['praise_to_warning_ratio']:.1f} praise messages per warning",
        ),
        (
            "Praise brings new customers (referrals)",
            f"a non-customer who hears praise joins next month with chance "
            f"{_pct(fx.referral_conversion)}",
            f"{_pct(m['referral_share_of_new_customers'])} of new customers came by referral; "
            f"{m['customers']:.0f} customers in all",
        ),
        (
            "Two shops, same goods: shoppers pick the better service (seed 2)",
            "Riverside: more engaged, better trained staff and shorter waits; Market Street is "
            "nearer for more people",
            f"mean satisfaction Riverside {m['mean_satisfaction_SH1']:.2f}, Market Street "
            f"{m['mean_satisfaction_SH2']:.2f}; came back next month "
            f"{_pct(m['return_share_SH1'])} vs {_pct(m['return_share_SH2'])}; Riverside's share "
            f"of visits {_pct(m['visit_share_SH1_first_quarter'])} (first quarter 2024) → "
            f"{_pct(m['visit_share_SH1_last_quarter'])} (last quarter 2025)",
        ),
        (
            "Engaged staff serve better (service-profit chain, Heskett et al. 1994)",
            f"+{fx.engagement_to_courtesy} courtesy and +{fx.engagement_to_warmth} warmth per "
            f"engagement point; +{fx.training_to_knowledge} knowledge per training hour",
            f"correlation engagement-courtesy {m['corr_engagement_courtesy']:.2f}, "
            f"engagement-warmth {m['corr_engagement_warmth']:.2f}, training-knowledge "
            f"{m['corr_training_knowledge']:.2f} (24 staff)",
        ),
    ]
    return [f"| {a} | {b} | {c} |" for a, b, c in rows]


def render_readme(tables: dict[str, pd.DataFrame], sizes: dict[str, int] | None = None) -> str:
    """The data dictionary (data/README.md): every file, every column, the keys, the answer key."""
    fx = TRUE_EFFECTS
    m = measure_effects(tables)
    lines = [
        "# The sample town: data dictionary",
        "",
        "One invented town, two shops selling the same goods, 24 months of history "
        f"({FIRST_DAY} to {LAST_DAY}). Every person, shop and name is made up. The files are "
        "written by a seeded model of how service earns loyalty (`helpers/town.py`, seed "
        f"{DEFAULT_SEED}); `python -m helpers.town` rebuilds them byte for byte, and this page "
        "with them. Do not edit these files by hand: change the generator and rebuild.",
        "",
        "Load them in a notebook with `helpers.data` (for example `load_visits()` or "
        "`load_town()`); the loaders check every rule on this page.",
        "",
        "## Conventions",
        "",
        "- One CSV file per table, UTF-8, comma-separated, header in line 1.",
        "- Ids are short and stable: a letter prefix and a number (`C0001`, `S01`, `V000001`).",
        "- Dates are written `YYYY-MM-DD`.",
        f"- Yes/no columns hold `{TRUE_WORD}` or `{FALSE_WORD}`.",
        "- An empty cell means *not applicable* (no question asked, no answer, no reply).",
        "- Money is in the town's currency units (think dollars), 2 decimals. Scores of staff "
        "are 0-100; satisfaction and CSAT 1-5; NPS 0-10; interest 0-1.",
        "- At most one visit per customer per calendar month (the model's time step).",
        "- **Fiction-only columns.** `visits.satisfaction` (the true score of every visit), the "
        "`ties` file, `word_of_mouth`, and the `customer_id`/`visit_id` of reviews exist only "
        "because the town is invented. A real shop never sees them: it sees surveys (from "
        "those who answer), complaints (from the few who complain) and reviews. Keeping them "
        "lets the notebooks check what the visible data can and cannot tell.",
        "",
        "## The files",
        "",
        "| file | one row is | rows | key |",
        "|---|---|---|---|",
    ]
    for name, table in SCHEMAS.items():
        lines.append(f"| `{table.file}` | {table.row} | {len(tables[name])} | `{table.key}` |")
    if sizes:
        total = sum(sizes.values())
        lines += ["", f"All files together: {total / 1e6:.1f} MB."]
    lines += [
        "",
        "## Keys between the tables",
        "",
        "Each of these columns holds an id that must exist in the other table "
        "(`load_town()` checks them all).",
        "",
    ]
    for table in SCHEMAS.values():
        for col in table.columns:
            if col.references:
                target, target_col = col.references.split(".")
                lines.append(f"- `{table.name}.{col.name}` → `{target}.{target_col}`")
    lines.append("- and a visit's `staff_id` is always someone working in the visit's `shop_id`.")
    for table in SCHEMAS.values():
        lines += [
            "",
            f"## {table.file}",
            "",
            f"One row is {table.row}. Key: `{table.key}`.",
            "",
            "| column | type | unit | values | may be empty | meaning |",
            "|---|---|---|---|---|---|",
        ]
        for col in table.columns:
            lines.append(
                f"| `{col.name}` | {_KIND_WORDS[col.kind]} | {col.unit or '-'} | "
                f"{col.describe_values()} | {'no' if col.required else 'yes'} | {col.meaning} |"
            )
    lines += [
        "",
        "## The answer key",
        "",
        "What the generator planted, and what the shipped files show. The true sizes are the "
        "constants in `helpers.town.TRUE_EFFECTS` (and the shop policies in `helpers.town.SHOPS`); "
        "the measured values come from `helpers.town.measure_effects()` on these files. Chance "
        "makes the measured values differ a little from the planted ones, which is itself worth "
        'discussing in class. "Came back next month" means the same customer visited either '
        "shop in the next calendar month (`helpers.data.returned_next_month`).",
        "",
        "| effect | planted (true size) | what the data shows |",
        "|---|---|---|",
        *_answer_key(fx, m),
        "",
        "### The shops' policies",
        "",
        "| shop | staff | mean engagement | mean training hours | mean wait (minutes) | "
        "surveys after | follow-up calls | generous resolutions | replies to reviews from |",
        "|---|---|---|---|---|---|---|---|---|",
    ]
    for s in SHOPS:
        lines.append(
            f"| {s.shop_id} {s.name} | {s.n_staff} | {s.engagement_mean:.0f} | "
            f"{s.training_mean:.0f} | {s.wait_mean:.0f} | {_pct(s.survey_share)} of visits | "
            f"{_pct(s.follow_up_share)} of big purchases | {_pct(s.generous_share)} | "
            f"{s.replies_to_reviews_from} |"
        )
    lines += [
        "",
        "Numbers from published studies are anchors for the model's shape (see COURSE.md, "
        '"The simulations"); the town itself is illustrative, not evidence.',
        "",
    ]
    return "\n".join(lines)


def write_town(folder: Path = DATA_DIR, seed: int = DEFAULT_SEED) -> list[Path]:
    """Write every CSV file and the data dictionary (README.md) into ``folder``.

    Returns the paths written. Files are written with "\\n" line ends so the bytes are the same
    on every machine.
    """
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    texts = town_csv_text(seed)
    tables = _parse_texts(texts)
    written = []
    sizes = {}
    for name, text in texts.items():
        path = folder / SCHEMAS[name].file
        data = text.encode("utf-8")
        path.write_bytes(data)
        sizes[name] = len(data)
        written.append(path)
    readme = folder / "README.md"
    readme.write_bytes(render_readme(tables, sizes).encode("utf-8"))
    written.append(readme)
    return written


def main(argv: list[str] | None = None) -> int:
    """Command line: ``python -m helpers.town [--out DIR] [--seed N]``."""
    parser = argparse.ArgumentParser(description="Rebuild the sample town's data files.")
    parser.add_argument("--out", type=Path, default=DATA_DIR, help="folder to write (data/)")
    parser.add_argument("--seed", type=int, default=DEFAULT_SEED, help="random seed")
    args = parser.parse_args(argv)
    paths = write_town(args.out, args.seed)
    total = sum(p.stat().st_size for p in paths)
    print(f"Wrote {len(paths)} files ({total / 1e6:.1f} MB) to {args.out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
