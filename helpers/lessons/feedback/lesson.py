"""Notebook 04 · feedback: the manifest.

Every ``expected`` sentence is asserted on the model in ``tests/lessons/feedback/test_claims``.
"""

from helpers.i18n import N_
from helpers.lessons import Lesson, Simulation
from helpers.lessons.feedback import simulators
from helpers.lessons.feedback.questions import exercises

LESSON = Lesson(
    notebook="04_feedback",
    title=N_("Feedback"),
    question=N_("What do surveys and complaints really tell us, and how do we act on them?"),
    minutes=91,
    simulations=(
        Simulation(
            name="score-spread",
            title=N_("How sure is a score?"),
            question=N_(
                "Our survey of 30 customers gives an NPS of 20. If we asked 30 others, how far "
                "from 20 could their NPS be?"
            ),
            factory=simulators.score_spread_simulator,
            expected=N_(
                "With 30 answers one survey's NPS lands anywhere within about ±27 points of the "
                "truth; with 200 answers about ±10. Quadrupling the answers halves the margin."
            ),
            takeaway=N_(
                "A score without its margin is not a result: always ask 'out of how many?'"
            ),
        ),
        Simulation(
            name="staff-funnel",
            title=N_("Ranking staff fairly"),
            question=N_(
                "With 10 surveys each, how often does the truly best person come top of the "
                "ranking? And with 100?"
            ),
            factory=simulators.staff_funnel_simulator,
            expected=N_(
                "With 10 surveys each the truly best comes top about one month in six (pure "
                "luck: one in twelve); even with 100 each, only about half the time. With 10 "
                "surveys each nobody can lie above the funnel, yet when everyone is equally "
                "good someone lands outside it in about one month in eight."
            ),
            takeaway=N_(
                "Never rank a colleague on a handful of surveys: inside the funnel the order is "
                "mostly luck, and a point outside is worth a closer look, not a verdict."
            ),
        ),
        Simulation(
            name="who-answers",
            title=N_("Who answers?"),
            question=N_(
                "If the delighted answer our survey twice as often as the content, what does "
                "our survey say about how many customers are delighted?"
            ),
            factory=simulators.who_answers_simulator,
            expected=N_(
                "When every group answers equally often, the survey is right on average whatever "
                "the response rate (fewer answers only widen the margin). When the delighted "
                "answer more, the survey shows far more delighted customers than there are."
            ),
            takeaway=N_("The people who answer are not the people who do not: ask who is missing."),
        ),
        Simulation(
            name="complaint-iceberg",
            title=N_("The complaint iceberg"),
            question=N_(
                "For every unhappy customer who complains, how many say nothing? And what is one "
                "complaint put right worth?"
            ),
            factory=simulators.complaint_iceberg_simulator,
            expected=N_(
                "At 20 % complaining, 4 unhappy customers say nothing for each one who "
                "complains; at the folklore 4 %, 24. Each complaint put right keeps 0.4 "
                "customers more than one argued with, about 107 in lifetime value before the "
                "cost of the remedy."
            ),
            takeaway=N_("A complaint is a gift: the one unhappy customer you can still keep."),
        ),
    ),
    exercises=exercises,
)
