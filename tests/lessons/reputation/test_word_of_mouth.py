"""The word-of-mouth model: sound at both ends of every slider, plain errors just off them,
the directions the notebook teaches, the same picture for the same sliders, and fast."""

import numpy as np
import pytest

from helpers.lessons.reputation import experiments
from helpers.lessons.reputation import word_of_mouth as wom
from helpers.lessons.reputation.network import town_network
from helpers.town import TRUE_EFFECTS
from helpers.validation import ParameterError

PARAMETERS = wom.PARAMETERS
POINTS = [(name, value) for name, spec in PARAMETERS.items() for value in spec.test_points()]


@pytest.mark.parametrize(("name", "value"), POINTS)
def test_sound_at_both_ends_of_every_slider(name, value):
    outcome = wom.spread(**{name: value})
    assert outcome.won.shape == outcome.lost.shape == (wom.MONTHS,)
    assert (outcome.won >= 0).all() and (outcome.lost >= 0).all()
    people = town_network().size
    assert outcome.ours.shape == (wom.MONTHS + 1, people)
    # every change of who shops with us is a win or a loss of that month
    arrived = (outcome.ours[1:] & ~outcome.ours[:-1]).sum(axis=1)
    left = (outcome.ours[:-1] & ~outcome.ours[1:]).sum(axis=1)
    np.testing.assert_array_equal(arrived, outcome.won)
    np.testing.assert_array_equal(left, outcome.lost)
    assert 0 <= outcome.customers.min() and outcome.customers.max() <= people


@pytest.mark.parametrize("name", list(PARAMETERS))
def test_just_off_each_end_is_a_plain_error(name):
    spec = PARAMETERS[name]
    for value in (spec.low - spec.step, spec.high + spec.step):
        with pytest.raises(ParameterError, match="must be between"):
            wom.spread(**{name: value})


def test_unknown_slider_and_half_a_person_are_plain_errors():
    with pytest.raises(ParameterError, match="no parameter called speed"):
        wom.spread(speed=3)
    with pytest.raises(ParameterError, match="whole number"):
        wom.spread(extra_told=2.5)


@pytest.mark.parametrize(
    ("name", "rises"),
    [
        ("delighted", "won"),
        ("praise", "won"),
        ("unhappy", "lost"),
        ("warn", "lost"),
        ("extra_told", "lost"),
    ],
)
def test_directions(name, rises):
    values = PARAMETERS[name].positions()
    totals = [getattr(wom.spread(**{name: v}), f"total_{rises}") for v in values]
    assert np.all(np.diff(totals) >= 0) and totals[-1] > totals[0]
    nets = [wom.spread(**{name: v}).net for v in values]
    better = name in ("delighted", "praise")
    assert np.all(np.diff(nets) >= 0) if better else np.all(np.diff(nets) <= 0)


def test_nothing_said_nothing_moved():
    assert wom.spread(praise=0).total_won == 0
    assert wom.spread(delighted=0).total_won == 0
    assert wom.spread(warn=0, extra_told=15).total_lost == 0
    assert wom.spread(unhappy=0, extra_told=15).total_lost == 0


def test_the_same_sliders_draw_the_same_picture():
    first, second = wom.spread(unhappy=9), wom.spread(unhappy=9)
    np.testing.assert_array_equal(first.ours, second.ours)
    np.testing.assert_array_equal(first.won, second.won)


def test_paths_are_the_tellings_that_won_or_lost_someone():
    outcome = wom.spread(extra_told=5, paths=True)
    teller, listener, month, kind = outcome.paths.T
    assert (outcome.beyond <= (kind == 0)).all()  # only warnings come from beyond close ties
    for m in range(1, wom.MONTHS + 1):
        won_now = outcome.ours[m] & ~outcome.ours[m - 1]
        lost_now = outcome.ours[m - 1] & ~outcome.ours[m]
        here = month == m
        assert set(listener[here & (kind == 1)]) == set(np.flatnonzero(won_now))
        assert set(listener[here & (kind == 0)]) == set(np.flatnonzero(lost_now))
        assert outcome.ours[m - 1][teller[here]].all()  # only customers talk
    assert len(wom.spread().paths) == 0  # without paths=True, none


def test_close_ties_are_the_town_file():
    net = town_network()
    assert net.size == 4526 and net.source.size == 2 * 7116
    degree = net.degree
    assert np.median(degree) == 3


def test_the_chances_are_the_towns():
    """One story: the model talks and hears as the sample town was built."""
    assert PARAMETERS["praise"].default / 100 == pytest.approx(TRUE_EFFECTS.praise_talk_share)
    assert PARAMETERS["warn"].default / 100 == pytest.approx(TRUE_EFFECTS.warning_talk_share)
    assert wom.HEAR == TRUE_EFFECTS.praise_hear_share == TRUE_EFFECTS.warning_hear_share
    assert wom.JOIN == TRUE_EFFECTS.referral_conversion


def test_about_three_praise_messages_per_warning():
    """East, Hammond & Wright (2007): positive word of mouth about three times as common."""
    assert 2.5 <= wom.spread().praise_per_warning <= 3.5


def test_the_folklore_starts_at_zero():
    assert PARAMETERS["extra_told"].default == 0
    assert PARAMETERS["extra_told"].illustrative
    assert PARAMETERS["extra_told"].high >= 15  # reaches the folklore's "9-15 people"


def test_one_update_is_fast():
    assert experiments.time_update(repeats=30) < 0.01
