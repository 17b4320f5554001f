"""Notebook 01 · satisfaction: the manifest."""

from helpers.i18n import N_
from helpers.lessons import Lesson, Simulation
from helpers.lessons.satisfaction import simulators
from helpers.lessons.satisfaction.questions import exercises

LESSON = Lesson(
    notebook="01_satisfaction",
    title=N_("Satisfaction"),
    question=N_('What makes a customer satisfied, and why is "satisfied" not enough?'),
    minutes=100,
    simulations=(
        Simulation(
            name="satisfaction",
            title=N_("What makes a customer satisfied?"),
            question=N_(
                "Which of these six sliders will change the most customers' minds? Vote, then "
                "move each one in turn."
            ),
            factory=simulators.satisfaction_simulator,
        ),
        Simulation(
            name="loyalty-curve",
            title=N_("From satisfied to loyal"),
            question=N_(
                "A customer scores us 4 of 5: satisfied. Is she likely to come back? How much "
                "more likely is a customer who scores 5?"
            ),
            factory=simulators.loyalty_curve_simulator,
        ),
        Simulation(
            name="bad-moments",
            title=N_("Bad moments weigh more"),
            question=N_(
                "One visit in five has one bad moment. If a bad moment weighs twice a good one, "
                "how many customers end up unhappy?"
            ),
            factory=simulators.bad_moments_simulator,
        ),
        Simulation(
            name="interest",
            title=N_("Service is not everything"),
            question=N_(
                "Same service, same warmth: who comes back more, customers with a real reason "
                "to come or customers without one? By how much?"
            ),
            factory=simulators.interest_simulator,
        ),
    ),
    exercises=exercises,
)
