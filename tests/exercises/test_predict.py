"""Tests for helpers.exercises.predict: predict-then-run questions."""

from __future__ import annotations

from typing import Any

import numpy as np
import pandas as pd
import pytest
from sample_questions import html_text, make_predict, output_html

from helpers.exercises import (
    CORRECT,
    INCORRECT,
    NOT_ATTEMPTED,
    Exercises,
    Feedback,
    Note,
    PredictQuestion,
    ____,
)


def test_predict_records_then_reveals() -> None:
    q = make_predict(truth=0.62)
    assert q.check().status == NOT_ATTEMPTED
    assert "prediction first" in q.check().message
    note = q.predict(40)
    assert isinstance(note, Note)
    assert "Your prediction is recorded: 40 %" in note.text
    assert q.prediction == pytest.approx(0.40)
    fb = q.check()
    assert fb.status == INCORRECT
    assert "62 %" in fb.message and "40 %" in fb.message and "22 percentage points" in fb.message


def test_a_later_prediction_replaces_one_not_yet_checked() -> None:
    q = make_predict(truth=0.62)
    q.predict(40)
    q.predict(0.6)  # no check yet: the guess may still change
    assert q.prediction == pytest.approx(0.60)
    assert q.check().status == CORRECT


def test_a_prediction_stays_once_the_answer_is_shown() -> None:
    q = Exercises(q1=make_predict(truth=0.62)).q1
    q.predict(40)
    assert q.check().status == INCORRECT  # shows 62 %
    note = q.predict(62)  # a "better" guess after seeing the answer
    assert isinstance(note, Note) and note.kind == "prediction"
    assert note.text == (
        "You predicted 40 % before seeing the answer (62 %); that prediction stays. "
        "Run `ex.q1.reset()` to start this question again."
    )
    assert q.prediction == pytest.approx(0.40)
    assert q.check().status == INCORRECT  # still judging the first guess
    fb = q.check(0.62)  # a guess given to check() is not recorded either
    assert fb.status == INCORRECT and "that prediction stays" in fb.message
    assert "You predicted 40 %; the simulator says 62 %." in fb.message
    assert "stays" not in q.check(40).message  # re-running the first guess: no extra words
    assert isinstance(q.predict(____), Note) and isinstance(q.predict("forty"), Note)
    assert not q.ever_correct
    q.reset()
    assert q.prediction is None and q.revealed is None
    assert "recorded: 62 %" in q.predict(62).text  # type: ignore[union-attr]
    assert q.check().status == CORRECT


def test_a_failed_check_does_not_lock_the_prediction() -> None:
    calls = []

    def truth() -> float:
        calls.append(1)
        if len(calls) == 1:
            raise RuntimeError("simulator not ready")
        return 0.62

    q = PredictQuestion("?", truth=truth, tolerance=0.05, is_share=True)
    q.predict(40)
    assert q.check().trouble  # the true value was not shown
    assert "recorded: 60 %" in q.predict(60).text  # type: ignore[union-attr]
    assert q.check().status == CORRECT


def test_verify_ignores_the_learners_locked_prediction() -> None:
    q = make_predict(truth=0.62)
    q.predict(10)
    q.check()
    assert q.verify() == []
    assert q.prediction == pytest.approx(0.10) and q.revealed == pytest.approx(0.62)


def test_predict_odd_guesses() -> None:
    q = make_predict()
    assert q.predict(____).status == NOT_ATTEMPTED  # type: ignore[union-attr]
    assert q.predict().status == NOT_ATTEMPTED  # type: ignore[union-attr]
    assert q.predict("forty").status == INCORRECT  # type: ignore[union-attr]
    assert q.predict(250).status == INCORRECT  # type: ignore[union-attr]
    assert q.prediction is None
    assert q.check(0.61).status == CORRECT  # predict and check in one go
    assert q.check(0.1).status == CORRECT  # the answer was shown: 0.61 stays
    q.reset()
    assert q.check(0.1).status == INCORRECT


