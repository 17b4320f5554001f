"""The follow-up model: every slider at both ends, and its arithmetic."""

import pytest

from helpers.lessons.repeat_business.follow_up import (
    HAPPY_BACK,
    HAPPY_SHARE,
    OTHER_BACK,
    PARAMETERS,
    follow_up,
)
from helpers.validation import ParameterError

POINTS = [(name, value) for name, spec in PARAMETERS.items() for value in spec.test_points()]


@pytest.mark.parametrize(("name", "value"), POINTS)
def test_every_slider_at_both_ends(name, value):
    o = follow_up(**{name: value})
    for share in (o.called_anyway, o.called_by_call, o.not_called, o.called_back):
        assert 0 <= share <= 1
    assert o.gap == pytest.approx(o.call_effect + o.who_was_called)
    assert o.who_was_called >= -1e-12


@pytest.mark.parametrize("name", list(PARAMETERS))
def test_just_off_each_end_is_explained(name):
    spec = PARAMETERS[name]
    for value in (spec.low - spec.step, spec.high + spec.step):
        with pytest.raises(ParameterError, match="must be between"):
            follow_up(**{name: value})


@pytest.mark.parametrize("called", PARAMETERS["called"].positions())
@pytest.mark.parametrize("picked", PARAMETERS["picked"].test_points())
def test_everyone_is_counted_once(called, picked):
    """Called and not called together come back as often as all buyers would."""
    o = follow_up(called=called, picked=picked, call_effect=0)
    everyone = HAPPY_SHARE * HAPPY_BACK + (1 - HAPPY_SHARE) * OTHER_BACK
    c = called / 100
    assert c * o.called_back + (1 - c) * o.not_called == pytest.approx(everyone)


def test_the_call_effect_is_of_those_who_would_not_come_anyway():
    o = follow_up(call_effect=50, picked=0)
    assert o.called_by_call == pytest.approx(0.5 * (1 - o.called_anyway))


def test_more_effect_brings_back_more_buyers():
    brought = [follow_up(call_effect=e).brought_back_per_100 for e in range(0, 55, 5)]
    assert brought[0] == 0 and all(b < a for b, a in zip(brought, brought[1:], strict=False))
