"""Reading what a learner typed: numbers, guesses, and what kind of thing an answer is.

Everything here either returns a clean value or raises :class:`Verdict` with a message in plain
words ("You need a number; this is text"), which the question turns into feedback. Nothing here
lets a learner's odd answer escape as a Python error. Every message goes through the course's
translation function (:mod:`helpers.i18n`).
"""

from __future__ import annotations

import math
import numbers
import re
from collections.abc import Mapping
from typing import Any

import numpy as np
import pandas as pd

from helpers.exercises.look import INCORRECT
from helpers.i18n import _, ngettext

#: A unit for numbers: one word for every count ("min"), or (singular, plural) such as
#: ``("customer", "customers")`` so that 1 customer and 2 customers both read right.
Unit = str | tuple[str, str]


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


def plural_count(x: float) -> int:
    """The count that picks the singular or plural words for ``x`` as shown.

    gettext's plural rules know whole numbers only: a whole number is its own count; a number
    with decimals (1.5 minutes) counts as 2, which gives the plural in English.
    """
    if math.isfinite(x) and float(x).is_integer():
        return int(abs(x)) if abs(x) < 1e15 else 2
    return 2


def with_unit(x: float, unit: Unit = "") -> str:
    """A number with its unit, in the singular or plural as the number needs: "1 customer"."""
    number = fmt(x)
    if not unit:
        return number
    if isinstance(unit, str):
        word = _(unit)
    else:
        word = ngettext(unit[0], unit[1], plural_count(x))
    return _("{number} {unit}").format(number=number, unit=word)


def show(x: float, *, is_share: bool = False, unit: Unit = "") -> str:
    """A value for display: shares as percentages (0.62 -> '62 %'), others with their unit."""
    if is_share:
        return _("{percent} %").format(percent=fmt(round(x * 100, 1)))
    return with_unit(x, unit)


def is_widget(value: Any) -> bool:
    """True for an ipywidgets (or anywidget) control."""
    return type(value).__module__.split(".")[0] in {"ipywidgets", "anywidget"}


def _kind_of_collection(value: Any) -> str | None:
    """Plain words for a table, column, list, … with its size; None for anything else."""
    if isinstance(value, pd.DataFrame):
        rows, columns = value.shape
        return _("a table with {rows} and {columns}").format(
            rows=ngettext("{n} row", "{n} rows", rows).format(n=rows),
            columns=ngettext("{n} column", "{n} columns", columns).format(n=columns),
        )
    if isinstance(value, pd.Series):
        n = len(value)
        return ngettext("a column of {n} value", "a column of {n} values", n).format(n=n)
    if isinstance(value, list):
        n = len(value)
        return ngettext("a list of {n} value", "a list of {n} values", n).format(n=n)
    if isinstance(value, tuple):
        n = len(value)
        return ngettext(
            "a group of {n} value in round brackets", "a group of {n} values in round brackets", n
        ).format(n=n)
    if isinstance(value, set | frozenset):
        n = len(value)
        return ngettext("a set of {n} value", "a set of {n} values", n).format(n=n)
    if isinstance(value, np.ndarray):
        n = value.size
        return ngettext("an array of {n} value", "an array of {n} values", n).format(n=n)
    return None


def kind_of(value: Any) -> str:
    """A plain-words name for the type of a value."""
    if isinstance(value, bool | np.bool_):
        return _("a yes/no value (True or False)")
    if isinstance(value, str):
        return _("text")
    collection = _kind_of_collection(value)
    if collection is not None:
        return collection
    if isinstance(value, dict):
        return _("a dictionary")
    if is_widget(value):
        return _("a widget (a control on the screen)")
    if isinstance(value, numbers.Number):
        return _("a number")
    if callable(value):
        return _("a function")
    return _("a value of type {name}").format(name=type(value).__name__)


def shorten(text: str, limit: int = 40) -> str:
    """``text`` cut to ``limit`` characters, with "..." when it was longer."""
    return text if len(text) <= limit else text[: limit - 3] + "..."


