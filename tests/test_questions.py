"""Every exercise in the course accepts its right answer and rejects at least two wrong ones."""

from __future__ import annotations

import importlib

import nbformat
import pytest

from helpers import PROJECT_DIR
from helpers.course import LESSONS

WITH_EXERCISES = [lesson for lesson in LESSONS if lesson.exercises is not None]
IDS = [lesson.notebook for lesson in WITH_EXERCISES]


@pytest.mark.parametrize("lesson", WITH_EXERCISES, ids=IDS)
def test_every_exercise_checks_right_and_wrong_answers(lesson):
    assert len(lesson.exercises) >= 4
    questions = importlib.import_module(
        f"helpers.lessons.{lesson.notebook.split('_', 1)[1]}.questions"
    )
    assert lesson.exercises.verify(questions.example_simulators()) == []


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
