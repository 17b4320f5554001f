"""Metrics against hand-computed values and the published figures (docs/evidence.md)."""

import math

import numpy as np
import pytest

from helpers.metrics import (
    clv,
    clv_multiplier,
    csat,
    nps,
    nps_margin,
    nps_standard_error,
    retention_rate,
    wilson_interval,
)
from helpers.validation import ParameterError


def test_csat_is_share_of_fours_and_fives():
    # 4, 5, 5 of 6 answers are 4 or 5 -> 3/6
    assert csat([1, 2, 3, 4, 5, 5]) == pytest.approx(0.5)
    assert csat([5, 5, float("nan")]) == 1.0  # blanks are no answer


@pytest.mark.parametrize("bad", [[0, 3], [6], [4.5], ["good"]])
def test_csat_rejects_scores_off_the_scale(bad):
    with pytest.raises(ParameterError, match="CSAT"):
        csat(bad)


def test_csat_needs_answers():
    with pytest.raises(ParameterError, match="no CSAT answers"):
        csat([float("nan")])


def test_nps_by_hand():
    # 10 answers: 4 promoters (9, 10, 9, 10), 2 passives (7, 8), 4 detractors (0, 3, 6, 6)
    result = nps([9, 10, 9, 10, 7, 8, 0, 3, 6, 6])
    assert result.promoters == pytest.approx(0.4)
    assert result.detractors == pytest.approx(0.4)
    assert result.score == pytest.approx(0.0)
    # variance = P + D - (P - D)^2 = 0.8; se = 100 * sqrt(0.8 / 10)
    assert result.standard_error == pytest.approx(100 * math.sqrt(0.08))
    assert result.n == 10
    assert result.low == pytest.approx(-1.959964 * result.standard_error, rel=1e-5)


@pytest.mark.parametrize(("n", "margin"), [(200, 10.4), (30, 26.8)])
def test_nps_margin_matches_course_figures(n, margin):
    # docs/evidence.md: P = 0.4, D = 0.2 gives about ±10.4 points at n = 200 and ±26.8 at n = 30
    assert nps_margin(0.4, 0.2, n) == pytest.approx(margin, abs=0.05)


def test_nps_interval_is_clipped_to_the_scale():
    result = nps([10, 10, 10, 9])
    assert result.score == 100
    assert result.high == 100
    assert result.margin >= 0


def test_nps_standard_error_rejects_impossible_shares():
    with pytest.raises(ParameterError, match="100 %"):
        nps_standard_error(0.7, 0.5, 10)
    with pytest.raises(ParameterError, match="whole number"):
        nps_standard_error(0.4, 0.2, 0)


def test_wilson_interval_by_hand():
    # 8 of 10: centre (0.8 + z²/20) / (1 + z²/10), z = 1.96
    low, high = wilson_interval(8, 10)
    assert low == pytest.approx(0.4902, abs=1e-3)
    assert high == pytest.approx(0.9433, abs=1e-3)
    assert wilson_interval(0, 5)[0] == pytest.approx(0.0, abs=1e-12)
    with pytest.raises(ParameterError):
        wilson_interval(11, 10)


def test_retention_rate():
    assert retention_rate(200, 170) == pytest.approx(0.85)
    with pytest.raises(ParameterError, match="cannot be more"):
        retention_rate(10, 11)


def test_clv_published_figures():
    # docs/evidence.md: at r = 0.80, i = 0.10 the multiplier is 2.667;
    # r 0.80 -> 0.85 lifts CLV by 27.5 %
    assert clv_multiplier(0.80, 0.10) == pytest.approx(2.6667, abs=1e-4)
    lift = clv(100, 0.85, 0.10) / clv(100, 0.80, 0.10) - 1
    assert lift == pytest.approx(0.275)
    assert clv(100, 0.80, 0.10, acquisition_cost=50) == pytest.approx(100 * 8 / 3 - 50)


@pytest.mark.parametrize(
    ("kwargs", "words"),
    [
        (dict(margin=100, retention=1.2, discount_rate=0.1), "retention rate"),
        (dict(margin=100, retention=0.8, discount_rate=-0.1), "discount rate"),
        (dict(margin=np.nan, retention=0.8, discount_rate=0.1), "finite"),
        (dict(margin=100, retention=0.8, discount_rate=0.1, acquisition_cost=-1), "negative"),
    ],
)
def test_clv_explains_bad_parameters(kwargs, words):
    with pytest.raises(ParameterError, match=words):
        clv(**kwargs)
