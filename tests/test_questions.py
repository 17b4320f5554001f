"""Every exercise in the course accepts its right answer and rejects at least two wrong ones."""

from __future__ import annotations

import copy
import importlib

import nbformat
import pytest

from helpers import PROJECT_DIR
from helpers.exercises import CORRECT, TargetQuestion, ValueQuestion
from helpers.questions import BY_NOTEBOOK


@pytest.mark.parametrize("notebook", sorted(BY_NOTEBOOK))
def test_every_exercise_checks_right_and_wrong_answers(notebook):
    module = importlib.import_module(BY_NOTEBOOK[notebook])
    assert len(module.exercises) >= 4
    assert module.exercises.verify() == []


@pytest.mark.parametrize("notebook", sorted(BY_NOTEBOOK))
def test_every_target_question_builds_its_own_simulator(notebook):
    module = importlib.import_module(BY_NOTEBOOK[notebook])
    assert not hasattr(module, "example_simulators")
    for question in module.exercises:
        if isinstance(question, TargetQuestion):
            simulator = question.factory()
            assert set(question.right_settings) <= set(simulator.values()), question.name


@pytest.mark.parametrize("notebook", sorted(BY_NOTEBOOK))
def test_every_exercise_is_used_in_its_notebook(notebook):
    module = importlib.import_module(BY_NOTEBOOK[notebook])
    book = nbformat.read(PROJECT_DIR / "notebooks" / f"{notebook}.ipynb", as_version=4)
    code = "\n".join(c.source for c in book.cells if c.cell_type == "code")
    assert BY_NOTEBOOK[notebook] in code
    for name in module.exercises.names():
        assert f"ex.{name}." in code, f"{notebook} never shows exercise {name}"


def test_every_notebook_with_exercises_is_listed():
    for path in sorted((PROJECT_DIR / "notebooks").glob("*.ipynb")):
        source = path.read_text(encoding="utf-8")
        if "helpers.questions." in source:
            assert path.stem in BY_NOTEBOOK, f"{path.name} uses exercises not in BY_NOTEBOOK"


@pytest.mark.parametrize("notebook", sorted(BY_NOTEBOOK))
def test_near_misses_speak_of_rows_only_for_data(notebook):
    module = importlib.import_module(BY_NOTEBOOK[notebook])
    for question in module.exercises:
        if not isinstance(question, ValueQuestion):
            continue
        expected = question.expected()
        if isinstance(expected, bool) or not isinstance(expected, int | float):
            continue
        near = expected + 2 * max(question.tolerance, question.rel_tolerance * abs(expected))
        message = copy.copy(question).check(near).message
        assert "close, but not quite" in message, (question.name, message)
        assert ("rows" in message) == (question.source == "data"), (question.name, message)


def test_five_versus_four_accepts_the_rounded_answer():
    from helpers.questions.satisfaction import exercises

    question = copy.copy(exercises.q3)
    assert question.check(5).status == CORRECT and question.check(5).qualifier == "rounded"
    assert question.check(6).status != CORRECT
