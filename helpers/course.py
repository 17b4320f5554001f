"""The course: its lessons in order. Adding a lesson is one import and one entry here (and its
folder and notebook source); the present view, the exercise tests, the browser tests, the guides
and the benchmark follow."""

from __future__ import annotations

import pandas as pd

from helpers.i18n import _
from helpers.lessons import Lesson, Simulation
from helpers.lessons.feedback.lesson import LESSON as FEEDBACK
from helpers.lessons.putting_it_together.lesson import LESSON as PUTTING_IT_TOGETHER
from helpers.lessons.repeat_business.lesson import LESSON as REPEAT_BUSINESS
from helpers.lessons.reputation.lesson import LESSON as REPUTATION
from helpers.lessons.satisfaction.lesson import LESSON as SATISFACTION
from helpers.lessons.start_here.lesson import LESSON as START_HERE

#: Every lesson, in course order.
LESSONS: tuple[Lesson, ...] = (
    START_HERE,
    SATISFACTION,
    REPEAT_BUSINESS,
    REPUTATION,
    FEEDBACK,
    PUTTING_IT_TOGETHER,
)


def lesson(notebook: str) -> Lesson:
    """The lesson of a notebook stem (``"01_satisfaction"``); a clear error for an unknown one."""
    for item in LESSONS:
        if item.notebook == notebook:
            return item
    known = ", ".join(item.notebook for item in LESSONS)
    raise KeyError(f"No lesson is called {notebook!r}; the course has {known}.")


def simulations() -> list[tuple[Lesson, Simulation]]:
    """Every simulator of the course with its lesson, in course order."""
    return [(item, sim) for item in LESSONS for sim in item.simulations]


def course_map() -> pd.DataFrame:
    """The course's notebooks in order: what each answers and the time it takes in class."""
    return pd.DataFrame(
        {
            _("notebook"): [_(item.title) for item in LESSONS],
            _("the question it answers"): [_(item.question) for item in LESSONS],
            _("minutes in class"): [item.minutes for item in LESSONS],
        },
        index=pd.Index([item.number for item in LESSONS], name="#"),
    )
