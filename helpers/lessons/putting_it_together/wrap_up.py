"""The end of the course: every notebook's takeaways, the learner's progress, an exit ticket.

* :func:`course_takeaways`: one line per notebook, its *Key takeaways* behind a click, read from
  its text source (:mod:`helpers.course_text`), never copied.
* :func:`course_progress`: the exercises done in every notebook and the ones still to do, with a
  total, from the progress file the exercise engine keeps beside the notebooks
  (:mod:`helpers.exercises.saved`).
* :func:`exit_ticket`: three questions; the answers are saved, with a click, to a dated page
  beside the notebooks (``exit_ticket-2026-01-02.html``, ignored by git, never sent anywhere, a
  second save the same day never overwrites the first) that prints on one sheet.
"""

from __future__ import annotations

import html
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import ipywidgets as widgets
import pandas as pd
from IPython.display import Markdown

from helpers.course_text import course_texts, takeaways_folded
from helpers.exercises import saved
from helpers.i18n import N_, _, ngettext

#: The exit ticket's three questions (translated where shown).
EXIT_QUESTIONS = (
    N_("One thing I will do differently at work next week:"),
    N_("The link of the chain I am least sure about in my own shop, and why:"),
    N_("A question I still have:"),
)
TICKET_STEM = "exit_ticket"
#: Text size of the wrap-up's widgets and messages (the course's 18 px, readable on a projector).
READABLE = "18px"


def course_takeaways() -> Markdown:
    """Every notebook in one line; click one to see its key takeaways (from its text source)."""
    return Markdown(takeaways_folded(course_texts()))


@dataclass(frozen=True)
class CourseProgress:
    """The exercises of every notebook: how many, how many done and correct, which are left."""

    table: pd.DataFrame  #: one row per notebook and a total row

    @property
    def total(self) -> int:
        return int(self.table[_("exercises")].iloc[-1])

    @property
    def done(self) -> int:
        return int(self.table[_("done")].iloc[-1])

    def summary(self) -> str:
        """One sentence: how far the learner is, and a "well done" when everything is done."""
        if self.total and self.done == self.total:
            return _("All {total} exercises done: well done, you have finished the course!").format(
                total=self.total
            )
        text = ngettext(
            "{done} of {total} exercise done: the table says which are left.",
            "{done} of {total} exercises done: the table says which are left.",
            self.total,
        )
        return text.format(done=self.done, total=self.total)

    def _repr_html_(self) -> str:
        words = html.escape(self.summary())
        return (
            f"<div style='font-size:{READABLE};font-weight:700;margin:6px 0'>{words}</div>"
            + self.table.to_html()
        )

    def __str__(self) -> str:
        return f"{self.summary()}\n{self.table.to_string()}"


def course_progress(found: dict | None = None) -> CourseProgress:
    """For every notebook with exercises: how many there are, how many are done (correct, or a
    prediction checked), how many were answered correctly and which are still to do, from the
    saved progress; a last row adds them up."""
    from helpers.course import LESSONS

    found = saved.load() if found is None else found
    rows = {}
    for lesson in LESSONS:
        if lesson.exercises is None:
            continue
        mine = found.get(lesson.notebook, {})
        names = lesson.exercises.names()
        left = [n for n in names if not mine.get(n, {}).get("done")]
        rows[f"{lesson.number} · {_(lesson.title)}"] = {
            _("exercises"): len(names),
            _("done"): len(names) - len(left),
            _("correct"): sum(bool(mine.get(n, {}).get("correct")) for n in names),
            _("still to do"): ", ".join(left) or _("none: well done"),
        }
    table = pd.DataFrame(rows).T
    sums = {column: int(table[column].sum()) for column in table.columns[:3]}
    table.loc[_("all notebooks")] = [*sums.values(), ""]
    return CourseProgress(table)


def ticket_path(day: date | None = None) -> Path:
    """Where the next exit ticket is saved: beside the progress file (the notebooks' folder),
    named with the day; a second ticket the same day gets a number, never overwriting one."""
    folder = saved.progress_file().parent
    stem = f"{TICKET_STEM}-{(day or date.today()).isoformat()}"
    where, count = folder / f"{stem}.html", 1
    while where.exists():
        count += 1
        where = folder / f"{stem}-{count}.html"
    return where