def _text_is_not_a_number(value: str) -> Verdict:
    """Why text is not accepted as a number (with a tip when it is a number in quotes)."""
    shown = shorten(value)
    cleaned = value.strip().replace(" ", "")
    try:
        float(cleaned.rstrip("%"))
    except ValueError:
        if re.fullmatch(r"-?\d+,\d+", cleaned) and not re.fullmatch(r"-?\d{1,3}(,\d{3})+", cleaned):
            return not_yet(
                _(
                    "You need a number; this is text: “{text}” (in quotation marks). Python "
                    "uses a point for decimals: write {number}, without quotation marks."
                ).format(text=shown, number=cleaned.replace(",", "."))
            )
        return not_yet(_("You need a number; this is text: “{text}”.").format(text=shown))
    return not_yet(
        _(
            "You need a number; this is text: “{text}” (in quotation marks). "
            "Remove the quotation marks so that Python sees a number."
        ).format(text=shown)
    )


def _the_one_value(value: Any) -> Any:
    """The single value inside a one-cell table or array; a verdict for other collections."""
    if isinstance(value, np.ndarray) and value.size == 1:
        return value.reshape(-1)[0]
    if isinstance(value, pd.DataFrame):
        if value.shape == (1, 1):
            return value.iloc[0, 0]
        if value.empty:
            raise not_yet(_("You need one number; this is an empty table (no rows are left)."))
        raise not_yet(_("You need one number; this is {kind}.").format(kind=kind_of(value)))
    if isinstance(value, pd.Series):
        if len(value) == 1:
            return value.iloc[0]
        if value.empty:
            raise not_yet(_("You need one number; this is an empty column (no rows are left)."))
        raise not_yet(
            _(
                "You need one number; this is {kind}. Do you still need to count them, "
                "add them up or take their average?"
            ).format(kind=kind_of(value))
        )
    joined = thousands_typed_with_commas(value)
    if joined is not None:
        raise not_yet(_("Write numbers without commas: {number}.").format(number=joined))
    decimal = decimal_typed_with_comma(value)
    if decimal is not None:
        raise not_yet(_decimal_comma_words(decimal))
    if isinstance(value, list | tuple | set | frozenset | dict | np.ndarray):
        raise not_yet(
            _("You need one number, without brackets; this is {kind}.").format(kind=kind_of(value))
        )
    return value


def thousands_typed_with_commas(value: Any) -> int | None:
    """The number a learner meant when Python read ``1,200`` as the tuple ``(1, 200)``.

    A tuple of whole numbers, the first from 1 to 999 (or -999 to -1), each later one with
    exactly three digits (100 to 999), is read back as one number: (1, 200) -> 1200,
    (1, 234, 567) -> 1234567, (-2, 500) -> -2500. Anything else gives None. (``1,000`` arrives
    as (1, 0), which could as well be ``1,0``: it is left alone.)
    """
    if not isinstance(value, tuple) or len(value) < 2:
        return None
    if not all(isinstance(p, numbers.Integral) and not isinstance(p, bool) for p in value):
        return None
    first, rest = int(value[0]), [int(p) for p in value[1:]]
    if not 1 <= abs(first) <= 999 or not all(100 <= p <= 999 for p in rest):
        return None
    magnitude = int(str(abs(first)) + "".join(str(p) for p in rest))
    return -magnitude if first < 0 else magnitude


def decimal_typed_with_comma(value: Any) -> str | None:
    """The number a learner meant when Python read ``13,9`` (a decimal comma) as ``(13, 9)``.

    A pair of whole numbers whose second part is not exactly three digits (three digits is a
    thousands comma: :func:`thousands_typed_with_commas`), or whose first part is 0 (``0,250``
    cannot be thousands), is read back as a decimal written with a point: (13, 9) -> "13.9",
    (-2, 75) -> "-2.75", (0, 250) -> "0.250". A negative second part, or anything else, gives
    None. (Python refuses ``13,05`` before any check runs: a leading zero is a syntax error.)
    """
    if not isinstance(value, tuple) or len(value) != 2:
        return None
    if not all(isinstance(p, numbers.Integral) and not isinstance(p, bool) for p in value):
        return None
    first, second = int(value[0]), int(value[1])
    if second < 0 or (100 <= second <= 999 and first != 0):
        return None
    return f"{first}.{second}"


def _decimal_comma_words(decimal: str) -> str:
    """What to say about a decimal comma; ``1,000`` (read as (1, 0)) could be either."""
    if decimal.endswith(".0"):
        whole = decimal[:-2]
        return _(
            "Python uses a point for decimals and no commas in numbers: write {decimal}, or "
            "{thousand} if you meant thousands."
        ).format(decimal=decimal, thousand=f"{whole}000")
    return _("Python uses a point for decimals: write {decimal}.").format(decimal=decimal)


