"""Refund or not: the calculator and the scenario drill's costs."""

import numpy as np
import pytest

from helpers.lessons.reputation import recovery, word_of_mouth
from helpers.lessons.reputation.network import tie_summary
from helpers.metrics import clv
from helpers.validation import ParameterError

POINTS = [(name, v) for name, spec in recovery.PARAMETERS.items() for v in spec.test_points()]


@pytest.mark.parametrize(("name", "value"), POINTS)
def test_sound_at_both_ends_of_every_slider(name, value):
    outcome = recovery.refund_or_not(**{name: value})
    for cost in (outcome.refund, outcome.refuse):
        assert cost.paid >= 0 and cost.her >= 0 and cost.friends >= 0
        assert cost.total == pytest.approx(cost.paid + cost.her + cost.friends)
    table = recovery.scenario_costs(**{name: value})
    assert list(table.index) == list(recovery.CHOICES)
    assert (table >= 0).all().all()
    np.testing.assert_allclose(table["total"], table[["paid", "her", "friends"]].sum(axis=1))


@pytest.mark.parametrize("name", list(recovery.PARAMETERS))
def test_just_off_each_end_is_a_plain_error(name):
    spec = recovery.PARAMETERS[name]
    for value in (spec.low - spec.step, spec.high + spec.step):
        with pytest.raises(ParameterError, match="must be between"):
            recovery.refund_or_not(**{name: value})
    with pytest.raises(ParameterError, match="no parameter called"):
        recovery.scenario_costs(price=3)


def test_her_value_is_notebook_02s_clv():
    assert recovery.lifetime_value(100) == pytest.approx(clv(100, 0.8, 0.1))
    assert recovery.lifetime_value(100) == pytest.approx(266.67, abs=0.01)


def test_the_drill_counts_her_whole_lifetime_value():
    """Both the calculator and the drill count lifetimes: the sum of every future year."""
    r, i, m = recovery.RETENTION, recovery.DISCOUNT_RATE, 150
    terms = [m * (r / (1 + i)) ** t for t in range(1, 200)]
    assert sum(terms) == pytest.approx(recovery.lifetime_value(m))
    table = recovery.scenario_costs(margin=m)
    lost = (r - recovery.STAY["refuse"]) / r
    assert table.loc["refuse", "her"] == pytest.approx(lost * recovery.lifetime_value(m))


def test_the_people_she_tells_do_not_grow_with_her_margin():
    """Listeners are valued as average customers: her margin moves her part only."""
    small, large = (recovery.refund_or_not(margin=m) for m in (20, 400))
    assert small.refuse.friends == pytest.approx(large.refuse.friends)
    assert large.refuse.her > small.refuse.her


def test_her_custom_is_counted_once():
    """Her stay chance replaces r for this year: expected value stay / r × CLV."""
    outcome = recovery.refund_or_not(stay_refused=30, margin=100)
    value = recovery.lifetime_value(100)
    assert outcome.refuse.her == pytest.approx((0.8 - 0.3) / 0.8 * value)
    assert recovery.refund_or_not(stay_refused=0).refuse.her == pytest.approx(value)


def test_the_recovery_paradox_is_hedged():
    """De Matos et al. (2007): no paradox for coming back or word of mouth, so a refunded
    customer stays less often than one who never had a problem, and a generous answer brings
    no extra praise."""
    assert recovery.STAY["refund"] < recovery.RETENTION
    assert max(recovery.STAY.values()) < recovery.RETENTION
    assert recovery.WARN["refund"] == recovery.WARN["repair"] == 0


def test_listeners_and_losses_come_from_the_word_of_mouth_model():
    assert recovery.LOSS_PER_LISTENER == word_of_mouth.START_SHARE * word_of_mouth.LEAVE
    close = tie_summary()["mean_ties"] * word_of_mouth.HEAR
    assert recovery.CLOSE_LISTENERS == pytest.approx(close, abs=0.01)
    assert abs(recovery.PARAMETERS["listeners"].default - close) <= 0.25
    assert recovery.WARN["refuse"] == word_of_mouth.PARAMETERS["warn"].default / 100
    per_warner = word_of_mouth.spread().per_talker()["hear_warning"]
    assert per_warner == pytest.approx(close, abs=0.1)


def test_break_even_is_where_the_two_costs_meet():
    outcome = recovery.refund_or_not()
    even = recovery.refund_or_not(refund_cost=0).break_even
    assert outcome.break_even == pytest.approx(even)
    assert outcome.refund.total - outcome.refund.paid + outcome.break_even == pytest.approx(
        outcome.refuse.total
    )


@pytest.mark.parametrize("name", ["margin", "listeners"])
def test_a_more_valuable_customer_or_more_listeners_raise_the_line(name):
    evens = [
        recovery.refund_or_not(**{name: v}).break_even
        for v in recovery.PARAMETERS[name].positions()
    ]
    assert np.all(np.diff(evens) >= 0) and evens[-1] > evens[0]


def test_refusing_costs_more_the_more_people_hear():
    totals = [
        recovery.scenario_costs(listeners=v).loc["refuse", "total"]
        for v in recovery.PARAMETERS["listeners"].positions()
    ]
    assert np.all(np.diff(totals) > 0)
