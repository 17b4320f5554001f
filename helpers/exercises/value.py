"""A value question: a number (or a small table, a yes/no, a short text) computed by the learner."""

from __future__ import annotations

import copy
from collections.abc import Mapping, Sequence
from typing import Any

import numpy as np
import pandas as pd

from helpers.exercises import tables
from helpers.exercises.answers import (
    AuthorError,
    Verdict,
    as_number,
    fmt,
    kind_of,
    not_yet,
    user_namespace,
)
from helpers.exercises.blank import MISSING, is_blank
from helpers.exercises.look import CORRECT, NOT_ATTEMPTED, Feedback
from helpers.exercises.mistakes import NamedMistakes, mix_up, other_way_round, share_problem
from helpers.exercises.question import Question
from helpers.i18n import N_, _

#: "Close, but not quite" is said when an answer is off by at most this many times what is
#: accepted (the larger of ``tolerance`` and ``rel_tolerance`` × the answer). Further off, the
#: learner is simply told it is not what the check gets: "close" must not mislead.
CLOSE_FACTOR = 3

#: What a "close" answer may have got wrong depends on where the number comes from: only a
#: number computed from a table of data can have "left out a few rows".
CLOSE_WORDS: dict[str, str] = {
    "data": N_(
        "Your answer is {answer}: close, but not quite. Did you round too early, or leave out a "
        "few rows?"
    ),
    "simulator": N_(
        "Your answer is {answer}: close, but not quite. Are the sliders exactly where the "
        "question says? Read the figures again."
    ),
    "other": N_("Your answer is {answer}: close, but not quite. Did you round too early?"),
}


