"""Tests for helpers.exercises.collection: questions, progress, the examples() contract."""

from __future__ import annotations

import pytest
from sample_questions import (
    FakeSimulator,
    html_text,
)

from helpers.exercises import (
    CORRECT,
    INCORRECT,
    NOT_ATTEMPTED,
    Exercises,
    TargetQuestion,
    ValueQuestion,
)


def test_exercises_collection(ex: Exercises) -> None:
    assert ex.names() == ["q1", "q2", "q3", "q4", "q5"]
    assert len(ex) == 5
    assert [q.name for q in ex] == ex.names()
    assert ex.q2 is ex["q2"]
    assert "q3" in dir(ex)
    with pytest.raises(AttributeError, match="the questions are"):
        _ = ex.q7
    assert ex.q1.call == "ex.q1"
    assert "`ex.q1.hint()`" in ex.q1.check(0.9).message
    assert "share_returned" in html_text(ex.q1)


def test_progress_table(ex: Exercises) -> None:
    assert ex.progress().correct == 0
    ex.q1.check(0.3846)
    ex.q2.check("a")
    ex.q3.check()
    progress = ex.progress()
    assert [row.status for row in progress.rows] == [
        CORRECT,
        INCORRECT,
        NOT_ATTEMPTED,
        None,
        None,
    ]
    assert "1 of 5 done" in str(progress)
    page = progress._repr_html_()
    assert "✔" in page and "➜" in page and "Not tried yet" in page
    frame = progress.to_frame()
    assert list(frame.columns) == ["question", "kind", "status", "correct", "done"]
    assert frame["status"].tolist()[-1] == "not tried yet"
    assert frame["correct"].tolist() == [True, False, False, False, False]
    ex.reset()
    assert ex.progress().correct == 0 and ex.q3.prediction is None


def test_progress_keeps_a_correct_answer_after_later_tries(ex: Exercises) -> None:
    ex.q1.check(0.3846)
    ex.q1.check(0.9)  # trying something else after getting it right
    ex.q2.check("b")
    ex.q2.check("a")
    ex.q5.check(None)
    progress = ex.progress()
    assert progress.correct == 2
    assert str(progress).startswith("2 of 5 done: keep going!")
    lines = str(progress).splitlines()
    assert "✔" in lines[1] and lines[1].endswith("Correct (earlier)")
    assert lines[2].endswith("Correct (earlier)")
    assert "Correct (earlier)" in progress._repr_html_()
    assert progress.to_frame()["correct"].tolist()[:2] == [True, True]
    ex.q1.check(0.3846)  # right again: plainly correct
    assert str(ex.progress()).splitlines()[1].endswith("✔ q1       value              Correct")


def test_progress_tells_not_tried_from_tried_blank(ex: Exercises) -> None:
    ex.q1.check(None)  # checked, but the variable holds nothing
    lines = str(ex.progress()).splitlines()
    assert lines[1].startswith("  ✎ q1") and lines[1].endswith("Not answered yet")
    for line in lines[2:]:
        assert line.startswith("  · ") and line.endswith("Not tried yet")
    page = ex.progress()._repr_html_()
    assert "not checked yet" not in page and "Not attempted yet" not in page
    assert "Result" in page and "Last check" not in page


def test_reset_forgets_what_was_earned(ex: Exercises) -> None:
    ex.q1.check(0.3846)
    ex.q1.check(0.9)
    ex.q2.check("b")
    ex.q1.reset()
    assert ex.progress().correct == 1
    assert str(ex.progress()).splitlines()[1].endswith("Not tried yet")
    ex.reset()
    assert ex.progress().correct == 0
    assert all(row.status is None and not row.earned for row in ex.progress().rows)


def test_examples_contract(ex: Exercises) -> None:
    sim = FakeSimulator()
    for question in ex:
        right, wrongs = question.examples()
        assert len(wrongs) >= 2, question.name
        if isinstance(question, TargetQuestion):
            sim.set_values(**right)
            assert question.check(sim).status == CORRECT
            for wrong in wrongs:
                sim.set_values(**wrong)
                assert question.check(sim).status == INCORRECT
        else:
            question.reset()  # a prediction stays once checked: each example is a fresh start
            assert question.check(right).status == CORRECT, question.name
            for wrong in wrongs:
                question.reset()
                assert question.check(wrong).status == INCORRECT, (question.name, wrong)
    assert ex.verify(FakeSimulator()) == []
    assert ex.verify({"q4": FakeSimulator()}) == []


def test_verify_leaves_learner_state_alone(ex: Exercises) -> None:
    ex.q3.predict(10)
    ex.q1.hint()
    sim = FakeSimulator(wait=12, courtesy=1)
    assert ex.verify(sim) == []
    assert ex.q3.prediction == pytest.approx(0.10)
    assert ex.q1.hints_left == 1
    assert ex.progress().correct == 0
    assert sim.values() == {"wait": 12, "courtesy": 1}


def test_progress_summary_words() -> None:
    one = Exercises(q1=ValueQuestion("?", answer=1))
    assert str(one.progress()).startswith("0 of 1 done.")
    one.q1.check(1)
    assert str(one.progress()).startswith("1 of 1 done: well done!")
    two = Exercises(q1=ValueQuestion("?", answer=1), q2=ValueQuestion("?", answer=2))
    two.q1.check(1)
    assert str(two.progress()).startswith("1 of 2 done: keep going!")
    page = two.progress()._repr_html_()
    assert "Result" in page and "value" in page
