"""The course's lessons: one folder per notebook, each described by one manifest.

A lesson folder holds its pure model (``model.py``: numpy, pandas, scipy; no widgets), its
simulators (``simulators.py``: sliders and charts over the model), its analysis of the sample town
(``in_town.py``), its exercises (``questions.py``) and its manifest (``lesson.py``: a
:class:`Lesson`). :mod:`helpers.course` lists the manifests in course order; the present view, the
exercise tests, the browser tests and the benchmark all read them from there.

This module only defines the two records; importing it does not import any lesson.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from helpers.exercises import Exercises
    from helpers.simulator import Simulator


@dataclass(frozen=True)
class Simulation:
    """One simulator as the course presents it (in its notebook and in the present view)."""

    name: str  #: the simulator's id (``Simulator.name``; CSS class ``simulator-<name>``)
    title: str  #: heading on the present-view page
    question: str  #: what the trainer asks the room before moving the slider
    factory: Callable[[], Simulator]  #: builds a fresh simulator
    #: What the room should see once the slider has moved (a test asserts it on the model).
    expected: str = ""
    takeaway: str = ""  #: the one sentence to remember


@dataclass(frozen=True)
class Lesson:
    """One notebook of the course: its name, its simulators in order, and its exercises."""

    notebook: str  #: file stem in ``notebooks/``, e.g. ``"01_satisfaction"``
    title: str  #: e.g. ``"Satisfaction"``
    question: str  #: the question the notebook answers
    simulations: tuple[Simulation, ...] = ()
    exercises: Exercises | None = None
    minutes: int = 0  #: the time a class needs for the whole notebook

    @property
    def number(self) -> str:
        """The notebook's number, e.g. ``"01"``."""
        return self.notebook.split("_", 1)[0]
