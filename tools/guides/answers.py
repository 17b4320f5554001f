"""Each exercise of a lesson with its answer, worked out by the exercise engine itself.

Numbers are the ones a learner is told: a value question's answer to four significant digits
(the engine's "More exactly, it is …"), a prediction's "the simulator says …", and for a target the
engine's own verdict on the question's example settings.
"""

from __future__ import annotations

import copy
import math
import re
from dataclasses import dataclass, field
from typing import Any

import pandas as pd

from helpers.exercises import (
    ChoiceQuestion,
    Exercises,
    PredictQuestion,
    Question,
    TargetQuestion,
    ValueQuestion,
)
from helpers.exercises.answers import fmt, show, with_unit
from helpers.i18n import _
from tools.guides.notebook import Notebook


@dataclass(frozen=True)
class Answer:
    """One exercise as a trainer needs it: the question, its answer, and how to explain it."""

    name: str  #: "q1"
    kind: str  #: "predict then run", in the current language
    prompt: str  #: Markdown
    section: str  #: title of the section where the notebook asks it ("" if not found)
    answer: str  #: the answer in words (Markdown)
    accepted: str = ""  #: what else the check accepts
    example: str = ""  #: a target's example settings and the engine's verdict on them
    solution: str = ""
    why: str = ""
    options: dict[str, str] = field(default_factory=dict)
    correct: tuple[str, ...] = ()
    explanations: dict[str, str] = field(default_factory=dict)
    hints: tuple[str, ...] = ()

    @property
    def number(self) -> str:
        """ "1" for q1 (the notebook numbers its exercises the same way)."""
        digits = re.sub(r"\D", "", self.name)
        return digits or self.name


def answers(exercises: Exercises | None, notebook: Notebook) -> list[Answer]:
    """Every exercise of the lesson, in order, with its answer."""
    if exercises is None:
        return []
    return [_answer(question, notebook) for question in exercises]


def asked_in(question: Question, notebook: Notebook) -> str:
    """The title of the first section whose code calls the question (``ex.q1.…``)."""
    call = re.compile(re.escape(question.call) + r"\b")
    for section in notebook.sections:
        if any(call.search(code) for code in section.code):
            return section.title
    return ""


def _answer(question: Question, notebook: Notebook) -> Answer:
    common: dict[str, Any] = {
        "name": question.name,
        "kind": _(question.kind),
        "prompt": _(question.prompt),
        "section": asked_in(question, notebook),
        "solution": _(question.solution_text),
        "why": _(question.why),
        "hints": tuple(_(hint) for hint in question.hints),
    }
    if isinstance(question, ValueQuestion):
        return Answer(**common, **_value(question))
    if isinstance(question, PredictQuestion):
        return Answer(**common, **_prediction(question))
    if isinstance(question, ChoiceQuestion):
        return Answer(**common, **_choice(question))
    if isinstance(question, TargetQuestion):
        return Answer(**common, **_target(question))
    return Answer(**common, answer=_("See the solution."))


def four_digits(value: float) -> str:
    """A number as the engine's "More exactly, it is …" shows it (whole from 1000 on)."""
    return fmt(round(value)) if abs(value) >= 1000 else fmt(float(f"{value:.4g}"))


def _value(question: ValueQuestion) -> dict[str, str]:
    expected = question.expected()
    if isinstance(expected, pd.Series | pd.DataFrame):
        return {"answer": "```\n" + expected.round(3).to_string() + "\n```"}
    if isinstance(expected, bool | str):
        return {"answer": f"`{expected}`"}
    value = float(expected)
    return {"answer": _shown(question, value), "accepted": _accepted(question, value)}


def _shown(question: ValueQuestion, value: float) -> str:
    return show(value, is_share=True) if question.is_share else four_digits(value)


def _accepted(question: ValueQuestion, value: float) -> str:
    """What the check accepts besides the exact value, in words."""
    distance = max(question.tolerance, question.rel_tolerance * abs(value))
    said = []
    if distance >= 1e-3:
        low, high = (_bound(question, v, distance) for v in (value - distance, value + distance))
        said.append(_("anything from {low} to {high} counts").format(low=low, high=high))
    if question.accept_rounded_to is not None:
        rounded = fmt(round(value, question.accept_rounded_to))
        said.append(_("{rounded} counts too (rounded)").format(rounded=rounded))
    if question.also_accept is not None:
        low, high = (fmt(v) for v in question.also_accept)
        said.append(_("so does {low} to {high} (close enough)").format(low=low, high=high))
    return "; ".join(said)


def _bound(question: ValueQuestion, value: float, distance: float) -> str:
    """An end of the accepted range, to one digit finer than the tolerance: 13.5, 1198.5."""
    if question.is_share:
        return show(value, is_share=True)
    decimals = max(0, 1 - math.floor(math.log10(distance)))
    return fmt(round(value, decimals))


def _prediction(question: PredictQuestion) -> dict[str, str]:
    # What the learner is told "the simulator says": the engine's truth, rounded as shown.
    truth = question.shown_truth(float(question._truth()))
    unit = question.unit
    if question.is_share:
        within = _("{points} percentage points").format(
            points=fmt(round(question.tolerance * 100, 1))
        )
    else:
        within = with_unit(question.tolerance, unit)
    return {
        "answer": _("the simulator says {truth}").format(
            truth=show(truth, is_share=question.is_share, unit=unit)
        ),
        "accepted": _("a guess within {within} counts as good").format(within=within),
    }


def _choice(question: ChoiceQuestion) -> dict[str, Any]:
    correct = tuple(sorted(question.correct))
    options = {letter: _(text) for letter, text in question.options.items()}
    return {
        "answer": "; ".join(f"**{letter})** {options[letter]}" for letter in correct),
        "options": options,
        "correct": correct,
        "explanations": {k: _(v) for k, v in sorted(question.explanations.items())},
    }


def _target(question: TargetQuestion) -> dict[str, str]:
    goal = question.goal_text()
    if question.label:
        goal = f"{goal} {_(question.label)}"
    return {"answer": _("the goal: {goal}").format(goal=goal), "example": _example(question)}


def _example(question: TargetQuestion) -> str:
    """The engine's verdict on the question's own example settings (its right answer)."""
    if question.factory is None:
        return ""
    simulator = question.factory()
    start = simulator.values()
    simulator.set_values(**question.right_settings)
    verdict = copy.copy(question).check(simulator)  # a copy: the question's progress stays
    moved = [
        f"*{simulator.controls[key].description}* {fmt(value)}"
        for key, value in question.right_settings.items()
        if start.get(key) != value
    ]
    said = verdict.message.split("\n\n", 1)[0]
    return _("for example {settings}: “{said}”").format(settings=", ".join(moved), said=said)
