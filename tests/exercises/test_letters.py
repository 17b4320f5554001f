"""Tests for helpers.exercises.letters: reading the option letters a learner picks."""

from __future__ import annotations

from typing import Any

import pytest

from helpers.exercises.answers import Verdict
from helpers.exercises.letters import read_letters

OPTIONS = {"a": "Very likely", "b": "Less likely than you think", "c": "It cannot be said"}


@pytest.mark.parametrize(
    ("answer", "letters"),
    [("b", {"b"}), (" (C) ", {"c"}), ("a and c", {"a", "c"}), (["a", "b"], {"a", "b"})],
)
def test_letters_are_read(answer: Any, letters: set[str]) -> None:
    assert read_letters(answer, OPTIONS, "ex.q2") == frozenset(letters)


@pytest.mark.parametrize(
    ("answer", "words"),
    [
        (1, 'option 1 is **a)**, so write `ex.q2.check("a")`'),
        ("3", 'option 3 is **c)**, so write `ex.q2.check("c")`'),
        (9, 'the options are a, b, c, for example `ex.q2.check("a")`'),
        (1.5, "in quotation marks"),
        (True, "a yes/no value"),
        ("z", "I cannot match “z” to an option"),
    ],
)
def test_what_is_not_a_letter_is_explained(answer: Any, words: str) -> None:
    with pytest.raises(Verdict) as caught:
        read_letters(answer, OPTIONS, "ex.q2")
    assert words in caught.value.message
