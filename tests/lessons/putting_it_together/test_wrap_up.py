"""The end of the course: progress across notebooks, the takeaways, the exit ticket."""

from __future__ import annotations

from datetime import date

import pytest

from helpers.exercises import saved
from helpers.lessons.putting_it_together import wrap_up


def test_progress_counts_done_and_correct_per_notebook_and_says_which_are_left():
    found = {
        "01_satisfaction": {
            "q1": {"done": True, "correct": False},
            "q6": {"done": True, "correct": True},
            "zz": {"done": True, "correct": True},  # a question that no longer exists
        }
    }
    progress = wrap_up.course_progress(found)
    table = progress.table
    row = table.loc["01 · Satisfaction"]
    assert (row["exercises"], row["done"], row["correct"]) == (7, 2, 1)
    assert row["still to do"] == "q2, q3, q4, q5, q7"
    assert table.loc["05 · Putting it together", "done"] == 0
    assert len(table) == 6 + 1  # the six notebooks with exercises, and the total row
    total = table.loc["all notebooks"]
    assert total["exercises"] == progress.total == table["exercises"].iloc[:-1].sum()
    assert total["done"] == progress.done == 2
    assert progress.summary().startswith(f"2 of {progress.total} exercises done")
    assert "still to do" in progress._repr_html_()


def test_everything_done_is_well_done():
    from helpers.course import LESSONS

    found = {
        lesson.notebook: {n: {"done": True, "correct": True} for n in lesson.exercises.names()}
        for lesson in LESSONS
        if lesson.exercises is not None
    }
    progress = wrap_up.course_progress(found)
    assert "well done" in progress.summary() and "finished the course" in progress.summary()
    assert set(progress.table["still to do"].iloc[:-1]) == {"none: well done"}


def test_progress_reads_the_file(tmp_path):
    with saved.use_file(tmp_path / ".progress.json"):
        saved.save_result("05_putting_it_together", "q7", "choice", "correct", True)
        table = wrap_up.course_progress().table
    assert table.loc["05 · Putting it together", "correct"] == 1


def test_the_takeaways_are_one_line_per_notebook_with_the_rest_behind_a_click():
    text = wrap_up.course_takeaways().data
    assert "<summary><b>01 · Satisfaction</b>" in text
    assert "<summary><b>05 · Putting it together</b>" in text
    assert text.count("<details>") == 6


def test_the_exit_ticket_page_escapes_and_dates_the_answers():
    page = wrap_up.ticket_html(["<b>train</b>", "", "why?"], day=date(2026, 1, 2))
    assert "&lt;b&gt;train&lt;/b&gt;" in page and "<b>train</b>" not in page
    assert "2026-01-02" in page
    for question in wrap_up.EXIT_QUESTIONS:
        assert question in page


def test_a_ticket_is_dated_and_never_overwritten(tmp_path):
    with saved.use_file(tmp_path / ".progress.json"):
        first = wrap_up.ticket_path(date(2026, 1, 2))
        assert first == tmp_path / "exit_ticket-2026-01-02.html"
        first.write_text("one", encoding="utf-8")
        assert wrap_up.ticket_path(date(2026, 1, 2)).name == "exit_ticket-2026-01-02-2.html"


def _fill(ticket, texts):
    for box, text in zip(ticket.boxes, texts, strict=True):
        box.value = text
    ticket.button.click()
    return ticket.said.value


def test_the_exit_ticket_is_saved_with_a_link_and_a_well_done(tmp_path):
    with saved.use_file(tmp_path / ".progress.json"):
        ticket = wrap_up.exit_ticket()
        said = _fill(ticket, ("one", "two", "three"))
        [page] = tmp_path.glob("exit_ticket-*.html")
        again = _fill(ticket, ("one", "two", "three"))
        assert len(list(tmp_path.glob("exit_ticket-*.html"))) == 2  # nothing overwritten
    text = page.read_text(encoding="utf-8")
    assert "one" in text and "three" in text
    assert f"<a href='{page.name}' target='_blank'>{page.name}</a>" in said
    assert str(tmp_path) in said and "end of the course" in said
    assert "-2.html" in again and "left empty" not in said


def test_empty_answers_are_warned_about(tmp_path):
    with saved.use_file(tmp_path / ".progress.json"):
        ticket = wrap_up.exit_ticket()
        said = _fill(ticket, ("", " ", ""))
        assert not list(tmp_path.glob("exit_ticket-*.html")) and "at least one answer" in said
        said = _fill(ticket, ("one", "", ""))
        assert "Questions 2, 3 were left empty" in said
        assert len(list(tmp_path.glob("exit_ticket-*.html"))) == 1


def test_the_exit_ticket_needs_three_answers(tmp_path):
    with pytest.raises(ValueError):
        wrap_up.save_exit_ticket(["only one"], tmp_path / "t.html")


def test_git_ignores_the_exit_tickets():
    ignored = (saved.DEFAULT_FILE.parents[1] / ".gitignore").read_text(encoding="utf-8")
    assert "notebooks/exit_ticket*.html" in ignored.splitlines()
