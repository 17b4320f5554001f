"""Template lesson: the manifest (copy and fill in; register the copy in helpers/course.py)."""

from helpers.i18n import N_
from helpers.lessons import Lesson, Simulation
from helpers.lessons.template.questions import exercises
from helpers.lessons.template.simulators import greeting_simulator

LESSON = Lesson(
    notebook="template",
    title=N_("Lesson template"),
    question=N_("What question does this lesson answer?"),
    minutes=30,
    simulations=(
        Simulation(
            name="greeting",
            title=N_("Greet them and they come back"),
            question=N_("Everyone greeted: how many of 100 come back? Guess, then move it."),
            factory=greeting_simulator,
            expected=N_("From 20 (nobody greeted) to 30 (everyone greeted) of 100."),
            takeaway=N_("A greeting raises the odds; it does not guarantee a return."),
        ),
    ),
    exercises=exercises,
)
