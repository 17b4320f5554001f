"""Tests for helpers.exercise: every kind of question, the three outcomes, hints, buttons."""

from __future__ import annotations

import re
from typing import Any

import numpy as np
import pandas as pd
import pytest

from helpers import exercise
from helpers.exercise import (
    CORRECT,
    INCORRECT,
    NOT_ATTEMPTED,
    ChoiceQuestion,
    Exercises,
    Feedback,
    Note,
    PredictQuestion,
    TargetQuestion,
    ValueQuestion,
    ____,
)

# ---------------------------------------------------------------------------------------------
# Fixtures: a tiny fake simulator and one question of each kind
# ---------------------------------------------------------------------------------------------


class FakeSimulator:
    """Duck-typed stand-in for the course's Simulator: values() and set_values(**kw)."""

    def __init__(self, wait: float = 15.0, courtesy: float = 3.0) -> None:
        self._values = {"wait": wait, "courtesy": courtesy}

    def values(self) -> dict[str, float]:
        return dict(self._values)

    def set_values(self, **kw: float) -> None:
        self._values.update(kw)

    def share_returned(self) -> float:
        v = self._values
        return min(1.0, max(0.0, 0.3 + 0.12 * v["courtesy"] - 0.01 * v["wait"]))


class FakeShell:
    def __init__(self, **user_ns: Any) -> None:
        self.user_ns = dict(user_ns)


@pytest.fixture
def shell(monkeypatch: pytest.MonkeyPatch) -> FakeShell:
    """Pretend to run inside IPython, with a user namespace the test controls."""
    import IPython

    fake = FakeShell()
    monkeypatch.setattr(IPython, "get_ipython", lambda: fake)
    return fake


@pytest.fixture
def no_ipython(monkeypatch: pytest.MonkeyPatch) -> None:
    import IPython

    monkeypatch.setattr(IPython, "get_ipython", lambda: None)


TABLE = pd.DataFrame(
    {"visits": [120, 80, 45], "share_returned": [0.41, 0.33, 0.27]},
    index=pd.Index(["Ana", "Ben", "Cleo"], name="rep"),
)


def make_value() -> ValueQuestion:
    return ValueQuestion(
        "What share of the town's customers came back within a month?",
        answer=lambda: 0.3846,
        variable="share_returned",
        is_share=True,
        tolerance=0.005,
        hints=["Count the customers who came back.", "Divide by **all** customers."],
        solution="share_returned = returned / customers",
        why="One in three coming back is the baseline we improve on.",
    )


def make_table() -> ValueQuestion:
    return ValueQuestion(
        "Per representative: visits and the share that came back.",
        answer=TABLE.copy,
        variable="per_rep",
        tolerance=0.005,
        hints=["Group by `rep`."],
        solution="per_rep = visits.groupby('rep').agg(...)",
    )


def make_choice() -> ChoiceQuestion:
    return ChoiceQuestion(
        "A customer scores you 4 out of 5. How likely is she to come back?",
        options=["Very likely: 4 is good", "Less likely than you think", "It cannot be said"],
        correct="b",
        explanations={"a": "Satisfied is not the same as loyal: 4s defect far more than 5s."},
        hints=["Think about the Xerox study."],
        why="Only the delighted come back reliably.",
    )


def make_predict(truth: float = 0.62) -> PredictQuestion:
    return PredictQuestion(
        "If the wait halves, what share of customers will come back?",
        truth=lambda: truth,
        tolerance=0.05,
        is_share=True,
        why="Waiting matters more than most people guess.",
    )


def make_target() -> TargetQuestion:
    return TargetQuestion(
        "Set the sliders so that at least 70 % of customers come back.",
        measure=lambda sim: (sim.share_returned(), "Courtesy does most of the work."),
        at_least=0.70,
        is_share=True,
        label="come back",
        constraints=[(lambda v: v["wait"] >= 10, "Keep the wait at 10 minutes or more.")],
        simulator="sim",
        right_settings={"wait": 10, "courtesy": 5},
        wrong_settings=[{"wait": 10, "courtesy": 2}, {"wait": 2, "courtesy": 5}],
        hints=["Courtesy is the strongest slider."],
        why="Good service brings them back.",
    )


@pytest.fixture
def ex() -> Exercises:
    return Exercises(
        q1=make_value(), q2=make_choice(), q3=make_predict(), q4=make_target(), q5=make_table()
    )


def html_text(item: Any) -> str:
    """The visible text of an object's HTML (tags removed)."""
    return re.sub(r"<[^>]+>", "", item._repr_html_())