def _finite(value: Any) -> float:
    """A number as a float, refusing NaN and infinity with a word on where they come from."""
    try:
        number = float(value)
    except (TypeError, ValueError, OverflowError):
        raise not_yet(
            _("You need an ordinary number; this is {kind}.").format(kind=kind_of(value))
        ) from None
    if math.isnan(number):
        raise not_yet(
            _(
                "This is NaN (“not a number”): often a sign of an empty selection or of a "
                "division by zero."
            )
        )
    if math.isinf(number):
        raise not_yet(_("This number is infinite: is there a division by zero somewhere?"))
    return number


def as_number(value: Any) -> float:
    """The answer as a float, or a "not yet" verdict that says what kind of thing it is."""
    if isinstance(value, bool | np.bool_):
        raise not_yet(
            _("You need a number; this is `{value}`, a yes/no value.").format(value=value)
        )
    if isinstance(value, str):
        raise _text_is_not_a_number(value)
    inner = _the_one_value(value)
    if inner is not value:
        return as_number(inner)
    if is_widget(value):
        raise not_yet(
            _(
                "You need a number; this is a widget (a control on the screen). "
                "Its current setting is in its `.value`."
            )
        )
    if value is pd.NA or value is pd.NaT:
        raise not_yet(_("You need a number; this is an empty value (missing data)."))
    if isinstance(value, complex | np.complexfloating):
        raise not_yet(_("You need an ordinary number; this is a complex number."))
    if isinstance(value, numbers.Number | np.number):
        return _finite(value)
    if callable(value):
        raise not_yet(
            _(
                "This is a function, not its result: did you forget the round brackets `()` "
                "at the end?"
            )
        )
    raise not_yet(_("You need a number; this is {kind}.").format(kind=kind_of(value)))


def read_share_guess(value: Any, *, percent: bool = False) -> float:
    """A guess at a share (PredictQuestion), as a share from 0 to 1, by the course's one rule.

    * A number with a decimal point from 0 to 1 is a share: 0.4 means 40 %, 1.0 means 100 %.
    * Any other number is a percentage: 40 means 40 %, 1 means 1 %, 12.5 means 12.5 %.
    * Text is read the same way, and a % sign always means a percentage: "50%", "50 %".

    With ``percent=True`` (a box labelled "%") every number is a percentage. A guess outside
    0 % to 100 % gets a "not yet" verdict.
    """
    inner = _the_one_value(value)
    while inner is not value:
        value, inner = inner, _the_one_value(inner)
    if isinstance(value, str):
        number, written_percent, has_point = _number_in_text(value)
        percent = percent or written_percent
    else:
        number = as_number(value)  # refuses yes/no values, text, NaN and the like
        has_point = not isinstance(value, numbers.Integral)
    share = number if has_point and 0 <= number <= 1 and not percent else number / 100
    if not 0 <= share <= 1:
        raise not_yet(
            _(
                "A share goes from 0 % to 100 %; {guess} is outside. Give your guess as a "
                "percentage (40 for 40 %) or as a share with a decimal point (0.4)."
            ).format(guess=show(share, is_share=True))
        )
    return share


def _number_in_text(text: str) -> tuple[float, bool, bool]:
    """The number in a text such as "50 %" or "0,5": (number, has a % sign, has a decimal point)."""
    cleaned = text.strip().replace(" ", "")
    percent = cleaned.endswith("%")
    digits = (cleaned[:-1] if percent else cleaned).replace(",", ".")
    try:
        number = float(digits)
    except ValueError:
        raise not_yet(
            _("You need a number; this is text: “{text}”.").format(text=shorten(text))
        ) from None
    if not math.isfinite(number):
        raise not_yet(_("You need an ordinary number; this is {kind}.").format(kind=_("text")))
    return number, percent, "." in digits


def as_author_number(name: str, value: Any, source: str) -> float:
    """A number coming from the exercise's own code; anything else is an "our side" problem."""
    try:
        return as_number(value)
    except Verdict as verdict:
        raise AuthorError(
            _("{question}: {source} gave {value}: {problem}").format(
                question=name or _("question"),
                source=source,
                value=repr(value),
                problem=verdict.message,
            )
        ) from None


def user_namespace() -> Mapping[str, Any] | None:
    """The notebook's variables (IPython's ``user_ns``), or None outside IPython."""
    try:
        import IPython

        shell = IPython.get_ipython()
    except Exception:  # noqa: BLE001 - no IPython at all is a normal situation
        return None
    namespace = getattr(shell, "user_ns", None) if shell is not None else None
    return namespace if isinstance(namespace, Mapping) else None
