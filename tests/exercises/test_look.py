"""Tests for helpers.exercises.look: what the learner sees: feedback boxes and notes."""

from __future__ import annotations

import re
from html.parser import HTMLParser

import pandas as pd
import pytest
from sample_questions import html_text, make_choice, make_predict, make_target, make_value

from helpers import i18n
from helpers.exercises import (
    CORRECT,
    INCORRECT,
    NOT_ATTEMPTED,
    Exercises,
    Feedback,
    Note,
    ValueQuestion,
)
from helpers.theme import FEEDBACK


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
    assert "Xot tried yet" in ex.progress()._repr_html_()
    ex.q1.check(1)
    ex.q1.check(2)
    assert "Xorrect (earlier)" in ex.progress()._repr_html_()
    assert ex.q1.buttons().check_button.description == "Xheck my answer"


def test_english_again_after_the_catalog() -> None:
    # Runs after the test above: the fixture must have put English back.
    assert i18n.language() == "en"
    assert "Correct" in Feedback("q1", CORRECT, "Well done.")._repr_html_()


# ---------------------------------------------------------------------------------------------
# Contrast: every text the engine draws, against the background it is drawn on
# ---------------------------------------------------------------------------------------------


def relative_luminance(colour: str) -> float:
    """WCAG 2 relative luminance of a #RRGGBB colour."""
    channels = [int(colour.lstrip("#")[i : i + 2], 16) / 255 for i in (0, 2, 4)]
    red, green, blue = (
        c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in channels
    )
    return 0.2126 * red + 0.7152 * green + 0.0722 * blue


def contrast(one: str, other: str) -> float:
    """WCAG 2 contrast ratio of two colours (1 to 21)."""
    light, dark = sorted((relative_luminance(one), relative_luminance(other)), reverse=True)
    return (light + 0.05) / (dark + 0.05)


class TextColours(HTMLParser):
    """Collects (text colour, background colour, text) for every piece of visible text.

    Colours are inherited from the enclosing elements, as a browser does; a text with no colour
    or background set anywhere above it is recorded with ``None``, which the test refuses.
    """

    VOID = {"br", "img", "hr", "input", "meta", "link"}

    def __init__(self) -> None:
        super().__init__()
        self.stack: list[tuple[str | None, str | None]] = [(None, None)]
        self.pairs: list[tuple[str | None, str | None, str]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        colour, background = self.stack[-1]
        style = dict(attrs).get("style") or ""
        for name, value in re.findall(r"([\w-]+)\s*:\s*([^;]+)", style):
            if name == "color":
                colour = value.strip()
            elif name in ("background", "background-color"):
                background = value.strip()
        if tag not in self.VOID:
            self.stack.append((colour, background))

    def handle_endtag(self, tag: str) -> None:
        if tag not in self.VOID and len(self.stack) > 1:
            self.stack.pop()

    def handle_data(self, data: str) -> None:
        if data.strip():
            self.pairs.append((*self.stack[-1], data.strip()))


def everything_the_engine_draws() -> list[str]:
    """The HTML of every box, note and table the engine can show, in every state."""
    markdown = "Some **bold**, *italics*, `code`, a [link](https://example.org)\n\n- a list\n\n"
    markdown += "```python\nx = 1\n```"
    pages = [
        Feedback("q1", status, markdown, detail="small print")._repr_html_()
        for status in (CORRECT, INCORRECT, NOT_ATTEMPTED)
    ]
    pages.append(Feedback("q1", NOT_ATTEMPTED, markdown, "detail", trouble=True)._repr_html_())
    pages += [
        Note(kind, "Title", markdown, "q1")._repr_html_()
        for kind in ("hint", "solution", "prediction", "info", "unknown kind")
    ]
    ex = Exercises(q1=make_value(), q2=make_choice(), q3=make_predict(), q4=make_target())
    pages += [question._repr_html_() for question in ex]
    ex.q1.check(0.3846)
    ex.q2.check("a")
    ex.q3.check()
    pages.append(ex.progress()._repr_html_())
    return pages


def test_every_text_reaches_4_5_to_1_contrast() -> None:
    pairs = []
    for page in everything_the_engine_draws():
        parser = TextColours()
        parser.feed(page)
        pairs += parser.pairs
    seen = {(colour, background) for colour, background, _text in pairs}
    assert len(seen) >= 6, seen  # the status words, body text, small print, code, blocks…
    low = [
        (colour, background, text, round(contrast(colour, background), 2))
        for colour, background, text in pairs
        if colour is None or background is None or contrast(colour, background) < 4.5
    ]
    assert not low, low
    # The coloured status words themselves are among the pairs checked.
    for name in ("correct", "incorrect", "not_attempted"):
        assert (FEEDBACK[f"{name}_text"], FEEDBACK["background"]) in seen


def test_theme_feedback_words_are_readable_on_white() -> None:
    for name, colour in FEEDBACK.items():
        if name.endswith("_text") or name in ("text", "muted"):
            for background in ("background", "code_background", "block_background"):
                assert contrast(colour, FEEDBACK[background]) >= 4.5, (name, background)


def test_contrast_formula() -> None:
    assert contrast("#000000", "#FFFFFF") == pytest.approx(21)
    assert contrast("#777777", "#FFFFFF") == pytest.approx(4.48, abs=0.01)
    assert contrast("#D55E00", "#FFFFFF") < 4.5  # why words use darker shades than frames
