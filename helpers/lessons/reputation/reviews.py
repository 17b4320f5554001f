"""Why the stars online are J-shaped, and what replying to reviews does (notebook 03).

The true opinion of all customers is notebook 01's simulator at its starting service (share of
customers at each satisfaction score 1-5). Each customer writes a review with a chance that
depends on how satisfied they are (the sliders); the stars online are the opinions of those who
wrote::

    stars online at score s  ∝  customers at score s × chance a customer at s writes

What rests on the literature, and what is ours
----------------------------------------------
* **Mostly the delighted and the angry write.** Hu, Pavlou & Zhang (2009, Communications of the
  ACM 52(10), "Overcoming the J-shaped distribution of product reviews") showed that online
  ratings pile up at 5 stars with a smaller heap at 1 (a J), while the opinions of all buyers,
  asked in an experiment, looked like an ordinary hump: the J comes from who chooses to write
  (they call it purchasing bias and under-reporting bias). The starting chances of writing (50 %,
  8 %, 1 %, 2 %, 8 % from score 1 to 5) are the sample town's, and illustrative.
* **Replying to reviews.** Proserpio & Zervas (2017, Marketing Science 36(5), "Online reputation
  management: estimating the impact of management responses on consumer reviews") found that
  hotels that began replying to reviews gained about 0.12 stars and about 12 % more reviews.
  That is **one study**, of hotels. The model adds one star (up to 5) to each review with a chance
  of 30 % while the shop replies, as the sample town does: a stand-in of ours, tuned so that on
  the starting J-shape it comes to about +0.12 stars (a test checks it). In the study the change
  came mainly through fewer short negative reviews, not kinder ones. The 12 % more reviews is the
  study's figure, applied as it is.
* **Left out.** Hu, Pavlou & Zhang also name *purchasing bias* (only those who chose to buy can
  review); the model has only under-reporting (who chooses to write). That the average online
  here is close to the true one comes from the chosen chances of writing (50 % of the very
  unhappy, 8 % of the delighted), not from a law.
"""

from __future__ import annotations

import functools
from collections.abc import Mapping
from dataclasses import dataclass

import numpy as np

from helpers.i18n import N_, _
from helpers.parameters import Parameter
from helpers.validation import ParameterError

SCORES = (1, 2, 3, 4, 5)
#: The sample town's chances of writing a review, by satisfaction 1..5 (in %).
WRITE_DEFAULTS = (50, 8, 1, 2, 8)
#: While a shop replies, each review gains one star (up to 5) with this chance (the town's).
REPLY_EXTRA_STAR = 0.3
#: Proserpio & Zervas (2017): hotels that began replying got about 12 % more reviews ...
REPLY_MORE_REVIEWS = 0.12
#: ... and about 0.12 stars more.
REPLY_STAR_GAIN = 0.12

_LABELS = (
    N_("Very unhappy (1) who write (%)"),
    N_("Unhappy (2) who write (%)"),
    N_("In between (3) who write (%)"),
    N_("Satisfied (4) who write (%)"),
    N_("Delighted (5) who write (%)"),
)

PARAMETERS: dict[str, Parameter] = {
    f"write_{s}": Parameter(
        f"write_{s}",
        plain=label.split(" (%)")[0],
        label=label,
        unit="%",
        default=default,
        low=0,
        high=60,
        step=1,
        help=N_("Share of customers with this score who write a review online."),
        illustrative=True,
    )
    for s, label, default in zip(SCORES, _LABELS, WRITE_DEFAULTS, strict=True)
}


@functools.cache
def true_opinion() -> np.ndarray:
    """Share of all customers at each score 1..5: notebook 01's simulator at its start."""
    from helpers.lessons.satisfaction.model import simulate

    shares = simulate().shares.copy()
    shares.flags.writeable = False
    return shares


def mean_score(shares: np.ndarray) -> float:
    """The average score of a distribution over 1..5 (shares summing to 1)."""
    return float(np.dot(np.arange(1, 6), shares))


@dataclass(frozen=True)
class ReviewOutcome:
    """The true opinion of all customers beside the stars that appear online."""

    true_shares: np.ndarray  #: share of all customers at each score 1..5
    online_shares: np.ndarray  #: share of reviews at each star 1..5 (zeros if nobody writes)
    reviews_per_100: float  #: reviews written per 100 customers

    @property
    def true_mean(self) -> float:
        return mean_score(self.true_shares)

    @property
    def online_mean(self) -> float:
        return mean_score(self.online_shares) if self.reviews_per_100 else float("nan")

    @property
    def extremes_online(self) -> float:
        """Share of reviews that are 1 or 5 stars."""
        return float(self.online_shares[0] + self.online_shares[4])

    @property
    def extremes_true(self) -> float:
        """Share of customers who score 1 or 5."""
        return float(self.true_shares[0] + self.true_shares[4])


def check_values(values: Mapping[str, float] | None = None, **changes: float) -> np.ndarray:
    """The chances of writing by score 1..5, as shares 0-1 (defaults for the rest), checked."""
    merged = {**(values or {}), **changes}
    unknown = sorted(set(merged) - set(PARAMETERS))
    if unknown:
        raise ParameterError(
            _("The review model has no parameter called {unknown}; its parameters are {known}.")
            .format(unknown=", ".join(unknown), known=", ".join(PARAMETERS))
        )  # fmt: skip
    return np.array(
        [spec.check(merged.get(name, spec.default)) / 100 for name, spec in PARAMETERS.items()]
    )


def online_reviews(values: Mapping[str, float] | None = None, **changes: float) -> ReviewOutcome:
    """The stars online when customers at each score write with the sliders' chances."""
    write = check_values(values, **changes)
    truth = true_opinion()
    written = truth * write
    total = float(written.sum())
    online = written / total if total > 0 else np.zeros(5)
    return ReviewOutcome(truth, online, 100 * total)


def with_replies(outcome: ReviewOutcome, extra_star: float = REPLY_EXTRA_STAR) -> ReviewOutcome:
    """The same reviews while the shop replies: each gains one star (up to 5) with
    ``extra_star``, and there are :data:`REPLY_MORE_REVIEWS` more of them (Proserpio & Zervas)."""
    if not 0 <= extra_star <= 1:
        raise ParameterError(_("The chance of an extra star must be between 0 and 1."))
    shares = outcome.online_shares
    moved = np.concatenate([[0.0], extra_star * shares[:4]])
    kept = shares * np.array([1 - extra_star] * 4 + [1.0])
    return ReviewOutcome(
        outcome.true_shares, kept + moved, outcome.reviews_per_100 * (1 + REPLY_MORE_REVIEWS)
    )
