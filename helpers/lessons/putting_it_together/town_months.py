"""The customer end of the chain: two shops share the town's households, month by month.

Each month the households choose where to shop; then each shop serves the customers who came
(its share of delighted visits, of unhappy ones, and the whole 1-5 spread, and its wait, which
grows with the customers: a queue); out come what people say, the stars online and what
customers remember. The pieces are the earlier lessons' models, joined together:

* **Memory and choice** (notebook 02's two shops): each household picks Riverside, Market Street
  or neither by a logit choice on how the town remembers each shop, plus a pull towards the
  nearer one. What a visit leaves is notebook 02's: a delighted visit pulls (``ln 6 = 1.79``,
  from notebook 01's return link), a visit that leaves the customer unhappy (a 1 or 2) pushes
  (1.30); good memories fade by half in 6 months, bad ones in 12. Notebook 02 follows every
  household and adds up its own visits; here the town remembers, for each shop, the *average*
  visit (its standing), so a shop is judged by how it serves, not by how many it serves, and the
  town settles where the two shops' ways lead (notebook 02's new shops keep growing).
* **Word of mouth** (notebook 03): a delighted customer praises the shop with a chance of 33 %, an
  unhappy one warns with 60 %, and each of about 3.1 close ties hears it with 45 %. Each message
  heard adds :data:`MESSAGE_PULL` to (or takes it from) the shop's pull for the one who hears it
  (ours; spread here over the town's households), and fades like a memory.
* **Complaints** (notebook 04): 20 % of unhappy customers complain. Against saying nothing, a
  complaint settled generously keeps 30 more customers in 100 and one argued with loses 10
  (notebook 04's chances of staying: 50 %, 10 %, 20 % for silence). A customer settled
  generously warns nobody (notebook 03).
* **Follow-up calls** (notebook 02): 5 % of visits are big purchases; :data:`CALL_DELAY` months
  later the shop may call, and a call brings back 22 % of the called buyers (notebook 02's model,
  calls at random: 25 % of those who would not have come anyway).
* **Customers kept** by a settlement or a call stay customers with notebook 04's 80 % a year and
  shop about four times a year: about 18 visits in all (**ours**: notebook 02 modelled only the
  return in the month after a call). What calls and settlements bring rests on this.
* **Reviews** (notebook 03): customers at each score write reviews with the town's chances (the
  J shape); replying adds a star to a review with a chance of 30 % (about +0.12 stars, Proserpio &
  Zervas 2017: one study, of hotels) and brings 12 % more reviews. Households see the mean stars
  of the last six months (the town's rule); each star above or below 4 pulls by
  :data:`STAR_PULL` (ours).

Everything is vectorised over the two shops and the two groups of households; the months run in
a loop of 24 small steps (a month's service depends on that month's customers).
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from dataclasses import dataclass, field

import numpy as np

from helpers.lessons.feedback.iceberg import (
    KEPT_IF_NOT,
    KEPT_IF_PUT_RIGHT,
    KEPT_IF_SILENT,
    RETENTION,
)
from helpers.lessons.feedback.iceberg import PARAMETERS as COMPLAINT_PARAMETERS
from helpers.lessons.repeat_business import two_shops
from helpers.lessons.repeat_business.follow_up import follow_up
from helpers.lessons.reputation.recovery import CLOSE_LISTENERS
from helpers.lessons.reputation.reviews import (
    REPLY_EXTRA_STAR,
    REPLY_MORE_REVIEWS,
    WRITE_DEFAULTS,
)
from helpers.lessons.reputation.word_of_mouth import PARAMETERS as WORD_PARAMETERS

HOUSEHOLDS = two_shops.HOUSEHOLDS
#: Households nearer Riverside, nearer Market Street (notebook 02's 45 : 55).
GROUP_SIZES = HOUSEHOLDS * np.array([1 - two_shops.NEARER_MARKET, two_shops.NEARER_MARKET])
NEAR = two_shops.NEAR_PULL * np.eye(2)
MEMORY_MONTHS = two_shops.PARAMETERS["memory_months"].default
KEEP_GOOD = 0.5 ** (1 / MEMORY_MONTHS)
KEEP_BAD = 0.5 ** (1 / (two_shops.BAD_LASTS * MEMORY_MONTHS))

#: Word of mouth: chances to talk (notebook 03's sliders at their start), people who hear, and
#: the pull of one message heard (ours: the town's customers weigh one 0.5, on top of a memory of
#: their own visits that this model spreads over the town).
PRAISE_TALK = WORD_PARAMETERS["praise"].default / 100
WARN_TALK = WORD_PARAMETERS["warn"].default / 100
HEARD_PER_TALK = CLOSE_LISTENERS
MESSAGE_PULL = 0.2

#: Complaints: notebook 04's share of unhappy customers who complain, and how many more of them
#: stay customers (against saying nothing) when settled generously and when argued with.
COMPLAIN = COMPLAINT_PARAMETERS["complaint_rate"].default / 100
KEPT_IF_SETTLED = KEPT_IF_PUT_RIGHT - KEPT_IF_SILENT
KEPT_IF_ARGUED = KEPT_IF_NOT - KEPT_IF_SILENT
#: A customer kept stays from one month to the next with notebook 04's 80 % a year, and shops
#: with us about four times a year (ours).
KEEP_MONTH = RETENTION ** (1 / 12)
KEPT_VISITS = 4 / 12

#: Reviews: chance of writing by score 1..5 (the town's), months of stars households look at (the
#: town's), and the pull of each star above or below 4 (ours).
WRITE = np.array(WRITE_DEFAULTS) / 100
REVIEW_MONTHS = 6
STAR_PULL = 0.1
STARS_REFERENCE = 4.0

#: Follow-up calls: share of visits that are big purchases (the town's 5 %), months until the
#: call, and the share of called buyers brought back (notebook 02's model, calls at random).
BIG_SHARE = 0.05
CALL_DELAY = 3
BROUGHT_BACK = follow_up(picked=0).called_by_call


@dataclass(frozen=True)
class Policy:
    """What each shop does with complaints, reviews and big purchases (shares 0-1, per shop)."""

    generous: np.ndarray
    replies: np.ndarray
    follow_up: np.ndarray


#: What each shop serves in a month: ``serve(month, visits)`` gets the month (0-based) and each
#: shop's customers that month (2,), and gives the shares of visits at each score 1..5 (2, 5) and
#: each shop's average wait (2,) in minutes. The wait may depend on the customers (a queue).
Serve = Callable[[int, np.ndarray], tuple[np.ndarray, np.ndarray]]


def constant(shares: np.ndarray, wait: np.ndarray) -> Serve:
    """Both shops serving the same every month, whatever the customers."""
    shares, wait = np.asarray(shares, dtype=float), np.asarray(wait, dtype=float)
    return lambda _month, _visits: (shares, wait)


@dataclass(frozen=True)
class Memory:
    """Where the town stands at the start of a month: what households remember of each shop's
    visits (good and bad, per shop) and of what they heard (praise and warnings, per household),
    recent reviews (count and stars, oldest first), recent big purchases (oldest first) and the
    customers kept by calls and complaints (against doing nothing)."""

    good: np.ndarray  #: (2,) the average pull of a recent visit to each shop
    bad: np.ndarray  #: (2,) the average push
    praise: np.ndarray  #: (2,) praise heard, remembered, per household
    warnings: np.ndarray  #: (2,) warnings heard, remembered, per household
    reviews: np.ndarray  #: (REVIEW_MONTHS, 2): reviews written
    stars: np.ndarray  #: (REVIEW_MONTHS, 2): stars given (sum)
    big: np.ndarray  #: (CALL_DELAY, 2): big purchases
    kept: np.ndarray  #: (2,) customers kept
    visits: np.ndarray  #: (2,) customers in the month before


def empty_memory(start_visits: float = 1_200.0) -> Memory:
    """A town where nobody remembers anything yet (new shops)."""
    reviews = np.full((REVIEW_MONTHS, 2), 1e-9)
    return Memory(
        good=np.zeros(2),
        bad=np.zeros(2),
        praise=np.zeros(2),
        warnings=np.zeros(2),
        reviews=reviews,
        stars=STARS_REFERENCE * reviews,
        big=np.full((CALL_DELAY, 2), BIG_SHARE * start_visits),
        kept=np.zeros(2),
        visits=np.full(2, start_visits),
    )


@dataclass
class TownMonths:
    """Month by month for both shops (arrays of shape (months, 2))."""

    visits: np.ndarray
    shares: np.ndarray  #: (months, 2, 5): share of visits at each score 1..5
    wait: np.ndarray  #: average wait (minutes)
    praise: np.ndarray  #: praise messages heard
    warnings: np.ndarray  #: warnings heard
    settled: np.ndarray  #: complaints settled generously
    reviews: np.ndarray  #: reviews written
    replies: np.ndarray  #: reviews replied to
    calls: np.ndarray  #: follow-up calls made
    stars: np.ndarray  #: mean stars households see
    end: Memory = field(repr=False)


def reviews_per_visit(shares: np.ndarray, replies: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Reviews per visit and their mean stars, for spreads of scores ``shares`` (..., 2, 5) with
    a share ``replies`` (2,) of reviews answered."""
    written = shares * WRITE
    per_visit = written.sum(axis=-1)
    online = written / per_visit[..., None]
    mean = (online * np.arange(1, 6)).sum(axis=-1)
    mean = mean + online[..., :4].sum(axis=-1) * REPLY_EXTRA_STAR * replies  # one more star
    return per_visit * (1 + REPLY_MORE_REVIEWS * replies), mean


