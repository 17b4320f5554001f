"""The Bass model, checked against its formula and the published average coefficients."""

import math

import numpy as np
import pytest

from helpers.lessons.reputation import bass
from helpers.validation import ParameterError

POINTS = [(name, v) for name, spec in bass.PARAMETERS.items() for v in spec.test_points()]


def test_peak_with_sultan_farley_lehmann_averages():
    """p = 0.03, q = 0.38 (Sultan, Farley & Lehmann 1990): t* = ln(q/p)/(p+q) ≈ 6.19."""
    assert bass.peak_time(0.03, 0.38) == pytest.approx(6.19, abs=0.005)
    assert bass.peak_time() == pytest.approx(math.log(0.38 / 0.03) / 0.41)
    assert (bass.SULTAN_P, bass.SULTAN_Q) == (0.03, 0.38)


def test_the_drawn_curve_peaks_where_the_formula_says():
    curve = bass.bass_curve()
    assert curve.t[np.argmax(curve.total)] == pytest.approx(curve.peak, abs=bass.STEP)


def test_new_customers_are_the_slope_of_those_reached():
    curve = bass.bass_curve(step=0.01)
    slope = np.gradient(curve.reached, curve.t)
    np.testing.assert_allclose(slope[1:-1], curve.total[1:-1], atol=1e-4)


@pytest.mark.parametrize(("name", "value"), POINTS)
def test_sound_at_both_ends_of_every_slider(name, value):
    curve = bass.bass_curve(**{name: value})
    assert curve.reached[0] == 0 and np.all(np.diff(curve.reached) > 0)
    assert curve.reached[-1] <= 1
    assert (curve.outside >= 0).all() and (curve.imitation >= 0).all()
    assert curve.total.max() * 100 <= 26  # the chart's fixed axis
    assert 0 <= curve.word_of_mouth_share <= 1


@pytest.mark.parametrize("name", list(bass.PARAMETERS))
def test_just_off_each_end_is_a_plain_error(name):
    spec = bass.PARAMETERS[name]
    for value in (spec.low - spec.step, spec.high + spec.step):
        with pytest.raises(ParameterError, match="must be between"):
            bass.bass_curve(**{name: value})


def test_more_imitation_brings_the_peak_earlier_and_higher():
    """From the average q up: stronger word of mouth, an earlier and higher peak. (Just above p
    the peak sits at the very start and first moves later: ln(q/p) grows from zero.)"""
    qs = [q for q in bass.PARAMETERS["q"].positions() if q >= bass.SULTAN_Q]
    peaks = [bass.peak_time(0.03, q) for q in qs]
    heights = [bass.bass_curve(0.03, q).total.max() for q in qs]
    assert np.all(np.diff(peaks) < 0)
    assert np.all(np.diff(heights) > 0)


def test_no_peak_after_the_start_when_imitation_is_weaker():
    assert bass.peak_time(0.1, 0.06) == 0
    curve = bass.bass_curve(0.1, 0.06)
    assert np.argmax(curve.total) == 0
