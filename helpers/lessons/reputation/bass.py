"""Word of mouth without a network: the Bass diffusion model (notebook 03).

Bass (1969, Management Science 15(5)) splits new customers into two streams. Some come because
of *outside influence* (advertising, walking past, a review): a share ``p`` of those not yet
customers, every period. Others come by *imitation*: word of mouth from those who already are,
``q`` times the share who already are. With ``F(t)`` the share of the market that has come by
time ``t``::

    new customers per period   f(t) = (p + q·F(t)) · (1 − F(t))
    so                         F(t) = (1 − e^−(p+q)t) / (1 + (q/p)·e^−(p+q)t)
    and the peak comes at      t* = ln(q/p) / (p + q)        (when q > p; else at the start)

Everyone talks to everyone here: no ties, no neighbourhoods. That is the baseline the network
model (:mod:`.word_of_mouth`) refines.

Typical values: pooling published applications, Sultan, Farley & Lehmann (1990, Journal of
Marketing Research 27(1), a meta-analysis) found an average p of about 0.03 and q of about 0.38,
which put the peak at t* = ln(0.38/0.03) / 0.41 ≈ 6.19 periods (a test checks it). Those
applications were mostly new durable products, with periods of a year: what the model says at
these values (about four in five customers come by imitation) is a model result for them, not a
fact about shops. And ``q`` measures imitation of every kind, not only talk (being seen with a
product counts too).

The peak moves in two ways as ``q`` falls: from the average down to about q = 0.1 it comes later
and lower; below that the curve flattens, and its ever lower peak drifts back towards the start;
at q ≤ p there is none (:attr:`BassCurve.has_peak`).
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np

from helpers.i18n import N_
from helpers.parameters import Parameter
from helpers.validation import require_between

#: Sultan, Farley & Lehmann (1990): average coefficients over published applications.
SULTAN_P = 0.03
SULTAN_Q = 0.38
#: How many periods the chart shows, and how finely the curve is drawn.
PERIODS = 20
STEP = 0.1

PARAMETERS: dict[str, Parameter] = {
    spec.name: spec
    for spec in (
        Parameter(
            "p",
            plain=N_("Come on their own"),
            label=N_("p: share who come on their own"),
            unit="",
            default=SULTAN_P,
            low=0.005,
            high=0.1,
            step=0.005,
            help=N_(
                "Share of those not yet customers who come each period on their own (an advert, "
                "walking past), without being told by a customer."
            ),
        ),
        Parameter(
            "q",
            plain=N_("Pull of customers"),
            label=N_("q: how strongly customers pull"),
            unit="",
            default=SULTAN_Q,
            low=0.02,
            high=0.8,
            step=0.02,
            help=N_(
                "How strongly those already customers pull in the others each period (word of "
                "mouth, and imitation that is not talk: being seen with it)."
            ),
        ),
    )
}


def cumulative(t, p: float = SULTAN_P, q: float = SULTAN_Q) -> np.ndarray:
    """F(t): the share of the market that has come by time ``t`` (0-1)."""
    p, q = PARAMETERS["p"].check(p), PARAMETERS["q"].check(q)
    decay = np.exp(-(p + q) * np.asarray(t, dtype=float))
    return (1 - decay) / (1 + (q / p) * decay)


def peak_time(p: float = SULTAN_P, q: float = SULTAN_Q) -> float:
    """t* = ln(q/p) / (p + q): when new customers per period peak (0 when q ≤ p)."""
    p, q = PARAMETERS["p"].check(p), PARAMETERS["q"].check(q)
    return max(math.log(q / p) / (p + q), 0.0)


@dataclass(frozen=True)
class BassCurve:
    """New customers over time, as shares of the market per period, split by what brought them."""

    p: float
    q: float
    t: np.ndarray  #: time, in periods
    outside: np.ndarray  #: new customers per period brought by outside influence, p·(1 − F)
    imitation: np.ndarray  #: new customers per period brought by word of mouth, q·F·(1 − F)
    reached: np.ndarray  #: F(t), the share of the market that has come

    @property
    def total(self) -> np.ndarray:
        """All new customers per period, f(t)."""
        return self.outside + self.imitation

    @property
    def peak(self) -> float:
        return peak_time(self.p, self.q)

    @property
    def has_peak(self) -> bool:
        """New customers rise before they fall only when q > p; otherwise they are most
        numerous at the start, and there is no peak to mark."""
        return self.q > self.p

    @property
    def word_of_mouth_share(self) -> float:
        """Share of everyone who has come by the last period who came by imitation."""
        dt = self.t[1] - self.t[0]
        by_imitation = np.trapezoid(self.imitation, dx=dt)
        return float(by_imitation / np.trapezoid(self.total, dx=dt))


def bass_curve(
    p: float = SULTAN_P, q: float = SULTAN_Q, periods: float = PERIODS, step: float = STEP
) -> BassCurve:
    """The Bass curve from 0 to ``periods``, every ``step`` periods."""
    periods = require_between("periods", periods, 1, 200)
    step = require_between("step", step, 0.001, 1)
    t = np.linspace(0, periods, int(round(periods / step)) + 1)
    reached = cumulative(t, p, q)
    p, q = float(p), float(q)
    return BassCurve(
        p=p,
        q=q,
        t=t,
        outside=p * (1 - reached),
        imitation=q * reached * (1 - reached),
        reached=reached,
    )
