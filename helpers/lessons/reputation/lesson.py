"""Notebook 03 · reputation: the manifest.

Every ``expected`` sentence is asserted on the models in ``tests/lessons/reputation/test_claims``.
"""

from helpers.i18n import N_
from helpers.lessons import Lesson, Simulation
from helpers.lessons.reputation import network_picture, recovery_simulators, simulators
from helpers.lessons.reputation.questions import exercises

LESSON = Lesson(
    notebook="03_reputation",
    title=N_("Reputation"),
    question=N_("How does one experience reach friends, family and strangers online?"),
    minutes=114,
    simulations=(
        Simulation(
            name="word-of-mouth",
            title=N_("Word of mouth, month by month"),
            question=N_(
                "Our customers talk. Does word of mouth win us more customers than it loses? "
                "And if unhappy visits doubled, from 6 % to 12 %?"
            ),
            factory=simulators.word_of_mouth_simulator,
            expected=N_(
                "At the starting settings word of mouth wins about 420 customers in a year and "
                "loses about 190, with about three praise messages per warning. Doubling the "
                "unhappy visits to 12 % cuts the net gain by more than half."
            ),
            takeaway=N_("Delighted customers bring customers; unhappy ones take some away."),
        ),
        Simulation(
            name="network",
            title=N_("How far one experience travels"),
            question=N_(
                "An unhappy customer who talks reaches her close ties. What if ten more people "
                "heard each warning, as the folklore says?"
            ),
            factory=network_picture.network_simulator,
            expected=N_(
                "With close ties only, more people are won (green) than lost (red) in a year. "
                "With ten extra people hearing each warning, red crosses spread across the whole "
                "town and the lost outnumber the won."
            ),
            takeaway=N_(
                "Warnings that leave the circle of close ties reach people the shop never meets."
            ),
        ),
        Simulation(
            name="bass",
            title=N_("Word of mouth without a network: the Bass model"),
            question=N_(
                "With the average values (p = 0.03 come on their own each period, q = 0.38 "
                "pull of customers), when do new customers peak? What happens when q doubles?"
            ),
            factory=simulators.bass_simulator,
            expected=N_(
                "The peak comes at period 6.19, and in the model about four in five customers "
                "are pulled in by customers. Doubling q brings the peak earlier (about period 4) "
                "and higher. With q at or below p there is no peak."
            ),
            takeaway=N_(
                "In the model, outside influence starts it and the pull of customers carries it."
            ),
        ),
        Simulation(
            name="reviews",
            title=N_("Why the stars online are J-shaped"),
            question=N_(
                "Mostly the delighted and the angry write reviews. What do the stars online look "
                "like beside what all customers think?"
            ),
            factory=simulators.reviews_simulator,
            expected=N_(
                "The reviews pile up at 5 stars with a second heap at 1 star: 1 or 5 stars make "
                "about two thirds of the reviews, against about a third of the customers, "
                "while the average hardly moves."
            ),
            takeaway=N_("The stars online show who writes, not what the average customer thinks."),
        ),
        Simulation(
            name="refund",
            title=N_("Refund or not?"),
            question=N_(
                "She brings us 100 a year in margin; the refund would cost us 60. Refund or "
                "refuse? Up to what refund does refunding pay?"
            ),
            factory=recovery_simulators.refund_simulator,
            expected=N_(
                "Refunding costs about 93 with her future purchases counted, refusing about 191 "
                "with her future purchases and the people she tells: refunding pays up to about "
                "157. A more valuable customer, or more people who hear her story, raise that "
                "line."
            ),
            takeaway=N_(
                "A refund costs one item; losing the customer costs her future purchases and some "
                "of the people she tells."
            ),
        ),
        Simulation(
            name="scenario",
            title=N_("Scenario: a broken item past its warranty"),
            question=N_(
                "Refund, repair free, refuse, or refuse politely with an alternative: which "
                "costs the shop least, counting her future purchases?"
            ),
            factory=recovery_simulators.scenario_simulator,
            expected=N_(
                "For a regular customer a free repair is cheapest (about 90) and a flat refusal "
                "dearest (about 274), once her future purchases and the people she tells are "
                "counted."
            ),
            takeaway=N_(
                "Be generous in the cheapest way that keeps her: a free repair often beats a "
                "refund, and both beat a flat refusal for a good customer."
            ),
        ),
    ),
    exercises=exercises,
)
