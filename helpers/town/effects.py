"""The planted effects and the two shops' policies: every number the data should reveal.

:data:`TRUE_EFFECTS` holds the effect sizes, :data:`SHOPS` how each shop treats its staff and its
customers. The steps of the model read them from here (and only here); so do the tests and the
data dictionary's answer key.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from helpers.lessons.satisfaction.model import PARAMETERS as SATISFACTION_PARAMETERS
from helpers.lessons.satisfaction.return_link import JONES_SASSER_RATIO, return_probability


@dataclass(frozen=True)
class TrueEffects:
    """The planted effect sizes. Every number the data should reveal is here (and only here)."""

    # --- satisfaction and coming back: the very model of lesson 01 (its moments, their Kano
    #: kinds and sizes, the wait, the noise, and the return link), so the town and the
    #: simulators tell one story. Here only how much a bad moment weighs is set (its default).
    bad_weight: float = SATISFACTION_PARAMETERS["bad_weight"].default
    #: A 5 comes back this many times as often as a 4 (Jones & Sasser 1995: about six at Xerox).
    top_ratio: float = JONES_SASSER_RATIO

    # --- complaints and recovery.
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

    # --- follow-up call after a big purchase: in the calendar month after the call was
    #: due, the call brings in this share of the customers who would not have come anyway.
    follow_up_pull: float = 0.25

    # --- word of mouth (East, Hammond & Wright 2007).
    #: Share of delighted (5) visits the customer talks about, and of unhappy (1-2) ones.
    praise_talk_share: float = 0.33
    warning_talk_share: float = 0.6
    #: Chance each friend or relative of a talking customer hears about it.
    praise_hear_share: float = 0.45
    warning_hear_share: float = 0.45
    #: Chance a non-customer who hears praise becomes a customer next month (a referral).
    referral_conversion: float = 0.2

    # --- online reviews (Hu, Pavlou & Zhang 2009; Proserpio & Zervas 2017).
    #: Chance a visit is reviewed online, by satisfaction 1..5 (J-shaped: extremes write).
    review_share: tuple[float, float, float, float, float] = (0.5, 0.08, 0.01, 0.02, 0.08)
    #: While a shop replies to reviews, each new review gets one extra star with this chance
    #: (about +0.12 stars on average once the 5-star cap is counted, as in Proserpio & Zervas).
    reply_extra_star_chance: float = 0.3

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
    walk_in_rate: float = 0.012


TRUE_EFFECTS = TrueEffects()


@dataclass(frozen=True)
class ShopPolicy:
    """One shop: how it treats its staff and its customers. Both sell the same goods."""

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


def sigmoid(x: np.ndarray) -> np.ndarray:
    """The logistic function: log-odds to a chance."""
    return 1.0 / (1.0 + np.exp(-x))


def return_chance(satisfaction: np.ndarray, interest: np.ndarray, fx: TrueEffects) -> np.ndarray:
    """Chance of visiting in each month until the next visit, after a visit that felt like
    ``satisfaction`` (1-5, whole or not), for customers with ``interest`` (0-1).

    Lesson 01's return link: steepest between 4 and 5 (Jones & Sasser 1995), and a customer's
    interest acts as the share of "a real reason to come" (Mittal & Kamakura 2001).
    """
    score = np.clip(np.asarray(satisfaction, dtype=float), 1, 5)
    return return_probability(score, fx.top_ratio, np.clip(interest, 0, 1))
