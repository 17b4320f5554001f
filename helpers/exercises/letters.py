"""Reading the option letters a learner picks in a multiple-choice question.

Like :mod:`helpers.exercises.answers`, everything here returns a clean value or raises a
:class:`~helpers.exercises.answers.Verdict` in plain words; nothing lets an odd answer escape as a
Python error.
"""

from __future__ import annotations

import numbers
import re
from collections.abc import Mapping
from typing import Any

import numpy as np

from helpers.exercises.answers import Verdict, kind_of, not_yet, shorten
from helpers.exercises.look import NOT_ATTEMPTED
from helpers.i18n import _


def read_letters(answer: Any, options: Mapping[str, str], call: str) -> frozenset[str]:
    """The option letters an answer picks; a verdict for anything that cannot be matched.

    A letter in any case ("B", " b ", "(b)", "b)"), an option's text, or several letters
    ("a, c", "a and c", "ac", a list) are understood. An option's number (1 for the first)
    is not, but the verdict names the letter to use instead.
    """
    letters = ", ".join(options)
    if isinstance(answer, list | tuple | set | frozenset):
        picked: set[str] = set()
        for item in answer:
            picked |= read_letters(item, options, call)
        if not picked:
            raise Verdict(NOT_ATTEMPTED, _("Pick an option: {letters}.").format(letters=letters))
        return frozenset(picked)
    picked_letters = _letters_in(answer, options) if isinstance(answer, str) else frozenset()
    if picked_letters:
        return picked_letters
    number = _option_number(answer)
    if number is not None:
        raise _a_number_is_not_a_letter(number, options, call)
    if not isinstance(answer, str):
        raise not_yet(
            _(
                "Answer with the letter of an option ({letters}) in quotation marks, "
                'for example `{call}.check("a")`; this is {kind}.'
            ).format(letters=letters, call=call, kind=kind_of(answer))
        )
    raise not_yet(
        _(
            "I cannot match “{answer}” to an option. Use one of the letters {letters}, "
            'for example `{call}.check("a")`.'
        ).format(answer=shorten(answer), letters=letters, call=call)
    )


def _option_number(answer: Any) -> int | None:
    """The whole number an answer is (1, 2.0, "3", "(2)"), or None for anything else."""
    if isinstance(answer, str):
        text = answer.strip().strip("().").strip()
        return int(text) if text.isdigit() and len(text) <= 3 else None
    if isinstance(answer, bool | np.bool_) or not isinstance(answer, numbers.Real):
        return None
    try:
        number = float(answer)
    except (TypeError, ValueError, OverflowError):
        return None
    return int(number) if number.is_integer() else None


def _a_number_is_not_a_letter(number: int, options: Mapping[str, str], call: str) -> Verdict:
    """The verdict for an option given by its number: the letter to write instead."""
    letters = list(options)
    if 1 <= number <= len(letters):
        letter = letters[number - 1]
        return not_yet(
            _(
                "Answer with a letter, not a number: option {number} is **{letter})**, so "
                'write `{call}.check("{letter}")` (with the quotation marks). The letters are '
                "{letters}."
            ).format(number=number, letter=letter, call=call, letters=", ".join(letters))
        )
    return not_yet(
        _(
            "Answer with a letter, not a number: the options are {letters}, for example "
            '`{call}.check("{first}")` (with the quotation marks).'
        ).format(letters=", ".join(letters), call=call, first=letters[0])
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