def test_predict_simulator_failure_is_our_side() -> None:
    q = PredictQuestion("?", truth=lambda: {}["missing"], tolerance=1)
    fb = q.check(3)
    assert fb.trouble and "KeyError" in fb.detail
    q = PredictQuestion("?", truth=lambda: "not a number", tolerance=1)
    assert q.check(3).trouble


def test_predict_speaks_of_one_customer_and_one_point() -> None:
    q = PredictQuestion("?", truth=lambda: 41, tolerance=5, unit=("customer", "customers"))
    fb = q.check(40)
    assert fb.status == CORRECT
    assert "Only 1 customer off" in fb.message and "within 5 customers" in fb.message
    q.reset()
    fb = q.check(30)
    assert "That is 11 customers too low" in fb.message
    one = PredictQuestion("?", truth=lambda: 1, tolerance=0, unit=("customer", "customers"))
    assert "You predicted 2 customers; the simulator says 1 customer." in one.check(2).message
    share = make_predict(truth=0.62)
    assert "Only 1 percentage point off" in share.check(0.61).message
    assert "Only 1 percentage points" not in share.check(0.61).message


def test_predict_box_label_uses_the_plural_unit() -> None:
    q = PredictQuestion("?", truth=lambda: 41, tolerance=5, unit=("customer", "customers"))
    assert q.buttons().inputs[0].guess.description == "My guess (customers)"


@pytest.mark.parametrize(
    ("guess", "recorded"),
    [
        (1, "1 %"),  # a whole number is a percentage: not 100 %
        (np.int64(1), "1 %"),
        (0.5, "50 %"),  # a decimal point from 0 to 1: a share
        (1.0, "100 %"),
        (0.0, "0 %"),
        (0, "0 %"),
        (50, "50 %"),
        (12.5, "12.5 %"),
        (100, "100 %"),
        ("50%", "50 %"),
        ("50 %", "50 %"),
        ("0.5", "50 %"),
        ("1", "1 %"),
        ("0.5 %", "0.5 %"),
        ("12,5 %", "12.5 %"),
        (pd.Series([0.25]), "25 %"),
    ],
)
def test_the_percentage_rule_for_share_guesses(guess: Any, recorded: str) -> None:
    q = make_predict()
    note = q.predict(guess)
    assert isinstance(note, Note), note
    assert f"Your prediction is recorded: {recorded}." in note.text


@pytest.mark.parametrize("guess", [101, 250, -5, -0.5, "150 %", "forty", "50 % %", True, "nan"])
def test_share_guesses_outside_0_to_100_percent_are_refused(guess: Any) -> None:
    q = make_predict()
    fb = q.predict(guess)
    assert isinstance(fb, Feedback) and fb.status == INCORRECT, fb
    assert q.prediction is None


def test_the_percentage_rule_is_told_with_the_question() -> None:
    text = html_text(Exercises(q1=make_predict()).q1)
    assert "ex.q1.predict(40) means 40 %" in text
    assert "0.4 also means 40 %, while 1 means 1 %" in text
    assert "percentage" in make_predict().predict(250).message  # type: ignore[union-attr]


def test_the_number_box_is_always_a_percentage() -> None:
    q = make_predict(truth=0.62)
    panel = q.buttons().inputs[0]
    for typed, recorded in ((1, "1 %"), (0.5, "0.5 %"), (60, "60 %")):
        panel.guess.value = typed
        panel.record_button.click()
        assert f"Your prediction is recorded: {recorded}." in output_html(panel.output)


def make_margin_predict() -> PredictQuestion:
    """Like notebook 04's first question: a margin of 13.3891 points, a good guess within 3."""
    return PredictQuestion(
        "How wide will the margin be?",
        truth=lambda: 13.3891,
        tolerance=3,
        unit="points",
        hints=["Use the rule in the text."],
        why="The margin shrinks with the square root of the answers.",
    )


