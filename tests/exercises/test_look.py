"""Tests for helpers.exercises.look: what the learner sees: feedback boxes and notes."""

from __future__ import annotations

import pandas as pd
import pytest
from sample_questions import html_text

from helpers import i18n
from helpers.exercises import (
    CORRECT,
    INCORRECT,
    NOT_ATTEMPTED,
    Exercises,
    Feedback,
    ValueQuestion,
)


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


def test_a_catalog_changes_what_the_learner_sees(dummy_language: str) -> None:
    fb = Feedback("q1", CORRECT, "Well done.")
    assert "Xorrect" in fb._repr_html_() and ">Correct" not in html_text(fb)
    assert str(fb).startswith("✔ XORRECT (q1)")
    assert "Xot yet" in Feedback("q1", INCORRECT, "No.")._repr_html_()
    # A plural from the catalog, in a message built by the engine.
    fb = ValueQuestion("?", answer=3.0).check(pd.DataFrame({"a": [1, 2], "b": [3, 4]}))
    assert "2 xrows" in fb.message
    fb = ValueQuestion("?", answer=3.0).check(pd.DataFrame({"a": [1], "b": [3]}))
    assert "1 xrow and" in fb.message
    q = Exercises(q1=ValueQuestion("?", answer=1, hints=["a", "b"])).q1
    assert q.hint(7).text == "Xhere are 2 xhints: `ex.q1.hint(1)`…`ex.q1.hint(2)`."
    ex = Exercises(q1=ValueQuestion("?", answer=1))
    assert "xot checked yet" in ex.progress()._repr_html_()
    assert ex.q1.buttons().check_button.description == "Xheck my answer"


def test_english_again_after_the_catalog() -> None:
    # Runs after the test above: the fixture must have put English back.
    assert i18n.language() == "en"
    assert "Correct" in Feedback("q1", CORRECT, "Well done.")._repr_html_()
