"""Tests for helpers.exercises.answers: reading what a learner typed."""

from __future__ import annotations

from typing import Any

import numpy as np
import pandas as pd
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
    Note,
    PredictQuestion,
    ValueQuestion,
)
from helpers.exercises.answers import (
    decimal_typed_with_comma,
    kind_of,
    thousands_typed_with_commas,
    with_unit,
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


@pytest.mark.parametrize(
    ("value", "words"),
    [
        (pd.DataFrame({"a": [1]}), "a table with 1 row and 1 column"),
        (pd.DataFrame({"a": [1], "b": [2]}), "a table with 1 row and 2 columns"),
        (pd.DataFrame({"a": [1, 2]}), "a table with 2 rows and 1 column"),
        (pd.Series([1]), "a column of 1 value"),
        (pd.Series([1, 2]), "a column of 2 values"),
        ([1], "a list of 1 value"),
        ([], "a list of 0 values"),
        ((1, 2), "a group of 2 values in round brackets"),
        ({1}, "a set of 1 value"),
        (np.array([1.0]), "an array of 1 value"),
    ],
)
def test_kind_of_counts_in_the_singular_and_plural(value: Any, words: str) -> None:
    assert kind_of(value) == words


def test_a_one_row_table_is_not_called_rows() -> None:
    fb = ValueQuestion("?", answer=3.0).check(pd.DataFrame({"a": [1], "b": [2]}))
    assert "a table with 1 row and 2 columns" in fb.message
    assert "1 rows" not in fb.message and "1 columns" not in fb.message


@pytest.mark.parametrize(
    ("number", "unit", "words"),
    [
        (1, ("customer", "customers"), "1 customer"),
        (1.0, ("customer", "customers"), "1 customer"),
        (0, ("customer", "customers"), "0 customers"),
        (2, ("customer", "customers"), "2 customers"),
        (1.5, ("customer", "customers"), "1.5 customers"),
        (-1, ("customer", "customers"), "-1 customer"),
        (3, "min", "3 min"),
        (3, "", "3"),
    ],
)
def test_numbers_with_units(number: float, unit: Any, words: str) -> None:
    assert with_unit(number, unit) == words


def test_odd_guesses_never_raise() -> None:
    for make in (make_predict, make_unit_predict):
        q = make()
        for answer in [*odd_answers(), "inf %", "nan", "%", " % ", "1e400"]:
            shown = q.predict(answer)
            assert isinstance(shown, Feedback | Note), (answer, shown)
            assert not getattr(shown, "trouble", False), (answer, shown)
            assert shown._repr_html_() and str(shown)


def test_odd_answers_never_raise_before_and_after_a_prediction_is_locked() -> None:
    for answer in odd_answers():
        fresh = make_predict()
        fb = fresh.check(answer)  # each odd answer read as a first guess
        assert fb.status in {INCORRECT, NOT_ATTEMPTED} and not fb.trouble, (answer, fb)
    locked = make_predict(truth=0.62)
    locked.check(0.3)
    for answer in odd_answers():
        fb = locked.check(answer)  # the first guess stays and is judged again
        assert fb.status == INCORRECT and not fb.trouble, (answer, fb)
        shown = locked.predict(answer)
        assert isinstance(shown, Note) and "that prediction stays" in shown.text, answer


def test_odd_answers_never_raise_with_a_declared_rounding() -> None:
    q = ValueQuestion("?", answer=5.18, tolerance=0.15, accept_rounded_to=0, also_accept=(5, 6))
    for answer in odd_answers():
        fb = q.check(answer)
        assert fb.status in {INCORRECT, NOT_ATTEMPTED} and not fb.trouble, (answer, fb)


def make_unit_predict() -> PredictQuestion:
    return PredictQuestion("?", truth=lambda: 41, tolerance=5, unit=("customer", "customers"))


@pytest.mark.parametrize(
    ("typed", "number"),
    [
        ((1, 200), "1200"),  # 1,200
        ((10, 288), "10288"),  # 10,288
        ((1, 234, 567), "1234567"),  # 1,234,567
        ((-2, 500), "-2500"),  # -2,500
        ((999, 999), "999999"),
        ((np.int64(3), 450), "3450"),
    ],
)
def test_a_thousands_comma_is_explained(typed: tuple, number: str) -> None:
    q = ValueQuestion("How many visits?", answer=1200)
    fb = q.check(typed)
    assert fb.status == INCORRECT
    assert fb.message.startswith(f"Write numbers without commas: {number}.")
    assert "round brackets" not in fb.message
    assert thousands_typed_with_commas(typed) == int(number)


@pytest.mark.parametrize(
    "typed",
    [
        (1,),
        (1000, 200),
        (1.5, 200),
        (True, 200),
        (1, 200, 5),
        (1, "200"),
        (1, -200),
        (13, 9, 1),
    ],
)
def test_other_tuples_keep_the_round_brackets_message(typed: tuple) -> None:
    fb = ValueQuestion("How many visits?", answer=1200).check(typed)
    assert fb.status == INCORRECT
    assert "round brackets" in fb.message and "commas" not in fb.message
    assert thousands_typed_with_commas(typed) is None
    assert decimal_typed_with_comma(typed) is None


@pytest.mark.parametrize(
    ("typed", "decimal"),
    [
        ((13, 9), "13.9"),  # 13,9: a decimal comma
        ((1, 2), "1.2"),
        ((1, 99), "1.99"),
        ((-2, 75), "-2.75"),
        ((0, 5), "0.5"),
        ((0, 200), "0.200"),  # 0,200 cannot be thousands
        ((1, 2000), "1.2000"),
        ((np.int64(13), np.int64(9)), "13.9"),
    ],
)
def test_a_decimal_comma_is_explained(typed: tuple, decimal: str) -> None:
    fb = ValueQuestion("What is the margin?", answer=13.9, tolerance=0.1).check(typed)
    assert fb.status == INCORRECT
    assert fb.message.startswith(f"Python uses a point for decimals: write {decimal}.")
    assert "round brackets" not in fb.message
    assert decimal_typed_with_comma(typed) == decimal
    assert thousands_typed_with_commas(typed) is None


def test_one_comma_nought_could_be_a_decimal_or_thousands() -> None:
    fb = ValueQuestion("How many?", answer=1000).check((1, 0))  # 1,0 or 1,000
    assert fb.status == INCORRECT
    assert "write 1.0, or 1000 if you meant thousands" in fb.message


def test_a_decimal_comma_in_quotes_is_explained() -> None:
    fb = ValueQuestion("What is the margin?", answer=13.9, tolerance=0.1).check("13,9")
    assert "Python uses a point for decimals: write 13.9, without quotation marks" in fb.message
    thousands = ValueQuestion("How many?", answer=1200).check("1,200")
    assert "point for decimals" not in thousands.message


def test_a_thousands_comma_in_a_guess_is_explained() -> None:
    shown = make_unit_predict().predict((1, 200))
    assert isinstance(shown, Feedback)
    assert shown.message == "Write numbers without commas: 1200."
