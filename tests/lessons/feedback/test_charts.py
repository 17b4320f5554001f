"""Notebook 04's charts: the 1,000 surveys' bars count every survey at every position of the answers
slider, and the staff funnel's fast test of who lies outside agrees with the limits it draws."""

import numpy as np
import pytest

from helpers.lessons.feedback import scores
from helpers.lessons.feedback.simulators import (
    CSAT_BINS,
    NPS_BINS,
    score_spread_simulator,
    survey_counts,
)

ANSWERS = scores.PARAMETERS["answers"]


@pytest.mark.parametrize("answers", ANSWERS.test_points())
def test_the_bars_count_every_survey_once(answers):
    sim = score_spread_simulator()
    sim.set_values(answers=answers)
    nps, csat = sim.chart_data(0), sim.chart_data(1)
    assert sum(nps) == sum(csat) == scores.SURVEYS
    spread = sim.result
    assert nps == survey_counts(spread.nps, NPS_BINS).tolist()
    assert csat == survey_counts(spread.csat, CSAT_BINS).tolist()


@pytest.mark.parametrize("answers", np.arange(ANSWERS.low, ANSWERS.high + 1, ANSWERS.step))
def test_every_bar_can_hold_the_same_number_of_scores(answers):
    """With n answers an NPS or a CSAT moves in steps of 100/n: each 10-point bar holds as many
    possible scores as the next, so no bar is empty or short just because fewer scores can fall
    in it (a zigzag would look like a finding)."""
    n = int(answers)
    possible = 100 * np.arange(-n, n + 1) / n
    counts = survey_counts(possible, NPS_BINS)
    inner = counts[1:-1]  # the two end bars hold scores from one side only
    assert (inner == inner[0]).all() and inner[0] == n // 10
    csat = survey_counts(100 * np.arange(n + 1) / n, CSAT_BINS)[1:-1]
    assert (csat == csat[0]).all()


def test_a_score_on_the_edge_between_two_bars_counts_in_the_upper_one():
    assert survey_counts(np.array([5.0]), NPS_BINS)[NPS_BINS.tolist().index(10)] == 1


@pytest.mark.parametrize("surveys", [5, 50, 100])
@pytest.mark.parametrize("spread", [0, 20, 40])
def test_the_funnel_positions_agree_with_the_funnels_limits(surveys, spread):
    """Who lies outside is computed from the binomial CDF (fast); it must be exactly who lies
    outside the limits the chart draws (the inverse CDF), at both confidences."""
    from helpers.lessons.feedback import ranking
    from helpers.lessons.feedback.funnel import share_limits

    result = ranking.simulate_rankings(surveys=surveys, spread=spread)
    for confidence in (0.95, ranking.STRICT):
        centre = (result.observed * result.counts).sum(axis=1) / result.counts.sum()
        low, high = share_limits(centre[:, None], result.counts[None, :], confidence)
        below, above = result._positions(confidence)
        assert np.array_equal(below, result.observed < low - 1e-9)
        assert np.array_equal(above, result.observed > high + 1e-9)


def test_more_answers_bunch_the_bars_up_and_narrow_the_band():
    """Trainer note: with a bigger survey "the bars bunch up around the same black line, grow
    longer, and the band narrows"."""
    small, big = score_spread_simulator(), score_spread_simulator()
    small.set_values(answers=30)
    big.set_values(answers=120)
    assert max(big.chart_data(0)) > max(small.chart_data(0))
    assert max(big.chart_data(1)) > max(small.chart_data(1))
    assert big.result.nps_margin < small.result.nps_margin
    assert big.result.true_nps == small.result.true_nps
