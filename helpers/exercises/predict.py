"""Predict, then run: the learner records a guess first, then compares it with the simulator."""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from typing import Any

from helpers.exercises.answers import (
    Unit,
    Verdict,
    as_author_number,
    as_number,
    fmt,
    plural_count,
    read_share_guess,
    show,
)
from helpers.exercises.blank import MISSING, is_blank
from helpers.exercises.look import INCORRECT, NOT_ATTEMPTED, PREDICTED, Feedback, Note
from helpers.exercises.question import Question
from helpers.i18n import N_, _, ngettext


class PredictQuestion(Question):
    """Predict, then run: the learner records a guess, then sees what the model says.

    ``truth`` is a zero-argument callable (the simulator or model) giving a number. A guess
    within ``tolerance`` (absolute, in the same units) counts as correct. Any other checked
    guess counts as **done** ("✔ Predicted", with how far off it was): predicting is the
    exercise, and a surprise is its point, so it is never a failure. The check shows the true
    value rounded as the learner can see it (to the decimals the tolerance needs, or three
    significant figures without a tolerance: "about 13 points", never "13.3891"), and judges
    the guess against that shown value, so the words and the numbers agree. Once a check has
    shown the true value, a new guess (``predict``, ``check(guess)`` or the Record button) no
    longer replaces the recorded one, ``check`` keeps judging it until ``reset()``, and no hint
    is offered any more.
    With ``is_share=True`` the value is a share shown as a percentage (``truth`` and
    ``tolerance`` are shares, 0 to 1), and a guess is read by one rule, told to the learner
    with the question: a number with a decimal point from 0 to 1 is a share (0.4 means 40 %);
    any other number is a percentage (40 means 40 %, 1 means 1 %); a % sign always means a
    percentage ("50 %"). See :func:`~helpers.exercises.answers.read_share_guess`.
    ``unit`` labels other numbers: one word ("min") or
    a pair (singular, plural) such as ``("customer", "customers")``, so that "1 customer" and
    "5 customers" both read right.

    Example::

        q3 = PredictQuestion(
            "If the wait doubles, what share of customers will come back?",
            truth=lambda: town.simulate(wait=20).share_returned,
            tolerance=0.10, is_share=True,
            why="Waiting hurts more than you expect: ...")

        ex.q3.predict(40)   # "Your prediction is recorded: 40 %. Now run the simulator cell."
        ex.q3.check()       # "You predicted 40 %; the simulator says 62 %: 22 points off."
    """

    kind = N_("predict then run")

    def __init__(
        self,
        prompt: str,
        *,
        truth: Callable[[], Any],
        tolerance: float,
        is_share: bool = False,
        unit: Unit = "",
        after_predict: str = N_("Now run the simulator cell, then check your guess."),
        hints: Sequence[str] = (),
        solution: str = "",
        why: str = "",
        name: str = "",
    ) -> None:
        super().__init__(prompt, hints=hints, solution=solution, why=why, name=name)
        self._truth = truth
        self.tolerance = float(tolerance)
        self.is_share = is_share
        self.unit = unit
        self.after_predict = after_predict
        #: The recorded guess (shares as a share, 0 to 1), or None.
        self.prediction: float | None = None
        #: The true value a check has shown (the guess is then locked in), or None.
        self.revealed: float | None = None

    def _how_to_answer(self) -> str:
        if self.is_share:
            text = _(
                "First record your guess as a percentage: `{call}.predict(40)` means 40 %. "
                "A number with a decimal point from 0 to 1 is read as a share: 0.4 also means "
                "40 %, while 1 means 1 %. Then run the simulator and `{call}.check()`."
            )
        else:
            text = _(
                "First record your guess: `{call}.predict(...)`. "
                "Then run the simulator and `{call}.check()`."
            )
        return "\n\n" + text.format(call=self.call)

    def _show(self, value: float) -> str:
        return show(value, is_share=self.is_share, unit=self.unit)

    def _read_guess(self, value: Any, *, percent: bool = False) -> float:
        """The guess as a number (a share from 0 to 1 for a share: see the class)."""
        if self.is_share:
            return read_share_guess(value, percent=percent)
        return as_number(value)

    def predict(self, value: Any = MISSING, *more: Any, **named: Any) -> Note | Feedback:
        """Record the learner's guess and show it back.

        A later call replaces the guess until a check has shown the true value; after that the
        first guess stays (until ``reset()``) and a note says so. ``predict(13, 4)`` (a decimal
        comma) is read as the pair (13, 4), which gets its own plain words; nothing raises.
        """
        if self.revealed is not None:
            return self._stays()
        if named:
            return Feedback(self.name, INCORRECT, self._one_guess_only())
        if more:
            value = (value, *more)
        if value is MISSING or is_blank(value):
            return Feedback(
                self.name,
                NOT_ATTEMPTED,
                _("Put your guess in the brackets: `{call}.predict(...)`.").format(call=self.call),
            )
        try:
            guess = self._read_guess(value)
        except Verdict as verdict:
            return Feedback(self.name, verdict.status, verdict.message)
        return self._record(guess)

    def _one_guess_only(self) -> str:
        return _("Put only your guess in the brackets, as a number: `{call}.predict(20)`.").format(
            call=self.call
        )

    def check(self, answer: Any = MISSING, *more: Any, **named: Any) -> Feedback:
        """As :meth:`Question.check`; ``check(13, 4)`` is read as the pair (13, 4), and a
        named argument gets plain words: nothing a learner types raises."""
        if named:
            feedback = Feedback(self.name, INCORRECT, self._one_guess_only())
            self.last_status = feedback.status
            return feedback
        return super().check((answer, *more) if more else answer)

    def _record(self, guess: float) -> Note:
        self.prediction = guess
        text = _("Your prediction is recorded: {guess}.").format(guess=self._show(guess))
        return Note(
            "prediction", _("Prediction recorded"), text + " " + _(self.after_predict), self.name
        )

    def _stays_text(self) -> str:
        """Why a new guess is not recorded after the true value was shown."""
        return _(
            "You predicted {guess} before seeing the answer ({truth}); that prediction stays. "
            "Run `{call}.reset()` to start this question again."
        ).format(
            guess=self._show(self.prediction),  # type: ignore[arg-type]
            truth=self._show(self.shown_truth(self.revealed)),  # type: ignore[arg-type]
            call=self.call,
        )

    def _stays(self) -> Note:
        return Note("prediction", _("Your prediction stays"), self._stays_text(), self.name)

    def _new_guess(self, answer: Any) -> str:
        """Record a guess given to ``check``; once locked in, the words on why it is not."""
        if self.revealed is not None and self.prediction is not None:
            try:
                same = abs(self._read_guess(answer) - self.prediction) < 1e-9
            except Exception:  # noqa: BLE001 - an odd new guess is simply not the same one
                same = False
            return "" if same else self._stays_text()
        if is_blank(answer):
            raise Verdict(
                NOT_ATTEMPTED, _("Make your prediction first: put your guess in the brackets.")
            )
        self.prediction = self._read_guess(answer)
        return ""

    def _check(self, answer: Any) -> Feedback:
        stays = "" if answer is MISSING else self._new_guess(answer)
        if self.prediction is None:
            raise Verdict(
                NOT_ATTEMPTED,
                _(
                    "Make your prediction first: `{call}.predict(...)`, "
                    "then run the simulator and check."
                ).format(call=self.call),
            )
        truth = as_author_number(self.name, self._author(self._truth), _("the simulator"))
        self.revealed = truth
        return self._compare(self.prediction, truth, stays)

    def decimals(self, truth: float) -> int:
        """How many decimals ``truth`` is shown with (in percent for a share): as many as the
        tolerance needs (3 points: none; 0.5: one), or three significant figures without one."""
        scale = 100 if self.is_share else 1
        tolerance, size = self.tolerance * scale, abs(truth) * scale
        if tolerance > 0:
            return max(0, -math.floor(math.log10(tolerance)))
        return max(0, 2 - math.floor(math.log10(size))) if size > 0 else 0

    def shown_truth(self, truth: float) -> float:
        """The true value as the learner is shown it (see :meth:`decimals`)."""
        scale = 100 if self.is_share else 1
        return round(truth * scale, self.decimals(truth)) / scale

    def _compare(self, guess: float, truth: float, stays: str = "") -> Feedback:
        """The guess against the truth as shown: a good guess within the tolerance, otherwise
        done, with how far off and which way (never "not yet": the guess is locked in, and no
        hint is offered).

        ``stays`` (a note that a newer guess was not recorded) comes first when given.
        """
        shown = self.shown_truth(truth)
        gap = abs(guess - shown)
        off, within = self._distance(gap), self._distance(self.tolerance)
        words = (
            _("You predicted {guess}; the simulator says {truth}.")
            if abs(shown - truth) < 1e-9
            else _("You predicted {guess}; the simulator says about {truth}.")
        )
        said = words.format(guess=self._show(guess), truth=self._show(shown))
        if stays:
            said = f"{stays}\n\n{said}"
        if min(gap, abs(guess - truth)) <= self.tolerance:
            good = _("Only {off} off: a good guess (within {within}).")
            return self._correct(f"{said} {good.format(off=off, within=within)}")
        if guess > shown:
            how = _("That is {off} too high (a good guess is within {within}).")
        else:
            how = _("That is {off} too low (a good guess is within {within}).")
        surprised = _("Surprised? That is the point of predicting first.")
        message = f"{said} {how.format(off=off, within=within)} {surprised}"
        if self.why:
            message += "\n\n" + _("**Why it matters:** {why}").format(why=self.why)
        qualifier = _("{off} off").format(off=off)
        return Feedback(self.name, INCORRECT, message, qualifier=qualifier, done=PREDICTED)

    def progress_note(self) -> str:
        """How the progress table shows this question once checked and not within the
        tolerance: "Predicted (6 points off)"; empty otherwise."""
        if self.revealed is None or self.prediction is None or self.ever_correct:
            return ""
        off = self._distance(abs(self.prediction - self.shown_truth(self.revealed)))
        return _("Predicted ({off} off)").format(off=off)

    def _distance(self, distance: float) -> str:
        """A distance between two values in words: "22 percentage points", "1 customer"."""
        if not self.is_share:
            return self._show(distance)
        points = round(distance * 100, 1)
        return ngettext(
            "{points} percentage point", "{points} percentage points", plural_count(points)
        ).format(points=fmt(points))

    def reset(self) -> None:
        super().reset()
        self.prediction = None
        self.revealed = None

    def _check_example(self, example: Any, simulator: Any) -> Feedback:
        """Each example is a fresh guess (``verify`` works on a copy of the question)."""
        self.prediction = self.revealed = None
        return self.check(example)

    def examples(self) -> tuple[Any, list[Any]]:
        """The true value as the right guess; two guesses well outside the tolerance."""
        truth = as_author_number(self.name, self._truth(), _("the simulator"))
        step = max(3 * self.tolerance, 0.3 if self.is_share else abs(truth) * 0.5 + 1)
        if self.is_share:
            lower, upper = truth - step, truth + step
            far = [
                v
                for v in (lower, upper, 0.0, 1.0)
                if 0 <= v <= 1 and abs(v - truth) > self.tolerance
            ]
            return truth, far[:2]
        return truth, [truth + step, truth - step]

    def _answer_widgets(self) -> tuple[list[Any], Callable[[], Feedback]]:
        from helpers.exercises.buttons import prediction_panel

        label = _("My guess (%)") if self.is_share else self._guess_label()
        return [prediction_panel(label, self._record_from_box)], self.check

    def _guess_label(self) -> str:
        """The label of the number box: "My guess (customers)"."""
        if not self.unit:
            return _("My guess")
        unit = _(self.unit) if isinstance(self.unit, str) else ngettext(*self.unit, 2)
        return _("My guess ({unit})").format(unit=unit)

    def _record_from_box(self, value: float) -> Note | Feedback:
        """Record a guess typed in the number box (a percentage for a share)."""
        if self.revealed is not None:
            return self._stays()
        try:
            return self._record(self._read_guess(value, percent=True))
        except Verdict as verdict:
            return Feedback(self.name, verdict.status, verdict.message)
        except Exception as error:  # noqa: BLE001 - never a traceback for a click
            return self._trouble(f"{type(error).__name__}: {error}")
