"""Tests for helpers.exercises.value: value questions: numbers, yes/no and text."""

from __future__ import annotations

from typing import Any

import numpy as np
import pandas as pd
import pytest
from sample_questions import (
    FakeShell,
    make_value,
)

from helpers.exercises import (
    CORRECT,
    INCORRECT,
    NOT_ATTEMPTED,
    ValueQuestion,
    ____,
)


@pytest.mark.parametrize(
    "answer",
    [
        0.3846,
        0.38,
        0.385,
        np.float64(0.3846),
        np.float32(0.385),
        pd.DataFrame({"x": [0.3846]}),
        pd.Series([0.3846]),
        np.array([0.3846]),
    ],
)
def test_value_accepts_numbers_in_many_forms(answer: Any) -> None:
    fb = make_value().check(answer)
    assert fb.status == CORRECT
    assert "baseline we improve on" in fb.message  # the author's "why"


def test_value_int_answer_and_relative_tolerance() -> None:
    q = ValueQuestion("How many visits?", answer=lambda: np.int64(1200), rel_tolerance=0.01)
    assert q.check(1200).status == CORRECT
    assert q.check(1205).status == CORRECT
    assert q.check(1300).status == INCORRECT


@pytest.mark.parametrize(
    ("answer", "expected_words"),
    [
        (38, "did you mean 0.38?"),
        (-0.2, "cannot be negative"),
        (1.5, "between 0 and 1"),
        ("0.38", "Remove the quotation marks"),
        ("a lot", "this is text"),
        (True, "yes/no"),
        (0.39, "close"),
        (0.9, "not what I get"),
    ],
)
def test_value_not_yet_says_what_looks_wrong(answer: Any, expected_words: str) -> None:
    fb = make_value().check(answer)
    assert fb.status == INCORRECT
    assert expected_words in fb.message
    assert "0.3846" not in fb.message and "0.3846" not in fb._repr_html_()


def test_value_generic_percent_and_sign_mixups() -> None:
    q = ValueQuestion("Average spend change?", answer=-12.5, tolerance=0.01)
    assert "sign" in q.check(12.5).message
    q = ValueQuestion("Share in percent?", answer=38.0, tolerance=0.1)
    assert "100 times too small" in q.check(0.38).message


def test_value_reads_the_notebook_variable(shell: FakeShell) -> None:
    q = make_value()
    fb = q.check()
    assert fb.status == NOT_ATTEMPTED and "share_returned" in fb.message
    shell.user_ns["share_returned"] = ____
    assert q.check().status == NOT_ATTEMPTED
    shell.user_ns["share_returned"] = 0.2
    assert q.check().status == INCORRECT
    shell.user_ns["share_returned"] = 0.384
    assert q.check().status == CORRECT


def test_value_without_ipython_is_not_attempted(no_ipython: None) -> None:
    fb = make_value().check()
    assert fb.status == NOT_ATTEMPTED
    assert "`share_returned`" in fb.message


def test_expected_answer_is_computed_once() -> None:
    calls = []

    def answer() -> float:
        calls.append(1)
        return 2.0

    q = ValueQuestion("x?", answer=answer)
    q.check(2)
    q.check(3)
    assert len(calls) == 1


def test_yes_no_answers() -> None:
    q = ValueQuestion("Did the north shop keep more customers?", answer=lambda: np.bool_(True))
    assert q.check(True).status == CORRECT
    assert q.check(np.bool_(True)).status == CORRECT
    assert q.check(False).status == INCORRECT
    assert "without quotation marks" in q.check("True").message
    assert q.check(1).status == INCORRECT
    assert q.verify() == []


def test_text_answers() -> None:
    q = ValueQuestion("Which shop?", answer="North Street")
    assert q.check("  north   street ").status == CORRECT
    assert q.check("South Street").status == INCORRECT
    assert q.check(3).status == INCORRECT


@pytest.mark.parametrize(
    "expected",
    [
        0.0,
        -3.0,
        1e6,
        7,
        pd.Series(["x", "y"]),
        pd.Series([1.5]),
        pd.DataFrame({"name": ["a"]}),
        pd.DataFrame({"n": [1, 2], "flag": [True, False]}),
    ],
)
def test_default_examples_for_many_answers(expected: Any) -> None:
    q = ValueQuestion("?", answer=expected)
    assert q.verify() == []


def slider_reading() -> ValueQuestion:
    """Like notebook 01's q4: points read off a simulator (13.9), within 1 point."""
    return ValueQuestion("Points fewer?", answer=13.9, tolerance=1.0, source="simulator")


