"""Common mistakes with a number, and what to say about them (used by value questions).

* :func:`share_problem`: a negative number, or a share above 1 (a percentage?);
* :func:`mix_up`: the right size with the wrong sign, or 100 times off.

Each function returns a message, or an empty text when the mistake is not there. None of them
gives the expected value away.
"""

from __future__ import annotations

from collections.abc import Callable

from helpers.exercises.answers import fmt
from helpers.i18n import _


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
