"""Tests for helpers.exercises.mistakes: foreseen wrong numbers and common slips."""

from __future__ import annotations

from typing import Any

import numpy as np
import pytest

from helpers.exercises.answers import AuthorError
from helpers.exercises.mistakes import NamedMistakes, other_way_round


def near(value: float, mistake: float) -> bool:
    return abs(value - mistake) <= 0.5


def test_named_mistakes_run_callables_once_and_only_when_needed() -> None:
    calls = []

    def subtracted() -> float:
        calls.append(1)
        return np.float64(12.0)

    mistakes = NamedMistakes({81: "the other column", subtracted: "you subtracted"})
    assert bool(mistakes) and not NamedMistakes(None) and not NamedMistakes({})
    assert calls == []  # lazy: nothing run at definition
    assert mistakes.explain(81.3, near) == "the other column"
    assert mistakes.explain(12, near) == "you subtracted"
    assert mistakes.explain(50, near) == ""
    assert mistakes.values() == [(81.0, "the other column"), (12.0, "you subtracted")]
    assert calls == [1]


def test_the_nearest_named_mistake_wins() -> None:
    mistakes = NamedMistakes({10: "ten", 10.4: "ten point four"})
    assert mistakes.explain(10.3, near) == "ten point four"
    assert mistakes.explain(9.8, near) == "ten"


@pytest.mark.parametrize(
    "given",
    [{"81": "text"}, {True: "text"}, {None: "text"}, {81: ""}, {81: None}, {(1, 2): "x"}],
)
def test_named_mistakes_refuse_what_they_cannot_use(given: Any) -> None:
    with pytest.raises(ValueError, match="mistakes"):
        NamedMistakes(given)


def test_a_failing_mistake_is_an_our_side_problem() -> None:
    with pytest.raises(AuthorError, match="q2: the mistake broken raised ZeroDivisionError"):

        def broken() -> float:
            return 1 / 0

        NamedMistakes({broken: "x"}).values("q2")
    with pytest.raises(AuthorError, match="q2"):
        NamedMistakes({lambda: "81": "x"}).values("q2")


@pytest.mark.parametrize(
    ("value", "expected", "words"),
    [
        (0.193, 5.18, "larger figure ÷ the smaller"),
        (1 / 5.18 * 1.049, 5.18, "larger figure ÷ the smaller"),  # within the 5 % window
        (5.2, 0.193, "smaller figure ÷ the larger"),
        (-0.5, -2.0, "larger figure ÷ the smaller"),
    ],
)
def test_other_way_round(value: float, expected: float, words: str) -> None:
    text = other_way_round(value, expected)
    assert "divided the other way round" in text and words in text


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (1 / 5.18 * 1.06, 5.18),  # outside the 5 % window
        (0.5, 5.18),
        (0.0, 5.18),
        (3.0, 0.0),
        (0.95, 1.02),  # a ratio near 1 cannot tell which way round
        (5.18, 5.18),
    ],
)
def test_not_the_other_way_round(value: float, expected: float) -> None:
    assert other_way_round(value, expected) == ""