# ---------------------------------------------------------------------------------------------
# Feedback and the blank
# ---------------------------------------------------------------------------------------------


def test_feedback_is_frozen_and_shows_icon_word_and_colour() -> None:
    looks = {
        CORRECT: ("✔", "Correct", "#009E73"),
        INCORRECT: ("➜", "Not yet", "#D55E00"),
        NOT_ATTEMPTED: ("✎", "Not attempted yet", "#0072B2"),
    }
    for status, (icon, word, colour) in looks.items():
        fb = Feedback("q1", status, "Some **text** with `code`.")
        page = fb._repr_html_()
        assert icon in page and word in page and colour in page
        assert "<strong>text</strong>" in page and "<code" in page
        assert str(fb).startswith(f"{icon} {word.upper()} (q1)")
        assert "**" not in str(fb)
    with pytest.raises(AttributeError):
        fb.status = CORRECT  # type: ignore[misc]


def test_messages_escape_html() -> None:
    fb = Feedback("q1", INCORRECT, "this is <script>alert(1)</script>")
    assert "<script>" not in fb._repr_html_()


def test_blank_survives_arithmetic_and_is_not_attempted() -> None:
    assert repr(____) == "____" and f"{____}" == "____"
    for blank in (____ / 100, 3 * ____, round(____, 2), -____, np.float64(2) * ____):
        assert blank is ____
    assert (pd.Series([1, 2]) + ____) is ____
    q = make_value()
    for blank in (____, None, "____", f"{____} %", "", [____, 1], ...):
        assert q.check(blank).status == NOT_ATTEMPTED


# ---------------------------------------------------------------------------------------------
# Value questions
# ---------------------------------------------------------------------------------------------


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


def test_author_error_is_our_side_not_a_traceback() -> None:
    q = ValueQuestion("x?", answer=lambda: 1 / 0, name="q9")
    fb = q.check(3)
    assert fb.trouble and fb.status in {CORRECT, INCORRECT, NOT_ATTEMPTED}
    assert "trainer" in fb.message
    assert "ZeroDivisionError" in fb.detail
    assert "Something went wrong on our side" in fb._repr_html_()


def test_table_right_answer_and_row_or_column_order() -> None:
    q = make_table()
    assert q.check(TABLE.copy()).status == CORRECT
    assert q.check(TABLE[["share_returned", "visits"]]).status == CORRECT  # column order free
    assert q.check(TABLE.astype({"visits": float})).status == CORRECT
    fb = q.check(TABLE.iloc[::-1])
    assert fb.status == INCORRECT and "different order" in fb.message
    relaxed = ValueQuestion("t", answer=TABLE, ignore_row_order=True)
    assert relaxed.check(TABLE.iloc[::-1]).status == CORRECT


@pytest.mark.parametrize(
    ("answer", "words"),
    [
        (TABLE.drop(columns="visits"), "Missing column: `visits`"),
        (TABLE.assign(extra=1), "did not expect: `extra`"),
        (TABLE.iloc[:2], "Wrong shape"),
        (TABLE.reset_index(), "`rep` should label the rows"),
        (TABLE.reset_index(drop=True), "labelled by `rep`"),
        (TABLE.assign(visits=[120, 80, 46]), "column `visits`: 1 of 3 rows differ"),
        (TABLE.assign(visits=["a", "b", "c"]), "holds text"),
        (TABLE["visits"], "I expected a table"),
        (42, "I expected a table"),
    ],
)
def test_table_says_which_part_differs(answer: Any, words: str) -> None:
    fb = make_table().check(answer)
    assert fb.status == INCORRECT, fb
    assert words in fb.message, fb.message
    assert "0.41" not in fb.message  # never the expected values


def test_series_answers() -> None:
    expected = pd.Series([3, 5], index=pd.Index(["a", "b"], name="shop"), name="n")
    q = ValueQuestion("Visits per shop", answer=expected)
    assert q.check(expected.rename("other name")).status == CORRECT
    assert q.check(expected.to_frame()).status == CORRECT
    fb = q.check(pd.Series([3, 6], index=expected.index))
    assert fb.status == INCORRECT and "1 of 2 rows differ" in fb.message
    assert q.check([3, 5]).status == INCORRECT
    assert q.check(pd.Series([3, ____], index=expected.index)).status == NOT_ATTEMPTED
    assert q.check(pd.Series(["3", "____"], index=expected.index)).status == NOT_ATTEMPTED


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


# ---------------------------------------------------------------------------------------------
# Multiple choice
# ---------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "answer",
    ["b", "B", " b ", "(b)", "b)", "less likely than you think", "B) Less likely than you think"],
)
def test_choice_accepts_letter_or_text(answer: str) -> None:
    fb = make_choice().check(answer)
    assert fb.status == CORRECT, fb
    assert "delighted" in fb.message


