"""Tests for helpers.exercises.choice: multiple-choice questions."""

from __future__ import annotations

from typing import Any

import numpy as np
import pytest
from sample_questions import (
    make_choice,
)

from helpers.exercises import (
    CORRECT,
    INCORRECT,
    NOT_ATTEMPTED,
    ChoiceQuestion,
    Exercises,
    ____,
)


@pytest.mark.parametrize(
    "answer",
    ["b", "B", " b ", "(b)", "b)", "less likely than you think", "B) Less likely than you think"],
)
def test_choice_accepts_letter_or_text(answer: str) -> None:
    fb = make_choice().check(answer)
    assert fb.status == CORRECT, fb
    assert "delighted" in fb.message


def test_choice_wrong_pick_explains_the_misconception() -> None:
    q = make_choice()
    fb = q.check("a")
    assert fb.status == INCORRECT and "Satisfied is not the same as loyal" in fb.message
    fb = q.check("c")
    assert fb.status == INCORRECT and "Not **c)**" in fb.message
    assert q.check("z").status == INCORRECT
    assert q.check("a, b").status == INCORRECT
    assert q.check(2).status == INCORRECT
    assert q.check().status == NOT_ATTEMPTED
    assert q.check(____).status == NOT_ATTEMPTED


def test_choice_with_several_correct_options() -> None:
    q = ChoiceQuestion(
        "Which of these are SERVQUAL dimensions?",
        options={"a": "Reliability", "b": "Price", "c": "Empathy", "d": "Logo colour"},
        correct=["a", "c"],
        explanations={"b": "Price matters, but it is not a service dimension."},
    )
    for right in ("a, c", "C A", ["a", "c"], "ac", "a and c"):
        assert q.check(right).status == CORRECT, right
    fb = q.check("a")
    assert fb.status == INCORRECT and "another option fits" in fb.message
    fb = q.check("a, b")
    assert fb.status == INCORRECT and "Price matters" in fb.message


def test_choice_author_mistakes_fail_at_definition() -> None:
    with pytest.raises(ValueError, match="does not name an option"):
        ChoiceQuestion("?", options=["x", "y"], correct="c")
    with pytest.raises(ValueError, match="explanations"):
        ChoiceQuestion("?", options=["x", "y"], correct="a", explanations={"q": "..."})


def test_choice_default_solution_names_the_answer() -> None:
    assert "Less likely than you think" in make_choice().solution().text


@pytest.mark.parametrize(
    ("answer", "letter", "number"),
    [
        (1, "a", 1),
        (2, "b", 2),
        (3.0, "c", 3),
        (np.int64(2), "b", 2),
        ("2", "b", 2),
        ("(3)", "c", 3),
    ],
)
def test_an_option_given_by_its_number_names_its_letter(
    answer: Any, letter: str, number: int
) -> None:
    q = Exercises(q2=make_choice()).q2
    fb = q.check(answer)
    assert fb.status == INCORRECT
    assert f"option {number} is **{letter})**" in fb.message
    assert f'`ex.q2.check("{letter}")`' in fb.message and "a, b, c" in fb.message


@pytest.mark.parametrize("answer", [0, 4, 2.5, -1, 10**400, "7", [1, 9]])
def test_other_numbers_are_told_to_use_a_letter(answer: Any) -> None:
    fb = Exercises(q2=make_choice()).q2.check(answer)
    assert fb.status == INCORRECT and not fb.trouble
    assert "letter" in fb.message and "a, b, c" in fb.message


def test_an_option_whose_text_is_a_number_is_still_read_as_text() -> None:
    q = ChoiceQuestion("How many?", options=["1", "2", "3"], correct="b")
    assert q.check("2").status == CORRECT  # the option's text
    assert "option 2 is **b)**" in q.check(2).message  # a number is still not a letter
    multiple = ChoiceQuestion("?", options=["x", "y", "z"], correct=["a", "c"])
    assert "option 1 is **a)**" in multiple.check([1, 3]).message
