"""The end of the course: progress across notebooks, the takeaways, the exit ticket."""

from __future__ import annotations

from datetime import date

import pytest

from helpers.exercises import saved
from helpers.lessons.putting_it_together import wrap_up


def test_progress_counts_done_and_correct_per_notebook():
    found = {
        "01_satisfaction": {
            "q1": {"done": True, "correct": False},
            "q6": {"done": True, "correct": True},
            "zz": {"done": True, "correct": True},  # a question that no longer exists
        }
    }
    table = wrap_up.course_progress(found)
    row = table.loc["01 · Satisfaction"]
    assert (row["exercises"], row["done"], row["correct"]) == (7, 2, 1)
    assert table.loc["05 · Putting it together", "done"] == 0
    assert len(table) == 6


def test_progress_reads_the_file(tmp_path):
    with saved.use_file(tmp_path / ".progress.json"):
        saved.save_result("05_putting_it_together", "q7", "choice", "correct", True)
        table = wrap_up.course_progress()
    assert table.loc["05 · Putting it together", "correct"] == 1


def test_the_takeaways_are_markdown_from_every_notebook():
    text = wrap_up.course_takeaways().data
    assert "#### 01 · Satisfaction" in text and "#### 05 · Putting it together" in text


def test_the_exit_ticket_page_escapes_and_dates_the_answers():
    page = wrap_up.ticket_html(["<b>train</b>", "", "why?"], day=date(2026, 1, 2))
    assert "&lt;b&gt;train&lt;/b&gt;" in page and "<b>train</b>" not in page
    assert "2026-01-02" in page
    for question in wrap_up.EXIT_QUESTIONS:
        assert question in page


def test_the_exit_ticket_is_saved_beside_the_progress_file(tmp_path):
    with saved.use_file(tmp_path / ".progress.json"):
        assert wrap_up.ticket_path() == tmp_path / "exit_ticket.html"
        ticket = wrap_up.exit_ticket()
        for box, text in zip(ticket.boxes, ("one", "two", "three"), strict=True):
            box.value = text
        ticket.button.click()
        page = (tmp_path / "exit_ticket.html").read_text(encoding="utf-8")
    assert "one" in page and "three" in page and "exit_ticket.html" in ticket.said.value


def test_the_exit_ticket_needs_three_answers(tmp_path):
    with pytest.raises(ValueError):
        wrap_up.save_exit_ticket(["only one"], tmp_path / "t.html")


def test_git_ignores_the_exit_ticket():
    ignored = (saved.DEFAULT_FILE.parents[1] / ".gitignore").read_text(encoding="utf-8")
    assert "notebooks/exit_ticket.*" in ignored.splitlines()
