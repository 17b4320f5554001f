"""Reading what a learner typed: numbers, letters, and what kind of thing an answer is.

Everything here either returns a clean value or raises :class:`Verdict` with a message in plain
words ("You need a number; this is text"), which the question turns into feedback. Nothing here
lets a learner's odd answer escape as a Python error.
"""

from __future__ import annotations

import math
import numbers
import re
from collections.abc import Mapping
from typing import Any

import numpy as np
import pandas as pd

from helpers.exercises.look import INCORRECT, NOT_ATTEMPTED


class Verdict(Exception):
    """Raised inside a check to stop with a given status and message."""

    def __init__(self, status: str, message: str, detail: str = "") -> None:
        super().__init__(message)
        self.status = status
        self.message = message
        self.detail = detail


class AuthorError(Exception):
    """The exercise's own code (answer, simulator, rule) failed: not the learner's fault."""


def not_yet(message: str) -> Verdict:
    """A "not yet" verdict with ``message``."""
    return Verdict(INCORRECT, message)


def fmt(x: float) -> str:
    """A number the way a person writes it: 38, 0.38, 1234.57 (no scientific notation)."""
    if not math.isfinite(x):
        return str(x)
    if float(x).is_integer() and abs(x) < 1e15:
        return str(int(x))
    text = f"{x:.6g}"
    if "e" in text:
        text = f"{x:.6f}".rstrip("0").rstrip(".")
    return text


def show(x: float, *, is_share: bool = False, unit: str = "") -> str:
    """A value for display: shares as percentages (0.62 -> '62 %'), others with their unit."""
    if is_share:
        return f"{fmt(round(x * 100, 1))} %"
    return f"{fmt(x)}{(' ' + unit) if unit else ''}"


def is_widget(value: Any) -> bool:
    """True for an ipywidgets (or anywidget) control."""
    return type(value).__module__.split(".")[0] in {"ipywidgets", "anywidget"}


def _values(count: int) -> str:
    return f"{count} value" if count == 1 else f"{count} values"


def kind_of(value: Any) -> str:
    """A plain-words name for the type of a value."""
    if isinstance(value, bool | np.bool_):
        return "a yes/no value (True or False)"
    if isinstance(value, str):
        return "text"
    if isinstance(value, pd.DataFrame):
        return f"a table with {value.shape[0]} rows and {value.shape[1]} columns"
    if isinstance(value, pd.Series):
        return f"a column of {_values(len(value))}"
    if isinstance(value, list):
        return f"a list of {_values(len(value))}"
    if isinstance(value, tuple):
        return f"a group of {_values(len(value))} in round brackets"
    if isinstance(value, set | frozenset):
        return f"a set of {_values(len(value))}"
    if isinstance(value, dict):
        return "a dictionary"
    if isinstance(value, np.ndarray):
        return f"an array of {_values(value.size)}"
    if is_widget(value):
        return "a widget (a control on the screen)"
    if isinstance(value, numbers.Number):
        return "a number"
    if callable(value):
        return "a function"
    return f"a value of type {type(value).__name__}"


def _text_is_not_a_number(value: str) -> Verdict:
    """Why text is not accepted as a number (with a tip when it is a number in quotes)."""
    shown = value if len(value) <= 40 else value[:37] + "..."
    cleaned = value.strip().replace(" ", "")
    try:
        float(cleaned.rstrip("%"))
    except ValueError:
        return not_yet(f"You need a number; this is text: “{shown}”.")
    return not_yet(
        f"You need a number; this is text: “{shown}” (in quotation marks). "
        "Remove the quotation marks so that Python sees a number."
    )


def _the_one_value(value: Any) -> Any:
    """The single value inside a one-cell table or array; a verdict for other collections."""
    if isinstance(value, np.ndarray) and value.size == 1:
        return value.reshape(-1)[0]
    if isinstance(value, pd.DataFrame):
        if value.shape == (1, 1):
            return value.iloc[0, 0]
        if value.empty:
            raise not_yet("You need one number; this is an empty table (no rows are left).")
        raise not_yet(f"You need one number; this is {kind_of(value)}.")
    if isinstance(value, pd.Series):
        if len(value) == 1:
            return value.iloc[0]
        if value.empty:
            raise not_yet("You need one number; this is an empty column (no rows are left).")
        raise not_yet(
            f"You need one number; this is {kind_of(value)}. Do you still need to count them, "
            "add them up or take their average?"
        )
    if isinstance(value, list | tuple | set | frozenset | dict | np.ndarray):
        raise not_yet(f"You need one number, without brackets; this is {kind_of(value)}.")
    return value


