"""The return link: the published ratio holds exactly at every slider position; levels are ours."""

import numpy as np
import pytest

from helpers.lessons.satisfaction import return_link as link
from helpers.validation import ParameterError


@pytest.mark.parametrize("ratio", link.TOP_RATIO.positions())
def test_five_versus_four_is_the_slider_at_every_position(ratio):
    p4, p5 = link.return_probability([4, 5], ratio)
    assert p5 / p4 == pytest.approx(ratio, rel=1e-9)
    assert 0 < p4 < p5 < link.CEILING


def test_the_default_ratio_is_jones_and_sasser():
    assert link.TOP_RATIO.default == link.JONES_SASSER_RATIO == 6


def test_the_curve_rises_and_is_steepest_at_the_top():
    p = link.return_probability(np.arange(1, 6))
    steps = np.diff(p)
    assert np.all(steps > 0)
    assert steps.argmax() == 3  # the step from 4 to 5
    assert steps[3] > 5 * steps[:3].max()


def test_no_reason_scales_every_score():
    with_reason = link.return_probability(np.arange(1, 6), reason=1)
    without = link.return_probability(np.arange(1, 6), reason=0)
    np.testing.assert_allclose(without, link.NO_REASON * with_reason)


@pytest.mark.parametrize(("bad", "words"), [([0.5], "between 1 and 5"), ([6], "between 1 and 5")])
def test_scores_outside_the_scale_are_explained(bad, words):
    with pytest.raises(ParameterError, match=words):
        link.return_probability(bad)


def test_a_reason_share_outside_0_1_is_explained():
    with pytest.raises(ParameterError, match="between 0 and 1"):
        link.return_probability(5, reason=1.5)


@pytest.mark.parametrize("ratio", [1.4, 10.5])
def test_a_ratio_off_the_slider_is_explained(ratio):
    with pytest.raises(ParameterError, match="between 1.5 and 10"):
        link.steepness(ratio)


def test_zones_cover_the_scale_once():
    assert link.ZONE_OF_SCORE == {
        1: "defection",
        2: "defection",
        3: "indifference",
        4: "indifference",
        5: "affection",
    }
    curve = link.return_curve()
    assert list(curve["zone"]) == [link.ZONE_OF_SCORE[s] for s in range(1, 6)]
