"""A multiple-choice question: options a, b, c, …, with a word on each wrong pick."""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from string import ascii_lowercase
from typing import Any

from helpers.exercises.answers import Verdict, not_yet
from helpers.exercises.blank import MISSING, is_blank
from helpers.exercises.letters import read_letters
from helpers.exercises.look import NOT_ATTEMPTED, Feedback, Note
from helpers.exercises.question import Question
from helpers.i18n import N_, _


class ChoiceQuestion(Question):
    """Multiple choice: options a, b, c, …, one or more correct letters.

    ``options`` is a list of texts (lettered a, b, c, … in order) or a dict letter -> text.
    ``correct`` is a letter, or a list of letters when several options fit. ``explanations``
    maps a wrong letter to a sentence about the misconception behind it (not the answer).
    The learner answers with a letter (any case, spaces allowed), with the option's text, or
    with several letters ("a, c") when several fit.

    Example::

        q2 = ChoiceQuestion(
            "A customer scores you 4 out of 5. How likely is she to come back?",
            options=["Very likely: 4 is good", "Less likely than you think", "It cannot be said"],
            correct="b",
            explanations={"a": "Satisfied is not the same as loyal: ..."},
            why="Only the delighted come back reliably (Jones & Sasser 1995).")
    """

    kind = N_("multiple choice")

    def __init__(
        self,
        prompt: str,
        *,
        options: Sequence[str] | Mapping[str, str],
        correct: str | Sequence[str],
        explanations: Mapping[str, str] | None = None,
        hints: Sequence[str] = (),
        solution: str = "",
        why: str = "",
        name: str = "",
    ) -> None:
        super().__init__(prompt, hints=hints, solution=solution, why=why, name=name)
        self.options = _lettered(options)
        try:
            self.correct = read_letters(correct, self.options, self.call)
        except Verdict as verdict:
            raise ValueError(f"correct={correct!r} does not name an option: {verdict}") from None
        self.multiple = len(self.correct) > 1
        self.explanations = {
            str(k).strip().lower(): str(v) for k, v in (explanations or {}).items()
        }
        unknown = set(self.explanations) - set(self.options)
        if unknown:
            raise ValueError(f"explanations for options that do not exist: {sorted(unknown)}")

    def _repr_html_(self) -> str:
        listing = "\n".join(f"- **{k})** {v}" for k, v in self.options.items())
        body = f"{self.prompt}\n\n{listing}{self._how_to_answer()}"
        return Note("info", self._title(), body, _(self.kind))._repr_html_()

    def _how_to_answer(self) -> str:
        example = '"a, c"' if self.multiple else '"a"'
        return "\n\n" + _("Answer with the letter: `{call}.check({example})`.").format(
            call=self.call, example=example
        )

    def _check(self, answer: Any) -> Feedback:
        if answer is MISSING or is_blank(answer):
            raise Verdict(
                NOT_ATTEMPTED,
                _(
                    'Pick an option first: `{call}.check("a")` with the letter of '
                    "your choice, or use the buttons."
                ).format(call=self.call),
            )
        picked = read_letters(answer, self.options, self.call)
        if picked == self.correct:
            chosen = ", ".join(f"**{k})**" for k in sorted(picked))
            return self._correct(_("Yes: {chosen}.").format(chosen=chosen))
        if not self.multiple and len(picked) > 1:
            raise not_yet(_("Pick just one option: only one fits best."))
        wrong = sorted(picked - self.correct)
        explained = [f"**{k})** {self.explanations[k]}" for k in wrong if k in self.explanations]
        if self.multiple:
            raise not_yet("\n\n".join([self._several_picks(picked, wrong), *explained]))
        letter = wrong[0]
        if explained:
            raise not_yet(
                _("Not **{letter})**. {explanation}").format(
                    letter=letter, explanation=self.explanations[letter]
                )
            )
        raise not_yet(
            _(
                "Not **{letter})**. Read the options again and think about which one "
                "the course material supports."
            ).format(letter=letter)
        )

    def _several_picks(self, picked: frozenset[str], wrong: list[str]) -> str:
        """What is wrong with a set of picks when several options fit."""
        if not wrong:
            return _("Everything you picked fits, but another option fits too.")
        if picked & self.correct:
            return _("Not all of your picks fit.")
        return _("None of your picks fit.")

    def _default_solution(self) -> str:
        chosen = "\n".join(f"- **{k})** {self.options[k]}" for k in sorted(self.correct))
        text = _("The answer:") + f"\n\n{chosen}"
        return f"{text}\n\n{self.why}" if self.why else text

    def examples(self) -> tuple[Any, list[Any]]:
        """The correct letter(s); wrong: every other option (and other wrong combinations)."""
        right: Any = sorted(self.correct) if self.multiple else next(iter(self.correct))
        others = [k for k in self.options if k not in self.correct]
        wrongs: list[Any] = list(others)
        if self.multiple:
            wrongs.append(sorted(self.correct)[:-1])
            wrongs.append(list(self.options))
        if len(wrongs) < 2:
            wrongs.append(self.options[others[0]].upper())
        return right, wrongs

    def _answer_widgets(self) -> tuple[list[Any], Callable[[], Feedback]]:
        from helpers.exercises.buttons import choice_inputs

        return choice_inputs(self.options, self.multiple, self._check_picked)

    def _check_picked(self, picked: Any) -> Feedback:
        """The Check button's check: with nothing picked, point to the options above, not to
        the code."""
        if picked is None:
            words = (
                _("Tick one or more options above first, then press **Check my answer**.")
                if self.multiple
                else _("Click an option above first, then press **Check my answer**.")
            )
            return Feedback(self.name, NOT_ATTEMPTED, words)
        return self.check(picked)


def _lettered(options: Sequence[str] | Mapping[str, str]) -> dict[str, str]:
    """Options by letter: a dict as given (letters in lower case), a list lettered a, b, c, …"""
    if isinstance(options, Mapping):
        lettered = {str(k).strip().lower(): str(v) for k, v in options.items()}
    else:
        if len(options) > len(ascii_lowercase):
            raise ValueError("too many options")
        lettered = {ascii_lowercase[i]: str(text) for i, text in enumerate(options)}
    if len(lettered) < 2:
        raise ValueError("a multiple-choice question needs at least two options")
    return lettered
