"""The present view's pages: one notebook per lesson, holding all its simulators, in course order.

A page opens with the lesson's number, title and question and a list of its simulators (links to
their sections), then one section per simulator: its title, the question for the room, and the
simulator with its answer button and reset (:mod:`helpers.present.room`). Pages carry their
outline in the notebook's metadata (``loyalty_present``), which the index page and the kernel pools
of the server read without importing the course.
"""

from __future__ import annotations

import html
import shutil
from pathlib import Path
from typing import Any

import nbformat

from helpers import PROJECT_DIR
from helpers.course import LESSONS
from helpers.i18n import _, language
from helpers.lessons import Lesson
from helpers.present.room import anchor

PRESENT_DIR = PROJECT_DIR / "build" / "present"
#: The notebook metadata key that marks a present page and holds its outline.
METADATA_KEY = "loyalty_present"


def pages() -> dict[str, Lesson]:
    """Every present-view page by file stem (the lesson's notebook stem), in course order."""
    return {item.notebook: item for item in LESSONS if item.simulations}


def lesson_heading(item: Lesson) -> str:
    """``01 · Satisfaction``: how the index and the page name a lesson."""
    return f"{item.number} · {_(item.title)}"


def outline(item: Lesson, order: int) -> dict[str, Any]:
    """What the index needs to know about a page (stored in its metadata)."""
    return {
        "order": order,
        "heading": lesson_heading(item),
        "question": _(item.question),
        "language": language(),
        "simulations": [
            {"anchor": anchor(sim.name), "title": _(sim.title)} for sim in item.simulations
        ],
    }


def _header(item: Lesson, following: Lesson | None) -> str:
    contents = "\n".join(
        f"{number}. [{_(sim.title)}](#{anchor(sim.name)})"
        for number, sim in enumerate(item.simulations, start=1)
    )
    return (
        f"[← {_('All lessons')}](../tree)\n\n"
        f"# {lesson_heading(item)}\n\n"
        f"*{_(item.question)}*\n\n"
        f"**{_('On this page')}** "
        + _("(each simulator: ask the room first, then move a slider)")
        + f"\n\n{contents}\n"
    )


def _section(sim_index: int, total: int, sim: Any) -> str:
    title = html.escape(_(sim.title))
    count = _("Simulator {number} of {total}").format(number=sim_index, total=total)
    return (
        f'<h2 id="{anchor(sim.name)}">{title}</h2>\n\n'
        f"*{count}*\n\n"
        f"**{_('Ask the room:')}** {_(sim.question)}\n"
    )


def _footer(item: Lesson, following: Lesson | None) -> str:
    links = [f"[← {_('All lessons')}](../tree)"]
    if following is not None:
        links.append(
            f"[{_('Next lesson:')} {lesson_heading(following)} →]({following.notebook}.ipynb)"
        )
    return _("End of lesson {number}.").format(number=item.number) + "\n\n" + " · ".join(links)


def present_page(item: Lesson, following: Lesson | None = None) -> nbformat.NotebookNode:
    """The present-view notebook of one lesson: every simulator, each with its question."""
    md, code = nbformat.v4.new_markdown_cell, nbformat.v4.new_code_cell
    cells = [
        md(_header(item, following)),
        code(
            "from helpers.present import LessonPage\n\n"
            f"page = LessonPage({item.notebook!r})\npage.toolbar()"
        ),
    ]
    total = len(item.simulations)
    for number, sim in enumerate(item.simulations, start=1):
        cells.append(md(_section(number, total, sim)))
        cells.append(code(f"page.simulation({sim.name!r})"))
    cells.append(md(_footer(item, following)))
    book = nbformat.v4.new_notebook(cells=cells)
    book.metadata["kernelspec"] = {
        "name": "python3",
        "display_name": "Python 3",
        "language": "python",
    }
    book.metadata["title"] = f"{lesson_heading(item)} · {_('present view')}"
    order = [lesson.notebook for lesson in LESSONS].index(item.notebook)
    book.metadata[METADATA_KEY] = outline(item, order)
    return book


def build(folder: Path = PRESENT_DIR) -> list[Path]:
    """Write the present-view pages into ``folder`` (emptied first) and return their paths."""
    folder = Path(folder)
    protected = {(PROJECT_DIR / "data").resolve(), (PROJECT_DIR / "notebooks").resolve()}
    if folder.resolve() in protected:
        raise ValueError(f"The present view must not be written into {folder}.")
    if folder.exists():
        shutil.rmtree(folder)
    folder.mkdir(parents=True)
    in_order = list(pages().values())
    written = []
    for index, item in enumerate(in_order):
        following = in_order[index + 1] if index + 1 < len(in_order) else None
        path = folder / f"{item.notebook}.ipynb"
        nbformat.write(present_page(item, following), path)
        written.append(path)
    return written
