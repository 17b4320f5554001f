"""Notebook 02 · repeat business: the manifest.

Every ``expected`` sentence is asserted on the model in
``tests/lessons/repeat_business/test_claims.py``.
"""

from helpers.i18n import N_
from helpers.lessons import Lesson, Simulation
from helpers.lessons.repeat_business import simulators
from helpers.lessons.repeat_business.questions import exercises

LESSON = Lesson(
    notebook="02_repeat_business",
    title=N_("Repeat business"),
    question=N_("Why do customers come back, and what is a returning customer worth?"),
    minutes=97,
    simulations=(
        Simulation(
            name="two-shops",
            title=N_("Two shops, one town"),
            question=N_(
                "Riverside's visits are a little better: 5 points more delighted visits, 5 points "
                "fewer bad moments. It starts with 49 % of the customers. What share after two "
                "years?"
            ),
            factory=simulators.two_shops_simulator,
            expected=N_(
                "Riverside's share grows from 49 % to about 61 % in 24 months, fast at first, "
                "then more slowly. With the same service in both shops it stays at 48-49 %."
            ),
            takeaway=N_(
                "In our model a small service edge, kept up every month, adds up to a large "
                "share, then levels off."
            ),
        ),
        Simulation(
            name="customer-value",
            title=N_("What a returning customer is worth"),
            question=N_(
                "At 80 % of customers coming back each year, what is one more point worth? And "
                "at 90 %?"
            ),
            factory=simulators.customer_value_simulator,
            expected=N_(
                "At 80 % coming back a customer's future margin, from next year on, is worth 2.67 "
                "years of margin in today's money; at 85 %, 27.5 % more (this year's margin comes "
                "on top). The curve bends upward: each point is worth more than the one before."
            ),
            takeaway=N_(
                "A customer's future margin is worth r ÷ (1 + i − r) years of margin: 2.7 at "
                "80 % coming back, under 1 in our town, where fewer than half come back. With "
                "the margin held fixed, the last points of retention are worth the most."
            ),
        ),
        Simulation(
            name="loyalty-over-time",
            title=N_("Why loyalty seems to grow with time"),
            question=N_(
                "37 of 100 new customers leave in their first year. How many are still "
                "customers after 5 years?"
            ),
            factory=simulators.loyalty_over_time_simulator,
            expected=N_(
                "When customers differ, 30 of 100 are still there after 5 years, against 10 if "
                "everyone were alike, and retention rises from 63 % to 88 %. At 0 the lines meet."
            ),
            takeaway=N_(
                "Retention rises with time because the least loyal leave first, not because "
                "anyone became more loyal."
            ),
        ),
        Simulation(
            name="follow-up",
            title=N_("Follow up after a big purchase"),
            question=N_(
                "Buyers who got a call come back more often than buyers who did not. Is that "
                "gap what the call did?"
            ),
            factory=simulators.follow_up_simulator,
            expected=N_(
                "With calls made at random the gap is the call's own effect, 22 points. When "
                "staff pick the happy buyers the gap grows to 32 points, though the call does no "
                "more."
            ),
            takeaway=N_(
                "A call a few months after a big purchase can bring customers back (in our town, "
                "by design); to measure it, compare like with like."
            ),
        ),
    ),
    exercises=exercises,
)