def _rates(shares: np.ndarray, policy: Policy) -> dict[str, np.ndarray]:
    """Per visit, for one month's spread of scores (2, 5): what each visit brings in talk,
    settlements, customers kept and reviews (2,)."""
    unhappy, happy = shares[:, 0] + shares[:, 1], shares[:, 4]
    settled = unhappy * COMPLAIN * policy.generous
    argued = unhappy * COMPLAIN - settled
    per_visit, mean_stars = reviews_per_visit(shares, policy.replies)
    return {
        "praise": happy * PRAISE_TALK * HEARD_PER_TALK,
        "warnings": (unhappy - settled) * WARN_TALK * HEARD_PER_TALK,
        "settled": settled,
        "kept": settled * KEPT_IF_SETTLED + argued * KEPT_IF_ARGUED,
        "reviews": per_visit,
        "stars": per_visit * mean_stars,
    }


def _choose(good: np.ndarray, bad: np.ndarray, heard: np.ndarray, rating: np.ndarray, kept):
    """Each shop's customers this month (2,): every group of households (45 : 55) chooses by
    how it sees each shop (memories, what it heard, the stars online), plus those kept."""
    standing = good - bad + heard + STAR_PULL * (rating - STARS_REFERENCE)
    weight = np.exp(two_shops.BASE + NEAR + standing)
    chance = weight / (1 + weight.sum(axis=1, keepdims=True))
    return GROUP_SIZES @ chance + KEPT_VISITS * kept


