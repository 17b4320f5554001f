"""The questions asked of the satisfaction model: exposure × impact, bad moments, interest."""

import numpy as np
import pytest

from helpers.lessons.satisfaction import experiments as ex
from helpers.lessons.satisfaction.model import BAD_MOMENTS, GENERIC_MOMENTS, PARAMETERS, POPULATION

COST_SLIDERS = ("problem_share", "problems_fixed", "wait_minutes", "warmth")


@pytest.mark.parametrize(
    ("name", "value"),
    [(name, value) for name in COST_SLIDERS for value in PARAMETERS[name].test_points()],
)
def test_moment_costs_are_sound_at_every_slider_end(name, value):
    table = ex.moment_costs(**{name: value})
    assert list(table.index) == list(ex.COST_ROWS)
    assert ((table["touched"] >= 0) & (table["touched"] <= 1)).all()
    assert ((table["cost_each"] >= 0) & (table["cost_each"] <= 1)).all()
    assert (table["unhappy_per_100"] <= 100 * table["touched"] + 1e-9).all()
    # exposure × impact is exactly the loss
    np.testing.assert_allclose(
        table["lost_per_100"], 100 * table["touched"] * table["cost_each"], atol=1e-9
    )


def test_nothing_is_lost_where_nothing_goes_wrong():
    table = ex.moment_costs(
        courtesy=100,
        questions_answered=100,
        problems_fixed=100,
        listening=100,
        warmth=100,
        wait_minutes=0,
    )
    assert (table["touched"] == 0).all() and (table["lost_per_100"] == 0).all()


def test_no_problems_means_no_loss_to_unfixed_problems():
    assert ex.moment_costs(problem_share=0).loc["problems_fixed", "lost_per_100"] == 0
    every = ex.moment_costs(problem_share=100, problems_fixed=0).loc["problems_fixed"]
    assert every["touched"] == 1


@pytest.mark.parametrize("percent", BAD_MOMENTS.test_points())
@pytest.mark.parametrize("weight", PARAMETERS["bad_weight"].test_points())
def test_bad_moments_at_every_slider_end(percent, weight):
    outcome = ex.bad_moment_outcome(percent, weight)
    assert outcome.counts.sum() == POPULATION
    assert 0 <= outcome.share_coming_back <= 1


def test_with_no_bad_moments_the_weight_cannot_matter():
    light, heavy = ex.bad_moment_outcome(0, 1), ex.bad_moment_outcome(0, 4)
    np.testing.assert_array_equal(light.scores, heavy.scores)


def test_it_takes_w_good_moments_to_make_up_for_one_bad_one():
    # the caption's sentence, as arithmetic on equal moments
    for weight in PARAMETERS["bad_weight"].positions():
        assert -weight * ex.GENERIC_SIZE + weight * ex.GENERIC_SIZE == 0
    assert GENERIC_MOMENTS == 5


def test_interest_groups_are_consistent():
    shares = ex.interest_outcome()
    assert shares.without_reason < shares.all_customers < shares.with_reason
    nobody = ex.interest_outcome(interest=0)
    assert nobody.with_reason == 0
    assert nobody.all_customers == pytest.approx(nobody.without_reason)


def test_one_update_is_fast():
    assert ex.time_update(repeats=30) < 0.01
