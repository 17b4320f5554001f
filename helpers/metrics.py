"""Shared loyalty metrics: CSAT, NPS with its uncertainty, retention, customer lifetime value.

Every formula, with its source (docs/evidence.md lists every published figure the course uses):

* **CSAT** (customer satisfaction score): share of answers that are 4 or 5 on a 1-5 scale.
* **NPS** (Net Promoter Score, Reichheld 2003): % promoters (9-10) minus % detractors (0-6).
  Per respondent it is a variable taking +1, 0 or -1, so its variance is
  ``P + D - (P - D)**2`` and the standard error of NPS is ``sqrt(variance / n)``
  (×100 for points). With P = 0.4, D = 0.2 the 95 % margin is about ±10.4 points at n = 200 and
  ±26.8 at n = 30. Keiningham et al. (2007, J. Marketing 71(3)) question NPS's claimed superiority.
* **Retention rate**: customers still buying at the end of a period / customers at its start.
* **CLV** (customer lifetime value, simple margin-multiple form): ``m·r / (1 + i − r) − AC`` for
  margin per period m, retention r, discount rate i and acquisition cost AC. At r = 0.80, i = 0.10
  the multiplier is 2.667; raising r to 0.85 lifts CLV by 27.5 %.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from statistics import NormalDist

import numpy as np
import pandas as pd

from helpers.i18n import _
from helpers.validation import ParameterError, require_between, require_count, require_number


def _scores(scores: Iterable[float | None], name: str, low: int, high: int) -> np.ndarray:
    """Survey answers as a float array without blanks, or a plain-words error.

    ``scores`` is a list, a numpy array or a pandas column, the loaders' nullable ``Int64``
    included. Blanks (``None``, ``NaN``, ``pd.NA``, an empty text) are no answer and are left out.
    """
    values = _numbers(scores, name, low, high)
    values = values[~np.isnan(values)]  # a blank answer is no answer
    if values.size == 0:
        raise ParameterError(_("There are no {name} answers to score.").format(name=name))
    bad = (values < low) | (values > high) | (values != np.round(values))
    if bad.any():
        raise ParameterError(
            _("{name} scores must be whole numbers from {low} to {high}; found {value}.").format(
                name=name, low=low, high=high, value=format(values[bad][0], "g")
            )
        )
    return values


def _numbers(scores: Iterable[float | None], name: str, low: int, high: int) -> np.ndarray:
    """Every answer as a float, ``NaN`` for a blank (still on any scale)."""
    if isinstance(scores, str | bytes | bytearray):
        # A bare text is iterable, so "45" would be read as the two answers 4 and 5.
        text = scores if isinstance(scores, str) else scores.decode("utf-8", errors="replace")
        raise ParameterError(
            _("Give a list or column of {name} scores, not the single text '{text}'.").format(
                name=name, text=text
            )
        )
    dimensions = scores.ndim if isinstance(scores, np.ndarray) else None
    if not isinstance(scores, Iterable) or dimensions == 0:
        raise ParameterError(
            _("Give a list or column of {name} scores, not the single value {value}.").format(
                name=name, value=scores
            )
        )
    if isinstance(scores, pd.DataFrame) or (dimensions or 1) > 1:
        raise ParameterError(
            _("{name} scores must be one list or column of numbers from {low} to {high}.").format(
                name=name, low=low, high=high
            )
        )
    arrays = (pd.Series, pd.Index, np.ndarray, pd.api.extensions.ExtensionArray)
    column = pd.Series(scores if isinstance(scores, arrays) else list(scores))
    if pd.api.types.is_numeric_dtype(column) and not pd.api.types.is_bool_dtype(column):
        return column.to_numpy(dtype=float, na_value=np.nan)
    return np.array([_number(x, name, low, high) for x in column], dtype=float)


def _number(answer: object, name: str, low: int, high: int) -> float:
    """One answer as a float (``NaN`` if blank); text such as "4" counts as the number 4."""
    if answer is None or (pd.api.types.is_scalar(answer) and pd.isna(answer)):
        return np.nan
    if isinstance(answer, str) and not answer.strip():
        return np.nan
    if not isinstance(answer, bool | np.bool_):  # True is not a score of 1
        try:
            return float(answer)  # type: ignore[arg-type]
        except (TypeError, ValueError):
            pass
    raise ParameterError(
        _("{name} scores must be numbers from {low} to {high}; found {value}.").format(
            name=name, low=low, high=high, value=repr(answer)
        )
    )


def _z(confidence: float) -> float:
    level = require_between(_("confidence"), confidence, 0.5, 0.999)
    return NormalDist().inv_cdf(0.5 + level / 2)


def csat(scores: Iterable[float | None]) -> float:
    """Share (0-1) of CSAT answers that are 4 or 5 on the 1-5 scale; blanks are ignored.

    ``scores``: a list, numpy array or pandas column of answers, e.g. ``load_surveys()["csat"]``.
    """
    values = _scores(scores, "CSAT", 1, 5)
    return float(np.mean(values >= 4))


@dataclass(frozen=True)
class NPSResult:
    """A Net Promoter Score with what it rests on."""

    score: float  #: NPS in points, from -100 to +100
    promoters: float  #: share of 9s and 10s
    detractors: float  #: share of 0s to 6s
    n: int  #: number of answers
    standard_error: float  #: in points
    low: float  #: lower end of the confidence interval, in points
    high: float  #: upper end of the confidence interval, in points
    confidence: float

    @property
    def margin(self) -> float:
        """Half the width of the confidence interval, in points (the "±" figure)."""
        return (self.high - self.low) / 2


def nps_standard_error(promoters: float, detractors: float, n: int) -> float:
    """Standard error of NPS in points: ``100·sqrt((P + D − (P − D)²) / n)``."""
    p = require_between(_("share of promoters"), promoters, 0, 1)
    d = require_between(_("share of detractors"), detractors, 0, 1)
    if p + d > 1 + 1e-12:
        raise ParameterError(_("Promoters and detractors together cannot be more than 100 %."))
    count = require_count(_("number of answers"), n, minimum=1)
    variance = max(p + d - (p - d) ** 2, 0.0)
    return 100 * float(np.sqrt(variance / count))


def nps_margin(promoters: float, detractors: float, n: int, confidence: float = 0.95) -> float:
    """The "±" of an NPS in points, e.g. about 10.4 for P = 0.4, D = 0.2, n = 200 at 95 %."""
    return _z(confidence) * nps_standard_error(promoters, detractors, n)


def nps(scores: Iterable[float | None], confidence: float = 0.95) -> NPSResult:
    """Net Promoter Score of 0-10 answers, with its standard error and confidence interval.

    ``scores``: a list, numpy array or pandas column of answers, e.g. ``load_surveys()["nps"]``;
    blanks are ignored.
    """
    values = _scores(scores, "NPS", 0, 10)
    p = float(np.mean(values >= 9))
    d = float(np.mean(values <= 6))
    score = 100 * (p - d)
    se = nps_standard_error(p, d, values.size)
    half = _z(confidence) * se
    return NPSResult(
        score=score,
        promoters=p,
        detractors=d,
        n=int(values.size),
        standard_error=se,
        low=max(score - half, -100.0),
        high=min(score + half, 100.0),
        confidence=confidence,
    )


def wilson_interval(successes: int, n: int, confidence: float = 0.95) -> tuple[float, float]:
    """Wilson score interval for a share (e.g. CSAT of one staff member with few surveys)."""
    total = require_count(_("number of answers"), n, minimum=1)
    hits = require_count(_("number of successes"), successes)
    if hits > total:
        raise ParameterError(
            _("successes ({successes}) cannot be more than answers ({answers}).").format(
                successes=hits, answers=total
            )
        )
    z = _z(confidence)
    share = hits / total
    centre = (share + z**2 / (2 * total)) / (1 + z**2 / total)
    half = z * np.sqrt(share * (1 - share) / total + z**2 / (4 * total**2)) / (1 + z**2 / total)
    return float(max(centre - half, 0.0)), float(min(centre + half, 1.0))


def retention_rate(customers_at_start: int, still_customers: int) -> float:
    """Share (0-1) of the customers at the start of a period who are still customers at its end."""
    start = require_count(_("customers at the start"), customers_at_start, minimum=1)
    kept = require_count(_("customers still buying"), still_customers)
    if kept > start:
        raise ParameterError(
            _(
                "customers still buying ({kept}) cannot be more than "
                "customers at the start ({start})."
            ).format(kept=kept, start=start)
        )
    return kept / start


def clv_multiplier(retention: float, discount_rate: float) -> float:
    """How many periods' margin a customer is worth: ``r / (1 + i − r)``."""
    r = require_between(_("retention rate"), retention, 0, 0.99)
    i = require_between(_("discount rate"), discount_rate, 0, 1)
    return r / (1 + i - r)


def clv(
    margin: float, retention: float, discount_rate: float, acquisition_cost: float = 0.0
) -> float:
    """Customer lifetime value ``m·r / (1 + i − r) − AC`` (same money unit as ``margin``)."""
    m = require_number(_("margin per period"), margin)
    cost = require_number(_("acquisition cost"), acquisition_cost)
    if cost < 0:
        raise ParameterError(
            _("acquisition cost cannot be negative, but it is {cost}.").format(
                cost=format(cost, "g")
            )
        )
    return m * clv_multiplier(retention, discount_rate) - cost
