"""Step "reviews": online reviews, the shops' replies, and the reputation walk-ins see.

Mostly the delighted and the angry write (a J-shape). While a shop replies to reviews, new reviews
come out a little kinder; a shop replies to nearly every bad review and to some of the rest. A
shop's reputation is the mean stars of its reviews over the last six months.
"""

from __future__ import annotations

import numpy as np

from helpers.town.effects import SHOPS
from helpers.town.state import Month, TownState, pick

#: What reviewers write, three texts per star rating (codes 0-2).
REVIEW_TEXT = {
    5: ("Best shop in town, the staff really care.", "Brilliant service, will be back.",
        "They helped me find exactly the right thing."),
    4: ("Good shop, friendly enough.", "Decent service and fair prices.", "Nice visit overall."),
    3: ("Okay. Nothing special.", "Fine, but I had to wait.", "Average service."),
    2: ("Disappointing visit.", "Staff did not seem interested.", "Would not rush back."),
    1: ("Terrible service, avoid.", "Rude staff and nobody fixed my problem.",
        "Never again. Tell your friends."),
}  # fmt: skip
REPLY_GOOD = "Thank you for your kind words. We look forward to seeing you again!"
REPLY_BAD = "We are sorry we let you down. Please ask for the shop manager so we can put it right."
#: Chance a shop that replies answers a bad (1-2 star) review.
BAD_REVIEW_REPLY_SHARE = 0.9
#: Reputation: months of reviews counted, and how many reviews it takes to count.
REPUTATION_MONTHS = 6
REPUTATION_MIN_REVIEWS = 5


def review(state: TownState, month: Month, rng: np.random.Generator) -> None:
    """Record this month's reviews and replies; update each shop's reputation."""
    fx = state.fx
    review_share = np.array((0.0, *fx.review_share))
    ri = np.flatnonzero(pick(rng, review_share[month.satisfaction]))
    n = len(ri)
    shop = month.shop[ri]
    posted = month.date[ri] + rng.integers(0, 8, n)  # within a week of the visit
    replies_from = np.array([np.datetime64(s.replies_to_reviews_from, "D") for s in SHOPS])
    replying = posted >= replies_from[shop]
    shift = rng.choice([-1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1], n)
    extra = replying & pick(rng, np.full(n, fx.reply_extra_star_chance))
    stars = np.clip(month.satisfaction[ri] + shift + extra, 1, 5)
    reply_share = np.array([s.reply_share for s in SHOPS])
    reply = replying & pick(rng, np.where(stars <= 2, BAD_REVIEW_REPLY_SHARE, reply_share[shop]))
    replied = posted + rng.integers(1, 6, n)
    text = rng.integers(0, 3, n)
    state.record(
        "reviews", vid=month.visit[ri], who=month.who[ri], shop=shop, date=posted, stars=stars,
        reply=reply, replied=replied, text=text,
    )  # fmt: skip
    state.review_log.append((month.index, shop, stars))
    _update_reputation(state, month.index)


def _update_reputation(state: TownState, m: int) -> None:
    """Each shop's reputation: mean stars of its reviews over the last six months."""
    for s in range(len(SHOPS)):
        recent = [st[sh == s] for mm, sh, st in state.review_log if mm > m - REPUTATION_MONTHS]
        recent_stars = np.concatenate(recent) if recent else np.array([])
        enough = len(recent_stars) >= REPUTATION_MIN_REVIEWS
        state.reputation[s] = recent_stars.mean() if enough else 4.0