def test_a_checked_prediction_counts_as_done_whatever_its_value() -> None:
    ex = Exercises(q1=make_margin_predict())
    ex.q1.predict(7)
    fb = ex.q1.check()
    assert fb.status == INCORRECT and fb.done == "predicted"  # not correct, but done
    assert str(fb).startswith("✔ PREDICTED (6 POINTS OFF) (q1)")
    assert "Not yet" not in fb._repr_html_() and "Predicted (6 points off)" in fb._repr_html_()
    progress = ex.progress()
    assert progress.done == 1 and progress.correct == 0
    assert str(progress).startswith("1 of 1 done: well done!")
    assert str(progress).splitlines()[1].endswith("Predicted (6 points off)")
    assert "Predicted (6 points off)" in progress._repr_html_()
    assert progress.to_frame()[["correct", "done"]].to_numpy().tolist() == [[False, True]]
    ex.q1.reset()
    assert ex.progress().done == 0


def test_the_truth_is_shown_as_the_learner_can_see_it() -> None:
    q = make_margin_predict()
    fb = q.check(7)
    assert "You predicted 7 points; the simulator says about 13 points." in fb.message
    assert "That is 6 points too low (a good guess is within 3 points)." in fb.message
    assert "13.3891" not in fb.message and "6.3891" not in fb.message
    assert "(13 points)" in q.predict(20).text  # type: ignore[union-attr]
    # judged on the value shown: 10 is 3 points from the 13 the learner sees
    q.reset()
    assert q.check(10).status == CORRECT
    # a finer tolerance shows more decimals; no tolerance, three significant figures
    fine = PredictQuestion("?", truth=lambda: 13.3891, tolerance=0.5)
    assert "says about 13.4." in fine.check(20).message
    exact = PredictQuestion("?", truth=lambda: 0.0123456, tolerance=0)
    assert "says about 0.0123." in exact.check(1).message
    assert exact.shown_truth(1234.7) == 1235 and exact.decimals(0) == 0  # whole, never tens
    share = PredictQuestion("?", truth=lambda: 0.62345, tolerance=0.05, is_share=True)
    assert "says about 62 %." in share.check(0.2).message


def test_no_hint_is_offered_once_the_truth_is_shown() -> None:
    q = Exercises(q1=make_margin_predict()).q1
    assert "hint()" not in q.check(30).message
    assert "hint()" not in q.check().message  # checking again: still no hint offer
    assert q.hint().kind == "hint"  # hints can still be asked for


@pytest.mark.parametrize(
    ("call", "words"),
    [
        (lambda q: q.predict(13, 4), "Python uses a point for decimals: write 13.4."),
        (lambda q: q.check(13, 4), "Python uses a point for decimals: write 13.4."),
        (lambda q: q.predict(13, 4, 5), "round brackets"),
        (lambda q: q.predict(guess=13), "Put only your guess in the brackets"),
        (lambda q: q.check(guess=13), "Put only your guess in the brackets"),
        (lambda q: q.predict((13, 9)), "write 13.9"),
    ],
)
def test_extra_arguments_get_plain_words(call: Any, words: str) -> None:
    for question in (make_margin_predict(), make_predict(truth=0.62)):
        feedback = call(question)
        assert isinstance(feedback, Feedback) and feedback.status == INCORRECT, feedback
        assert words in feedback.message
        assert question.prediction is None


@pytest.mark.parametrize(
    "odd",
    [None, "", "13,9", (13, 9), [13], {}, object(), float("nan"), float("inf"), 1e300, -1e300],
)
def test_odd_guesses_never_raise(odd: Any) -> None:
    for question in (make_margin_predict(), make_predict(truth=0.62)):
        result = question.predict(odd)
        assert isinstance(result, Note | Feedback)
        assert isinstance(question.check(odd), Feedback)
        assert isinstance(question.check(), Feedback)