@pytest.mark.parametrize("far", [5, 6, 20, 10.8, 17.0])
def test_close_is_not_said_far_from_the_tolerance(far: float) -> None:
    fb = slider_reading().check(far)
    assert fb.status == INCORRECT
    assert "close" not in fb.message and "not what I get" in fb.message


@pytest.mark.parametrize("near", [11.0, 12.5, 15.5, 16.8])
def test_close_is_said_near_the_tolerance(near: float) -> None:
    fb = slider_reading().check(near)
    assert fb.status == INCORRECT
    assert "close, but not quite" in fb.message


def test_close_words_fit_where_the_number_comes_from() -> None:
    slider = slider_reading().check(15.5).message
    assert "sliders" in slider and "rows" not in slider
    data = ValueQuestion("?", answer=13.9, tolerance=1.0, source="data").check(15.5).message
    assert "leave out a few rows" in data
    plain = ValueQuestion("?", answer=13.9, tolerance=1.0).check(15.5).message
    assert "round too early" in plain and "rows" not in plain and "sliders" not in plain
    with pytest.raises(ValueError, match="source"):
        ValueQuestion("?", answer=1, source="table")


def test_close_follows_a_relative_tolerance() -> None:
    q = ValueQuestion("How many visits?", answer=1000, rel_tolerance=0.01, tolerance=0)
    assert "close" in q.check(1025).message  # 2.5 times the 10 accepted
    assert "close" not in q.check(1040).message


def five_times() -> ValueQuestion:
    """Like notebook 01's q3: 5.18 times, where the text speaks of whole times."""
    return ValueQuestion("How many times?", answer=5.18124, tolerance=0.15, accept_rounded_to=0)


def test_a_declared_rounding_counts_as_correct_rounded() -> None:
    fb = five_times().check(5)
    assert fb.status == CORRECT and fb.qualifier == "rounded"
    assert "Correct (rounded)" in fb._repr_html_()
    assert str(fb).startswith("✔ CORRECT (ROUNDED)")
    assert "More exactly, it is 5.181." in fb.message
    assert five_times().check(5.0).status == CORRECT
    assert five_times().check(np.int64(5)).status == CORRECT
    assert five_times().check(5.2).qualifier == ""  # within the tolerance: plainly correct
    for wrong in (4, 6, 4.9, 5.5):
        assert five_times().check(wrong).status == INCORRECT, wrong
    strict = ValueQuestion("How many times?", answer=5.18124, tolerance=0.15)
    assert strict.check(5).status == INCORRECT  # only when the author allows it
    assert five_times().verify() == []


def test_rounding_to_decimals_and_an_explicit_band() -> None:
    share = ValueQuestion("Share?", answer=0.3846, tolerance=0.001, accept_rounded_to=2)
    assert share.check(0.38).qualifier == "rounded"
    assert share.check(0.39).status == INCORRECT
    assert share.check(0.4).status == INCORRECT  # one decimal is not two
    band = ValueQuestion("How many times?", answer=5.18124, tolerance=0.15, also_accept=(5, 6))
    fb = band.check(6)
    assert fb.status == CORRECT and "Correct (close enough)" in fb._repr_html_()
    assert band.check(6.5).status == INCORRECT
    assert band.verify() == []
    with pytest.raises(ValueError, match="decimals"):
        ValueQuestion("?", answer=1, accept_rounded_to=-1)
    with pytest.raises(ValueError, match="range"):
        ValueQuestion("?", answer=1, also_accept=(6, 5))


NOT_FIXED = "81 is the CSAT when the problem *was* fixed; you need the column *if not*."


def csat_not_fixed(**extra: Any) -> ValueQuestion:
    """Like notebook 01's q2: CSAT (%) when the problem was not fixed, 81 when it was."""
    return ValueQuestion(
        "CSAT if not fixed?",
        answer=63.4,
        tolerance=0.6,
        hints=["Row *problem fixed*."],
        mistakes={81: NOT_FIXED, 18.6: "That is 100 minus the answer."},
        **extra,
    )


@pytest.mark.parametrize("typed", [81, 81.5, 80.5, np.int64(81)])
def test_a_foreseen_mistake_gets_its_explanation(typed: Any) -> None:
    fb = csat_not_fixed().check(typed)
    assert fb.status == INCORRECT
    assert fb.message.startswith(NOT_FIXED)
    assert "not what I get" not in fb.message and "hint()" in fb.message


