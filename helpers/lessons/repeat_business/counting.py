"""Who will come back? The BG/NBD model of repeat visits (notebook 02, optional depth).

The model in plain words
------------------------
While a customer is still "alive" (still shopping with us), they visit now and then at their own
pace. After each visit there is a chance they drop away for good, and we are not told when that
happens: we only see that the visits stop. Customers differ in both: some visit often, some
rarely; some are likely to drop away, some not. From each customer's history (how many repeat
visits, when the last one was, how long we have known them) the model says how likely they are
to be still alive and how many visits to expect from them.

The formulas (Fader, Hardie & Lee 2005)
---------------------------------------
While alive, visits follow a Poisson process with rate λ; λ follows a gamma(r, α) distribution
across customers. After each visit the customer drops out with chance p; p follows a beta(a, b)
distribution. For a customer with ``x`` repeat visits, the last at time ``t_x``, observed for a
time ``T`` since the first visit (equation 6 of the paper)::

    L = Γ(r + x) α^r / Γ(r) · Γ(a + b) Γ(b + x) / (Γ(b) Γ(a + b + x))
        · [ (α + T)^−(r + x)  +  [x > 0] · a / (b + x − 1) · (α + t_x)^−(r + x) ]

The four parameters maximise the sum of log L over customers (``scipy.optimize.minimize`` over
their logarithms). Then, for one customer (equations 10 and 13)::

    P(alive) = 1 / (1 + [x > 0] · a / (b + x − 1) · ((α + T) / (α + t_x))^(r + x))
    E[visits in the next t] = (a + b + x − 1) / (a − 1)
        · (1 − ((α + T) / (α + T + t))^(r + x) · ₂F₁(r + x, b + x; a + b + x − 1; t / (α + T + t)))
        · P(alive)

Source and check
----------------
Fader, P. S., Hardie, B. G. S. & Lee, K. L. (2005), "'Counting your customers' the easy way: an
alternative to the Pareto/NBD model", Marketing Science 24(2), 275-284. On the CDNOW sample of
2,357 customers (39 weeks) the paper reports r = 0.243, α = 4.414, a = 0.793, b = 2.426 and a
log-likelihood of −9582.4; ``tests/lessons/repeat_business/test_counting.py`` fits this module to
that sample and finds the same values.

In the sample town the model is an approximation: its customers never drop away for good (a
customer whose last visit went badly only comes back rarely), and they visit at most once a
month. Whether it still predicts well is checked on months it did not see.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from scipy.optimize import minimize
from scipy.special import gammaln, hyp2f1

from helpers.i18n import _
from helpers.validation import ParameterError


@dataclass(frozen=True)
class Histories:
    """Customers' purchase histories in the BG/NBD's terms (one entry per customer)."""

    repeats: np.ndarray  #: x: visits after the first one
    last: np.ndarray  #: t_x: time from the first visit to the last one
    known: np.ndarray  #: T: time from the first visit to the end of the record

    def __post_init__(self) -> None:
        x, tx, T = (np.asarray(a, dtype=float) for a in (self.repeats, self.last, self.known))
        if not (x.shape == tx.shape == T.shape and x.ndim == 1):
            raise ParameterError(_("Repeats, last visit and time known need one entry each."))
        if np.any(x < 0) or np.any(x != np.round(x)):
            raise ParameterError(_("Repeat visits must be whole numbers, 0 or more."))
        if np.any(tx < 0) or np.any(tx > T) or np.any((x == 0) & (tx != 0)):
            raise ParameterError(
                _("The last visit must lie between the first visit and the end of the record.")
            )
        object.__setattr__(self, "repeats", x)
        object.__setattr__(self, "last", tx)
        object.__setattr__(self, "known", T)

    def __len__(self) -> int:
        return int(self.repeats.size)


def log_likelihood_each(params: np.ndarray, h: Histories) -> np.ndarray:
    """log L of every customer for ``params`` = (r, α, a, b), all positive."""
    r, alpha, a, b = params
    x, tx, T = h.repeats, h.last, h.known
    first = gammaln(r + x) - gammaln(r) + r * np.log(alpha)
    second = gammaln(a + b) + gammaln(b + x) - gammaln(b) - gammaln(a + b + x)
    alive = -(r + x) * np.log(alpha + T)
    # b + x − 1 is only used where x > 0; the maximum keeps the x = 0 rows finite
    gone = np.log(a) - np.log(b + np.maximum(x, 1) - 1) - (r + x) * np.log(alpha + tx)
    return first + second + np.logaddexp(alive, np.where(x > 0, gone, -np.inf))


@dataclass(frozen=True)
class BGNBDFit:
    """The four parameters that make the histories most likely, and what they predict."""

    r: float
    alpha: float
    a: float
    b: float
    log_likelihood: float
    customers: int

    @property
    def params(self) -> np.ndarray:
        return np.array([self.r, self.alpha, self.a, self.b])

    @property
    def visits_per_period(self) -> float:
        """Average visiting pace while alive (visits per time unit): r / α."""
        return self.r / self.alpha

    @property
    def drop_chance(self) -> float:
        """Average chance of dropping away after a visit: a / (a + b)."""
        return self.a / (self.a + self.b)

    def alive(self, h: Histories) -> np.ndarray:
        """P(alive) of each customer: still shopping with us, by their history."""
        x, tx, T = h.repeats, h.last, h.known
        odds = np.where(
            x > 0,
            self.a
            / (self.b + np.maximum(x, 1) - 1)
            * ((self.alpha + T) / (self.alpha + tx)) ** (self.r + x),
            0.0,
        )
        return 1 / (1 + odds)

    def expected_visits(self, h: Histories, t: float) -> np.ndarray:
        """Expected visits of each customer in the next ``t`` time units, given their history."""
        x, T = h.repeats, h.known
        r, alpha, a, b = self.params
        ahead = (alpha + T) / (alpha + T + t)
        series = hyp2f1(r + x, b + x, a + b + x - 1, t / (alpha + T + t))
        return (a + b + x - 1) / (a - 1) * (1 - ahead ** (r + x) * series) * self.alive(h)


#: Bounds for the logarithms of r, α, a and b while fitting.
_LOG_BOUNDS = ((-8.0, 8.0), (-8.0, 12.0), (-8.0, 12.0), (-8.0, 14.0))


def fit(h: Histories) -> BGNBDFit:
    """r, α, a and b by maximum likelihood over the customers' histories."""
    if len(h) == 0:
        raise ParameterError(_("There are no customers to fit."))
    result = minimize(
        lambda p: -float(np.sum(log_likelihood_each(np.exp(p), h))),
        x0=np.zeros(4),
        method="L-BFGS-B",
        bounds=_LOG_BOUNDS,
        options={"ftol": 1e-13, "gtol": 1e-8},
    )
    r, alpha, a, b = np.exp(result.x)
    return BGNBDFit(float(r), float(alpha), float(a), float(b), -float(result.fun), len(h))
