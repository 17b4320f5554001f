"""The J-shape of online reviews, and replying to reviews (Proserpio & Zervas 2017)."""

import numpy as np
import pytest

from helpers.lessons.reputation import reviews
from helpers.lessons.satisfaction.model import simulate
from helpers.town import TRUE_EFFECTS
from helpers.validation import ParameterError

POINTS = [(name, v) for name, spec in reviews.PARAMETERS.items() for v in spec.test_points()]


def test_the_true_opinion_is_notebook_01s_simulator():
    np.testing.assert_allclose(reviews.true_opinion(), simulate().shares)


def test_the_writing_chances_are_the_towns():
    starts = [reviews.PARAMETERS[f"write_{s}"].default / 100 for s in reviews.SCORES]
    assert starts == pytest.approx(list(TRUE_EFFECTS.review_share))
    assert reviews.REPLY_EXTRA_STAR == TRUE_EFFECTS.reply_extra_star_chance


def test_the_stars_online_are_j_shaped():
    online = reviews.online_reviews().online_shares
    assert online.argmax() == 4  # most at 5 stars
    assert online[0] > online[1] > online[2]  # a second heap at 1 star
    assert online[2] < online[3] < online[4]
    truth = reviews.true_opinion()
    assert truth[0] < truth[1] < truth[2] and truth[3] > truth[4]  # a hump, not a J


@pytest.mark.parametrize(("name", "value"), POINTS)
def test_sound_at_both_ends_of_every_slider(name, value):
    outcome = reviews.online_reviews(**{name: value})
    assert outcome.online_shares.sum() == pytest.approx(1)
    assert (outcome.online_shares >= 0).all()
    assert outcome.online_shares.max() * 100 <= 100


@pytest.mark.parametrize("name", list(reviews.PARAMETERS))
def test_just_off_each_end_is_a_plain_error(name):
    spec = reviews.PARAMETERS[name]
    for value in (spec.low - spec.step, spec.high + spec.step):
        with pytest.raises(ParameterError, match="must be between"):
            reviews.online_reviews(**{name: value})
    with pytest.raises(ParameterError, match="no parameter called"):
        reviews.online_reviews(write_6=3)


def test_when_everyone_writes_alike_the_stars_are_the_truth():
    same = reviews.online_reviews(**{name: 10 for name in reviews.PARAMETERS})
    np.testing.assert_allclose(same.online_shares, same.true_shares)


def test_when_nobody_writes_there_are_no_stars():
    nobody = reviews.online_reviews(**{name: 0 for name in reviews.PARAMETERS})
    assert nobody.reviews_per_100 == 0 and (nobody.online_shares == 0).all()
    assert np.isnan(nobody.online_mean)


def test_more_writing_by_one_score_raises_its_share():
    for s in reviews.SCORES:
        positions = reviews.PARAMETERS[f"write_{s}"].positions()
        shares = [
            reviews.online_reviews(**{f"write_{s}": v}).online_shares[s - 1] for v in positions
        ]
        assert np.all(np.diff(shares) >= 0)


def test_replies_add_about_a_tenth_of_a_star_and_twelve_percent_more_reviews():
    """Proserpio & Zervas (2017): about +0.12 stars and 12 % more reviews for hotels that began
    replying; the model's extra star (30 % chance) gives that on the starting J-shape."""
    before = reviews.online_reviews()
    after = reviews.with_replies(before)
    assert after.online_mean - before.online_mean == pytest.approx(
        reviews.REPLY_STAR_GAIN, abs=0.01
    )
    assert after.reviews_per_100 / before.reviews_per_100 == pytest.approx(1.12)
    assert after.online_shares.sum() == pytest.approx(1)
    with pytest.raises(ParameterError):
        reviews.with_replies(before, extra_star=1.5)