class ValueQuestion(Question):
    """A number (or a small pandas Series/DataFrame, or a short text) computed from the data.

    ``answer`` is a zero-argument callable giving the expected answer (evaluated on the first
    check and cached) or the value itself. ``variable`` names the notebook variable holding the
    learner's answer, so ``check()`` needs no argument. ``tolerance`` is absolute and
    ``rel_tolerance`` relative: an answer counts when it is within either. ``is_share`` marks a
    share between 0 and 1 (mix-ups with percentages get a tailored message); ``non_negative``
    says the answer cannot be below zero. For tables, ``ignore_row_order`` accepts the right
    rows in any order.

    ``source`` says where the number comes from, so that the feedback on a near miss fits:
    ``"data"`` (computed from a table: "did you leave out a few rows?"), ``"simulator"`` (read
    off a simulator: "are the sliders where the question says?") or ``"other"`` (the default:
    "did you round too early?"). A near miss is an answer off by at most
    :data:`CLOSE_FACTOR` (3) times the accepted tolerance.

    Where the notebook's own text rounds ("about five times"), a rounded answer may count too,
    shown as "Correct (rounded)" with the more exact value:

    ``accept_rounded_to``
        A number of decimals (0: a whole number). An answer written with at most that many
        decimals that is the right answer rounded (off by at most half a unit of its last
        digit) also counts: with ``accept_rounded_to=0``, 5 counts for 5.18, 6 does not.
    ``also_accept``
        An explicit range ``(low, high)``: any answer in it also counts, shown as "Correct
        (close enough)". For a text that says "five or six times", ``also_accept=(5, 6)``.

    Foreseen wrong numbers get their own "Not yet" message:

    ``mistakes``
        A dict from a wrong value to the sentence explaining it, shown instead of the generic
        feedback when an answer that is not right matches that value (within the question's
        tolerance, or rounded as ``accept_rounded_to`` allows; the nearest wins). A value may be
        a zero-argument callable computing it, run at the first wrong answer, like ``answer``:
        ``mistakes={81: "81 is the CSAT when the problem *was* fixed; you need the column *if
        not*.", lambda: share_5 - share_4: "You subtracted; divide instead."}``.
        :meth:`examples` lists them as wrong answers, so :meth:`verify` checks each one.
    ``is_ratio``
        The answer is one figure divided by another: an answer within 5 % of 1/answer (whatever
        the tolerance) is told "you divided the other way round". ``is_ratio=True``.

    Example::

        q1 = ValueQuestion(
            "What share of the town's customers came back within a month?",
            answer=lambda: (visits.groupby("customer").size() > 1).mean(),
            variable="share_returned", is_share=True, tolerance=0.005,
            hints=["Count the customers who came back ...", "..."],
            solution="share_returned = ...",
            why="One in three coming back means ...")
    """

    kind = N_("value")

    def __init__(
        self,
        prompt: str,
        *,
        answer: Any,
        variable: str | None = None,
        tolerance: float = 1e-6,
        rel_tolerance: float = 1e-6,
        is_share: bool = False,
        non_negative: bool = False,
        ignore_row_order: bool = False,
        source: str = "other",
        accept_rounded_to: int | None = None,
        also_accept: tuple[float, float] | None = None,
        mistakes: Mapping[Any, str] | None = None,
        is_ratio: bool = False,
        hints: Sequence[str] = (),
        solution: str = "",
        why: str = "",
        name: str = "",
    ) -> None:
        super().__init__(prompt, hints=hints, solution=solution, why=why, name=name)
        self._answer = answer
        self.variable = variable
        self.tolerance = float(tolerance)
        self.rel_tolerance = float(rel_tolerance)
        self.is_share = is_share
        self.non_negative = non_negative or is_share
        self.ignore_row_order = ignore_row_order
        if source not in CLOSE_WORDS:
            raise ValueError(f"source={source!r}: use one of {', '.join(CLOSE_WORDS)}")
        self.source = source
        if accept_rounded_to is not None and int(accept_rounded_to) < 0:
            raise ValueError("accept_rounded_to is a number of decimals: 0 or more")
        self.accept_rounded_to = None if accept_rounded_to is None else int(accept_rounded_to)
        if also_accept is not None and not also_accept[0] <= also_accept[1]:
            raise ValueError("also_accept is a range (low, high) with low <= high")
        self.also_accept = also_accept
        self.mistakes = NamedMistakes(mistakes)
        self.is_ratio = is_ratio
        self._cache: Any = MISSING

    def _how_to_answer(self) -> str:
        if self.variable:
            return "\n\n" + _(
                "Put your answer in `{variable}`, run that cell, then `{call}.check()`."
            ).format(variable=self.variable, call=self.call)
        return super()._how_to_answer()

    def expected(self) -> Any:
        """The right answer (computed once, then cached). Raises if the author's code fails."""
        if self._cache is MISSING:
            value = self._answer() if callable(self._answer) else self._answer
            if isinstance(value, np.generic):
                value = value.item()
            self._cache = value
        return self._cache

    def _expected(self) -> Any:
        try:
            return self.expected()
        except Exception as error:  # noqa: BLE001
            raise AuthorError(
                _("{question}: the answer function raised {error}").format(
                    question=self.name or _("question"), error=f"{type(error).__name__}: {error}"
                )
            ) from error

    def _lookup(self) -> Any:
        """The learner's answer from the notebook variable (or a "not attempted" verdict)."""
        if not self.variable:
            raise Verdict(
                NOT_ATTEMPTED,
                _("Give me your answer in the brackets: `{call}.check(...)`.").format(
                    call=self.call
                ),
            )
        namespace = user_namespace()
        if namespace is None or self.variable not in namespace:
            raise Verdict(
                NOT_ATTEMPTED,
                _(
                    "I cannot find `{variable}` yet. Fill in `{variable} = ...` in the "
                    "cell above, run that cell (Shift+Enter), then check again."
                ).format(variable=self.variable),
            )
        return namespace[self.variable]

    def _check(self, answer: Any) -> Feedback:
        if answer is MISSING:
            answer = self._lookup()
        if answer is None:
            raise Verdict(NOT_ATTEMPTED, self._holds_nothing())
        if is_blank(answer):
            raise Verdict(NOT_ATTEMPTED, self._still_blank())
        expected = self._expected()
        if isinstance(expected, pd.Series | pd.DataFrame):
            return self._check_table(expected, answer)
        if isinstance(expected, str):
            return self._check_text(expected, answer)
        if isinstance(expected, bool):
            return self._check_yes_no(expected, answer)
        return self._check_number(float(expected), answer)

    def _holds_nothing(self) -> str:
        if self.variable:
            return _(
                "`{variable}` holds nothing yet (`None`): put your answer in it, run the cell, "
                "then check again."
            ).format(variable=self.variable)
        return _("Your answer holds nothing yet (`None`): put your answer in, then check again.")

    def _still_blank(self) -> str:
        if self.variable:
            return _(
                "The blank `____` in `{variable} = ____` is still there: replace it with your "
                "answer, run the cell, then check again."
            ).format(variable=self.variable)
        return _(
            "The blank `____` in the brackets is still there: replace it with your answer, "
            "then check again."
        )

    # -- numbers ---------------------------------------------------------------------------

    def _accepted_distance(self, expected: float) -> float:
        """How far from ``expected`` an answer may be and still count."""
        return max(self.tolerance, self.rel_tolerance * abs(expected))

    def _close(self, value: float, expected: float) -> bool:
        return abs(value - expected) <= self._accepted_distance(expected)

    def _check_number(self, expected: float, answer: Any) -> Feedback:
        value = as_number(answer)
        if self._close(value, expected):
            return self._correct(_("Yes: {answer}.").format(answer=fmt(value)))
        exactly = _("More exactly, it is {exact}.").format(exact=_more_exact(expected))
        if self._rounded(value, expected):
            message = _("Yes, rounded: {answer}.").format(answer=fmt(value))
            return self._correct(f"{message} {exactly}", qualifier=_("rounded"))
        if self._in_also_accepted(value):
            message = _("Yes: {answer} is close enough.").format(answer=fmt(value))
            return self._correct(f"{message} {exactly}", qualifier=_("close enough"))
        raise not_yet(self._diagnose(value, expected))

    def _rounded(self, value: float, expected: float) -> bool:
        """True when ``value`` is ``expected`` rounded to ``accept_rounded_to`` decimals."""
        digits = self.accept_rounded_to
        if digits is None or round(value, digits) != value:
            return False
        return abs(value - expected) <= 0.5 * 10.0**-digits * (1 + 1e-9)

    def _in_also_accepted(self, value: float) -> bool:
        return self.also_accept is not None and self.also_accept[0] <= value <= self.also_accept[1]

    def _accepts(self, value: float, expected: float) -> bool:
        """True when a number counts as correct, in any of the ways allowed."""
        return (
            self._close(value, expected)
            or self._rounded(value, expected)
            or self._in_also_accepted(value)
        )

    def _diagnose(self, value: float, expected: float) -> str:
        """What looks wrong about a number, without giving the expected value away."""
        return (
            self.mistakes.explain(value, self._matches, self.name)
            or (other_way_round(value, expected) if self.is_ratio else "")
            or share_problem(
                value,
                expected,
                is_share=self.is_share,
                non_negative=self.non_negative,
                close=self._close,
            )
            or mix_up(value, expected, self._close)
            or self._how_far(value, expected)
        )

    def _matches(self, value: float, mistake: float) -> bool:
        """True when ``value`` is the foreseen wrong value ``mistake`` (as an answer would be)."""
        return self._close(value, mistake) or self._rounded(value, mistake)

    def _how_far(self, value: float, expected: float) -> str:
        """Close (in words that fit where the number comes from), or not what the check gets."""
        if abs(value - expected) <= CLOSE_FACTOR * self._accepted_distance(expected):
            text = _(CLOSE_WORDS[self.source])
        else:
            text = _(
                "Your answer is {answer}; that is not what I get. Check your steps and try again."
            )
        return text.format(answer=fmt(value))

    # -- yes/no and text -------------------------------------------------------------------

    def _check_yes_no(self, expected: bool, answer: Any) -> Feedback:
        if isinstance(answer, str) and answer.strip().casefold() in {"true", "false", "yes", "no"}:
            raise not_yet(
                _("Write `True` or `False` without quotation marks (a yes/no value, not text).")
            )
        if not isinstance(answer, bool | np.bool_):
            raise not_yet(
                _("You need `True` or `False`; this is {kind}.").format(kind=kind_of(answer))
            )
        if bool(answer) == expected:
            return self._correct(_("Yes: `{answer}`.").format(answer=bool(answer)))
        raise not_yet(_("`{answer}` is not the right answer here.").format(answer=bool(answer)))

    def _check_text(self, expected: str, answer: Any) -> Feedback:
        if not isinstance(answer, str):
            raise not_yet(
                _("You need text (in quotation marks); this is {kind}.").format(
                    kind=kind_of(answer)
                )
            )

        def norm(text: str) -> str:
            return " ".join(text.split()).casefold()

        if norm(answer) == norm(expected):
            return self._correct(_("Yes: “{answer}”.").format(answer=answer.strip()))
        raise not_yet(
            _("“{answer}” is not the answer I expect.").format(answer=answer.strip()[:60])
        )

    # -- tables ----------------------------------------------------------------------------

    def _check_table(self, expected: pd.Series | pd.DataFrame, answer: Any) -> Feedback:
        exp_frame, ans_frame = tables.as_frames(expected, answer)
        rules = tables.TableRules(self.tolerance, self.rel_tolerance, self.ignore_row_order)
        is_series = isinstance(expected, pd.Series)
        problems = tables.compare(exp_frame, ans_frame, is_series, rules)
        if not problems:
            return self._correct(_("Yes: every value matches."))
        raise not_yet(" ".join(problems))

    # -- testing ---------------------------------------------------------------------------

    def examples(self) -> tuple[Any, list[Any]]:
        """The true answer, and wrong ones: scaled, sign-flipped or reshaped versions of it;
        for a number also the foreseen ``mistakes`` and, for a ratio, 1/answer."""
        right = self.expected()
        if isinstance(right, pd.DataFrame):
            return right.copy(), tables.wrong_frames(right)
        if isinstance(right, pd.Series):
            return right.copy(), tables.wrong_columns(right)
        if isinstance(right, str):
            return right, [right + " not", "something else entirely"]
        if isinstance(right, bool):
            return right, [not right, str(right)]
        value = float(right)
        candidates = [value * 1.5 + 1, -value - 1, value + 10 * self.tolerance + 1, value * 2 + 3]
        if self.is_share:
            candidates.insert(0, value * 100)
        if self.is_ratio and value:
            candidates.insert(0, 1 / value)
        wrongs = [c for c in candidates if not self._accepts(c, value)][:3]
        foreseen = [wrong for wrong, _text in self.mistakes.values(self.name)]
        return right, [*foreseen, *wrongs]

    def verify(self, simulator: Any = None) -> list[str]:
        """As :meth:`Question.verify`; also, each foreseen mistake must get its explanation."""
        problems = super().verify(simulator)
        if not self.mistakes:
            return problems
        probe, label = copy.copy(self), self.name or self.prompt[:40]
        try:
            expected, foreseen = probe.expected(), probe.mistakes.values(self.name)
        except Exception:  # noqa: BLE001 - already reported as a failure of examples()
            return problems
        if isinstance(expected, bool) or not isinstance(expected, int | float):
            return [*problems, f"{label}: mistakes= is for questions whose answer is a number"]
        for wrong, text in foreseen:
            feedback = probe.check(wrong)
            if feedback.status != CORRECT and text not in feedback.message:
                problems.append(f"{label}: the mistake {fmt(wrong)} does not get its explanation")
        return problems


def _more_exact(expected: float) -> str:
    """The right answer with four significant digits (whole numbers from 1000 on)."""
    if abs(expected) >= 1000:
        return fmt(round(expected))
    return fmt(float(f"{expected:.4g}"))