def _finite(value: Any) -> float:
    """A number as a float, refusing NaN and infinity with a word on where they come from."""
    try:
        number = float(value)
    except (TypeError, ValueError, OverflowError):
        raise not_yet(f"You need an ordinary number; this is {kind_of(value)}.") from None
    if math.isnan(number):
        raise not_yet(
            "This is NaN (“not a number”): often a sign of an empty selection or of a "
            "division by zero."
        )
    if math.isinf(number):
        raise not_yet("This number is infinite: is there a division by zero somewhere?")
    return number


def as_number(value: Any) -> float:
    """The answer as a float, or a "not yet" verdict that says what kind of thing it is."""
    if isinstance(value, bool | np.bool_):
        raise not_yet(f"You need a number; this is `{value}`, a yes/no value.")
    if isinstance(value, str):
        raise _text_is_not_a_number(value)
    inner = _the_one_value(value)
    if inner is not value:
        return as_number(inner)
    if is_widget(value):
        raise not_yet(
            "You need a number; this is a widget (a control on the screen). "
            "Its current setting is in its `.value`."
        )
    if value is pd.NA or value is pd.NaT:
        raise not_yet("You need a number; this is an empty value (missing data).")
    if isinstance(value, complex | np.complexfloating):
        raise not_yet("You need an ordinary number; this is a complex number.")
    if isinstance(value, numbers.Number | np.number):
        return _finite(value)
    if callable(value):
        raise not_yet(
            "This is a function, not its result: did you forget the round brackets `()` at the end?"
        )
    raise not_yet(f"You need a number; this is {kind_of(value)}.")


def as_author_number(name: str, value: Any, source: str) -> float:
    """A number coming from the exercise's own code; anything else is an "our side" problem."""
    try:
        return as_number(value)
    except Verdict as verdict:
        raise AuthorError(
            f"{name or 'question'}: {source} gave {value!r}: {verdict.message}"
        ) from None


def read_letters(answer: Any, options: Mapping[str, str], call: str) -> frozenset[str]:
    """The option letters an answer picks; a verdict for anything that cannot be matched.

    A letter in any case ("B", " b ", "(b)", "b)"), an option's text, or several letters
    ("a, c", "a and c", "ac", a list) are understood.
    """
    letters = ", ".join(options)
    if isinstance(answer, list | tuple | set | frozenset):
        picked: set[str] = set()
        for item in answer:
            picked |= read_letters(item, options, call)
        if not picked:
            raise Verdict(NOT_ATTEMPTED, f"Pick an option: {letters}.")
        return frozenset(picked)
    if not isinstance(answer, str):
        raise not_yet(
            f"Answer with the letter of an option ({letters}) in quotation marks, "
            f'for example `{call}.check("a")`; this is {kind_of(answer)}.'
        )
    picked_letters = _letters_in(answer, options)
    if picked_letters:
        return picked_letters
    shown = answer if len(answer) <= 40 else answer[:37] + "..."
    raise not_yet(
        f"I cannot match “{shown}” to an option. Use one of the letters {letters}, "
        f'for example `{call}.check("a")`.'
    )


def _letters_in(answer: str, options: Mapping[str, str]) -> frozenset[str]:
    """The letters a text names (a letter, an option's text, several letters), or none."""
    text = " ".join(answer.split()).casefold()
    bare = text.strip("()[]. ")
    if bare in options:
        return frozenset({bare})
    for letter, option in options.items():
        option_text = " ".join(option.split()).casefold()
        if text.rstrip(".") == option_text.rstrip("."):
            return frozenset({letter})
        match = re.fullmatch(r"\(?([a-z])[).:]\s*(.*)", text)
        if match and match.group(1) == letter and match.group(2) == option_text:
            return frozenset({letter})
    tokens = [t.strip("()[].") for t in re.split(r"[\s,;/&+]+|\band\b", bare) if t]
    if tokens and all(t in options for t in tokens):
        return frozenset(tokens)
    if bare.isalpha() and len(bare) <= len(options) and all(c in options for c in bare):
        return frozenset(bare)
    return frozenset()


def user_namespace() -> Mapping[str, Any] | None:
    """The notebook's variables (IPython's ``user_ns``), or None outside IPython."""
    try:
        import IPython

        shell = IPython.get_ipython()
    except Exception:  # noqa: BLE001 - no IPython at all is a normal situation
        return None
    namespace = getattr(shell, "user_ns", None) if shell is not None else None
    return namespace if isinstance(namespace, Mapping) else None
