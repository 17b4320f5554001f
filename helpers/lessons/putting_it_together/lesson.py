"""Notebook 05 · putting it together: the manifest.

Every ``expected`` sentence is asserted on the model in
``tests/lessons/putting_it_together/test_claims.py``.
"""

from helpers.i18n import N_
from helpers.lessons import Lesson, Simulation
from helpers.lessons.putting_it_together import simulators
from helpers.lessons.putting_it_together.questions import exercises

LESSON = Lesson(
    notebook="05_putting_it_together",
    title=N_("Putting it together"),
    question=N_("Does treating staff well pay? The service-profit chain, end to end."),
    minutes=82,
    simulations=(
        Simulation(
            name="chain",
            title=N_("Does treating staff well pay?"),
            question=N_(
                "Market Street raises training from 10 to 40 hours a year. Which chart gets "
                "half-way to its month-24 change first, which last? Then: cut two staff. Does "
                "the saving last?"
            ),
            factory=simulators.chain_simulator,
            expected=N_(
                "With 40 hours of training, engagement is half-way by month 6, customers only by "
                "month 10; the profit so far gets ahead of today's for good in month 9. Two fewer "
                "staff save about 3,600 a month at once; waits jump, customers leave over the "
                "months after, and the saving shrinks to about 700 a month by month 24."
            ),
            takeaway=N_(
                "Improvements upstream take months to show downstream; a staff cut saves at "
                "once and costs customers later, and whether it pays depends on numbers to "
                "measure."
            ),
        ),
    ),
    exercises=exercises,
)
