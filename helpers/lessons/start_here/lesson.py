"""Notebook 00 · start here: the manifest."""

from helpers.i18n import N_
from helpers.lessons import Lesson, Simulation
from helpers.lessons.start_here.questions import exercises
from helpers.lessons.start_here.simulators import start_here_simulator

LESSON = Lesson(
    notebook="00_start_here",
    title=N_("Start here"),
    question=N_("How do I use these notebooks?"),
    minutes=29,
    simulations=(
        Simulation(
            name="start-here",
            title=N_("Fix the problem, keep the customer"),
            question=N_(
                "Out of 100 customers who had a problem, how many come back if we fix "
                "**none** of the problems? And if we fix **all** of them? Write your guess down, "
                "then move the slider."
            ),
            factory=start_here_simulator,
        ),
    ),
    exercises=exercises,
)
