"""Tests for helpers.exercises.scenario: a choice with no wrong option, whose feedback is what
follows from it."""

from __future__ import annotations

import copy

import pytest
from sample_questions import html_text, odd_answers, output_html

from helpers.exercises import (
    CORRECT,
    INCORRECT,
    NOT_ATTEMPTED,
    Exercises,
    ScenarioQuestion,
    ____,
)

COSTS = {"a": 144.0, "b": 64.0, "c": 135.0, "d": 79.0}


def make_scenario(outcome=None) -> ScenarioQuestion:
    return ScenarioQuestion(
        "A customer brings back a kettle that broke a month after its warranty. You ...",
        options=["refund her", "repair it free", "refuse", "explain, offer a repair at cost"],
        outcome=outcome or (lambda letter: f"Expected cost over two years: {COSTS[letter]:.0f}."),
        hints=["Think about what each costs today, and later."],
        why="Each answer has a price.",
    )


@pytest.mark.parametrize("answer", ["b", "B", " b ", "(b)", "b)", "repair it free"])
def test_a_choice_shows_what_follows(answer: str) -> None:
    q = make_scenario()
    fb = q.check(answer)
    assert fb.status == CORRECT, fb
    assert "Expected cost over two years: 64." in fb.message
    assert "You chose b)" in fb.message and "Each answer has a price" in fb.message
    assert q.choice == "b"


def test_every_option_is_a_choice_not_a_mistake() -> None:
    q = make_scenario()
    for letter, cost in COSTS.items():
        fb = q.check(letter)
        assert fb.status == CORRECT and f"{cost:.0f}." in fb.message


def test_the_box_says_your_choice_not_correct() -> None:
    fb = make_scenario().check("c")
    text = str(fb)
    assert "YOUR CHOICE: C)" in text and "CORRECT" not in text
    assert "Your choice: c)" in html_text(fb)


def test_no_choice_is_not_attempted() -> None:
    q = make_scenario()
    assert q.check().status == NOT_ATTEMPTED
    assert q.check(____).status == NOT_ATTEMPTED
    assert q.check("").status == NOT_ATTEMPTED
    assert q.choice is None


def test_no_option_or_several_is_not_yet() -> None:
    q = make_scenario()
    assert q.check("z").status == INCORRECT
    fb = q.check("a, b")
    assert fb.status == INCORRECT and "only do one thing" in fb.message
    assert q.check(2).status == INCORRECT


def test_odd_answers_never_raise() -> None:
    q = make_scenario()
    for answer in odd_answers():
        fb = q.check(answer)
        assert fb.status in (CORRECT, INCORRECT, NOT_ATTEMPTED)
        assert not fb.trouble


def test_a_failing_outcome_is_our_side_not_the_learner() -> None:
    def broken(letter: str) -> str:
        raise RuntimeError("simulator down")

    fb = make_scenario(broken).check("a")
    assert fb.trouble and fb.status == NOT_ATTEMPTED
    assert make_scenario(lambda letter: "").check("a").trouble


def test_verify_tries_every_option() -> None:
    assert make_scenario().verify() == []
    half = make_scenario(lambda letter: "fine" if letter != "d" else "")
    problems = half.verify()
    assert problems and "option d" in problems[0]


def test_examples_are_one_choice_and_two_non_choices() -> None:
    right, wrongs = make_scenario().examples()
    assert right == "a" and len(wrongs) >= 2


def test_buttons_use_radio_buttons() -> None:
    import ipywidgets as widgets

    q = make_scenario()
    box = q.buttons()
    radio = box.inputs[0]
    assert isinstance(radio, widgets.RadioButtons) and radio.value is None
    box.check_button.click()
    assert "Not attempted yet" in output_html(box.output)
    radio.value = "d"
    box.check_button.click()
    assert "Expected cost over two years: 79." in output_html(box.output)


def test_progress_counts_a_choice_and_reset_forgets_it() -> None:
    ex = Exercises(q1=make_scenario())
    assert ex.progress().correct == 0
    ex.q1.check("b")
    assert ex.progress().correct == 1
    ex.reset()
    assert ex.q1.choice is None and ex.q1.last_status is None


def test_verify_leaves_the_learner_alone() -> None:
    q = make_scenario()
    q.check("c")
    assert q.verify() == []
    assert q.choice == "c"


def test_default_solution_lists_every_outcome() -> None:
    text = make_scenario().solution().text
    for cost in COSTS.values():
        assert f"{cost:.0f}." in text


def test_the_question_shows_its_options_and_how_to_answer() -> None:
    q = Exercises(q9=make_scenario()).q9
    text = html_text(q)
    assert "repair it free" in text and "ex.q9.check(&quot;a&quot;)" in text


def test_author_mistakes_fail_at_definition() -> None:
    with pytest.raises(ValueError, match="at least two"):
        ScenarioQuestion("?", options=["only"], outcome=str)
    with pytest.raises(TypeError, match="callable"):
        ScenarioQuestion("?", options=["x", "y"], outcome="not a function")


def test_words_go_through_the_translation(pretend_language) -> None:
    pretend_language({"Your choice: {letter})": "Xour xhoice: {letter})"})
    fb = copy.copy(make_scenario()).check("a")
    assert "Xour xhoice: a)" in html_text(fb)
