"""What every kind of question shares: the prompt, hints, solution, check, tests and buttons."""

from __future__ import annotations

import copy
import re
from collections.abc import Callable, Sequence
from typing import Any, ClassVar

from helpers.exercises.answers import AuthorError, Verdict
from helpers.exercises.blank import MISSING
from helpers.exercises.look import CORRECT, INCORRECT, NOT_ATTEMPTED, Feedback, Note
from helpers.exercises.saved import remember
from helpers.i18n import N_, _, ngettext


def looks_like_code(text: str) -> bool:
    """True for a solution written as bare Python (shown as a code block)."""
    if "```" in text or not re.search(r"[=(]", text):
        return False
    try:
        compile(text, "<solution>", "exec")
    except (SyntaxError, ValueError):
        return False
    return True


class Question:
    """What every kind of question shares: the prompt, hints, solution, check and buttons.

    Parameters (keyword-only after ``prompt``, shared by every kind):

    prompt
        The question in plain words (Markdown allowed).
    hints
        Hints in the order they are given (Markdown allowed); the first is the gentlest.
    solution
        A worked answer (Markdown, or bare Python code which is then shown as code).
    why
        One or two sentences on why it matters, shown with a correct answer.
    name
        Short name such as ``"q1"``; :class:`~helpers.exercises.Exercises` fills it in from its
        keyword.
    """

    #: What kind of question this is, in words (marked with N_, translated where shown).
    kind: ClassVar[str] = N_("question")

    def __init__(
        self,
        prompt: str,
        *,
        hints: Sequence[str] = (),
        solution: str = "",
        why: str = "",
        name: str = "",
    ) -> None:
        if isinstance(hints, str):
            hints = [hints]
        self.prompt = str(prompt)
        self.hints: list[str] = [str(h) for h in hints]
        self.solution_text = str(solution)
        self.why = str(why)
        self.name = name
        #: Status of the last check ("correct", "incorrect", "not attempted"), None before.
        self.last_status: str | None = None
        #: True once any check has been correct (progress keeps what was earned).
        self.ever_correct = False
        self._hints_shown = 0
        self._prefix = "ex"

    # -- naming ----------------------------------------------------------------------------

    @property
    def call(self) -> str:
        """How the learner reaches this question in code, for example ``ex.q1``."""
        return f"{self._prefix}.{self.name}" if self.name else "question"

    def __repr__(self) -> str:
        return f"<{type(self).__name__} {self.name or '(unnamed)'}: {self.prompt[:60]!r}>"

    def _repr_html_(self) -> str:
        return Note(
            "info", self._title(), self.prompt + self._how_to_answer(), _(self.kind)
        )._repr_html_()

    def _title(self) -> str:
        """ "Question q1" (or just "Question" before it has a name)."""
        return _("Question {name}").format(name=self.name).strip()

    def _how_to_answer(self) -> str:
        return "\n\n" + _("When you are ready: `{call}.check(...)`.").format(call=self.call)

    # -- checking --------------------------------------------------------------------------

    def check(self, answer: Any = MISSING) -> Feedback:
        """Check an answer and return the feedback (which shows itself in a notebook).

        Never raises: odd answers give "incorrect" or "not attempted" with an explanation, and a
        failure in the exercise's own code gives a short "something went wrong on our side".
        """
        try:
            feedback = self._check(answer)
        except Verdict as verdict:
            feedback = self._feedback(verdict.status, verdict.message, verdict.detail)
        except AuthorError as error:
            feedback = self._trouble(str(error))
        except Exception as error:  # noqa: BLE001 - a learner must never see a traceback
            feedback = self._feedback(
                INCORRECT,
                _(
                    "I could not make sense of this answer. Compare it with what the question "
                    "asks for, or ask your trainer."
                ),
                f"{type(error).__name__}: {error}",
            )
        self.last_status = feedback.status
        self.ever_correct = self.ever_correct or feedback.status == CORRECT
        remember(self, feedback.status, bool(feedback.done))  # the course's progress file
        return feedback

    def _check(self, answer: Any) -> Feedback:  # pragma: no cover - every kind overrides it
        raise NotImplementedError

    def _feedback(self, status: str, message: str, detail: str = "") -> Feedback:
        if status == INCORRECT and self.hints and self._hints_shown < len(self.hints):
            message += "\n\n" + _("Stuck? `{call}.hint()` gives a hint.").format(call=self.call)
        return Feedback(self.name, status, message, detail)

    def _correct(self, message: str, qualifier: str = "") -> Feedback:
        if self.why:
            why = _("**Why it matters:** {why}").format(why=self.why)
            message = f"{message}\n\n{why}" if message else self.why
        return Feedback(self.name, CORRECT, message or _("Well done."), qualifier=qualifier)

    def _trouble(self, detail: str) -> Feedback:
        return Feedback(
            self.name,
            NOT_ATTEMPTED,
            _(
                "This is not about your answer: the exercise itself could not run its check. "
                "Please tell your trainer (the small print below helps them)."
            ),
            detail,
            trouble=True,
        )

    def _author(self, function: Callable[..., Any], *args: Any) -> Any:
        """Call the question author's code; turn its failure into an "our side" message."""
        try:
            return function(*args)
        except Exception as error:  # noqa: BLE001
            where = getattr(function, "__name__", None) or _("the exercise code")
            raise AuthorError(
                _("{question}: {where} raised {error}").format(
                    question=self.name or _("question"),
                    where=where,
                    error=f"{type(error).__name__}: {error}",
                )
            ) from error

    # -- hints and solution ----------------------------------------------------------------

    def hint(self, number: int | None = None) -> Note:
        """Show a hint: the next one, or hint ``number`` (counting from 1)."""
        if not self.hints:
            return self._hint_note(
                _("No hints for this question"),
                _("There are no hints here; `{call}.solution()` shows a worked answer.").format(
                    call=self.call
                ),
            )
        index = self._hints_shown if number is None else _hint_index(number)
        if number is not None and not 0 <= index < len(self.hints):
            return self._hint_note(_("No such hint"), self._which_hints())
        if index >= len(self.hints):
            return self._hint_note(
                _("No more hints"),
                _(
                    "That was the last hint. `{call}.solution()` (or the **Show solution** "
                    "button) shows a worked answer."
                ).format(call=self.call),
            )
        self._hints_shown = max(self._hints_shown, index + 1)
        title = _("Hint {number} of {total}").format(number=index + 1, total=len(self.hints))
        return Note("hint", title, self.hints[index], self.name)

    def _hint_note(self, title: str, text: str) -> Note:
        """A note about the hints themselves rather than a hint."""
        return Note("hint", title, text, self.name)

    def _which_hints(self) -> str:
        """Which hint numbers exist, as a sentence (a singular one when there is one hint)."""
        count = len(self.hints)
        if count == 1:
            return _("There is only one hint: `{call}.hint(1)`.").format(call=self.call)
        # The singular form is for languages that use it for counts such as 21.
        return ngettext(
            "There is {count} hint: try `{call}.hint(1)` up to `{call}.hint({count})`.",
            "There are {count} hints: try `{call}.hint(1)` up to `{call}.hint({count})`.",
            count,
        ).format(count=count, call=self.call)

    @property
    def hints_left(self) -> int:
        """How many hints have not been shown yet."""
        return max(0, len(self.hints) - self._hints_shown)

    def solution(self) -> Note:
        """Show the worked answer."""
        text = self.solution_text or self._default_solution()
        if looks_like_code(text):
            text = f"```python\n{text.strip()}\n```"
        return Note("solution", _("Solution"), text, self.name)

    def _default_solution(self) -> str:
        return _("There is no written solution for this one: ask your trainer.")

    def reset(self) -> None:
        """Forget hints shown, the results so far and anything recorded (a fresh start)."""
        self.last_status = None
        self.ever_correct = False
        self._hints_shown = 0

    # -- testing ---------------------------------------------------------------------------

    def examples(self) -> tuple[Any, list[Any]]:
        """A right answer and at least two wrong ones, for automatic tests of the course."""
        raise NotImplementedError  # pragma: no cover - every kind overrides it

    def verify(self, simulator: Any = None) -> list[str]:
        """Run :meth:`examples` through :meth:`check`; return a list of problems (empty = fine).

        Works on a copy, so a learner's hints, prediction and progress are left alone.
        """
        probe = copy.copy(self)
        label = self.name or self.prompt[:40]
        problems: list[str] = []
        try:
            right, wrongs = probe.examples()
        except Exception as error:  # noqa: BLE001
            return [f"{label}: examples() failed: {type(error).__name__}: {error}"]
        if len(wrongs) < 2:
            problems.append(f"{label}: examples() gives fewer than two wrong answers")
        result = probe._check_example(right, simulator)
        if result.status != CORRECT:
            problems.append(f"{label}: the right answer gives {result.status!r}: {result}")
        for wrong in wrongs:
            result = probe._check_example(wrong, simulator)
            if result.status == CORRECT or result.trouble:
                problems.append(f"{label}: the wrong answer {wrong!r} gives {result.status!r}")
        return problems

    def _check_example(self, example: Any, simulator: Any) -> Feedback:
        return self.check(example)

    # -- buttons ---------------------------------------------------------------------------

    def _answer_widgets(self) -> tuple[list[Any], Callable[[], Feedback]]:
        """Widgets shown above the buttons, and what the Check button does."""
        return [], self.check

    def buttons(self) -> Any:
        """An ipywidgets box: Check my answer, Hint (next each click), Show solution.

        "Show solution" asks for a second, confirming click, since hints come first. The box
        has attributes ``check_button``, ``hint_button``, ``solution_button`` and ``output``.
        """
        from helpers.exercises.buttons import question_buttons

        return question_buttons(self)


def _hint_index(number: Any) -> int:
    """The 0-based index of hint ``number`` (counting from 1); -1 for anything odd."""
    try:
        return int(number) - 1
    except (TypeError, ValueError, OverflowError):
        return -1
