"""Tests for helpers.exercises.answers: reading what a learner typed."""

from __future__ import annotations

from typing import Any

import pytest
from sample_questions import (
    make_choice,
    make_predict,
    make_table,
    make_target,
    make_value,
    odd_answers,
)

from helpers.exercises import (
    INCORRECT,
    NOT_ATTEMPTED,
    Feedback,
)


@pytest.mark.parametrize("make", [make_value, make_table, make_choice, make_predict, make_target])
def test_odd_answers_never_raise(make: Any) -> None:
    q = make()
    for answer in odd_answers():
        fb = q.check(answer)
        assert isinstance(fb, Feedback)
        assert fb.status in {INCORRECT, NOT_ATTEMPTED}, (answer, fb)
        assert not fb.trouble, (answer, fb)
        assert fb._repr_html_() and str(fb)


def test_widget_answer_points_to_value() -> None:
    import ipywidgets as widgets

    fb = make_value().check(widgets.FloatSlider(value=0.38))
    assert fb.status == INCORRECT and ".value" in fb.message