def test_only_a_matching_wrong_answer_gets_the_explanation() -> None:
    q = csat_not_fixed()
    assert NOT_FIXED not in q.check(82).message  # outside the tolerance of 81
    assert q.check(18.6).message.startswith("That is 100 minus the answer.")
    assert q.check(63.4).status == CORRECT
    right = ValueQuestion("?", answer=63.4, tolerance=0.6, mistakes={63.2: "never shown"})
    assert right.check(63.2).status == CORRECT  # the right answer wins over a mistake
    rounded = ValueQuestion("?", answer=5.18, accept_rounded_to=0, mistakes={2.6: "halved"})
    assert rounded.check(3).message == "halved"  # 2.6 rounded, as the question allows


def test_a_foreseen_mistake_may_be_computed_lazily() -> None:
    calls = []

    def subtracted() -> float:
        calls.append(1)
        return 41.0 - 8.0

    q = ValueQuestion(
        "How many times as often?",
        answer=lambda: 41.0 / 8.0,
        tolerance=0.15,
        mistakes={subtracted: "You subtracted the two figures; divide them instead."},
    )
    assert q.check(41 / 8).status == CORRECT
    assert calls == []  # not needed for a right answer
    assert q.check(33).message.startswith("You subtracted")
    assert q.check(30).status == INCORRECT
    assert calls == [1]


def test_foreseen_mistakes_are_in_the_examples_and_verified() -> None:
    q = csat_not_fixed()
    right, wrongs = q.examples()
    assert right == 63.4 and wrongs[:2] == [81.0, 18.6] and len(wrongs) >= 4
    assert q.verify() == []
    clash = ValueQuestion("?", answer=63.4, tolerance=0.6, mistakes={63.0: "oops"})
    assert any("gives 'correct'" in p for p in clash.verify())
    shadowed = ValueQuestion("?", answer=1.0, mistakes={81: "first", (lambda: 81): "second"})
    assert any("does not get its explanation" in p for p in shadowed.verify())
    text = ValueQuestion("Which shop?", answer="North", mistakes={3: "x"})
    assert any("answer is a number" in p for p in text.verify())


def test_a_failing_mistake_is_our_side_not_a_traceback() -> None:
    q = ValueQuestion("?", answer=2.0, mistakes={(lambda: 1 / 0): "x"}, name="q9")
    assert q.check(2).status == CORRECT
    fb = q.check(5)
    assert fb.trouble and "ZeroDivisionError" in fb.detail
    assert any("examples() failed" in p for p in q.verify())


def five_times_ratio(**extra: Any) -> ValueQuestion:
    """Like notebook 01's q3: a visit scored 5 led to a return 5.18 times as often as a 4."""
    return ValueQuestion(
        "How many times as often?", answer=5.18124, accept_rounded_to=0, is_ratio=True, **extra
    )


@pytest.mark.parametrize("typed", [1 / 5.18124, 0.19, 0.2, 0.1931])
def test_a_ratio_divided_the_other_way_round(typed: float) -> None:
    fb = five_times_ratio(tolerance=0.15).check(typed)
    assert fb.status == INCORRECT
    assert "divided the other way round" in fb.message
    assert "larger figure ÷ the smaller" in fb.message


def test_the_other_way_round_ignores_the_tolerance_and_needs_is_ratio() -> None:
    wide = five_times_ratio(tolerance=2.0)  # 0.19 would otherwise be "close"
    assert "divided the other way round" in wide.check(0.19).message
    plain = ValueQuestion("?", answer=5.18124, tolerance=2.0)
    assert "divided the other way round" not in plain.check(0.19).message
    assert "other way round" not in five_times_ratio(tolerance=0.15).check(0.17).message
    small = ValueQuestion("?", answer=0.193, tolerance=0.005, is_ratio=True)
    assert "smaller figure ÷ the larger" in small.check(5.18).message


def test_a_ratio_question_verifies_the_reciprocal() -> None:
    q = five_times_ratio(tolerance=0.15)
    right, wrongs = q.examples()
    assert wrongs[0] == pytest.approx(1 / 5.18124)
    assert q.verify() == []


def test_odd_answers_never_raise_with_mistakes_and_a_ratio() -> None:
    from sample_questions import odd_answers

    q = five_times_ratio(tolerance=0.15, mistakes={4.18: "That is how many times *more*."})
    for answer in odd_answers():
        fb = q.check(answer)
        assert fb.status in {INCORRECT, NOT_ATTEMPTED} and not fb.trouble, (answer, fb)
