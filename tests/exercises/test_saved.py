"""The learner's progress file: written only when a course question is checked with an answer,
kept across restarts and resets, never raising, and placed where the tests say."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from helpers.exercises import saved
from helpers.exercises.look import CORRECT, INCORRECT, NOT_ATTEMPTED
from helpers.lessons.satisfaction.questions import exercises as notebook_01


@pytest.fixture
def progress(tmp_path: Path):
    with saved.use_file(tmp_path / ".progress.json") as path:
        yield path


def test_the_default_file_sits_beside_the_notebooks_and_git_ignores_it():
    assert saved.DEFAULT_FILE.parent.name == "notebooks"
    ignored = (saved.DEFAULT_FILE.parents[1] / ".gitignore").read_text(encoding="utf-8")
    assert "notebooks/.progress.json" in ignored.splitlines()


def test_the_environment_and_use_file_move_it(tmp_path, monkeypatch):
    monkeypatch.setenv(saved.ENVIRONMENT, str(tmp_path / "elsewhere.json"))
    assert saved.progress_file() == tmp_path / "elsewhere.json"
    with saved.use_file(tmp_path / "inner.json"):
        assert saved.progress_file() == tmp_path / "inner.json"
    assert saved.progress_file() == tmp_path / "elsewhere.json"


def test_nothing_is_written_before_a_check(progress):
    notebook_01.reset()
    assert not progress.exists()
    assert saved.load() == {}


def test_a_check_with_an_answer_is_saved_under_its_notebook(progress):
    notebook_01.q6.check("b")
    notebook_01.q7.check("a")
    found = saved.load()["01_satisfaction"]
    assert found["q6"] == {
        "kind": "multiple choice",
        "status": CORRECT,
        "correct": True,
        "done": True,
    }
    assert found["q7"]["status"] == INCORRECT and not found["q7"]["done"]
    assert json.loads(progress.read_text(encoding="utf-8"))["version"] == saved.VERSION
    notebook_01.reset()


def test_a_check_without_an_answer_writes_nothing(progress):
    notebook_01.q2.check()  # no answer: not attempted
    assert not progress.exists()


def test_success_survives_a_reset_and_a_later_wrong_answer(progress):
    notebook_01.q6.check("b")
    notebook_01.reset()  # a notebook reset: the file keeps what was earned
    notebook_01.q6.check("a")
    row = saved.load()["01_satisfaction"]["q6"]
    assert row["status"] == INCORRECT and row["correct"] and row["done"]
    notebook_01.reset()


def test_a_checked_prediction_counts_as_done(progress):
    notebook_01.q1.predict(95)
    notebook_01.q1.check()  # far off: done, not correct
    row = saved.load()["01_satisfaction"]["q1"]
    assert row["done"] and not row["correct"]
    notebook_01.reset()


def test_the_courses_own_tests_of_a_question_write_nothing(progress):
    assert notebook_01.q6.verify() == []  # checks copies, which belong to no notebook
    assert not progress.exists()


def test_a_question_of_no_notebook_is_not_saved(progress):
    from helpers.exercises import ChoiceQuestion

    loose = ChoiceQuestion("?", options=["yes", "no"], correct="a")
    loose.check("a")
    assert saved.notebook_of(loose) == "" and not progress.exists()


def test_a_damaged_or_unwritable_file_never_breaks_a_check(tmp_path):
    broken = tmp_path / ".progress.json"
    broken.write_text("{ not json", encoding="utf-8")
    with saved.use_file(broken):
        assert saved.load() == {}
        assert notebook_01.q6.check("b").status == CORRECT  # and the file is rewritten whole
        assert saved.load()["01_satisfaction"]["q6"]["correct"]
    blocked = tmp_path / "a-file"
    blocked.write_text("", encoding="utf-8")
    with saved.use_file(blocked / ".progress.json"):  # its folder is a file: cannot write
        assert notebook_01.q6.check("b").status == CORRECT
        assert saved.save_result("01_satisfaction", "q6", "choice", CORRECT, True) is False
    notebook_01.reset()


def test_save_result_ignores_not_attempted_and_unknown_notebooks(progress):
    assert saved.save_result("01_satisfaction", "q2", "value", NOT_ATTEMPTED, False) is False
    assert saved.save_result("", "q2", "value", CORRECT, False) is False
    assert not progress.exists()


def test_every_course_question_is_found_in_its_notebook():
    from helpers.course import LESSONS

    for lesson in LESSONS:
        for question in lesson.exercises or ():
            assert saved.notebook_of(question) == lesson.notebook, (lesson.notebook, question)


def test_a_notebooks_progress_remembers_earlier_sessions(progress):
    """A fresh session (the questions reset) still shows what the file kept: correct stays
    correct, a checked prediction stays done, the last status of the rest is shown."""
    from helpers.lessons.putting_it_together.questions import exercises as notebook_05

    notebook_01.q6.check("b")
    notebook_01.q7.check("a")
    saved.save_result("05_putting_it_together", "q1", "predict then run", INCORRECT, True)
    notebook_01.reset()  # as a new kernel: nothing checked in this session
    rows = {row.name: row for row in notebook_01.progress().rows}
    assert rows["q6"].earned and rows["q6"].counts
    assert rows["q7"].status == INCORRECT and not rows["q7"].counts
    assert rows["q1"].status is None
    assert notebook_01.progress().done == 1
    five = {row.name: row for row in notebook_05.progress().rows}
    assert five["q1"].counts and five["q1"].done == "Done (earlier)"
    assert "Done (earlier)" in str(notebook_05.progress())