def ticket_html(answers: Sequence[str], day: date | None = None) -> str:
    """The exit ticket as a small page that prints on one sheet (answers escaped)."""
    when = (day or date.today()).isoformat()
    parts = [
        f"<h2>{html.escape(_(question))}</h2><p>{html.escape(answer.strip()) or '&nbsp;'}</p>"
        for question, answer in zip(EXIT_QUESTIONS, answers, strict=True)
    ]
    title = html.escape(_("Exit ticket: Service that earns loyalty"))
    return (
        '<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">'
        f"<title>{title}</title><style>body{{font-family:Verdana,sans-serif;font-size:14pt;"
        "max-width:40em;margin:2em auto;line-height:1.5}h2{font-size:14pt;margin-top:1.5em}"
        "p{white-space:pre-wrap;border-bottom:1px solid #999;min-height:3em}</style></head>"
        f"<body><h1>{title}</h1><p>{html.escape(when)}</p>{''.join(parts)}</body></html>\n"
    )


def save_exit_ticket(answers: Sequence[str], path: Path | None = None) -> Path:
    """Write the three answers to a new exit-ticket page; return where it is."""
    if len(answers) != len(EXIT_QUESTIONS):
        raise ValueError(f"The exit ticket has {len(EXIT_QUESTIONS)} answers.")
    where = path or ticket_path()
    where.parent.mkdir(parents=True, exist_ok=True)
    where.write_text(ticket_html(answers), encoding="utf-8")
    return where


def _said(text: str, link: Path | None = None) -> str:
    """A message under the button, at the course's size; with a link to open the saved page
    (relative to the notebook, so JupyterLab opens it beside the notebook in a new tab)."""
    shown = html.escape(text)
    if link is not None:
        name = html.escape(link.name)
        shown = shown.replace(name, f"<a href='{name}' target='_blank'>{name}</a>", 1)
    return f"<div style='font-size:{READABLE};line-height:1.5'>{shown}</div>"


def _saved_message(where: Path, empty: list[int]) -> str:
    words = _(
        "Saved as {name}: click the name to open it, then print it (File → Print). It is in "
        "the notebooks folder: {folder}"
    ).format(name=where.name, folder=where.parent)
    if empty:
        numbers = ", ".join(str(n) for n in empty)
        words += " " + ngettext(
            "(Question {numbers} was left empty.)", "(Questions {numbers} were left empty.)",
            len(empty),
        ).format(numbers=numbers)  # fmt: skip
    return words + " " + _("Well done: you have reached the end of the course!")


def exit_ticket() -> widgets.VBox:
    """Three boxes to type in and a button that saves the answers as a dated page to print."""
    boxes = [
        widgets.Textarea(
            placeholder=_("Type here"),
            layout=widgets.Layout(width="640px", height="5em"),
            style={"font_size": READABLE},
        )
        for _question in EXIT_QUESTIONS
    ]
    button = widgets.Button(
        description=_("Save my answers"),
        button_style="primary",
        layout=widgets.Layout(width="auto", height="auto", padding="6px 16px"),
        style={"font_size": READABLE},
    )
    said = widgets.HTML()

    def save(_button: widgets.Button) -> None:
        answers = [box.value for box in boxes]
        empty = [n for n, answer in enumerate(answers, 1) if not answer.strip()]
        if len(empty) == len(answers):
            said.value = _said(_("Type at least one answer in the boxes above, then save."))
            return
        try:
            where = save_exit_ticket(answers)
        except OSError as error:
            said.value = _said(_("Could not save: {error}").format(error=error))
            return
        said.value = _said(_saved_message(where, empty), link=where)

    button.on_click(save)
    rows = []
    for question, box in zip(EXIT_QUESTIONS, boxes, strict=True):
        words = html.escape(_(question))
        rows += [widgets.HTML(f"<b style='font-size:{READABLE}'>{words}</b>"), box]
    ticket = widgets.VBox([*rows, button, said])
    ticket.add_class("exit-ticket")
    ticket.boxes, ticket.button, ticket.said = boxes, button, said  # for tests
    return ticket
