"""Tests for helpers.exercises.look: what the learner sees: feedback boxes and notes."""

from __future__ import annotations

import pytest

from helpers.exercises import (
    CORRECT,
    INCORRECT,
    NOT_ATTEMPTED,
    Feedback,
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