def test_choice_wrong_pick_explains_the_misconception() -> None:
    q = make_choice()
    fb = q.check("a")
    assert fb.status == INCORRECT and "Satisfied is not the same as loyal" in fb.message
    fb = q.check("c")
    assert fb.status == INCORRECT and "Not **c)**" in fb.message
    assert q.check("z").status == INCORRECT
    assert q.check("a, b").status == INCORRECT
    assert q.check(2).status == INCORRECT
    assert q.check().status == NOT_ATTEMPTED
    assert q.check(____).status == NOT_ATTEMPTED


def test_choice_with_several_correct_options() -> None:
    q = ChoiceQuestion(
        "Which of these are SERVQUAL dimensions?",
        options={"a": "Reliability", "b": "Price", "c": "Empathy", "d": "Logo colour"},
        correct=["a", "c"],
        explanations={"b": "Price matters, but it is not a service dimension."},
    )
    for right in ("a, c", "C A", ["a", "c"], "ac", "a and c"):
        assert q.check(right).status == CORRECT, right
    fb = q.check("a")
    assert fb.status == INCORRECT and "another option fits" in fb.message
    fb = q.check("a, b")
    assert fb.status == INCORRECT and "Price matters" in fb.message


def test_choice_author_mistakes_fail_at_definition() -> None:
    with pytest.raises(ValueError, match="does not name an option"):
        ChoiceQuestion("?", options=["x", "y"], correct="c")
    with pytest.raises(ValueError, match="explanations"):
        ChoiceQuestion("?", options=["x", "y"], correct="a", explanations={"q": "..."})


def test_choice_default_solution_names_the_answer() -> None:
    assert "Less likely than you think" in make_choice().solution().text


# ---------------------------------------------------------------------------------------------
# Predict, then run
# ---------------------------------------------------------------------------------------------


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
    q.predict(0.6)  # a later prediction replaces the first one
    fb = q.check()
    assert fb.status == CORRECT and "62 %" in fb.message


def test_predict_odd_guesses() -> None:
    q = make_predict()
    assert q.predict(____).status == NOT_ATTEMPTED  # type: ignore[union-attr]
    assert q.predict().status == NOT_ATTEMPTED  # type: ignore[union-attr]
    assert q.predict("forty").status == INCORRECT  # type: ignore[union-attr]
    assert q.predict(250).status == INCORRECT  # type: ignore[union-attr]
    assert q.prediction is None
    assert q.check(0.61).status == CORRECT  # predict and check in one go
    assert q.check(0.1).status == INCORRECT


def test_predict_simulator_failure_is_our_side() -> None:
    q = PredictQuestion("?", truth=lambda: {}["missing"], tolerance=1)
    fb = q.check(3)
    assert fb.trouble and "KeyError" in fb.detail
    q = PredictQuestion("?", truth=lambda: "not a number", tolerance=1)
    assert q.check(3).trouble


# ---------------------------------------------------------------------------------------------
# Target practice
# ---------------------------------------------------------------------------------------------


def test_target_reads_the_live_simulator() -> None:
    q = make_target()
    sim = FakeSimulator(wait=15, courtesy=3)
    fb = q.check(sim)
    assert fb.status == INCORRECT
    assert "51 % come back; the target is at least 70 %" in fb.message
    sim.set_values(courtesy=5)
    fb = q.check(sim)
    assert fb.status == CORRECT and "Courtesy does most of the work" in fb.message
    sim.set_values(wait=2, courtesy=5)
    fb = q.check(sim)
    assert fb.status == INCORRECT and "Keep the wait at 10 minutes or more" in fb.message


def test_target_default_simulator_variable(shell: FakeShell) -> None:
    q = make_target()
    fb = q.check()
    assert fb.status == NOT_ATTEMPTED and "`sim`" in fb.message
    shell.user_ns["sim"] = FakeSimulator(wait=10, courtesy=5)
    assert q.check().status == CORRECT
    assert q.check(sim=FakeSimulator()).status == INCORRECT


