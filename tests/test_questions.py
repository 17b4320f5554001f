"""Every exercise in the course accepts its right answer and rejects at least two wrong ones."""

from __future__ import annotations

import copy

import nbformat
import pytest

from helpers import PROJECT_DIR
from helpers.course import LESSONS
from helpers.exercises import CORRECT, TargetQuestion, ValueQuestion

WITH_EXERCISES = [lesson for lesson in LESSONS if lesson.exercises is not None]
IDS = [lesson.notebook for lesson in WITH_EXERCISES]


@pytest.mark.parametrize("lesson", WITH_EXERCISES, ids=IDS)
def test_every_exercise_checks_right_and_wrong_answers(lesson):
    assert len(lesson.exercises) >= 4
    assert lesson.exercises.verify() == []


@pytest.mark.parametrize("lesson", WITH_EXERCISES, ids=IDS)
def test_every_target_question_builds_its_own_simulator(lesson):
    for question in lesson.exercises:
        if isinstance(question, TargetQuestion):
            simulator = question.factory()
            assert set(question.right_settings) <= set(simulator.values()), question.name


@pytest.mark.parametrize("lesson", WITH_EXERCISES, ids=IDS)
def test_every_exercise_is_used_in_its_notebook(lesson):
    book = nbformat.read(PROJECT_DIR / "notebooks" / f"{lesson.notebook}.ipynb", as_version=4)
    code = "\n".join(c.source for c in book.cells if c.cell_type == "code")
    assert "import exercises as ex" in code
    for name in lesson.exercises.names():
        assert f"ex.{name}." in code, f"{lesson.notebook} never shows exercise {name}"


def test_every_notebook_is_a_lesson():
    stems = {path.stem for path in (PROJECT_DIR / "notebooks").glob("*.ipynb")}
    assert stems == {lesson.notebook for lesson in LESSONS}


@pytest.mark.parametrize("lesson", WITH_EXERCISES, ids=IDS)
def test_near_misses_speak_of_rows_only_for_data(lesson):
    for question in lesson.exercises:
        if not isinstance(question, ValueQuestion):
            continue
        expected = question.expected()
        if isinstance(expected, bool) or not isinstance(expected, int | float):
            continue
        near = expected + 2 * max(question.tolerance, question.rel_tolerance * abs(expected))
        message = copy.copy(question).check(near).message
        assert "close, but not quite" in message, (question.name, message)
        assert ("rows" in message) == (question.source == "data"), (question.name, message)


def test_the_ratio_question_accepts_a_whole_number():
    from helpers.lessons.satisfaction.questions import exercises

    question = copy.copy(exercises.q3)
    exact = question.expected()
    assert question.check(round(exact)).status == CORRECT
    assert question.check(round(exact) + 1).status != CORRECT
