"""Tests for helpers.exercises.question: hints, solutions, our-side errors, verify()."""

from __future__ import annotations

from sample_questions import (
    make_target,
    make_value,
)

from helpers.exercises import (
    CORRECT,
    INCORRECT,
    NOT_ATTEMPTED,
    Exercises,
    Note,
    ValueQuestion,
)


def test_author_error_is_our_side_not_a_traceback() -> None:
    q = ValueQuestion("x?", answer=lambda: 1 / 0, name="q9")
    fb = q.check(3)
    assert fb.trouble and fb.status in {CORRECT, INCORRECT, NOT_ATTEMPTED}
    assert "trainer" in fb.message
    assert "ZeroDivisionError" in fb.detail
    assert "Something went wrong on our side" in fb._repr_html_()


def test_hints_in_order_then_point_to_solution() -> None:
    q = make_value()
    first = q.hint()
    assert isinstance(first, Note) and first.text == "Count the customers who came back."
    assert "Hint 1 of 2" in str(first)
    assert q.hint().text == "Divide by **all** customers."
    last = q.hint()
    assert "No more hints" in last.title and "solution()" in last.text
    assert q.hint(1).text == "Count the customers who came back."
    assert "<strong>all</strong>" in q.hint(2)._repr_html_()
    assert "There are 2 hints" in q.hint(5).text
    assert "There are 2 hints" in q.hint("x").text  # type: ignore[arg-type]


def test_hint_number_moves_the_counter() -> None:
    q = ValueQuestion("?", answer=1, hints=["one", "two", "three"])
    assert q.hint(2).text == "two"
    assert q.hint().text == "three"


def test_not_yet_suggests_a_hint_until_all_are_shown() -> None:
    q = make_value()
    assert "hint()" in q.check(0.9).message
    q.hint()
    q.hint()
    assert "hint()" not in q.check(0.9).message


def test_no_hints_and_solutions() -> None:
    q = ValueQuestion("?", answer=1)
    assert "no hints" in q.hint().text.lower()
    assert "ask your trainer" in q.solution().text
    solution = make_value().solution()
    assert solution.kind == "solution"
    assert "```python" in solution.text  # bare code is shown as code
    assert "<pre" in solution._repr_html_()
    prose = ValueQuestion("?", answer=1, solution="Add up the **visits**.").solution()
    assert "```" not in prose.text and "<strong>visits</strong>" in prose._repr_html_()


def test_verify_catches_a_broken_question() -> None:
    broken = ValueQuestion("?", answer=lambda: 1 / 0, name="bad")
    assert broken.verify()
    assert make_target().verify() != []  # a target needs a simulator
    lenient = ValueQuestion("?", answer=1.0, tolerance=1000)  # wrong answers would pass
    assert any("wrong answer" in p for p in lenient.verify())


def test_one_hint_is_a_singular_sentence() -> None:
    q = Exercises(q1=ValueQuestion("?", answer=1, hints=["Only this one."])).q1
    for number in (0, 2, "x"):
        text = q.hint(number).text  # type: ignore[arg-type]
        assert text == "There is only one hint: `ex.q1.hint(1)`."
        assert "hints" not in text and "up to" not in text
    q = Exercises(q1=ValueQuestion("?", answer=1, hints=["a", "b", "c"])).q1
    assert q.hint(4).text == "There are 3 hints: try `ex.q1.hint(1)` up to `ex.q1.hint(3)`."
