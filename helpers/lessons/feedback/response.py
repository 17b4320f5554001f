"""Who answers? A survey's CSAT when the chance of answering depends on how the visit felt.

The model in plain words
------------------------
The shop's visits have a true mix of satisfaction scores 1-5: the customers of notebook 01's
first simulator at its starting settings (:func:`true_mix`). A survey goes to every one of them.
The unhappy (1-2), the content (3-4) and the delighted (5) each answer with their own chance (the
three sliders). The survey's CSAT is computed from the answers only; the true CSAT from everyone.

The formulas
------------
With ``m_s`` the true share of visits scored ``s`` and ``r_s`` the chance of answering after one::

    answers at s  a_s = m_s · r_s / Σ_k m_k · r_k
    survey CSAT       = a_4 + a_5           true CSAT = m_4 + m_5

If every group answers at the same rate the survey is unbiased, however low that rate: the
response rate alone says nothing about the bias. Only a difference between the groups biases it.

What rests on the literature, and what is illustrative
------------------------------------------------------
Groves (2006, Public Opinion Quarterly 70(5), "Nonresponse rates and nonresponse bias in
household surveys") showed that the response rate alone predicts the bias poorly: what matters is
whether answering is linked to what is measured. Who answers a satisfaction survey differs from
survey to survey (some see the extremes answer more, some the satisfied): the default rates
(unhappy 45 %, content 20 %, delighted 40 %) are our illustrative choice, the same U shape as the
sample town. Only an invented town can check it: a real shop never sees the answers of those
who did not answer.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

import numpy as np

from helpers.i18n import N_
from helpers.lessons.feedback.params import read_values
from helpers.parameters import percent

SCORES = (1, 2, 3, 4, 5)
#: Which slider sets the answer rate after each score 1..5.
GROUP_OF_SCORE = ("unhappy", "unhappy", "content", "content", "delighted")

PARAMETERS = {
    p.name: p
    for p in (
        percent(
            "delighted",
            N_("Delighted customers who answer"),
            N_("Delighted (5) who answer (%)"),
            40,
            N_("Of the customers who scored the visit 5, how many answer the survey."),
            illustrative=True,
        ),
        percent(
            "content",
            N_("Content customers who answer"),
            N_("Content (3-4) who answer (%)"),
            20,
            N_("Of the customers who scored the visit 3 or 4, how many answer."),
            illustrative=True,
        ),
        percent(
            "unhappy",
            N_("Unhappy customers who answer"),
            N_("Unhappy (1-2) who answer (%)"),
            45,
            N_("Of the customers who scored the visit 1 or 2, how many answer."),
            illustrative=True,
        ),
    )
}


@cache
def true_mix() -> np.ndarray:
    """True share of visits at each score 1-5: notebook 01's customers at its starting settings."""
    from helpers.lessons.satisfaction.model import simulate

    shares = np.asarray(simulate().shares, dtype=float)
    shares.flags.writeable = False
    return shares


@dataclass(frozen=True)
class Response:
    """What the survey shows, against the truth."""

    mix: np.ndarray  #: true share of visits at each score 1-5
    rates: np.ndarray  #: chance of answering after each score 1-5
    answered: np.ndarray  #: share of the ANSWERS at each score 1-5 (NaN if nobody answers)

    @property
    def response_rate(self) -> float:
        """Share of all customers who answer."""
        return float(np.dot(self.mix, self.rates))

    @property
    def true_csat(self) -> float:
        """CSAT if every customer answered (share of 4s and 5s among all visits)."""
        return float(self.mix[3:].sum())

    @property
    def survey_csat(self) -> float:
        """CSAT of the answers (NaN if nobody answers)."""
        return float(self.answered[3:].sum())

    @property
    def true_unhappy(self) -> float:
        """Share of all visits scored 1 or 2."""
        return float(self.mix[:2].sum())

    @property
    def survey_unhappy(self) -> float:
        """Share of the answers that are 1 or 2 (NaN if nobody answers)."""
        return float(self.answered[:2].sum())

    @property
    def bias(self) -> float:
        """Survey CSAT minus true CSAT, in points (NaN if nobody answers)."""
        return 100 * (self.survey_csat - self.true_csat)


def answer_rates(values: dict[str, float] | None = None, **changes: float) -> np.ndarray:
    """Chance (0-1) of answering after each score 1-5, from the three sliders (in %)."""
    v = read_values(PARAMETERS, values, changes, "response model")
    return np.array([v[group] / 100 for group in GROUP_OF_SCORE])


def survey_response(values: dict[str, float] | None = None, **changes: float) -> Response:
    """The survey's mix of answers against the true mix; ``values`` are slider values (%)."""
    rates = answer_rates(values, **changes)
    mix = true_mix()
    weights = mix * rates
    total = weights.sum()
    answered = weights / total if total > 0 else np.full(len(SCORES), np.nan)
    return Response(mix=mix, rates=rates, answered=answered)
