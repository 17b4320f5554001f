"""Common mistakes with a number, and what to say about them (used by value questions).

* :class:`NamedMistakes`: wrong values the question's author foresaw, each with its explanation
  ("81 is the CSAT when the problem *was* fixed ...");
* :func:`other_way_round`: a ratio divided the wrong way round (1/expected);
* :func:`share_problem`: a negative number, or a share above 1 (a percentage?);
* :func:`mix_up`: the right size with the wrong sign, or 100 times off.

Each function returns a message, or an empty text when the mistake is not there. None of them
gives the expected value away.
"""

from __future__ import annotations

import numbers
from collections.abc import Callable, Mapping
from typing import Any

import numpy as np

from helpers.exercises.answers import AuthorError, as_author_number, fmt
from helpers.i18n import _

#: A wrong value (a number, or a zero-argument callable computing it) and its explanation.
Mistake = tuple[Any, str]

#: How near 1/expected (relative) an answer to a ratio question must be to read as "divided the
#: other way round", whatever the question's tolerance.
RATIO_WINDOW = 0.05


class NamedMistakes:
    """Wrong values the author foresaw, each with an explanation; callables are run lazily.

    ``mistakes`` maps a wrong value (a number, or a zero-argument callable giving it, like a
    question's ``answer=``) to the sentence shown when a learner's answer matches it.
    """

    def __init__(self, mistakes: Mapping[Any, str] | None) -> None:
        self._given: list[Mistake] = list((mistakes or {}).items())
        for value, explanation in self._given:
            is_number = isinstance(value, numbers.Real | np.number) and not isinstance(
                value, bool | np.bool_
            )
            if not (is_number or callable(value)):
                raise ValueError(f"mistakes: {value!r} is neither a number nor a callable")
            if not isinstance(explanation, str) or not explanation.strip():
                raise ValueError(f"mistakes: give an explanation (text) for {value!r}")
        self._values: list[tuple[float, str]] | None = None

    def __bool__(self) -> bool:
        return bool(self._given)

    def values(self, question: str = "") -> list[tuple[float, str]]:
        """The wrong values as numbers, with their explanations (callables run once).

        Raises :class:`~helpers.exercises.answers.AuthorError`, naming ``question``, when a
        callable fails or gives something that is not a number.
        """
        if self._values is None:
            self._values = [(_number(value, question), text) for value, text in self._given]
        return self._values

    def explain(
        self, value: float, matches: Callable[[float, float], bool], question: str = ""
    ) -> str:
        """The explanation of the foreseen mistake nearest ``value`` among those it
        ``matches(value, mistake)``; empty when there is none."""
        found = [
            (abs(value - wrong), text)
            for wrong, text in self.values(question)
            if matches(value, wrong)
        ]
        return min(found)[1] if found else ""


def _number(value: Any, question: str) -> float:
    """A foreseen wrong value as a number (a callable is run); an "our side" error if not."""
    where = _("the mistake {value}").format(value=getattr(value, "__name__", repr(value)))
    if callable(value):
        try:
            value = value()
        except Exception as error:  # noqa: BLE001
            raise AuthorError(
                _("{question}: {where} raised {error}").format(
                    question=question or _("question"),
                    where=where,
                    error=f"{type(error).__name__}: {error}",
                )
            ) from error
    return as_author_number(question, value, where)


def other_way_round(value: float, expected: float) -> str:
    """A ratio divided the wrong way round: ``value`` near 1/``expected``; empty if not.

    Said only when 1/expected stands clear of expected itself (a ratio near 1 cannot tell).
    """
    if expected == 0 or value == 0:
        return ""
    reciprocal = 1 / expected
    window = RATIO_WINDOW * abs(reciprocal)
    if abs(reciprocal - expected) <= 2 * window or abs(value - reciprocal) > window:
        return ""
    if abs(expected) > 1:
        text = _(
            "Your answer is {answer}: it looks like you divided the other way round. Try the "
            "larger figure ÷ the smaller one."
        )
    else:
        text = _(
            "Your answer is {answer}: it looks like you divided the other way round. Try the "
            "smaller figure ÷ the larger one."
        )
    return text.format(answer=fmt(value))


def share_problem(
    value: float,
    expected: float,
    *,
    is_share: bool,
    non_negative: bool,
    close: Callable[[float, float], bool],
) -> str:
    """A negative number, or a share above 1 (a percentage?); empty if neither."""
    shown = fmt(value)
    if is_share and value < 0:
        return _("A share cannot be negative; your answer is {answer}.").format(answer=shown)
    if is_share and value > 1:
        if close(value / 100, expected):
            return _(
                "This is a share between 0 and 1, your answer is {answer}: did you mean {share}?"
            ).format(answer=shown, share=fmt(value / 100))
        text = _(
            "A share is a number between 0 and 1 (0.25 means a quarter); your answer is "
            "{answer}, which is more than 1."
        ).format(answer=shown)
        if value <= 100:
            text += " " + _("If it is a percentage, divide it by 100.")
        return text
    if non_negative and value < 0:
        return _("This number cannot be negative; your answer is {answer}.").format(answer=shown)
    return ""


def mix_up(value: float, expected: float, close: Callable[[float, float], bool]) -> str:
    """The right size with the wrong sign, or 100 times off; empty if neither."""
    if expected == 0:
        return ""
    if close(-value, expected):
        text = _(
            "Your answer is {answer}: the size looks right, but the sign is the wrong way round."
        )
    elif close(value / 100, expected):
        text = _(
            "Your answer is {answer}: that is 100 times too big. A percentage where a "
            "share (between 0 and 1) is asked for?"
        )
    elif close(value * 100, expected):
        text = _(
            "Your answer is {answer}: that is 100 times too small. A share where a "
            "percentage is asked for?"
        )
    else:
        return ""
    return text.format(answer=fmt(value))
