"""The end of the course: every notebook's takeaways, the learner's progress, an exit ticket.

* :func:`course_takeaways`: each notebook's *Key takeaways*, read from its text source
  (:mod:`helpers.course_text`), never copied.
* :func:`course_progress`: the exercises done in every notebook, from the progress file the
  exercise engine keeps beside the notebooks (:mod:`helpers.exercises.saved`).
* :func:`exit_ticket`: three questions; the answers are saved, with a click, to a page beside the
  notebooks (``exit_ticket.html``, ignored by git, never sent anywhere) that prints on one sheet.
"""

from __future__ import annotations

import html
from collections.abc import Sequence
from datetime import date
from pathlib import Path

import ipywidgets as widgets
import pandas as pd
from IPython.display import Markdown

from helpers.course_text import course_texts, takeaways_markdown
from helpers.exercises import saved
from helpers.i18n import N_, _

#: The exit ticket's three questions (translated where shown).
EXIT_QUESTIONS = (
    N_("One thing I will do differently at work next week:"),
    N_("The link of the chain I am least sure about in my own shop, and why:"),
    N_("A question I still have:"),
)
TICKET_NAME = "exit_ticket.html"
#: Text size of the exit ticket's widgets (the course's 18 px, readable on a projector).
READABLE = "18px"


def course_takeaways() -> Markdown:
    """Every notebook's key takeaways, read from the notebooks' own text sources."""
    return Markdown(takeaways_markdown(course_texts()))


def course_progress(found: dict | None = None) -> pd.DataFrame:
    """For every notebook with exercises: how many there are, how many are done (correct, or a
    prediction checked) and how many answered correctly, from the saved progress."""
    from helpers.course import LESSONS

    found = saved.load() if found is None else found
    rows = {}
    for lesson in LESSONS:
        if lesson.exercises is None:
            continue
        mine = found.get(lesson.notebook, {})
        names = lesson.exercises.names()
        rows[f"{lesson.number} · {_(lesson.title)}"] = {
            _("exercises"): len(names),
            _("done"): sum(bool(mine.get(n, {}).get("done")) for n in names),
            _("correct"): sum(bool(mine.get(n, {}).get("correct")) for n in names),
        }
    return pd.DataFrame(rows).T


def ticket_path() -> Path:
    """Where the exit ticket is saved: beside the progress file (the notebooks' folder)."""
    return saved.progress_file().parent / TICKET_NAME


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
    """Write the three answers to the exit-ticket page; return where it is."""
    if len(answers) != len(EXIT_QUESTIONS):
        raise ValueError(f"The exit ticket has {len(EXIT_QUESTIONS)} answers.")
    where = path or ticket_path()
    where.parent.mkdir(parents=True, exist_ok=True)
    where.write_text(ticket_html(answers), encoding="utf-8")
    return where


def exit_ticket() -> widgets.VBox:
    """Three boxes to type in and a button that saves the answers as a page to print."""
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
        try:
            where = save_exit_ticket([box.value for box in boxes])
        except OSError as error:
            shown = html.escape(_("Could not save: {error}").format(error=error))
            said.value = f"<span style='font-size:{READABLE}'>{shown}</span>"
            return
        words = _("Saved to {name} beside the notebooks: open it in the browser and print it.")
        shown = html.escape(words.format(name=where.name))
        said.value = f"<span style='font-size:{READABLE}'>{shown}</span>"

    button.on_click(save)
    rows = []
    for question, box in zip(EXIT_QUESTIONS, boxes, strict=True):
        words = html.escape(_(question))
        rows += [widgets.HTML(f"<b style='font-size:{READABLE}'>{words}</b>"), box]
    ticket = widgets.VBox([*rows, button, said])
    ticket.add_class("exit-ticket")
    ticket.boxes, ticket.button, ticket.said = boxes, button, said  # for tests
    return ticket
