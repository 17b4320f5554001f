"""Notebook 01 · satisfaction: the manifest.

Every ``expected`` sentence is asserted on the model in ``tests/lessons/satisfaction/test_claims``.
"""

from helpers.i18n import N_
from helpers.lessons import Lesson, Simulation
from helpers.lessons.satisfaction import simulators
from helpers.lessons.satisfaction.questions import exercises

LESSON = Lesson(
    notebook="01_satisfaction",
    title=N_("Satisfaction"),
    question=N_('What makes a customer satisfied, and why is "satisfied" not enough?'),
    minutes=118,
    simulations=(
        Simulation(
            name="satisfaction",
            title=N_("What makes a customer satisfied?"),
            question=N_(
                "Which of these six sliders will change the most customers' minds? Vote, then "
                "move each one in turn."
            ),
            factory=simulators.satisfaction_simulator,
            expected=N_(
                "Each 10 points of politeness move about 2.5 customers in 100: at 90 % there are "
                "10 points to win and 90 to lose. Warmth and listening lift the 5s; problems "
                "fixed barely moves the whole shop, because few visits have a problem."
            ),
            takeaway=N_(
                "Customers notice moments; the moments they take for granted hurt most "
                "when they fail."
            ),
        ),
        Simulation(
            name="moment-costs",
            title=N_("Rare and heavy, or common and light?"),
            question=N_(
                "Which loses us more customers: problems left unfixed, or waits over five "
                "minutes? Then: what happens at an average wait of 10 minutes?"
            ),
            factory=simulators.moment_costs_simulator,
            expected=N_(
                "Waits over five minutes lose more customers than unfixed problems, although an "
                "unfixed problem hits its customer about four times harder: waits touch about "
                "seven times as many. At an average wait of 10 minutes or more, waiting becomes "
                "the costliest moment."
            ),
            takeaway=N_(
                "What a failure costs us = how many customers it touches × how much it "
                "costs each of them."
            ),
        ),
        Simulation(
            name="loyalty-curve",
            title=N_("From satisfied to loyal"),
            question=N_(
                "A customer scores us 4 of 5: satisfied. Is she likely to come back? How much "
                "more likely is a customer who scores 5?"
            ),
            factory=simulators.loyalty_curve_simulator,
            expected=N_(
                "At the Xerox setting a 5 comes back six times as often as a 4. Moving the ratio "
                "pulls the 4s and 5s apart; the unhappy end of the curve hardly moves."
            ),
            takeaway=N_('"Satisfied" is not loyal: loyalty is won in the step from 4 to 5.'),
        ),
        Simulation(
            name="bad-moments",
            title=N_("Bad moments weigh more"),
            question=N_(
                "One moment in five goes badly. If a bad moment weighs twice a good one, how many "
                "customers end up unhappy? And if it weighs the same?"
            ),
            factory=simulators.bad_moments_simulator,
            expected=N_(
                "With four good moments for each bad one, about four times as many customers are "
                "unhappy at twice the weight as at the same weight, and every step up to 4 adds "
                "more. The share coming back falls less."
            ),
            takeaway=N_("A bad moment cancels several good ones: prevent them first."),
        ),
        Simulation(
            name="interest",
            title=N_("Service is not everything"),
            question=N_(
                "Same service, same warmth: who comes back more, customers with a real reason "
                "to come or customers without one? By how much?"
            ),
            factory=simulators.interest_simulator,
            expected=N_(
                "Customers with a reason come back about three times as often. Warmth lifts "
                "both groups but does not close the gap."
            ),
            takeaway=N_(
                "Good service is necessary, not sufficient: customers also need a reason to come."
            ),
        ),
    ),
    exercises=exercises,
)
