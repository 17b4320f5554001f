"""The code-free present view: the course's simulators, ready for a projector.

``python -m helpers.present`` (or ``make present``) writes one page (notebook) per lesson into
``build/present/`` (never into ``data/`` or ``notebooks/``) and serves them with Voilà on
127.0.0.1, with the course's own template (``jupyter/present/``):

- an **index** in course order (lesson number, title, question, and a link to each simulator),
  replacing Voilà's file list;
- **one page per notebook holding all its simulators**, each in its own section: title, the
  question for the room, the simulator, a button that shows what the room should see and the
  takeaway once a slider has moved (so the room predicts first), and a reset; the page has a
  "Reset this page" button too;
- projector-sized type (18 px and more at 1280 × 720), keyboard operation with a visible focus
  ring, no plotly mode bar, nothing fetched from outside the machine;
- **a kernel started ahead for every page** (Voilà's ``preheat_kernel``), so a page opened in
  class draws from a kernel that has already run it.

Why one page per notebook rather than one per simulator: a lesson is taught in that order, so
the trainer scrolls on instead of going back to an index between simulators; and every page
keeps one kernel ready while the server runs, so 6 pages cost 6 kernels' memory where 21
simulator pages would cost 21. (Several figures on a page are safe since ``CourseFigure``.)

:mod:`.notebooks` builds the pages, :mod:`.room` is what surrounds each simulator, :mod:`.index`
writes the index page and :mod:`.server` runs Voilà. The pages come from the lessons' manifests
(:data:`helpers.course.LESSONS`), like the browser tests and the benchmark. Importing this
package is cheap: the course is imported only when a page or a simulator is asked for.
"""

from __future__ import annotations

from typing import Any

from helpers.present.server import JUPYTER_CONFIG_DIR, voila_command, voila_environment

__all__ = [
    "JUPYTER_CONFIG_DIR",
    "PRESENT_DIR",
    "LessonPage",
    "RoomSimulation",
    "build",
    "main",
    "pages",
    "present_page",
    "show",
    "voila_command",
    "voila_environment",
]

_LAZY = {
    "PRESENT_DIR": "helpers.present.notebooks",
    "build": "helpers.present.notebooks",
    "pages": "helpers.present.notebooks",
    "present_page": "helpers.present.notebooks",
    "LessonPage": "helpers.present.room",
    "RoomSimulation": "helpers.present.room",
    "show": "helpers.present.room",
    "main": "helpers.present.cli",
}


def __getattr__(name: str) -> Any:
    if name in _LAZY:
        import importlib

        return getattr(importlib.import_module(_LAZY[name]), name)
    raise AttributeError(f"module 'helpers.present' has no attribute {name!r}")
