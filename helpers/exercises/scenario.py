"""A scenario: the learner chooses what to do; no option is wrong, the feedback is what follows.

For drills such as "a customer brings back a broken item past its warranty: what do you do?".
Every option is a legitimate choice; the point is to see its consequences, which the question's
``outcome`` computes (usually by running a simulator for that choice). A choice is recorded as
done (status ``"correct"``, shown as "Your choice: b)"), so progress counts it; a missing choice
is "not attempted"; an answer that is no option, or several at once, is "not yet".
"""

from __future__ import annotations

import copy
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from helpers.exercises.answers import AuthorError, Verdict, not_yet
from helpers.exercises.blank import MISSING, is_blank
from helpers.exercises.choice import _lettered
from helpers.exercises.letters import read_letters
from helpers.exercises.look import CORRECT, NOT_ATTEMPTED, Feedback, Note
from helpers.exercises.question import Question
from helpers.i18n import N_, _


@dataclass(frozen=True)
class Outcome(Feedback):
    """The feedback on a scenario choice: headed "Your choice: b)" rather than "Correct"."""

    choice: str = ""

    def _look(self) -> tuple[str, str, str]:
        if self.trouble or self.status != CORRECT:
            return super()._look()
        return "✔", _("Your choice: {letter})").format(letter=self.choice), "correct"


class ScenarioQuestion(Question):
    """A scenario with options a, b, c, …, none of them wrong: the feedback is the outcome.

    ``options`` is a list of texts (lettered a, b, c, … in order) or a dict letter -> text.
    ``outcome`` is a callable taking the chosen letter and returning Markdown that says what
    follows from that choice (the simulated cost, who comes back, ...). The learner answers with
    one letter (any case), with the option's text, or with the buttons.

    Example::

        q9 = ScenarioQuestion(
            "A customer brings back a kettle that broke a month after its warranty. You ...",
            options=["refund her", "repair it free", "refuse"],
            outcome=lambda letter: f"Expected cost over two years: {costs[letter]:.0f}.",
            why="Each answer has a price; the cheapest today is not always the cheapest.")

        ex.q9.check("b")    # ✔ Your choice: b) ... and what it leads to
    """

    kind = N_("scenario")

    def __init__(
        self,
        prompt: str,
        *,
        options: Sequence[str] | Mapping[str, str],
        outcome: Callable[[str], str],
        hints: Sequence[str] = (),
        solution: str = "",
        why: str = "",
        name: str = "",
    ) -> None:
        super().__init__(prompt, hints=hints, solution=solution, why=why, name=name)
        self.options = _lettered(options)
        if not callable(outcome):
            raise TypeError("outcome must be a callable taking the chosen letter")
        self._outcome = outcome
        #: The letter of the last choice, or None.
        self.choice: str | None = None

    def _repr_html_(self) -> str:
        listing = "\n".join(f"- **{k})** {v}" for k, v in self.options.items())
        body = f"{self.prompt}\n\n{listing}{self._how_to_answer()}"
        return Note("info", self._title(), body, _(self.kind))._repr_html_()

    def _how_to_answer(self) -> str:
        return "\n\n" + _(
            'No option is wrong: choose what you would do, `{call}.check("a")`, and see what '
            "follows."
        ).format(call=self.call)

    def outcome_of(self, letter: str) -> str:
        """What follows from choosing ``letter`` (Markdown); an "our side" error if it fails."""
        text = self._author(self._outcome, letter)
        if not isinstance(text, str) or not text.strip():
            raise AuthorError(
                _("{question}: the outcome of {letter}) is empty").format(
                    question=self.name or _("question"), letter=letter
                )
            )
        return text

    def _check(self, answer: Any) -> Feedback:
        if answer is MISSING or is_blank(answer):
            raise Verdict(
                NOT_ATTEMPTED,
                _(
                    'Choose what you would do first: `{call}.check("a")` with the letter of '
                    "your choice, or use the buttons."
                ).format(call=self.call),
            )
        picked = read_letters(answer, self.options, self.call)
        if len(picked) > 1:
            raise not_yet(_("Choose just one: in the shop you can only do one thing."))
        letter = next(iter(picked))
        text = self.outcome_of(letter)
        self.choice = letter
        chosen = _("**You chose {letter})** {option}.").format(
            letter=letter, option=self.options[letter].rstrip(".")
        )
        message = f"{chosen}\n\n{text}"
        if self.why:
            message += "\n\n" + _("**Why it matters:** {why}").format(why=self.why)
        return Outcome(self.name, CORRECT, message, choice=letter)

    def _default_solution(self) -> str:
        lines = [_("There is no wrong choice here. What each one leads to:")]
        for letter, option in self.options.items():
            lines.append(f"- **{letter})** {option}: {self.outcome_of(letter)}")
        return "\n".join(lines)

    def reset(self) -> None:
        super().reset()
        self.choice = None

    def examples(self) -> tuple[Any, list[Any]]:
        """A choice as the right answer; no option, an unknown letter and two at once as wrong
        ones (:meth:`verify` also tries every option)."""
        letters = list(self.options)
        unknown = next(c for c in "zyxwvutsrq" if c not in self.options)
        return letters[0], [unknown, f"{letters[0]}, {letters[1]}"]

    def verify(self, simulator: Any = None) -> list[str]:
        """As for every question, and every option must give its outcome (never an error)."""
        problems = super().verify(simulator)
        probe = copy.copy(self)
        label = self.name or self.prompt[:40]
        for letter in self.options:
            result = probe.check(letter)
            if result.status != CORRECT or result.trouble:
                problems.append(f"{label}: option {letter} gives {result.status!r}: {result}")
        return problems

    def _answer_widgets(self) -> tuple[list[Any], Callable[[], Feedback]]:
        from helpers.exercises.buttons import choice_inputs

        return choice_inputs(self.options, False, self.check)
