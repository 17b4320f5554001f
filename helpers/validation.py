"""Plain-words checks for parameters, shared by every model and metric.

A trainer who types 120 into a "percent of problems fixed" box should read what is wrong and what
is allowed, not a numpy traceback. The messages go through :func:`helpers.i18n._`; ``name`` is shown
as given, so translate it where it is written.
"""

from __future__ import annotations

import math
from numbers import Real

from helpers.i18n import _


class ParameterError(ValueError):
    """A parameter is outside what the model or metric can use; the message says which and why."""


def require_number(name: str, value: object) -> float:
    """Return ``value`` as a float; raise :class:`ParameterError` unless it is a finite number."""
    if isinstance(value, bool) or not isinstance(value, Real):
        raise ParameterError(
            _("{name} must be a number, but it is {value}.").format(name=name, value=repr(value))
        )
    number = float(value)
    if not math.isfinite(number):
        raise ParameterError(
            _("{name} must be a finite number, but it is {value}.").format(
                name=name, value=repr(value)
            )
        )
    return number


def require_between(name: str, value: object, low: float, high: float, unit: str = "") -> float:
    """Return ``value`` as a float if ``low <= value <= high``; otherwise say so in plain words."""
    number = require_number(name, value)
    if not low <= number <= high:
        if unit:
            message = _("{name} must be between {low} and {high} {unit}, but it is {value} {unit}.")
        else:
            message = _("{name} must be between {low} and {high}, but it is {value}.")
        raise ParameterError(
            message.format(
                name=name,
                low=format(low, "g"),
                high=format(high, "g"),
                value=format(number, "g"),
                unit=unit,
            )
        )
    return number


def require_count(name: str, value: object, minimum: int = 0) -> int:
    """Return ``value`` as an int if it is a whole number of at least ``minimum``."""
    number = require_number(name, value)
    if number != int(number) or number < minimum:
        raise ParameterError(
            _("{name} must be a whole number of at least {minimum}, but it is {value}.").format(
                name=name, minimum=minimum, value=repr(value)
            )
        )
    return int(number)