def test_target_ranges_and_odd_simulators() -> None:
    q = TargetQuestion(
        "Keep the wait between 5 and 8 minutes.",
        measure=lambda sim: sim.values()["wait"],
        at_least=5,
        at_most=8,
        unit="min",
        right_settings={"wait": 6},
        wrong_settings=[{"wait": 2}, {"wait": 9}],
    )
    assert q.check(FakeSimulator(wait=6)).status == CORRECT
    fb = q.check(FakeSimulator(wait=9))
    assert fb.status == INCORRECT and "between 5 min and 8 min" in fb.message
    for odd in (None, ____):
        assert q.check(odd).status == NOT_ATTEMPTED
    for odd in (3, "sim", [1], {"wait": 6}):
        assert q.check(odd).status == INCORRECT
    with pytest.raises(ValueError, match="goal"):
        TargetQuestion("?", measure=len, right_settings={}, wrong_settings=[{}, {}])


def test_target_broken_measure_is_our_side() -> None:
    q = TargetQuestion(
        "?",
        measure=lambda sim: sim.nothing_here,
        at_least=1,
        right_settings={},
        wrong_settings=[{}, {}],
    )
    fb = q.check(FakeSimulator())
    assert fb.trouble and "AttributeError" in fb.detail


# ---------------------------------------------------------------------------------------------
# Odd answers never raise
# ---------------------------------------------------------------------------------------------


def odd_answers() -> list[Any]:
    import ipywidgets as widgets

    return [
        None,
        ____,
        "",
        "text",
        "38 %",
        [1, 2],
        (1,),
        {"a": 1},
        {1, 2},
        float("nan"),
        float("inf"),
        -float("inf"),
        True,
        False,
        np.nan,
        pd.NA,
        pd.NaT,
        1 + 2j,
        pd.DataFrame(),
        pd.DataFrame({"a": [1, 2], "b": [3, 4]}),
        pd.Series([], dtype=float),
        pd.Series(["a", "b"]),
        np.array([[1, 2], [3, 4]]),
        widgets.IntSlider(value=3),
        len,
        object(),
        pd.Timestamp("2024-01-01"),
        b"bytes",
        10**400,
        -1e308,
        TABLE.iloc[:0],
        TABLE.T,
        TABLE.set_axis([1, 1], axis=1),
    ]


@pytest.mark.parametrize("make", [make_value, make_table, make_choice, make_predict, make_target])
def test_odd_answers_never_raise(make: Any) -> None:
    q = make()
    for answer in odd_answers():
        fb = q.check(answer)
        assert isinstance(fb, Feedback)
        assert fb.status in {INCORRECT, NOT_ATTEMPTED}, (answer, fb)
        assert not fb.trouble, (answer, fb)
        assert fb._repr_html_() and str(fb)


def test_widget_answer_points_to_value() -> None:
    import ipywidgets as widgets

    fb = make_value().check(widgets.FloatSlider(value=0.38))
    assert fb.status == INCORRECT and ".value" in fb.message


# ---------------------------------------------------------------------------------------------
# Hints and solutions
# ---------------------------------------------------------------------------------------------


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


# ---------------------------------------------------------------------------------------------
# Buttons
# ---------------------------------------------------------------------------------------------


def output_html(output: Any) -> str:
    return "".join(item["data"].get("text/html", "") for item in output.outputs)


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
    radio.value = "a"
    box.check_button.click()
    assert "Satisfied is not the same as loyal" in output_html(box.output)
    radio.value = "b"
    box.check_button.click()
    assert "Correct" in output_html(box.output)


def test_multi_choice_buttons_use_checkboxes() -> None:
    q = ChoiceQuestion("?", options=["x", "y", "z"], correct=["a", "b"])
    box = q.buttons()
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


# ---------------------------------------------------------------------------------------------
# The collection, progress and the examples() contract
# ---------------------------------------------------------------------------------------------


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
    assert [s for _, _, s in progress.rows] == [CORRECT, INCORRECT, NOT_ATTEMPTED, None, None]
    assert "1 of 5 correct" in str(progress)
    page = progress._repr_html_()
    assert "✔" in page and "➜" in page and "✎" in page and "not checked yet" in page
    frame = progress.to_frame()
    assert list(frame.columns) == ["question", "kind", "status"]
    assert frame["status"].tolist()[-1] == "not checked yet"
    ex.reset()
    assert ex.progress().correct == 0 and ex.q3.prediction is None


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
            assert question.check(right).status == CORRECT, question.name
            for wrong in wrongs:
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


def test_verify_catches_a_broken_question() -> None:
    broken = ValueQuestion("?", answer=lambda: 1 / 0, name="bad")
    assert broken.verify()
    assert make_target().verify() != []  # a target needs a simulator
    lenient = ValueQuestion("?", answer=1.0, tolerance=1000)  # wrong answers would pass
    assert any("wrong answer" in p for p in lenient.verify())


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


def test_module_exports() -> None:
    for name in exercise.__all__:
        assert hasattr(exercise, name)
