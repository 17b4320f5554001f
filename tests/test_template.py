"""The template a new lesson starts from works like a real lesson, and copies cleanly."""

from __future__ import annotations

from pathlib import Path

import pytest

from helpers.lessons.template.lesson import LESSON
from helpers.lessons.template.model import GREETED, greeting_outcome
from tools.new_lesson import TEMPLATE_NOTEBOOK, plan
from tools.notebooks import from_text, run


def test_the_template_has_one_exercise_of_each_kind():
    kinds = {type(q).__name__ for q in LESSON.exercises}
    assert kinds == {"ValueQuestion", "ChoiceQuestion", "PredictQuestion", "TargetQuestion"}
    assert LESSON.exercises.verify() == []


@pytest.mark.parametrize("greeted", GREETED.test_points())
def test_the_template_model_at_every_slider_end(greeted):
    outcome = greeting_outcome(greeted)
    assert outcome.coming_back + outcome.staying_away == pytest.approx(100)


def test_the_templates_claims():
    """'From 20 (nobody greeted) to 30 (everyone greeted) of 100'; '25 at the starting setting'."""
    assert greeting_outcome(0).coming_back == pytest.approx(20)
    assert greeting_outcome(100).coming_back == pytest.approx(30)
    assert round(greeting_outcome().coming_back) == 25
    sim = LESSON.simulations[0].factory()
    sim.set_values(greeted=80)
    assert sim.chart_data()[0] >= 28  # exercise 4's solution


def test_the_template_notebook_runs_top_to_bottom(tmp_path: Path):
    book = from_text(TEMPLATE_NOTEBOOK)
    run(book, folder=tmp_path)  # raises, naming the cell, if any cell fails or warns


def test_a_new_lesson_copies_without_a_trace_of_the_template(tmp_path: Path):
    files = plan("06_complaints", root=tmp_path)
    assert tmp_path / "notebooks" / "src" / "06_complaints.md" in files
    assert tmp_path / "helpers" / "lessons" / "complaints" / "lesson.py" in files
    for text in files.values():
        assert "helpers.lessons.template" not in text
    assert 'notebook="06_complaints"' in files[tmp_path / "helpers/lessons/complaints/lesson.py"]


def test_a_bad_lesson_name_is_explained():
    with pytest.raises(ValueError, match="like 06_complaints"):
        plan("Complaints")
