"""Tests for helpers.exercises.buttons: the buttons (ipywidgets)."""

from __future__ import annotations

from sample_questions import (
    FakeShell,
    FakeSimulator,
    make_choice,
    make_predict,
    make_target,
    make_value,
    output_html,
)

from helpers.exercises import (
    CORRECT,
    ChoiceQuestion,
    Exercises,
)


def test_buttons_check_hint_and_confirmed_solution(shell: FakeShell) -> None:
    import ipywidgets as widgets

    q = Exercises(q1=make_value()).q1
    box = q.buttons()
    assert isinstance(box, widgets.VBox)
    assert box.check_button.description == "Check my answer"
    assert box.hint_button.description == "Hint"
    assert box.solution_button.description == "Show solution"

    box.check_button.click()
    assert "Not attempted yet" in output_html(box.output)
    shell.user_ns["share_returned"] = 0.3846
    box.check_button.click()
    assert "Correct" in output_html(box.output)
    assert len(box.output.outputs) == 1  # shown exactly once

    box.hint_button.click()
    assert "Hint 1 of 2" in output_html(box.output)
    assert box.hint_button.description == "Next hint"
    box.hint_button.click()
    assert "Hint 2 of 2" in output_html(box.output)

    box.solution_button.click()
    assert "Sure?" in output_html(box.output)
    assert "returned / customers" not in output_html(box.output)
    box.solution_button.click()
    assert "returned / customers" in output_html(box.output)
    assert box.solution_button.description == "Show solution"


def test_choice_buttons_use_radio_buttons() -> None:
    import ipywidgets as widgets

    q = make_choice()
    box = q.buttons()
    radio = box.inputs[0]
    assert isinstance(radio, widgets.RadioButtons) and radio.value is None
    box.check_button.click()
    assert "Not attempted yet" in output_html(box.output)
    assert "Click an option above first" in output_html(box.output)
    assert ".check(" not in output_html(box.output)  # the buttons' user is not sent to code
    radio.value = "a"
    box.check_button.click()
    assert "Satisfied is not the same as loyal" in output_html(box.output)
    radio.value = "b"
    box.check_button.click()
    assert "Correct" in output_html(box.output)


def test_multi_choice_buttons_use_checkboxes() -> None:
    q = ChoiceQuestion("?", options=["x", "y", "z"], correct=["a", "b"])
    box = q.buttons()
    box.check_button.click()
    assert "Tick one or more options above first" in output_html(box.output)
    box.inputs[0].value = True
    box.inputs[1].value = True
    box.check_button.click()
    assert q.last_status == CORRECT


def test_predict_buttons_record_then_check() -> None:
    q = make_predict(truth=0.62)
    box = q.buttons()
    panel = box.inputs[0]
    panel.guess.value = 60
    panel.record_button.click()
    assert "Your prediction is recorded: 60 %" in output_html(panel.output)
    box.check_button.click()
    assert "Correct" in output_html(box.output)


def test_target_buttons_read_the_simulator() -> None:
    q = make_target()
    sim = FakeSimulator(wait=15, courtesy=3)
    box = q.buttons(sim)
    box.check_button.click()
    assert "Not yet" in output_html(box.output)
    sim.set_values(wait=10, courtesy=5)
    box.check_button.click()
    assert "Correct" in output_html(box.output)


def test_predict_buttons_keep_the_first_guess_once_checked() -> None:
    q = Exercises(q1=make_predict(truth=0.62)).q1
    box = q.buttons()
    panel = box.inputs[0]
    panel.guess.value = 30
    panel.record_button.click()
    box.check_button.click()
    assert "Predicted (32 percentage points off)" in output_html(box.output)
    assert "Not yet" not in output_html(box.output) and "hint()" not in output_html(box.output)
    panel.guess.value = 62
    panel.record_button.click()
    shown = output_html(panel.output)
    assert "You predicted 30 % before seeing the answer (62 %); that prediction stays." in shown
    assert "ex.q1.reset()" in shown
    box.check_button.click()
    assert "Predicted" in output_html(box.output) and q.prediction == 0.30
    q.reset()
    panel.record_button.click()
    box.check_button.click()
    assert "Correct" in output_html(box.output)