def run_months(serve: Serve, months: int, policy: Policy, start: Memory) -> TownMonths:
    """The town's ``months`` from ``start``: each month the households choose, then each shop
    serves its customers (``serve``), and what the visits leave is remembered."""
    delight, push = two_shops.impressions()
    out = {key: np.empty((months, 2)) for key in TownMonths.__dataclass_fields__ if key != "end"}
    out["shares"] = np.empty((months, 2, 5))
    good, bad, kept = start.good, start.bad, start.kept
    praise, warnings = start.praise, start.warnings
    reviews, stars, big = start.reviews.copy(), start.stars.copy(), start.big.copy()
    count, total = reviews.sum(axis=0), stars.sum(axis=0)
    call_rate = policy.follow_up * BROUGHT_BACK
    for t in range(months):
        visits = _choose(good, bad, praise - warnings, total / count, kept)
        shares, wait = serve(t, visits)
        rate = _rates(shares, policy)
        heard = visits * rate["praise"], visits * rate["warnings"]
        out["stars"][t] = total / count
        good = KEEP_GOOD * good + (1 - KEEP_GOOD) * delight * shares[:, 4]
        bad = KEEP_BAD * bad + (1 - KEEP_BAD) * push * (shares[:, 0] + shares[:, 1])
        praise = KEEP_GOOD * praise + MESSAGE_PULL / HOUSEHOLDS * heard[0]
        warnings = KEEP_BAD * warnings + MESSAGE_PULL / HOUSEHOLDS * heard[1]
        slot_r, slot_b = t % REVIEW_MONTHS, t % CALL_DELAY
        kept = KEEP_MONTH * kept + visits * rate["kept"] + big[slot_b] * call_rate
        out["calls"][t] = big[slot_b] * policy.follow_up
        big[slot_b] = BIG_SHARE * visits
        written, given = visits * rate["reviews"], visits * rate["stars"]
        count, total = count + written - reviews[slot_r], total + given - stars[slot_r]
        reviews[slot_r], stars[slot_r] = written, given
        out["visits"][t], out["shares"][t], out["wait"][t] = visits, shares, wait
        out["praise"][t], out["warnings"][t], out["reviews"][t] = heard[0], heard[1], written
        out["settled"][t] = visits * rate["settled"]
    out["replies"] = out["reviews"] * policy.replies
    end = Memory(
        good, bad, praise, warnings, np.roll(reviews, -months, axis=0),
        np.roll(stars, -months, axis=0), np.roll(big, -months, axis=0), kept, out["visits"][-1],
    )  # fmt: skip
    return TownMonths(**out, end=end)


#: Months run before the simulator's first month, so both shops start where their ways lead.
SETTLING_MONTHS = 2_400


@functools.lru_cache(maxsize=8)
def settled_memory(
    shares_key: tuple[float, ...], policy_key: tuple[float, ...], wait_key: tuple[float, ...]
) -> Memory:
    """The town after :data:`SETTLING_MONTHS` of constant service and policies (cached).

    ``shares_key`` is the (2, 5) spread of scores, flattened; ``policy_key`` generous, replies and
    follow-up for both shops, flattened; ``wait_key`` each shop's usual wait."""
    shares = np.array(shares_key).reshape(2, 5)
    g, r, f = np.array(policy_key).reshape(3, 2)
    serve = constant(shares, np.array(wait_key))
    return run_months(serve, SETTLING_MONTHS, Policy(g, r, f), empty_memory()).end
